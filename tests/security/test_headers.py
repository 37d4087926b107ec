"""Security headers on public, account, admin and workspace responses."""

import json

import pytest
from django.conf import settings

from tests import workspace
from tests.portal.test_settings import production_env, run
from tests.security import signin

pytestmark = pytest.mark.django_db

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Opener-Policy": "same-origin",
}
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb"]


def assert_security_headers(response):
    for header, value in EXPECTED.items():
        assert response.headers.get(header) == value, header
    policy = response.headers["Permissions-Policy"]
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in policy
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]


@pytest.fixture
def admin_client(client):
    signin.administrator("ada")
    signin.sign_in_with_totp(client, "ada")
    return client


def test_public_pages_send_the_security_headers(client, neighborhood):
    for url in ["/", neighborhood.url, "/search/?q=eastgate", "/no-such-page/"]:
        assert_security_headers(client.get(url))


def test_a_page_served_from_the_page_cache_keeps_the_headers(client, home):
    # The first request saves the site settings row: a public change, so the
    # second render is the first one the cache keeps.
    for _ in range(3):
        cached = client.get("/")
    assert cached.headers.get("X-Page-Cache") == "hit"
    assert_security_headers(cached)


def test_account_pages_send_the_security_headers(client):
    assert_security_headers(client.get("/accounts/login/"))
    assert_security_headers(client.get("/accounts/password/reset/"))


def test_admin_pages_send_the_security_headers(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert_security_headers(response)


def test_workspace_pages_send_the_security_headers(client, team):
    workspace.mfa_client(client, team.county_prosecutor)
    response = client.get("/workspace/")
    assert response.status_code == 200
    assert_security_headers(response)


def test_admin_preview_may_be_framed_by_the_admin_itself(admin_client, home):
    """Wagtail's live preview loads the page in a same-origin iframe."""
    url = f"/admin/pages/{home.pk}/edit/preview/"
    form = admin_client.get(f"/admin/pages/{home.pk}/edit/")
    assert form.status_code == 200
    data = {
        "title": home.title,
        "slug": home.slug,
        "intro": home.intro,
        "why": json.dumps({"blocks": [], "entityMap": {}}),
        "community_role": json.dumps({"blocks": [], "entityMap": {}}),
        "body-count": "0",
    }
    assert admin_client.post(url, data).json()["is_valid"] is True
    preview = admin_client.get(url + "?mode=")
    assert preview.status_code == 200
    assert preview.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in preview.headers["Content-Security-Policy"]
    assert b"Closing drug markets together." in preview.content


def test_session_and_csrf_cookies_are_secure_in_production():
    script = (
        "import json; from django.conf import settings as s; print(json.dumps(["
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        "s.CSRF_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS,"
        "s.SECURE_SSL_REDIRECT]))"
    )
    result = run(["-c", script], production_env())
    assert result.returncode == 0, result.stderr
    secure, csrf_secure, httponly, csrf_httponly, samesite, hsts, redirect = json.loads(
        result.stdout
    )
    assert secure and csrf_secure and httponly and csrf_httponly and redirect
    assert samesite == "Lax"
    assert hsts >= 365 * 24 * 3600


def test_sessions_live_in_redis_backed_database_when_redis_is_configured():
    script = "from django.conf import settings as s; print(s.SESSION_ENGINE)"
    with_redis = run(
        ["-c", script], production_env(REDIS_URL="redis://127.0.0.1:6379/9")
    )
    without = run(["-c", script], production_env(REDIS_URL=None))
    assert with_redis.stdout.strip() == "django.contrib.sessions.backends.cached_db"
    assert without.stdout.strip() == "django.contrib.sessions.backends.db"


def test_hsts_is_sent_over_https_in_production_settings(client, home, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_every_form_needs_a_csrf_token(home):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    login = strict.post(
        "/accounts/login/",
        {"login": "x", "password": "y", "acknowledge": "on"},
    )
    assert login.status_code == 403
    assert settings.CSRF_COOKIE_HTTPONLY
