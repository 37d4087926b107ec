"""Case notes at 1,000,000 notes, 200 agencies, 5,000 users, ~3,000,000 grants.

Creates and migrates the PostgreSQL database ``dmi_bench_notes`` with
production settings (shared harness, bench/_harness.py), generates the data
PostgreSQL-side (bench/_case_notes_data.py, a couple of minutes), then
measures IN-PROCESS, so every figure is server time (queries and model
building; for the view also middleware and template) and every path's SQL
queries are counted. The targets take turns in rounds, so a change in the
machine's background load affects them alike. A second run reuses the data
(``--rebuild`` starts again); ``--explain`` prints EXPLAIN ANALYZE of the
main queries.

Besides the code as it is, it times ``proposed_note_ids_page`` below: a
prototype of the change this benchmark recommends for
``agencies.permissions`` (see /work/readme/workspace-bench.md).

    .venv/bin/python bench/case_notes.py [--requests 200] [--rebuild] [--explain]
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import _case_notes_data as data  # noqa: E402
from _harness import PG_URL, ProductionServer, check_goal, percentile  # noqa: E402

DATABASE = "dmi_bench_notes"
PER_PAGE, FAR = 50, 100  # page size and the far page
TYPICAL_USER = "bench-user-0657"  # a member (not lead) of agency 57
FIRST_MS, FIRST_RATIO, FAR_MS = 10, 3, 50  # the goals
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 (the bench user's only)
ROUNDS = 5


def setup_django(env: dict) -> None:
    os.environ.update(env)
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    import django

    django.setup()


# --- the prototype ----------------------------------------------------------------


def view_casenote_permission():
    """The permission as a one-row subquery (an InitPlan): filtering on the
    id, not on ``permission__codename`` through a join, lets PostgreSQL read
    the grant index (group, permission, note) backwards and stop after the
    page. A subquery, not a cached id: test databases flush and renumber
    permissions."""
    from django.contrib.auth.models import Permission
    from django.db.models import Subquery

    return Subquery(
        Permission.objects.filter(
            content_type__app_label="agencies", codename="view_casenote"
        )
        .order_by()  # the model's ordering would sort in the subquery
        .values("pk")[:1]
    )


def proposed_note_ids_page(*, user, offset, limit, notes=None, before=None):
    """``visible_note_ids_page`` as proposed: permission by id, optional filters.

    ``notes``: a CaseNote queryset of filters (subject, agency, sensitivity…),
    applied as ``content_object_id IN (…)``, which PostgreSQL turns into a
    join driven by the grant index in id order. ``before``: keyset paging —
    only ids below it, so any page costs what the first one does.
    """
    from agencies.models import CaseNoteGroupGrant, CaseNoteUserGrant
    from agencies.permissions import agency_of

    agency = agency_of(user)
    if agency is None:
        return [], False
    wanted = offset + limit + 1
    sources = [
        CaseNoteGroupGrant.objects.filter(group_id=agency.group_id),
        CaseNoteUserGrant.objects.filter(user_id=user.pk),
    ]
    found = set()
    for grants in sources:
        grants = grants.filter(permission_id=view_casenote_permission())
        if notes is not None:
            grants = grants.filter(content_object_id__in=notes.values("pk"))
        if before is not None:
            grants = grants.filter(content_object_id__lt=before)
        found.update(
            grants.order_by("-content_object_id").values_list(
                "content_object_id", flat=True
            )[:wanted]
        )
    merged = sorted(found, reverse=True)
    return merged[offset : offset + limit], len(merged) > offset + limit


# --- the targets ------------------------------------------------------------------


def targets(user, subject, note_pk) -> dict:
    """label -> callable: what the list and the note page run, and baselines."""
    from agencies.models import CaseNote
    from agencies.permissions import (
        agency_of,
        get_visible_or_404,
        visible,
        visible_note_ids_page,
    )
    from agencies.selectors.notes import NOTE_RELATED, case_notes_page

    def hydrate(ids):
        rows = CaseNote.objects.filter(pk__in=ids).select_related("agency", "author")
        return sorted(rows, key=lambda note: -note.pk)

    def ids_page(page, per_page=PER_PAGE, pager=visible_note_ids_page, **extra):
        offset = (page - 1) * per_page
        return lambda: hydrate(
            pager(user=user, offset=offset, limit=per_page, **extra)[0]
        )

    def sliced(rows, page):
        offset = (page - 1) * PER_PAGE
        rows = rows.select_related("agency", "author").order_by("-id")
        return lambda: list(rows[offset : offset + PER_PAGE])

    def listed(page, **filters):
        return lambda: case_notes_page(
            user=user, filters=filters, page=page, per_page=PER_PAGE
        )

    own = agency_of(user)
    shared = CaseNote.objects.exclude(agency=own)
    last_of_99 = proposed_note_ids_page(
        user=user, offset=(FAR - 1) * PER_PAGE - 1, limit=1, notes=shared
    )[0][0]
    proposed = proposed_note_ids_page
    check_prototype(user, subject)
    return {
        "ids page + hydrate, page 1": ids_page(1),
        "ids page + hydrate, page 100": ids_page(FAR),
        "ids page + hydrate, 10 per page": ids_page(1, 10),
        "unfiltered query, page 1": sliced(CaseNote.objects.all(), 1),
        "unfiltered query, page 100": sliced(CaseNote.objects.all(), FAR),
        "visible(CaseNote) -id, page 1": sliced(visible(CaseNote, user=user), 1),
        "visible(CaseNote) -id, page 100": sliced(visible(CaseNote, user=user), FAR),
        "case_notes_page(), page 1": listed(1),
        "case_notes_page(), page 100": listed(FAR),
        "case_notes_page(subject), page 1": listed(1, subject=subject),
        "case_notes_page(shared), page 1": listed(1, shared=True),
        "case_notes_page(shared), page 100": listed(FAR, shared=True),
        "case_notes_page(standard), page 1": listed(1, sensitivity="standard"),
        "case_notes_page(standard), page 100": listed(FAR, sensitivity="standard"),
        "get_visible_or_404(one note)": lambda: get_visible_or_404(
            CaseNote,
            user=user,
            pk=note_pk,
            queryset=CaseNote.objects.select_related(*NOTE_RELATED),
        ),
        "PROPOSED ids page + hydrate, page 1": ids_page(1, pager=proposed),
        "PROPOSED ids page + hydrate, page 100": ids_page(FAR, pager=proposed),
        "PROPOSED ids page + hydrate, 10 per page": ids_page(1, 10, pager=proposed),
        "PROPOSED subject, page 1": ids_page(
            1, pager=proposed, notes=CaseNote.objects.filter(subject=subject)
        ),
        "PROPOSED shared, page 1": ids_page(1, pager=proposed, notes=shared),
        "PROPOSED shared, page 100": ids_page(FAR, pager=proposed, notes=shared),
        "PROPOSED shared, page 100 by keyset": ids_page(
            1, pager=proposed, notes=shared, before=last_of_99
        ),
        "PROPOSED standard, page 100": ids_page(
            FAR, pager=proposed, notes=CaseNote.objects.filter(sensitivity="standard")
        ),
        **view_targets(user, subject),
    }


def check_prototype(user, subject) -> None:
    """The prototype pages exactly what the permission layer pages today."""
    from agencies.models import CaseNote
    from agencies.permissions import visible_note_ids_page
    from agencies.selectors.notes import case_note_ids_filtered

    for page in (1, 2, FAR):
        offset = (page - 1) * PER_PAGE
        page_of = {"user": user, "offset": offset, "limit": PER_PAGE}
        if proposed_note_ids_page(**page_of) != visible_note_ids_page(**page_of):
            raise SystemExit(f"prototype differs on page {page}")
        for filters, notes in (
            ({"subject": subject}, CaseNote.objects.filter(subject=subject)),
            (
                {"sensitivity": "standard"},
                CaseNote.objects.filter(sensitivity="standard"),
            ),
        ):
            if proposed_note_ids_page(notes=notes, **page_of) != case_note_ids_filtered(
                filters=filters, **page_of
            ):
                raise SystemExit(f"prototype differs on page {page} of {filters}")


def view_targets(user, subject) -> dict:
    """GET /workspace/notes/ through the test client, signed in with MFA proved."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.test import Client
    from django.urls import reverse

    if not Authenticator.objects.filter(user=user).exists():
        TOTP.activate(user, TOTP_SECRET)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    # As after a sign-in that proved the second factor (tests/workspace.py).
    session["account_authentication_methods"] = [
        {"method": "mfa", "type": "totp", "at": time.time()}
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    url = reverse("workspace:notes")

    def get(query):
        def run():
            response = client.get(f"{url}{query}")
            if response.status_code != 200:
                raise SystemExit(f"{url}{query} answered {response.status_code}")

        return run

    return {
        "view /workspace/notes/": get(""),
        "view ?page=100": get(f"?page={FAR}"),
        "view ?subject=…": get(f"?subject={subject.pk}"),
        "view ?shared=on&page=100": get(f"?shared=on&page={FAR}"),
    }


# --- measuring --------------------------------------------------------------------


def backend_cpu_seconds() -> float | None:
    """CPU used so far by this connection's PostgreSQL backend (local only)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None  # PostgreSQL on another machine
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(runs: dict, requests: int) -> dict:
    """label -> (p50 ms, p95 ms, queries, CPU ms per call, database ms).

    Turns are taken in ROUNDS rounds. CPU per call (this process plus its
    PostgreSQL backend, a mean over all calls) and the database's own time
    grow less with the machine's background load than wall-clock time.
    """
    timings = {label: [] for label in runs}
    cpu = dict.fromkeys(runs, 0.0)
    for run in runs.values():
        for _ in range(10):  # warm-up: connections, caches, the planner
            run()
    for _ in range(ROUNDS):
        for label, run in runs.items():
            backend, own = backend_cpu_seconds(), time.process_time()
            for _ in range(max(1, requests // ROUNDS)):
                started = time.perf_counter()
                run()
                timings[label].append(time.perf_counter() - started)
            after = backend_cpu_seconds()
            cpu[label] += time.process_time() - own
            cpu[label] += after - backend if backend is not None else 0
    return {
        label: (
            percentile(timings[label], 50) * 1000,
            percentile(timings[label], 95) * 1000,
            len(captured(runs[label])),
            cpu[label] / len(timings[label]) * 1000,
            database_ms(runs[label]),
        )
        for label in runs
    }


def captured(run) -> list[str]:
    """The SQL ``run()`` sends (counted apart from the timings, which stay clean)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        run()
    return [query["sql"] for query in queries]


def database_ms(run, repeats: int = 21) -> float | None:
    """p50 of PostgreSQL's own execution time for ``run()``'s queries (EXPLAIN
    ANALYZE replays, summed per call): the share of the time spent in the
    database, without round trips or Python; None if it writes anything."""
    from django.db import connection

    statements = captured(run)
    if not all(sql.lstrip().upper().startswith("SELECT") for sql in statements):
        return None
    totals = []
    with connection.cursor() as cursor:
        for _ in range(repeats):
            total = 0.0
            for sql in statements:
                cursor.execute(f"EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) {sql}")
                total += cursor.fetchone()[0][0]["Execution Time"]
            totals.append(total)
    return percentile(totals, 50)


def explain(label: str, run) -> None:
    from django.db import connection

    print(f"\n--- EXPLAIN ANALYZE: {label}")
    for sql in captured(run):
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            print(sql[:240] + (" …" if len(sql) > 240 else ""))
            print("\n".join(f"    {row[0]}" for row in cursor.fetchall()))


def print_table(results: dict) -> None:
    print(f"{'target':<40} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}", end="")
    print(f" {'CPU ms':>8} {'DB ms':>8}")
    for label, (p50, p95, queries, cpu, db) in results.items():
        db = "-" if db is None else f"{db:.2f}"
        print(f"{label:<40} {p50:>8.2f} {p95:>8.2f} {queries:>8} {cpu:>8.2f} {db:>8}")


def report(results: dict, prefix: str = "") -> bool:
    first = results[f"{prefix}ids page + hydrate, page 1"]
    far = results[f"{prefix}ids page + hydrate, page 100"]
    base = results["unfiltered query, page 1"]
    ratio = first[0] / base[0]
    counts = [
        sorted(
            {
                count
                for label, (_, _, count, *_) in results.items()
                if label.startswith(f"{prefix}ids page")
            }
        )
    ]
    if not prefix:  # the view itself, page 1 and page 100
        view = [
            results[f"view {page}"][2] for page in ("/workspace/notes/", "?page=100")
        ]
        counts.append(sorted(set(view)))
    name = prefix.strip() or "AS IS"
    print(
        f"\n{name}: first page / unfiltered query: p50 {ratio:.2f}, "
        f"CPU {first[3] / base[3]:.2f}; CPU per call: first page {first[3]:.2f} ms, "
        f"page 100 {far[3]:.2f} ms"
    )
    return all(
        [
            check_goal(
                f"first page p95 < {FIRST_MS} ms ({first[1]:.2f})",
                first[1] < FIRST_MS,
            ),
            check_goal(
                f"first page p50 <= {FIRST_RATIO} x unfiltered ({ratio:.2f})",
                ratio <= FIRST_RATIO,
            ),
            check_goal(f"page 100 p95 < {FAR_MS} ms ({far[1]:.2f})", far[1] < FAR_MS),
            check_goal(
                f"query count constant over pages and page sizes ({counts})",
                all(len(found) == 1 for found in counts),
            ),
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()

    server = ProductionServer(database=DATABASE, port=0)
    if args.rebuild:
        _drop(server)
    with server:
        setup_django(server.env)
        from django.contrib.auth import get_user_model

        from agencies.models import CaseNote, Subject
        from agencies.permissions import agency_of, visible

        if not get_user_model().objects.filter(username=TYPICAL_USER).exists():
            data.generate()
        elif CaseNote.objects.count() < data.NOTES:
            raise SystemExit("Incomplete data: run again with --rebuild.")
        user = get_user_model().objects.get(username=TYPICAL_USER)
        agency = agency_of(user)
        subject = Subject.objects.filter(agency=agency).order_by("pk").first()
        seen = visible(CaseNote, user=user).order_by("-pk").values_list("pk", flat=True)
        print(f"{data.describe()} on PostgreSQL ({DATABASE})")
        print(
            f"{TYPICAL_USER} ({agency.name}) sees {seen.count():,} notes; "
            f"in-process, production settings; {args.requests} timed calls per "
            f"target in {ROUNDS} rounds after 10 warm-up calls; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        runs = targets(user, subject, seen[2000])
        results = measure(runs, args.requests)
        print_table(results)
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        if args.explain:
            for label in (
                "ids page + hydrate, page 1",
                "PROPOSED ids page + hydrate, page 1",
                "visible(CaseNote) -id, page 100",
                "PROPOSED shared, page 100",
            ):
                explain(label, runs[label])
    passed = report(results)
    report(results, prefix="PROPOSED ")
    return 0 if passed else 1


def _drop(server):
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{server.database}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
