"""manage.py import_hsds PATH: load an HSDS 3.1 package, all or nothing."""

from django.core.management.base import BaseCommand, CommandError

from resources.hsds.importer import import_package
from resources.hsds.problems import ImportFailed
from resources.hsds.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.1 tabular data package (zip or folder with "
        "datapackage.json) or its JSON form. Updates by HSDS id, creates the rest; "
        "checks everything first and writes nothing if anything is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and roll back"
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="no progress bar on stderr"
        )

    def handle(self, *args, path, dry_run=False, no_progress=False, **options):
        progress = None if no_progress else ProgressBar(self.stderr._out)
        try:
            result = import_package(path, progress=progress, dry_run=dry_run)
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(failure.problems)} problem(s) found; nothing was imported."
            ) from None
        for warning in result["warnings"]:
            self.stderr.write(f"warning: {warning}")
        summary = ", ".join(
            f"{n} {what}" for what, n in sorted(result["counts"].items())
        )
        prefix = "Dry run, rolled back: " if dry_run else "Imported: "
        self.stdout.write(prefix + (summary or "nothing"))
