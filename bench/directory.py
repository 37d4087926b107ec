"""Service directory at 10,000 services: search, HSDS API list, one full service.

Uses the shared harness (bench/_harness.py) to create, migrate and
collectstatic the PostgreSQL database ``dmi_bench_directory`` with production
settings (Redis cache, whitenoise manifest), then measures IN-PROCESS with
Django's test client, so every figure is server time (middleware, queries,
templates/JSON; no network) and each request's SQL queries are counted.

Generation is fast because the tree is written in bulk: 100 organizations are
added through Wagtail's ``add_child``; their 10,000 services are written with
materialized paths computed directly (treebeard's ``MP_Node._get_path(parent
path, depth, n)``) — ``wagtailcore_page`` rows by ``bulk_create``, the
``resources_servicepage`` rows by one multi-row INSERT (Django cannot
bulk-create multi-table children), each org's ``numchild`` set after — and
their rows (categories, languages, hours, locations, costs) by
``bulk_create``; then ``update_index`` builds the search index once. A
second run reuses the data (``--rebuild`` starts again).

    .venv/bin/python bench/directory.py [--requests 200] [--rebuild] [--exchange]

``--exchange`` also times ``export_hsds`` of the 10,000 services and
``import_hsds`` of that package into an empty database, each as its own
process, with its peak memory (bench/directory_exchange.py).
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _harness import PG_URL, ProductionServer, check_goal, percentile  # noqa: E402

DATABASE = "dmi_bench_directory"
SERVICES, ORGANIZATIONS = 10_000, 100
SEARCH_P95_GOAL_MS, API_LIST_P95_GOAL_MS = 50, 100
WORDS = ["counseling", "recovery", "housing", "jobs", "training", "legal", "food"]


def setup_django(env: dict) -> None:
    os.environ.update(env)
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    import django

    django.setup()


def generate() -> None:
    """10,000 listed services under 100 organizations (see the module docstring)."""
    from datetime import time as clock

    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from portal.models import HomePage
    from resources.models import (
        CostOption,
        Language,
        Location,
        OpeningHours,
        OrganizationPage,
        ServiceAtLocation,
        ServiceCategory,
        ServiceDirectoryPage,
        ServiceLanguage,
        ServicePage,
        TaxonomyTerm,
    )

    rng = random.Random(4)
    home = HomePage.objects.first() or _home()
    directory = ServiceDirectoryPage.objects.first()
    if directory is None:
        directory = home.add_child(
            instance=ServiceDirectoryPage(title="Find help", slug="find-help")
        )
    terms = list(TaxonomyTerm.objects.all())
    languages = list(Language.objects.all())
    content_type = ContentType.objects.get_for_model(ServicePage)
    now = timezone.now()
    per_org = SERVICES // ORGANIZATIONS
    service_fields = [
        f for f in ServicePage._meta.local_concrete_fields if f.name != "page_ptr"
    ]
    columns = ["page_ptr_id"] + [f.column for f in service_fields]
    # Table and column names come from the model, not from input.
    table, placeholders = ServicePage._meta.db_table, ", ".join(["%s"] * len(columns))
    insert = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({placeholders})'  # noqa: S608
    for o in range(ORGANIZATIONS):
        with transaction.atomic():
            org = directory.add_child(
                instance=OrganizationPage(
                    title=f"Provider {o:03d}",
                    slug=f"provider-{o:03d}",
                    description="A provider in Riverton.",
                    locations=[
                        Location(
                            name=f"Office {o}",
                            address_1=f"{o} Main St",
                            city="Riverton",
                            state_province="CA",
                            postal_code=f"94{o % 50:03d}",
                            latitude=37.7 + o / 1000,
                            longitude=-122.2 - o / 1000,
                        )
                    ],
                )
            )
            location = org.locations.get()
            pages = []
            for n in range(per_org):
                word = WORDS[(o * per_org + n) % len(WORDS)]
                pages.append(
                    Page(
                        title=f"{word.title()} service {o:03d}-{n:03d}",
                        draft_title=f"{word.title()} service {o:03d}-{n:03d}",
                        slug=f"service-{n:03d}",
                        path=ServicePage._get_path(org.path, org.depth + 1, n + 1),
                        depth=org.depth + 1,
                        numchild=0,
                        url_path=f"{org.url_path}service-{n:03d}/",
                        content_type=content_type,
                        live=True,
                        locale_id=org.locale_id,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            pages = Page.objects.bulk_create(pages)
            rows = []
            for page in pages:
                service = ServicePage(
                    description=f"{page.title}: help with {rng.choice(WORDS)} "
                    f"and {rng.choice(WORDS)} for people in Riverton.",
                    is_free=rng.random() < 0.5,
                    application_process="Walk in or call first.",
                )
                rows.append(
                    [page.pk]
                    + [
                        f.get_db_prep_save(f.pre_save(service, True), connection)
                        for f in service_fields
                    ]
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            Page.objects.filter(pk=org.pk).update(numchild=per_org)
            ServiceCategory.objects.bulk_create(
                ServiceCategory(service_id=p.pk, term=term, sort_order=i)
                for p in pages
                for i, term in enumerate(rng.sample(terms, 2))
            )
            ServiceLanguage.objects.bulk_create(
                ServiceLanguage(service_id=p.pk, language=lang, sort_order=i)
                for p in pages
                for i, lang in enumerate(rng.sample(languages, 2))
            )
            OpeningHours.objects.bulk_create(
                OpeningHours(
                    service_id=p.pk,
                    day_of_week=day,
                    opens_at=clock(9),
                    closes_at=clock(17),
                    sort_order=day,
                )
                for p in pages
                for day in range(5)
            )
            ServiceAtLocation.objects.bulk_create(
                ServiceAtLocation(service_id=p.pk, location=location) for p in pages
            )
            CostOption.objects.bulk_create(
                CostOption(service_id=p.pk, option="Per visit", amount=10)
                for p in pages
            )
        print(f"\rgenerated {(o + 1) * per_org} services", end="", file=sys.stderr)
    print(file=sys.stderr)
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    print(
        f"search index built in {time.perf_counter() - started:.0f} s", file=sys.stderr
    )


def _home():
    raise SystemExit("No home page: run migrations (the foundation creates it).")


def measure(client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, counts = [], set()
    for _ in range(requests):
        connection.queries_log.clear()  # its 9,000-entry cap would skew the counts
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url, HTTP_HOST="127.0.0.1")
            timings.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        counts.add(len(queries))
    return (
        percentile(timings, 50) * 1000,
        percentile(timings, 95) * 1000,
        sorted(counts),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument(
        "--exchange", action="store_true", help="also time export/import at 10k"
    )
    args = parser.parse_args()

    server = ProductionServer(database=DATABASE, port=0)
    if args.rebuild:
        _drop(server)
    with server:
        # The site itself (home, neighborhoods, directory) comes from the demo data.
        server.manage("load_demo_data", "--allow-production", "--verbosity", "0")
        setup_django(server.env)
        from django.test import Client

        from resources.models import ServicePage, TaxonomyTerm

        if ServicePage.objects.count() < SERVICES:
            generate()
        # Fresh statistics and no dead rows: with autovacuum off (as on CI
        # machines) the planner would otherwise guess row counts for the
        # tables just filled, and scan the row versions a bulk load leaves.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        server.flush_cache()
        client = Client()
        term = TaxonomyTerm.objects.get(code="substance-use")
        one = ServicePage.objects.live().order_by("pk")[SERVICES // 2]
        targets = [
            (
                "search: 'recovery' + category substance-use",
                f"/directory/search/?q=recovery&category={term.code}",
            ),
            (
                "search: category substance-use, no words",
                f"/directory/search/?category={term.code}",
            ),
            ("API GET /services?per_page=10", "/api/hsds/services?per_page=10"),
            ("API GET /services?per_page=50", "/api/hsds/services?per_page=50"),
            ("API GET /services/{id} (full)", f"/api/hsds/services/{one.hsds_id}"),
        ]
        print(
            f"{ServicePage.objects.count()} services on PostgreSQL ({DATABASE}); "
            f"in-process Django test client, production settings; "
            f"{args.requests} requests per target after 10 warm-up requests"
        )
        results = {}
        for label, url in targets:
            measure(client, url, 10)
            results[label] = measure(client, url, args.requests)
            p50, p95, counts = results[label]
            print(f"{label:48} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  queries {counts}")
        if args.exchange:
            import directory_exchange

            directory_exchange.print_results(
                directory_exchange.measure(server, _drop_database)
            )
    search = results[targets[0][0]]
    small, large = results[targets[2][0]], results[targets[3][0]]
    passed = [
        check_goal(
            f"search p95 <= {SEARCH_P95_GOAL_MS} ms ({search[1]:.1f})",
            search[1] <= SEARCH_P95_GOAL_MS,
        ),
        check_goal(
            f"API list p95 <= {API_LIST_P95_GOAL_MS} ms ({large[1]:.1f})",
            large[1] <= API_LIST_P95_GOAL_MS,
        ),
        check_goal(
            f"API list queries independent of page size ({small[2]} vs {large[2]})",
            small[2] == large[2],
        ),
    ]
    return 0 if all(passed) else 1


def _drop(server):
    _drop_database(server.database)


def _drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
