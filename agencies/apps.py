from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    """The confidential workspace: agencies, markets, subjects, cases, notes, audit."""

    name = "agencies"
    verbose_name = "Agency workspace"

    def ready(self):
        # Accounts (issue 3): audit-log receivers for sign-in events, the admin
        # screens (locked accounts, sessions), and the hook that ends every
        # session of an account when it is disabled.
        import agencies.wagtail_hooks  # noqa: F401  (issue 5: agency admin)
        from agencies.accounts import (  # noqa: F401
            receivers,
            session_hooks,
            wagtail_hooks,
        )
        from agencies.accounts.deactivation import connect_deactivation_hook

        connect_deactivation_hook()
