"""Demo catalogue: the outcome of the first admission round (首轮入驻遴选).

Twenty categories of the intermediary services (中介服务) that an investment project needs
on its way to approval, and forty admitted agencies with their service items. Market types
follow the founding principle: monopoly intermediaries must be admitted (垄断性中介必须进驻),
competitive ones are selected on merit up to a quota (竞争性中介择优进驻), and categories
with no qualified local agency are recruited from outside the city (缺位中介外来引进).

Every agency, person, address, telephone number and certificate number here is fictional;
the unified social credit codes carry valid GB 32100-2015 check characters. Statutes and
price documents are cited as they stand; most of the old national fee schedules were
liberalised by 发改价格〔2015〕299号, so fees are market-regulated (市场调节价) and the old
schedules are only a reference. Fee standards use the shapes in ``catalog.fees``: money in
integer fen, rates in percent as decimal strings, bases as strings.

The data is in ``marketplace/data/demo/*.yaml``; this module reads it once, on import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from marketplace.catalog import price_documents as docs

__all__ = ["AGENCIES", "APPROVAL_ITEMS", "CATEGORIES", "CATEGORY_APPROVALS", "CITY"]

_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"

CITY = "盐城市"


def _load(name: str) -> Any:
    with (_DIR / f"{name}.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def _with_price_documents(agencies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each ``price_document: NAME`` in a fee standard expanded to that published schedule
    (``catalog.price_documents``), the keys written beside it added or overriding."""
    for agency in agencies:
        for service in agency["services"]:
            standard = service.get("fee_standard")
            if isinstance(standard, dict) and "price_document" in standard:
                rest = {k: v for k, v in standard.items() if k != "price_document"}
                service["fee_standard"] = {**getattr(docs, standard["price_document"]), **rest}
    return agencies


CATEGORIES: list[dict[str, Any]] = _load("categories")
AGENCIES: list[dict[str, Any]] = _with_price_documents(_load("agencies"))
APPROVAL_ITEMS: list[dict[str, str]] = _load("approval_items")
CATEGORY_APPROVALS: dict[str, dict[str, Any]] = _load("category_approvals")
