"""Writes for the service directory: groups, workflow, verification.

Named ``<entity>_<action>`` with keyword-only arguments (STYLE.md, rule 6).
Each ``*_ensure`` is idempotent: safe from demo data, hooks and tests alike.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from resources.choices import (
    DIRECTORY_EDITORS_GROUP,
    DIRECTORY_WORKFLOW_NAME,
    PROVIDER_GROUP_PREFIX,
)
from resources.models import ProviderGroup, ServiceVerification

# Providers may draft and submit; only directory editors publish.
PROVIDER_PAGE_PERMISSIONS = ["add_page", "change_page"]
EDITOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
# Providers pick categories and languages in choosers (which need "view") but
# never change the shared lists.
PROVIDER_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("resources", "view_taxonomyterm"),
    ("resources", "view_taxonomy"),
    ("resources", "view_language"),
]
EDITOR_MODEL_PERMISSIONS = PROVIDER_MODEL_PERMISSIONS + [
    ("resources", action + "_" + model)
    for model in ("taxonomy", "taxonomyterm", "language")
    for action in ("add", "change", "delete")
]
IMAGE_PERMISSIONS = ["add_image", "choose_image"]


def _grant_model_permissions(group, pairs):
    for app_label, codename in pairs:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def _grant_page_permissions(group, page, codenames):
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


def _grant_image_permissions(group):
    # Logos only: uploading and choosing images in the root collection.
    root = Collection.get_first_root_node()
    for codename in IMAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailimages", codename=codename
        )
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


@transaction.atomic
def organization_provider_group_ensure(*, organization) -> Group:
    """The group whose members edit this organization's pages and nothing else."""
    link = ProviderGroup.objects.select_related("group").filter(
        organization=organization
    )
    link = link.first()
    if link is None:
        name = f"{PROVIDER_GROUP_PREFIX}{organization.title}"[:150]
        group, _ = Group.objects.get_or_create(name=name)
        link = ProviderGroup.objects.create(organization=organization, group=group)
    group = link.group
    _grant_model_permissions(group, PROVIDER_MODEL_PERMISSIONS)
    _grant_page_permissions(group, organization, PROVIDER_PAGE_PERMISSIONS)
    _grant_image_permissions(group)
    return group


def organization_provider_add(*, organization, user) -> None:
    """Make ``user`` one of the organization's provider editors."""
    user.groups.add(organization_provider_group_ensure(organization=organization))


@transaction.atomic
def directory_editors_group_ensure(*, directory_page) -> Group:
    """The "Directory editors" group: approves, publishes, keeps the categories."""
    group, _ = Group.objects.get_or_create(name=DIRECTORY_EDITORS_GROUP)
    _grant_model_permissions(group, EDITOR_MODEL_PERMISSIONS)
    _grant_page_permissions(group, directory_page, EDITOR_PAGE_PERMISSIONS)
    _grant_image_permissions(group)
    return group


@transaction.atomic
def directory_workflow_ensure(*, directory_page) -> Workflow:
    """The "Directory review" workflow on the whole directory: editors approve."""
    editors = directory_editors_group_ensure(directory_page=directory_page)
    workflow, _ = Workflow.objects.get_or_create(name=DIRECTORY_WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=DIRECTORY_EDITORS_GROUP).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=DIRECTORY_EDITORS_GROUP)
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(
        page=Page.objects.get(pk=directory_page.pk), defaults={"workflow": workflow}
    )
    return workflow


def service_mark_verified(*, service, user, note="", at=None) -> ServiceVerification:
    """Stamp the assured date and assurer; no revision, no other field touched."""
    return ServiceVerification.objects.create(
        service=service,
        verified_at=at or timezone.now(),
        verified_by=user,
        assurer_email=getattr(user, "email", "") or "",
        note=note,
    )
