"""The OpenAPI description: parses, lists our paths, uses only HSDS parameters."""

import pytest
from django.urls import reverse

from tests.resources.hsds_schemas import load

pytestmark = pytest.mark.django_db

OUR_PATHS = {
    "/",
    "/services",
    "/services/{id}",
    "/organizations",
    "/organizations/{id}",
    "/taxonomies",
    "/taxonomies/{id}",
    "/taxonomy_terms",
    "/taxonomy_terms/{id}",
    "/service_at_locations",
    "/service_at_locations/{id}",
}
EXTENSIONS = {"lat", "long"}  # proximity's origin: HSDS has no parameter for it


def _names(operation, components):
    names = set()
    for parameter in operation.get("parameters", []):
        if "$ref" in parameter:
            parameter = components[parameter["$ref"].split("/")[-1]]
        names.add(parameter["name"])
    return names


def test_openapi_document_lists_our_paths_with_our_server(client):
    response = client.get("/api/hsds/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == OUR_PATHS
    assert document["servers"][0]["url"].endswith("/api/hsds")


def test_every_listed_path_answers(client):
    document = client.get("/api/hsds/openapi.json").json()
    for path in document["paths"]:
        if "{id}" not in path:
            url = reverse("hsds:root") + path.lstrip("/")
            assert client.get(url).status_code == 200, path


def test_parameters_are_those_hsds_defines_for_the_path(client):
    ours = client.get("/api/hsds/openapi.json").json()
    official = load("openapi.json")
    for path, item in ours["paths"].items():
        if "get" not in item or path == "/":
            continue
        official_names = _names(
            official["paths"][path]["get"], official["components"]["parameters"]
        )
        our_names = _names(item["get"], ours["components"]["parameters"])
        assert our_names - EXTENSIONS <= official_names, path
