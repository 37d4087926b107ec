"""Call-ins at 11,000: the private calendar feed and the conflict check.

Creates and migrates the PostgreSQL database ``dmi_bench_call_ins`` with
production settings (shared harness, bench/_harness.py), generates the data
with ``bulk_create`` (a few seconds), then measures IN-PROCESS, so every
figure is server time:

* the feed through Django's test client, ``GET /meetings/feed/<token>.ics``
  (middleware, token lookup, the query, the ICS text, the audit entry), for a
  user whose agency takes part in 1,000 published call-ins and one whose
  agency takes part in 100 (their query counts must be equal);
* ``call_in_conflicts`` directly among 10,000 scheduled call-ins, on a free
  slot (one query) and on a busy evening that clashes on place, staff and
  invitees (at most three).

11,000 call-ins in all: the 1,000 of the feed (agency 0 hosts or takes part;
scheduled, ready, held, closed or cancelled, over the past and next year)
and 10,000 scheduled ones hosted by agencies 2–19 over the next two years,
evenings, 3 staff attendees and 2 invitees each; agency 1 takes part in 100
of them (and hosts none). A second run reuses the data (``--rebuild``
starts again); ``--profile`` prints cProfile's top functions of the feed.

    .venv/bin/python bench/call_ins.py [--requests 200] [--rebuild] [--profile]
"""

import argparse
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _harness import PG_URL, ProductionServer, check_goal, percentile  # noqa: E402

DATABASE = "dmi_bench_call_ins"
FEED, SCHEDULED, SMALL_FEED = 1_000, 10_000, 100
AGENCIES, STAFF_POOL, SUBJECTS, PLACES = 20, 500, 2_000, 300
FEED_USER, SMALL_FEED_USER = "bench-feed-1000", "bench-feed-100"
FEED_P95_MS, CONFLICT_P95_MS = 100, 20  # the goals
ROUNDS, WARM_UP = 5, 20
# The busy evening the conflict check asks about (a day of the generated range).
BUSY_DAY = 200


def setup_django(env: dict) -> None:
    os.environ.update(env)
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    import django

    django.setup()


# --- the data ---------------------------------------------------------------------


def _evening(base: datetime, day: int, rng: random.Random) -> tuple[datetime, datetime]:
    starts = base + timedelta(days=day, hours=rng.choice((17, 18, 18, 19, 20)))
    starts += timedelta(minutes=rng.choice((0, 0, 15, 30, 45)))
    return starts, starts + timedelta(minutes=rng.choice((60, 90, 120, 150, 180)))


def generate() -> None:
    """The rows described in the module docstring, in one transaction."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from agencies.choices import AgencyKind, MarketPhase
    from agencies.models import Market, Subject
    from agencies.services.memberships import agency_create, membership_set
    from meetings.choices import CallInStatus
    from meetings.models import CallIn, CallInAgency, Invitee, StaffAttendee
    from meetings.models.call_ins import location_key

    rng = random.Random(2026)  # noqa: S311 - reproducible bench data
    User = get_user_model()
    started = time.perf_counter()
    with transaction.atomic():
        agencies = [
            agency_create(
                name=f"Bench agency {i:02d}",
                kind=AgencyKind.POLICE if i % 3 == 0 else AgencyKind.COUNTY_PROSECUTOR,
                jurisdiction="Bench",
            )
            for i in range(AGENCIES)
        ]
        feed_user = User.objects.create_user(FEED_USER, email=f"{FEED_USER}@b.test")
        small_user = User.objects.create_user(
            SMALL_FEED_USER, email=f"{SMALL_FEED_USER}@b.test"
        )
        membership_set(user=feed_user, agency=agencies[0], role="member")
        membership_set(user=small_user, agency=agencies[1], role="member")
        staff = User.objects.bulk_create(
            User(username=f"bench-staff-{i:03d}", first_name="Staff", last_name=str(i))
            for i in range(STAFF_POOL)
        )
        markets = Market.objects.bulk_create(
            Market(
                name=f"Bench market {i:02d}",
                lead_agency=agencies[i],
                phase=MarketPhase.CALL_IN_PREPARATION,
                selection_reasons="Bench",
            )
            for i in range(AGENCIES)
        )
        subjects = Subject.objects.bulk_create(
            Subject(
                market=markets[i % AGENCIES],
                agency=agencies[i % AGENCIES],
                full_name=f"Bench subject {i:04d}",
            )
            for i in range(SUBJECTS)
        )
        places = [f"Bench hall {i:03d}, Room {i % 7 + 1}" for i in range(PLACES)]
        now = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        statuses = [CallInStatus.SCHEDULED] * 4 + [
            CallInStatus.READY,
            CallInStatus.HELD,
            CallInStatus.CLOSED,
            CallInStatus.CLOSED,
            CallInStatus.CLOSED,
            CallInStatus.CANCELLED,
        ]
        rows = []
        for i in range(FEED):
            host = 0 if i % 2 else rng.randrange(2, AGENCIES)
            starts, ends = _evening(now, rng.randrange(-365, 365), rng)
            status = statuses[i % len(statuses)]
            rows.append((host, starts, ends, status, f"Bench feed call-in {i:04d}"))
        for i in range(SCHEDULED):
            starts, ends = _evening(now, rng.randrange(1, 731), rng)
            host = 2 + i % (AGENCIES - 2)
            rows.append((host, starts, ends, CallInStatus.SCHEDULED, f"Bench {i:05d}"))
        call_ins = CallIn.objects.bulk_create(
            CallIn(
                market=markets[host],
                title=title,
                starts_at=starts,
                ends_at=ends,
                location=(place := rng.choice(places)),
                location_key=location_key(place),
                host_agency=agencies[host],
                status=status,
                sequence=rng.randrange(0, 4),
                services_on_site=[],
            )
            for host, starts, ends, status, title in rows
        )
        links = []
        for index, call_in in enumerate(call_ins):
            host = rows[index][0]
            together = {host}
            if index < FEED:
                together.add(0)
            elif index - FEED < SMALL_FEED * 7 and (index - FEED) % 7 == 0:
                together.add(1)  # agency 1 takes part in 100 it does not host
            else:
                together.add(rng.randrange(2, AGENCIES))
            links += [
                CallInAgency(call_in=call_in, agency=agencies[a]) for a in together
            ]
        CallInAgency.objects.bulk_create(links, batch_size=5000)
        scheduled = call_ins[FEED:]
        StaffAttendee.objects.bulk_create(
            (
                StaffAttendee(call_in=call_in, user=person)
                for call_in in scheduled
                for person in rng.sample(staff, 3)
            ),
            batch_size=5000,
        )
        Invitee.objects.bulk_create(
            (
                Invitee(call_in=call_in, subject=subject, number=n)
                for call_in in scheduled
                for n, subject in enumerate(rng.sample(subjects, 2), start=1)
            ),
            batch_size=5000,
        )
    with connection.cursor() as cursor:
        for table in (
            "meetings_callin",
            "meetings_callinagency",
            "meetings_staffattendee",
            "meetings_invitee",
        ):
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(f"generated in {time.perf_counter() - started:.1f} s")


def describe() -> str:
    from meetings.models import CallIn, CallInAgency, Invitee, StaffAttendee

    return (
        f"{CallIn.objects.count():,} call-ins, "
        f"{CallInAgency.objects.count():,} participations, "
        f"{StaffAttendee.objects.count():,} staff attendees, "
        f"{Invitee.objects.count():,} invitees"
    )


def check_feed_times() -> None:
    """The times PostgreSQL formats for the feed are those Python would write."""
    from meetings.calendar import call_in_feed_rows, ics_utc
    from meetings.models import CallIn

    rows = CallIn.objects.order_by("pk")
    for fast, slow in zip(
        call_in_feed_rows(rows),
        rows.only("starts_at", "ends_at", "updated_at"),
        strict=True,
    ):
        expected = tuple(map(ics_utc, (slow.starts_at, slow.ends_at, slow.updated_at)))
        if (fast.dtstart, fast.dtend, fast.last_modified) != expected:
            raise SystemExit(f"call-in {slow.pk}: feed times differ from ics_utc")


# --- the targets ------------------------------------------------------------------


def feed_target(username: str):
    """GET /meetings/feed/<token>.ics for ``username``; returns (run, events)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from meetings.call_ins.feeds import calendar_feed_token_regenerate

    user = get_user_model().objects.get(username=username)
    token = calendar_feed_token_regenerate(user=user)
    client = Client(HTTP_HOST="127.0.0.1")
    url = f"/meetings/feed/{token}.ics"

    def run():
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"the feed answered {response.status_code}")
        return response

    events = run().content.count(b"BEGIN:VEVENT")
    return run, events


def conflict_targets() -> dict:
    """The conflict check on a free slot and on a busy evening."""
    from django.contrib.auth import get_user_model

    from meetings.call_ins.conflicts import call_in_conflicts, overlapping
    from meetings.models import CallIn

    viewer = get_user_model().objects.get(username=FEED_USER)
    first = CallIn.objects.filter(title="Bench 00000").values("starts_at").get()
    day = first["starts_at"].replace(hour=0, minute=0) + timedelta(days=BUSY_DAY)
    evening = (day + timedelta(hours=18), day + timedelta(hours=20))
    busy = (
        overlapping(starts_at=evening[0], ends_at=evening[1])
        .order_by("starts_at")
        .first()
    )
    staff_ids = list(busy.staff_attendees.values_list("user_id", flat=True)[:2])
    subject_ids = list(busy.invitees.values_list("subject_id", flat=True)[:1])
    free = (day + timedelta(hours=3), day + timedelta(hours=5))

    def check(slot, **asked):
        return lambda: call_in_conflicts(
            starts_at=slot[0], ends_at=slot[1], viewer=viewer, **asked
        )

    targets = {
        "conflicts, free slot (place, 3 staff, 2 people)": check(
            free, location=busy.location, staff_user_ids=staff_ids, subject_ids=[1, 2]
        ),
        "conflicts, busy evening (clashes)": check(
            evening,
            location=busy.location,
            staff_user_ids=staff_ids,
            subject_ids=subject_ids,
        ),
    }
    found = targets["conflicts, busy evening (clashes)"]()
    if {c.kind for c in found} != {"location", "staff", "invitee"}:
        raise SystemExit(f"the busy evening should clash on all three: {found}")
    if targets["conflicts, free slot (place, 3 staff, 2 people)"]():
        raise SystemExit("the free slot should not clash")
    return targets


# --- measuring --------------------------------------------------------------------


def captured(run) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        run()
    return len(queries)


def measure(runs: dict, requests: int) -> dict:
    """label -> (p50 ms, p95 ms, queries); turns taken in ROUNDS rounds."""
    timings = {label: [] for label in runs}
    for run in runs.values():
        for _ in range(WARM_UP):
            run()
    for _ in range(ROUNDS):
        for label, run in runs.items():
            for _ in range(max(1, requests // ROUNDS)):
                started = time.perf_counter()
                run()
                timings[label].append(time.perf_counter() - started)
    return {
        label: (
            percentile(timings[label], 50) * 1000,
            percentile(timings[label], 95) * 1000,
            captured(runs[label]),
        )
        for label in runs
    }


def profile(run, label: str) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        run()
    profiler.disable()
    print(f"\n--- cProfile, 20 calls: {label}")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    server = ProductionServer(database=DATABASE, port=0)
    if args.rebuild:
        _drop(server)
    with server:
        setup_django(server.env)
        from django.contrib.auth import get_user_model

        if not get_user_model().objects.filter(username=FEED_USER).exists():
            generate()
        check_feed_times()
        big, big_events = feed_target(FEED_USER)
        small, small_events = feed_target(SMALL_FEED_USER)
        if (big_events, small_events) != (FEED, SMALL_FEED):
            raise SystemExit(f"feeds hold {big_events} and {small_events} events")
        runs = {
            f"feed .ics, {FEED:,} call-ins": big,
            f"feed .ics, {SMALL_FEED} call-ins": small,
            **conflict_targets(),
        }
        print(f"{describe()} on PostgreSQL ({DATABASE})")
        print(
            f"in-process, production settings; {args.requests} timed calls per "
            f"target in {ROUNDS} rounds after {WARM_UP} warm-up calls; load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        results = measure(runs, args.requests)
        print(f"{'target':<50} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        for label, (p50, p95, queries) in results.items():
            print(f"{label:<50} {p50:>8.2f} {p95:>8.2f} {queries:>8}")
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        if args.profile:
            profile(big, f"feed of {FEED:,}")
    feed = results[f"feed .ics, {FEED:,} call-ins"]
    small_feed = results[f"feed .ics, {SMALL_FEED} call-ins"]
    conflicts = [value for label, value in results.items() if "conflicts" in label]
    worst = max(p95 for _p50, p95, _q in conflicts)
    passed = [
        check_goal(
            f"feed p95 <= {FEED_P95_MS} ms ({feed[1]:.2f})", feed[1] <= FEED_P95_MS
        ),
        check_goal(
            f"conflict check p95 <= {CONFLICT_P95_MS} ms ({worst:.2f})",
            worst <= CONFLICT_P95_MS,
        ),
        check_goal(
            f"feed queries the same for {SMALL_FEED} and {FEED:,} call-ins "
            f"({small_feed[2]} and {feed[2]})",
            small_feed[2] == feed[2],
        ),
        check_goal(
            f"conflict check at most 3 queries ({[q for *_, q in conflicts]})",
            all(q <= 3 for *_, q in conflicts),
        ),
    ]
    return 0 if all(passed) else 1


def _drop(server):
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{server.database}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
