"""Rate limits on sign-in, password reset and public forms answer 429, kindly."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from portal.ratelimit import Rate, rate_limit_exceeded, rate_limited
from tests import factories

pytestmark = pytest.mark.django_db

T0 = datetime.datetime(2026, 3, 2, 9, 0, 30, tzinfo=datetime.UTC)
FRIENDLY = b"Please wait a few minutes"


@pytest.fixture
def traveller():
    with time_machine.travel(T0, tick=False) as traveller:
        yield traveller


@pytest.fixture
def volunteer(home):
    return factories.volunteer_form_page(home)


def sign_up(client, page, address="198.51.100.7"):
    data = {
        "your_name": "Sam",
        "email": "sam@example.org",
        "how_would_you_like_to_help": "Mentoring",
    }
    return client.post(page.url, data, REMOTE_ADDR=address)


def test_volunteer_form_answers_429_after_five_sign_ups_from_one_address(
    client, volunteer, traveller
):
    for _ in range(5):
        assert sign_up(client, volunteer).status_code == 200
    refused = sign_up(client, volunteer)
    assert refused.status_code == 429
    assert FRIENDLY in refused.content
    assert 0 < int(refused["Retry-After"]) <= 600
    assert b'href="#main-content"' in refused.content  # a full site page


def test_refused_sign_up_is_not_stored(client, volunteer, traveller):
    for _ in range(6):
        sign_up(client, volunteer)
    assert volunteer.get_submission_class().objects.count() == 5


def test_volunteer_limit_is_per_address(client, volunteer, traveller):
    for _ in range(6):
        sign_up(client, volunteer)
    assert sign_up(client, volunteer, address="198.51.100.8").status_code == 200


def test_reading_the_form_is_never_limited(client, volunteer, traveller):
    for _ in range(6):
        sign_up(client, volunteer)
    assert client.get(volunteer.url, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_volunteer_limit_lifts_when_the_window_has_passed(client, volunteer, traveller):
    for _ in range(6):
        sign_up(client, volunteer)
    traveller.shift(datetime.timedelta(minutes=10))
    assert sign_up(client, volunteer).status_code == 200


def test_sign_in_answers_429_after_30_attempts_a_minute_from_one_address(
    client, traveller
):
    data = {"login": "nobody", "password": "wrong-password", "acknowledge": "on"}
    for number in range(30):
        address = "192.0.2.1"
        # Spread over names so the per-account lockout is not what stops them.
        data["login"] = f"nobody{number}"
        assert (
            client.post("/accounts/login/", data, REMOTE_ADDR=address).status_code
            == 200
        )
    refused = client.post("/accounts/login/", data, REMOTE_ADDR="192.0.2.1")
    assert refused.status_code == 429
    assert FRIENDLY in refused.content
    other = client.post("/accounts/login/", data, REMOTE_ADDR="192.0.2.2")
    assert other.status_code == 200


def test_password_reset_answers_429_after_three_requests_for_one_address(
    client, traveller
):
    factories.user("pat", email="pat@example.org")
    for number in range(3):
        response = client.post(
            "/accounts/password/reset/",
            {"email": "pat@example.org"},
            REMOTE_ADDR=f"192.0.2.{10 + number}",
        )
        assert response.status_code == 302
    refused = client.post(
        "/accounts/password/reset/",
        {"email": "pat@example.org"},
        REMOTE_ADDR="192.0.2.99",
    )
    assert refused.status_code == 429
    assert FRIENDLY in refused.content


def test_password_reset_answers_429_after_five_requests_a_minute_from_one_ip(
    client, traveller
):
    for number in range(5):
        response = client.post(
            "/accounts/password/reset/", {"email": f"someone{number}@example.org"}
        )
        assert response.status_code == 302
    refused = client.post("/accounts/password/reset/", {"email": "x@example.org"})
    assert refused.status_code == 429


def test_decorator_is_ready_for_other_public_forms(traveller):
    """e.g. the directory's "report an error" form."""

    @rate_limited("report-error", rate="2/h")
    def report_error(request):
        return HttpResponse("thanks")

    factory = RequestFactory()
    statuses = [report_error(factory.post("/report/")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert report_error(factory.get("/report/")).status_code == 200


def test_form_stays_open_when_the_cache_is_down(monkeypatch, traveller):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "add", broken)
    request = RequestFactory().post("/x/")
    assert not any(
        rate_limit_exceeded(request, group="g", rate="1/m") for _ in range(3)
    )


@pytest.mark.parametrize(
    ("text", "rate"),
    [("5/10m", Rate(5, 600)), ("30/m", Rate(30, 60)), ("2/h", Rate(2, 3600))],
)
def test_rates_are_read_from_short_text(text, rate):
    assert Rate.parse(text) == rate


def test_a_malformed_rate_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="is not like"):
        Rate.parse("five per minute")


def test_volunteer_form_needs_a_csrf_token(volunteer):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(volunteer.url, {"your_name": "x"})
    assert response.status_code == 403
