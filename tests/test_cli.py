"""The `marketplace` command, run as a newcomer would."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def _run(
    *args: str, cwd: Path, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "marketplace.cli", *args],
        cwd=cwd,
        env={**environment, **(env or {})},
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_names_every_command(tmp_path: Path) -> None:
    result = _run("--help", cwd=tmp_path)

    assert result.returncode == 0
    for command in ("serve", "migrate", "seed-demo"):
        assert command in result.stdout
    assert "SQLite file" in result.stdout


def test_seed_demo_migrates_and_loads_once_into_the_current_folder(tmp_path: Path) -> None:
    first = _run("seed-demo", cwd=tmp_path)
    second = _run("seed-demo", cwd=tmp_path)

    assert first.returncode == 0, first.stderr
    assert first.stdout == (
        "Loaded the demo catalogue (20 categories, 40 admitted agencies) and eight months of "
        "demo activity (orders, ratings, complaints).\n"
    )
    assert second.stdout == "The catalogue is not empty; the demo catalogue was not loaded.\n"
    assert (tmp_path / "marketplace.sqlite3").exists()
    with sqlite3.connect(tmp_path / "marketplace.sqlite3") as connection:
        (orders,) = connection.execute("SELECT count(*) FROM service_order").fetchone()
    assert orders > 100


def test_seed_demo_without_activity_loads_the_catalogue_alone(tmp_path: Path) -> None:
    result = _run("seed-demo", "--no-activity", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout == "Loaded the demo catalogue (20 categories, 40 admitted agencies).\n"
    with sqlite3.connect(tmp_path / "marketplace.sqlite3") as connection:
        (orders,) = connection.execute("SELECT count(*) FROM service_order").fetchone()
    assert orders == 0


def test_migrate_reports_the_database_without_its_password(tmp_path: Path) -> None:
    result = _run("migrate", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Database is up to date: sqlite://{tmp_path / 'marketplace.sqlite3'}\n"


def test_an_unknown_command_is_refused_with_usage(tmp_path: Path) -> None:
    result = _run("frobnicate", cwd=tmp_path)

    assert result.returncode == 2
    assert "invalid choice: 'frobnicate'" in result.stderr


def test_database_passwords_are_never_printed() -> None:
    from marketplace.cli import _redacted

    assert _redacted("postgres://mp:s3cret@db:5432/mp") == "postgres://mp:***@db:5432/mp"
    assert _redacted("sqlite:///srv/mp.sqlite3") == "sqlite:///srv/mp.sqlite3"


def test_create_admin_reads_the_password_and_refuses_a_short_one(tmp_path: Path) -> None:
    short = _run(
        "create-admin",
        "--email",
        "boss@example.com",
        "--name",
        "Boss",
        "--password-stdin",
        cwd=tmp_path,
        input="short\n",
    )
    created = _run(
        "create-admin",
        "--email",
        "boss@example.com",
        "--name",
        "Boss",
        "--password-stdin",
        cwd=tmp_path,
        input="a long enough password\n",
    )

    assert short.returncode == 1
    assert short.stderr == "Not created: password: Use at least 10 characters for the password.\n"
    assert created.returncode == 0, created.stderr
    assert created.stdout == "Administrator boss@example.com can now sign in at /login.\n"


def test_the_worker_needs_redis(tmp_path: Path) -> None:
    result = _run("worker", cwd=tmp_path, env={"REDIS_URL": ""})

    assert result.returncode == 2
    assert result.stderr.startswith("REDIS_URL is not set")


def test_reindex_reports_the_searchable_listings(tmp_path: Path) -> None:
    _run("seed-demo", "--no-activity", cwd=tmp_path)

    result = _run("reindex", cwd=tmp_path, env={"MEILISEARCH_URL": ""})

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("55 service items are searchable.")
