"""Fixed lists used by the public site."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    """The DMI phases a neighborhood moves through (DOMAIN.md)."""

    PLANNING = "planning", _("Planning")
    IDENTIFICATION = "identification", _("Identification")
    INVESTIGATION = "investigation", _("Investigation")
    CALL_IN = "call-in", _("Call-in")
    FOLLOW_UP = "follow-up", _("Follow-up")
    MAINTENANCE = "maintenance", _("Maintenance")
    CLOSED = "closed", _("Closed")


PHASE_DESCRIPTIONS = {
    Phase.PLANNING: _("Partners agree to work together and gather data."),
    Phase.IDENTIFICATION: _("The market's boundary and history are mapped."),
    Phase.INVESTIGATION: _("Police build cases against every seller."),
    Phase.CALL_IN: _(
        "Sellers and their families meet law enforcement, service providers "
        "and neighbors."
    ),
    Phase.FOLLOW_UP: _("Services are delivered and promises are enforced."),
    Phase.MAINTENANCE: _("Residents and police keep the market closed."),
    Phase.CLOSED: _("The intervention is complete."),
}


class FigureSeries(models.TextChoices):
    """The monthly series published for each neighborhood."""

    CALLS_FOR_SERVICE = "calls_for_service", _("Calls for service")
    DRUG_OFFENSES = "drug_offenses", _("Drug offenses")
    VIOLENT_CRIME = "violent_crime", _("Violent crime")
    PROPERTY_CRIME = "property_crime", _("Property crime")
    COMMUNITY_COMPLAINTS = "community_complaints", _("Community complaints")


class FigureArea(models.TextChoices):
    """Where a count was measured: the market, the buffer around it, the city."""

    MARKET = "market", _("Market area")
    BUFFER = "buffer", _("Surrounding buffer")
    CITY = "city", _("Whole city")
