""" "Report an error": stored, mailed to the directory editors, guarded."""

import pytest
from django.core import mail
from django.urls import reverse

from resources.models import ErrorReport
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(org):
    return factories.service(org, title="Walk-in counseling")


def report_url(service):
    return reverse("directory:report_error", kwargs={"hsds_id": service.hsds_id})


def test_report_is_stored_mailed_to_directory_editors_and_thanked(
    client, service, django_capture_on_commit_callbacks
):
    factories.directory_editor("editor1", email="editor1@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            report_url(service),
            {"message": "The phone number changed.", "email": "me@example.org"},
            follow=True,
        )
    assert "Thank you for your report" in response.content.decode()
    report = ErrorReport.objects.get()
    assert report.service_id == service.pk
    assert report.message == "The phone number changed."
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["editor1@example.org"]
    assert mail.outbox[0].reply_to == ["me@example.org"]
    assert "Walk-in counseling" in mail.outbox[0].subject
    assert "The phone number changed." in mail.outbox[0].body


def test_without_directory_editors_the_report_goes_to_editors_email(
    client, service, settings, django_capture_on_commit_callbacks
):
    settings.EDITORS_EMAIL = "desk@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(report_url(service), {"message": "Closed on Fridays now."})
    assert mail.outbox[0].to == ["desk@example.org"]


def test_report_without_a_message_is_refused_and_nothing_is_stored(client, service):
    response = client.post(report_url(service), {"name": "Sam", "message": " "})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert ErrorReport.objects.count() == 0
    assert mail.outbox == []


def test_bad_email_is_refused(client, service):
    response = client.post(report_url(service), {"message": "x", "email": "nope"})
    assert "Enter a valid email address" in response.content.decode()
    assert ErrorReport.objects.count() == 0


def test_honeypot_filled_by_a_bot_stores_and_sends_nothing(client, service):
    response = client.post(
        report_url(service), {"message": "Buy pills", "website": "http://spam.example"}
    )
    assert response.status_code == 302
    assert ErrorReport.objects.count() == 0
    assert mail.outbox == []


def test_report_form_needs_the_csrf_token(service):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(report_url(service), {"message": "x"})
    assert response.status_code == 403
    assert ErrorReport.objects.count() == 0


def test_reports_are_rate_limited(client, service, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = "2/10m"
    for _ in range(2):
        assert client.post(report_url(service), {"message": "x"}).status_code == 302
    assert client.post(report_url(service), {"message": "x"}).status_code == 429
    assert ErrorReport.objects.count() == 2


def test_defunct_or_unknown_service_cannot_be_reported(client, org):
    gone = factories.service(org, title="Gone", status="defunct")
    assert client.post(report_url(gone), {"message": "x"}).status_code == 404
    assert client.get("/directory/services/not-a-uuid/report-error/").status_code == 404
