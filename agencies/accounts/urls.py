"""/accounts/: allauth's sign-in, sign-out, password and MFA pages."""

from django.urls import include, path

urlpatterns = [path("", include("allauth.urls"))]
