from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The public service directory and its Open Referral HSDS 3.1 API."""

    name = "resources"
    verbose_name = "Service directory"
