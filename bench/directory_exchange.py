"""HSDS exchange at 10,000 services: ``export_hsds``, then ``import_hsds`` into an
empty database, each timed as its own process (wall time and peak memory).

Used by ``bench/directory.py --exchange``. The import goes into a fresh
PostgreSQL database (``dmi_bench_directory_import``, dropped first): migrated,
the demo site loaded, then every organization, service and taxonomy deleted,
so every row of the package is created, the costly case.
"""

import os
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
from _harness import BASE_DIR, PG_URL, PYTHON

IMPORT_DATABASE = "dmi_bench_directory_import"

# Run in the new database after the demo site: the site and its directory
# page stay; every organization, service and taxonomy goes (the package
# brings its own, with their ids), as in the round-trip test.
EMPTY_THE_DIRECTORY = """
from resources.models import OrganizationPage, Taxonomy, TaxonomyTerm
for organization in OrganizationPage.objects.all():
    organization.delete()
TaxonomyTerm.objects.filter(parent__parent__isnull=False).delete()
TaxonomyTerm.objects.filter(parent__isnull=False).delete()
TaxonomyTerm.objects.all().delete()
Taxonomy.objects.all().delete()
"""


def timed_manage(env: dict, *args: str) -> tuple[float, float, str]:
    """(wall seconds, peak resident MB, stdout) of ``manage.py *args``.

    The peak is the child's own (``wait4``), not the maximum over every child
    this benchmark ran.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, stdout=out, stderr=err
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"manage.py {' '.join(args)} failed:\n{err.read()}")
        return wall, usage.ru_maxrss / 1024, out.read()  # ru_maxrss: KB on Linux


def measure(server, drop_database) -> dict:
    """Export the bench directory, import it into an empty database; figures."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="dmi-hsds-") as folder:
        package = Path(folder) / "hsds.zip"
        wall, peak, out = timed_manage(server.env, "export_hsds", str(package))
        results["export"] = (wall, peak, package.stat().st_size, out.strip())

        empty = {
            **server.env,
            "DATABASE_URL": f"{PG_URL}/{IMPORT_DATABASE}",
            "CACHE_KEY_PREFIX": f"bench-{IMPORT_DATABASE}",
        }
        drop_database(IMPORT_DATABASE)
        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{IMPORT_DATABASE}"')
        for args in (
            ("migrate", "--noinput", "--verbosity", "0"),
            ("load_demo_data", "--allow-production", "--verbosity", "0"),
            ("shell", "-c", EMPTY_THE_DIRECTORY),
        ):
            subprocess.run(
                [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=empty, check=True
            )
        wall, peak, out = timed_manage(
            empty, "import_hsds", str(package), "--no-progress"
        )
        results["import"] = (wall, peak, out.strip())
    return results


def print_results(results: dict) -> None:
    wall, peak, size, line = results["export"]
    print(
        f"export_hsds (10k services)  wall {wall:6.1f} s  peak {peak:6.0f} MB  "
        f"zip {size / 1_000_000:.1f} MB"
    )
    print(f"    {line}")
    wall, peak, line = results["import"]
    print(
        f"import_hsds into an empty db wall {wall:6.1f} s  peak {peak:6.0f} MB"
        f"  ({IMPORT_DATABASE})"
    )
    print(f"    {line}")
