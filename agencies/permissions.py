"""The permission layer: the one module that decides who may see or do what.

Every workspace view, list, count, search, export and template asks here;
nothing else decides (DESIGN.md). Default deny: a user with no agency sees
nothing confidential — administrators included, unless they are also agency
staff; auditors read the audit log and nothing else.

Reads are django-guardian ``view_<model>`` grants in the direct foreign-key
tables of ``agencies.models.grants``: granted to agency groups (the usual
case) and, rarely, to one user. Writes follow ownership and role: an
agency changes what it owns; its leads share and revoke, its members
propose. Controlled buys and risk decisions follow their subject.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db.models import Model, Q, QuerySet, Subquery
from django.http import Http404

from agencies.choices import MembershipRole
from agencies.models import (
    Agency,
    Case,
    CaseGroupGrant,
    CaseNote,
    CaseNoteGroupGrant,
    CaseNoteUserGrant,
    CaseUserGrant,
    Market,
    MarketGroupGrant,
    MarketUserGrant,
    Membership,
    Subject,
    SubjectGroupGrant,
    SubjectUserGrant,
)

AUDITORS_GROUP = "Auditors"

# model -> (group grant model, user grant model)
GRANT_MODELS = {
    Market: (MarketGroupGrant, MarketUserGrant),
    Subject: (SubjectGroupGrant, SubjectUserGrant),
    Case: (CaseGroupGrant, CaseUserGrant),
    CaseNote: (CaseNoteGroupGrant, CaseNoteUserGrant),
}
CONFIDENTIAL_MODELS = tuple(GRANT_MODELS)


def view_codename(model) -> str:
    return f"view_{model._meta.model_name}"


# --- who the user is -------------------------------------------------------


def membership_of(user) -> Membership | None:
    """The user's agency membership (cached on the user object), or None."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if not hasattr(user, "_workspace_membership"):
        user._workspace_membership = (
            Membership.objects.select_related("agency").filter(user=user).first()
        )
    return user._workspace_membership


def agency_of(user) -> Agency | None:
    membership = membership_of(user)
    return membership.agency if membership is not None else None


def is_workspace_user(user) -> bool:
    return membership_of(user) is not None


def is_lead(user) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.role == MembershipRole.LEAD


def can_read_audit_log(user) -> bool:
    """Auditors and administrators; nobody else, agency leads included."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=AUDITORS_GROUP).exists()


# --- reads -----------------------------------------------------------------


def view_permission_id(model) -> Subquery:
    """The view permission's id as a one-row subquery.

    Filtering grants on ``permission__codename`` joins auth_permission and
    misleads PostgreSQL's estimates (it then sorts every grant of the agency
    for each page); an id lets it read the (group, permission, object) index
    backwards and stop after one page. A subquery, not a cached id, because
    test databases renumber permissions when they are flushed.
    """
    return Subquery(
        Permission.objects.filter(
            content_type__app_label=model._meta.app_label,
            codename=view_codename(model),
        ).values("pk")[:1]
    )


def _grant_filter(model, user, *, field="pk") -> Q:
    """``field`` is among the ids the user's agency or the user was granted."""
    group_grant, user_grant = GRANT_MODELS[model]
    permission = view_permission_id(model)
    agency = agency_of(user)
    by_user = user_grant.objects.filter(
        user_id=user.pk, permission_id=permission
    ).values("content_object_id")
    condition = Q(**{f"{field}__in": by_user})
    if agency is not None:
        by_group = group_grant.objects.filter(
            group_id=agency.group_id, permission_id=permission
        ).values("content_object_id")
        condition |= Q(**{f"{field}__in": by_group})
    return condition


def visible(model, *, user) -> QuerySet:
    """Every ``model`` row the user may see; none for a non-member."""
    if model not in GRANT_MODELS:
        raise ValueError(f"{model.__name__} is not a confidential record type.")
    if not is_workspace_user(user):
        return model.objects.none()
    return model.objects.filter(_grant_filter(model, user))


def can_view(user, obj: Model) -> bool:
    if obj is None or obj.pk is None:
        return False
    if type(obj) not in GRANT_MODELS:
        # Buys and decisions follow their subject.
        subject = getattr(obj, "subject", None)
        return subject is not None and can_view(user, subject)
    return visible(type(obj), user=user).filter(pk=obj.pk).exists()


def get_visible_or_404(model, *, user, pk, queryset=None):
    """The object, or Http404 exactly as if it did not exist."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    if not is_workspace_user(user):
        raise Http404
    base = queryset if queryset is not None else model.objects.all()
    obj = base.filter(pk=pk).filter(_grant_filter(model, user)).first()
    if obj is None:
        raise Http404
    return obj


def visible_note_ids_page(*, user, offset: int, limit: int) -> tuple[list[int], bool]:
    """One page of the newest note ids the user may see, and whether more follow.

    The fast path for the unfiltered note list (bench/case_notes.py): read
    the agency's grant index backwards (index-only, newest first) and the
    user's few personal grants, merge, and never count the whole set.
    """
    if not is_workspace_user(user):
        return [], False
    wanted = offset + limit + 1
    agency = agency_of(user)
    group_ids = list(
        CaseNoteGroupGrant.objects.filter(
            group_id=agency.group_id, permission_id=view_permission_id(CaseNote)
        )
        .order_by("-content_object_id")
        .values_list("content_object_id", flat=True)[:wanted]
    )
    user_ids = list(
        CaseNoteUserGrant.objects.filter(
            user_id=user.pk, permission_id=view_permission_id(CaseNote)
        )
        .order_by("-content_object_id")
        .values_list("content_object_id", flat=True)[:wanted]
    )
    merged = sorted(set(group_ids).union(user_ids), reverse=True)
    page = merged[offset : offset + limit]
    return page, len(merged) > offset + limit


# --- writes ----------------------------------------------------------------


def owner_agency_id(obj) -> int | None:
    if isinstance(obj, Market):
        return obj.lead_agency_id
    if isinstance(obj, Subject | Case | CaseNote):
        return obj.agency_id
    subject = getattr(obj, "subject", None)
    return subject.agency_id if subject is not None else None


def owns(user, obj) -> bool:
    """The user works for the agency that owns ``obj`` (and may see it)."""
    agency = agency_of(user)
    return agency is not None and owner_agency_id(obj) == agency.pk


def can_change(user, obj) -> bool:
    """Add buys, open cases, move a case: the owning agency's staff."""
    return owns(user, obj)


def can_add_note(user, obj) -> bool:
    """Anyone who may see a market, subject or case may write a note about it."""
    return is_workspace_user(user) and can_view(user, obj)


def can_amend(user, note: CaseNote) -> bool:
    """Corrections come from the note's own agency."""
    return owns(user, note) and can_view(user, note)


def can_share(user, obj) -> bool:
    """Leads of the owning agency share and revoke."""
    return owns(user, obj) and is_lead(user)


def can_propose_share(user, obj) -> bool:
    """Members of the owning agency propose; a lead decides."""
    return owns(user, obj) and not is_lead(user)


def can_propose_decision(user, subject: Subject) -> bool:
    agency = agency_of(user)
    return (
        agency is not None
        and (agency.is_police or agency.is_prosecutor)
        and can_view(user, subject)
    )


def approval_role(user) -> str | None:
    """ "police" or "prosecutor" for a lead of such an agency, else None."""
    agency = agency_of(user)
    if agency is None or not is_lead(user):
        return None
    if agency.is_police:
        return "police"
    if agency.is_prosecutor:
        return "prosecutor"
    return None


def can_approve_decision(user, decision) -> bool:
    return approval_role(user) is not None and can_view(user, decision.subject)


def can_change_case_status(user, case: Case) -> bool:
    """The owning agency, or a prosecutor lead who may see the case."""
    if owns(user, case):
        return True
    agency = agency_of(user)
    return (
        agency is not None
        and agency.is_prosecutor
        and is_lead(user)
        and can_view(user, case)
    )
