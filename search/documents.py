"""The search document: what an engine knows about one listing.

A document is a flat, self-contained copy of what search needs from a listing, its agency
and its category, so that an engine never reads a database and an outbox can ship it as
JSON. The engine package defines the type only: turning the application's rows into
documents, and keeping an index current, is the application's job
(``marketplace.search.documents`` and ``marketplace.search.index``).

``fee_low_fen`` and ``fee_high_fen`` are the listing's fee range estimated at a reference
base that the application chooses (``fee_base`` with ``fee_base_unit``; both ``None`` when
the fee needs no base); an engine sorts and filters by them, and a listing without a range
(``None``) sorts last by fee.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["SearchDocument"]


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """What search knows about one published service item."""

    id: int  # the service item's id
    title: str
    scope: str
    content: str
    category_code: str
    category_name: str
    category_abbreviations: tuple[str, ...]
    market_type: str
    agency_id: int
    agency_name: str
    agency_city: str
    agency_is_local: bool
    time_limit_days: int
    fee_type: str
    fee_low_fen: int | None  # estimated fee range at the reference base (module docstring)
    fee_high_fen: int | None
    fee_base: str | None = None  # the reference base of the range; None: needs no base
    fee_base_unit: str | None = None
    rating: float | None = None  # mean rating, 1-5
    rating_count: int = 0
    on_time_rate: float | None = None  # delivered within the time limit / delivered, 0-1

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the abbreviations become a list)."""
        data = asdict(self)
        data["category_abbreviations"] = list(self.category_abbreviations)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchDocument:
        """The inverse of ``to_dict``; keys this version does not know are ignored."""
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        known["category_abbreviations"] = tuple(known.get("category_abbreviations") or ())
        return cls(**known)
