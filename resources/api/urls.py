"""HSDS 3.1 API routes (included at /api/hsds/)."""

from django.urls import path

from resources.api import openapi, views
from resources.hsds import download

app_name = "hsds"

urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", openapi.openapi_view, name="openapi"),
    path("export.zip", download.export_zip, name="export_zip"),
    path("export.json", download.export_json, name="export_json"),
    path("services", views.services_list, name="services"),
    path("services/<str:hsds_id>", views.service_detail, name="service"),
    path("organizations", views.organizations_list, name="organizations"),
    path(
        "organizations/<str:hsds_id>",
        views.organization_detail,
        name="organization",
    ),
    path("taxonomies", views.taxonomies_list, name="taxonomies"),
    path("taxonomies/<str:hsds_id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms_list, name="taxonomy_terms"),
    path(
        "taxonomy_terms/<str:hsds_id>",
        views.taxonomy_term_detail,
        name="taxonomy_term",
    ),
    path(
        "service_at_locations",
        views.service_at_locations_list,
        name="service_at_locations",
    ),
    path(
        "service_at_locations/<str:hsds_id>",
        views.service_at_location_detail,
        name="service_at_location",
    ),
]
