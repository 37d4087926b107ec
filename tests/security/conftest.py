"""Sign-in tests run against a published home page so redirects land somewhere."""

import pytest


@pytest.fixture(autouse=True)
def _site(home):
    return home
