from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The public service directory and its Open Referral HSDS 3.1 API."""

    name = "resources"
    verbose_name = "Service directory"
    # Listed by `manage.py demo_logins` (portal.demo.users.demo_login_rows).
    demo_roles = {
        "provider": (
            "Service provider: edits Riverton Recovery Center's listings only, "
            "submits them for review; sees and updates its call-in referrals "
            "at /referrals/"
        ),
        "directory_editor": (
            "Directory editor: approves providers' changes, keeps the categories"
        ),
    }

    def ready(self):
        from wagtail.signals import page_published

        from resources.models import ServicePage
        from resources.search_index import drop_defunct_service_from_index

        # Wagtail indexes on save but never removes a page that stops
        # qualifying for get_indexed_objects(); publishing "defunct" must.
        page_published.connect(drop_defunct_service_from_index, sender=ServicePage)
