"""Rules of the code's shape that import-linter cannot see.

Import-linter (``scripts/lint``) keeps the layers; this keeps "each domain writes only its
own tables, through its services": no module of one domain calls a writing method
(``create``, ``update``, ``delete``…) on a model class imported from another domain's
``models``. A domain that needs another's change calls that domain's service.
"""

from __future__ import annotations

import ast
from pathlib import Path

import marketplace

_ROOT = Path(marketplace.__file__).parent
_WRITES = frozenset(
    {
        "create",
        "bulk_create",
        "update",
        "bulk_update",
        "update_or_create",
        "get_or_create",
        "delete",
        "save",
        "select_for_update",
    }
)
# The demo's seeding makes every change through the services, then dates the rows at the
# moments its story tells (``auto_now_add`` stamps the machine's now, not the story's).
_SEEDING = ("demo",)


def _domain(module: str) -> str | None:
    """``marketplace.orders.services`` → ``orders``; top-level modules have none."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else None


def _module_of(path: Path) -> str:
    return ".".join(path.relative_to(_ROOT.parent).with_suffix("").parts)


def _foreign_model_writes(module: str, source: str) -> list[str]:
    own = _domain(module)
    tree = ast.parse(source)
    foreign: dict[str, str] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.endswith(".models")
            and _domain(node.module) not in (own, "core")
        ):
            for alias in node.names:
                foreign[alias.asname or alias.name] = node.module
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in _WRITES:
            continue
        root: ast.expr = node.func.value
        while isinstance(root, ast.Call | ast.Attribute):
            root = root.func if isinstance(root, ast.Call) else root.value
        if isinstance(root, ast.Name) and root.id in foreign:
            found.append(f"{module}:{node.lineno} {root.id}.{node.func.attr} ({foreign[root.id]})")
    return found


def test_the_scan_sees_a_write_to_another_domains_table() -> None:
    """The rule's own check: a credit module updating the catalogue's Agency is caught, its
    own CreditRecord and the core's notices are not."""
    source = (
        "from marketplace.catalog.models import Agency\n"
        "from marketplace.credit.models import CreditRecord\n"
        "from marketplace.core.notifications import Notification\n\n"
        "async def f():\n"
        "    await CreditRecord.filter(id=1).update(points=0)\n"
        "    await Agency.filter(id=1).update(orders_suspended_until=None)\n"
        "    await Agency.get(id=1)\n"
        "    await Notification.create(user_id=1, message='m')\n"
    )
    assert _foreign_model_writes("marketplace.credit.services", source) == [
        "marketplace.credit.services:7 Agency.update (marketplace.catalog.models)"
    ]


def test_each_domain_writes_only_its_own_tables() -> None:
    found = [
        write
        for path in sorted(_ROOT.rglob("*.py"))
        if "migrations" not in path.parts and not path.stem.startswith(_SEEDING)
        for write in _foreign_model_writes(_module_of(path), path.read_text(encoding="utf-8"))
    ]
    assert found == []
