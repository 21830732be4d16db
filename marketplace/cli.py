"""The ``marketplace`` command: serve, migrate and load the demo catalogue."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from tortoise import Tortoise

from marketplace.settings import Settings

__all__ = ["main"]

_DESCRIPTION = """\
中介服务超市 — the intermediary services marketplace.

With no configuration it runs on one machine: a SQLite file (marketplace.sqlite3 in the
current directory), the embedded search engine and in-process jobs. Set DATABASE_URL,
REDIS_URL, MEILISEARCH_URL, STRIPE_SECRET_KEY or SMTP_URL to use those services instead
(see README.md).
"""


async def _migrate(settings: Settings, *, seed: bool) -> bool:
    from marketplace.database import migrate

    try:
        await migrate(settings.database_url)
        if not seed:
            return False
        from marketplace.catalog.demo import seed_demo

        return await seed_demo()
    finally:
        await Tortoise.close_connections()


def _cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(_migrate(settings, seed=False))
    print(f"Database is up to date: {_redacted(settings.database_url)}")
    return 0


def _cmd_seed_demo(args: argparse.Namespace, settings: Settings) -> int:
    loaded = asyncio.run(_migrate(settings, seed=True))
    if loaded:
        print("Loaded the demo catalogue (20 categories, 40 admitted agencies).")
    else:
        print("The catalogue is not empty; the demo catalogue was not loaded.")
    return 0


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    loaded = asyncio.run(_migrate(settings, seed=not args.no_demo))
    if loaded:
        print("Loaded the demo catalogue into the empty database.")
    if settings.secret_key_is_ephemeral:
        print("Note: SECRET_KEY is not set; sessions end when the server stops.")
    host_for_url = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    print(f"中介服务超市 is running at http://{host_for_url}:{args.port}/  (Ctrl+C stops it)")
    uvicorn.run(
        "marketplace.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
        proxy_headers=True,
    )
    return 0


def _redacted(url: str) -> str:
    """The database URL without its password, for printing."""
    if "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


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
        description="Bring the database up to date, load the demo catalogue into an empty "
        "database, and serve the marketplace over HTTP.",
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
        help="load the demo catalogue (20 categories, 40 fictional agencies) into an empty "
        "database",
        description="Migrate, then load the demo catalogue if the catalogue is empty. "
        "A database that already holds categories is left as it is.",
    )
    seed.set_defaults(func=_cmd_seed_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings.from_env()
    result: int = args.func(args, settings)
    return result


if __name__ == "__main__":
    sys.exit(main())
