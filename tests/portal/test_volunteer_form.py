"""A volunteer sign-up is stored and mailed to editors; a bad one changes nothing."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from tests import factories

VALID = {
    "your_name": "Rosa Diaz",
    "email": "rosa@example.org",
    "how_would_you_like_to_help": "Mentoring on weekends.",
}


@pytest.mark.django_db
class TestVolunteerForm:
    def test_valid_sign_up_is_stored_and_mailed_to_the_editors(
        self, client, home, settings
    ):
        settings.EDITORS_EMAIL = "editors@riverton.example"
        page = factories.volunteer_form_page(home, subject="New volunteer")
        response = client.post(page.url, VALID)
        assert response.status_code == 200
        assert "Thank you" in response.content.decode()
        submission = FormSubmission.objects.get(page=page)
        assert submission.get_data()["your_name"] == "Rosa Diaz"
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["editors@riverton.example"]
        assert message.subject == "New volunteer"
        assert "Mentoring on weekends." in message.body

    def test_page_address_wins_over_the_site_default(self, client, home):
        page = factories.volunteer_form_page(
            home, to_address="mentors@riverton.example, chair@riverton.example"
        )
        client.post(page.url, VALID)
        assert mail.outbox[0].to == [
            "mentors@riverton.example",
            "chair@riverton.example",
        ]

    @pytest.mark.parametrize(
        "change",
        [
            {"email": "not-an-email"},
            {"your_name": ""},
            {"how_would_you_like_to_help": ""},
        ],
    )
    def test_invalid_sign_up_shows_errors_and_saves_nothing(self, client, home, change):
        page = factories.volunteer_form_page(home)
        response = client.post(page.url, {**VALID, **change})
        assert response.status_code == 200
        assert response.context["form"].errors
        assert "usa-error-message" in response.content.decode()
        assert not FormSubmission.objects.exists()
        assert mail.outbox == []
