"""Agencies of the partnership and the people who work for them.

Each agency owns one Django ``Group``: object permissions are granted to that
group, so joining or leaving an agency changes what a person sees at once.
A person belongs to at most one agency (``Membership.user`` is one-to-one).
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.choices import PROSECUTOR_KINDS, AgencyKind, MembershipRole


class Agency(models.Model):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=AgencyKind.choices)
    jurisdiction = models.CharField(
        max_length=200, blank=True, help_text=_("For example “Riverton, 3rd Precinct”.")
    )
    group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="agency", editable=False
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("agencies")

    def __str__(self):
        return self.name

    @property
    def is_police(self) -> bool:
        return self.kind == AgencyKind.POLICE

    @property
    def is_prosecutor(self) -> bool:
        return self.kind in PROSECUTOR_KINDS


class Membership(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(
        max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency__name", "user__username"]

    def __str__(self):
        return f"{self.user} ({self.agency}, {self.get_role_display()})"

    @property
    def is_lead(self) -> bool:
        return self.role == MembershipRole.LEAD
