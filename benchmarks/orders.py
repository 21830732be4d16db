"""Order placement throughput on PostgreSQL, through the real HTTP API.

    .venv/bin/python benchmarks/orders.py [--requests 2000] [--concurrency 32] [--workers 1]
        [--rounds 1]

It creates a scratch database on the local PostgreSQL server (BENCH_POSTGRES_URL,
default postgres://postgres@127.0.0.1:5432/postgres), loads the demo catalogue, creates an
enterprise with an API token, starts uvicorn on loopback, and sends ``--requests``
``POST /api/v1/orders`` with distinct Idempotency-Keys from ``--concurrency`` concurrent
connections (httpx, in this process). It reports orders per second and latency
percentiles, checks that exactly that many orders exist, and drops the database. Server
and client share the machine's cores; the numbers are for comparing changes, not a
capacity promise.

In the same run, on the same database, ``benchmarks/bare_orders.py`` serves the same
endpoint as bare asyncpg in one transaction (the same rows written, no ORM, no
middleware): the ceiling. ``real_over_bare`` is the real API's orders per second as a
fraction of it; the target is 50 % or more. With ``--rounds N`` the two take N turns
each, ``--requests / N`` orders a turn, so that the load of a shared machine, which
changes over a run, weighs on both alike.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx

ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 0.5

_SETUP = """
import asyncio
from tortoise import Tortoise
from marketplace.accounts import services
from marketplace.core.database import tortoise_config
from marketplace.core.settings import Settings
from tests.factories import credit_code

async def main():
    url = Settings.from_env().database_url
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    user = await services.register_enterprise(
        company_name="压测企业有限公司", credit_code=credit_code("91320902MA1BE000"),
        contact_person="压测", phone="13900003333", email="bench@example.com",
        password="bench password 1")
    print((await services.create_api_token(user, name="bench")).secret)
    await Tortoise.close_connections()

asyncio.run(main())
"""


def _dsn(url: str) -> str:
    return "postgresql://" + url.split("://", 1)[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(app: str, env: dict[str, str], workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """uvicorn serving ``app`` on a free loopback port, once it answers /healthz."""
    port = _free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", app, "--factory", "--host", "127.0.0.1"),
            *("--port", str(port), "--log-level", "warning", "--workers", str(workers)),
        ],
        env=env,
        cwd=ROOT,
    )
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    return server, base_url


def _cpu_s(pid: int) -> float:
    """CPU seconds (user and system) used so far by process ``pid`` and its children
    alive now (uvicorn's workers), from /proc (Linux; 0 elsewhere): the server's own
    work, which a busy machine's other processes inflate much less than the wall clock."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    ticks = sum(int(field) for field in stat.rsplit(")", 1)[1].split()[11:13])
    return ticks / os.sysconf("SC_CLK_TCK") + sum(_cpu_s(int(child)) for child in children)


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


async def _fire(
    base_url: str, token: str, item_id: int, total: int, concurrency: int, prefix: str
) -> tuple[float, list[float], list[int]]:
    latencies: list[float] = []
    statuses: list[int] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(total):
        queue.put_nowait(n)
    body = {
        "item_id": item_id,
        "project_name": "压测项目",
        "project_code": "2503-320902-89-01-000001",
        "base": "3000",
    }
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:

        async def worker() -> None:
            while not queue.empty():
                n = queue.get_nowait()
                started = time.perf_counter()
                response = await client.post(
                    "/api/v1/orders",
                    json=body,
                    headers={
                        "Authorization": f"Bearer {token}",
                        "Idempotency-Key": f"{prefix}-{n:08d}",
                    },
                )
                latencies.append((time.perf_counter() - started) * 1000)
                statuses.append(response.status_code)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return elapsed, latencies, statuses


@dataclass
class _Side:
    """One server of the comparison and what its turns measured, added up."""

    pid: int
    url: str
    prefix: str  # of its orders' idempotency keys
    elapsed: float = 0.0
    cpu: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)

    async def run(self, token: str, item_id: int, share: int, concurrency: int, turn: int) -> None:
        used = _cpu_s(self.pid)
        took, waits, answers = await _fire(
            self.url, token, item_id, share, concurrency, f"{self.prefix}{turn}"
        )
        self.cpu += _cpu_s(self.pid) - used
        self.elapsed += took
        self.latencies += waits
        self.statuses += answers


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="alternate the real and the bare endpoint this many times, a share each",
    )
    args = parser.parse_args()

    load_at_start = os.getloadavg()[0]
    name = f"mp_bench_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(_dsn(ADMIN_URL))
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    url = ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench", "PYTHONPATH": str(ROOT)}
    env.pop("REDIS_URL", None)
    server = None
    try:
        subprocess.run(
            [sys.executable, "-m", "marketplace.cli", "seed-demo", "--no-activity"],
            env=env,
            check=True,
            cwd=ROOT,
        )
        token = subprocess.run(
            [sys.executable, "-c", _SETUP],
            env=env,
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        server, base_url = _serve("marketplace.app:create_app", env, args.workers)
        item_id = 1
        # a short warm-up with its own keys, not counted
        await _fire(base_url, token, item_id, 50, 8, "warmup")
        check = await asyncpg.connect(_dsn(url))
        quote = await check.fetchrow(
            "SELECT quoted_low_fen, quoted_high_fen FROM service_order ORDER BY id LIMIT 1"
        )
        # the ceiling, on the same database, serving alongside
        bare_env = env | {"BARE_QUOTE": f"{quote[0]},{quote[1]}"}
        bare, bare_url = _serve("benchmarks.bare_orders:create_app", bare_env, args.workers)
        try:
            await _fire(bare_url, token, item_id, 50, 8, "bare-warmup")
            real, ceiling = _Side(server.pid, base_url, "bench"), _Side(bare.pid, bare_url, "bare")
            # in turns, so that a change in the machine's load weighs on both alike
            for turn in range(args.rounds):
                share = args.requests // args.rounds + (turn < args.requests % args.rounds)
                for side in (real, ceiling):
                    await side.run(token, item_id, share, args.concurrency, turn)
        finally:
            bare.terminate()
            bare.wait(timeout=20)
        server.terminate()
        server.wait(timeout=20)
        server = None
        orders = await check.fetchval(
            "SELECT count(*) FROM service_order"
            " WHERE idempotency_key LIKE 'bench%' OR idempotency_key LIKE 'warmup%'"
        )
        await check.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
        admin = await asyncpg.connect(_dsn(ADMIN_URL))
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()

    elapsed, latencies, statuses, cpu = real.elapsed, real.latencies, real.statuses, real.cpu
    bare_elapsed, bare_latencies, bare_statuses = (
        ceiling.elapsed,
        ceiling.latencies,
        ceiling.statuses,
    )
    bare_cpu = ceiling.cpu
    result = {
        "requests": args.requests,
        "concurrency": args.concurrency,
        "uvicorn_workers": args.workers,
        "rounds": args.rounds,
        "orders_per_s": round(args.requests / elapsed, 1),
        "p50_ms": round(_percentile(latencies, 50), 1),
        "p95_ms": round(_percentile(latencies, 95), 1),
        "p99_ms": round(_percentile(latencies, 99), 1),
        # (no statistics.fmean: run as a script, benchmarks/statistics.py shadows it)
        "mean_ms": round(sum(latencies) / len(latencies), 1),
        "server_cpu_ms_per_order": round(cpu / args.requests * 1000, 2),
        "statuses": {str(s): statuses.count(s) for s in sorted(set(statuses))},
        "orders_in_database": orders,
        "bare_orders_per_s": round(args.requests / bare_elapsed, 1),
        "bare_p50_ms": round(_percentile(bare_latencies, 50), 1),
        "bare_p99_ms": round(_percentile(bare_latencies, 99), 1),
        "bare_server_cpu_ms_per_order": round(bare_cpu / args.requests * 1000, 2),
        "bare_statuses": {str(s): bare_statuses.count(s) for s in sorted(set(bare_statuses))},
        "real_over_bare": round(bare_elapsed / elapsed, 3),
        "load_average": os.getloadavg()[0],
        "load_average_at_start": load_at_start,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    ok = orders == args.requests + 50 and set(statuses) == {201} and set(bare_statuses) == {201}
    print("consistency:", "OK" if ok else "MISMATCH")
    met = bare_elapsed / elapsed >= TARGET_RATIO
    print(
        f"target: real ≥ {TARGET_RATIO:.0%} of bare asyncpg: {'PASS' if met else 'FAIL'} "
        f"({bare_elapsed / elapsed:.0%})"
    )
    return 0 if ok and met else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
