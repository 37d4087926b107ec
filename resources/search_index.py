"""Keeps defunct services out of the search index (see ResourcesConfig.ready)."""

from wagtail.search.index import remove_object

from resources.choices import ServiceStatus


def drop_defunct_service_from_index(sender, instance, **kwargs):
    if instance.status == ServiceStatus.DEFUNCT:
        remove_object(instance)
