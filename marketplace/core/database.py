"""Tortoise ORM configuration and schema migration.

All domains share one Tortoise app label, ``models``, so relations read
``"models.Agency"`` whatever package the model lives in.
"""

from __future__ import annotations

from typing import Any

from tortoise import Tortoise
from tortoise.migrations.api import migrate as _migrate_api

__all__ = ["MODEL_MODULES", "TORTOISE_ORM", "migrate", "tortoise_config"]

# Every module that defines models; a new domain adds its module here.
MODEL_MODULES = [
    "marketplace.core.calendar",
    "marketplace.core.mail",
    "marketplace.core.notifications",
    "marketplace.catalog.models",
    "marketplace.accounts.models",
    "marketplace.orders.models",
    "marketplace.search.models",
    "marketplace.admission.models",
    "marketplace.ratings.models",
    "marketplace.credit.models",
    "marketplace.complaints.models",
    "marketplace.organisations.models",
    "marketplace.procurement.models",
    "marketplace.payments.models",
    "marketplace.core.outbox",
]

MIGRATIONS_MODULE = "marketplace.migrations"


def tortoise_config(database_url: str) -> dict[str, Any]:
    """The Tortoise configuration for one database URL."""
    return {
        "connections": {"default": database_url},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": MIGRATIONS_MODULE,
            }
        },
        "use_tz": True,
        "timezone": "Asia/Shanghai",
    }


def _development_config() -> dict[str, Any]:
    from marketplace.core.settings import Settings

    return tortoise_config(Settings.from_env().database_url)


# For Tortoise's own command line (`tortoise makemigrations`), via [tool.tortoise].
TORTOISE_ORM = _development_config()


async def migrate(database_url: str) -> None:
    """Bring the database at ``database_url`` to the newest committed migration.

    Tortoise is left initialised (with the global fallback, so code outside a
    request can use the models) until the caller closes its connections.
    """
    config = tortoise_config(database_url)
    await Tortoise.init(config=config, _create_db=False, _enable_global_fallback=True)
    await _migrate_api(config=config)
