"""Anonymous neighborhood page vs a static file of similar size, in one run.

Starts the portal under gunicorn with production settings on PostgreSQL
(database ``dmi_bench``, demo data) and Redis, loads both URLs from separate
client processes on 127.0.0.1, prints requests per second and p50/p95 latency,
their ratio, and PASS/FAIL against the goals. Always stops gunicorn.

    .venv/bin/python bench/public_pages.py [--seconds 10] [--clients 4]
"""

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (  # noqa: E402
    ProductionServer,
    check_goal,
    get,
    print_results,
    run_load,
)

PAGE_TO_STATIC_GOAL = 0.5  # page throughput at least half the static file's
PAGE_P95_GOAL_MS = 50
STATIC_SUFFIXES = (".css", ".js", ".svg")
FIRST_NEIGHBORHOOD = (
    "from portal.models import NeighborhoodPage; "
    "print(NeighborhoodPage.objects.live().public().order_by('path').first().url)"
)


def static_file_like(static_root: str, size: int) -> str:
    """The hashed static file whose size is closest to ``size``, as a URL."""
    manifest = json.loads((Path(static_root) / "staticfiles.json").read_text())
    candidates = [
        hashed
        for hashed in manifest["paths"].values()
        if hashed.endswith(STATIC_SUFFIXES)
    ]
    best = min(
        candidates,
        key=lambda name: abs(os.path.getsize(Path(static_root) / name) - size),
    )
    return f"/static/{best}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=8731)
    args = parser.parse_args()

    with ProductionServer(database="dmi_bench", port=args.port) as server:
        server.manage("load_demo_data", "--allow-production", "--verbosity", "0")
        page_path = server.manage("shell", "-c", FIRST_NEIGHBORHOOD).split()[-1]
        server.flush_cache()
        server.start()
        status, page = get(server.port, page_path)
        if status != 200:
            raise SystemExit(f"{page_path} answered {status}")
        static_path = static_file_like(server.static_root, len(page))
        print(
            f"gunicorn {server.workers_description()}; {args.clients} client "
            f"processes x 1 kept-alive connection; {args.seconds:g} s per target "
            f"in {args.rounds} alternating rounds"
        )
        results = run_load(
            server.port,
            [("neighborhood page", page_path), ("static file", static_path)],
            seconds=args.seconds,
            clients=args.clients,
            rounds=args.rounds,
        )
    page_result, static_result = results
    print_results(results)
    ratio = page_result.requests_per_second / static_result.requests_per_second
    print(f"page/static throughput ratio: {ratio:.2f}")
    passed = [
        check_goal(
            f"page throughput >= {PAGE_TO_STATIC_GOAL} x static ({ratio:.2f})",
            ratio >= PAGE_TO_STATIC_GOAL,
        ),
        check_goal(
            f"page p95 < {PAGE_P95_GOAL_MS} ms ({page_result.percentile_ms(95):.1f})",
            page_result.percentile_ms(95) < PAGE_P95_GOAL_MS,
        ),
        check_goal(
            "no failed requests",
            page_result.errors == 0 and static_result.errors == 0,
        ),
    ]
    return 0 if all(passed) else 1


if __name__ == "__main__":
    sys.exit(main())
