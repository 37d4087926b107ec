"""`demo_agencies`: Riverton's partnership, its people, markets and notes; demo TOTP.

Each test builds the demo once (about a second on SQLite) and checks several
things of it, so the file stays fast.
"""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps
from django.core.management import call_command

from agencies import permissions
from agencies.accounts.policy import mfa_required
from agencies.choices import (
    ActivationReason,
    CaseStatus,
    DecisionStatus,
    ProsecutingOffice,
    RiskTier,
    ShareStatus,
)
from agencies.demo.people import AGENCIES, AUDITOR, STAFF
from agencies.models import (
    Agency,
    AuditAction,
    AuditEntry,
    CaseNote,
    CaseStatusChange,
    Market,
    Membership,
    RiskDecision,
    Share,
    Subject,
)
from portal.demo.users import demo_login_rows, ensure_portal_users
from tests import factories
from tests.security.signin import totp_code

pytestmark = pytest.mark.django_db

SECRET = "RIVERTONDEMOTOTPKEYFORTESTERSAAA"
WORKSPACE_PEOPLE = [username for username, _key, _role in STAFF] + [AUDITOR]


@pytest.fixture
def demo_users(settings):
    settings.DEMO_TOTP_SECRET = SECRET
    ensure_portal_users()


def demo(capsys=None) -> str:
    call_command("demo_agencies", verbosity=1)
    return capsys.readouterr().out if capsys else ""


def people(*usernames):
    from django.contrib.auth import get_user_model

    found = get_user_model().objects.in_bulk(usernames, field_name="username")
    return [found[name] for name in usernames]


def agencies_models_snapshot() -> dict:
    """Row counts of every agencies model (records, grants, shares, audit)."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_app_config("agencies").get_models()
    }


# --- demo TOTP (the command's first job, kept) --------------------------------


def test_each_mfa_demo_account_gets_the_demo_secret_once(demo_users):
    call_command("demo_agencies", verbosity=0)
    call_command("demo_agencies", verbosity=0)
    totps = Authenticator.objects.filter(type=Authenticator.Type.TOTP)
    assert sorted(t.user.username for t in totps) == sorted(
        ["admin", "editor", "moderator", *WORKSPACE_PEOPLE]
    )
    assert all(TOTP(t).validate_code(totp_code(SECRET)) for t in totps)
    # Every workspace person must use MFA, so the demo secret is theirs too.
    assert all(mfa_required(user) for user in people(*WORKSPACE_PEOPLE))


def test_no_secret_means_no_authenticators(demo_users, settings):
    settings.DEMO_TOTP_SECRET = ""
    call_command("demo_agencies", verbosity=0)
    assert not Authenticator.objects.exists()


def test_demo_logins_prints_the_secret_and_an_otpauth_uri(demo_users, capsys):
    call_command("demo_logins")
    out = capsys.readouterr().out
    assert SECRET in out
    assert f"otpauth://totp/DMI%20Portal%3Ademo%20accounts?secret={SECRET}" in out


# --- the partnership -----------------------------------------------------------


def test_a_second_run_changes_nothing_and_prints_the_same_summary(demo_users, capsys):
    first = demo(capsys)
    before = agencies_models_snapshot()
    second = demo(capsys)
    assert agencies_models_snapshot() == before
    summary = [line for line in first.splitlines() if line.startswith("Agencies: 9")]
    assert summary == [
        "Agencies: 9 agencies, 18 staff, 1 auditor, 2 markets, 14 subjects, "
        "13 cases, 38 notes (72 shares, 2 proposed, 1 declined, 1 revoked)."
    ]
    assert summary[0] in second
    assert "demo TOTP added to 0 accounts" in second


def test_one_lead_and_one_member_per_agency_and_an_auditor(demo_users, capsys):
    demo()
    assert Agency.objects.count() == len(AGENCIES) == 9
    for agency in Agency.objects.all():
        roles = sorted(agency.memberships.values_list("role", flat=True))
        assert roles == ["lead", "member"], agency
    auditor = people(AUDITOR)[0]
    assert permissions.can_read_audit_log(auditor)
    assert not Membership.objects.filter(user=auditor).exists()
    assert not permissions.visible(CaseNote, user=auditor).exists()

    rows = {row["username"]: row for row in demo_login_rows()}
    assert set(WORKSPACE_PEOPLE) <= set(rows)
    assert {"admin", "editor", "moderator"} <= set(rows)
    assert "Harbor County Prosecuting Attorney" in rows["county_lead"]["role"]
    call_command("demo_logins")
    printed = capsys.readouterr().out
    for username in WORKSPACE_PEOPLE:
        assert f"  {username} " in printed, username


def test_subjects_in_every_state_through_the_services(demo_users):
    demo()
    assert set(Market.objects.values_list("phase", flat=True)) == {
        "follow_up",
        "risk_review",
    }
    assert Subject.objects.filter(decisions__isnull=True).count() == 2
    proposed = RiskDecision.objects.filter(status=DecisionStatus.PROPOSED)
    assert proposed.filter(police_approved_by__isnull=True).count() == 1
    assert proposed.filter(police_approved_by__isnull=False).count() == 1
    approved = RiskDecision.objects.filter(status=DecisionStatus.APPROVED)
    assert {
        (tier, office)
        for tier, office in approved.values_list("tier", "prosecuting_office")
    } == {
        (RiskTier.LOW, ""),
        (RiskTier.HIGH, ProsecutingOffice.COUNTY),
        (RiskTier.HIGH, ProsecutingOffice.FEDERAL),
    }
    statuses = set(Subject.objects.values_list("cases__status", flat=True))
    assert statuses == {*CaseStatus.values, None}  # one subject has no case yet
    activations = set(
        CaseStatusChange.objects.filter(to_status=CaseStatus.ACTIVATED).values_list(
            "activation_reason", flat=True
        )
    )
    assert activations == set(ActivationReason.values)
    # The services wrote the history and the audit log, not the demo.
    banked = CaseStatusChange.objects.filter(to_status=CaseStatus.BANKED).first()
    assert banked.changed_by is not None
    for action in (
        AuditAction.DECISION_APPROVED,
        AuditAction.CASE_STATUS_CHANGED,
        AuditAction.SHARED,
        AuditAction.SHARE_REVOKED,
        AuditAction.NOTE_AMENDED,
        AuditAction.MEMBERSHIP_CHANGED,
    ):
        assert AuditEntry.objects.filter(action=action).exists(), action
    assert all(s.buys.exists() for s in Subject.objects.prefetch_related("buys"))


def test_notes_are_shared_in_every_pattern(demo_users):
    demo()
    shares = Share.objects.filter(note__isnull=False)
    by_note = {}
    for share in shares.filter(status=ShareStatus.ACTIVE, agency__isnull=False):
        by_note.setdefault(share.note_id, set()).add(share.agency_id)
    assert any(len(agencies) == 1 for agencies in by_note.values())
    assert any(len(agencies) >= 3 for agencies in by_note.values())
    assert shares.filter(status=ShareStatus.ACTIVE, user__isnull=False).count() == 2
    for status in (ShareStatus.REVOKED, ShareStatus.PROPOSED, ShareStatus.DECLINED):
        assert shares.filter(status=status).exists(), status
    own_only = CaseNote.objects.filter(shares__isnull=True, amends__isnull=True)
    assert own_only.exists()
    assert CaseNote.objects.filter(amends__isnull=False).count() == 3


def test_who_sees_what_matches_the_readme(demo_users):
    demo()
    (police, precinct5, county, federal, probation, recovery, city) = people(
        "police_member",
        "precinct5_lead",
        "county_lead",
        "federal_lead",
        "probation_member",
        "recovery_lead",
        "city_lead",
    )
    mill_creek = Market.objects.get(name="Mill Creek market")
    harbor = Market.objects.get(name="Harbor Heights market")
    # Each precinct sees its own market and nothing of the other's.
    assert set(permissions.visible(Market, user=police)) == {mill_creek}
    assert set(permissions.visible(Market, user=precinct5)) == {harbor}
    assert not permissions.visible(Subject, user=police).filter(market=harbor)
    # Prosecutors and probation see what was shared with them, no more.
    assert permissions.visible(Subject, user=county).count() == 12
    assert permissions.visible(Subject, user=federal).count() == 2
    assert permissions.visible(Subject, user=city).count() == 1
    assert permissions.visible(Subject, user=probation).count() == 1
    assert not permissions.visible(Subject, user=recovery).exists()
    # The county's note on a high-risk subject reaches the U.S. Attorney's Office.
    handed_over = CaseNote.objects.get(text__startswith="High risk: a handgun")
    assert permissions.can_view(federal, handed_over)
    assert not permissions.can_view(precinct5, handed_over)
    # A note shared with one person: that person, not their colleagues.
    no_show = CaseNote.objects.get(text__contains="no-show date")
    assert permissions.can_view(probation, no_show)
    assert not permissions.can_view(people("probation_lead")[0], no_show)
    # An amendment is seen by whoever sees the note it corrects.
    correction = CaseNote.objects.get(text__startswith="Correction: the letter")
    assert permissions.can_view(probation, correction)
    # Revoked: the city no longer sees the banked case file note.
    revoked = Share.objects.get(status=ShareStatus.REVOKED).note
    assert not permissions.can_view(city, revoked)


def test_markets_link_to_their_neighborhood_pages(demo_users, neighborhood_index):
    page = factories.neighborhood(neighborhood_index, title="Mill Creek")
    demo()
    assert Market.objects.get(name="Mill Creek market").neighborhood == page
    assert Market.objects.get(name="Harbor Heights market").neighborhood is None
