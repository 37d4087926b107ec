from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    """The confidential workspace: agencies, markets, subjects, cases, notes, audit."""

    name = "agencies"
    verbose_name = "Agency workspace"

    def ready(self):
        # Signal receivers that write the audit log for sign-in events, and the
        # admin screen that releases locked accounts.
        from agencies.accounts import receivers, wagtail_hooks  # noqa: F401

        # Sessions (issue 3): the admin sessions screen and time-out script, and
        # the hook that ends every session of an account when it is disabled.
        from agencies.accounts import session_hooks  # noqa: F401
        from agencies.accounts.deactivation import connect_deactivation_hook

        connect_deactivation_hook()
