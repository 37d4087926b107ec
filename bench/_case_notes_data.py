"""The data of bench/case_notes.py, generated on the PostgreSQL side.

1,000,000 notes, 200 agencies, 5,000 people, ~3,000,000 note grants, written
by ``INSERT … SELECT generate_series`` in one transaction (an interrupted run
leaves nothing behind), then ``VACUUM ANALYZE`` (statistics for the planner,
visibility map for index-only scans).

* Agency i (0–199) has its own group and 25 people (i, i + 200, …); the
  first is its lead. Agencies work in blocks of ten (i // 10).
* 400 markets, 2,000 subjects, 1,000 cases: record r belongs to agency
  r mod 200 and is visible to it and two partners of its block (cases: owner).
* Note n (0–999,999) belongs to agency n mod 200 (so every agency writes all
  the time and its notes spread over the whole id range) and is that agency's
  j-th note (j = n div 200): written by one of its 25 people; about one of its
  subjects (6 in 10), cases (2 in 10) or markets (2 in 10); 80 % standard,
  15 % sensitive, 5 % restricted; newest last.
* Grants: the owner's group (1,000,000) plus 0–4 partners of the block, a
  pseudo-random count averaging 2 (~2,000,000): a typical agency sees ~15,000
  notes, 1.5 %. One note in 200 is also shared with one person.

Every SQL text here is built from the constants below, never from input.
"""

# ruff: noqa: S608

import sys
import time

NOTES, AGENCIES, USERS = 1_000_000, 200, 5_000
MARKETS, SUBJECTS, CASES = 400, 2_000, 1_000
KINDS = [
    "police",
    "city_prosecutor",
    "county_prosecutor",
    "federal_prosecutor",
    "probation",
    "service_provider",
    "community",
]

# name -> (table, column, prefix): the bench rows, zero-padded so name order is
# creation order and ``name.ids[1 + i]`` is row i.
ARRAYS = {
    "ag": ("agencies_agency", "name", "Bench agency"),
    "us": ("auth_user", "username", "bench-user-"),
    "mk": ("agencies_market", "name", "Bench market"),
    "sj": ("agencies_subject", "full_name", "Bench subject"),
    "cs": ("agencies_case", "title", "Bench case"),
}


def arrays(*names: str) -> str:
    """A WITH clause: one one-row CTE per name holding its ids in order."""
    return "WITH " + ",\n".join(
        f"{name} AS (SELECT array_agg(id ORDER BY {ARRAYS[name][1]}) AS ids "
        f"FROM {ARRAYS[name][0]} WHERE {ARRAYS[name][1]} LIKE '{ARRAYS[name][2]}%%')"
        for name in names
    )


def pick(array: str, count: int) -> str:
    """The agency's k-th record of ``array`` for note (g.a, g.j): row a + 200 k."""
    return f"{array}.ids[1 + g.a + {AGENCIES} * mod(g.j / 10, {count // AGENCIES})]"


def share_with_block(table: str, owner: str, partners: str, model: str) -> str:
    """Grant ``table`` rows to their owner (j = 0) and ``partners`` of its block."""
    return f"""INSERT INTO agencies_{model}groupgrant
            (content_object_id, group_id, permission_id)
        SELECT r.id, peer.group_id, %({model})s FROM {table} r
        JOIN bench_agency own ON own.id = r.{owner}
        CROSS JOIN LATERAL generate_series(0, {partners}) j
        JOIN bench_agency peer
            ON peer.idx = own.idx / 10 * 10 + mod(own.idx + j, 10)"""


# mod() rather than the % operator: the statements carry %(name)s parameters.
STATEMENTS = [
    f"""INSERT INTO auth_group (name)
        SELECT 'Agency: Bench agency ' || lpad(i::text, 3, '0')
        FROM generate_series(0, {AGENCIES - 1}) i""",
    """INSERT INTO agencies_agency (name, kind, jurisdiction, group_id)
        SELECT substr(g.name, 9), (%(kinds)s::text[])[1 + mod(g.id, 7)],
            'Bench county', g.id
        FROM auth_group g WHERE g.name LIKE 'Agency: Bench agency %%'""",
    """CREATE TEMP TABLE bench_agency ON COMMIT DROP AS
        SELECT (row_number() OVER (ORDER BY name) - 1)::int AS idx, id, group_id
        FROM agencies_agency WHERE name LIKE 'Bench agency %%'""",
    f"""INSERT INTO auth_user (password, is_superuser, username, first_name,
            last_name, email, is_staff, is_active, date_joined)
        SELECT '!bench', false, 'bench-user-' || lpad(i::text, 4, '0'), 'Bench',
            'User ' || i, 'bench-user-' || i || '@example.org', false, true, now()
        FROM generate_series(0, {USERS - 1}) i""",
    """CREATE TEMP TABLE bench_user ON COMMIT DROP AS
        SELECT (row_number() OVER (ORDER BY username) - 1)::int AS idx, id
        FROM auth_user WHERE username LIKE 'bench-user-%%'""",
    f"""INSERT INTO agencies_membership (role, since, agency_id, user_id)
        SELECT CASE WHEN u.idx < {AGENCIES} THEN 'lead' ELSE 'member' END,
            now(), a.id, u.id
        FROM bench_user u JOIN bench_agency a ON a.idx = mod(u.idx, {AGENCIES})""",
    f"""INSERT INTO auth_user_groups (user_id, group_id)
        SELECT u.id, a.group_id
        FROM bench_user u JOIN bench_agency a ON a.idx = mod(u.idx, {AGENCIES})""",
    f"""INSERT INTO agencies_market (name, phase, selection_reasons, created_at,
            lead_agency_id)
        SELECT 'Bench market ' || lpad(i::text, 3, '0'), 'investigation',
            'Calls for service', now(), a.id
        FROM generate_series(0, {MARKETS - 1}) i
        JOIN bench_agency a ON a.idx = mod(i, {AGENCIES})""",
    f"""{arrays("ag", "mk")}
        INSERT INTO agencies_subject (created_at, review_due, validation_reason,
            full_name, aliases, description, agency_id, market_id)
        SELECT now(), current_date + 1826, '',
            'Bench subject ' || lpad(i::text, 4, '0'), '', '',
            ag.ids[1 + mod(i, {AGENCIES})], mk.ids[1 + mod(i, {MARKETS})]
        FROM generate_series(0, {SUBJECTS - 1}) i, ag, mk""",
    f"""{arrays("ag", "sj")}
        INSERT INTO agencies_case (created_at, review_due, validation_reason,
            title, status, agency_id, subject_id)
        SELECT now(), current_date + 1826, '',
            'Bench case ' || lpad(i::text, 4, '0'), 'building',
            ag.ids[1 + mod(i, {AGENCIES})], sj.ids[1 + i]
        FROM generate_series(0, {CASES - 1}) i, ag, sj""",
    f"""{arrays("ag", "us", "mk", "sj", "cs")}
        INSERT INTO agencies_casenote (text, sensitivity, created_at, agency_id,
            author_id, market_id, subject_id, case_id)
        SELECT 'Bench note ' || g.n || ': seen at the corner again; follow-up.',
            CASE WHEN mod(7 * g.j + 3, 20) = 0 THEN 'restricted'
                WHEN mod(7 * g.j + 3, 20) < 4 THEN 'sensitive'
                ELSE 'standard' END,
            now() - ({NOTES} - g.n) * interval '30 seconds',
            ag.ids[1 + g.a],
            us.ids[1 + g.a + {AGENCIES} * mod(g.j, {USERS // AGENCIES})],
            CASE WHEN mod(g.j, 10) >= 8 THEN {pick("mk", MARKETS)} END,
            CASE WHEN mod(g.j, 10) < 6 THEN {pick("sj", SUBJECTS)} END,
            CASE WHEN mod(g.j, 10) IN (6, 7) THEN {pick("cs", CASES)} END
        FROM (SELECT n, mod(n, {AGENCIES}) AS a, n / {AGENCIES} AS j
              FROM generate_series(0, {NOTES - 1}) n) g, ag, us, mk, sj, cs""",
    """INSERT INTO agencies_casenotegroupgrant
            (content_object_id, group_id, permission_id)
        SELECT n.id, a.group_id, %(casenote)s FROM agencies_casenote n
        JOIN bench_agency a ON a.id = n.agency_id ORDER BY n.id""",
    """INSERT INTO agencies_casenotegroupgrant
            (content_object_id, group_id, permission_id)
        SELECT n.id, peer.group_id, %(casenote)s FROM agencies_casenote n
        JOIN bench_agency own ON own.id = n.agency_id
        CROSS JOIN LATERAL generate_series(1, mod(abs(hashint8(n.id)), 5)) j
        JOIN bench_agency peer
            ON peer.idx = own.idx / 10 * 10 + mod(own.idx + j, 10)
        ORDER BY n.id""",
    f"""{arrays("us")}
        INSERT INTO agencies_casenoteusergrant
            (content_object_id, user_id, permission_id)
        SELECT n.id, us.ids[1 + mod(abs(hashint8(n.id + 17)), {USERS})],
            %(casenote)s
        FROM agencies_casenote n, us WHERE mod(abs(hashint8(n.id)), 200) = 7""",
    share_with_block("agencies_market", "lead_agency_id", 2, "market"),
    share_with_block("agencies_subject", "agency_id", 2, "subject"),
    share_with_block("agencies_case", "agency_id", 0, "case"),
]


def generate() -> None:
    from django.contrib.auth.models import Permission
    from django.db import connection, transaction

    params = {"kinds": KINDS}
    for model in ("market", "subject", "case", "casenote"):
        params[model] = Permission.objects.get(
            content_type__app_label="agencies", codename=f"view_{model}"
        ).pk
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        # A bulk load: skip the per-row foreign-key triggers (every key comes
        # from rows just written in this transaction).
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SET LOCAL work_mem = '256MB'")
        for number, statement in enumerate(STATEMENTS, 1):
            cursor.execute(statement, params)
            print(
                f"\rgenerating: step {number}/{len(STATEMENTS)}, "
                f"{time.perf_counter() - started:.0f} s ",
                end="",
                file=sys.stderr,
            )
    print(file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute("VACUUM ANALYZE")
    print(f"generated and vacuumed in {time.perf_counter() - started:.0f} s")


def describe() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT (SELECT count(*) FROM agencies_casenote),
            (SELECT count(*) FROM agencies_agency),
            (SELECT count(*) FROM agencies_membership),
            (SELECT count(*) FROM agencies_casenotegroupgrant),
            (SELECT count(*) FROM agencies_casenoteusergrant)"""
        )
        notes, agencies, members, groups, users = cursor.fetchone()
    return (
        f"{notes:,} notes, {agencies} agencies, {members:,} members, "
        f"{groups:,} group + {users:,} personal note grants"
    )
