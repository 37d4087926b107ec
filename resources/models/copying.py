"""Copies of directory pages are new HSDS objects and need fresh UUIDs.

Wagtail copies child rows field by field, so a copied service would reuse
its original's row UUIDs and break their uniqueness (and an HSDS consumer's
idea of identity). This mixin renews them as the rows are copied.
"""

import uuid

from django.db import models


def uuid_field_names(model) -> list[str]:
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.UUIDField) and field.default is uuid.uuid4
    ]


def renew_uuids(instance) -> None:
    for name in uuid_field_names(type(instance)):
        setattr(instance, name, uuid.uuid4())


class FreshHsdsIdsOnCopy:
    """Page mixin: the copy and each copied row get new HSDS UUIDs."""

    exclude_fields_in_copy = ["hsds_id"]

    def copy_all_child_relations(
        self, target, exclude=None, commit=False, append=False
    ):
        copied = super().copy_all_child_relations(
            target, exclude=exclude, commit=commit, append=append
        )
        for rows in copied.values():
            for row in rows if isinstance(rows, list) else [rows]:
                renew_uuids(row)
        return copied
