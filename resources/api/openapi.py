"""OpenAPI 3.1 description of this API, derived from HSDS 3.1's openapi.json.

Only the paths and parameters we implement are listed; responses point at the
official compiled HSDS schemas. ``lat``/``long`` are our extension: HSDS
measures ``proximity`` from a postcode centroid, which we do not hold.
"""

from django.http import JsonResponse
from django.urls import reverse

SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.1/schema"


def _param(name, description, schema_type="string", fmt=None):
    schema = {"type": schema_type}
    if fmt:
        schema["format"] = fmt
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


PARAMETERS = {
    "search": _param("search", "Full text search."),
    "page": _param("page", "Page number of paginated result (from 1).", "integer"),
    "per_page": _param(
        "per_page", "Number of results in a single page (1-100, default 25).", "integer"
    ),
    "format": _param("format", "Only `json` is offered."),
    "full": _param("full", "Return fully nested objects.", "boolean"),
    "full_service": _param(
        "full_service", "Nest full services in the organization.", "boolean"
    ),
    "taxonomy_term_id": _param(
        "taxonomy_term_id", "Records with this taxonomy term (or a narrower one)."
    ),
    "taxonomy_id": _param("taxonomy_id", "Records with any term of this taxonomy."),
    "organization_id": _param("organization_id", "Services of this organization."),
    "modified_after": _param(
        "modified_after",
        "Modified on or after this ISO 8601 date-time.",
        fmt="datetime",
    ),
    "postcode": _param("postcode", "Only locations with this postal code."),
    "proximity": _param(
        "proximity", "Only locations within this many metres of `lat`,`long`."
    ),
    "lat": _param("lat", "Extension: latitude proximity is measured from.", "number"),
    "long": _param(
        "long", "Extension: longitude proximity is measured from.", "number"
    ),
    "top_only": _param("top_only", "Only top-level terms.", "boolean"),
    "parent_id": _param("parent_id", "Only terms under this term."),
}

LISTS = {
    "/services": (
        "service_list",
        "compiled/service_list.json",
        ["search", "page", "per_page", "format", "taxonomy_term_id", "taxonomy_id"]
        + ["organization_id", "modified_after", "full"],
    ),
    "/organizations": (
        "organization_list",
        "compiled/organization_list.json",
        ["search", "full_service", "taxonomy_term_id", "taxonomy_id", "page"]
        + ["per_page", "format"],
    ),
    "/taxonomies": (
        "taxonomy_list",
        "taxonomy.json",
        ["search", "page", "per_page", "format"],
    ),
    "/taxonomy_terms": (
        "taxonomy_term_list",
        "taxonomy_term.json",
        ["search", "page", "per_page", "format", "taxonomy_id", "top_only"]
        + ["parent_id"],
    ),
    "/service_at_locations": (
        "service_at_location_list",
        "compiled/service_at_location_list.json",
        ["search", "taxonomy_term_id", "taxonomy_id", "organization_id"]
        + ["modified_after", "full", "page", "per_page", "format", "postcode"]
        + ["proximity", "lat", "long"],
    ),
}

DETAILS = {
    "/services/{id}": "compiled/service.json",
    "/organizations/{id}": "compiled/organization.json",
    "/taxonomies/{id}": "taxonomy.json",
    "/taxonomy_terms/{id}": "taxonomy_term.json",
    "/service_at_locations/{id}": "compiled/service_at_location.json",
}

ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema, description):
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }


def _list_path(operation_id, schema_path, parameter_names):
    page = {
        "allOf": [{"$ref": "#/components/schemas/Page"}],
        "properties": {
            "contents": {
                "type": "array",
                "items": {"$ref": f"{SCHEMA_BASE}/{schema_path}"},
            }
        },
    }
    return {
        "get": {
            "operationId": operation_id,
            "parameters": [
                {"$ref": f"#/components/parameters/{name}"} for name in parameter_names
            ],
            "responses": {
                "200": _json(page, "One page of results."),
                "400": _json(ERROR, "A parameter was not understood."),
            },
        }
    }


def _detail_path(path, schema_path):
    return {
        "parameters": [
            {"in": "path", "name": "id", "required": True, "schema": {"type": "string"}}
        ],
        "get": {
            "operationId": path.strip("/").split("/")[0] + "_detail",
            "responses": {
                "200": _json({"$ref": f"{SCHEMA_BASE}/{schema_path}"}, "The object."),
                "400": _json(ERROR, "The id is not a UUID."),
                "404": _json(ERROR, "No such public object."),
            },
        },
    }


def document(server_url: str) -> dict:
    paths = {
        "/": {
            "get": {
                "operationId": "getAPIMetaInformation",
                "responses": {"200": {"description": "HSDS version and profile."}},
            }
        }
    }
    for path, (operation_id, schema_path, names) in LISTS.items():
        paths[path] = _list_path(operation_id, schema_path, names)
    for path, schema_path in DETAILS.items():
        paths[path] = _detail_path(path, schema_path)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "DMI Portal service directory (HSDS 3.1)",
            "version": "1.0",
            "description": "Read-only Open Referral HSDS 3.1 API of the public "
            "service directory. Also: export.zip (tabular data package) and "
            "export.json.",
            "license": {"name": "CC BY-SA 4.0 (HSDS schemas)"},
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {
            "parameters": PARAMETERS,
            "schemas": {
                "Page": {
                    "type": "object",
                    "properties": {
                        "total_items": {"type": "integer"},
                        "total_pages": {"type": "integer"},
                        "page_number": {"type": "integer"},
                        "size": {"type": "integer"},
                        "first_page": {"type": "boolean"},
                        "last_page": {"type": "boolean"},
                        "empty": {"type": "boolean"},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error", "detail"],
                    "properties": {
                        "error": {"type": "string"},
                        "detail": {"type": "string"},
                        "parameter": {"type": "string"},
                    },
                },
            },
        },
    }


def openapi_view(request):
    server_url = request.build_absolute_uri(reverse("hsds:root")).rstrip("/")
    response = JsonResponse(document(server_url))
    response["Access-Control-Allow-Origin"] = "*"
    return response
