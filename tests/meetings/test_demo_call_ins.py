"""Demo call-ins (`demo_meetings`, run by `load_demo_data`): a held and closed
call-in last month with outcomes and referrals, one scheduled next month.

Each test loads the whole demo once (the call-ins build on the workspace and
directory parts), so the checks are grouped.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from agencies.choices import ActivationReason, CaseStatus
from agencies.models import AuditEntry
from meetings.choices import Attendance, CallInStatus, Reply
from meetings.demo_call_ins import HELD_TITLE, SCHEDULED_TITLE
from meetings.models import CallIn, FollowUp, Referral
from tests import workspace

pytestmark = pytest.mark.django_db


def load(capsys=None) -> str:
    call_command("load_demo_data", allow_production=True, verbosity=1)
    return capsys.readouterr().out if capsys else ""


def call_in_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if "call-ins" in line]


def test_a_second_run_adds_nothing_and_prints_the_same_line(capsys):
    first = load(capsys)
    counts = {
        "call_ins": CallIn.objects.count(),
        "referrals": Referral.objects.count(),
        "audit": AuditEntry.objects.count(),
        "follow_ups": FollowUp.objects.count(),
    }
    second = load(capsys)
    assert (
        call_in_lines(first)
        == call_in_lines(second)
        == ["Meetings: 2 call-ins (1 closed, 1 scheduled), 4 invitees, 5 referrals."]
    )
    assert {
        "call_ins": CallIn.objects.count(),
        "referrals": Referral.objects.count(),
        "audit": AuditEntry.objects.count(),
        "follow_ups": FollowUp.objects.count(),
    } == counts


def test_the_call_ins_tell_the_whole_story():
    load()
    held = CallIn.objects.get(title=HELD_TITLE)
    assert held.status == CallInStatus.CLOSED
    assert held.market.name == "Mill Creek market"
    assert timezone.now() - timedelta(days=62) < held.starts_at < timezone.now()
    assert set(held.staff_attendees.values_list("reply", flat=True)) == {
        Reply.ACCEPTED,
        Reply.TENTATIVE,
        Reply.DECLINED,
    }
    assert held.agenda_items.count() == 4
    invitees = list(held.invitees.order_by("number"))
    assert [i.attendance for i in invitees].count(Attendance.ATTENDED) == 2
    assert all(i.plan_agreed_at and i.influentials.exists() for i in invitees)
    assert all(i.attempts.count() == 3 for i in invitees)
    report = held.closing_report
    assert (report.invited_count, report.attended_count, report.no_show_count) == (
        3,
        2,
        1,
    )
    statuses = sorted(
        Referral.objects.filter(invitee__call_in=held).values_list("status", flat=True)
    )
    assert statuses == [
        "completed",
        "declined",
        "engaged",
        "engaged",
        "first_contact",
    ]
    [no_show] = [i for i in invitees if i.attendance == Attendance.NO_SHOW]
    follow_up = FollowUp.objects.get(invitee=no_show)
    assert follow_up.activation_reason == ActivationReason.NO_SHOW
    assert follow_up.activated_case.status == CaseStatus.ACTIVATED
    assert AuditEntry.objects.filter(details__event="referral_status_changed").exists()

    scheduled = CallIn.objects.get(title=SCHEDULED_TITLE)
    assert scheduled.status == CallInStatus.SCHEDULED
    assert timezone.now() < scheduled.starts_at < timezone.now() + timedelta(days=62)
    replies = set(scheduled.staff_attendees.values_list("reply", flat=True))
    assert replies == {Reply.AWAITING}
    assert scheduled.staff_attendees.count() == 5


def test_the_demo_provider_sees_their_referrals_and_only_what_was_agreed(client):
    load()
    provider = get_user_model().objects.get(username="provider")
    page = workspace.mfa_client(client, provider).get("/referrals/")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('href="/referrals/') == 4  # the recovery center's four
    assert "Lena Demo" in html  # agreed to share her name
    assert "Andre Sample" not in html  # did not
    assert "Job placement" not in html  # another organization's referral
    assert HELD_TITLE not in html


def test_alone_it_builds_no_call_in_and_says_why(capsys):
    call_command("demo_meetings", verbosity=1)
    assert "no call-ins" in capsys.readouterr().out
    assert not CallIn.objects.exists()


def test_loading_the_demo_sends_no_email(capsys, settings, monkeypatch):
    # The notices go out when the demo's transaction commits, which the test
    # transaction never does: send them at once instead, as dev's console
    # backend would print them in `make run`. (load_demo_data's atomic block
    # sits inside its email override, so the real commit is covered too.)
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, **_: func())
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    out = load(capsys)
    assert "Meetings: 2 call-ins" in out
    assert "Subject:" not in out
