"""Markets, subjects, controlled buys, risk decisions and cases (all confidential).

None of these is a Wagtail snippet, page, search-indexed model or chooser
target: they are read only through ``agencies.permissions`` (DESIGN.md).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.choices import (
    ActivationReason,
    CaseStatus,
    DecisionStatus,
    MarketPhase,
    ProsecutingOffice,
    RiskTier,
)
from agencies.models.agency import Agency
from agencies.models.retention import RetainedRecord

USER = settings.AUTH_USER_MODEL


class Market(models.Model):
    """One neighborhood's open-air drug market and the intervention against it."""

    name = models.CharField(max_length=200)
    neighborhood = models.ForeignKey(
        "portal.NeighborhoodPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Its public progress page, if there is one."),
    )
    lead_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="led_markets"
    )
    partners = models.ManyToManyField(
        Agency, blank=True, related_name="partner_markets"
    )
    phase = models.CharField(
        max_length=30, choices=MarketPhase.choices, default=MarketPhase.IDENTIFICATION
    )
    identified_on = models.DateField(null=True, blank=True)
    investigation_started_on = models.DateField(null=True, blank=True)
    call_in_on = models.DateField(null=True, blank=True)
    follow_up_ends_on = models.DateField(null=True, blank=True)
    selection_reasons = models.TextField(
        help_text=_("Why this market was chosen (calls for service, complaints…).")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class Subject(RetainedRecord):
    """A seller. Never on any public page, feed, sitemap or search."""

    market = models.ForeignKey(
        Market, on_delete=models.PROTECT, related_name="subjects"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", help_text=_("Owner.")
    )
    full_name = models.CharField(max_length=200)
    aliases = models.CharField(
        max_length=300, blank=True, help_text=_("Separate aliases with commas.")
    )
    date_of_birth = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["full_name", "pk"]

    def __str__(self):
        return self.full_name


class ControlledBuy(models.Model):
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="buys")
    occurred_at = models.DateTimeField()
    place = models.CharField(max_length=200)
    officer_reference = models.CharField(
        max_length=100,
        help_text=_("Officer badge or informant reference, never a name."),
    )
    substance = models.CharField(max_length=100)
    amount = models.CharField(max_length=50, help_text=_("For example “0.4 g”."))
    evidence_reference = models.CharField(max_length=100, blank=True)
    video_reference = models.CharField(max_length=100, blank=True)
    lab_result = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]

    def __str__(self):
        return f"Controlled buy {self.pk}"


class RiskDecision(models.Model):
    """High or low risk, approved by a police lead and a prosecutor lead."""

    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="decisions"
    )
    major_dealer = models.BooleanField(default=False)
    firearms_violation = models.BooleanField(default=False)
    violent_history = models.BooleanField(default=False)
    other_criterion = models.CharField(max_length=300, blank=True)
    tier = models.CharField(max_length=10, choices=RiskTier.choices)
    prosecuting_office = models.CharField(
        max_length=10, choices=ProsecutingOffice.choices, blank=True
    )
    rationale = models.TextField()
    status = models.CharField(
        max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    police_approved_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    police_approved_at = models.DateTimeField(null=True, blank=True)
    police_rationale = models.TextField(blank=True)
    prosecutor_approved_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    prosecutor_approved_at = models.DateTimeField(null=True, blank=True)
    prosecutor_rationale = models.TextField(blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(tier="high") | ~models.Q(prosecuting_office=""),
                name="high_risk_names_office",
            )
        ]

    def __str__(self):
        return f"Risk decision {self.pk}"

    @property
    def criteria_met(self) -> bool:
        return any(
            [
                self.major_dealer,
                self.firearms_violation,
                self.violent_history,
                self.other_criterion,
            ]
        )

    @property
    def suggested_tier(self) -> str:
        """Any criterion met suggests high risk; the approvers decide."""
        return RiskTier.HIGH if self.criteria_met else RiskTier.LOW


class Case(RetainedRecord):
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="cases")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", help_text=_("Owner.")
    )
    title = models.CharField(max_length=200)
    status = models.CharField(
        max_length=12, choices=CaseStatus.choices, default=CaseStatus.BUILDING
    )
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class CaseStatusChange(models.Model):
    """The case's history: every status it moved through, by whom and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(
        max_length=12, choices=CaseStatus.choices, blank=True
    )
    to_status = models.CharField(max_length=12, choices=CaseStatus.choices)
    activation_reason = models.CharField(
        max_length=20, choices=ActivationReason.choices, blank=True
    )
    comment = models.CharField(max_length=300, blank=True)
    changed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.from_status or 'new'} → {self.to_status}"
