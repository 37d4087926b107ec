"""Directory fixtures: a published directory with one provider organization."""

import pytest

from tests import factories


@pytest.fixture
def directory(home):
    return factories.directory_page(home)


@pytest.fixture
def org(directory):
    return factories.organization(directory)
