"""28 CFR Part 23 review: list what is due, validate a record, or purge one.

Run by an administrator on the server. The listing names people by initials
only; ids are what --validate and --purge take. Every refusal is a
CommandError (non-zero exit) and changes nothing.
"""

import csv
import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from agencies.selectors.retention import (
    RETAINED_KINDS,
    initials_of,
    name_mentions,
    purge_preview,
    retained_record_get,
    retention_due,
    subject_of,
)
from agencies.services.records import WorkspaceError
from agencies.services.retention import (
    case_purge,
    purge_reason_clean,
    record_validate,
    subject_purge,
)

COLUMNS = ("Kind", "ID", "Market", "Initials", "Created", "Last validated", "Due")


class Command(BaseCommand):
    help = (
        "List subjects and cases due for their five-yearly 28 CFR Part 23 review; "
        "validate one (--validate KIND:ID --reviewer USERNAME --reason TEXT) or "
        "purge one (--purge KIND:ID --by USERNAME --reason TEXT)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            metavar="YYYY-MM-DD",
            help="List what is due on or before this day (default: today).",
        )
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--validate",
            metavar="KIND:ID",
            help="Keep subject:ID or case:ID for five more years.",
        )
        action.add_argument(
            "--purge",
            metavar="KIND:ID",
            help="Remove subject:ID (and all about them) or case:ID.",
        )
        parser.add_argument("--reviewer", metavar="USERNAME", help="Who validates.")
        parser.add_argument("--by", metavar="USERNAME", help="Who purges.")
        parser.add_argument("--reason", help="Why the record is kept or purged.")
        parser.add_argument(
            "--yes", action="store_true", help="Purge without asking to confirm."
        )
        parser.add_argument(
            "--format", choices=("table", "csv"), default="table", dest="fmt"
        )

    def handle(self, *args, **options):
        self._check_combination(options)
        if options["validate"]:
            return self._validate(options)
        if options["purge"]:
            return self._purge(options)
        return self._list(on=_parse_date(options["date"]), fmt=options["fmt"])

    def _check_combination(self, options):
        validate, purge = options["validate"], options["purge"]
        rules = [
            (options["reviewer"] and not validate, "--reviewer goes with --validate."),
            (options["by"] and not purge, "--by goes with --purge."),
            (
                options["reason"] and not (validate or purge),
                "--reason needs an action.",
            ),
            (options["yes"] and not purge, "--yes goes with --purge."),
            ((validate or purge) and options["date"], "--date is for the listing."),
            (validate and not options["reviewer"], "--validate needs --reviewer."),
            (purge and not options["by"], "--purge needs --by."),
            ((validate or purge) and not options["reason"], "Give a --reason."),
        ]
        for broken, message in rules:
            if broken:
                raise CommandError(message)

    # --- listing -----------------------------------------------------------

    def _list(self, *, on, fmt):
        rows = [_cells(row) for row in retention_due(on=on)]
        if fmt == "csv":
            writer = csv.writer(self.stdout, lineterminator="\n")
            writer.writerow(COLUMNS)
            writer.writerows(rows)
            return
        if not rows:
            self.stdout.write(f"Nothing is due for review on or before {on}.")
            return
        rows = [[cell if cell != "" else "-" for cell in row] for row in rows]
        widths = [
            max(len(str(c)) for c in column)
            for column in zip(COLUMNS, *rows, strict=True)
        ]
        for line in (COLUMNS, *rows):
            self.stdout.write(
                "  ".join(
                    str(c).ljust(w) for c, w in zip(line, widths, strict=True)
                ).rstrip()
            )
        self.stdout.write(f"{len(rows)} due for review on or before {on}.")

    # --- actions -----------------------------------------------------------

    def _validate(self, options):
        record = _record(options["validate"])
        reviewer = _user(options["reviewer"])
        try:
            record = record_validate(
                record=record, reviewer=reviewer, reason=options["reason"]
            )
        except WorkspaceError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Validated {_label(record)}; next review due {record.review_due}."
        )

    def _purge(self, options):
        record = _record(options["purge"])
        by = _user(options["by"])
        try:
            purge_reason_clean(record=record, reason=options["reason"])
        except WorkspaceError as error:
            raise CommandError(str(error)) from None
        summary = _summary_text(purge_preview(record=record))
        self.stdout.write(f"Purging {_label(record)} removes {summary}.")
        if record._meta.model_name == "subject":
            self._warn_mentions(record)
        if not options["yes"] and not _confirmed():
            raise CommandError("Purge cancelled; nothing was changed.")
        purge = subject_purge if record._meta.model_name == "subject" else case_purge
        try:
            entry = purge(
                **{record._meta.model_name: record},
                by=by,
                reason=options["reason"],
            )
        except WorkspaceError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Purged {entry.object_type.split('.')[-1]} {entry.object_id}: "
            f"{_summary_text(entry.details)}. Audit entry {entry.pk}."
        )

    def _warn_mentions(self, subject):
        mentions = name_mentions(subject=subject)
        if mentions["notes_total"]:
            self.stderr.write(
                "Warning: notes on other records may name this person and are "
                f"kept: {_ids(mentions['notes'], mentions['notes_total'])}. "
                "Review them."
            )
        if mentions["audit_total"]:
            ids = _ids(mentions["audit"], mentions["audit_total"])
            self.stderr.write(
                "Warning: audit entries whose reason may name this person are "
                f"kept (append-only): {ids}."
            )


def _ids(ids, total) -> str:
    shown = ", ".join(str(pk) for pk in ids)
    return shown if total <= len(ids) else f"{shown} and {total - len(ids)} more"


def _parse_date(value):
    if value is None:
        return timezone.localdate()
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(
            f"--date must be a day written YYYY-MM-DD, not {value!r}."
        ) from None


def _record(value):
    kind, _, pk = value.partition(":")
    if kind not in RETAINED_KINDS or not pk.isdigit():
        raise CommandError(f"Name the record as subject:ID or case:ID, not {value!r}.")
    try:
        return retained_record_get(kind=kind, pk=int(pk))
    except RETAINED_KINDS[kind].DoesNotExist:
        raise CommandError(f"There is no {kind} {pk}.") from None


def _user(username):
    model = get_user_model()
    try:
        user = model.objects.get(**{model.USERNAME_FIELD: username})
    except model.DoesNotExist:
        raise CommandError(f"There is no user {username!r}.") from None
    if not user.is_active:
        raise CommandError(f"User {username!r} is not active.")
    return user


def _confirmed() -> bool:
    try:
        answer = input("Type 'yes' to purge, anything else to cancel: ")
    except EOFError:
        return False
    return answer.strip().lower() == "yes"


def _label(record) -> str:
    return (
        f"{record._meta.model_name} {record.pk} "
        f"({initials_of(subject_of(record).full_name)})"
    )


def _summary_text(details) -> str:
    parts = [f"{key}: {count}" for key, count in details.items() if key != "other"]
    parts += [f"{label}: {count}" for label, count in details.get("other", {}).items()]
    return ", ".join(parts)


def _cells(row):
    created = timezone.localtime(row.created_at).date()
    validated = timezone.localtime(row.validated_at).date() if row.validated_at else ""
    return (
        row.kind,
        row.id,
        row.market_id,
        row.initials,
        created,
        validated,
        row.review_due,
    )
