"""Directory fixtures: a directory, a provider and its signed-in admin client."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from tests import factories
from tests.security import signin


@pytest.fixture
def directory(home):
    return factories.directory_page(home)


@pytest.fixture
def org(directory):
    return factories.organization(directory)


@pytest.fixture
def other_org(directory):
    return factories.organization(directory, title="Harbor Legal Aid")


@pytest.fixture
def provider(org):
    """Alice maintains ``org``'s listings."""
    return factories.provider_user(org, "alice", password=signin.PASSWORD)


@pytest.fixture
def provider_client(client, provider):
    """Alice signed in to the admin the real way: password, then TOTP."""
    TOTP.activate(provider, signin.SECRET)
    for _attempt in range(3):
        # A code typed just as its 30-second window closes is refused; the
        # next window's code then works, as it would for a person.
        response = signin.sign_in_with_totp(client, "alice")
        if response.status_code == 302 and "/accounts/" not in response["Location"]:
            return client
        client.logout()
    raise AssertionError("Could not sign in the provider with TOTP")
