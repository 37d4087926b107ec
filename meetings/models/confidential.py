"""Base of every call-in model: confidential rows never touch the public page cache."""

from django.db import models


class ConfidentialModel(models.Model):
    # portal.page_cache clears public pages when rows of the meetings app
    # change; call-ins are never on a public page, so their saves must not.
    public_content = False

    class Meta:
        abstract = True
