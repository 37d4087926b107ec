"""Writes for the service directory: groups, workflow, verification.

Named ``<entity>_<action>`` with keyword-only arguments (STYLE.md, rule 6).
Each ``*_ensure`` is idempotent: safe from demo data, hooks and tests alike.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from modelcluster.models import get_all_child_relations
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
    STALE_AFTER_DAYS,
)
from resources.models import (
    OrganizationPage,
    ProviderGroup,
    ServiceAtLocation,
    ServicePage,
    ServiceVerification,
    VerificationReminder,
)
from resources.models.copying import renew_uuids, uuid_field_names
from resources.selectors import organization_contact_emails

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
EDITOR_MODEL_PERMISSIONS = (
    PROVIDER_MODEL_PERMISSIONS
    + [
        ("resources", action + "_" + model)
        for model in ("taxonomy", "taxonomyterm", "language")
        for action in ("add", "change", "delete")
    ]
    + [("resources", "view_errorreport"), ("resources", "change_errorreport")]
)
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


def pages_renew_hsds_ids(*, root, source_root=None) -> None:
    """After a copy: align the copies' revisions with their rows' new UUIDs.

    Rows got fresh UUIDs as they were copied (FreshHsdsIdsOnCopy), but the
    copied revisions still carry the originals' values, which publishing a
    revision would write back. A copied organization's services also point
    at the original's locations; they are moved to the copy's locations.
    """
    pages = [root.specific, *[page.specific for page in root.get_descendants()]]
    for page in pages:
        for relation in get_all_child_relations(page):
            rows = {
                row.pk: row for row in getattr(page, relation.get_accessor_name()).all()
            }
            names = uuid_field_names(relation.related_model)
            for revision in page.revisions.all():
                for data in revision.content.get(relation.get_accessor_name(), []):
                    row = rows.get(data.get("pk"))
                    for name in names:
                        data[name] = str(getattr(row, name)) if row else None
                    if row is None:
                        fresh = relation.related_model()
                        renew_uuids(fresh)
                        for name in names:
                            data[name] = str(getattr(fresh, name))
                revision.save(update_fields=["content"])
    source = source_root.specific if source_root else None
    if isinstance(source, OrganizationPage) and isinstance(
        root.specific, OrganizationPage
    ):
        old = list(source.locations.order_by("pk"))
        new = list(root.specific.locations.order_by("pk"))
        for old_location, new_location in zip(old, new, strict=False):
            ServiceAtLocation.objects.filter(
                service__path__startswith=root.path, location=old_location
            ).update(location=new_location)


def service_verification_reminder_send(*, service, now=None):
    """Email the organization's contacts that the listing needs checking; once a period.

    The VerificationReminder row is written first under a unique constraint,
    so two workers racing on the same service send one email, not two.
    Returns the reminder, or None when one was already sent for this period.
    """
    now = now or timezone.now()
    service = ServicePage.objects.with_verification().get(pk=service.pk)
    period_start = service.verified_since
    if period_start is None:
        return None
    organization = service.organization
    recipients = organization_contact_emails(organization=organization) or [
        settings.EDITORS_EMAIL
    ]
    try:
        with transaction.atomic():
            reminder = VerificationReminder.objects.create(
                service=service,
                period_start=period_start,
                sent_at=now,
                recipients="\n".join(recipients),
            )
    except IntegrityError:
        return None
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "service": service,
        "organization": organization,
        "stale_on": period_start + timedelta(days=STALE_AFTER_DAYS),
        "verify_url": base_url + reverse("resources_mark_verified", args=[service.pk]),
        "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[service.pk]),
    }
    send_mail(
        subject=render_to_string(
            "resources/email/verification_reminder_subject.txt", context
        ).strip(),
        message=render_to_string("resources/email/verification_reminder.txt", context),
        from_email=None,
        recipient_list=recipients,
    )
    return reminder


def home_directory_link_ensure(*, home, directory) -> bool:
    """Point the home page's "service directory" link at ``directory`` if unset.

    Goes through a published revision, not a queryset update, so publishing
    the home page later keeps the link. Returns True when it set the link.
    """
    if home.directory_page_id:
        return False
    home.directory_page = directory
    home.save_revision().publish()
    return True
