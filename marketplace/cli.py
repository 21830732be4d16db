"""The ``marketplace`` command: serve, migrate and load the demo catalogue."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence

from tortoise import Tortoise

from marketplace.background import register_jobs
from marketplace.core.settings import Settings

__all__ = ["main"]

_DESCRIPTION = """\
中介服务超市 — the intermediary services marketplace.

With no configuration it runs on one machine: a SQLite file (marketplace.sqlite3 in the
current directory), the embedded search engine and in-process jobs. Set DATABASE_URL,
REDIS_URL, MEILISEARCH_URL, STRIPE_SECRET_KEY or SMTP_URL to use those services instead
(see README.md).
"""


async def _migrate(settings: Settings, *, seed: bool, activity: bool = False) -> tuple[bool, bool]:
    """Migrate; with ``seed``, load the demo catalogue into an empty catalogue and, with
    ``activity`` too, the demo activity after it. Whether each was loaded."""
    from marketplace.core.database import migrate

    try:
        await migrate(settings.database_url)
        if not seed:
            return False, False
        from marketplace.catalog.demo import seed_demo

        loaded = await seed_demo(media_dir=settings.media_dir)
        if not (loaded and activity):
            return loaded, False
        from marketplace.catalog.demo_activity import seed_activity
        from marketplace.core.clock import today

        return True, await seed_activity(today=today(), media_dir=settings.media_dir)
    finally:
        await Tortoise.close_connections()


def _cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(_migrate(settings, seed=False))
    print(f"Database is up to date: {_redacted(settings.database_url)}")
    return 0


def _cmd_seed_demo(args: argparse.Namespace, settings: Settings) -> int:
    loaded, active = asyncio.run(_migrate(settings, seed=True, activity=not args.no_activity))
    if active:
        print(
            "Loaded the demo catalogue (20 categories, 40 admitted agencies) and eight months "
            "of demo activity (orders, ratings, complaints)."
        )
    elif loaded:
        print("Loaded the demo catalogue (20 categories, 40 admitted agencies).")
    else:
        print("The catalogue is not empty; the demo catalogue was not loaded.")
    return 0


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    loaded, active = asyncio.run(
        _migrate(settings, seed=not args.no_demo, activity=not args.no_activity)
    )
    if active:
        print(
            "Loaded the demo catalogue and eight months of demo activity into the empty database."
        )
    elif loaded:
        print("Loaded the demo catalogue into the empty database.")
    if settings.secret_key_is_ephemeral:
        print("Note: SECRET_KEY is not set; sessions end when the server stops.")
    elif settings.secret_key_file is not None:
        print(f"Note: SECRET_KEY is not set; using the key kept in {settings.secret_key_file}.")
    host_for_url = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    if "PUBLIC_URL" not in os.environ:
        # The workers read their settings again: links in e-mails name this port.
        os.environ["PUBLIC_URL"] = f"http://{host_for_url}:{args.port}"
    print(f"中介服务超市 is running at http://{host_for_url}:{args.port}/  (Ctrl+C stops it)")
    uvicorn.run(
        "marketplace.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
        proxy_headers=False,  # the application trusts X-Forwarded-* by TRUSTED_PROXIES
    )
    return 0


def _cmd_create_admin(args: argparse.Namespace, settings: Settings) -> int:
    import getpass

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password (at least 10 characters): ")
        if getpass.getpass("Password again: ") != password:
            print("The two passwords differ; nothing was changed.", file=sys.stderr)
            return 1
    try:
        asyncio.run(_create_admin(settings, args.email, args.name, password))
    except _CommandError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Administrator {args.email} can now sign in at /login.")
    return 0


class _CommandError(Exception):
    """A command that could not do its work; the message says why, for the terminal."""


async def _create_admin(settings: Settings, email: str, name: str, password: str) -> None:
    from marketplace.accounts import services
    from marketplace.accounts.models import Role
    from marketplace.core.database import migrate
    from marketplace.forms import FormError
    from marketplace.i18n import translate, use_language

    try:
        await migrate(settings.database_url)
        await services.create_user(email=email, name=name, password=password, roles={Role.ADMIN})
    except FormError as exc:
        with use_language("en"):
            problems = "; ".join(
                f"{field or 'input'}: {translate(m.id, m.params)}"
                for field, m in exc.errors.items()
            )
        raise _CommandError(f"Not created: {problems}") from None
    finally:
        await Tortoise.close_connections()


def _cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from arq.worker import run_worker

    if settings.redis_url is None:
        print(
            "REDIS_URL is not set: without Redis, jobs run inside `marketplace serve` and no "
            "worker is needed.",
            file=sys.stderr,
        )
        return 2
    from workers.settings import WorkerSettings

    run_worker(WorkerSettings)  # type: ignore[arg-type]
    return 0


def _cmd_reindex(args: argparse.Namespace, settings: Settings) -> int:
    count = asyncio.run(_reindex(settings))
    if settings.meilisearch_url:
        print(f"Rebuilt the Meilisearch index from the database: {count} service items.")
    else:
        print(
            f"{count} service items are searchable. The embedded index is built from the "
            "database each time the marketplace starts; there is nothing else to rebuild."
        )
    return 0


async def _reindex(settings: Settings) -> int:
    from marketplace.core.database import migrate
    from marketplace.search.index import rebuild

    try:
        await migrate(settings.database_url)
        return await rebuild(settings)
    finally:
        await Tortoise.close_connections()


def _redacted(url: str) -> str:
    """The database URL without its password, for printing."""
    if "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


_NO_ACTIVITY_HELP = (
    "load the demo catalogue without the demo activity (orders, ratings and complaints of "
    "fictional enterprises over the last eight months)"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marketplace",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    serve = commands.add_parser(
        "serve",
        help="migrate the database, load the demo catalogue if it is empty, and serve the site",
        description="Bring the database up to date, load the demo catalogue and its demo "
        "activity into an empty database, and serve the marketplace over HTTP.",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="port to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--workers", type=int, default=1, help="web worker processes (default: %(default)s)"
    )
    serve.add_argument(
        "--no-demo",
        action="store_true",
        help="do not load the demo catalogue into an empty database",
    )
    serve.add_argument("--no-activity", action="store_true", help=_NO_ACTIVITY_HELP)
    serve.set_defaults(func=_cmd_serve)

    migrate = commands.add_parser(
        "migrate",
        help="apply the committed schema migrations to DATABASE_URL",
        description="Apply every committed migration not yet applied to the database at "
        "DATABASE_URL (default: marketplace.sqlite3 in the current directory).",
    )
    migrate.set_defaults(func=_cmd_migrate)

    seed = commands.add_parser(
        "seed-demo",
        help="load the demo catalogue (20 categories, 40 fictional agencies) and its demo "
        "activity into an empty database",
        description="Migrate, then load the demo catalogue if the catalogue is empty, and "
        "eight months of demo activity on it: orders, ratings and complaints of fictional "
        "enterprises. A database that already holds categories is left as it is.",
    )
    seed.add_argument("--no-activity", action="store_true", help=_NO_ACTIVITY_HELP)
    seed.set_defaults(func=_cmd_seed_demo)

    admin = commands.add_parser(
        "create-admin",
        help="create an administrator account (asks for the password)",
        description="Create an account with the administrator role. The password is asked "
        "for twice, or read from one line of standard input with --password-stdin.",
    )
    admin.add_argument("--email", required=True, help="the administrator's e-mail address")
    admin.add_argument("--name", required=True, help="the administrator's name")
    admin.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    admin.set_defaults(func=_cmd_create_admin)

    worker = commands.add_parser(
        "worker",
        help="run background jobs from Redis (needs REDIS_URL)",
        description="Run the arq worker that executes background jobs (e-mail, and later "
        "index updates and deadline sweeps) queued in Redis at REDIS_URL. Without REDIS_URL "
        "the jobs run inside `marketplace serve` and no worker is needed.",
    )
    worker.set_defaults(func=_cmd_worker)

    reindex = commands.add_parser(
        "reindex",
        help="rebuild the search index from the database",
        description="Rebuild the Meilisearch index (MEILISEARCH_URL) from the published "
        "listings in the database. The embedded engine needs no rebuild: each web process "
        "builds it at start and keeps it current from the search outbox.",
    )
    reindex.set_defaults(func=_cmd_reindex)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings.from_env()
    register_jobs()
    result: int = args.func(args, settings)
    return result


if __name__ == "__main__":
    sys.exit(main())
