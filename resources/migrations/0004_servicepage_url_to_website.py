"""Rename ServicePage.url to website: "url" hid Wagtail's Page.url property."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("resources", "0003_errorreport")]

    operations = [
        migrations.RenameField("servicepage", "url", "website"),
        migrations.AlterField(
            model_name="servicepage",
            name="website",
            field=models.URLField(
                blank=True, help_text="The service's own web page (HSDS service.url)."
            ),
        ),
    ]
