"""Seed the DMI service categories and common languages (idempotent by code)."""

from django.db import migrations

from resources.seed.categories import LANGUAGES, TAXONOMY, TERMS


def seed(apps, schema_editor):
    Taxonomy = apps.get_model("resources", "Taxonomy")
    TaxonomyTerm = apps.get_model("resources", "TaxonomyTerm")
    Language = apps.get_model("resources", "Language")
    taxonomy, _ = Taxonomy.objects.get_or_create(
        name=TAXONOMY["name"],
        defaults={
            "description": TAXONOMY["description"],
            "version": TAXONOMY["version"],
        },
    )
    by_code = {}
    for code, name, description, parent_code in TERMS:
        by_code[code], _ = TaxonomyTerm.objects.get_or_create(
            taxonomy=taxonomy,
            code=code,
            defaults={
                "name": name,
                "description": description,
                "parent": by_code.get(parent_code),
            },
        )
    for code, name, native_name in LANGUAGES:
        Language.objects.get_or_create(
            code=code, defaults={"name": name, "native_name": native_name}
        )


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
