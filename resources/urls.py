"""Public directory URLs beside the Wagtail pages (included at /directory/)."""

from django.urls import path

from resources import views

app_name = "directory"

urlpatterns = [
    path("search/", views.search, name="search"),
    path(
        "services/<uuid:hsds_id>/report-error/",
        views.report_error,
        name="report_error",
    ),
    path(
        "services/<uuid:hsds_id>/report-error/thanks/",
        views.report_thanks,
        name="report_thanks",
    ),
    path("my-list/", views.my_list, name="my_list"),
    path("my-list/add/", views.my_list_add, name="my_list_add"),
    path("my-list/remove/", views.my_list_remove, name="my_list_remove"),
    path("my-list/clear/", views.my_list_clear, name="my_list_clear"),
]
