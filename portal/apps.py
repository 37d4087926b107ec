from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The base app: home and standard pages, neighborhoods, figures, site settings."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from . import page_cache

        page_cache.connect_invalidation_signals()
