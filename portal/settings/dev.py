"""Local development: debug on, console email, SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
# Development serves fresh pages; caching is exercised by tests and the benchmark.
PAGE_CACHE_SECONDS = 0
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Demo accounts that must use MFA get this TOTP secret (demo_agencies), so a
# tester can add it once to an authenticator app; `manage.py demo_logins`
# prints it. Published on purpose: never set it outside development.
DEMO_TOTP_SECRET = "RIVERTONDEMOTOTPKEYFORTESTERSAAA"  # noqa: S105
