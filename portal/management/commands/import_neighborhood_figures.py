"""manage.py import_neighborhood_figures FILE.csv — all rows or none."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.figures.importer import HEADER, FigureFileInvalid, figures_import


class Command(BaseCommand):
    help = (
        "Import monthly neighborhood figures from a UTF-8 CSV with the header "
        f"{','.join(HEADER)} (neighborhood = page slug, month = YYYY-MM). "
        "Existing rows are updated. If any line is bad, nothing is saved and "
        "every bad line is listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Path to the CSV file.")

    def handle(self, *args, file: Path, **options):
        try:
            raw = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(reason)s")
                % {"file": file, "reason": error.strerror}
            ) from None
        try:
            result = figures_import(raw=raw)
        except FigureFileInvalid as invalid:
            lines = "\n".join(f"  {error}" for error in invalid.errors)
            raise CommandError(
                _("Nothing was imported: %(file)s has %(count)s problem(s):\n%(lines)s")
                % {"file": file, "count": len(invalid.errors), "lines": lines}
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Imported %(file)s: %(created)s created, %(updated)s updated, "
                    "%(unchanged)s unchanged."
                )
                % {
                    "file": file,
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                }
            )
        )
