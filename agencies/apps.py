from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    """The confidential workspace: agencies, markets, subjects, cases, notes, audit."""

    name = "agencies"
    verbose_name = "Agency workspace"
