"""The committed migrations build exactly the schema the models declare, on both backends."""

from __future__ import annotations

from typing import Any

from tortoise import Tortoise, connections
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.migrations.api.migrate import migrate as migrate_api

from marketplace.core.database import tortoise_config
from tests.conftest import init_orm

Schema = dict[str, dict[str, Any]]


async def _introspect_sqlite(conn: Any) -> Schema:
    _, tables = await conn.execute_query(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND name != 'tortoise_migrations'"
    )
    schema: Schema = {}
    for row in tables:
        table = row["name"]
        _, columns = await conn.execute_query(f'PRAGMA table_info("{table}")')
        _, index_list = await conn.execute_query(f'PRAGMA index_list("{table}")')
        indexes = set()
        for index in index_list:
            _, cols = await conn.execute_query(f'PRAGMA index_info("{index["name"]}")')
            indexes.add((tuple(c["name"] for c in cols), bool(index["unique"])))
        _, fks = await conn.execute_query(f'PRAGMA foreign_key_list("{table}")')
        schema[table] = {
            "columns": {c["name"]: (c["type"].upper(), bool(c["notnull"])) for c in columns},
            "indexes": indexes,
            "foreign_keys": {(fk["from"], fk["table"], fk["to"], fk["on_delete"]) for fk in fks},
        }
    return schema


async def _introspect_postgres(conn: Any) -> Schema:
    _, tables = await conn.execute_query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema='public' "
        "AND table_name != 'tortoise_migrations'"
    )
    schema: Schema = {}
    for row in tables:
        table = row["table_name"]
        _, columns = await conn.execute_query(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_schema='public' AND table_name=$1",
            [table],
        )
        _, index_rows = await conn.execute_query(
            "SELECT i.indisunique AS is_unique, array_agg(a.attname ORDER BY k.ord) AS cols "
            "FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
            "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) "
            "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum "
            "WHERE t.relname = $1 GROUP BY i.indexrelid, i.indisunique",
            [table],
        )
        _, fks = await conn.execute_query(
            "SELECT kcu.column_name, ccu.table_name AS ref_table, ccu.column_name AS ref_column, "
            "rc.delete_rule FROM information_schema.referential_constraints rc "
            "JOIN information_schema.key_column_usage kcu "
            "ON kcu.constraint_name = rc.constraint_name "
            "JOIN information_schema.constraint_column_usage ccu "
            "ON ccu.constraint_name = rc.unique_constraint_name WHERE kcu.table_name = $1",
            [table],
        )
        schema[table] = {
            "columns": {
                c["column_name"]: (c["data_type"].upper(), c["is_nullable"] == "NO")
                for c in columns
            },
            "indexes": {(tuple(r["cols"]), r["is_unique"]) for r in index_rows},
            "foreign_keys": {
                (fk["column_name"], fk["ref_table"], fk["ref_column"], fk["delete_rule"])
                for fk in fks
            },
        }
    return schema


async def _schema_of(url: str) -> Schema:
    await init_orm(url)
    try:
        conn = connections.get("default")
        if conn.capabilities.dialect == "postgres":
            return await _introspect_postgres(conn)
        return await _introspect_sqlite(conn)
    finally:
        await Tortoise.close_connections()


async def test_migrated_schema_equals_the_models_schema(databases: Any, backend: str) -> None:
    # given an empty database migrated by the committed migrations,
    # and another whose schema was generated straight from the models
    migrated = await _schema_of(await databases.url(backend, "clean"))
    declared = await _schema_of(await databases.url(backend, "models"))

    # then both have the same tables, columns, indexes, unique constraints and foreign keys
    assert sorted(migrated) == sorted(declared)
    for table in declared:
        assert migrated[table] == declared[table], table

    # and the constraints the catalogue's rules rely on are among them
    assert sorted(migrated) == [
        "admission_application",
        "admission_application_qualification",
        "admission_conflict_declaration",
        "admission_criterion",
        "admission_event",
        "admission_invitation",
        "admission_objection",
        "admission_proposed_item",
        "admission_reviewer",
        "admission_round",
        "admission_round_category",
        "admission_score",
        "agency",
        "agency_professional",
        "api_token",
        "approval_item",
        "category",
        "category_approval_item",
        "complaint",
        "complaint_file",
        "credit_record",
        "credit_record_file",
        "enterprise",
        "holiday",
        "holiday_year",
        "listing_change",
        "notification",
        "order_event",
        "order_file",
        "order_message",
        "order_month",
        "organisation_invitation",
        "outbox_email",
        "outbox_job",
        "password_reset",
        "promise_bucket",
        "purchase_event",
        "purchase_registration",
        "purchase_request",
        "qualification",
        "rating",
        "rating_stat",
        "search_cursor",
        "search_outbox",
        "security_event",
        "service_item",
        "service_item_version",
        "service_order",
        "session",
        "stripe_event",
        "user",
        "user_role",
    ]
    assert (("credit_code",), True) in migrated["agency"]["indexes"]
    assert (("request_id", "agency_id"), True) in migrated["purchase_registration"]["indexes"]
    assert (("receipt",), True) in migrated["purchase_registration"]["indexes"]
    assert (("name",), True) in migrated["agency"]["indexes"]
    assert (("code",), True) in migrated["category"]["indexes"]
    assert (("agency_id", "certificate_no"), True) in migrated["qualification"]["indexes"]
    assert (("item_id", "version"), True) in migrated["service_item_version"]["indexes"]
    assert (("category_id", "status"), False) in migrated["service_item"]["indexes"]
    assert (("agency_id", "status"), False) in migrated["service_item"]["indexes"]
    assert (("email",), True) in migrated["user"]["indexes"]
    assert (("credit_code",), True) in migrated["enterprise"]["indexes"]
    assert (("user_id", "role"), True) in migrated["user_role"]["indexes"]
    assert (("enterprise_id", "idempotency_key"), True) in migrated["service_order"]["indexes"]
    assert (("number",), True) in migrated["service_order"]["indexes"]
    # a certificate is on an agency's register once; an invitation link opens one invitation
    assert (("agency_id", "certificate_no"), True) in migrated["agency_professional"]["indexes"]
    assert (("token_digest",), True) in migrated["organisation_invitation"]["indexes"]
    assert (("event_id",), True) in migrated["stripe_event"]["indexes"]
    assert (("order_id",), True) in migrated["rating"]["indexes"]  # one rating per order
    assert (("day",), True) in migrated["holiday"]["indexes"]
    # a category serves an approval item once; orders keep the approval item they are for
    assert (("category_id", "approval_item_id"), True) in migrated["category_approval_item"][
        "indexes"
    ]
    order_keys = {fk[:3] for fk in migrated["service_order"]["foreign_keys"]}
    assert ("approval_item_id", "approval_item", "id") in order_keys
    # one open complaint per order, one complaint per complaint form
    assert (("open_on_order",), True) in migrated["complaint"]["indexes"]
    assert (("enterprise_id", "idempotency_key"), True) in migrated["complaint"]["indexes"]
    for table in ("session", "password_reset", "api_token"):
        digest_column = "key_digest" if table == "session" else "token_digest"
        assert ((digest_column,), True) in migrated[table]["indexes"], table

    # admission: one application per agency per category per round, one score per
    # reviewer per application per criterion, one declaration per reviewer per round
    admission = {
        "admission_application": ("round_id", "category_id", "agency_id"),
        "admission_score": ("application_id", "reviewer_id", "criterion_id"),
        "admission_conflict_declaration": ("round_id", "reviewer_id"),
        "admission_reviewer": ("round_id", "reviewer_id"),
        "admission_round_category": ("round_id", "category_id"),
        "admission_criterion": ("round_id", "position"),
        "admission_invitation": ("round_id", "category_id", "credit_code"),
        "admission_application_qualification": ("application_id", "certificate_no"),
    }
    for table, columns in admission.items():
        assert (columns, True) in migrated[table]["indexes"], table
    assert (("letter_no",), True) in migrated["admission_invitation"]["indexes"]


def test_no_model_docstring_holds_a_semicolon() -> None:
    # Tortoise copies docstrings into table comments, and its SQLite migration runner
    # splits statements at every ";", comments included: such a migration cannot run.
    import importlib
    import inspect

    from tortoise.models import Model

    from marketplace.core.database import MODEL_MODULES

    models = [
        cls
        for module in map(importlib.import_module, MODEL_MODULES)
        for cls in vars(module).values()
        if inspect.isclass(cls) and issubclass(cls, Model) and cls.__module__ == module.__name__
    ]
    assert len(models) >= 19
    assert [m.__name__ for m in models if ";" in (m.__doc__ or "")] == []


async def test_the_shards_migration_keeps_each_kept_month_as_its_shard_0(
    databases: Any, backend: str, tmp_path: Any
) -> None:
    # given a database at 0020 with one category's month counted
    if backend == "sqlite":
        url = f"sqlite://{tmp_path / 'at_0020.sqlite3'}"
    else:
        url = await databases._create_pg_database("at_0020")
    config = tortoise_config(url)
    EXECUTOR_CACHE.clear()
    await Tortoise.init(config=config, _create_db=False, _enable_global_fallback=True)
    try:
        await migrate_api(config=config, target="models.0020_order_month")
        conn = connections.get("default")
        await conn.execute_query(
            "INSERT INTO order_month (category_id, month, placed, ended, completed, delivered,"
            " on_time, days_used, days_committed, ratings, rating_points)"
            " VALUES (3, 202611, 5, 4, 3, 2, 1, 9, 10, 1, 20)"
        )

        # when 0021 gives the rows their shard
        await migrate_api(config=config)
        # (migrate_api initialises Tortoise again: the connection it migrated through is
        # the current one; the one read above is closed here, or its thread outlives the run)
        await conn.close()
        conn = connections.get("default")
        _, rows = await conn.execute_query(
            "SELECT category_id, month, shard, placed, ended, completed, delivered, on_time,"
            " days_used, days_committed, ratings, rating_points FROM order_month"
        )
    finally:
        await Tortoise.close_connections()

    # then the month is the same figures, as shard 0
    assert [tuple(dict(row).values()) for row in rows] == [
        (3, 202611, 0, 5, 4, 3, 2, 1, 9, 10, 1, 20)
    ]
