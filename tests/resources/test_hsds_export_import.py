"""HSDS export and import: valid package, round trip, idempotence, bad files."""

import csv
import io
import json
import zipfile
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from resources.hsds import tabular
from resources.models import (
    CostOption,
    OrganizationPage,
    RequiredDocument,
    ServicePage,
    ServicePhone,
    ServiceVerification,
    Taxonomy,
    TaxonomyTerm,
)
from tests import factories
from tests.resources.hsds_schemas import assert_valid, load, schema_validator

pytestmark = pytest.mark.django_db

# Set by publishing, so a re-import cannot reproduce it.
NOT_ROUND_TRIPPED = {"services.csv": {"last_modified"}}


@pytest.fixture
def directory_data(org, neighborhood):
    org.locations.first().latitude = 37.8
    org.save_revision().publish()
    factories.organization(
        org.get_parent(),
        title="Harbor Jobs",
        locations=[{"name": "Harbor office", "accessibility_details": "Lift"}],
    )
    service = factories.service(
        org,
        title="Methadone program",
        categories=("methadone", "counseling"),
        languages=("en", "es"),
        hours=[(0, "08:00", "12:00"), (0, "13:00", "17:00"), (5, "22:00", "02:00")],
        neighborhoods=[neighborhood],
        minimum_age=18,
        maximum_age=99,
        website="https://riverton.example.org/methadone",
        alert="Closed on holidays",
    )
    service.cost_options.add(
        CostOption(option="Per week", amount=Decimal("40.00"), amount_description="x")
    )
    service.required_documents.add(RequiredDocument(document="Photo ID"))
    service.phones.add(ServicePhone(number="555-0111", extension=7, type="text"))
    service.save_revision().publish()
    ServiceVerification.objects.create(
        service=service,
        verified_at=datetime(2026, 3, 2, 15, tzinfo=UTC),
        assurer_email="checker@example.org",
    )
    factories.service(org, title="Free meals", categories=("food",), is_free=True)
    return service


def export_files(tmp_path, name="out.zip") -> dict:
    target = tmp_path / name
    call_command("export_hsds", str(target), stdout=io.StringIO())
    with zipfile.ZipFile(target) as archive:
        return {n: archive.read(n).decode() for n in archive.namelist()}


def csv_rows(text, ignore=()):
    return sorted(
        tuple(sorted((k, v) for k, v in row.items() if k not in ignore))
        for row in csv.DictReader(io.StringIO(text))
    )


def write_zip(path, files: dict):
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def empty_the_directory():
    for org in OrganizationPage.objects.all():
        org.delete()
    TaxonomyTerm.objects.filter(parent__parent__isnull=False).delete()
    TaxonomyTerm.objects.filter(parent__isnull=False).delete()
    TaxonomyTerm.objects.all().delete()
    Taxonomy.objects.all().delete()


def run_import(path):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_hsds", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_every_csv_has_the_tabular_json_columns_and_required_values(
    tmp_path, directory_data
):
    files = export_files(tmp_path)
    spec = load("tabular.json")["properties"]
    package = json.loads(files["datapackage.json"])
    assert {r["path"] for r in package["resources"]} == {
        item["items"]["path"] for item in spec.values()
    }
    for table, item in spec.items():
        schema = item["items"]
        expected = [k for k, v in schema["properties"].items() if v["type"] != "array"]
        reader = csv.DictReader(io.StringIO(files[schema["path"]]))
        assert reader.fieldnames == expected, schema["path"]
        needed = schema.get("required", []) + schema.get("tabular_required", [])
        for row in reader:
            for column in needed:
                assert row[column], f"{schema['path']}: empty {column}"
            for column, prop in schema["properties"].items():
                if row.get(column) and "enum" in prop:
                    assert row[column] in prop["enum"], (table, column)


def test_json_forms_validate_against_the_official_schemas(tmp_path, directory_data):
    files = export_files(tmp_path)
    from jsonschema import Draft202012Validator

    tabular_schema = load("tabular.json")
    tables = json.loads(files["hsds.json"])
    assert tables["service"]
    errors = list(Draft202012Validator(tabular_schema).iter_errors(tables))
    assert not errors, errors[:3]
    services = json.loads(files["services.json"])
    assert len(services) == 2
    for service in services:
        assert_valid(schema_validator("service.json"), service)


def test_export_then_import_into_an_empty_directory_gives_the_same_export(
    tmp_path, directory_data
):
    first = export_files(tmp_path, "first.zip")
    empty_the_directory()
    assert not ServicePage.objects.exists()
    run_import(tmp_path / "first.zip")
    second = export_files(tmp_path, "second.zip")
    assert set(first) == set(second)
    for name in first:
        if name.endswith(".csv"):
            ignore = NOT_ROUND_TRIPPED.get(name, ())
            assert csv_rows(first[name], ignore) == csv_rows(second[name], ignore), name
    assert first["datapackage.json"] == second["datapackage.json"]


def test_importing_twice_updates_and_creates_nothing_new(tmp_path, directory_data):
    export_files(tmp_path, "first.zip")
    pages, rows = ServicePage.objects.count(), CostOption.objects.count()
    out, _err = run_import(tmp_path / "first.zip")
    assert "created" not in out and "2 service updated" in out
    assert ServicePage.objects.count() == pages
    assert CostOption.objects.count() == rows


def test_import_updates_an_existing_service_by_its_hsds_id(tmp_path, directory_data):
    files = export_files(tmp_path)
    files["services.csv"] = files["services.csv"].replace(
        "Methadone program", "Methadone clinic"
    )
    run_import(write_zip(tmp_path / "edited.zip", files))
    service = ServicePage.objects.get(hsds_id=directory_data.hsds_id)
    assert service.title == "Methadone clinic" and service.live


def test_the_json_form_imports_too(tmp_path, directory_data):
    files = export_files(tmp_path)
    empty_the_directory()
    (tmp_path / "hsds.json").write_text(files["hsds.json"])
    run_import(tmp_path / "hsds.json")
    assert ServicePage.objects.get(hsds_id=directory_data.hsds_id).live


# --- Bad files: each reported, nothing written --------------------------------


def _state():
    return (
        OrganizationPage.objects.count(),
        ServicePage.objects.count(),
        TaxonomyTerm.objects.count(),
        [p.title for p in ServicePage.objects.order_by("pk")],
    )


def _uuid_swap(text, column, value, row_index=0):
    rows = list(csv.DictReader(io.StringIO(text)))
    rows[row_index][column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


BAD_EDITS = {
    "bad uuid": (
        "services.csv",
        lambda t: _uuid_swap(t, "id", "not-a-uuid"),
        "services.csv, row 2, id: 'not-a-uuid' is not a UUID",
    ),
    "missing required field": (
        "services.csv",
        lambda t: _uuid_swap(t, "name", ""),
        "services.csv, row 2, name: is required",
    ),
    "dangling foreign key": (
        "services.csv",
        lambda t: _uuid_swap(
            t, "organization_id", "00000000-0000-4000-8000-000000000000"
        ),
        "services.csv, row 2, organization_id: no organization has id",
    ),
    "bad enum value": (
        "services.csv",
        lambda t: _uuid_swap(t, "status", "closed-ish"),
        "services.csv, row 2, status: 'closed-ish' is not one of",
    ),
    "duplicate term code": (
        "taxonomy_terms.csv",
        lambda t: _uuid_swap(t, "code", "food"),
        "taxonomy_terms.csv, row 2, code: another term of the taxonomy has this code",
    ),
    "bad day in a schedule": (
        "schedules.csv",
        lambda t: _uuid_swap(t, "byday", "XX", row_index=1),
        "schedules.csv, row 3, byday: 'XX' is not one of",
    ),
}


@pytest.mark.parametrize("case", list(BAD_EDITS))
def test_a_bad_row_is_reported_by_file_row_and_field_and_nothing_is_written(
    tmp_path, directory_data, case
):
    file_name, edit, message = BAD_EDITS[case]
    files = export_files(tmp_path)
    files["services.csv"] = files["services.csv"].replace("Free meals", "Changed")
    files[file_name] = edit(files[file_name])
    before = _state()
    with pytest.raises(CommandError, match="nothing was imported"):
        run_import(write_zip(tmp_path / "bad.zip", files))
    assert _state() == before


def test_problem_messages_name_file_row_and_field(tmp_path, directory_data):
    for file_name, edit, message in BAD_EDITS.values():
        files = export_files(tmp_path)
        files[file_name] = edit(files[file_name])
        err = io.StringIO()
        with pytest.raises(CommandError):
            call_command(
                "import_hsds", str(write_zip(tmp_path / "bad.zip", files)), stderr=err
            )
        assert message in err.getvalue()


def test_a_missing_file_is_reported(tmp_path, directory_data):
    with pytest.raises(CommandError):
        run_import(tmp_path / "nowhere.zip")


def test_a_file_that_is_not_a_zip_is_reported(tmp_path, directory_data):
    path = tmp_path / "fake.zip"
    path.write_text("hello")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_hsds", str(path), stderr=err)
    assert "not a zip file" in err.getvalue()


def test_a_package_without_datapackage_json_is_reported(tmp_path, directory_data):
    files = export_files(tmp_path)
    del files["datapackage.json"]
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_hsds", str(write_zip(tmp_path / "bad.zip", files)), stderr=err
        )
    assert "datapackage.json is missing" in err.getvalue()


def test_a_missing_required_column_is_reported(tmp_path, directory_data):
    files = export_files(tmp_path)
    lines = files["services.csv"].splitlines()
    columns = lines[0].split(",")
    drop = columns.index("status")
    files["services.csv"] = "\n".join(
        ",".join(c for i, c in enumerate(line.split(",")) if i != drop)
        for line in lines[:1]
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_hsds", str(write_zip(tmp_path / "bad.zip", files)), stderr=err
        )
    assert "services.csv, row 1, status: required column is missing" in err.getvalue()


def test_tabular_module_matches_the_official_table_list():
    spec = load("tabular.json")["properties"]
    for table, item in spec.items():
        schema = item["items"]
        assert tabular.file_name(table) == schema["path"]
        assert set(tabular.required(table)) == set(
            schema.get("required", []) + schema.get("tabular_required", [])
        )
