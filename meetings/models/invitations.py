"""Who is invited to a call-in, how they were reached, and the plan if they do not come.

An invitee is a low-risk subject of the call-in's market. Deleting (purging)
the subject removes their invitation, influentials, attempts, referrals and
follow-ups with it: 28 CFR Part 23 purges leave nothing of a person.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meetings.choices import AttemptMethod, Attendance, Reply
from meetings.models.call_ins import CallIn
from meetings.models.confidential import ConfidentialModel

USER = settings.AUTH_USER_MODEL


class Invitee(ConfidentialModel):
    call_in = models.ForeignKey(
        CallIn, on_delete=models.CASCADE, related_name="invitees"
    )
    subject = models.ForeignKey(
        "agencies.Subject", on_delete=models.CASCADE, related_name="call_in_invitations"
    )
    number = models.PositiveSmallIntegerField(
        help_text=_("“Invitee #n” for staff who may not see the person's name.")
    )
    reply = models.CharField(
        max_length=10, choices=Reply.choices, default=Reply.AWAITING
    )
    replied_at = models.DateTimeField(null=True, blank=True)
    # The follow-up plan, agreed before the call-in (RAND).
    plan_if_absent = models.TextField(
        blank=True, help_text=_("What happens if they do not attend.")
    )
    plan_if_dealing = models.TextField(
        blank=True, help_text=_("What happens if they keep dealing.")
    )
    plan_agreed_at = models.DateTimeField(null=True, blank=True)
    plan_agreed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # At the door.
    attendance = models.CharField(max_length=10, choices=Attendance.choices, blank=True)
    came_with = models.CharField(
        max_length=300, blank=True, help_text=_("Who came with them, e.g. “mother”.")
    )
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_in_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.TextField(blank=True, help_text=_("What was offered and said."))
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["call_in", "number"]
        constraints = [
            # Leads with subject: the "same person booked twice" check.
            models.UniqueConstraint(
                fields=["subject", "call_in"], name="call_in_invitee_once"
            ),
            models.UniqueConstraint(
                fields=["call_in", "number"], name="call_in_invitee_number"
            ),
        ]

    def __str__(self):
        return f"Invitee #{self.number}"

    @property
    def plan_agreed(self) -> bool:
        return self.plan_agreed_at is not None


class Influential(ConfidentialModel):
    """A family member or other person who can reach the invitee."""

    invitee = models.ForeignKey(
        Invitee, on_delete=models.CASCADE, related_name="influentials"
    )
    name = models.CharField(max_length=200)
    relation = models.CharField(max_length=100, help_text=_("For example “aunt”."))
    how_to_reach = models.CharField(max_length=300, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"Influential {self.pk}"


class InvitationAttempt(ConfidentialModel):
    invitee = models.ForeignKey(
        Invitee, on_delete=models.CASCADE, related_name="attempts"
    )
    method = models.CharField(max_length=12, choices=AttemptMethod.choices)
    at = models.DateTimeField()
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    delivered = models.BooleanField()
    notes = models.CharField(max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"Invitation attempt {self.pk}"


class InvitationLetterTemplate(ConfidentialModel):
    """The host agency's letter; ``{{ placeholders }}`` are filled per invitee."""

    agency = models.OneToOneField(
        "agencies.Agency", on_delete=models.CASCADE, related_name="letter_template"
    )
    text = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation letter template")

    def __str__(self):
        return f"Letter template of agency {self.agency_id}"
