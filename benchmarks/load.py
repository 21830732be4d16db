"""Load on the deployed shape: PostgreSQL and Redis, two uvicorn workers, wrk with 64
connections on the home, a category, an agency and a search page.

What it measures
    A fresh PostgreSQL database (created on ``--postgres``, dropped afterwards) is
    migrated and loaded with the demo catalogue and its eight months of activity
    (``marketplace seed-demo``); a ``redis-server`` of the benchmark's own runs on a free
    port (``REDIS_URL``: jobs, the job outbox's kicks, shared rate limits). uvicorn serves
    ``marketplace.app:create_app`` with ``--workers 2`` and a fixed ``SECRET_KEY`` (every
    worker must sign sessions alike). Then, one page after the other, wrk keeps
    ``--connections`` keep-alive connections busy for ``--duration`` seconds after a
    warm-up: ``/``, the competitive category with the most published items, the agency
    with the most published items, and ``/search?q=环评``.

How to run
    Install wrk and Redis (``apt-get install -y wrk redis-server``); PostgreSQL must
    answer at ``--postgres`` (default: the local server, user postgres). From the
    repository root::

        .venv/bin/python benchmarks/load.py [--duration 60] [--connections 64]

What the numbers mean
    req/s is the throughput at that concurrency; p99 the 99th percentile latency, which
    at saturation is mostly time queued behind the other connections. errors are
    answers that were not 2xx/3xx and broken connections; timeouts are requests with no
    answer within ``--timeout`` (10 s here; wrk's own default is 2 s), which are left
    out of the latency figures. A healthy run has none of either.
    wrk, the servers, PostgreSQL and Redis share the machine's cores, so absolute
    figures are lower than on a deployment's own machines.

The results are printed and written to ``benchmarks/results/load-<timestamp>.json``.
The exit status is 0 when no page had an error or a timeout, 1 otherwise, 2 when wrk or
redis-server is missing. It is not part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from storefront import (  # a sibling script, not a package
    HOST,
    RESULTS_DIR,
    Server,
    _fetch,
    _first_line,
    _free_port,
    _raise_system_exit,
    _stop,
    _wait_until_healthy,
)

BENCH_DIR = Path(__file__).resolve().parent
WRK_SCRIPT = BENCH_DIR / "wrk_errors.lua"
_WRK_MARKER = "wrk-json "
_SEARCH_PATH = "/search?q=" + urllib.parse.quote("环评")
# Settings of the caller's shell that would point the app at other services.
_SERVICE_VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "MEILISEARCH_URL",
    "MEILISEARCH_API_KEY",
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "SMTP_URL",
    "DEBUG",
)
_CATEGORY_SQL = """
SELECT c.code FROM category c
JOIN service_item s ON s.category_id = c.id
JOIN agency a ON a.id = s.agency_id
WHERE s.status = 'published' AND a.status = 'admitted' AND c.market_type = 'competitive'
GROUP BY c.id, c.position ORDER BY COUNT(*) DESC, c.position LIMIT 1
"""
_AGENCY_SQL = """
SELECT a.id FROM agency a JOIN service_item s ON s.agency_id = a.id
WHERE s.status = 'published' AND a.status = 'admitted'
GROUP BY a.id ORDER BY COUNT(*) DESC, a.id LIMIT 1
"""


@dataclass(frozen=True, slots=True)
class Measurement:
    page: str
    path: str
    requests: int
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int  # non-2xx/3xx answers and broken connections
    timeouts: int


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per page (60)")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of warm-up per page (5)")
    parser.add_argument("--connections", type=int, default=64, help="open connections (64)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument(
        "--timeout", type=int, default=10, help="seconds before wrk counts a timeout (10)"
    )
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers (2)")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="an admin URL of the PostgreSQL server to create the database on",
    )
    parser.add_argument(
        "--no-activity", action="store_true", help="load the catalogue without demo activity"
    )
    return parser.parse_args(argv)


def _asyncpg_dsn(url: str) -> str:
    return "postgresql://" + url.split("://", 1)[1]


async def _admin(sql: str, admin_url: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(_asyncpg_dsn(admin_url), timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def _fetch_value(sql: str, url: str) -> Any:
    import asyncpg

    connection = await asyncpg.connect(_asyncpg_dsn(url), timeout=5)
    try:
        return await connection.fetchval(sql)
    finally:
        await connection.close()


def _database(admin_url: str, stack: ExitStack) -> str:
    name = f"mp_bench_load_{uuid.uuid4().hex[:8]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"', admin_url))
    stack.callback(
        lambda: asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', admin_url))
    )
    return admin_url.rsplit("/", 1)[0] + "/" + name


def _redis(workdir: Path, stack: ExitStack) -> str:
    port = _free_port()
    process = subprocess.Popen(
        [
            *("redis-server", "--port", str(port), "--bind", HOST),
            *("--save", "", "--appendonly", "no", "--daemonize", "no"),
        ],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stack.callback(lambda: (process.terminate(), process.wait(timeout=10)))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        done = subprocess.run(
            ["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True, check=False
        )
        if done.stdout.strip() == "PONG":
            return f"redis://{HOST}:{port}/0"
        time.sleep(0.05)
    raise RuntimeError("redis-server did not start")


def _env(database_url: str, redis_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SERVICE_VARIABLES}
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY=secrets.token_urlsafe(32),
    )
    return env


def _seed(workdir: Path, env: dict[str, str], activity: bool) -> None:
    command = [sys.executable, "-m", "marketplace.cli", "seed-demo"]
    if not activity:
        command.append("--no-activity")
    done = subprocess.run(
        command, cwd=workdir, env=env, capture_output=True, text=True, timeout=900
    )
    if done.returncode != 0:
        raise RuntimeError(f"marketplace seed-demo failed:\n{done.stdout}{done.stderr}")
    print(done.stdout.strip())


def _serve(workdir: Path, env: dict[str, str], workers: int, stack: ExitStack) -> Server:
    port = _free_port()
    log_path = workdir / "server.log"
    command = [
        *(sys.executable, "-m", "uvicorn", "marketplace.app:create_app", "--factory"),
        *("--host", HOST, "--port", str(port), "--workers", str(workers)),
        *("--log-level", "warning"),
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=workdir,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server("real", f"http://{HOST}:{port}", process, log_path)
    stack.callback(_stop, server)
    _wait_until_healthy(server)
    return server


def _wrk(url: str, seconds: int, args: argparse.Namespace, *extra: str) -> str:
    command = [
        *("wrk", "--threads", str(args.threads), "--connections", str(args.connections)),
        *("--duration", f"{seconds}s", "--timeout", f"{args.timeout}s", "--latency"),
        *(*extra, url),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed on {url}:\n{done.stdout}{done.stderr}")
    return done.stdout


def _measure(server: Server, page: str, path: str, args: argparse.Namespace) -> Measurement:
    url = server.base_url + path
    print(f"  {page} {path} …", end="", flush=True)
    _wrk(url, args.warmup, args)
    output = _wrk(url, args.duration, args, "--script", str(WRK_SCRIPT))
    line = next(line for line in output.splitlines() if line.startswith(_WRK_MARKER))
    report = json.loads(line.removeprefix(_WRK_MARKER))
    errors = report["errors"]
    measurement = Measurement(
        page=page,
        path=path,
        requests=report["requests"],
        requests_per_s=report["requests"] / (report["duration_us"] / 1e6),
        p50_ms=report["latency_us"]["p50"] / 1000,
        p99_ms=report["latency_us"]["p99"] / 1000,
        max_ms=report["latency_us"]["max"] / 1000,
        errors=errors["connect"] + errors["read"] + errors["write"] + errors["status"],
        timeouts=errors["timeout"],
    )
    print(f" {measurement.requests_per_s:,.0f} req/s")
    return measurement


def _print_table(measurements: list[Measurement]) -> None:
    print(f"\n{'page':<10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'timeouts':>10}")
    for m in measurements:
        print(
            f"{m.page:<10}{m.requests_per_s:>9,.0f}{m.p50_ms:>9.1f}{m.p99_ms:>9.1f}"
            f"{m.errors:>8}{m.timeouts:>10}"
        )


def _benchmark(args: argparse.Namespace, workdir: Path, stack: ExitStack) -> dict[str, Any]:
    database_url = _database(args.postgres, stack)
    env = _env(database_url, _redis(workdir, stack))
    _seed(workdir, env, activity=not args.no_activity)
    category = asyncio.run(_fetch_value(_CATEGORY_SQL, database_url))
    agency = asyncio.run(_fetch_value(_AGENCY_SQL, database_url))
    pages = {
        "home": "/",
        "category": f"/categories/{category}",
        "agency": f"/agencies/{agency}",
        "search": _SEARCH_PATH,
    }
    server = _serve(workdir, env, args.workers, stack)
    for path in pages.values():
        _fetch(server.base_url + path)  # each answers before it is measured
    print(
        f"Measuring {args.warmup} s warm-up + {args.duration} s per page, "
        f"{args.connections} connections, uvicorn --workers {args.workers}, PostgreSQL and "
        f"Redis; all share this machine's {os.cpu_count()} CPU(s) "
        f"(load average {os.getloadavg()[0]:.1f} before the run)."
    )
    measurements = [_measure(server, page, path, args) for page, path in pages.items()]
    _print_table(measurements)
    return {
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": {k: v for k, v in vars(args).items() if k != "postgres"},
        "machine": {
            "cpus": os.cpu_count(),
            "wrk": _first_line(["wrk", "--version"]),
            "redis": _first_line(["redis-server", "--version"]),
            "commit": _first_line(["git", "-C", str(BENCH_DIR), "rev-parse", "HEAD"]),
        },
        "measurements": [asdict(m) for m in measurements],
        "clean": all(m.errors == 0 and m.timeouts == 0 for m in measurements),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    for tool in ("wrk", "redis-server", "redis-cli"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed: apt-get install -y wrk redis-server", file=sys.stderr)
            return 2
    signal.signal(signal.SIGTERM, _raise_system_exit)
    try:
        with ExitStack() as stack:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-load-")))
            results = _benchmark(args, workdir, stack)
    except KeyboardInterrupt:
        print("\ninterrupted; the servers are stopped", file=sys.stderr)
        return 130
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"load-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"Results: {path}")
    return 0 if results["clean"] else 1


if __name__ == "__main__":
    sys.exit(main())
