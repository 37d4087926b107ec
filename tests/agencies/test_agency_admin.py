"""Administrators manage agencies and memberships in the admin; nobody else sees it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from agencies.choices import AgencyKind, MembershipRole
from agencies.models import Agency, AuditAction, AuditEntry, Membership
from agencies.permissions import agency_of, visible
from tests import factories, workspace

pytestmark = pytest.mark.django_db

AGENCIES = "/admin/agencies/"
MEMBERSHIPS = "/admin/memberships/"


@pytest.fixture
def admin_client(client, team):
    return workspace.mfa_client(client, team.administrator)


@pytest.fixture
def editor(team):
    """The public editor, with the Wagtail admin access editors really have."""
    team.public_editor.groups.add(Group.objects.get(name="Editors"))
    return team.public_editor


def urls(team):
    agency = team.agencies["police"]
    membership = team.police_officer.membership
    return [
        AGENCIES,
        AGENCIES + "new/",
        f"{AGENCIES}edit/{agency.pk}/",
        MEMBERSHIPS,
        MEMBERSHIPS + "new/",
        f"{MEMBERSHIPS}edit/{membership.pk}/",
        f"{MEMBERSHIPS}delete/{membership.pk}/",
    ]


def changes(action=AuditAction.MEMBERSHIP_CHANGED):
    return AuditEntry.objects.filter(action=action).order_by("id")


# --- who may open the screens -------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client, team):
    for url in urls(team):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"], url


@pytest.mark.parametrize("person", [*workspace.STAFF, "auditor"])
def test_agency_staff_and_auditors_cannot_reach_the_admin(client, team, person):
    workspace.mfa_client(client, team.people[person])
    for url in urls(team):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"], url
    response = client.post(
        AGENCIES + "new/", {"name": "Rogue", "kind": AgencyKind.POLICE}
    )
    assert response.status_code == 302
    assert not Agency.objects.filter(name="Rogue").exists()


def test_an_editor_is_refused_every_screen_and_never_sees_the_menu(
    client, team, editor
):
    workspace.mfa_client(client, editor)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    html = dashboard.content.decode()
    assert AGENCIES not in html and MEMBERSHIPS not in html
    assert reverse("workspace:audit") not in html
    for url in urls(team):
        response = client.get(url)
        # Wagtail turns a refused admin screen into a redirect to its dashboard.
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/", url
    membership = team.police_officer.membership
    client.post(
        f"{MEMBERSHIPS}edit/{membership.pk}/",
        {"agency": team.agencies["county"].pk, "role": MembershipRole.LEAD},
    )
    client.post(f"{MEMBERSHIPS}delete/{membership.pk}/")
    membership.refresh_from_db()
    assert membership.agency == team.agencies["police"]
    assert not changes().filter(user=editor).exists()


def test_group_permissions_cannot_open_the_screens(client, team, editor):
    # The viewsets register no permissions: nothing to grant a group.
    editors = Group.objects.get(name="Editors")
    assert not editors.permissions.filter(content_type__app_label="agencies").exists()
    from agencies.admin_agencies import AgencyAdminGroup

    for viewset in AgencyAdminGroup().registerables:
        assert not viewset.get_permissions_to_register().exists()


def test_the_administrator_sees_the_menu_and_every_screen(admin_client, team):
    html = admin_client.get("/admin/").content.decode()
    assert AGENCIES in html and MEMBERSHIPS in html
    assert reverse("workspace:audit") in html
    for url in urls(team):
        assert admin_client.get(url).status_code == 200, url


def test_agencies_cannot_be_deleted_or_copied_here(admin_client, team):
    agency = team.agencies["community"]
    for url in [f"{AGENCIES}delete/{agency.pk}/", f"{AGENCIES}copy/{agency.pk}/"]:
        admin_client.post(url)
    assert Agency.objects.filter(pk=agency.pk).exists()
    for view in ["usage", "history"]:
        assert admin_client.get(f"{AGENCIES}{view}/{agency.pk}/").status_code == 404


def test_no_confidential_record_appears_in_the_agency_screens(admin_client, team):
    the_market = workspace.market(team, name="Eastgate open-air market")
    the_subject = workspace.subject(team, the_market, full_name="Darnell Example")
    workspace.note(team, the_subject, text="Seen at the corner of 5th")
    agency = team.agencies["police"]
    for url in [
        AGENCIES,
        f"{AGENCIES}edit/{agency.pk}/",
        MEMBERSHIPS,
    ]:
        html = admin_client.get(url).content.decode()
        for secret in ["Eastgate open-air market", "Darnell Example", "corner of 5th"]:
            assert secret not in html, url


# --- agencies -----------------------------------------------------------------


def test_creating_an_agency_gives_it_its_group_and_is_audited(admin_client, team):
    response = admin_client.post(
        AGENCIES + "new/",
        {
            "name": "Harbor County Sheriff",
            "kind": AgencyKind.POLICE,
            "jurisdiction": "",
        },
    )
    assert response.status_code == 302
    agency = Agency.objects.get(name="Harbor County Sheriff")
    assert agency.group.name == "Agency: Harbor County Sheriff"
    entry = changes(AuditAction.PERMISSION_CHANGED).last()
    assert entry.user == team.administrator
    assert (entry.object_type, entry.object_id) == ("agencies.agency", str(agency.pk))
    assert entry.details == {"event": "agency_created"}


def test_a_bad_agency_keeps_what_was_typed(admin_client, team):
    response = admin_client.post(
        AGENCIES + "new/",
        {"name": team.agencies["police"].name, "kind": "sheriff", "jurisdiction": "X"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "name" in form.errors and "kind" in form.errors
    assert 'value="X"' in response.content.decode()
    assert Agency.objects.count() == len(workspace.AGENCIES)


def test_an_agency_cannot_take_over_an_existing_group(admin_client, team):
    Group.objects.create(name="Agency: Harbor Sheriff")
    response = admin_client.post(
        AGENCIES + "new/", {"name": "Harbor Sheriff", "kind": AgencyKind.POLICE}
    )
    assert response.status_code == 200
    assert "already exists" in str(response.context["form"].errors["name"])
    assert not Agency.objects.filter(name="Harbor Sheriff").exists()


def test_renaming_an_agency_renames_its_group_and_is_audited(admin_client, team):
    agency = team.agencies["provider"]
    response = admin_client.post(
        f"{AGENCIES}edit/{agency.pk}/",
        {
            "name": "Riverton Recovery",
            "kind": AgencyKind.SERVICE_PROVIDER,
            "jurisdiction": "Harbor County",
        },
    )
    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.name == "Riverton Recovery"
    assert agency.group.name == "Agency: Riverton Recovery"
    entry = changes(AuditAction.PERMISSION_CHANGED).last()
    assert entry.user == team.administrator
    assert entry.details["event"] == "agency_changed"
    assert entry.details["fields"] == ["name", "jurisdiction"]


# --- memberships --------------------------------------------------------------


def test_adding_a_member_goes_through_the_service_and_is_audited(admin_client, team):
    newcomer = factories.user("new_officer")
    before = changes().count()
    response = admin_client.post(
        MEMBERSHIPS + "new/",
        {
            "user": "new_officer",
            "agency": team.agencies["county"].pk,
            "role": MembershipRole.MEMBER,
        },
    )
    assert response.status_code == 302
    assert agency_of(newcomer) == team.agencies["county"]
    assert newcomer.groups.filter(pk=team.agencies["county"].group_id).exists()
    assert changes().count() == before + 1
    entry = changes().last()
    assert entry.user == team.administrator
    assert entry.details["member_id"] == newcomer.pk
    assert entry.details["agency_id"] == team.agencies["county"].pk


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("nobody_here", "No account has this username"),
        ("auditor", "Auditors read the audit log and nothing confidential"),
        ("police_officer", "already works for Riverton Police, 3rd Precinct"),
    ],
)
def test_refused_members_get_a_clear_error_and_nothing_changes(
    admin_client, team, username, message
):
    before = changes().count()
    response = admin_client.post(
        MEMBERSHIPS + "new/",
        {
            "user": username,
            "agency": team.agencies["federal"].pk,
            "role": MembershipRole.LEAD,
        },
    )
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["user"])
    assert f'value="{username}"' in response.content.decode()
    assert changes().count() == before
    assert Membership.objects.filter(agency=team.agencies["federal"]).count() == 2


def test_moving_a_member_changes_what_they_see_at_once(admin_client, team):
    the_market = workspace.market(team, lead="police", partners=())
    officer = team.police_officer
    assert visible(type(the_market), user=officer).filter(pk=the_market.pk).exists()
    response = admin_client.post(
        f"{MEMBERSHIPS}edit/{officer.membership.pk}/",
        {"agency": team.agencies["probation"].pk, "role": MembershipRole.LEAD},
    )
    assert response.status_code == 302
    officer = type(officer).objects.get(pk=officer.pk)
    assert agency_of(officer) == team.agencies["probation"]
    assert officer.membership.role == MembershipRole.LEAD
    assert not visible(type(the_market), user=officer).exists()
    entry = changes().last()
    assert entry.user == team.administrator
    assert entry.details["previous_agency_id"] == team.agencies["police"].pk
    assert entry.details["role"] == MembershipRole.LEAD


def test_ending_a_membership_is_audited_and_removes_access(admin_client, team):
    officer = team.police_officer
    membership = officer.membership
    page = admin_client.get(f"{MEMBERSHIPS}delete/{membership.pk}/")
    assert "loses access to everything shared with" in page.content.decode()
    response = admin_client.post(f"{MEMBERSHIPS}delete/{membership.pk}/")
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    officer = type(officer).objects.get(pk=officer.pk)
    assert not officer.groups.filter(pk=team.agencies["police"].group_id).exists()
    entry = changes().last()
    assert entry.user == team.administrator
    assert entry.details["event"] == "ended"
    assert entry.details["member_id"] == officer.pk


def test_the_audit_log_is_the_only_record_of_admin_changes(admin_client, team):
    admin_client.post(
        AGENCIES + "new/", {"name": "Harbor Sheriff", "kind": AgencyKind.POLICE}
    )
    membership = team.police_officer.membership
    admin_client.post(
        f"{MEMBERSHIPS}edit/{membership.pk}/",
        {"agency": team.agencies["county"].pk, "role": MembershipRole.MEMBER},
    )
    admin_client.post(f"{MEMBERSHIPS}delete/{membership.pk}/")
    # Wagtail's log (site history report) never names who works where.
    assert not ModelLogEntry.objects.filter(content_type__app_label="agencies").exists()
    assert changes().filter(user=team.administrator).count() == 2


def test_the_membership_list_costs_the_same_for_any_number_of_members(
    admin_client, team, django_assert_max_num_queries
):
    admin_client.get(MEMBERSHIPS)
    with django_assert_max_num_queries(30) as few:
        admin_client.get(MEMBERSHIPS)
    for number in range(15):
        person = factories.user(f"extra_{number}")
        Membership.objects.create(user=person, agency=team.agencies["city"])
    with django_assert_max_num_queries(len(few)):
        response = admin_client.get(MEMBERSHIPS)
    assert "extra_14" in response.content.decode()
