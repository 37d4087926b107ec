"""Shared fixtures: a published Riverton page tree built from the factories."""

import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return factories.site_with_home()


@pytest.fixture
def neighborhood_index(home):
    return factories.neighborhood_index(home)


@pytest.fixture
def neighborhood(neighborhood_index):
    return factories.neighborhood(neighborhood_index, title="Eastgate")


@pytest.fixture
def team(db):
    """A DMI partnership: one agency of each kind, one person per matrix role."""
    from tests import workspace

    return workspace.partnership()
