"""Let Wagtail's Editors and Moderators manage public meetings and figures.

Both are public content that editors keep up to date, so the groups Wagtail
creates get add/change/delete on them. The permissions are created here first:
on a fresh database Django only creates permissions after all migrations ran.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Editors", "Moderators")
MODELS = (("meetings", "communitymeeting"), ("portal", "neighborhoodfigure"))
ACTIONS = ("add", "change", "delete")


def _editor_permissions(apps):
    for app_label in {app_label for app_label, _model in MODELS}:
        app_config = apps.get_app_config(app_label)
        # Migration-state app configs have no models module; create_permissions
        # skips such apps unless told otherwise.
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(
            content_type__app_label=app_label,
            content_type__model=model,
            codename=f"{action}_{model}",
        )
        for app_label, model in MODELS
        for action in ACTIONS
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = _editor_permissions(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = _editor_permissions(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_initial"),
        ("portal", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
