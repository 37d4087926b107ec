"""Content-Security-Policy: strict on the public site, relaxed only for /admin/."""

import re

import pytest

from portal.security import path_additions, permissions_policy_header
from tests.security import signin

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>"
)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle=", re.IGNORECASE)


def directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    parts = [part.strip().split() for part in policy.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def assert_strict(response):
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]


def assert_no_inline_code(response):
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not INLINE_HANDLER.search(html), INLINE_HANDLER.search(html).group(0)
    assert not STYLE_ATTRIBUTE.search(html), STYLE_ATTRIBUTE.search(html).group(0)


def test_public_pages_have_the_strict_policy_and_no_inline_code(client, neighborhood):
    for url in ["/", neighborhood.url, "/search/?q=market", "/no-such-page/"]:
        response = client.get(url)
        assert_strict(response)
        assert_no_inline_code(response)


def test_sign_in_page_has_the_strict_policy_and_no_inline_code(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert_strict(response)
    assert_no_inline_code(response)


def test_signed_in_public_page_adds_only_an_external_time_out_script(client, home):
    signin.public_user("pat")
    signin.post_login(client, "pat")
    response = client.get("/")
    assert b"js/session-timeout.js" in response.content
    assert_strict(response)
    assert_no_inline_code(response)


def test_admin_alone_may_run_inline_scripts_and_styles(client):
    signin.administrator("ada")
    signin.sign_in_with_totp(client, "ada")
    policy = directives(client.get("/admin/"))
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert "blob:" in policy["img-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_relaxation_applies_under_admin_only():
    assert path_additions("/admin/pages/") == {
        "script-src": ["'unsafe-inline'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["blob:"],
    }
    assert path_additions("/administration-notes/") == {}
    assert path_additions("/accounts/login/") == {}
    assert path_additions("/") == {}


def test_permissions_policy_header_lists_denied_and_allowed_features():
    header = permissions_policy_header({"camera": [], "fullscreen": ["self"]})
    assert header == "camera=(), fullscreen=(self)"
