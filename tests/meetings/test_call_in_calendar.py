"""Call-in calendars: a participant's .ics and private feeds by token.

We generate with ``icalendar``; each file is also read here by a plain
line parser of our own (RFC 5545 unfolding, ``NAME;params:value``), so a
bug in how we use the library cannot hide behind the same library.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from icalendar import Calendar

from agencies.models import AuditEntry
from agencies.services.records import WorkspaceError
from meetings.call_ins import feeds, scheduling
from tests import workspace
from tests.meetings import call_in_builders as build

pytestmark = pytest.mark.django_db

HOST = "testserver"  # WAGTAILADMIN_BASE_URL in the test settings


def raw_events(text: str) -> list[dict[str, str]]:
    """VEVENTs as {NAME: value}, by unfolding lines and splitting on the first ':'."""
    unfolded: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith((" ", "\t")) and unfolded:
            unfolded[-1] += line[1:]
        elif line:
            unfolded.append(line)
    events, current = [], None
    for line in unfolded:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _sep, value = line.partition(":")
            current[name.split(";")[0].upper()] = value
    return events


@pytest.fixture
def market(team):
    return workspace.market(team, partners=("county",))


@pytest.fixture
def call_in(team, market):
    call_in = build.call_in(team, market)
    scheduling.call_in_schedule(call_in=call_in, by=team.police_lead)
    build.invite(team, call_in, build.seller(team, market, full_name="Zeb Quixotica"))
    call_in.refresh_from_db()
    return call_in


def ics(client, team, person, call_in):
    workspace.mfa_client(client, team.people[person])
    return client.get(f"/meetings/call-ins/{call_in.pk}/calendar.ics")


class TestCallInFile:
    def test_a_participant_downloads_it(self, client, team, call_in):
        response = ics(client, team, "county_member", call_in)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        assert "no-store" in response["Cache-Control"]
        text = response.content.decode()
        [event] = raw_events(text)
        assert event["UID"] == f"call-in-{call_in.pk}@{HOST}"
        assert event["SEQUENCE"] == "0"
        assert event["STATUS"] == "CONFIRMED"
        assert event["CLASS"] == "CONFIDENTIAL"
        assert "Zeb" not in text and "Quixotica" not in text
        # The library reads it the same way.
        [parsed] = Calendar.from_ical(response.content).walk("VEVENT")
        assert parsed.decoded("DTSTART") == call_in.starts_at
        entry = AuditEntry.objects.filter(details__event="calendar_file").get()
        assert entry.object_id == str(call_in.pk)
        assert entry.user == team.county_member

    @pytest.mark.parametrize(
        "person", ["federal_member", "provider_staff", "auditor", "administrator"]
    )
    def test_anyone_else_gets_404(self, client, team, call_in, person):
        assert ics(client, team, person, call_in).status_code == 404

    def test_anonymous_is_sent_to_sign_in(self, client, call_in):
        response = client.get(f"/meetings/call-ins/{call_in.pk}/calendar.ics")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_a_draft_has_no_calendar_file(self, client, team, market):
        draft = build.call_in(team, market)
        assert ics(client, team, "police_lead", draft).status_code == 404

    def test_uid_stays_sequence_grows_and_cancellation_is_published(
        self, client, team, call_in
    ):
        def event():
            return raw_events(
                ics(client, team, "police_lead", call_in).content.decode()
            )[0]

        first = event()
        shift = timedelta(hours=1)
        scheduling.call_in_update(
            call_in=call_in,
            by=team.police_lead,
            starts_at=call_in.starts_at + shift,
            ends_at=call_in.ends_at + shift,
        )
        moved = event()
        scheduling.call_in_update(
            call_in=call_in, by=team.police_lead, title="Renamed, not moved"
        )
        renamed = event()
        scheduling.call_in_cancel(call_in=call_in, by=team.police_lead, reason="x")
        cancelled = event()
        assert first["UID"] == moved["UID"] == renamed["UID"] == cancelled["UID"]
        assert [int(e["SEQUENCE"]) for e in (first, moved, renamed, cancelled)] == [
            0,
            1,
            1,
            2,
        ]
        assert moved["DTSTART"] != first["DTSTART"]
        assert renamed["SUMMARY"] == "Renamed\\, not moved"
        assert cancelled["STATUS"] == "CANCELLED"


class TestFeed:
    @pytest.fixture
    def token(self, team):
        return feeds.calendar_feed_token_regenerate(user=team.county_member)

    def fetch(self, client, token):
        return client.get(f"/meetings/feed/{token}.ics")

    def test_a_valid_token_lists_the_users_call_ins_without_names(
        self, client, team, market, call_in, token
    ):
        hidden = workspace.market(team, lead="federal", partners=(), name="Harbor")
        build.call_in(team, hidden, by="federal_prosecutor", agencies=())
        draft = build.call_in(team, market, title="Still a draft")
        response = self.fetch(client, token)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        text = response.content.decode()
        events = raw_events(text)
        assert [e["UID"] for e in events] == [f"call-in-{call_in.pk}@{HOST}"]
        assert draft.title not in text
        assert "Zeb" not in text and "Quixotica" not in text
        entry = AuditEntry.objects.filter(details__event="calendar_feed").get()
        assert entry.user == team.county_member
        assert entry.details["count"] == 1

    def test_a_regenerated_token_stops_the_old_one_at_once(
        self, client, team, call_in, token
    ):
        assert self.fetch(client, token).status_code == 200
        new = feeds.calendar_feed_token_regenerate(user=team.county_member)
        assert new != token
        assert self.fetch(client, token).status_code == 404
        assert self.fetch(client, new).status_code == 200
        changes = AuditEntry.objects.filter(
            details__event="calendar_feed_token_regenerated"
        )
        assert list(changes.values_list("action", flat=True).order_by("pk")) == [
            "record_created",
            "record_changed",
        ]

    @pytest.mark.parametrize(
        "made_up",
        ["x" * 43, "short", "A" * 200, "../../etc/passwd"],
    )
    def test_made_up_tokens_get_404(self, client, call_in, token, made_up):
        assert self.fetch(client, made_up).status_code == 404

    def test_only_the_hash_is_stored(self, team, token):
        row = team.county_member.calendar_feed_token
        assert token not in row.token_hash
        assert row.token_hash == feeds.token_hash(token)
        assert len(token) >= 43

    def test_a_user_who_leaves_their_agency_or_is_disabled_sees_nothing(
        self, client, team, call_in, token
    ):
        from agencies.services.memberships import membership_end

        membership_end(membership=team.county_member.membership, by=team.administrator)
        text = self.fetch(client, token).content.decode()
        assert raw_events(text) == []
        get_user_model().objects.filter(pk=team.county_member.pk).update(
            is_active=False
        )
        assert self.fetch(client, token).status_code == 404

    def test_the_query_count_does_not_grow_with_call_ins(
        self, client, team, market, call_in, token, django_assert_max_num_queries
    ):
        def count_queries():
            with django_assert_max_num_queries(10) as captured:
                assert self.fetch(client, token).status_code == 200
            return len(captured)

        few = count_queries()
        for n in range(15):
            scheduling.call_in_schedule(
                call_in=build.call_in(
                    team, market, starts_at=build.evening(days=20 + n)
                ),
                by=team.police_lead,
            )
        assert count_queries() == few
        assert len(raw_events(self.fetch(client, token).content.decode())) == 16

    def test_a_non_member_has_no_feed(self, team):
        with pytest.raises(WorkspaceError, match="agency staff"):
            feeds.calendar_feed_token_regenerate(user=team.public_editor)


@pytest.mark.parametrize("url", ["/meetings/", "/sitemap.xml", "/search/?q=Pelican"])
def test_no_call_in_on_a_public_page(client, team, neighborhood, market, url):
    call_in = build.call_in(
        team, market, title="Pelican review", location="Pelican Hall, Room 2"
    )
    scheduling.call_in_schedule(call_in=call_in, by=team.police_lead)
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Pelican review" not in text
    assert "Pelican Hall" not in text
    assert "call-ins/" not in text


def test_feed_times_made_by_the_database_match_ics_utc(team, market):
    # The feed asks the database for ICS text (IcsUtc); it must say exactly
    # what ics_utc says for the same instant, on SQLite and PostgreSQL alike,
    # including a zone change (site zone vs UTC) and whole seconds.
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from meetings.calendar import call_in_feed_rows, ics_utc
    from meetings.models import CallIn

    starts = datetime(2027, 3, 14, 1, 59, 7, 654321, tzinfo=ZoneInfo("America/Chicago"))
    made = build.call_in(team, market, starts_at=starts)
    row = call_in_feed_rows(CallIn.objects.filter(pk=made.pk)).get()
    made.refresh_from_db()
    assert row.dtstart == ics_utc(made.starts_at) == "20270314T075907Z"
    # Two wall-clock hours later across the spring-forward night is 03:59 CDT.
    assert row.dtend == ics_utc(made.ends_at) == "20270314T085907Z"
    assert row.last_modified == ics_utc(made.updated_at)
