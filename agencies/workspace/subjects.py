"""Workspace screens: subjects (being built)."""

urlpatterns = []
