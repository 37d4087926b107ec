"""Sign-in, reset and lockout answers are the same whether or not an account exists."""

import re

import pytest

from tests.security import signin

pytestmark = pytest.mark.django_db


def normalise(response) -> str:
    """The page without what differs per request (CSRF tokens, typed names)."""
    text = response.content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    return text.replace("ada", "NAME").replace("nobody", "NAME")


@pytest.fixture
def ada(db):
    return signin.administrator("ada")


def test_wrong_password_and_unknown_account_get_the_same_answer(client, ada):
    known = signin.fail_login(client, "ada")
    unknown = signin.fail_login(client, "nobody")
    assert known.status_code == unknown.status_code == 200
    assert normalise(known) == normalise(unknown)


def test_password_reset_request_answers_the_same(client, ada, mailoutbox):
    known = client.post("/accounts/password/reset/", {"email": ada.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert normalise(client.get(known["Location"])) == normalise(
        client.get(unknown["Location"])
    )
    # Only the real account gets mail; no mail goes to unknown addresses.
    assert [message.to for message in mailoutbox] == [[ada.email]]


def test_lockout_page_is_the_same_for_existing_and_unknown_accounts(client, ada):
    known = signin.fail_login(client, "ada", times=5)
    unknown = signin.fail_login(client, "nobody", times=5)
    assert signin.is_locked_page(known) and signin.is_locked_page(unknown)
    assert normalise(known) == normalise(unknown)
