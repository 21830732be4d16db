"""A marketplace at a province's scale, generated from a seed, for the benchmarks.

What it makes
    On top of the demo catalogue (``seed_demo``: the twenty categories, 40 agencies and
    their listings), at ``--scale 1``: 4,000 agencies, 100,000 published service items,
    20,000 enterprises with one user each, 1,000,000 orders placed over the three years
    before ``--today``, about 500,000 ratings and 20,000 complaints; and the running
    aggregates the pages read (``PromiseBucket`` through ``promise.recount()``,
    ``RatingStat`` through ``recount_ratings()``, the statistics' ``OrderMonth`` through
    ``orders.monthly.recount()``). Every count is multiplied by ``--scale``
    (``--scale 0.01`` for a quick run). The same seed and sizes give the same rows.

    Orders are consistent with the state machine: an order placed long enough ago has run
    its course (declined, cancelled, completed or rated); a recent one is in the state its
    timeline reaches on ``--today`` (placed, in service, waiting for materials, delivered).
    Acceptance days and deadlines are working days of the official calendar, a deadline is
    the time limit plus the paused working days after acceptance, and a delivered order
    carries ``days_used`` and ``on_time`` exactly as ``clock_of`` computes them. Order
    events, messages and files are not generated (no list page reads them).

How it is fast
    The database is migrated and the demo loaded through the application; everything
    after that is written in bulk with the driver itself: ``executemany`` in one
    transaction on SQLite, ``COPY`` (``copy_records_to_table``) on PostgreSQL. Ids are
    assigned here, and PostgreSQL's sequences are moved past them at the end.

How to run (the database must be empty or absent)::

    .venv/bin/python benchmarks/generate.py --database-url sqlite:///tmp/scale.sqlite3
    .venv/bin/python benchmarks/generate.py --scale 0.1 \\
        --database-url postgres://postgres@127.0.0.1:5432/scale

Every generated user's password is ``GENERATED_PASSWORD``; enterprise users are
``buyer<N>@generated.example``, one staff account per agency ``agency<N>@generated.example``.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import datetime as dt
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tortoise import Tortoise

from marketplace.core.database import migrate, tortoise_config
from marketplace.core.workdays import WorkCalendar

__all__ = ["GENERATED_PASSWORD", "Sizes", "generate"]

GENERATED_PASSWORD = "generated password"
BEIJING = dt.timezone(dt.timedelta(hours=8))
YEARS = 3
FULL = {
    "agencies": 4_000,
    "items": 100_000,
    "enterprises": 20_000,
    "orders": 1_000_000,
    "ratings": 500_000,
    "complaints": 20_000,
}
_BATCH = 20_000  # rows per executemany / COPY


@dataclass(frozen=True, slots=True)
class Sizes:
    agencies: int
    items: int
    enterprises: int
    orders: int
    ratings: int
    complaints: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        return cls(**{name: max(2, round(count * scale)) for name, count in FULL.items()})


class _Days:
    """The official working-day calendar over a span, as arrays: O(1) per question.

    Answers exactly what ``WorkCalendar.add_working_days`` and ``working_days_between``
    answer (checked on a sample at startup), a million times faster than day by day.
    """

    def __init__(self, first: dt.date, last: dt.date) -> None:
        calendar = WorkCalendar()
        self.first = first
        self.workdays: list[dt.date] = []
        self.upto: list[int] = []  # working days <= first + i
        day = first
        while day <= last:
            if calendar.is_workday(day):
                self.workdays.append(day)
            self.upto.append(len(self.workdays))
            day += dt.timedelta(days=1)
        rng = random.Random(0)
        for _ in range(200):
            start = first + dt.timedelta(days=rng.randrange(30, 600))
            count = rng.randrange(0, 60)
            end = start + dt.timedelta(days=rng.randrange(0, 90))
            assert self.add(start, count) == calendar.add_working_days(start, count)
            assert self.between(start, end) == calendar.working_days_between(start, end)

    def _upto(self, day: dt.date) -> int:
        return self.upto[(day - self.first).days]

    def add(self, start: dt.date, count: int) -> dt.date:
        return start if count == 0 else self.workdays[self._upto(start) + count - 1]

    def between(self, start: dt.date, end: dt.date) -> int:
        return self._upto(end) - self._upto(start) if end > start else 0


# --- writing -----------------------------------------------------------------------


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


class _Writer:
    """Bulk inserts into one database, in the driver's fastest form."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = url.startswith(("postgres://", "postgresql://", "asyncpg://"))
        self.pg: Any = None
        self.lite: sqlite3.Connection | None = None
        self.rows_written = 0

    async def open(self) -> None:
        if self.postgres:
            import asyncpg

            dsn = "postgresql://" + self.url.split("://", 1)[1]
            self.pg = await asyncpg.connect(dsn)
        else:
            self.lite = sqlite3.connect(self.url.split("://", 1)[1])
            self.lite.execute("PRAGMA synchronous = OFF")
            self.lite.execute("PRAGMA journal_mode = MEMORY")
            self.lite.execute("BEGIN")

    async def scalar(self, sql: str) -> Any:
        if self.pg is not None:
            return await self.pg.fetchval(sql)
        assert self.lite is not None
        return self.lite.execute(sql).fetchone()[0]

    async def rows(self, sql: str) -> list[tuple[Any, ...]]:
        if self.pg is not None:
            return [tuple(r) for r in await self.pg.fetch(sql)]
        assert self.lite is not None
        return self.lite.execute(sql).fetchall()

    async def insert(
        self, table: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
    ) -> None:
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                await self._flush(table, columns, batch)
                batch = []
        if batch:
            await self._flush(table, columns, batch)

    async def _flush(
        self, table: str, columns: Sequence[str], batch: list[tuple[Any, ...]]
    ) -> None:
        try:
            await self._write(table, columns, batch)
        except BaseException:
            # a refused batch ends the run: leave no connection open behind it
            if self.pg is not None:
                await self.pg.close()
            elif self.lite is not None:
                self.lite.close()
            raise

    async def _write(
        self, table: str, columns: Sequence[str], batch: list[tuple[Any, ...]]
    ) -> None:
        self.rows_written += len(batch)
        if self.pg is not None:
            records = [
                tuple(
                    json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                    for v in r
                )
                for r in batch
            ]
            await self.pg.copy_records_to_table(table, records=records, columns=list(columns))
            return
        assert self.lite is not None
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        self.lite.executemany(
            f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
            [tuple(_sqlite_value(v) for v in r) for r in batch],
        )

    async def close(self, tables: Sequence[str]) -> None:
        if self.pg is not None:
            for table in tables:
                await self.pg.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'(SELECT COALESCE(MAX(id), 1) FROM "{table}"))'
                )
                await self.pg.execute(f'ANALYZE "{table}"')
            await self.pg.close()
        elif self.lite is not None:
            self.lite.execute("COMMIT")
            self.lite.execute("ANALYZE")
            self.lite.close()


# --- the rows ----------------------------------------------------------------------


@dataclass
class _Item:
    id: int
    version_id: int
    agency_id: int
    time_limit_days: int
    base: str | None
    low_fen: int
    high_fen: int


def _credit_code(rng: random.Random, serial: int) -> str:
    # 18 characters, unique by the serial; only stored here, never validated
    return f"91{rng.randrange(10**6):06d}G{serial:09d}"


async def _templates() -> list[dict[str, Any]]:
    from marketplace.catalog.fees import estimate_fee, parse_fee_standard
    from marketplace.catalog.models import ServiceItem

    templates = []
    for item in await ServiceItem.all().order_by("id"):
        standard = parse_fee_standard(item.fee_standard)
        base = "5000" if standard.needs_base else None
        quote = estimate_fee(standard, Decimal(base) if base else None)
        templates.append(
            {
                "category_id": item.category_id,
                "title": item.title,
                "scope": item.scope,
                "content": item.content,
                "legal_basis": item.legal_basis,
                "fee_basis": item.fee_basis,
                "fee_type": item.fee_type,
                "fee_standard": item.fee_standard,
                "time_limit_days": item.time_limit_days,
                "commitments": item.commitments,
                "base": base,
                "low_fen": quote.low_fen,
                "high_fen": quote.high_fen,
            }
        )
    return templates


async def generate(
    url: str, sizes: Sizes, *, seed: int, today: dt.date, media_dir: Path | None = None
) -> dict[str, int]:
    """Fill the empty database at ``url``; the number of rows written per table.

    ``media_dir`` receives the demo catalogue's certificate files (default: a new
    temporary folder)."""
    from marketplace.accounts.services import hash_password
    from marketplace.catalog.demo import seed_demo

    await migrate(url)
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    try:
        media = media_dir or Path(tempfile.mkdtemp(prefix="marketplace-generate-"))
        if not await seed_demo(media_dir=media):
            raise SystemExit("The database is not empty: generate into a new one.")
        templates = await _templates()
    finally:
        await Tortoise.close_connections()

    rng = random.Random(seed)
    first_day = today - dt.timedelta(days=365 * YEARS)
    days = _Days(first_day - dt.timedelta(days=10), today + dt.timedelta(days=400))
    now = dt.datetime.combine(today, dt.time(18), BEIJING)
    password_hash = hash_password(GENERATED_PASSWORD)
    writer = _Writer(url)
    await writer.open()
    counts: dict[str, int] = {}

    async def next_id(table: str) -> int:
        return int(await writer.scalar(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')) + 1

    # agencies, one staff account each, two qualifications each
    agency0 = await next_id("agency")
    user_id = await next_id("user")
    role_id = await next_id("user_role")
    agency_ids = list(range(agency0, agency0 + sizes.agencies))
    suspended = set(rng.sample(agency_ids, max(1, len(agency_ids) // 100)))
    cities = [
        "南京市",
        "苏州市",
        "无锡市",
        "常州市",
        "南通市",
        "盐城市",
        "扬州市",
        "徐州市",
        "泰州市",
    ]
    await writer.insert(
        "agency",
        [
            "id",
            "name",
            "name_en",
            "credit_code",
            "legal_representative",
            "address",
            "city",
            "is_local",
            "phone",
            "established_on",
            "staff_count",
            "description",
            "status",
            "admission_route",
            "admitted_on",
            "created_at",
            "updated_at",
            "orders_suspended_until",
        ],
        (
            (
                a,
                f"{cities[a % len(cities)][:-1]}第{a}号技术服务有限公司",
                f"Generated Technical Services No. {a} Co., Ltd.",
                _credit_code(rng, a),
                "张三",
                f"{cities[a % len(cities)]}示范路{a}号",
                cities[a % len(cities)],
                a % 3 != 0,
                "025-88880000",
                dt.date(2000 + a % 20, 1 + a % 12, 1 + a % 28),
                5 + a % 200,
                "提供咨询、评估、检测等中介服务。",
                "suspended" if a in suspended else "admitted",
                "merit",
                first_day - dt.timedelta(days=30),
                now - dt.timedelta(days=365 * YEARS + 30),
                now - dt.timedelta(days=365 * YEARS + 30),
                today + dt.timedelta(days=60) if a in suspended else None,
            )
            for a in agency_ids
        ),
    )
    qualification0 = await next_id("qualification")
    await writer.insert(
        "qualification",
        [
            "id",
            "name",
            "grade",
            "certificate_no",
            "issuer",
            "expires_on",
            "agency_id",
            "certificate_sha256",
            "certificate_name",
        ],
        (
            (
                qualification0 + 2 * n + k,
                ["工程咨询单位资信", "检验检测机构资质认定"][k],
                "乙",
                f"GEN-{a}-{k}",
                "江苏省市场监督管理局",
                today + dt.timedelta(days=400 + a % 700),
                a,
                "",
                "",
            )
            for n, a in enumerate(agency_ids)
            for k in (0, 1)
        ),
    )
    staff_users = [(user_id + n, a) for n, a in enumerate(agency_ids)]
    await writer.insert(
        "user",
        [
            "id",
            "email",
            "name",
            "phone",
            "password_hash",
            "is_active",
            "created_at",
            "agency_id",
            "enterprise_id",
        ],
        (
            (
                u,
                f"agency{a}@generated.example",
                f"机构员工{a}",
                "",
                password_hash,
                True,
                now - dt.timedelta(days=1100),
                a,
                None,
            )
            for u, a in staff_users
        ),
    )
    user_id += len(staff_users)

    # enterprises, one buyer each
    enterprise0 = await next_id("enterprise")
    enterprise_ids = list(range(enterprise0, enterprise0 + sizes.enterprises))
    await writer.insert(
        "enterprise",
        ["id", "name", "credit_code", "contact_person", "phone", "created_at"],
        (
            (
                e,
                f"生成企业{e}有限公司",
                _credit_code(rng, 10**8 + e),
                "李四",
                "13800000000",
                now - dt.timedelta(days=1100),
            )
            for e in enterprise_ids
        ),
    )
    buyer_of = {e: user_id + n for n, e in enumerate(enterprise_ids)}
    await writer.insert(
        "user",
        [
            "id",
            "email",
            "name",
            "phone",
            "password_hash",
            "is_active",
            "created_at",
            "agency_id",
            "enterprise_id",
        ],
        (
            (
                u,
                f"buyer{e}@generated.example",
                f"采购员{e}",
                "",
                password_hash,
                True,
                now - dt.timedelta(days=1100),
                None,
                e,
            )
            for e, u in buyer_of.items()
        ),
    )
    user_id += len(buyer_of)
    roles = [(u, "agency") for u, _ in staff_users] + [(u, "enterprise") for u in buyer_of.values()]
    await writer.insert(
        "user_role",
        ["id", "role", "granted_at", "user_id"],
        (
            (role_id + n, role, now - dt.timedelta(days=1100), u)
            for n, (u, role) in enumerate(roles)
        ),
    )

    # service items, each with its published version 1
    item0 = await next_id("service_item")
    version0 = await next_id("service_item_version")
    items: list[_Item] = []
    item_rows = []
    version_rows = []
    published = dt.datetime.combine(first_day - dt.timedelta(days=20), dt.time(9), BEIJING)
    for n in range(sizes.items):
        t = templates[rng.randrange(len(templates))]
        agency = agency_ids[rng.randrange(len(agency_ids))]
        limit = max(3, t["time_limit_days"] + rng.randrange(-3, 4))
        item_id, version_id = item0 + n, version0 + n
        title = t["title"]
        text = (
            title,
            t["scope"],
            t["content"],
            t["legal_basis"],
            t["fee_basis"],
            t["fee_type"],
            t["fee_standard"],
            limit,
            t["commitments"],
        )
        item_rows.append(
            (
                item_id,
                *text,
                "published",
                1,
                published,
                published,
                published,
                agency,
                t["category_id"],
            )
        )
        version_rows.append((version_id, 1, *text, published, item_id))
        items.append(
            _Item(item_id, version_id, agency, limit, t["base"], t["low_fen"], t["high_fen"])
        )
    text_columns = [
        "title",
        "scope",
        "content",
        "legal_basis",
        "fee_basis",
        "fee_type",
        "fee_standard",
        "time_limit_days",
        "commitments",
    ]
    await writer.insert(
        "service_item",
        [
            "id",
            *text_columns,
            "status",
            "version",
            "published_at",
            "created_at",
            "updated_at",
            "agency_id",
            "category_id",
        ],
        item_rows,
    )
    await writer.insert(
        "service_item_version",
        ["id", "version", *text_columns, "published_at", "item_id"],
        version_rows,
    )
    del item_rows, version_rows

    # orders: a few items are ordered far more than most (weights ~ 1/rank)
    order0 = await next_id("service_order")
    weights = [1.0 / (rank + 10) for rank in range(len(items))]
    ranked = items[:]
    rng.shuffle(ranked)
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    span_days = (today - first_day).days
    placed_days = sorted(
        first_day + dt.timedelta(days=rng.randrange(span_days + 1)) for _ in range(sizes.orders)
    )
    rate_share = min(1.0, sizes.ratings / (sizes.orders * 0.88))
    order_rows = []
    rating_rows = []
    buckets: dict[tuple[str, int, int, bool], int] = {}
    finished: list[tuple[int, int, int, int, dt.date]] = []  # order, agency, enterprise, user, done
    rating0 = await next_id("rating")
    comments = ["按时交付，报告规范。", "沟通顺畅，收费合理。", "资料要求说明清楚。", ""]
    for n, placed_on in enumerate(placed_days):
        order_id = order0 + n
        item = ranked[bisect.bisect_left(cumulative, rng.random() * total)]
        enterprise = enterprise_ids[rng.randrange(len(enterprise_ids))]
        placed_at = dt.datetime.combine(
            placed_on, dt.time(8 + rng.randrange(10), rng.randrange(60)), BEIJING
        )
        fate = rng.random()
        answer_on = days.add(placed_on, 1 + rng.randrange(2))
        state = "placed"
        version = 0
        accepted_on = deadline = delivered_on = completed_on = paused_since = None
        paused_days = 0
        days_used: int | None = None
        on_time: bool | None = None
        rated_at = None
        if fate < 0.06:
            if answer_on <= today:
                state, version = ("declined" if fate < 0.03 else "cancelled"), 1
        elif answer_on <= today:
            accepted_on = answer_on
            state, version = "in_service", 1
            pause = rng.randrange(1, 6) if rng.random() < 0.15 else 0
            late = rng.random() < 0.12
            work = (
                item.time_limit_days + rng.randrange(1, 6)
                if late
                else max(1, round(item.time_limit_days * rng.uniform(0.3, 1.0)))
            )
            deliver_on = days.add(accepted_on, work + pause)
            if deliver_on > today:
                deadline = days.add(accepted_on, item.time_limit_days)
                if pause and rng.random() < 0.5:
                    state, version = "awaiting_materials", 2
                    paused_since = min(days.add(accepted_on, 1), today)
            else:
                paused_days = pause
                deadline = days.add(accepted_on, item.time_limit_days + paused_days)
                delivered_on = deliver_on
                days_used = days.between(accepted_on, delivered_on) - paused_days
                on_time = delivered_on <= deadline
                state, version = "delivered", 2 + 2 * (pause > 0)
                key_a = ("agency", item.agency_id, days_used, on_time)
                key_i = ("item", item.id, days_used, on_time)
                buckets[key_a] = buckets.get(key_a, 0) + 1
                buckets[key_i] = buckets.get(key_i, 0) + 1
                done_on = days.add(delivered_on, 1 + rng.randrange(5))
                if done_on <= today:
                    completed_on = done_on
                    state, version = "completed", version + 1
                    finished.append(
                        (order_id, item.agency_id, enterprise, buyer_of[enterprise], done_on)
                    )
                    rate_on = done_on + dt.timedelta(days=rng.randrange(4))
                    if (
                        len(rating_rows) < sizes.ratings
                        and rate_on <= today
                        and rng.random() < rate_share
                    ):
                        state, version = "rated", version + 1
                        rated_at = dt.datetime.combine(
                            rate_on, dt.time(10 + rng.randrange(8)), BEIJING
                        )
                        base_score = 5 if rng.random() < 0.6 else rng.randrange(2, 6)
                        scores = [
                            max(1, min(5, base_score - (rng.random() < 0.2))) for _ in range(5)
                        ]
                        rating_rows.append(
                            (
                                rating0 + len(rating_rows),
                                *scores,
                                comments[rng.randrange(len(comments))],
                                rated_at,
                                False,
                                "",
                                item.agency_id,
                                enterprise,
                                item.id,
                                order_id,
                            )
                        )
        updated = rated_at or (
            dt.datetime.combine(
                completed_on or delivered_on or accepted_on or placed_on, dt.time(17), BEIJING
            )
        )
        order_rows.append(
            (
                order_id,
                f"{placed_on:%y%m%d}-{order_id:05d}",
                f"generated-{order_id}",
                f"生成项目{order_id}",
                f"{placed_on:%y%m}-320902-04-01-{order_id % 10**6:06d}",
                item.base,
                item.low_fen,
                item.high_fen,
                "",
                state,
                version,
                item.time_limit_days,
                accepted_on,
                paused_since,
                paused_days,
                deadline,
                delivered_on,
                completed_on,
                "unpaid",
                "",
                placed_at,
                max(updated, placed_at),
                item.agency_id,
                enterprise,
                item.id,
                item.version_id,
                buyer_of[enterprise],
                days_used,
                on_time,
            )
        )
        if len(order_rows) >= _BATCH:
            await _write_orders(writer, order_rows)
            order_rows = []
    await _write_orders(writer, order_rows)
    counts["service_order"] = sizes.orders
    await writer.insert(
        "rating",
        [
            "id",
            "quality",
            "timeliness",
            "attitude",
            "fee_compliance",
            "conduct",
            "comment",
            "created_at",
            "comment_hidden",
            "hidden_reason",
            "agency_id",
            "enterprise_id",
            "item_id",
            "order_id",
        ],
        rating_rows,
    )
    counts["rating"] = len(rating_rows)
    del rating_rows

    # complaints: most about finished orders (answered or closed), the newest still open
    complaint0 = await next_id("complaint")
    topics = ["overdue", "fees", "quality", "attitude", "conduct", "other"]
    complaint_rows = []
    for n in range(sizes.complaints):
        cid = complaint0 + n
        order_id, agency, enterprise, lodger, done_on = finished[rng.randrange(len(finished))]
        received = min(today, days.add(done_on, rng.randrange(1, 10)))
        if rng.random() < 0.3:
            order_id = None  # about the agency
        due = days.add(received, 5)
        state, answered_on, answered_at, satisfied = "open", None, None, None
        answered = days.add(received, 1 + rng.randrange(7))
        if answered <= today:
            state, answered_on = "answered", answered
            answered_at = dt.datetime.combine(answered, dt.time(15), BEIJING)
            if rng.random() < 0.8:
                state, satisfied = "closed", rng.random() < 0.85
        complaint_rows.append(
            (
                cid,
                f"TS{received:%y%m%d}-{cid:05d}",
                None,
                f"generated-complaint-{cid}",
                topics[rng.randrange(len(topics))],
                "服务过程中存在问题，请核查。",
                state,
                received,
                due,
                "已核实并责令整改。" if answered_on else "",
                "",
                answered_on,
                answered_at,
                satisfied,
                "",
                None,
                1 if answered_on else 0,
                dt.datetime.combine(received, dt.time(9), BEIJING),
                agency,
                None,
                enterprise,
                lodger,
                order_id,
            )
        )
    await writer.insert(
        "complaint",
        [
            "id",
            "number",
            "open_on_order",
            "idempotency_key",
            "topic",
            "description",
            "state",
            "received_on",
            "due_on",
            "answer",
            "outcome",
            "answered_on",
            "answered_at",
            "satisfied",
            "feedback",
            "feedback_at",
            "version",
            "created_at",
            "agency_id",
            "answered_by_id",
            "enterprise_id",
            "lodged_by_id",
            "order_id",
        ],
        complaint_rows,
    )
    counts["complaint"] = len(complaint_rows)

    # the running aggregates, as promise.recount() would rebuild them (the demo has none)
    await writer.insert(
        "promise_bucket",
        ["scope", "scope_id", "days_used", "on_time", "orders"],
        ((scope, sid, d, kept, c) for (scope, sid, d, kept), c in buckets.items()),
    )
    counts["promise_bucket"] = len(buckets)
    counts["agency"], counts["service_item"] = sizes.agencies, sizes.items
    counts["enterprise"], counts["user"] = sizes.enterprises, len(roles)
    await writer.close(
        [
            "agency",
            "qualification",
            "user",
            "user_role",
            "enterprise",
            "service_item",
            "service_item_version",
            "service_order",
            "rating",
            "complaint",
            "promise_bucket",
        ]
    )

    # the rating sums through the application's own rebuild
    from marketplace.orders import monthly
    from marketplace.ratings.services import recount_ratings

    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    try:
        await recount_ratings()
        await monthly.recount()  # the statistics' monthly figures
    finally:
        await Tortoise.close_connections()
    return counts


async def _write_orders(writer: _Writer, rows: list[tuple[Any, ...]]) -> None:
    await writer.insert(
        "service_order",
        [
            "id",
            "number",
            "idempotency_key",
            "project_name",
            "project_code",
            "base_amount",
            "quoted_low_fen",
            "quoted_high_fen",
            "note",
            "state",
            "version",
            "time_limit_days",
            "accepted_on",
            "paused_since",
            "paused_days",
            "deadline",
            "delivered_on",
            "completed_on",
            "payment_status",
            "payment_method",
            "created_at",
            "updated_at",
            "agency_id",
            "enterprise_id",
            "item_id",
            "item_version_id",
            "placed_by_id",
            "days_used",
            "on_time",
            "fee_factors",
        ],
        [(*row, "{}") for row in rows],  # no adjustment factors chosen
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite://marketplace-scale.sqlite3")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every count")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=dt.date(2026, 11, 30),
        help="the last day of the three years (default 2026-11-30)",
    )
    args = parser.parse_args(argv)
    sizes = Sizes.at(args.scale)
    started = time.perf_counter()
    counts = asyncio.run(generate(args.database_url, sizes, seed=args.seed, today=args.today))
    elapsed = time.perf_counter() - started
    print(json.dumps({"scale": args.scale, "seconds": round(elapsed, 1), "rows": counts}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
