"""Template helpers of the workspace: the notes block and links to records.

``{% notes_for record as notes %}`` asks the notes selector with the signed-in
user, so a page that includes the notes block can only ever show the notes
that user may see (agencies.permissions decides; this tag decides nothing).
"""

from django import template
from django.urls import NoReverseMatch, reverse

from agencies.selectors.notes import case_notes_for_record
from agencies.workspace.forms.notes import NoteForm

register = template.Library()

KIND_OF_MODEL = {
    "market": "market",
    "subject": "subject",
    "case": "case",
    "casenote": "note",
}


@register.simple_tag(takes_context=True)
def notes_for(context, record):
    """The notes about ``record`` the viewer may see (one query)."""
    request = context.get("request")
    if request is None or record is None:
        return []
    return case_notes_for_record(user=request.user, record=record)


@register.simple_tag
def note_form():
    """An empty "add a note" form for the notes block."""
    return NoteForm(auto_id="id_note_%s")


@register.filter
def record_kind(record) -> str:
    """``market``, ``subject``, ``case`` or ``note``: the kind in workspace URLs."""
    meta = getattr(record, "_meta", None)
    return KIND_OF_MODEL.get(meta.model_name, "") if meta is not None else ""


@register.simple_tag
def record_url(record) -> str:
    """The record's own workspace page, or "" while that screen does not exist."""
    kind = record_kind(record)
    if not kind:
        return ""
    try:
        return reverse(f"workspace:{kind}", args=[record.pk])
    except NoReverseMatch:
        return ""


@register.filter
def person_name(user) -> str:
    """A staff member's name for bylines; accounts removed since show as such."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


@register.filter
def record_type(record) -> str:
    """ "Market", "Subject", "Case" or "Case note", translated."""
    meta = getattr(record, "_meta", None)
    return str(meta.verbose_name).capitalize() if meta is not None else ""
