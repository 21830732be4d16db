"""Structured fee standards (收费标准) and exact fee computation.

A service item publishes its fee standard as data so that the storefront's estimator,
the order's quoted fee and search can all compute the same number. Money is integer fen
(分); bases and rates are ``Decimal`` and the only rounding is the last step, half up to
the fen, so a fee never depends on the order of floating-point operations.

The standards:

- ``fixed``       a set amount per report or per job;
- ``rate``        a percentage of a base amount, with a floor and an optional cap;
- ``tiered``      分档累进 (差额定率累进): progressive bands of a base amount, each band
                  charged at its own rate on the part of the base that falls in it, as in
                  计价格〔2002〕1980号;
- ``per_unit``    a price per m², per km, per test point …;
- ``negotiated``  市场调节价 / 合同约定: no formula, an indicative range.

Any standard but ``negotiated`` may publish a discount range (下浮率): the agency may
charge up to ``discount_max_pct`` percent less, so the estimate becomes a range.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Literal

__all__ = [
    "BASE_UNITS",
    "MAX_BASE",
    "FeeEstimate",
    "FeeStandard",
    "FeeStandardError",
    "InvalidBase",
    "estimate_fee",
    "parse_base",
    "parse_fee_standard",
]

FeeType = Literal["fixed", "rate", "tiered", "per_unit", "negotiated"]
FEE_TYPES: tuple[FeeType, ...] = ("fixed", "rate", "tiered", "per_unit", "negotiated")

# Base units a standard may be computed on. Amount units (yuan, wan_yuan) are money;
# the rest are quantities of work.
AMOUNT_UNITS = ("yuan", "wan_yuan")
QUANTITY_UNITS = ("m2", "km", "km2", "hectare", "point", "floor", "item")
BASE_UNITS = AMOUNT_UNITS + QUANTITY_UNITS

_FEN_PER_UNIT_AMOUNT = {"yuan": Decimal(100), "wan_yuan": Decimal(1_000_000)}

# The largest base anybody can ask to price, in its own unit: beyond 10^12 it is a
# typing mistake, and refusing it keeps every fee inside a 64-bit integer.
MAX_BASE = Decimal(10) ** 12
# Bases are typed by people: four decimal places is more than any unit here needs.
_BASE_QUANTUM = Decimal("0.0001")
_ONE_FEN = Decimal(1)
_HUNDRED = Decimal(100)


class FeeStandardError(ValueError):
    """A fee standard that does not have the documented shape (a data error)."""


class InvalidBase(ValueError):
    """A base amount the standard cannot price: the user's input, explained.

    ``message`` is an English message id, translated where it is shown; ``params``
    fill its placeholders.
    """

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.code = code
        self.message = message
        self.params = params


@dataclass(frozen=True, slots=True)
class FeeEstimate:
    """The fee, or the range of fees, a standard yields; ``low_fen == high_fen`` for one fee."""

    low_fen: int
    high_fen: int

    @property
    def is_range(self) -> bool:
        return self.low_fen != self.high_fen


@dataclass(frozen=True, slots=True)
class Band:
    up_to: Decimal | None  # the band's upper edge in the base unit; None: no upper edge
    rate_pct: Decimal


@dataclass(frozen=True, slots=True)
class FeeStandard:
    """A parsed, validated fee standard."""

    type: FeeType
    base_unit: str | None = None
    base_label: str = ""
    amount_fen: int | None = None  # fixed
    rate_pct: Decimal | None = None  # rate
    bands: tuple[Band, ...] = ()  # tiered
    price_fen: int | None = None  # per_unit, per one base unit
    floor_fen: int | None = None
    cap_fen: int | None = None
    low_fen: int | None = None  # negotiated
    high_fen: int | None = None  # negotiated
    per: str = ""  # fixed: what one amount buys (每份报告)
    note: str = ""  # negotiated
    discount_max_pct: Decimal | None = None

    @property
    def needs_base(self) -> bool:
        return self.type in ("rate", "tiered", "per_unit")


def _decimal(value: Any, field: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise FeeStandardError(f"{field} must be a decimal string, not {value!r}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise FeeStandardError(f"{field} is not a number: {value!r}") from None
    if not number.is_finite():
        raise FeeStandardError(f"{field} must be finite: {value!r}")
    return number


def _fen(data: Mapping[str, Any], field: str, *, required: bool) -> int | None:
    value = data.get(field)
    if value is None:
        if required:
            raise FeeStandardError(f"{field} is required")
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FeeStandardError(f"{field} must be a non-negative integer of fen, not {value!r}")
    return value


def _percent(data: Mapping[str, Any], field: str) -> Decimal:
    rate = _decimal(data.get(field), field)
    if not Decimal(0) < rate <= _HUNDRED:
        raise FeeStandardError(f"{field} must be a percentage in (0, 100], not {rate}")
    return rate


def parse_fee_standard(data: Mapping[str, Any]) -> FeeStandard:
    """Validate a fee standard as stored (JSON) and return it parsed.

    Raises ``FeeStandardError`` naming the first thing that is wrong.
    """
    if not isinstance(data, Mapping):
        raise FeeStandardError("a fee standard is a mapping")
    fee_type = data.get("type")
    if fee_type not in FEE_TYPES:
        raise FeeStandardError(f"unknown fee type {fee_type!r}")

    discount = data.get("discount_max_pct")
    discount_pct = None
    if discount is not None:
        if fee_type == "negotiated":
            raise FeeStandardError("a negotiated fee has no discount range")
        discount_pct = _decimal(discount, "discount_max_pct")
        if not Decimal(0) < discount_pct < _HUNDRED:
            raise FeeStandardError("discount_max_pct must be in (0, 100)")

    common: dict[str, Any] = {
        "type": fee_type,
        "base_label": str(data.get("base_label") or ""),
        "discount_max_pct": discount_pct,
    }
    floor_fen = _fen(data, "floor_fen", required=False)
    cap_fen = _fen(data, "cap_fen", required=False)
    if floor_fen is not None and cap_fen is not None and cap_fen < floor_fen:
        raise FeeStandardError("cap_fen is below floor_fen")

    if fee_type == "fixed":
        return FeeStandard(
            **common,
            amount_fen=_fen(data, "amount_fen", required=True),
            per=str(data.get("per") or ""),
        )
    if fee_type == "negotiated":
        low = _fen(data, "low_fen", required=True)
        high = _fen(data, "high_fen", required=True)
        assert low is not None and high is not None
        if high < low:
            raise FeeStandardError("high_fen is below low_fen")
        return FeeStandard(**common, low_fen=low, high_fen=high, note=str(data.get("note") or ""))

    if fee_type == "per_unit":
        unit = data.get("unit")
        if unit not in QUANTITY_UNITS:
            raise FeeStandardError(f"unknown unit {unit!r}")
        price = _fen(data, "price_fen", required=True)
        if not price:
            raise FeeStandardError("price_fen must be positive")
        return FeeStandard(
            **common, base_unit=unit, price_fen=price, floor_fen=floor_fen, cap_fen=cap_fen
        )

    base_unit = data.get("base_unit")
    if base_unit not in AMOUNT_UNITS:
        raise FeeStandardError(f"base_unit must be one of {AMOUNT_UNITS}, not {base_unit!r}")
    if fee_type == "rate":
        return FeeStandard(
            **common,
            base_unit=base_unit,
            rate_pct=_percent(data, "rate"),
            floor_fen=floor_fen,
            cap_fen=cap_fen,
        )

    raw_bands = data.get("bands")
    if not isinstance(raw_bands, list) or not raw_bands:
        raise FeeStandardError("a tiered fee needs a non-empty list of bands")
    bands: list[Band] = []
    previous = Decimal(0)
    for index, raw in enumerate(raw_bands):
        if not isinstance(raw, Mapping):
            raise FeeStandardError(f"band {index} is not a mapping")
        last = index == len(raw_bands) - 1
        up_to_raw = raw.get("up_to")
        if up_to_raw is None:
            if not last:
                raise FeeStandardError("only the last band may be open-ended")
            up_to = None
        else:
            up_to = _decimal(up_to_raw, f"bands[{index}].up_to")
            if up_to <= previous:
                raise FeeStandardError("band edges must strictly increase from zero")
            previous = up_to
        bands.append(Band(up_to=up_to, rate_pct=_percent(raw, "rate")))
    return FeeStandard(
        **common, base_unit=base_unit, bands=tuple(bands), floor_fen=floor_fen, cap_fen=cap_fen
    )


def parse_base(raw: str | None) -> Decimal:
    """Read a base amount a person typed (``"1,200.5"``, ``" 300 "``, ``"1200，5"`` no).

    Raises ``InvalidBase`` with a message the user can act on.
    """
    text = (raw or "").strip().replace(",", "").replace("，", "")
    if not text:
        raise InvalidBase("base_missing", "Enter the base amount to estimate the fee.")
    try:
        base = Decimal(text)
    except InvalidOperation:
        raise InvalidBase(
            "base_not_a_number", "“%(value)s” is not a number.", value=raw or ""
        ) from None
    if not base.is_finite():
        raise InvalidBase("base_not_a_number", "“%(value)s” is not a number.", value=raw or "")
    if base <= 0:
        raise InvalidBase("base_not_positive", "The base amount must be greater than zero.")
    if base > MAX_BASE:
        raise InvalidBase("base_too_large", "The base amount is too large to price.")
    if base != base.quantize(_BASE_QUANTUM, rounding=ROUND_HALF_UP):
        raise InvalidBase(
            "base_too_precise", "Use at most four decimal places for the base amount."
        )
    return base


def _round_fen(value: Decimal) -> int:
    return int(value.quantize(_ONE_FEN, rounding=ROUND_HALF_UP))


def _clamp(fee_fen: int, standard: FeeStandard) -> int:
    if standard.floor_fen is not None:
        fee_fen = max(fee_fen, standard.floor_fen)
    if standard.cap_fen is not None:
        fee_fen = min(fee_fen, standard.cap_fen)
    return fee_fen


def _tiered_fen(standard: FeeStandard, base: Decimal) -> Decimal:
    """The progressive fee in (unrounded) fen: each band's rate on the part of the base in it."""
    assert standard.base_unit is not None
    fen_per_unit = _FEN_PER_UNIT_AMOUNT[standard.base_unit]
    total = Decimal(0)
    lower = Decimal(0)
    for band in standard.bands:
        upper = base if band.up_to is None else min(base, band.up_to)
        if upper <= lower:
            break
        total += (upper - lower) * band.rate_pct
        if band.up_to is None or base <= band.up_to:
            break
        lower = band.up_to
    return total * fen_per_unit / _HUNDRED


def estimate_fee(standard: FeeStandard, base: Decimal | None = None) -> FeeEstimate:
    """The fee (or range) ``standard`` yields for ``base``.

    ``base`` is in the standard's base unit and is needed by the rate, tiered and
    per-unit standards; pass a value from ``parse_base``. Raises ``InvalidBase`` when
    a needed base is missing or not positive.
    """
    if standard.type == "negotiated":
        assert standard.low_fen is not None and standard.high_fen is not None
        return FeeEstimate(standard.low_fen, standard.high_fen)

    if standard.type == "fixed":
        assert standard.amount_fen is not None
        fee = standard.amount_fen
    else:
        if base is None:
            raise InvalidBase("base_missing", "Enter the base amount to estimate the fee.")
        if base <= 0:
            raise InvalidBase("base_not_positive", "The base amount must be greater than zero.")
        if base > MAX_BASE:
            raise InvalidBase("base_too_large", "The base amount is too large to price.")
        if standard.type == "rate":
            assert standard.rate_pct is not None and standard.base_unit is not None
            exact = base * _FEN_PER_UNIT_AMOUNT[standard.base_unit] * standard.rate_pct / _HUNDRED
        elif standard.type == "tiered":
            exact = _tiered_fen(standard, base)
        else:
            assert standard.price_fen is not None
            exact = base * standard.price_fen
        fee = _clamp(_round_fen(exact), standard)

    if standard.discount_max_pct is None:
        return FeeEstimate(fee, fee)
    low = _round_fen(Decimal(fee) * (_HUNDRED - standard.discount_max_pct) / _HUNDRED)
    return FeeEstimate(low, fee)
