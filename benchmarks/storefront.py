"""Storefront throughput: the real app against a bare Starlette ceiling, under wrk.

What it measures
    Every public page of the real marketplace: the home page (``/``), one category page
    (``/categories/<code>``), one agency profile, one service item page and one search
    page (``/search?q=环评``). By default on the embedded default: ``marketplace seed-demo
    --no-activity`` loads the demo catalogue into a SQLite file in a temporary directory,
    and uvicorn serves ``marketplace.app:create_app`` from there with one worker and no
    outside service configured; with ``--database-url`` both apps serve that database
    instead (one ``benchmarks/generate.py`` filled, on SQLite or PostgreSQL). Next to it,
    in the same run, ``benchmarks/bare_app.py`` serves the same pages by rendering the same
    templates with the same data, read once at startup from the same database: no query
    and no middleware per request. That app is the ceiling, the cost of uvicorn, routing
    and Jinja alone. The category page is the competitive category with the most
    published items, unless ``--category`` names one; the agency and the item are the
    public ones with the most orders. Before measuring, the script checks that both apps
    return the same HTML (the search page differs only in the time it reports).

    With ``--workers N`` (N > 1) the real app is then restarted with N uvicorn workers and
    the agency page measured again: its throughput over the one-worker figure.

How to run
    Install wrk (``apt-get install -y wrk``), then from the repository root::

        .venv/bin/python benchmarks/storefront.py [--duration 10] [--connections 32]
        .venv/bin/python benchmarks/storefront.py --database-url URL [--workers 2]

What the numbers mean
    For each page wrk runs a warm-up, then a measured run in which ``--connections``
    keep-alive connections each send their next request as soon as the previous answer
    arrives. req/s is the throughput at that concurrency; p50/p90/p99 are latency
    percentiles of those requests, which at saturation are mostly time spent queued
    behind the other connections (about connections ÷ req/s). real/bare is the real
    page's throughput as a fraction of the ceiling's, the figure the target is about:
    every page at 60 % or more of the bare app (and, with ``--workers 2``, the agency
    page at 1.6 × one worker's throughput or more). wrk and the server share the
    machine's cores, so absolute figures are lower than a dedicated server's; compare
    ratios, not absolute numbers, across machines.

The results are printed and written to ``benchmarks/results/storefront-<timestamp>.json``.
The exit status is 0 when the target is met, 1 when it is not, 2 when wrk is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
WRK_REPORT = BENCH_DIR / "wrk_report.lua"
HOST = "127.0.0.1"
DATABASE_FILE = "marketplace.sqlite3"  # what the app uses when DATABASE_URL is unset
TARGET_RATIO = 0.6  # every public page at 60 % of the bare app or more
WORKERS_TARGET = 1.6  # the agency page with --workers 2: throughput ≥ 1.6 × one worker's
SEARCH_QUERY = "q=%E7%8E%AF%E8%AF%84"  # 环评, an abbreviation the search expands
BODY_TOLERANCE = 0.03  # relative difference in length above which the bodies "differ"

# Settings read from the environment that switch an outside service on: unset, so that
# both apps run on the embedded default whatever the caller's shell exports.
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
# uvicorn's arguments naming each app's factory.
_REAL_APP = ["marketplace.app:create_app"]
# The bare app is imported as benchmarks.bare_app from the repository root: putting this
# folder itself on sys.path would let its scripts shadow packages (search.py, search/).
_BARE_APP = ["--app-dir", str(BENCH_DIR.parent), "benchmarks.bare_app:create_app"]
_STARTUP_TIMEOUT_S = 900.0  # building the search index of 100,000 items takes minutes
_STOP_TIMEOUT_S = 5.0
_WRK_MARKER = "wrk-json "

# The requested category, or else the competitive one with the most published items of
# admitted agencies.
_CATEGORY_SQL = """
SELECT c.code FROM category c
JOIN service_item s ON s.category_id = c.id
JOIN agency a ON a.id = s.agency_id
WHERE s.status = 'published' AND a.status = 'admitted'
  AND (c.code = :code OR (:code IS NULL AND c.market_type = 'competitive'))
GROUP BY c.id ORDER BY COUNT(*) DESC, c.position LIMIT 1
"""


# The busiest public agency and item (most orders): the worst case for their pages.
_AGENCY_SQL = """
SELECT a.id FROM agency a LEFT JOIN service_order o ON o.agency_id = a.id
WHERE a.status = 'admitted' GROUP BY a.id ORDER BY COUNT(o.id) DESC, a.id LIMIT 1
"""
_ITEM_SQL = """
SELECT s.id FROM service_item s JOIN agency a ON a.id = s.agency_id
LEFT JOIN service_order o ON o.item_id = s.id
WHERE s.status = 'published' AND a.status = 'admitted'
GROUP BY s.id ORDER BY COUNT(o.id) DESC, s.id LIMIT 1
"""


@dataclass(frozen=True, slots=True)
class Server:
    name: str
    base_url: str
    process: subprocess.Popen[bytes]
    log_path: Path


@dataclass(frozen=True, slots=True)
class Measurement:
    server: str
    path: str
    requests: int
    errors: int
    requests_per_s: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--duration", type=int, default=10, help="seconds of each measured run (default: 10)"
    )
    parser.add_argument(
        "--warmup", type=int, default=2, help="seconds of warm-up before each run (default: 2)"
    )
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default: 1)")
    parser.add_argument(
        "--connections", type=int, default=32, help="open connections (default: 32)"
    )
    parser.add_argument(
        "--category", help="code of the category page (default: the busiest competitive one)"
    )
    parser.add_argument(
        "--no-category",
        action="store_true",
        help="leave the category page out (measure the others only)",
    )
    parser.add_argument(
        "--timeout", type=int, default=10, help="seconds before wrk gives up on a request"
    )
    parser.add_argument(
        "--database-url",
        help="serve this database (e.g. one benchmarks/generate.py filled) instead of the demo",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="also measure the agency page on the real app with this many uvicorn workers",
    )
    return parser.parse_args(argv)


def _raise_system_exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _embedded_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SERVICE_VARIABLES}
    return env | (extra or {})


def _query(database_url: str, sql: str, params: dict[str, Any]) -> Any:
    """The first column of the first row of ``sql`` on SQLite or PostgreSQL."""
    if database_url.startswith("sqlite://"):
        with sqlite3.connect(database_url.removeprefix("sqlite://")) as connection:
            row = connection.execute(sql, params).fetchone()
        return row[0] if row else None
    import asyncio

    import asyncpg

    async def fetch() -> Any:
        connection = await asyncpg.connect("postgresql://" + database_url.split("://", 1)[1])
        try:
            names = list(params)
            numbered = sql
            for n, name in enumerate(names, 1):
                numbered = numbered.replace(f":{name}", f"${n}::text")
            return await connection.fetchval(numbered, *params.values())
        finally:
            await connection.close()

    return asyncio.run(fetch())


def _seed(workdir: Path) -> None:
    command = [sys.executable, "-m", "marketplace.cli", "seed-demo", "--no-activity"]
    done = subprocess.run(
        command, cwd=workdir, env=_embedded_env(), capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        raise RuntimeError(f"marketplace seed-demo failed:\n{done.stdout}{done.stderr}")
    print(done.stdout.strip())


def _category(database_url: str, requested: str | None) -> str:
    """The code of the category page to measure: ``requested``, or the busiest one."""
    code = _query(database_url, _CATEGORY_SQL, {"code": requested})
    if code is None:
        wanted = f"category {requested!r}" if requested else "competitive category"
        raise RuntimeError(f"the catalogue has no {wanted} with published items")
    return str(code)


def _start_server(
    name: str,
    app_args: list[str],
    workdir: Path,
    stack: ExitStack,
    env: dict[str, str],
    workers: int = 1,
) -> Server:
    """Start uvicorn (loopback only) in ``workdir``; stopped when ``stack`` closes."""
    port = _free_port()
    log_path = workdir / f"{name}.log"
    command = [
        *(sys.executable, "-m", "uvicorn", *app_args, "--factory"),
        *("--host", HOST, "--port", str(port), "--log-level", "warning"),
        *(("--workers", str(workers)) if workers > 1 else ()),
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=workdir,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl+C reaches this script, which stops the server
        )
    server = Server(name, f"http://{HOST}:{port}", process, log_path)
    stack.callback(_stop, server)
    _wait_until_healthy(server)
    for _ in range(workers * 4):  # let every worker start
        _fetch(f"{server.base_url}/healthz")
    return server


def _stop(server: Server) -> None:
    if server.process.poll() is not None:
        return
    os.killpg(server.process.pid, signal.SIGTERM)  # uvicorn and its worker processes
    try:
        server.process.wait(timeout=_STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=_STOP_TIMEOUT_S)


def _wait_until_healthy(server: Server) -> None:
    deadline = time.monotonic() + _STARTUP_TIMEOUT_S
    while time.monotonic() < deadline and server.process.poll() is None:
        try:
            if _fetch(f"{server.base_url}/healthz") == b"ok":
                return
        except OSError:
            pass  # not listening yet
        time.sleep(0.1)
    log = server.log_path.read_text(errors="replace")[-2000:]
    raise RuntimeError(f"the {server.name} server did not become healthy:\n{log}")


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:  # a cold page at scale
        body: bytes = response.read()
        return body


def _page(server: Server, path: str) -> bytes:
    """The body of ``path``, with the server's own address taken out of its absolute links."""
    return _fetch(server.base_url + path).replace(server.base_url.encode(), b"")


def _compare_bodies(real: Server, bare: Server, path: str) -> dict[str, Any]:
    """Fetch ``path`` from both apps (links aside); warn when they are not the same page."""
    real_body, bare_body = _page(real, path), _page(bare, path)
    identical = real_body == bare_body
    difference = abs(len(real_body) - len(bare_body)) / max(len(real_body), 1)
    verdict = "identical" if identical else f"differ ({difference:.1%} in length)"
    print(f"  {path}: real {len(real_body)} B, bare {len(bare_body)} B, bodies {verdict}")
    if difference > BODY_TOLERANCE:
        print(f"  WARNING: the bare app does not render the same {path}; the ceiling is off")
    return {
        "path": path,
        "real_bytes": len(real_body),
        "bare_bytes": len(bare_body),
        "identical": identical,
    }


def _run_wrk(url: str, seconds: int, args: argparse.Namespace, *extra: str) -> str:
    command = [
        *("wrk", "--threads", str(args.threads), "--connections", str(args.connections)),
        *("--duration", f"{seconds}s", "--timeout", f"{args.timeout}s", "--latency"),
        *(*extra, url),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed on {url}:\n{done.stdout}{done.stderr}")
    return done.stdout


def _measure(server: Server, path: str, args: argparse.Namespace) -> Measurement:
    url = server.base_url + path
    print(f"  {server.name} {path} …", end="", flush=True)
    _run_wrk(url, args.warmup, args)
    output = _run_wrk(url, args.duration, args, "--script", str(WRK_REPORT))
    line = next(line for line in output.splitlines() if line.startswith(_WRK_MARKER))
    report = json.loads(line.removeprefix(_WRK_MARKER))
    latency_ms = {k: v / 1000 for k, v in report["latency_us"].items()}
    measurement = Measurement(
        server=server.name,
        path=path,
        requests=report["requests"],
        errors=report["errors"],
        requests_per_s=report["requests"] / (report["duration_us"] / 1e6),
        p50_ms=latency_ms["p50"],
        p90_ms=latency_ms["p90"],
        p99_ms=latency_ms["p99"],
        max_ms=latency_ms["max"],
    )
    print(f" {measurement.requests_per_s:,.0f} req/s")
    return measurement


def _ratios(measurements: list[Measurement]) -> dict[str, float]:
    """real ÷ bare requests per second, per path."""
    rate = {(m.server, m.path): m.requests_per_s for m in measurements}
    paths = dict.fromkeys(m.path for m in measurements)
    # 0 when the bare app answered nothing in time (every request past wrk's timeout)
    return {
        path: rate["real", path] / rate["bare", path] if rate["bare", path] else 0.0
        for path in paths
    }


def _print_table(measurements: list[Measurement], ratios: dict[str, float]) -> None:
    print(f"\n{'target':<44}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for m in measurements:
        print(
            f"{m.server + ' ' + m.path:<44}{m.requests_per_s:>9,.0f}"
            f"{m.p50_ms:>9.1f}{m.p90_ms:>9.1f}{m.p99_ms:>9.1f}{m.errors:>8}"
        )
    print()
    for path, ratio in ratios.items():
        print(f"real/bare {path:<34}{ratio:>9.0%}")


def _first_line(command: list[str]) -> str:
    """The first line ``command`` prints (a version, a commit), or ``"unknown"``."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    lines = (done.stdout + done.stderr).splitlines()
    return lines[0] if lines else "unknown"


def _write_results(results: dict[str, Any]) -> Path:
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS_DIR / f"storefront-{stamp}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return path


def _machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[0],
        "platform": platform.platform(),
        "python": platform.python_version(),
        "wrk": _first_line(["wrk", "--version"]),
        "commit": _first_line(["git", "-C", str(BENCH_DIR), "rev-parse", "HEAD"]),
    }


def _announce(args: argparse.Namespace, machine: dict[str, Any]) -> None:
    print(
        f"Measuring {args.warmup} s warm-up + {args.duration} s per target, "
        f"{args.connections} connections, {args.threads} wrk thread(s); wrk and the servers "
        f"share this machine's {machine['cpus']} CPU(s)."
    )
    if machine["load_average"] >= 1:
        print(
            f"Note: the load average was {machine['load_average']:.1f} before the run; other "
            "processes compete for the CPUs and the figures will be noisy."
        )


def _benchmark(args: argparse.Namespace, workdir: Path, stack: ExitStack) -> dict[str, Any]:
    """Seed, serve both apps, check they agree, measure; the results as JSON data."""
    machine = _machine()
    if args.database_url:
        database_url = args.database_url
    else:
        _seed(workdir)
        database_url = f"sqlite://{workdir / DATABASE_FILE}"
    category = _category(database_url, args.category)
    agency = _query(database_url, _AGENCY_SQL, {})
    item = _query(database_url, _ITEM_SQL, {})
    paths = ["/", f"/categories/{category}", f"/agencies/{agency}", f"/services/{item}"]
    paths.append(f"/search?{SEARCH_QUERY}")
    if args.no_category:
        paths.remove(f"/categories/{category}")
    agency_path = f"/agencies/{agency}"
    env = _embedded_env({"DATABASE_URL": database_url})
    bare_env = env | {
        "BARE_AGENCY_ID": str(agency),
        "BARE_ITEM_ID": str(item),
        "BARE_SEARCH": SEARCH_QUERY,
    }
    real = _start_server("real", _REAL_APP, workdir, stack, env)
    bare = _start_server("bare", _BARE_APP, workdir, stack, bare_env)
    print("Response bodies:")
    bodies = [_compare_bodies(real, bare, path) for path in paths]
    _announce(args, machine)
    # Each page on both apps back to back: a change in background load hits both alike.
    measurements = [_measure(server, path, args) for path in paths for server in (real, bare)]
    ratios = _ratios(measurements)
    scaling = None
    if args.workers > 1:
        _stop(real)  # its CPU is the many-worker server's now
        many = _start_server(f"real×{args.workers}", _REAL_APP, workdir, stack, env, args.workers)
        one = next(m for m in measurements if m.server == "real" and m.path == agency_path)
        measurements.append(_measure(many, agency_path, args))
        scaling = measurements[-1].requests_per_s / one.requests_per_s
    _print_table(measurements, ratios)
    met = all(ratio >= TARGET_RATIO for ratio in ratios.values())
    for path, ratio in ratios.items():
        verdict = "PASS" if ratio >= TARGET_RATIO else "FAIL"
        print(f"target: {path} ≥ {TARGET_RATIO:.0%} of bare: {verdict} ({ratio:.0%})")
    if scaling is not None:
        verdict = "PASS" if scaling >= WORKERS_TARGET else "FAIL"
        print(
            f"target: agency page with {args.workers} workers ≥ {WORKERS_TARGET} × one "
            f"worker's: {verdict} ({scaling:.2f} ×)"
        )
        met = met and scaling >= WORKERS_TARGET
    return {
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": vars(args) | {"category": category, "agency": agency, "item": item},
        "machine": machine,
        "bodies": bodies,
        "measurements": [asdict(m) for m in measurements],
        "real_over_bare": ratios,
        "workers_scaling": scaling,
        "target": {"pages": paths, "ratio": TARGET_RATIO, "met": met},
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is not installed; install it with: apt-get install -y wrk", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _raise_system_exit)  # stop the servers on kill too
    try:
        with ExitStack() as stack:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-")))
            results = _benchmark(args, workdir, stack)
    except KeyboardInterrupt:
        print("\ninterrupted; the servers are stopped", file=sys.stderr)
        return 130
    print(f"Results: {_write_results(results)}")
    return 0 if results["target"]["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
