"""Permission-aware reads of case notes and of the Share rows behind them.

Every function asks ``agencies.permissions`` which notes the viewer may see
and then loads what the page shows in a fixed number of queries, whatever
the number of notes: one for the notes (authors and agencies joined), and
one per record type to learn which "about" records the viewer may open —
a note can be shared with an agency that does not see its subject, and the
subject's name must not leak through the note list.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from agencies.choices import ShareStatus
from agencies.models import Case, CaseNote, Market, Share, Subject
from agencies.permissions import (
    agency_of,
    owns,
    visible,
    visible_note_ids_page,
)

NOTE_RELATED = ("author", "agency", "market", "subject", "case")


@dataclass
class NotePage:
    notes: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def _mark_about_visible(notes, *, user) -> None:
    """Set ``note.about_visible``: may the viewer open the record it is about?"""
    wanted = {Market: set(), Subject: set(), Case: set()}
    for note in notes:
        about = note.about
        if about is not None:
            wanted[type(about)].add(about.pk)
    seen = {
        model: set(
            visible(model, user=user).filter(pk__in=ids).values_list("pk", flat=True)
        )
        if ids
        else set()
        for model, ids in wanted.items()
    }
    for note in notes:
        about = note.about
        note.about_visible = about is not None and about.pk in seen[type(about)]


def _with_amendments(notes) -> list:
    """Originals newest first, each with ``visible_amendments`` (oldest first)."""
    by_pk = {note.pk: note for note in notes}
    for note in notes:
        note.visible_amendments = []
    originals = []
    for note in sorted(notes, key=lambda n: n.pk):
        parent = by_pk.get(note.amends_id)
        if parent is not None:
            parent.visible_amendments.append(note)
        else:
            originals.append(note)
    originals.reverse()
    return originals


def _about_filter(record) -> Q:
    if isinstance(record, Market):
        return Q(market=record)
    if isinstance(record, Subject):
        return Q(subject=record)
    if isinstance(record, Case):
        return Q(case=record)
    raise TypeError("Notes are about a market, a subject or a case.")


def case_notes_for_record(*, user, record) -> list:
    """The notes about ``record`` the user may see, amendments under their original.

    One query (the record itself is visible on the page that asks).
    """
    notes = list(
        visible(CaseNote, user=user)
        .filter(_about_filter(record))
        .select_related("author", "agency")
        .order_by("-pk")
    )
    for note in notes:
        note.about_visible = True
    return _with_amendments(notes)


def case_notes_for_subject(*, user, subject, visible_case_ids) -> list:
    """Notes about the subject or any of its cases (the binder): one query.

    ``visible_case_ids``: the subject's cases the viewer may see, which the
    binder has already read; a note about any other case is shown without
    naming that case.
    """
    notes = list(
        visible(CaseNote, user=user)
        .filter(Q(subject=subject) | Q(case__subject=subject))
        .select_related("author", "agency", "subject", "case")
        .order_by("-pk")
    )
    for note in notes:
        note.about_visible = note.case_id is None or note.case_id in visible_case_ids
    return _with_amendments(notes)


def _hydrate(ids) -> list:
    rows = CaseNote.objects.filter(pk__in=ids).select_related(*NOTE_RELATED)
    return sorted(rows, key=lambda note: -note.pk)


def case_note_ids_fast(*, user, offset: int, limit: int) -> tuple[list[int], bool]:
    """The unfiltered list: the permission layer's index-only fast path."""
    return visible_note_ids_page(user=user, offset=offset, limit=limit)


def _filtered(*, user, filters: dict):
    notes = visible(CaseNote, user=user)
    if filters.get("market"):
        notes = notes.filter(market=filters["market"])
    if filters.get("subject"):
        notes = notes.filter(subject=filters["subject"])
    if filters.get("case"):
        notes = notes.filter(case=filters["case"])
    if filters.get("agency"):
        notes = notes.filter(agency=filters["agency"])
    if filters.get("sensitivity"):
        notes = notes.filter(sensitivity=filters["sensitivity"])
    if filters.get("shared"):
        # Notes another agency let us (or the viewer) see.
        agency = agency_of(user)
        notes = notes.exclude(agency=agency)
    return notes


def case_note_ids_filtered(
    *, user, filters: dict, offset: int, limit: int
) -> tuple[list[int], bool]:
    """Newest first through ``permissions.visible``; never counts the whole set."""
    ids = list(
        _filtered(user=user, filters=filters)
        .order_by("-pk")
        .values_list("pk", flat=True)[offset : offset + limit + 1]
    )
    return ids[:limit], len(ids) > limit


def case_notes_page(*, user, filters: dict, page: int, per_page: int) -> NotePage:
    """One page of the note list: ids, then one hydrating query, then "about"."""
    offset = (page - 1) * per_page
    if filters:
        ids, more = case_note_ids_filtered(
            user=user, filters=filters, offset=offset, limit=per_page
        )
    else:
        ids, more = case_note_ids_fast(user=user, offset=offset, limit=per_page)
    notes = _hydrate(ids) if ids else []
    _mark_about_visible(notes, user=user)
    return NotePage(notes=notes, number=page, has_next=more)


def case_note_detail(*, user, note) -> dict:
    """What the note page shows besides the note: amendments and the original."""
    amendments = list(
        visible(CaseNote, user=user)
        .filter(amends=note)
        .select_related("author", "agency")
        .order_by("pk")
    )
    original = None
    if note.amends_id:
        original = (
            visible(CaseNote, user=user)
            .filter(pk=note.amends_id)
            .select_related("author", "agency")
            .first()
        )
    _mark_about_visible([note], user=user)
    return {"amendments": amendments, "original": original}


SHARE_RELATED = (
    "agency",
    "user__membership__agency",
    "requested_by",
    "decided_by",
    "revoked_by",
)


def shares_for_record(*, user, record) -> list:
    """Every share, proposal and revocation of ``record``: owning agency only."""
    if not owns(user, record):
        return []
    field = {
        "market": "market",
        "subject": "subject",
        "case": "case",
        "casenote": "note",
    }[record._meta.model_name]
    return list(
        Share.objects.filter(**{field: record})
        .select_related(*SHARE_RELATED)
        .order_by("-requested_at", "-pk")
    )


def share_pending(shares) -> list:
    return [share for share in shares if share.status == ShareStatus.PROPOSED]
