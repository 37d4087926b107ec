"""The HSDS download: built in the background once per content version, never
inside a request; "being prepared" (503 + Retry-After) until it is built."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from portal.models import PortalSettings
from portal.page_cache import current_generation
from resources.hsds import export, stored
from resources.tasks import build_hsds_export
from tests import factories

pytestmark = pytest.mark.django_db
ZIP, JSON = "/api/hsds/export.zip", "/api/hsds/export.json"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def export_storage(settings, tmp_path):
    """Files in this test's own folder; no build claim left by another test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


@pytest.fixture
def services(org, home):
    # A site's first request would save its settings row: a public change,
    # hence a new content version in the middle of a test.
    PortalSettings.for_site(home.get_site())
    return [
        factories.service(org, title="Methadone program", categories=("methadone",)),
        factories.service(org, title="Free meals", categories=("food",)),
    ]


@pytest.fixture
def worker_backend(settings):
    """Tasks are only queued, as with the database backend before a worker runs."""
    settings.TASKS = DUMMY_TASKS
    from django_tasks import default_task_backend

    return default_task_backend


@pytest.fixture
def builds(monkeypatch):
    """Counts reads of the whole directory (the costly part of a build)."""
    calls = []
    real_build = export.build
    monkeypatch.setattr(
        export, "build", lambda **kw: calls.append(1) or real_build(**kw)
    )
    return calls


def export_builds(backend) -> list:
    """The export builds queued (publishing may queue other apps' tasks too)."""
    return [r for r in backend.results if r.task.func is build_hsds_export.func]


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def zip_names(response):
    return zipfile.ZipFile(io.BytesIO(content(response))).namelist()


def json_of(response):
    return json.loads(content(response))


def test_with_the_immediate_backend_the_first_request_gets_the_file(
    client, services, builds
):
    response = client.get(ZIP)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="hsds-directory.zip"' in response["Content-Disposition"]
    names = zip_names(response)
    assert "datapackage.json" in names and "services.csv" in names
    tables = json_of(client.get(JSON))
    assert len(tables["service"]) == 2
    assert len(builds) == 1  # both forms from one read of the directory


def test_the_files_are_built_once_per_content_version(client, services, builds):
    client.get(ZIP)
    client.get(ZIP)
    client.get(JSON)
    assert len(builds) == 1
    services[0].alert = "Closed on Friday"
    services[0].save_revision().publish()  # any public change: a new version
    response = client.get(ZIP)
    assert len(builds) == 2
    package = zipfile.ZipFile(io.BytesIO(content(response)))
    services_csv = package.read("services.csv")
    assert b"Closed on Friday" in services_csv


def test_before_the_build_the_request_says_being_prepared_and_enqueues_once(
    client, services, worker_backend, builds
):
    first = client.get(ZIP)
    assert first.status_code == 503
    assert first["Retry-After"] == "60"
    assert "being prepared" in first.content.decode()
    assert "no-store" in first["Cache-Control"]
    second = client.get(JSON, HTTP_ACCEPT="application/json")
    assert second.status_code == 503
    assert second.json()["status"] == "preparing"
    assert len(export_builds(worker_backend)) == 1  # not one per request
    assert export_builds(worker_backend)[0].args == [current_generation()]
    assert builds == []  # no request built anything


def test_once_the_worker_has_built_it_the_file_is_served(
    client, services, worker_backend
):
    client.get(ZIP)
    (queued,) = export_builds(worker_backend)
    assert build_hsds_export.call(*queued.args) is True
    response = client.get(ZIP)
    assert response.status_code == 200
    assert "services.csv" in zip_names(response)
    names = {row["name"] for row in json_of(client.get(JSON))["service"]}
    assert names == {"Methadone program", "Free meals"}
    assert build_hsds_export.call(*queued.args) is False  # nothing left to do
    assert len(export_builds(worker_backend)) == 1


def test_a_change_after_the_build_asks_for_a_new_one(client, services, worker_backend):
    client.get(ZIP)
    build_hsds_export.call(*export_builds(worker_backend)[0].args)
    services[1].save_revision().publish()
    assert client.get(ZIP).status_code == 503
    assert len(export_builds(worker_backend)) == 2


def test_the_worker_builds_the_version_current_when_it_runs(
    client, services, worker_backend
):
    client.get(ZIP)
    services[0].alert = "Moved to Main St"
    services[0].save_revision().publish()  # changed while the task waited
    build_hsds_export.call(*export_builds(worker_backend)[0].args)
    response = client.get(ZIP)
    assert response.status_code == 200
    package = zipfile.ZipFile(io.BytesIO(content(response)))
    assert b"Moved to Main St" in package.read("services.csv")


def test_a_failed_build_lets_the_next_request_ask_again(client, services, monkeypatch):
    def broken(**_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(export, "build", broken)
    assert client.get(ZIP).status_code == 503  # the immediate build failed
    assert cache.get(stored.pending_key(current_generation())) is None
    monkeypatch.undo()
    assert client.get(ZIP).status_code == 200


def test_only_old_files_of_other_versions_are_removed(settings):
    for name in ("1-hsds-directory.zip", "2-hsds-directory.zip", "3-complete"):
        default_storage.save(f"{stored.FOLDER}/{name}", ContentFile(b"x"))
    later = timezone.now() + timedelta(hours=2)
    assert stored.remove_other_versions(keep=3, now=timezone.now()) == []
    removed = stored.remove_other_versions(keep=3, now=later)
    assert sorted(removed) == [
        f"{stored.FOLDER}/1-hsds-directory.zip",
        f"{stored.FOLDER}/2-hsds-directory.zip",
    ]
    assert default_storage.exists(f"{stored.FOLDER}/3-complete")


def test_manage_export_hsds_stays_synchronous(tmp_path, services, worker_backend):
    from django.core.management import call_command

    target = tmp_path / "out.zip"
    call_command("export_hsds", str(target), stdout=io.StringIO())
    assert "services.csv" in zipfile.ZipFile(target).namelist()
    assert export_builds(worker_backend) == []
