"""Meetings models, re-exported so other modules import them from one place.

Public community meetings (``community``) and confidential joint call-ins
(``call_ins``, ``invitations``, ``outcomes``, ``feeds``).
"""

from meetings.models.call_ins import AgendaItem, CallIn, CallInAgency, StaffAttendee
from meetings.models.community import CommunityMeeting, CommunityMeetingQuerySet
from meetings.models.feeds import CalendarFeedToken
from meetings.models.invitations import (
    Influential,
    InvitationAttempt,
    InvitationLetterTemplate,
    Invitee,
)
from meetings.models.outcomes import (
    ClosingReport,
    FollowUp,
    Referral,
    ReferralStatusChange,
)

__all__ = [
    "AgendaItem",
    "CalendarFeedToken",
    "CallIn",
    "CallInAgency",
    "ClosingReport",
    "CommunityMeeting",
    "CommunityMeetingQuerySet",
    "FollowUp",
    "Influential",
    "InvitationAttempt",
    "InvitationLetterTemplate",
    "Invitee",
    "Referral",
    "ReferralStatusChange",
    "StaffAttendee",
]
