""" "My calendar feed": the page, regenerating (URL shown once, the old one stops
at once) and revoking, both after a confirmation, audited by the feeds service.
"""

import re

import pytest

from agencies.models import AuditAction, AuditEntry
from meetings.models import CalendarFeedToken

pytestmark = pytest.mark.django_db

PAGE = "/workspace/call-ins/calendar/"
REGENERATE = PAGE + "regenerate/"
REVOKE = PAGE + "revoke/"
FEED_URL = re.compile(r'value="http://testserver(/meetings/feed/[A-Za-z0-9_-]+\.ics)"')


def feed_path(response) -> str:
    match = FEED_URL.search(response.content.decode())
    assert match, "the new feed URL is shown"
    return match.group(1)


def events(name):
    return AuditEntry.objects.filter(details__event=name)


def test_the_page_explains_the_feed_and_says_there_is_none_yet(
    call_in_scene, signed_in
):
    response = signed_in("county_member").get(PAGE)
    html = response.content.decode()
    assert "You have no feed address." in html
    assert "shown once" in html
    assert "no-store" in response["Cache-Control"]
    viewed = AuditEntry.objects.filter(action=AuditAction.RECORD_VIEWED).latest("pk")
    assert viewed.details == {"view": "calendar_feed"}


def test_regenerating_asks_first_then_shows_the_url_once(
    call_in_scene, signed_in, team
):
    client = signed_in("county_member")
    confirm = client.get(REGENERATE)
    assert b"Yes, make a new address" in confirm.content
    assert not CalendarFeedToken.objects.exists()
    response = client.post(REGENERATE)
    assert response.status_code == 200
    path = feed_path(response)
    assert client.get(path).status_code == 200
    assert events("calendar_feed_token_regenerated").get().user == team.county_member
    again = client.get(PAGE).content.decode()
    assert path not in again
    assert "You have a feed address, made on" in again


def test_a_new_url_stops_the_old_one_at_once(call_in_scene, signed_in):
    client = signed_in("police_officer")
    old = feed_path(client.post(REGENERATE))
    new = feed_path(client.post(REGENERATE))
    assert old != new
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert events("calendar_feed_token_regenerated").count() == 2


def test_revoking_asks_first_then_stops_the_feed(call_in_scene, signed_in, team):
    client = signed_in("police_officer")
    path = feed_path(client.post(REGENERATE))
    assert b"Yes, switch it off" in client.get(REVOKE).content
    assert client.get(path).status_code == 200
    response = client.post(REVOKE, follow=True)
    assert "Your calendar feed is switched off." in response.content.decode()
    assert not CalendarFeedToken.objects.filter(user=team.police_officer).exists()
    assert client.get(path).status_code == 404
    assert events("calendar_feed_token_revoked").get().user == team.police_officer


def test_revoking_without_a_feed_changes_nothing(call_in_scene, signed_in):
    response = signed_in("county_member").post(REVOKE, follow=True)
    assert "You had no calendar feed." in response.content.decode()
    assert not events("calendar_feed_token_revoked").exists()


def test_one_users_tokens_never_touch_anothers(call_in_scene, signed_in):
    theirs = feed_path(signed_in("county_member").post(REGENERATE))
    signed_in("police_officer").post(REGENERATE)
    signed_in("police_officer").post(REVOKE)
    assert signed_in("county_member").get(theirs).status_code == 200


def test_the_list_links_to_the_feed_page(call_in_scene, signed_in):
    html = signed_in("county_member").get("/workspace/call-ins/").content.decode()
    assert f'href="{PAGE}"' in html
