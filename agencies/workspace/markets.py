"""Workspace screens: markets (being built)."""

urlpatterns = []
