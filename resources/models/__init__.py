"""Service directory models, re-exported so other code imports them from here."""

from resources.models.directory import (
    OrganizationPage,
    OrganizationPhone,
    ProviderGroup,
    ServiceDirectoryPage,
)
from resources.models.error_report import ErrorReport
from resources.models.locations import Location, ServiceAtLocation
from resources.models.schedules import OpeningHours, open_at_q
from resources.models.search_text import ServiceSearchText
from resources.models.service_page import ServicePage, ServicePageQuerySet
from resources.models.service_rows import (
    CostOption,
    RequiredDocument,
    ServiceArea,
    ServiceCategory,
    ServiceLanguage,
    ServicePhone,
)
from resources.models.taxonomy import Language, Taxonomy, TaxonomyTerm
from resources.models.verification import ServiceVerification, VerificationReminder

__all__ = [
    "CostOption",
    "ErrorReport",
    "Language",
    "Location",
    "OpeningHours",
    "OrganizationPage",
    "OrganizationPhone",
    "ProviderGroup",
    "RequiredDocument",
    "ServiceArea",
    "ServiceAtLocation",
    "ServiceCategory",
    "ServiceDirectoryPage",
    "ServiceLanguage",
    "ServicePage",
    "ServicePageQuerySet",
    "ServicePhone",
    "ServiceSearchText",
    "ServiceVerification",
    "Taxonomy",
    "TaxonomyTerm",
    "VerificationReminder",
    "open_at_q",
]
