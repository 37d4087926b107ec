"""Public community meetings: list, detail, the neighborhood page, validation."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from meetings.choices import MeetingStatus
from meetings.models import CommunityMeeting
from tests import factories


def days_from_now(days):
    return timezone.now() + timedelta(days=days)


@pytest.mark.django_db
class TestMeetingList:
    def test_upcoming_and_recent_meetings_are_listed_apart(self, client, neighborhood):
        factories.community_meeting(
            neighborhood, title="Next week", starts_at=days_from_now(7)
        )
        factories.community_meeting(
            neighborhood, title="Last month", starts_at=days_from_now(-30)
        )
        response = client.get("/meetings/")
        assert response.status_code == 200
        assert [m.title for m in response.context["upcoming"]] == ["Next week"]
        assert [m.title for m in response.context["past"]] == ["Last month"]
        assert 'aria-current="page"><span>Public meetings</span>' in (
            response.content.decode()
        )

    def test_cancelled_meeting_is_marked(self, client, neighborhood):
        factories.community_meeting(
            neighborhood, title="Called off", status=MeetingStatus.CANCELLED
        )
        html = client.get("/meetings/").content.decode()
        assert "Called off" in html
        assert "Cancelled" in html

    def test_meetings_of_a_private_neighborhood_stay_hidden(self, client, neighborhood):
        meeting = factories.community_meeting(neighborhood, title="Quiet meeting")
        factories.restrict_to_logged_in(neighborhood)
        assert "Quiet meeting" not in client.get("/meetings/").content.decode()
        assert client.get(meeting.get_absolute_url()).status_code == 404
        assert client.get(meeting.get_ics_url()).status_code == 404

    def test_meetings_of_an_unpublished_neighborhood_stay_hidden(
        self, client, neighborhood
    ):
        meeting = factories.community_meeting(neighborhood)
        neighborhood.unpublish()
        assert client.get(meeting.get_absolute_url()).status_code == 404

    def test_city_wide_meeting_is_public(self, client, home):
        meeting = factories.community_meeting(None, title="City-wide forum")
        assert client.get(meeting.get_absolute_url()).status_code == 200


@pytest.mark.django_db
class TestMeetingDetail:
    def test_shows_place_time_access_language_and_agenda(self, client, neighborhood):
        meeting = factories.community_meeting(neighborhood)
        html = client.get(meeting.get_absolute_url()).content.decode()
        for text in (
            meeting.title,
            "Eastgate Library",
            "12 Pine St, Riverton",
            "Step-free entrance.",
            "Spanish, ASL",
            "<li>Questions</li>",
            meeting.get_ics_url(),
            neighborhood.url,
        ):
            assert text in html

    def test_unknown_meeting_is_not_found(self, client, home):
        assert client.get("/meetings/999999/").status_code == 404

    def test_cancelled_meeting_says_so(self, client, neighborhood):
        meeting = factories.community_meeting(
            neighborhood, status=MeetingStatus.CANCELLED
        )
        html = client.get(meeting.get_absolute_url()).content.decode()
        assert "This meeting has been cancelled." in html


@pytest.mark.django_db
class TestNeighborhoodPageMeetings:
    def test_shows_its_upcoming_meetings_only(
        self, client, neighborhood, neighborhood_index
    ):
        other = factories.neighborhood(neighborhood_index, title="Mill Creek")
        factories.community_meeting(neighborhood, title="Eastgate soon")
        factories.community_meeting(
            neighborhood, title="Eastgate long ago", starts_at=days_from_now(-40)
        )
        factories.community_meeting(other, title="Mill Creek soon")
        html = client.get(neighborhood.url).content.decode()
        section = html.split('id="meetings-heading"')[1].split("</section>")[0]
        assert "Eastgate soon" in section
        assert "Eastgate long ago" not in section
        assert "Mill Creek soon" not in section

    def test_says_when_nothing_is_scheduled(self, client, neighborhood):
        html = client.get(neighborhood.url).content.decode()
        assert "No public meetings are scheduled here right now." in html


@pytest.mark.django_db
class TestMeetingTimesRule:
    def test_clean_rejects_an_end_before_the_start(self, neighborhood):
        meeting = factories.community_meeting(neighborhood)
        meeting.ends_at = meeting.starts_at - timedelta(minutes=1)
        with pytest.raises(ValidationError) as error:
            meeting.full_clean()
        assert "ends_at" in error.value.message_dict

    def test_database_refuses_an_end_at_the_start(self, neighborhood):
        starts_at = days_from_now(3)
        with pytest.raises(IntegrityError), transaction.atomic():
            factories.community_meeting(
                neighborhood, starts_at=starts_at, ends_at=starts_at
            )
        assert not CommunityMeeting.objects.exists()
