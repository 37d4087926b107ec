"""The HSDS 3.1 tabular data package: tables, their CSV files and columns.

Column lists and required fields follow HSDS 3.1's tabular.json (``required``
plus ``tabular_required``). Tables the directory does not hold (programs,
contacts, funding…) are written with their headers only, so the package is
complete.
"""

TABLES = {
    # name: (file, columns, required)
    "organization": (
        "organizations.csv",
        "id name alternate_name description email website tax_status tax_id "
        "year_incorporated legal_status logo uri parent_organization_id",
        "id name description",
    ),
    "program": (
        "programs.csv",
        "id organization_id name alternate_name description",
        "id name description organization_id",
    ),
    "service": (
        "services.csv",
        "id organization_id program_id name alternate_name description url email "
        "status interpretation_services application_process fees_description "
        "wait_time fees accreditations eligibility_description minimum_age "
        "maximum_age assured_date assurer_email licenses alert last_modified",
        "id name status organization_id",
    ),
    "attribute": (
        "attributes.csv",
        "id link_id taxonomy_term_id link_type link_entity value",
        "id link_id taxonomy_term_id link_entity",
    ),
    "service_at_location": (
        "service_at_location.csv",
        "id service_id location_id description",
        "id service_id location_id",
    ),
    "location": (
        "locations.csv",
        "id location_type url organization_id name alternate_name description "
        "transportation latitude longitude external_identifier "
        "external_identifier_type",
        "id location_type",
    ),
    "phone": (
        "phones.csv",
        "id location_id service_id organization_id contact_id "
        "service_at_location_id number extension type description",
        "id number",
    ),
    "contact": (
        "contacts.csv",
        "id organization_id service_id service_at_location_id location_id name "
        "title department email",
        "id",
    ),
    "address": (
        "addresses.csv",
        "id location_id attention address_1 address_2 city region state_province "
        "postal_code country address_type",
        "id address_1 city state_province postal_code country address_type",
    ),
    "schedule": (
        "schedules.csv",
        "id service_id location_id service_at_location_id valid_from valid_to "
        "dtstart timezone until count wkst freq interval byday byweekno "
        "bymonthday byyearday description opens_at closes_at schedule_link "
        "attending_type notes",
        "id",
    ),
    "funding": ("funding.csv", "id organization_id service_id source", "id"),
    "service_area": (
        "service_areas.csv",
        "id service_id name description extent extent_type uri",
        "id",
    ),
    "required_document": ("required_documents.csv", "id service_id document uri", "id"),
    "language": (
        "languages.csv",
        "id service_id location_id phone_id name code note",
        "id",
    ),
    "accessibility": (
        "accessibility.csv",
        "id location_id description details url",
        "id",
    ),
    "taxonomy_term": (
        "taxonomy_terms.csv",
        "id code name description parent_id taxonomy language taxonomy_id term_uri",
        "id name description",
    ),
    "metadata": (
        "metadata.csv",
        "id resource_id resource_type last_action_date last_action_type field_name "
        "previous_value replacement_value updated_by",
        "id last_action_date last_action_type field_name previous_value "
        "replacement_value updated_by resource_id resource_type",
    ),
    "meta_table_description": (
        "meta_table_descriptions.csv",
        "id name language character_set",
        "id",
    ),
    "cost_option": (
        "cost_options.csv",
        "id service_id valid_from valid_to option currency amount amount_description",
        "id service_id",
    ),
    "organization_identifier": (
        "organization_identifiers.csv",
        "id organization_id identifier_scheme identifier_type identifier",
        "id identifier_type identifier organization_id",
    ),
    "taxonomy": (
        "taxonomies.csv",
        "id name description uri version",
        "id name description",
    ),
}

NUMBER_COLUMNS = {
    "year_incorporated",
    "minimum_age",
    "maximum_age",
    "latitude",
    "longitude",
    "extension",
    "amount",
    "timezone",
    "count",
    "interval",
}
DATE_COLUMNS = {"assured_date", "valid_from", "valid_to", "dtstart", "until"}
DATE_COLUMNS |= {"last_action_date"}
DATETIME_COLUMNS = {"last_modified"}


def columns(table: str) -> list[str]:
    return TABLES[table][1].split()


def required(table: str) -> list[str]:
    return TABLES[table][2].split()


def file_name(table: str) -> str:
    return TABLES[table][0]


def table_for_file(name: str):
    for table, (path, _columns, _required) in TABLES.items():
        if path == name:
            return table
    return None


def field_type(column: str) -> str:
    if column in NUMBER_COLUMNS:
        return "number"
    if column in DATE_COLUMNS:
        return "date"
    if column in DATETIME_COLUMNS:
        return "datetime"
    return "string"


def datapackage(title: str) -> dict:
    """``datapackage.json`` describing every CSV of the package."""
    return {
        "name": "dmi-portal-hsds",
        "title": title,
        "profile": "tabular-data-package",
        "hsds_version": "3.1",
        "resources": [
            {
                "name": table,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {
                            "name": column,
                            "type": field_type(column),
                            "constraints": {"required": column in required(table)},
                        }
                        for column in columns(table)
                    ],
                    "primaryKey": "id",
                },
            }
            for table, (path, _cols, _req) in TABLES.items()
        ],
    }
