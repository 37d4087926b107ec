"""Directory editors read error reports in the admin; providers can't."""

import pytest
from django.urls import reverse

from resources.models import ErrorReport
from tests import factories
from tests.security import signin

pytestmark = pytest.mark.django_db

LIST_URL = reverse("directory_error_reports:index")


@pytest.fixture
def report(org):
    service = factories.service(org, title="Walk-in counseling")
    return ErrorReport.objects.create(service=service, message="Phone is wrong")


def test_directory_editor_sees_reports(client, report):
    from allauth.mfa.totp.internal.auth import TOTP

    editor = factories.directory_editor(password=signin.PASSWORD)
    TOTP.activate(editor, signin.SECRET)
    for _attempt in range(3):  # a code typed as its window closes is refused
        response = signin.sign_in_with_totp(client, editor.username)
        if response.status_code == 302 and "/accounts/" not in response["Location"]:
            break
        client.logout()
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert "Phone is wrong" in response.content.decode()


def test_provider_cannot_open_error_reports(provider_client, report):
    response = provider_client.get(LIST_URL)
    assert response.status_code in (302, 403)
    assert "Phone is wrong" not in response.content.decode()
