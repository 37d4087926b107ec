"""Writes for signed-in sessions: stamp at sign-in, touch, end one, end all.

The clocks live in the session itself (epoch seconds), so the middleware can
enforce the limits without touching the database; the ``UserSession`` row is
only the administrators' index of who is signed in where.
"""

from __future__ import annotations

import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from agencies.audit import audit_record, client_ip
from agencies.models import AuditAction, UserSession

STARTED_KEY = "session_started_at"
LAST_ACTIVITY_KEY = "session_last_activity_at"
RECORD_KEY = "session_record_id"
RECORD_TOUCHED_KEY = "session_record_touched_at"
# The index row is written at most this often, to keep each request cheap.
RECORD_TOUCH_SECONDS = 60

USER_AGENT_MAX = UserSession._meta.get_field("user_agent").max_length


class EndReason:
    """Why a session ended, as written to the audit log."""

    IDLE = "idle_timeout"
    ABSOLUTE = "absolute_timeout"
    BY_ADMINISTRATOR = "ended_by_administrator"
    ACCOUNT_DISABLED = "account_disabled"


def _store(session_key=None):
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key)


def _at(seconds: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def user_session_start(*, request, now: datetime.datetime) -> UserSession:
    """Stamp a freshly signed-in session and index it under its user."""
    stamp = now.timestamp()
    request.session[STARTED_KEY] = stamp
    request.session[LAST_ACTIVITY_KEY] = stamp
    request.session[RECORD_TOUCHED_KEY] = stamp
    _forget_lapsed(user=request.user, now=now)
    return _index(request=request, started=now, now=now)


def _forget_lapsed(*, user, now: datetime.datetime) -> None:
    """Drop index rows of sessions whose clocks ran out unnoticed (the browser
    was closed), so each account keeps only rows for live sessions."""
    idle = datetime.timedelta(
        seconds=settings.SESSION_IDLE_TIMEOUT_SECONDS + RECORD_TOUCH_SECONDS
    )
    absolute = datetime.timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS)
    UserSession.objects.filter(
        Q(last_activity__lte=now - idle) | Q(started_at__lte=now - absolute),
        user=user,
    ).delete()


def _index(*, request, started: datetime.datetime, now: datetime.datetime):
    session = request.session
    if session.session_key is None:
        session.save()
    record, _created = UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": request.user,
            "started_at": started,
            "last_activity": now,
            "ip_address": client_ip(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX],
        },
    )
    session[RECORD_KEY] = record.pk
    return record


def user_session_touch(*, request, now: datetime.datetime) -> None:
    """Record activity: always in the session, at most once a minute in the index."""
    session = request.session
    stamp = now.timestamp()
    session[LAST_ACTIVITY_KEY] = stamp
    if stamp - session.get(RECORD_TOUCHED_KEY, 0) < RECORD_TOUCH_SECONDS:
        return
    session[RECORD_TOUCHED_KEY] = stamp
    record_id = session.get(RECORD_KEY)
    if session.session_key is None:
        session.save()
    # The key changes when Django cycles it (password change), so keep it in step.
    updated = UserSession.objects.filter(pk=record_id, user=request.user).update(
        last_activity=now, session_key=session.session_key
    )
    if not updated:  # row lost (e.g. a restored backup): index the session again
        _index(request=request, started=_at(session.get(STARTED_KEY, stamp)), now=now)


def session_times(request, now: datetime.datetime) -> tuple[float, float]:
    """Seconds since the session started and since its last activity."""
    stamp = now.timestamp()
    session = request.session
    started = session.get(STARTED_KEY, stamp)
    last = session.get(LAST_ACTIVITY_KEY, started)
    return stamp - started, stamp - last


def user_session_forget(*, record_id) -> None:
    """Drop the index row of a session that has ended."""
    if record_id is not None:
        UserSession.objects.filter(pk=record_id).delete()


def user_session_timed_out(*, request, reason: str, now: datetime.datetime) -> None:
    """Audit and end the current session; the caller sends the user to sign in."""
    user = request.user
    age, idle = session_times(request, now)
    audit_record(
        action=AuditAction.SESSION_ENDED,
        request=request,
        user=user,
        reason=reason,
        details={
            "started_at": _at(now.timestamp() - age).isoformat(),
            "idle_seconds": int(idle),
        },
    )
    user_session_forget(record_id=request.session.get(RECORD_KEY))
    # Not logout(): this is not the user signing out, and the audit log
    # already has the entry that says what happened.
    request.session.flush()
    request.user = AnonymousUser()


def user_session_end(*, record: UserSession, reason: str, request=None) -> None:
    """End one session now, wherever it is stored (database and cache)."""
    _store().delete(record.session_key)
    audit_record(
        action=AuditAction.SESSION_ENDED,
        request=request,
        obj=record.user,
        reason=reason,
        details={
            "username": record.user.get_username(),
            "started_at": record.started_at.isoformat(),
            "session_ip": record.ip_address or "",
        },
    )
    record.delete()


def user_sessions_end_all(*, user, reason: str, request=None) -> int:
    """End every session of ``user``; returns how many were ended."""
    records = list(UserSession.objects.filter(user=user).select_related("user"))
    for record in records:
        user_session_end(record=record, reason=reason, request=request)
    return len(records)
