"""Shared pieces for the benchmarks: a production server, a load generator, a report.

Every benchmark runs the portal the way production does (gunicorn, production
settings, PostgreSQL, Redis, whitenoise) on 127.0.0.1 only, loads it from
separate client processes over persistent HTTP/1.1 connections for a fixed
time, and always stops the server it started.

    with ProductionServer(database="dmi_bench", port=8731) as server:
        server.manage("load_demo_data", "--allow-production")
        server.start()
        results = run_load(server.port, [("home", "/")], seconds=10)
        print_results(results)
"""

import math
import os
import runpy
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"  # load is only ever sent to this machine
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")


# --- The server ---------------------------------------------------------------


class ProductionServer:
    """gunicorn with production settings on its own PostgreSQL database and Redis db."""

    def __init__(self, *, database: str, port: int, extra_env: dict | None = None):
        self.port = port
        self.database = database
        self.static_root = tempfile.mkdtemp(prefix="dmi-bench-static-")
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "WAGTAILADMIN_BASE_URL": f"http://{HOST}:{port}",
            "DATABASE_URL": f"{PG_URL}/{database}",
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": f"bench-{database}",
            "SECURE_SSL_REDIRECT": "false",  # plain http on loopback
            "STATIC_ROOT": self.static_root,
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "GUNICORN_BIND": f"{HOST}:{port}",
            "GUNICORN_ACCESS_LOG": "off",
            "GUNICORN_LOG_LEVEL": "warning",
            **(extra_env or {}),
        }
        self.process: subprocess.Popen | None = None

    def __enter__(self):
        self.create_database()
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        return self

    def __exit__(self, *_exc):
        self.stop()
        shutil.rmtree(self.static_root, ignore_errors=True)

    def create_database(self) -> None:
        import psycopg

        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [self.database]
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{self.database}"')

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    def workers_description(self) -> str:
        """What gunicorn.conf.py gives under this server's environment."""
        saved = dict(os.environ)
        os.environ.update(self.env)
        try:
            conf = runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))
        finally:
            os.environ.clear()
            os.environ.update(saved)
        return (
            f"{conf['workers']} {conf['worker_class']} workers x "
            f"{conf['threads']} threads"
        )

    def flush_cache(self) -> None:
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()

    def start(self, timeout: float = 60) -> None:
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi"],
            cwd=BASE_DIR,
            env=self.env,
            start_new_session=True,  # its own process group, stopped as one
        )
        # Stop the server even if the benchmark is interrupted.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("gunicorn exited during start-up")
            status, _ = _get_once(self.port, "/robots.txt")
            if status == 200:
                return
            time.sleep(0.3)
        self.stop()
        raise SystemExit(f"gunicorn did not answer on {HOST}:{self.port}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=25)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def _get_once(
    port: int, path: str, timeout: float = 2, headers: dict | None = None
) -> tuple[int, bytes]:
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as sock:
            conn = _Connection(sock)
            return conn.get(path, headers)
    except OSError:
        return 0, b""


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, bytes]:
    """One GET on a fresh connection: (status, body). ``headers``: e.g. a Cookie."""
    return _get_once(port, path, timeout=30, headers=headers)


# --- The load generator -----------------------------------------------------------


class _Connection:
    """A minimal HTTP/1.1 client on one kept-alive socket (Content-Length only)."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.buffer = b""
        self.closing = False  # the server said it closes after this answer

    def get(self, path: str, headers: dict | None = None) -> tuple[int, bytes]:
        extra = "".join(
            f"{name}: {value}\r\n" for name, value in (headers or {}).items()
        )
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: dmi-bench\r\n"
            f"{extra}\r\n"
        )
        try:
            self.sock.sendall(request.encode())
            head = self._read_until(b"\r\n\r\n")
        except ConnectionError as exc:
            # Nothing of the answer arrived: the server closed an idle connection.
            exc.idle_close = not self.buffer
            raise
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        answer_headers = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(":") for line in lines[1:])
        }
        if "content-length" not in answer_headers:
            raise RuntimeError(f"{path}: response without Content-Length")
        body = self._read_exactly(int(answer_headers["content-length"]))
        if answer_headers.get("connection", "").lower() == "close":
            self.closing = True
        return status, body

    def _fill(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionResetError("server closed the connection")
        self.buffer += chunk

    def _read_until(self, marker: bytes) -> bytes:
        while marker not in self.buffer:
            self._fill()
        head, _, self.buffer = self.buffer.partition(marker)
        return head

    def _read_exactly(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self._fill()
        body, self.buffer = self.buffer[:size], self.buffer[size:]
        return body


@dataclass
class LoadResult:
    label: str
    path: str
    seconds: float
    latencies: list[float] = field(default_factory=list)  # seconds, ok requests
    errors: int = 0
    reconnects: int = 0
    body_bytes: int = 0

    @property
    def requests_per_second(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile_ms(self, percent: float) -> float:
        return percentile(self.latencies, percent) * 1000


def percentile(values: list[float], percent: float) -> float:
    """Nearest-rank percentile; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


def _client_process(port, path, seconds, max_requests, headers=None):
    """One client process on one kept-alive connection, for a fixed time.

    A kept-alive connection the server closes between requests (keep-alive
    timeout, worker recycled after max_requests) is reopened and the request
    sent again, as browsers do; that counts as a reconnect, not an error.
    """
    conn = _Connection(socket.create_connection((HOST, port)))
    latencies, errors, reconnects, body_bytes = [], 0, 0, 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and len(latencies) + errors < max_requests:
        started = time.perf_counter()
        try:
            status, body = conn.get(path, headers)
        except ConnectionError as exc:
            conn.sock.close()
            conn = _Connection(socket.create_connection((HOST, port)))
            if getattr(exc, "idle_close", False):
                reconnects += 1
            else:
                errors += 1
            continue
        except (OSError, ValueError):
            errors += 1
            conn.sock.close()
            conn = _Connection(socket.create_connection((HOST, port)))
            continue
        if status == 200:
            latencies.append(time.perf_counter() - started)
            body_bytes = len(body)
        else:
            errors += 1
        if conn.closing:
            reconnects += 1
            conn.sock.close()
            conn = _Connection(socket.create_connection((HOST, port)))
    conn.sock.close()
    return latencies, errors, reconnects, body_bytes


def run_load(
    port: int,
    targets: list[tuple[str, str]],
    *,
    seconds: float = 10,
    clients: int = 4,
    rounds: int = 5,
    max_requests: int = 200_000,
    warmup_seconds: float = 1.5,
    headers: dict | None = None,
) -> list[LoadResult]:
    """Load each (label, path) from ``clients`` processes, one kept-alive socket each.

    After a short warm-up (connections open, caches filled), each target gets
    ``seconds`` in all, in ``rounds`` turns taken alternately, so a change in
    the machine's background load affects every target alike. Bounded by
    time and by request count. ``headers`` go with every request (e.g. the
    session Cookie of a signed-in benchmark user).
    """
    results = {
        label: LoadResult(label=label, path=path, seconds=0.0)
        for label, path in targets
    }
    per_turn = seconds / rounds
    per_client = max(1, max_requests // (clients * rounds))
    with ProcessPoolExecutor(max_workers=clients) as pool:
        for _label, path in targets:
            _run_turn(pool, port, path, warmup_seconds, clients, per_client, headers)
        for _ in range(rounds):
            for label, path in targets:
                result = results[label]
                started = time.perf_counter()
                parts = _run_turn(
                    pool, port, path, per_turn, clients, per_client, headers
                )
                result.seconds += time.perf_counter() - started
                for latencies, errors, reconnects, body_bytes in parts:
                    result.latencies.extend(latencies)
                    result.errors += errors
                    result.reconnects += reconnects
                    result.body_bytes = body_bytes or result.body_bytes
    return list(results.values())


def _run_turn(pool, port, path, seconds, clients, per_client, headers) -> list[tuple]:
    futures = [
        pool.submit(_client_process, port, path, seconds, per_client, headers)
        for _ in range(clients)
    ]
    return [future.result() for future in futures]


# --- The report -------------------------------------------------------------------


def print_results(results: list[LoadResult]) -> None:
    print(
        f"{'target':<22} {'bytes':>7} {'requests':>9} {'req/s':>9} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'reconn':>7}"
    )
    for r in results:
        print(
            f"{r.label:<22} {r.body_bytes:>7} {len(r.latencies):>9} "
            f"{r.requests_per_second:>9.0f} {r.percentile_ms(50):>8.1f} "
            f"{r.percentile_ms(95):>8.1f} {r.percentile_ms(99):>8.1f} {r.errors:>7} "
            f"{r.reconnects:>7}"
        )
    for r in results:
        print(f"  {r.label}: {r.path}")


def check_goal(description: str, passed: bool) -> bool:
    print(f"{'PASS' if passed else 'FAIL'}  {description}")
    return passed
