"""Give or take a view grant: the only code that writes the grant tables."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from agencies.permissions import GRANT_MODELS, view_codename


def view_permission(model) -> Permission:
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(model),
        codename=view_codename(model),
    )


def grant_view(obj, *, agency=None, user=None) -> bool:
    """Let an agency (or one user) see ``obj``; True if the grant is new."""
    group_grant, user_grant = GRANT_MODELS[type(obj)]
    permission = view_permission(type(obj))
    if agency is not None:
        _, created = group_grant.objects.get_or_create(
            group_id=agency.group_id, permission=permission, content_object=obj
        )
    else:
        _, created = user_grant.objects.get_or_create(
            user=user, permission=permission, content_object=obj
        )
    return created


def revoke_view(obj, *, agency=None, user=None) -> int:
    group_grant, user_grant = GRANT_MODELS[type(obj)]
    codename = view_codename(type(obj))
    if agency is not None:
        rows = group_grant.objects.filter(
            group_id=agency.group_id, content_object=obj, permission__codename=codename
        )
    else:
        rows = user_grant.objects.filter(
            user=user, content_object=obj, permission__codename=codename
        )
    deleted, _ = rows.delete()
    return deleted


def copy_view_grants(*, source, target) -> None:
    """``target`` (an amendment) is seen by exactly whoever sees ``source``."""
    group_grant, user_grant = GRANT_MODELS[type(source)]
    permission = view_permission(type(source))
    group_grant.objects.bulk_create(
        [
            group_grant(group_id=g, permission=permission, content_object=target)
            for g in group_grant.objects.filter(
                content_object=source, permission=permission
            ).values_list("group_id", flat=True)
        ],
        ignore_conflicts=True,
    )
    user_grant.objects.bulk_create(
        [
            user_grant(user_id=u, permission=permission, content_object=target)
            for u in user_grant.objects.filter(
                content_object=source, permission=permission
            ).values_list("user_id", flat=True)
        ],
        ignore_conflicts=True,
    )
