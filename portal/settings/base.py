"""Settings shared by every environment.

Anything that differs between machines is read from the environment here or in
``production.py``; ``.env.example`` documents each variable.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # Project apps first so their templates and static files win.
    "portal",
    "resources",
    "agencies",
    "meetings",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "guardian",
    "allauth",  # accounts (issue 3)
    "allauth.account",
    "allauth.mfa",
    "axes",
    # Django (no django.contrib.admin: Wagtail is the only admin)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.PermissionsPolicyMiddleware",  # headers (issue 3)
    "portal.security.ContentSecurityPolicyMiddleware",  # above the page cache
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "agencies.accounts.sessions.SessionLimitsMiddleware",  # sessions (issue 3)
    "allauth.account.middleware.AccountMiddleware",  # accounts (issue 3)
    "agencies.accounts.middleware.MfaRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # accounts (issue 3); axes wants to be last
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------
# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the page server read while the task worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "dmi"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous public pages are cached this long at most; publishing clears them.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- People -----------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked accounts
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
ANONYMOUS_USER_NAME = None  # guardian: anonymous visitors hold no object grants

# --- Language and time ------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("PORTAL_TIME_ZONE", "America/Los_Angeles")
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 3600

# --- Email ------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@dmi.example.org")
# Who receives volunteer sign-ups and other public form submissions by default.
EDITORS_EMAIL = os.environ.get("EDITORS_EMAIL", "editors@dmi.example.org")

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = "DMI Portal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    # Picks PostgreSQL full-text search or SQLite FTS5 from the database in use.
    "default": {"BACKEND": "wagtail.search.backends.database"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "docx", "xlsx", "odt", "txt"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_COMMENTS_ENABLED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "portal": {"level": os.environ.get("PORTAL_LOG_LEVEL", "INFO")},
    },
}

# --- Accounts: allauth, MFA, axes (issue 3) ---
# One sign-in page for everyone (/accounts/login/); Wagtail's own login and
# password screens redirect there (agencies/accounts/bypass_urls.py).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/admin/"
LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False  # passwords change through allauth only
WAGTAIL_PASSWORD_RESET_ENABLED = False
ACCOUNT_ADAPTER = "agencies.accounts.adapter.PortalAccountAdapter"
ACCOUNT_FORMS = {"login": "agencies.accounts.forms.BannerLoginForm"}
ACCOUNT_LOGIN_METHODS = {"username"}  # one lockout key per account
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"  # administrators create every account
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_SESSION_REMEMBER = False  # no "remember me" on shared agency machines
MFA_ADAPTER = "agencies.accounts.adapter.PortalMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ALLOW_UNVERIFIED_EMAIL = True  # addresses are set by administrators
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "DMI Portal")
# One 30-second step either side (RFC 6238 5.2): phone clocks drift, and a code
# typed as its window closes is still accepted. allauth refuses a reused code.
MFA_TOTP_TOLERANCE = 1
# Who must use a second factor: see agencies.accounts.policy.mfa_required.
# Superusers, staff and members of these groups always; anyone else who can
# reach the Wagtail admin (editors, providers) when the next setting is on.
ACCOUNTS_MFA_REQUIRED_GROUPS = ["Auditors", "Administrators"]
ACCOUNTS_MFA_REQUIRED_FOR_EDITORS = (
    os.environ.get("ACCOUNTS_MFA_REQUIRED_FOR_EDITORS", "true").lower() != "false"
)
ACCOUNTS_LOGIN_BANNER = os.environ.get(
    "ACCOUNTS_LOGIN_BANNER",
    "You are accessing a restricted information system of a law enforcement "
    "partnership. System usage may be monitored, recorded and subject to audit. "
    "Unauthorized use of the system is prohibited and may be subject to criminal "
    "and civil penalties. Use of the system indicates consent to monitoring and "
    "recording.",
)
# CJIS 5.5.3: lock after 5 failed logons within 15 minutes until released.
ACCOUNTS_LOCKOUT_WINDOW_MINUTES = 15
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = None  # locks last until an administrator releases them
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_HANDLER = "agencies.accounts.lockout.WindowedLockoutHandler"
AXES_LOCKOUT_CALLABLE = "agencies.accounts.lockout.lockout_response"
AXES_USERNAME_CALLABLE = "agencies.accounts.lockout.attempted_username"
AXES_CLIENT_IP_CALLABLE = "agencies.accounts.lockout.attempt_ip"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # the audit log records every logon
# axes.W006 warns that user-agent rotation escapes (username, IP, agent) keys;
# our handler counts failures by username alone, across every IP and agent.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AUDIT_TRUSTED_PROXY_COUNT = int(os.environ.get("AUDIT_TRUSTED_PROXY_COUNT", "0"))

# --- Sessions, headers, rate limits (issue 3) ---
# Sessions are kept on the server: in the database, read through Redis when
# it is configured (every worker and instance sees the same sessions).
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
# CJIS 5.5.5 / ASVS 3.3: sign in again after 30 minutes idle and 12 hours in
# all, enforced by agencies.accounts.sessions.SessionLimitsMiddleware; the
# warning script opens its dialog SESSION_WARNING_SECONDS before the end.
SESSION_IDLE_TIMEOUT_SECONDS = 30 * 60
SESSION_ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60
SESSION_WARNING_SECONDS = 5 * 60
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT_SECONDS  # server-side expiry too
SESSION_EXPIRE_AT_BROWSER_CLOSE = True  # shared agency machines
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Scripts take the CSRF token from the page (form field, Wagtail's config), so
# the cookie need not be readable by them. Secure flags: production.py.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# CJIS 5.5.1: `manage.py deactivate_inactive_users` (daily) disables accounts
# unused this long.
ACCOUNTS_INACTIVE_DAYS = 90

# Headers on every response. HSTS is in production.py (HTTPS only).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# SAMEORIGIN, like CSP frame-ancestors 'self' below: Wagtail previews pages
# in a same-origin iframe; no other site may frame ours.
X_FRAME_OPTIONS = "SAMEORIGIN"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],  # no inline script anywhere on the public site
        "style-src": ["'self'"],  # USWDS needs no inline style (it uses the CSSOM)
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
    }
}
# Added to the policy under a path prefix only (portal.security). The Wagtail
# admin still writes inline <script> (inline panels, date widgets) and style
# attributes, and previews uploads from blob: URLs (wagtail/wagtail#1288, #7053).
CSP_PATH_ADDITIONS = {
    "/admin/": {
        "script-src": ["'unsafe-inline'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["blob:"],
    },
}
# No third-party calls from admin pages: avatars and the "new version" check
# would send agency users' browsers to other sites (and break the CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Rate limits, counted in the cache (Redis in production). Sign-in and
# password reset use allauth's limits, keyed by IP and by the name typed;
# django-axes locks an account after 5 failures first, so the per-name
# figure here only slows a spray of guesses from one address.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,10/15m/key",
    "reset_password": "5/m/ip,3/15m/key",
    "reset_password_from_key": "10/m/ip",
}
ALLAUTH_TRUSTED_PROXY_COUNT = AUDIT_TRUSTED_PROXY_COUNT  # same address as the audit log
# Public forms (portal.ratelimit): volunteer sign-up, report an error.
PUBLIC_FORM_RATE_LIMIT = os.environ.get("PUBLIC_FORM_RATE_LIMIT", "5/10m")
