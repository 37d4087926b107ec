"""Demo accounts: one per role, all with the same published password.

Other apps create their demo users with ``ensure_demo_user`` and list them,
with their roles, in a ``demo_roles`` attribute on their AppConfig, or in a
``DEMO_ROLES`` dict of their ``demo`` package, next to the data that makes them.
"""

from importlib import import_module

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.module_loading import module_has_submodule

DEMO_PASSWORD = "riverton-demo-2026"  # noqa: S105 - published on purpose, dev only
DEMO_EMAIL_DOMAIN = "demo.riverton.example"

# username -> (role shown to newcomers, Wagtail group or None, superuser?)
PORTAL_USERS = {
    "admin": ("Administrator: everything, including users and settings", None, True),
    "editor": ("Site editor: writes and publishes public pages", "Editors", False),
    "moderator": ("Moderator: approves submitted pages", "Moderators", False),
}


def ensure_demo_user(username, *, groups=(), superuser=False, **fields):
    """Create the account once; later runs leave it (and its password) alone."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@{DEMO_EMAIL_DOMAIN}",
            "first_name": fields.pop("first_name", username.title()),
            "last_name": fields.pop("last_name", "Demo"),
            "is_staff": superuser,
            "is_superuser": superuser,
            **fields,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
    return user


def ensure_portal_users():
    for username, (_role, group, superuser) in PORTAL_USERS.items():
        ensure_demo_user(
            username,
            groups=[group] if group else [],
            superuser=superuser,
        )


def _app_demo_roles(app_config) -> dict:
    """username -> role for one app's demo accounts (AppConfig, demo package)."""
    roles = dict(getattr(app_config, "demo_roles", {}))
    if module_has_submodule(app_config.module, "demo"):
        demo = import_module(f"{app_config.name}.demo")
        roles.update(getattr(demo, "DEMO_ROLES", {}))
    return roles


def demo_login_rows():
    """Every demo account that exists, with its role, for `make run` to print."""
    from django.apps import apps

    User = get_user_model()
    roles = {username: role for username, (role, _g, _s) in PORTAL_USERS.items()}
    for app_config in apps.get_app_configs():
        roles.update(_app_demo_roles(app_config))
    existing = set(
        User.objects.filter(username__in=roles).values_list("username", flat=True)
    )
    return [
        {"username": name, "role": role, "password": DEMO_PASSWORD}
        for name, role in roles.items()
        if name in existing
    ]
