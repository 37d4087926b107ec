"""Workspace screens: audit_log (being built)."""

urlpatterns = []
