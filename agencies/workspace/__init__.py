"""The confidential workspace: our own views at /workspace/, outside Wagtail's admin.

Every view is wrapped by ``access.workspace_view`` and reads only through
``agencies.permissions`` and the selectors; every read of a record is audited.
"""
