"""The official HSDS 3.1 schemas from ../shared/hsds, as jsonschema validators.

Responses are validated against the response schemas of HSDS's own
openapi.json, so its ``$ref``s to the compiled schemas (service.json,
service_list.json…) and to its ``Page`` component are resolved through a
``referencing`` Registry holding the shared files under the URLs openapi.json
uses. taxonomy.json and taxonomy_term.json are not among the shared files;
their schemas are taken from where service.json embeds them.
"""

import functools
import json
from pathlib import Path

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HSDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "hsds"
OPENAPI_URI = "https://hsds.test/openapi.json"
SPEC_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema"
PAGE_FIELDS = [
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
]


def load(name: str) -> dict:
    path = HSDS_DIR / name
    if not path.is_file():
        pytest.fail(
            f"HSDS reference schema {path} is missing: the tests need the shared "
            "folder ../shared/hsds beside the project (see shared/hsds/README.md)."
        )
    return json.loads(path.read_text())


@functools.cache
def registry() -> Registry:
    service = load("service.json")
    term = service["properties"]["attributes"]["items"]["properties"]["taxonomy_term"]
    documents = {
        OPENAPI_URI: load("openapi.json"),
        f"{SPEC_BASE}/taxonomy_term.json": term,
        f"{SPEC_BASE}/taxonomy.json": term["properties"]["taxonomy_detail"],
        f"{SPEC_BASE}/compiled/service.json": service,
    }
    for name in [
        "service_list.json",
        "organization.json",
        "organization_list.json",
        "service_at_location.json",
        "service_at_location_list.json",
    ]:
        documents[f"{SPEC_BASE}/compiled/{name}"] = load(name)
    return Registry().with_resources(
        (uri, Resource.from_contents(doc, default_specification=DRAFT202012))
        for uri, doc in documents.items()
    )


def _pointer(path: str) -> str:
    escaped = path.replace("~", "~0").replace("/", "~1")
    return (
        f"{OPENAPI_URI}#/paths/{escaped}/get/responses/200/content/"
        "application~1json/schema"
    )


# HSDS 3.1's openapi.json gives /service_at_locations/{id} the *service* schema;
# the shared README (and the object returned) say service_at_location.json.
OVERRIDES = {
    "/service_at_locations/{id}": f"{SPEC_BASE}/compiled/service_at_location.json"
}


def response_validator(path: str, *, paginated: bool) -> Draft202012Validator:
    """Validator for the 200 response of ``path`` as HSDS's openapi.json defines it."""
    schema = {"$ref": OVERRIDES.get(path) or _pointer(path)}
    if paginated:
        schema = {"allOf": [schema, {"required": PAGE_FIELDS}]}
    return Draft202012Validator(
        schema, registry=registry(), format_checker=FormatChecker()
    )


def schema_validator(name: str) -> Draft202012Validator:
    """Validator for one compiled schema file, e.g. "service.json"."""
    return Draft202012Validator(
        {"$ref": f"{SPEC_BASE}/compiled/{name}"},
        registry=registry(),
        format_checker=FormatChecker(),
    )


def assert_valid(validator, instance) -> None:
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10]
    )
