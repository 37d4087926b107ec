"""Workspace screens: notes (being built)."""

urlpatterns = []
