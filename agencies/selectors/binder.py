"""The binder: everything one viewer may see about one subject, for print.

Reads go through ``agencies.permissions`` only: the subject must be visible
(else 404), cases are filtered by their own grants, notes by theirs (a note
shared with the viewer about a case they cannot open is in the binder; the
case's title is not). A fixed number of queries, whatever the subject holds.
"""

from __future__ import annotations

from django.db.models import Prefetch

from agencies.models import Case, CaseStatusChange, Subject
from agencies.permissions import can_view, get_visible_or_404, visible
from agencies.selectors.notes import case_notes_for_subject


def subject_binder(*, user, pk) -> dict:
    subject = get_visible_or_404(
        Subject,
        user=user,
        pk=pk,
        queryset=Subject.objects.select_related("market", "agency", "created_by"),
    )
    cases = list(
        visible(Case, user=user)
        .filter(subject=subject)
        .select_related("agency")
        .prefetch_related(
            Prefetch(
                "history",
                queryset=CaseStatusChange.objects.select_related("changed_by"),
            )
        )
        .order_by("created_at", "pk")
    )
    notes = case_notes_for_subject(
        user=user, subject=subject, visible_case_ids={case.pk for case in cases}
    )
    return {
        "subject": subject,
        "market_visible": can_view(user, subject.market),
        "buys": list(
            subject.buys.select_related("recorded_by").order_by("occurred_at")
        ),
        "decisions": list(
            subject.decisions.select_related(
                "proposed_by", "police_approved_by", "prosecutor_approved_by"
            ).order_by("proposed_at", "pk")
        ),
        "cases": cases,
        "notes": notes,
        "note_count": len(notes) + sum(len(n.visible_amendments) for n in notes),
    }
