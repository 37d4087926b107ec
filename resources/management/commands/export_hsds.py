"""manage.py export_hsds OUT.zip [--json OUT.json]: the public directory as HSDS 3.1."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resources.hsds import export


class Command(BaseCommand):
    help = (
        "Write the public service directory as an HSDS 3.1 tabular data package "
        "(CSV files, datapackage.json, hsds.json and nested services.json) in a zip."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", help="the zip file to write, e.g. hsds.zip")
        parser.add_argument(
            "--json", dest="json_out", help="also write the tables as HSDS JSON here"
        )

    def handle(self, *args, out, json_out=None, **options):
        target = Path(out)
        if not target.parent.is_dir():
            raise CommandError(f"No such folder: {target.parent}")
        counts = export.write_zip(target)
        if json_out:
            tables, _nested = export.build(nested=False)
            Path(json_out).write_text(json.dumps(export.tabular_json(tables), indent=1))
        self.stdout.write(f"Wrote {target}: {export.counts_line(counts)}")
