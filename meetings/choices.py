from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


# --- Joint call-ins (confidential, issue 6) ---------------------------------


class CallInStatus(models.TextChoices):
    """draft → scheduled ⇄ ready → held → closed; cancelled from before held.

    "ready" means every invitee has an agreed follow-up plan (RAND); adding
    an invitee without one sends a ready call-in back to scheduled.
    """

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    READY = "ready", _("Ready: every follow-up plan agreed")
    HELD = "held", _("Held")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class Reply(models.TextChoices):
    AWAITING = "awaiting", _("Awaiting reply")
    ACCEPTED = "accepted", _("Accepted")
    TENTATIVE = "tentative", _("Tentative")
    DECLINED = "declined", _("Declined")


class OnSiteService(models.TextChoices):
    INTERPRETATION = "interpretation", _("Interpretation")
    CHILDCARE = "childcare", _("Childcare")
    TRANSPORT = "transport", _("Transport to and from the call-in")
    MEAL = "meal", _("Meal")
    ACCESSIBILITY = "accessibility", _("Step-free access and hearing loop")


class Attendance(models.TextChoices):
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


class AttemptMethod(models.TextChoices):
    LETTER = "letter", _("Letter")
    HOME_VISIT = "home_visit", _("Home visit")
    PHONE = "phone", _("Phone")


class ReferralStatus(models.TextChoices):
    """referred → first contact → engaged → completed; declined from any open step."""

    REFERRED = "referred", _("Referred")
    FIRST_CONTACT = "first_contact", _("First contact")
    ENGAGED = "engaged", _("Engaged")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")


class FollowUpKind(models.TextChoices):
    NEW_CONTACT = "new_contact", _("New contact with police")
    ARREST = "arrest", _("Arrest")
    OTHER = "other", _("Other")
