"""Fixed vocabularies of the workspace. Extend; never rename a stored value."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    POLICE = "police", _("Police")
    CITY_PROSECUTOR = "city_prosecutor", _("City prosecutor")
    COUNTY_PROSECUTOR = "county_prosecutor", _("County prosecutor")
    FEDERAL_PROSECUTOR = "federal_prosecutor", _("Federal prosecutor")
    PROBATION = "probation", _("Probation")
    SERVICE_PROVIDER = "service_provider", _("Service provider")
    COMMUNITY = "community", _("Community organization")


PROSECUTOR_KINDS = (
    AgencyKind.CITY_PROSECUTOR,
    AgencyKind.COUNTY_PROSECUTOR,
    AgencyKind.FEDERAL_PROSECUTOR,
)


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    LEAD = "lead", _("Lead")


class MarketPhase(models.TextChoices):
    """DOMAIN.md phases 1–6."""

    IDENTIFICATION = "identification", _("1. Identification")
    INVESTIGATION = "investigation", _("2. Investigation")
    RISK_REVIEW = "risk_review", _("3. Risk review and case banking")
    CALL_IN_PREPARATION = "call_in_preparation", _("4. Call-in preparation")
    CALL_IN = "call_in", _("5. Call-in")
    FOLLOW_UP = "follow_up", _("6. Follow-up and enforcement")
    CLOSED = "closed", _("Closed")


class RiskTier(models.TextChoices):
    HIGH = "high", _("High risk: prosecute")
    LOW = "low", _("Low risk: bank the case for a call-in")


class ProsecutingOffice(models.TextChoices):
    CITY = "city", _("City")
    COUNTY = "county", _("County")
    FEDERAL = "federal", _("Federal")


class DecisionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Awaiting approvals")
    APPROVED = "approved", _("Approved")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CaseStatus(models.TextChoices):
    BUILDING = "building", _("Building")
    READY = "ready", _("Ready")
    BANKED = "banked", _("Banked")
    ACTIVATED = "activated", _("Activated")
    FILED = "filed", _("Filed")
    CLOSED = "closed", _("Closed")


class ActivationReason(models.TextChoices):
    NO_SHOW = "no_show", _("Did not attend the call-in")
    RENEWED_DEALING = "renewed_dealing", _("Renewed dealing")


class Sensitivity(models.TextChoices):
    STANDARD = "standard", _("Standard")
    SENSITIVE = "sensitive", _("Sensitive")
    RESTRICTED = "restricted", _("Restricted: informant or victim safety")


class ShareStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Shared")
    DECLINED = "declined", _("Declined")
    REVOKED = "revoked", _("Revoked")
