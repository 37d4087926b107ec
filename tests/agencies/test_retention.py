"""28 CFR Part 23 retention: what is due, validating for five more years, purging.

A purge must leave nothing of the person: the tests search every text column
of every table (and a full ``dumpdata``) for the name, after checking that the
same search finds it before the purge.
"""

import csv
import datetime
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Q
from django.db.models.signals import post_delete
from guardian.models import UserObjectPermission

from agencies.audit import audit_record
from agencies.choices import CaseStatus, RiskTier
from agencies.management.commands import retention_review
from agencies.models import (
    AuditAction,
    AuditEntry,
    Case,
    CaseNote,
    CaseStatusChange,
    ControlledBuy,
    RiskDecision,
    Share,
    Subject,
)
from agencies.permissions import GRANT_MODELS, visible
from agencies.selectors.retention import purge_preview, retention_due
from agencies.services import decisions, notes, records, sharing
from agencies.services.records import WorkspaceError
from agencies.services.retention import case_purge, record_validate, subject_purge
from tests import factories, workspace

pytestmark = pytest.mark.django_db

NAME, ALIAS = "Quillon Marbrook", "Q-Ball Vantress"
NAME_WORDS = ("Quillon", "Marbrook", "Vantress")
REASON = "No longer linked to criminal activity"
PURGED_MODELS = (Case, CaseNote, CaseStatusChange, ControlledBuy, RiskDecision, Share)
GRANT_TABLES = [grant for pair in GRANT_MODELS.values() for grant in pair]


@pytest.fixture
def dossier(team):
    """Everything a partnership records about one seller, the name in every field."""
    market = workspace.market(team, lead="police", partners=("county", "federal"))
    person = workspace.subject(
        team,
        market,
        full_name=NAME,
        aliases=ALIAS,
        date_of_birth=datetime.date(1990, 4, 2),
        description=f"{NAME} sells from the laundromat doorway.",
    )
    by = team.police_officer
    for place in ("Laundromat on 5th", f"Outside {NAME}'s car"):
        records.controlled_buy_create(
            by=by,
            subject=person,
            occurred_at=datetime.datetime(2026, 1, 5, 21, tzinfo=datetime.UTC),
            place=place,
            officer_reference="Badge 4411",
            substance="Crack cocaine",
            amount="0.4 g",
        )
    decisions.decision_propose(
        subject=person, by=by, tier=RiskTier.LOW, rationale=f"{NAME} has no firearms."
    )
    first = workspace.case(team, person, title=f"People v. {NAME}")
    second = workspace.case(team, person, title=f"{ALIAS} conspiracy")
    records.case_status_change(
        case=first, to_status=CaseStatus.READY, by=team.police_lead, comment=NAME
    )
    workspace.note(team, person, text=f"{NAME} seen at the corner.")
    case_note = workspace.note(team, first, text=f"{NAME} sold twice.")
    notes.case_note_amend(note=case_note, author=by, text=f"{NAME} sold three times.")
    workspace.note(team, second, text=f"{ALIAS} called the buyer.")
    lead = team.police_lead
    sharing.record_share(
        record=case_note,
        by=lead,
        reason="Charging review",
        agency=team.agencies["county"],
    )
    sharing.record_share(
        record=first, by=lead, reason="Federal review", user=team.federal_prosecutor
    )
    sharing.share_propose(
        record=person, by=by, reason="Call-in plan", agency=team.agencies["probation"]
    )
    # A grant in guardian's generic table, as other code might write one.
    UserObjectPermission.objects.create(
        user=team.county_member,
        permission=Permission.objects.get(codename="view_subject"),
        content_type=ContentType.objects.get_for_model(Subject),
        object_pk=str(person.pk),
    )
    # Someone else in the same market, who must be left alone.
    other = workspace.subject(team, market, full_name="Other Seller")
    workspace.note(team, workspace.case(team, other, title="Other case"), text="Kept")
    workspace.note(team, market, text="Market survey done.")
    return person


def tables_mentioning(text: str) -> dict:
    """Every table with a row whose any column (cast to text) contains ``text``."""
    quote = connection.ops.quote_name
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = connection.introspection.get_table_description(cursor, table)
            where = " OR ".join(
                f"LOWER(CAST({quote(c.name)} AS TEXT)) LIKE %s" for c in columns
            )
            cursor.execute(
                f"SELECT COUNT(*) FROM {quote(table)} WHERE {where}",  # noqa: S608
                [f"%{text.lower()}%"] * len(columns),
            )
            if count := cursor.fetchone()[0]:
                found[table] = count
    return found


def dumped() -> str:
    out = StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    """Row counts of everything a purge could touch, and the audit log."""
    models = (Subject, *PURGED_MODELS, *GRANT_TABLES, UserObjectPermission, AuditEntry)
    counts = {model._meta.label: model.objects.count() for model in models}
    counts["review_due"] = sorted(Subject.objects.values_list("review_due", "pk"))
    return counts


def grant_count(subject) -> int:
    cases = list(subject.cases.all())
    notes_ = list(CaseNote.objects.filter(subject=subject)) + list(
        CaseNote.objects.filter(case__subject=subject)
    )
    total = 0
    for obj in [subject, *cases, *notes_]:
        for grant in GRANT_MODELS[type(obj)]:
            total += grant.objects.filter(content_object=obj).count()
    return total


# --- what is due -----------------------------------------------------------


def test_due_today_is_listed_and_due_tomorrow_is_not(dossier):
    today = datetime.date(2031, 3, 1)
    Subject.objects.filter(pk=dossier.pk).update(review_due=today)
    first, second = dossier.cases.order_by("pk")
    Case.objects.filter(pk=first.pk).update(review_due=today - datetime.timedelta(1))
    Case.objects.filter(pk=second.pk).update(review_due=today + datetime.timedelta(1))

    due = retention_due(on=today)

    assert [(row.kind, row.id) for row in due] == [
        ("case", first.pk),
        ("subject", dossier.pk),
    ]
    assert {row.initials for row in due} == {"Q.M."}
    assert {row.market_id for row in due} == {dossier.market_id}
    assert NAME_WORDS[1] not in repr(due)
    assert retention_due(on=today - datetime.timedelta(2)) == []


def test_new_records_are_due_five_years_after_creation(team):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12), tick=False):
        person = workspace.subject(team, workspace.market(team))
        case = workspace.case(team, person)
    assert person.review_due == case.review_due == datetime.date(2031, 6, 1)
    assert len(retention_due(on=datetime.date(2031, 6, 1))) == 2
    assert retention_due(on=datetime.date(2031, 5, 31)) == []


# --- validating ------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "next_due"),
    [
        (datetime.date(2026, 6, 1), datetime.date(2031, 6, 1)),
        (datetime.date(2028, 2, 29), datetime.date(2033, 2, 28)),
    ],
)
def test_validating_sets_the_next_review_five_years_on(dossier, team, today, next_due):
    Subject.objects.filter(pk=dossier.pk).update(review_due=datetime.date(2020, 1, 1))
    with time_machine.travel(datetime.datetime.combine(today, datetime.time(12))):
        record_validate(record=dossier, reviewer=team.administrator, reason="Active")

    dossier.refresh_from_db()
    assert dossier.review_due == next_due
    assert dossier.validated_by == team.administrator
    assert dossier.validation_reason == "Active"
    assert dossier.validated_at.date() == today
    entry = AuditEntry.objects.get(action=AuditAction.RETENTION_VALIDATED)
    assert (entry.user, entry.object_type, entry.object_id) == (
        team.administrator,
        "agencies.subject",
        str(dossier.pk),
    )
    assert entry.details == {
        "review_due": next_due.isoformat(),
        "previous_review_due": "2020-01-01",
    }
    assert entry.reason == ""  # free text stays on the record, not in the log


def test_validating_a_case_leaves_its_subject_alone(dossier, team):
    case = dossier.cases.first()
    Case.objects.filter(pk=case.pk).update(review_due=datetime.date(2020, 1, 1))
    before = dossier.review_due
    record_validate(record=case, reviewer=team.police_lead, reason="Ongoing")
    case.refresh_from_db()
    dossier.refresh_from_db()
    assert case.review_due > datetime.date(2030, 1, 1)
    assert dossier.review_due == before


@pytest.mark.parametrize("reason", ["", "   ", "x" * 301])
def test_validating_needs_a_reason(dossier, team, reason):
    before = snapshot()
    with pytest.raises(WorkspaceError):
        record_validate(record=dossier, reviewer=team.administrator, reason=reason)
    assert snapshot() == before


def test_validating_needs_an_active_reviewer(dossier, team):
    retired = factories.user("retired", is_active=False)
    before = snapshot()
    for reviewer in (retired, None):
        with pytest.raises(WorkspaceError, match="active user"):
            record_validate(record=dossier, reviewer=reviewer, reason="Active")
    assert snapshot() == before


# --- purging a subject -----------------------------------------------------


def test_the_search_for_the_name_finds_it_before_the_purge(dossier):
    """Without this the absence checks below could not fail."""
    tables = set(tables_mentioning(NAME_WORDS[1]))
    assert {
        "agencies_subject",
        "agencies_case",
        "agencies_casenote",
        "agencies_controlledbuy",
        "agencies_riskdecision",
        "agencies_casestatuschange",
    } <= tables
    assert NAME_WORDS[1] in dumped()


def test_purging_a_subject_leaves_nothing_of_them(dossier, team):
    subject_id = dossier.pk
    case_ids = list(dossier.cases.values_list("pk", flat=True))
    ids = {
        Subject: [subject_id],
        Case: case_ids,
        CaseNote: list(
            CaseNote.objects.filter(
                Q(subject=dossier) | Q(case__subject=dossier)
            ).values_list("pk", flat=True)
        ),
    }
    grants = grant_count(dossier)
    earlier_entries = AuditEntry.objects.count()
    assert grants == 10

    entry = subject_purge(subject=dossier, by=team.administrator, reason=REASON)

    assert not Subject.objects.filter(pk=subject_id).exists()
    assert not Case.objects.filter(pk__in=case_ids).exists()
    assert not CaseStatusChange.objects.filter(case_id__in=case_ids).exists()
    assert not ControlledBuy.objects.filter(subject_id=subject_id).exists()
    assert not RiskDecision.objects.filter(subject_id=subject_id).exists()
    remaining_notes = CaseNote.objects.values_list("text", flat=True)
    assert sorted(remaining_notes) == ["Kept", "Market survey done."]
    assert not Share.objects.filter(subject_id=subject_id).exists()
    assert not Share.objects.filter(case_id__in=case_ids).exists()
    assert Share.objects.filter(note__isnull=False).count() == 0
    assert not UserObjectPermission.objects.exists()
    for model, pks in ids.items():
        for grant in GRANT_MODELS[model]:
            assert not grant.objects.filter(content_object_id__in=pks).exists()
    for word in (*NAME_WORDS, "1990-04-02"):
        assert tables_mentioning(word) == {}, word
    assert not any(word in dumped() for word in NAME_WORDS)

    # One new entry, and every earlier one kept.
    assert AuditEntry.objects.count() == earlier_entries + 1
    assert (entry.action, entry.user, entry.username) == (
        AuditAction.RECORD_PURGED,
        team.administrator,
        "administrator",
    )
    assert (entry.object_type, entry.object_id, entry.reason) == (
        "agencies.subject",
        str(subject_id),
        REASON,
    )
    assert entry.details == {
        "cases": 2,
        "notes": 4,
        "buys": 2,
        "decisions": 1,
        "shares": 3,
        "history": 3,
        "grants": grants + 1,
        "other": {},
    }


def test_purging_leaves_the_other_subjects_of_the_market(dossier, team):
    other = Subject.objects.get(full_name="Other Seller")
    grants = grant_count(other)
    subject_purge(subject=dossier, by=team.administrator, reason=REASON)
    assert Subject.objects.filter(pk=other.pk).exists()
    assert other.cases.count() == 1
    assert grant_count(other) == grants > 0
    assert list(visible(Subject, user=team.police_officer)) == [other]


def test_the_preview_counts_what_the_purge_removes(dossier, team):
    preview = purge_preview(record=dossier)
    entry = subject_purge(subject=dossier, by=team.administrator, reason=REASON)
    # The preview asks Django's cascades only, not guardian's generic table.
    assert preview == {**entry.details, "grants": entry.details["grants"] - 1}


@pytest.mark.parametrize(
    "reason",
    ["", "  ", "x" * 301, "Marbrook moved away", "q-ball VANTRESS left", "quillon"],
)
def test_a_purge_needs_a_reason_that_does_not_name_the_person(dossier, team, reason):
    before = snapshot()
    with pytest.raises(WorkspaceError):
        subject_purge(subject=dossier, by=team.administrator, reason=reason)
    assert snapshot() == before


def test_a_purge_needs_an_active_user(dossier):
    before = snapshot()
    with pytest.raises(WorkspaceError, match="active user"):
        subject_purge(
            subject=dossier, by=factories.user("gone", is_active=False), reason=REASON
        )
    assert snapshot() == before


def test_a_failure_halfway_through_the_deletes_changes_nothing(dossier, team):
    before, dump = snapshot(), dumped()

    def fail_on_the_second_note(sender, **kwargs):
        fail_on_the_second_note.calls += 1
        if fail_on_the_second_note.calls == 2:
            raise RuntimeError("disk full")

    fail_on_the_second_note.calls = 0
    post_delete.connect(fail_on_the_second_note, sender=CaseNote)
    try:
        with pytest.raises(RuntimeError):
            subject_purge(subject=dossier, by=team.administrator, reason=REASON)
    finally:
        post_delete.disconnect(fail_on_the_second_note, sender=CaseNote)

    assert fail_on_the_second_note.calls == 2
    assert snapshot() == before
    assert dumped() == dump


def test_a_failure_writing_the_audit_entry_changes_nothing(dossier, team, monkeypatch):
    before = snapshot()

    def broken(**kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr("agencies.services.retention.audit_record", broken)
    with pytest.raises(RuntimeError):
        subject_purge(subject=dossier, by=team.administrator, reason=REASON)
    assert snapshot() == before


# --- purging a case --------------------------------------------------------


def test_purging_a_case_removes_it_its_history_notes_and_shares(dossier, team):
    first, second = dossier.cases.order_by("pk")
    note_ids = list(first.notes.values_list("pk", flat=True))
    grants = sum(
        grant.objects.filter(content_object=obj).count()
        for obj in [first, *first.notes.all()]
        for grant in GRANT_MODELS[type(obj)]
    )

    entry = case_purge(case=first, by=team.administrator, reason=REASON)

    assert not Case.objects.filter(pk=first.pk).exists()
    assert not CaseStatusChange.objects.filter(case_id=first.pk).exists()
    assert not CaseNote.objects.filter(pk__in=note_ids).exists()
    assert not Share.objects.filter(case_id=first.pk).exists()
    assert not Share.objects.filter(note_id__in=note_ids).exists()
    assert Subject.objects.filter(pk=dossier.pk).exists()
    assert Case.objects.filter(pk=second.pk).exists()
    assert dossier.notes.count() == 1
    assert ControlledBuy.objects.filter(subject=dossier).count() == 2
    assert (entry.object_type, entry.object_id) == ("agencies.case", str(first.pk))
    assert entry.details == {
        "cases": 1,
        "notes": 2,
        "buys": 0,
        "decisions": 0,
        "shares": 2,
        "history": 2,
        "grants": grants,
        "other": {},
    }
    assert AuditEntry.objects.filter(action=AuditAction.RECORD_PURGED).count() == 1


def test_a_case_purge_reason_may_not_name_the_person_either(dossier, team):
    before = snapshot()
    with pytest.raises(WorkspaceError, match="name the person"):
        case_purge(case=dossier.cases.first(), by=team.administrator, reason=NAME)
    assert snapshot() == before


# --- the command -------------------------------------------------------------


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("retention_review", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def due_dossier(dossier):
    Subject.objects.filter(pk=dossier.pk).update(review_due=datetime.date(2030, 5, 1))
    Case.objects.filter(subject=dossier).update(review_due=datetime.date(2030, 6, 1))
    return dossier


def test_the_listing_shows_ids_and_initials_never_names(due_dossier):
    out, _ = run("--date", "2030-05-01")
    lines = out.splitlines()
    assert lines[0].split() == [
        "Kind",
        "ID",
        "Market",
        "Initials",
        "Created",
        "Last",
        "validated",
        "Due",
    ]
    assert lines[1].split()[:4] == [
        "subject",
        str(due_dossier.pk),
        str(due_dossier.market_id),
        "Q.M.",
    ]
    assert lines[1].split()[-2:] == ["-", "2030-05-01"]
    assert lines[-1] == "1 due for review on or before 2030-05-01."
    assert not any(word in out for word in NAME_WORDS)


def test_the_listing_as_csv(due_dossier):
    out, _ = run("--date", "2030-06-01", "--format", "csv")
    rows = list(csv.reader(StringIO(out)))
    assert rows[0] == list(retention_review.COLUMNS)
    assert [(row[0], row[6]) for row in rows[1:]] == [
        ("subject", "2030-05-01"),
        ("case", "2030-06-01"),
        ("case", "2030-06-01"),
    ]


def test_the_listing_says_when_nothing_is_due(due_dossier):
    out, _ = run("--date", "2030-04-30")
    assert out.strip() == "Nothing is due for review on or before 2030-04-30."


def test_the_command_validates(due_dossier, team):
    out, _ = run(
        "--validate",
        f"subject:{due_dossier.pk}",
        "--reviewer",
        "administrator",
        "--reason",
        "Still active",
    )
    due_dossier.refresh_from_db()
    assert out.startswith(f"Validated subject {due_dossier.pk} (Q.M.); next review")
    assert due_dossier.validation_reason == "Still active"
    assert str(due_dossier.review_due) in out


def test_the_command_purges_with_yes(due_dossier, team):
    out, _ = run(
        "--purge",
        f"subject:{due_dossier.pk}",
        "--by",
        "administrator",
        "--reason",
        REASON,
        "--yes",
    )
    entry = AuditEntry.objects.get(action=AuditAction.RECORD_PURGED)
    assert f"Purged subject {due_dossier.pk}: cases: 2, notes: 4" in out
    assert out.rstrip().endswith(f"Audit entry {entry.pk}.")
    assert not Subject.objects.filter(pk=due_dossier.pk).exists()


@pytest.mark.parametrize(
    ("answer", "purged"), [("yes", True), ("no", False), (EOFError, False)]
)
def test_the_command_asks_before_purging(due_dossier, monkeypatch, answer, purged):
    def reply(prompt):
        if answer is EOFError:
            raise EOFError
        return answer

    monkeypatch.setattr("builtins.input", reply)
    args = ("--purge", f"case:{due_dossier.cases.first().pk}", "--by", "administrator")
    if purged:
        run(*args, "--reason", REASON)
    else:
        with pytest.raises(CommandError, match="cancelled"):
            run(*args, "--reason", REASON)
    assert Case.objects.filter(subject=due_dossier).count() == (1 if purged else 2)


def test_the_command_warns_of_notes_elsewhere_that_name_the_person(due_dossier, team):
    market = due_dossier.market
    kept = workspace.note(team, market, text=f"Seen {NAME_WORDS[1]} again")
    audit_record(action=AuditAction.SHARED, reason=f"About {NAME}")
    _, err = run(
        "--purge",
        f"subject:{due_dossier.pk}",
        "--by",
        "administrator",
        "--reason",
        REASON,
        "--yes",
    )
    assert f"may name this person and are kept: {kept.pk}. Review them." in err
    entry = AuditEntry.objects.get(reason=f"About {NAME}")
    assert f"reason may name this person are kept (append-only): {entry.pk}." in err


def test_the_command_exits_non_zero_on_error(due_dossier, monkeypatch):
    monkeypatch.setattr(
        "django.core.management.base.connections.close_all", lambda: None
    )
    command = retention_review.Command(stdout=StringIO(), stderr=StringIO())
    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(["manage.py", "retention_review", "--date", "soon"])
    assert exit_.value.code == 1


VALIDATE = ["--reviewer", "administrator", "--reason", "Keep"]
PURGE = ["--by", "administrator", "--reason", REASON, "--yes"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2030-13-01"], "YYYY-MM-DD"),
        (["--date", "tomorrow"], "YYYY-MM-DD"),
        (["--validate", "market:1", *VALIDATE], "subject:ID or case:ID"),
        (["--validate", "subject:x", *VALIDATE], "subject:ID or case:ID"),
        (["--validate", "subject:999999", *VALIDATE], "no subject 999999"),
        (["--purge", "case:999999", *PURGE], "no case 999999"),
        (["--purge", "{s}", "--by", "administrator", "--reason", "Marbrook"], "name"),
        (["--validate", "{s}", "--reviewer", "nobody", "--reason", "K"], "no user"),
        (["--validate", "{s}", "--reviewer", "retired", "--reason", "K"], "not active"),
        (["--purge", "{s}", "--by", "retired", "--reason", REASON], "not active"),
        (["--validate", "{s}", "--reviewer", "administrator"], "--reason"),
        (["--validate", "{s}", "--reason", "Keep"], "--reviewer"),
        (["--purge", "{s}", "--reason", REASON], "--by"),
        (["--purge", "{s}", *PURGE, "--reviewer", "administrator"], "--reviewer"),
        (["--purge", "{s}", *PURGE, "--date", "2030-01-01"], "--date"),
        (["--validate", "{s}", "--purge", "{s}"], "not allowed with"),
        (["--reason", "why"], "needs an action"),
        (["--yes"], "--yes goes with --purge"),
        (["--format", "xml"], "invalid choice"),
        (
            ["--validate", "{s}", "--reviewer", "administrator", "--reason", " "],
            "reason to keep",
        ),
        (
            ["--purge", "{s}", "--by", "administrator", "--yes", "--reason", " "],
            "reason for the purge",
        ),
        (
            [
                "--purge",
                "{s}",
                "--by",
                "administrator",
                "--yes",
                "--reason",
                "Marbrook",
            ],
            "name the person",
        ),
    ],
)
def test_command_errors_change_nothing(due_dossier, args, message, monkeypatch):
    def never_asked(prompt):
        raise AssertionError("asked to confirm a purge that will be refused")

    monkeypatch.setattr("builtins.input", never_asked)
    factories.user("retired", is_active=False)
    args = [arg.format(s=f"subject:{due_dossier.pk}") for arg in args]
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert snapshot() == before
