"""Portal models, re-exported so Django and other apps import them from one place."""

from portal.models.figures import NeighborhoodFigure
from portal.models.neighborhoods import (
    NeighborhoodIndexPage,
    NeighborhoodPage,
    NeighborhoodPhase,
    NeighborhoodUpdatePage,
)
from portal.models.pages import (
    HomePage,
    StandardPage,
    VolunteerFormField,
    VolunteerFormPage,
)
from portal.models.site_settings import PortalSettings

__all__ = [
    "HomePage",
    "NeighborhoodFigure",
    "NeighborhoodIndexPage",
    "NeighborhoodPage",
    "NeighborhoodPhase",
    "NeighborhoodUpdatePage",
    "PortalSettings",
    "StandardPage",
    "VolunteerFormField",
    "VolunteerFormPage",
]
