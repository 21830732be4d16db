"""The statistics dashboard's computation at 50,000 orders and 20,000 ratings.

What it measures
    A scratch database (SQLite in a temporary folder, and PostgreSQL on the local server
    when it answers at BENCH_POSTGRES_URL, default
    postgres://postgres@127.0.0.1:5432/postgres) is migrated, loaded with the demo
    catalogue (20 categories, 40 agencies), and filled with ``--orders`` orders (default
    50,000) placed over fifteen months, January 2025 to March 2026, by one enterprise,
    across every published item, and ``--ratings`` ratings (default 20,000) on as many of
    the rated orders. The mix of states is fixed (placed 5 %, in service 8 %, delivered
    5 %, completed 27 %, rated 45 %, declined 5 %, cancelled 5 %); accepted orders have
    a deadline from the working-day calendar and delivered ones a delivery day that
    falls before or after it (about one in five late). The rows are written with bulk
    inserts, not through the order services, with a fixed seed.

    Then ``services.dashboard`` runs for the twelve months April 2025 to March 2026, as
    the page computes it, once to warm up and ``--rounds`` times measured (wall clock,
    in this process), and each of its parts is timed on its own as well. The CSV
    export of the categories table is timed too (the dashboard plus writing the CSV).

How to run
    From the repository root::

        .venv/bin/python benchmarks/statistics.py [--orders 50000] [--ratings 20000]
            [--rounds 10] [--backend sqlite|postgres|both]

    With ``--database-url`` it fills nothing: it measures that database as it is (one
    that ``benchmarks/generate.py`` filled, say) for the twelve months up to the month of
    ``--today`` (default 2026-11-30, the generator's), against a target of 1 s::

        .venv/bin/python benchmarks/statistics.py --rounds 5 \
            --database-url postgres://postgres@127.0.0.1:5432/scale

The results are printed and written to ``benchmarks/results/statistics-<timestamp>.json``.
Target: the dashboard under 2 s (median) on each backend, for a back-office page at about
ten times the volume the city expects; the exit status is 0 when it is met, 1 otherwise.
The scratch databases are removed afterwards.

Where the time went: nearly all of it was the on-time rate, which loaded every order
delivered in the period and asked the order clock (``clock_of``) whether it was on time
(1.31 of 1.62 s on SQLite, 0.79 of 0.86 s on PostgreSQL, at 30,750 deliveries). It is now
counted by the database from the stored deadline, which the clock keeps moved on by every
pause, like the other three parts: SQL aggregates.

At the generated scale (333,657 orders in the twelve months) those aggregates still read
a third of the orders and joined each to its item for the category: 8.5 s. The figures
are now kept per category and month as the orders change (``orders.monthly``), and the
dashboard reads those rows: a few hundred whatever the history. Here the bulk-written
rows are counted once by ``orders.monthly.recount()`` (``recount_s``), as the migration
backfills them.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

# Run as a script, this file's folder comes first on sys.path, and this file's name would
# shadow the standard library's ``statistics`` module, which the marketplace imports: take
# the folder off before importing anything that might (and do not import it here).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg  # noqa: E402
from tortoise import Tortoise  # noqa: E402
from tortoise.backends.base.executor import EXECUTOR_CACHE  # noqa: E402

from marketplace.accounts import services as accounts  # noqa: E402
from marketplace.catalog.demo import seed_demo  # noqa: E402
from marketplace.catalog.models import ServiceItem, ServiceItemVersion, ServiceStatus  # noqa: E402
from marketplace.core.calendar import load_calendar  # noqa: E402
from marketplace.core.database import migrate, tortoise_config  # noqa: E402
from marketplace.orders import monthly  # noqa: E402
from marketplace.orders.clock import deadline_for  # noqa: E402
from marketplace.orders.models import Order, OrderState  # noqa: E402
from marketplace.ratings.models import DIMENSIONS, Rating  # noqa: E402
from marketplace.statistics import export, services  # noqa: E402
from marketplace.statistics.services import Month, Period  # noqa: E402
from tests.factories import credit_code  # noqa: E402

ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
RESULTS_DIR = Path(__file__).resolve().parent / "results"
SEED = 20260331
TARGET_MEDIAN_MS = 2000.0
PERIOD = Period(Month(2025, 4), Month(2026, 3))
FIRST_DAY = dt.date(2025, 1, 1)
DAYS = (dt.date(2026, 3, 31) - FIRST_DAY).days + 1
BATCH = 2000
# The share of each final state, in per cent.
STATES = (
    (OrderState.PLACED, 5),
    (OrderState.IN_SERVICE, 8),
    (OrderState.DELIVERED, 5),
    (OrderState.COMPLETED, 27),
    (OrderState.RATED, 45),
    (OrderState.DECLINED, 5),
    (OrderState.CANCELLED, 5),
)
_DELIVERED = {OrderState.DELIVERED, OrderState.COMPLETED, OrderState.RATED}
_ACCEPTED = _DELIVERED | {OrderState.IN_SERVICE}


def _dsn(url: str) -> str:
    return "postgresql://" + url.split("://", 1)[1]


def _beijing(day: dt.date, rng: random.Random) -> dt.datetime:
    """A moment of ``day`` in Beijing time, as the application writes it."""
    seconds = rng.randrange(7 * 3600, 22 * 3600)
    return dt.datetime.combine(day, dt.time(), services.BEIJING) + dt.timedelta(seconds=seconds)


async def _fill(orders: int, ratings: int) -> dict[str, int]:
    rng = random.Random(SEED)
    enterprise = await accounts.register_enterprise(
        company_name="统计压测企业有限公司",
        credit_code=credit_code("91320902MA1TJ0001"),
        contact_person="统计",
        phone="13900004444",
        email="statistics-bench@example.com",
        password="bench password 1",
    )
    assert enterprise.enterprise_id is not None
    items = await ServiceItem.filter(status=ServiceStatus.PUBLISHED).values_list(
        "id", "agency_id", "time_limit_days"
    )
    versions = {
        item_id: version_id
        for version_id, item_id in await ServiceItemVersion.all()
        .order_by("id")
        .values_list("id", "item_id")
    }
    calendar = await load_calendar()
    states = [state for state, share in STATES for _ in range(share)]
    rows: list[Order] = []
    for n in range(orders):
        item_id, agency_id, limit_days = rng.choice(items)
        state = rng.choice(states)
        placed_on = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        order = Order(
            number=f"B{n:011d}",
            enterprise_id=enterprise.enterprise_id,
            placed_by_id=enterprise.id,
            agency_id=agency_id,
            item_id=item_id,
            item_version_id=versions[item_id],
            idempotency_key=f"bench-{n:08d}",
            project_name="压测项目",
            project_code="2503-320902-89-01-000001",
            quoted_low_fen=1_000_000,
            quoted_high_fen=1_000_000,
            state=state,
            time_limit_days=limit_days,
            created_at=_beijing(placed_on, rng),
        )
        if state in _ACCEPTED:
            order.accepted_on = placed_on + dt.timedelta(days=rng.randrange(3))
            order.paused_days = rng.choice((0, 0, 0, 2, 5))
            order.deadline = deadline_for(
                calendar, order.accepted_on, limit_days, order.paused_days
            )
        if state in _DELIVERED:
            assert order.deadline is not None
            spread = max(2, limit_days // 2)
            order.delivered_on = order.deadline + dt.timedelta(days=rng.randint(-spread, 3))
            order.delivered_on = max(order.delivered_on, order.accepted_on or placed_on)
        if state in (OrderState.COMPLETED, OrderState.RATED):
            order.completed_on = order.delivered_on
        rows.append(order)
    for start in range(0, len(rows), BATCH):
        await Order.bulk_create(rows[start : start + BATCH])

    rated = (
        await Order.filter(state=OrderState.RATED)
        .order_by("id")
        .limit(ratings)
        .values_list("id", "agency_id", "item_id", "completed_on")
    )
    new_ratings = []
    for order_id, agency_id, item_id, completed_on in rated:
        scores = {d: rng.choice((3, 4, 4, 5, 5, 5)) for d in DIMENSIONS}
        new_ratings.append(
            Rating(
                order_id=order_id,
                enterprise_id=enterprise.enterprise_id,
                agency_id=agency_id,
                item_id=item_id,
                created_at=_beijing(completed_on + dt.timedelta(days=rng.randrange(10)), rng),
                **scores,
            )
        )
    for start in range(0, len(new_ratings), BATCH):
        await Rating.bulk_create(new_ratings[start : start + BATCH])
    return {"orders": await Order.all().count(), "ratings": await Rating.all().count()}


async def _time(call: Callable[[], Awaitable[Any]], rounds: int) -> dict[str, float]:
    await call()  # warm-up
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        await call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    middle = len(times) // 2
    median = times[middle] if len(times) % 2 else (times[middle - 1] + times[middle]) / 2
    return {
        "median_ms": round(median, 1),
        "min_ms": round(min(times), 1),
        "max_ms": round(max(times), 1),
    }


async def _csv() -> bytes:
    stats = await services.dashboard(period=PERIOD)
    return export.csv_bytes(export.category_rows(stats, "zh"))


async def _run(url: str, args: argparse.Namespace, media_dir: Path) -> dict[str, Any]:
    # Tortoise caches INSERT statements per connection name: forget SQLite's placeholders
    # before PostgreSQL (as tests/conftest.py does)
    EXECUTOR_CACHE.clear()
    started = time.perf_counter()
    await migrate(url)
    assert await seed_demo(media_dir=media_dir)
    backend = url.split(":", 1)[0]
    print(f"{backend}: migrated, demo loaded in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    counts = await _fill(args.orders, args.ratings)
    fill_s = time.perf_counter() - started
    # the rows were written in bulk, not through the services: count their months as the
    # migration's backfill does
    started = time.perf_counter()
    await monthly.recount()
    recount_s = time.perf_counter() - started
    return await _measure(
        args, {**counts, "fill_s": round(fill_s, 1), "recount_s": round(recount_s, 1)}
    )


async def _existing(url: str, args: argparse.Namespace) -> dict[str, Any]:
    """The dashboard on a database filled beforehand (``benchmarks/generate.py``)."""
    global PERIOD
    last = Month.of(args.today)
    PERIOD = Period(last.plus(-11), last)
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    counts = {
        "orders": await Order.all().count(),
        "ratings": await Rating.all().count(),
    }
    return await _measure(args, counts)


async def _measure(args: argparse.Namespace, counts: dict[str, Any]) -> dict[str, Any]:
    stats = await services.dashboard(period=PERIOD)
    result: dict[str, Any] = {
        **counts,
        "period": f"{PERIOD.first} to {PERIOD.last}",
        "in_period": {
            "orders_placed": stats.overall.placed,
            "ended": stats.overall.completion.whole,
            "delivered": stats.overall.on_time.whole,
            "ratings": stats.overall.ratings,
            "categories": len(stats.categories),
        },
        "dashboard": await _time(lambda: services.dashboard(period=PERIOD), args.rounds),
        "parts": {
            "orders_by_month": await _time(lambda: services.orders_by_month(PERIOD), args.rounds),
            "completion_by_category": await _time(
                lambda: services.completion_by_category(PERIOD), args.rounds
            ),
            "on_time_by_category": await _time(
                lambda: services.on_time_by_category(PERIOD), args.rounds
            ),
            "ratings_by_category": await _time(
                lambda: services.ratings_by_category(PERIOD), args.rounds
            ),
            "working_days_by_category": await _time(
                lambda: services.working_days_by_category(PERIOD), args.rounds
            ),
            "agencies_by_category": await _time(services.agencies_by_category, args.rounds),
        },
        "csv_categories": await _time(_csv, args.rounds),
    }
    await Tortoise.close_connections()
    return result


async def _sqlite(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    return await _run(f"sqlite://{folder / 'statistics.sqlite3'}", args, folder / "media")


async def _postgres(args: argparse.Namespace, folder: Path) -> dict[str, Any] | None:
    try:
        admin = await asyncpg.connect(_dsn(ADMIN_URL), timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        print(f"PostgreSQL skipped: not reachable at {ADMIN_URL}: {exc}")
        return None
    name = f"mp_bench_statistics_{uuid.uuid4().hex[:8]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    try:
        return await _run(ADMIN_URL.rsplit("/", 1)[0] + "/" + name, args, folder / "media-pg")
    finally:
        await Tortoise.close_connections()
        admin = await asyncpg.connect(_dsn(ADMIN_URL))
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def _main(args: argparse.Namespace) -> dict[str, Any]:
    backends: dict[str, Any] = {}
    if args.database_url:
        try:
            backend = "postgres" if args.database_url.startswith("postgres") else "sqlite"
            backends[backend] = await _existing(args.database_url, args)
        finally:
            await Tortoise.close_connections()
        return backends
    with tempfile.TemporaryDirectory(prefix="mp-bench-statistics-") as tmp:
        folder = Path(tmp)
        if args.backend in ("sqlite", "both"):
            backends["sqlite"] = await _sqlite(args, folder)
        if args.backend in ("postgres", "both"):
            result = await _postgres(args, folder)
            if result is not None:
                backends["postgres"] = result
    return backends


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=50_000)
    parser.add_argument("--ratings", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument(
        "--database-url",
        help="measure this database as it is (e.g. one benchmarks/generate.py filled) for the "
        "twelve months up to --today's; the target is then 1 s",
    )
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 11, 30))
    args = parser.parse_args(argv)
    target_ms = 1000.0 if args.database_url else TARGET_MEDIAN_MS
    if args.ratings > args.orders * 45 // 100:
        parser.error("--ratings can be at most 45 % of --orders (the rated orders)")

    backends = asyncio.run(_main(args))
    met = all(b["dashboard"]["median_ms"] < target_ms for b in backends.values())
    results = {
        "benchmark": "statistics-dashboard",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "seed": SEED,
        "backends": backends,
        "target_median_ms": target_ms,
        "target_met": met,
    }
    print()
    print(f"{'backend':10} {'measure':26} {'median ms':>10} {'min ms':>8} {'max ms':>8}")
    for backend, result in backends.items():
        rows = {"dashboard": result["dashboard"], **result["parts"]}
        rows["csv (categories)"] = result["csv_categories"]
        for measure, row in rows.items():
            print(
                f"{backend:10} {measure:26} {row['median_ms']:>10.1f} "
                f"{row['min_ms']:>8.1f} {row['max_ms']:>8.1f}"
            )
        print(f"{'':10} in the period: {json.dumps(result['in_period'], ensure_ascii=False)}")
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS_DIR / f"statistics-{stamp}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(
        f"\nwritten to {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}"
    )
    print(f"target (median < {target_ms / 1000:g} s):", "met" if met else "NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
