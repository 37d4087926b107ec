"""Workspace screens: cases (being built)."""

urlpatterns = []
