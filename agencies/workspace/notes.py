"""Workspace screens: case notes (list, page, add, amend).

The sharing and binder screens live in ``sharing.py`` and ``binder.py``;
their URLs are gathered here so ``urls.py`` needs no change.

Anything the viewer may not see answers 404 (``get_visible_or_404``); a
write the viewer's role forbids on something they can see answers 403.
Every page that shows a note or a record is audited as a read.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from agencies.models import AuditAction, CaseNote
from agencies.permissions import can_add_note, can_amend, get_visible_or_404
from agencies.selectors.notes import NOTE_RELATED, case_note_detail, case_notes_page
from agencies.services.notes import case_note_amend, case_note_create
from agencies.services.records import WorkspaceError
from agencies.workspace import binder, sharing
from agencies.workspace.access import audit_read, workspace_view
from agencies.workspace.forms.notes import (
    NOTE_KINDS,
    AmendForm,
    NoteFilterForm,
    NoteForm,
)
from agencies.workspace.sharing import safe_next

PAGE_SIZE = 50


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except (TypeError, ValueError):
        return 1


def _audit_filters(filters: dict) -> dict:
    """Filters as ids and codes only: the audit log never holds a name."""
    return {key: getattr(value, "pk", value) for key, value in sorted(filters.items())}


@workspace_view
def note_list(request):
    form = NoteFilterForm(request.GET or None, user=request.user)
    page_number = _page_number(request)
    filters = form.active_filters()
    if form.is_bound and not form.is_valid():
        page = None  # a bad filter shows its error, never the unfiltered list
    else:
        page = case_notes_page(
            user=request.user, filters=filters, page=page_number, per_page=PAGE_SIZE
        )
    query = request.GET.copy()
    query.pop("page", None)
    audit_read(
        request,
        None,
        action=AuditAction.RECORD_LISTED,
        list="casenote",
        page=page_number,
        filters=_audit_filters(filters),
        shown=len(page.notes) if page else 0,
    )
    return render(
        request,
        "agencies/workspace/notes/list.html",
        {
            "form": form,
            "page": page,
            "filtered": bool(filters),
            "extra_query": query.urlencode(),
        },
    )


@workspace_view
def note_detail(request, pk):
    note = get_visible_or_404(
        CaseNote,
        user=request.user,
        pk=pk,
        queryset=CaseNote.objects.select_related(*NOTE_RELATED),
    )
    context = {
        "note": note,
        "can_amend": can_amend(request.user, note),
        **case_note_detail(user=request.user, note=note),
        **sharing.sharing_context(request, note),
    }
    audit_read(request, note)
    return render(request, "agencies/workspace/notes/detail.html", context)


@workspace_view
def note_add(request, kind, pk):
    model = NOTE_KINDS.get(kind)
    if model is None:
        raise Http404
    record = get_visible_or_404(model, user=request.user, pk=pk)
    if not can_add_note(request.user, record):
        raise PermissionDenied
    form = NoteForm(request.POST or None, auto_id="id_note_%s")
    if request.method == "POST" and form.is_valid():
        try:
            note = case_note_create(
                about=record,
                author=request.user,
                text=form.cleaned_data["text"],
                sensitivity=form.cleaned_data["sensitivity"],
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Note added. Only your agency sees it."))
            return redirect(
                safe_next(request, reverse("workspace:note", args=[note.pk]))
            )
    audit_read(request, record, view="add_note")
    return render(
        request,
        "agencies/workspace/notes/add.html",
        {"form": form, "record": record, "next": safe_next(request, "")},
    )


@workspace_view
def note_amend(request, pk):
    note = get_visible_or_404(
        CaseNote,
        user=request.user,
        pk=pk,
        queryset=CaseNote.objects.select_related("author", "agency"),
    )
    if not can_amend(request.user, note):
        raise PermissionDenied
    form = AmendForm(request.POST or None, initial={"sensitivity": note.sensitivity})
    if request.method == "POST" and form.is_valid():
        try:
            amendment = case_note_amend(
                note=note,
                author=request.user,
                text=form.cleaned_data["text"],
                sensitivity=form.cleaned_data["sensitivity"],
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Amendment added under the original note."))
            return redirect("workspace:note", amendment.amends_id)
    audit_read(request, note, view="amend")
    return render(
        request, "agencies/workspace/notes/amend.html", {"form": form, "note": note}
    )


urlpatterns = [
    path("notes/", note_list, name="notes"),
    path("notes/<int:pk>/", note_detail, name="note"),
    path("notes/<int:pk>/amend/", note_amend, name="note_amend"),
    path("notes/add/<str:kind>/<int:pk>/", note_add, name="note_add"),
    *sharing.urlpatterns,
    *binder.urlpatterns,
]
