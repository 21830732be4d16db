"""One settings object, read from the environment once, with embedded defaults.

Nothing else in the code base reads the environment: everything asks `Settings`.
Each outside service (PostgreSQL, Redis, Meilisearch, Stripe, SMTP) is switched on by
setting its variable; with none of them set the marketplace runs on one machine with a
SQLite file, the embedded search engine and jobs run in-process.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BASE_DIR", "Settings"]

BASE_DIR = Path(__file__).resolve().parent.parent

_DEFAULT_DATABASE_FILE = "marketplace.sqlite3"


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    secret_key: str
    secret_key_is_ephemeral: bool
    redis_url: str | None = None
    meilisearch_url: str | None = None
    meilisearch_api_key: str | None = None
    stripe_secret_key: str | None = None
    stripe_webhook_secret: str | None = None
    stripe_api_base: str | None = None  # only to point the client at a stand-in in tests
    smtp_url: str | None = None
    debug: bool = False
    # Uploaded files (order attachments and deliveries, applicants' certificates) live here.
    media_dir: Path = Path("media")
    # The city whose government service office runs this marketplace; agencies
    # registered elsewhere are "external" (外来引进).
    city: str = "盐城市"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        secret_key = get("SECRET_KEY")
        return cls(
            database_url=get("DATABASE_URL") or f"sqlite://{Path.cwd() / _DEFAULT_DATABASE_FILE}",
            # Without SECRET_KEY, sessions signed now stop being valid at the next start:
            # acceptable for a local demo, never for a deployment (the CLI warns).
            secret_key=secret_key or secrets.token_urlsafe(32),
            secret_key_is_ephemeral=secret_key is None,
            redis_url=get("REDIS_URL"),
            meilisearch_url=get("MEILISEARCH_URL"),
            meilisearch_api_key=get("MEILISEARCH_API_KEY"),
            stripe_secret_key=get("STRIPE_SECRET_KEY"),
            stripe_webhook_secret=get("STRIPE_WEBHOOK_SECRET"),
            stripe_api_base=get("STRIPE_API_BASE"),
            smtp_url=get("SMTP_URL"),
            debug=(get("DEBUG") or "").lower() in {"1", "true", "yes"},
            city=get("MARKETPLACE_CITY") or "盐城市",
            media_dir=Path(get("MEDIA_DIR") or Path.cwd() / "media").resolve(),
        )

    @property
    def database_is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite:")
