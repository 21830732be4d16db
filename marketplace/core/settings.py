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
from urllib.parse import urlsplit

from marketplace.core.secret_file import SECRET_KEY_FILE_NAME, load_or_create_secret_key

__all__ = ["BASE_DIR", "Settings", "password_hash_parameters"]

BASE_DIR = Path(__file__).resolve().parents[2]

_DEFAULT_DATABASE_FILE = "marketplace.sqlite3"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
# Local use and the test client's ``http://testserver`` always work; a deployment adds
# its own name through PUBLIC_URL (or lists them all in ALLOWED_HOSTS).
_LOCAL_HOSTS = ("127.0.0.1", "localhost", "testserver")


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
    # The address people reach the marketplace at: every absolute link in e-mails and
    # feeds starts with it, never with the Host header of the request.
    public_url: str = DEFAULT_PUBLIC_URL
    # Host names the marketplace answers to; any other Host header gets 400. "*": any.
    allowed_hosts: tuple[str, ...] = _LOCAL_HOSTS
    # Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (addresses or
    # networks); empty: the client address is the socket's peer.
    trusted_proxies: tuple[str, ...] = ()
    # Where the generated key is kept when SECRET_KEY is unset (None: key given, or kept
    # nowhere because the folder could not be written).
    secret_key_file: Path | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        media_dir = Path(get("MEDIA_DIR") or Path.cwd() / "media").resolve()
        secret_key = get("SECRET_KEY")
        secret_key_file: Path | None = None
        if secret_key is None:
            # Without SECRET_KEY, every worker and restart shares the key kept in the data
            # folder; only where that cannot be written does each process draw its own.
            try:
                secret_key = load_or_create_secret_key(media_dir / SECRET_KEY_FILE_NAME)
                secret_key_file = media_dir / SECRET_KEY_FILE_NAME
            except OSError:
                secret_key = None
        public_url = (get("PUBLIC_URL") or DEFAULT_PUBLIC_URL).rstrip("/")
        public = urlsplit(public_url)
        if public.scheme not in ("http", "https") or not public.hostname:
            raise ValueError(f"PUBLIC_URL must be an http:// or https:// address: {public_url!r}")
        allowed_hosts = _list(get("ALLOWED_HOSTS")) or (public.hostname, *_LOCAL_HOSTS)
        return cls(
            database_url=get("DATABASE_URL") or f"sqlite://{Path.cwd() / _DEFAULT_DATABASE_FILE}",
            secret_key=secret_key or secrets.token_urlsafe(32),
            secret_key_is_ephemeral=secret_key is None,
            secret_key_file=secret_key_file,
            public_url=public_url,
            allowed_hosts=tuple(dict.fromkeys(allowed_hosts)),
            trusted_proxies=_list(get("TRUSTED_PROXIES")),
            redis_url=get("REDIS_URL"),
            meilisearch_url=get("MEILISEARCH_URL"),
            meilisearch_api_key=get("MEILISEARCH_API_KEY"),
            stripe_secret_key=get("STRIPE_SECRET_KEY"),
            stripe_webhook_secret=get("STRIPE_WEBHOOK_SECRET"),
            stripe_api_base=get("STRIPE_API_BASE"),
            smtp_url=get("SMTP_URL"),
            debug=(get("DEBUG") or "").lower() in {"1", "true", "yes"},
            city=get("MARKETPLACE_CITY") or "盐城市",
            media_dir=media_dir,
        )

    @property
    def database_is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite:")

    @property
    def is_https(self) -> bool:
        """Served over HTTPS (PUBLIC_URL says so): HSTS and Secure cookies."""
        return self.public_url.startswith("https://")

    def absolute_url(self, path: str) -> str:
        """``path`` (starting with ``/``) as a link for e-mails and feeds."""
        return self.public_url + path


def _list(raw: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (raw or "").split(",") if part.strip())


# Argon2id's cost, by PASSWORD_HASH_COST. "standard" is argon2-cffi's default, the RFC 9106
# low-memory profile (3 passes over 64 MiB, 4 lanes): about a seventh of a second a hash
# here. "test" is the least the algorithm allows, for the test suite's thousands of users
# only: it would make stolen hashes cheap to guess.
_PASSWORD_HASH_COSTS = {
    "standard": {"time_cost": 3, "memory_cost": 65536, "parallelism": 4},
    "test": {"time_cost": 1, "memory_cost": 64, "parallelism": 1},
}


def password_hash_parameters(environ: Mapping[str, str] | None = None) -> dict[str, int]:
    """The ``argon2.PasswordHasher`` parameters PASSWORD_HASH_COST names (standard if unset)."""
    env = os.environ if environ is None else environ
    name = env.get("PASSWORD_HASH_COST", "").strip() or "standard"
    if name not in _PASSWORD_HASH_COSTS:
        raise ValueError(f"PASSWORD_HASH_COST must be standard or test: {name!r}")
    return dict(_PASSWORD_HASH_COSTS[name])
