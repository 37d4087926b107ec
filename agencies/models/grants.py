"""django-guardian grants with direct foreign keys, one pair per confidential model.

Direct keys join on integers, cascade when a record is purged and let the
permission layer filter with one index-only subquery on
``(group, permission, content_object)`` — the unique index guardian declares.
Controlled buys and risk decisions follow their subject's grants.
"""

from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from agencies.models.notes import CaseNote
from agencies.models.records import Case, Market, Subject


class MarketGroupGrant(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Market, on_delete=models.CASCADE)


class MarketUserGrant(UserObjectPermissionBase):
    content_object = models.ForeignKey(Market, on_delete=models.CASCADE)


class SubjectGroupGrant(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Subject, on_delete=models.CASCADE)


class SubjectUserGrant(UserObjectPermissionBase):
    content_object = models.ForeignKey(Subject, on_delete=models.CASCADE)


class CaseGroupGrant(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)


class CaseUserGrant(UserObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)


class CaseNoteGroupGrant(GroupObjectPermissionBase):
    content_object = models.ForeignKey(CaseNote, on_delete=models.CASCADE)


class CaseNoteUserGrant(UserObjectPermissionBase):
    content_object = models.ForeignKey(CaseNote, on_delete=models.CASCADE)
