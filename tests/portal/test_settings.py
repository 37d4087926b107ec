"""Production settings read from the environment (each case in a fresh process)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent
ENV_EXAMPLE = BASE_DIR / ".env.example"
# Variables the settings read; cleared so the parent's (e.g. CI's) never leak in.
PORTAL_VARIABLES = ("DATABASE_URL", "REDIS_URL", "STATIC_ROOT", "MEDIA_ROOT")


def env_example() -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def production_env(**overrides) -> dict[str, str]:
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE belongs to the test run, not
    # to a deployment (check --deploy rightly refuses it).
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in PORTAL_VARIABLES and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(env_example())
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run(args, env) -> subprocess.CompletedProcess:
    # Our own interpreter on fixed arguments; the environment is the input.
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(**overrides) -> dict:
    """The settings production computes from the environment, as JSON."""
    script = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'cache': s.CACHES['default']['BACKEND'],"
        "'cache_location': s.CACHES['default'].get('LOCATION'),"
        "'engine': s.DATABASES['default']['ENGINE'],"
        "'db_name': str(s.DATABASES['default']['NAME']),"
        "'db_host': s.DATABASES['default'].get('HOST'),"
        "'staticfiles': s.STORAGES['staticfiles']['BACKEND'],"
        "'allowed_hosts': s.ALLOWED_HOSTS, 'debug': s.DEBUG,"
        "'email_host': s.EMAIL_HOST, 'email_port': s.EMAIL_PORT,"
        "'email_user': s.EMAIL_HOST_USER, 'email_tls': s.EMAIL_USE_TLS,"
        "'admin_base_url': s.WAGTAILADMIN_BASE_URL, 'secret': s.SECRET_KEY}))"
    )
    result = run(["-c", script], production_env(**overrides))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class TestRefusesToStart:
    def test_without_secret_key_startup_fails_with_a_clear_message(self):
        result = run(["manage.py", "check"], production_env(SECRET_KEY=None))
        assert result.returncode != 0
        assert "SECRET_KEY must be set in the environment" in result.stderr

    def test_with_an_empty_secret_key_startup_fails(self):
        result = run(["manage.py", "check"], production_env(SECRET_KEY=""))
        assert result.returncode != 0
        assert "SECRET_KEY must be set in the environment" in result.stderr

    def test_without_admin_base_url_startup_fails(self):
        result = run(["manage.py", "check"], production_env(WAGTAILADMIN_BASE_URL=None))
        assert result.returncode != 0
        assert "WAGTAILADMIN_BASE_URL must be set" in result.stderr


class TestDeployCheck:
    def test_check_deploy_with_env_example_prints_no_issue(self):
        result = run(["manage.py", "check", "--deploy"], production_env())
        assert result.returncode == 0, result.stdout + result.stderr
        assert "System check identified no issues" in result.stdout
        assert "WARNING" not in result.stdout + result.stderr

    def test_check_deploy_fails_on_no_warning_level(self):
        result = run(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            production_env(),
        )
        assert result.returncode == 0, result.stdout + result.stderr


class TestFromEnvironment:
    def test_secrets_hosts_email_and_admin_url_come_from_the_environment(self):
        values = production_settings(
            SECRET_KEY="k" * 10 + "-from-the-environment-" + "x" * 30,
            ALLOWED_HOSTS="portal.example.org, www.example.org",
            EMAIL_HOST="mail.example.net",
            EMAIL_PORT="2525",
            EMAIL_HOST_USER="mailer",
            EMAIL_USE_TLS="false",
            WAGTAILADMIN_BASE_URL="https://cms.example.org",
        )
        assert values["secret"].startswith("kkkkkkkkkk-from-the-environment-")
        assert values["allowed_hosts"] == ["portal.example.org", "www.example.org"]
        assert values["debug"] is False
        assert (values["email_host"], values["email_port"]) == (
            "mail.example.net",
            2525,
        )
        assert values["email_user"] == "mailer"
        assert values["email_tls"] is False
        assert values["admin_base_url"] == "https://cms.example.org"

    def test_redis_url_gives_the_shared_redis_cache(self):
        values = production_settings(REDIS_URL="redis://127.0.0.1:6379/5")
        assert values["cache"] == "portal.redis_cache.PortalRedisCache"
        assert values["cache_location"] == "redis://127.0.0.1:6379/5"

    def test_the_redis_backend_is_djangos_own(self):
        from django.core.cache.backends.redis import RedisCache

        from portal.redis_cache import PortalRedisCache

        assert issubclass(PortalRedisCache, RedisCache)

    def test_without_redis_url_the_cache_is_local_memory(self):
        values = production_settings(REDIS_URL=None)
        assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"

    def test_database_url_gives_postgresql(self):
        values = production_settings(
            DATABASE_URL="postgres://portal:pw@db.internal:5432/dmi_portal"
        )
        assert values["engine"] == "django.db.backends.postgresql"
        assert (values["db_name"], values["db_host"]) == ("dmi_portal", "db.internal")

    def test_without_database_url_the_database_is_sqlite(self):
        values = production_settings(DATABASE_URL=None)
        assert values["engine"] == "django.db.backends.sqlite3"
        assert values["db_name"].endswith("db.sqlite3")

    def test_static_files_are_hashed_and_compressed_by_whitenoise(self):
        values = production_settings()
        assert values["staticfiles"] == (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL"])
def test_env_example_documents_each_variable_production_reads(variable):
    assert variable in env_example()
