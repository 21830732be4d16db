"""Structured fee standards (收费标准) and exact fee computation.

A service item publishes its fee standard as data so that the storefront's estimator,
the order's quoted fee and search can all compute the same number. Money is integer fen
(分); bases, rates and factors are exact decimals computed as exact fractions, and the
only rounding is half up to the fen, so a fee never depends on the order of floating-point
operations.

The standards:

- ``fixed``        a set amount per report or per job;
- ``rate``         a percentage of a base amount;
- ``tiered``       分档累进 (差额定率累进): progressive bands of a base amount, each band
                   charged at its own rate on the part of the base that falls in it, as in
                   计价格〔2002〕1980号;
- ``interpolated`` 分档定额, 插入法: a table of points (base → fee) with straight-line
                   interpolation between them, as in 计价格〔2002〕125号 and
                   发改价格〔2007〕670号; below the first point and beyond the last either
                   the end point's fee (flat) or a published rate;
- ``per_unit``     a price per m², per km, per test point …;
- ``negotiated``   市场调节价 / 合同约定: no formula, an indicative range.

Every standard but ``negotiated`` may also publish:

- adjustment factors (调整系数): each a published list of values with their meaning,
  of which the enterprise chooses one (the default is the neutral or ordinary one); the
  fee is multiplied by every chosen value, as the price documents do;
- a maximum (``cap_fen``, 最高限额) that the factored fee never exceeds;
- a discount range (``discount_max_pct``, 下浮率): the agency may charge up to that
  percentage less, so the estimate becomes a range;
- a minimum (``floor_fen``): the lowest fee charged, discount included.

So the fee is: formula(base) × factors, capped, and the range runs from the discounted fee
to the fee, neither below the minimum.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from itertools import pairwise
from typing import Any, Literal

from marketplace.i18n import N_

__all__ = [
    "BASE_UNITS",
    "MAX_BASE",
    "ChosenFactor",
    "Factor",
    "FactorOption",
    "FeeEstimate",
    "FeeStandard",
    "FeeStandardError",
    "InvalidBase",
    "InvalidFactor",
    "Point",
    "estimate_fee",
    "parse_base",
    "parse_fee_standard",
    "resolve_factors",
]

FeeType = Literal["fixed", "rate", "tiered", "interpolated", "per_unit", "negotiated"]
FEE_TYPES: tuple[FeeType, ...] = (
    "fixed",
    "rate",
    "tiered",
    "interpolated",
    "per_unit",
    "negotiated",
)

# Base units a standard may be computed on. Amount units (yuan, wan_yuan) are money;
# the rest are quantities of work.
AMOUNT_UNITS = ("yuan", "wan_yuan")
QUANTITY_UNITS = ("m2", "km", "km2", "hectare", "point", "floor", "item")
BASE_UNITS = AMOUNT_UNITS + QUANTITY_UNITS

_FEN_PER_UNIT_AMOUNT = {"yuan": 100, "wan_yuan": 1_000_000}

# The largest base anybody can ask to price, in its own unit: beyond 10^12 it is a
# typing mistake, and refusing it keeps every fee inside a 64-bit integer.
MAX_BASE = Decimal(10) ** 12
# Bases are typed by people: four decimal places is more than any unit here needs.
_BASE_QUANTUM = Decimal("0.0001")
_HUNDRED = Decimal(100)

# A factor's and an option's key travel in form field names and query strings.
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_MAX_FACTORS = 8
_MAX_OPTIONS = 40
_MAX_POINTS = 64
# No published adjustment factor is outside 0.3-1.5; 10 leaves room and still keeps a
# fee inside 64 bits with eight factors.
_MAX_FACTOR_VALUE = Decimal(10)


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


class InvalidFactor(InvalidBase):
    """A chosen adjustment factor value the standard does not publish; ``factor`` is its key."""

    def __init__(self, code: str, message: str, *, factor: str, **params: object) -> None:
        super().__init__(code, message, **params)
        self.factor = factor


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
class Point:
    """A point of an interpolated table: at ``base`` (in the base unit) the fee is ``fee_fen``."""

    base: Decimal
    fee_fen: int


@dataclass(frozen=True, slots=True)
class FactorOption:
    """One published value of an adjustment factor and what it applies to."""

    key: str
    value: Decimal
    label: str  # Chinese, as in the price document
    label_en: str


@dataclass(frozen=True, slots=True)
class Factor:
    """An adjustment factor (调整系数): the enterprise chooses one of its options."""

    key: str
    name: str
    name_en: str
    options: tuple[FactorOption, ...]
    default: str  # the key of the option used when none is chosen

    def option(self, key: str) -> FactorOption | None:
        return next((o for o in self.options if o.key == key), None)

    @property
    def default_option(self) -> FactorOption:
        option = self.option(self.default)
        assert option is not None  # parse_fee_standard checked it
        return option


@dataclass(frozen=True, slots=True)
class ChosenFactor:
    factor: Factor
    option: FactorOption

    def record(self) -> dict[str, str]:
        """What an order keeps of the choice: enough to read it without the standard."""
        return {
            "option": self.option.key,
            "value": str(self.option.value),
            "name": self.factor.name,
            "label": self.option.label,
        }


@dataclass(frozen=True, slots=True)
class FeeStandard:
    """A parsed, validated fee standard."""

    type: FeeType
    base_unit: str | None = None
    base_label: str = ""
    amount_fen: int | None = None  # fixed
    rate_pct: Decimal | None = None  # rate
    bands: tuple[Band, ...] = ()  # tiered
    points: tuple[Point, ...] = ()  # interpolated
    below_rate_pct: Decimal | None = None  # interpolated, below the first point; None: flat
    above_rate_pct: Decimal | None = None  # interpolated, beyond the last point; None: flat
    price_fen: int | None = None  # per_unit, per one base unit
    floor_fen: int | None = None
    cap_fen: int | None = None
    low_fen: int | None = None  # negotiated
    high_fen: int | None = None  # negotiated
    per: str = ""  # fixed: what one amount buys (每份报告)
    note: str = ""  # negotiated
    source: str = ""  # the price document the formula follows (计价格〔2002〕125号)
    discount_max_pct: Decimal | None = None
    factors: tuple[Factor, ...] = ()

    @property
    def needs_base(self) -> bool:
        return self.type in ("rate", "tiered", "interpolated", "per_unit")

    def default_factors(self) -> dict[str, str]:
        return {f.key: f.default for f in self.factors}


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


def _text(data: Mapping[str, Any], field: str) -> str:
    value = data.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FeeStandardError(f"{field} must be text, not {value!r}")
    return value


def _key(value: Any, field: str) -> str:
    if not isinstance(value, str) or not _KEY.match(value):
        raise FeeStandardError(f"{field} must be a short lower-case key, not {value!r}")
    return value


def _factors(raw: Any) -> tuple[Factor, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > _MAX_FACTORS:
        raise FeeStandardError(f"factors must be a list of at most {_MAX_FACTORS}")
    factors: list[Factor] = []
    for index, item in enumerate(raw):
        where = f"factors[{index}]"
        if not isinstance(item, Mapping):
            raise FeeStandardError(f"{where} is not a mapping")
        key = _key(item.get("key"), f"{where}.key")
        if any(f.key == key for f in factors):
            raise FeeStandardError(f"factor {key!r} is listed twice")
        raw_options = item.get("options")
        if not isinstance(raw_options, list) or not 0 < len(raw_options) <= _MAX_OPTIONS:
            raise FeeStandardError(f"{where}.options must list 1 to {_MAX_OPTIONS} values")
        options: list[FactorOption] = []
        for number, raw_option in enumerate(raw_options):
            at = f"{where}.options[{number}]"
            if not isinstance(raw_option, Mapping):
                raise FeeStandardError(f"{at} is not a mapping")
            option_key = _key(raw_option.get("key"), f"{at}.key")
            if any(o.key == option_key for o in options):
                raise FeeStandardError(f"{at}: option {option_key!r} is listed twice")
            value = _decimal(raw_option.get("value"), f"{at}.value")
            if not Decimal(0) < value <= _MAX_FACTOR_VALUE:
                raise FeeStandardError(f"{at}.value must be in (0, {_MAX_FACTOR_VALUE}]")
            label = _text(raw_option, "label")
            if not label:
                raise FeeStandardError(f"{at}.label is required: say what the value applies to")
            options.append(
                FactorOption(option_key, value, label, _text(raw_option, "label_en") or label)
            )
        default = item.get("default")
        if default is None:
            # the neutral value, where the document has one
            default = next((o.key for o in options if o.value == 1), None)
            if default is None:
                raise FeeStandardError(f"{where} has no value 1: name its default")
        if not any(o.key == default for o in options):
            raise FeeStandardError(f"{where}.default {default!r} is not one of its options")
        name = _text(item, "name")
        if not name:
            raise FeeStandardError(f"{where}.name is required")
        factors.append(
            Factor(key, name, _text(item, "name_en") or name, tuple(options), str(default))
        )
    return tuple(factors)


def _bands(raw_bands: Any) -> tuple[Band, ...]:
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
    return tuple(bands)


def _points(raw_points: Any) -> tuple[Point, ...]:
    if not isinstance(raw_points, list) or not 2 <= len(raw_points) <= _MAX_POINTS:
        raise FeeStandardError(f"an interpolated fee needs 2 to {_MAX_POINTS} points")
    points: list[Point] = []
    for index, raw in enumerate(raw_points):
        if not isinstance(raw, Mapping):
            raise FeeStandardError(f"point {index} is not a mapping")
        base = _decimal(raw.get("base"), f"points[{index}].base")
        fee = _fen(raw, "fee_fen", required=True)
        assert fee is not None
        if base < 0 or (points and base <= points[-1].base):
            raise FeeStandardError("point bases must strictly increase from zero or more")
        if points and fee < points[-1].fee_fen:
            # a table whose fee falls as the base grows is a typing mistake
            raise FeeStandardError("point fees must not decrease")
        points.append(Point(base, fee))
    return tuple(points)


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
    factors = _factors(data.get("factors"))
    if factors and fee_type == "negotiated":
        raise FeeStandardError("a negotiated fee has no adjustment factors")

    common: dict[str, Any] = {
        "type": fee_type,
        "base_label": str(data.get("base_label") or ""),
        "source": str(data.get("source") or ""),
        "discount_max_pct": discount_pct,
        "factors": factors,
    }
    floor_fen = _fen(data, "floor_fen", required=False)
    cap_fen = _fen(data, "cap_fen", required=False)
    if floor_fen is not None and cap_fen is not None and cap_fen < floor_fen:
        raise FeeStandardError("cap_fen is below floor_fen")
    if fee_type != "negotiated":
        common.update(floor_fen=floor_fen, cap_fen=cap_fen)

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
        return FeeStandard(**common, base_unit=unit, price_fen=price)

    base_unit = data.get("base_unit")
    if base_unit not in AMOUNT_UNITS:
        raise FeeStandardError(f"base_unit must be one of {AMOUNT_UNITS}, not {base_unit!r}")
    if fee_type == "rate":
        return FeeStandard(**common, base_unit=base_unit, rate_pct=_percent(data, "rate"))
    if fee_type == "tiered":
        return FeeStandard(**common, base_unit=base_unit, bands=_bands(data.get("bands")))

    points = _points(data.get("points"))
    below = _percent(data, "below_rate") if data.get("below_rate") is not None else None
    above = _percent(data, "above_rate") if data.get("above_rate") is not None else None
    if below is not None and points[0].base == 0:
        raise FeeStandardError("a table that starts at zero has nothing below it")
    return FeeStandard(
        **common, base_unit=base_unit, points=points, below_rate_pct=below, above_rate_pct=above
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


def resolve_factors(
    standard: FeeStandard, chosen: Mapping[str, str] | None = None
) -> tuple[ChosenFactor, ...]:
    """The option of every factor of ``standard``: the chosen one, else the default.

    ``chosen`` maps factor keys to option keys. Raises ``InvalidFactor`` for a factor
    the standard does not have or an option it does not publish.
    """
    chosen = chosen or {}
    known = {f.key for f in standard.factors}
    for key in chosen:
        if key not in known:
            raise InvalidFactor(
                "factor_unknown",
                N_("This fee standard has no adjustment factor “%(value)s”."),
                factor=str(key),
                value=str(key)[:40],
            )
    resolved = []
    for factor in standard.factors:
        option_key = chosen.get(factor.key) or factor.default
        option = factor.option(option_key)
        if option is None:
            raise InvalidFactor(
                "factor_not_listed",
                N_("Choose one of the published values of the adjustment factor."),
                factor=factor.key,
            )
        resolved.append(ChosenFactor(factor, option))
    return tuple(resolved)


def _round_fen(value: Fraction) -> int:
    """Half up to the fen (fees are never negative)."""
    return int((value + Fraction(1, 2)) // 1)


def _tiered_fen(standard: FeeStandard, base: Fraction) -> Fraction:
    """The progressive fee in fen: each band's rate on the part of the base in it."""
    total = Fraction(0)
    lower = Fraction(0)
    for band in standard.bands:
        upper = base if band.up_to is None else min(base, Fraction(band.up_to))
        if upper <= lower:
            break
        total += (upper - lower) * Fraction(band.rate_pct)
        if band.up_to is None or base <= band.up_to:
            break
        lower = Fraction(band.up_to)
    return total * _fen_per_unit(standard) / 100


def _interpolated_fen(standard: FeeStandard, base: Fraction) -> Fraction:
    """The table's fee in fen: straight-line interpolation between the points around ``base``
    (Y = Y1 + (Y2 − Y1) ÷ (X2 − X1) × (X − X1), 发改价格〔2007〕670号 附件 1.0.8).

    Below the first point and beyond the last the fee is the end point's, or the published
    rate on the base where there is one; a rate never takes the fee past the end point's
    fee the wrong way, so the fee never falls as the base grows.
    """
    points = standard.points
    first, last = points[0], points[-1]
    if base < first.base:
        if standard.below_rate_pct is None:
            return Fraction(first.fee_fen)
        by_rate = base * Fraction(standard.below_rate_pct) * _fen_per_unit(standard) / 100
        return min(by_rate, Fraction(first.fee_fen))
    if base > last.base:
        if standard.above_rate_pct is None:
            return Fraction(last.fee_fen)
        by_rate = base * Fraction(standard.above_rate_pct) * _fen_per_unit(standard) / 100
        return max(by_rate, Fraction(last.fee_fen))
    for lower, upper in pairwise(points):
        if base <= upper.base:
            x1, x2 = Fraction(lower.base), Fraction(upper.base)
            return lower.fee_fen + (upper.fee_fen - lower.fee_fen) * (base - x1) / (x2 - x1)
    raise AssertionError("unreachable: base is inside the table")


def _fen_per_unit(standard: FeeStandard) -> int:
    assert standard.base_unit is not None
    return _FEN_PER_UNIT_AMOUNT[standard.base_unit]


def estimate_fee(
    standard: FeeStandard,
    base: Decimal | None = None,
    factors: Mapping[str, str] | None = None,
) -> FeeEstimate:
    """The fee (or range) ``standard`` yields for ``base`` and the chosen ``factors``.

    ``base`` is in the standard's base unit and is needed by the rate, tiered,
    interpolated and per-unit standards; pass a value from ``parse_base``. ``factors`` maps
    factor keys to option keys (defaults for the rest). Raises ``InvalidBase`` when a
    needed base is missing or not positive, ``InvalidFactor`` for an unpublished option.
    """
    if standard.type == "negotiated":
        assert standard.low_fen is not None and standard.high_fen is not None
        return FeeEstimate(standard.low_fen, standard.high_fen)

    chosen = resolve_factors(standard, factors)
    if standard.type == "fixed":
        assert standard.amount_fen is not None
        exact = Fraction(standard.amount_fen)
    else:
        if base is None:
            raise InvalidBase("base_missing", "Enter the base amount to estimate the fee.")
        if base <= 0:
            raise InvalidBase("base_not_positive", "The base amount must be greater than zero.")
        if base > MAX_BASE:
            raise InvalidBase("base_too_large", "The base amount is too large to price.")
        amount = Fraction(base)
        if standard.type == "rate":
            assert standard.rate_pct is not None
            exact = amount * Fraction(standard.rate_pct) * _fen_per_unit(standard) / 100
        elif standard.type == "tiered":
            exact = _tiered_fen(standard, amount)
        elif standard.type == "interpolated":
            exact = _interpolated_fen(standard, amount)
        else:
            assert standard.price_fen is not None
            exact = amount * standard.price_fen
    for choice in chosen:
        exact *= Fraction(choice.option.value)

    fee = _round_fen(exact)
    if standard.cap_fen is not None:
        fee = min(fee, standard.cap_fen)
    low = fee
    if standard.discount_max_pct is not None:
        low = _round_fen(fee * (100 - Fraction(standard.discount_max_pct)) / 100)
    if standard.floor_fen is not None:
        # the minimum is the lowest fee charged, discount included
        fee = max(fee, standard.floor_fen)
        low = max(low, standard.floor_fen)
    return FeeEstimate(low, fee)
