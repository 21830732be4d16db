"""Fee computation: exact values for each standard, and the properties tiered fees keep."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketplace.catalog.fees import (
    FeeEstimate,
    FeeStandardError,
    InvalidBase,
    InvalidFactor,
    estimate_fee,
    parse_base,
    parse_fee_standard,
)

# A progressive table shaped like the works bands of 计价格〔2002〕1980号 (the real one, as
# amended by 发改价格〔2011〕534号, is tested in test_price_documents.py), base in 万元.
TENDER_AGENCY = {
    "type": "tiered",
    "base_unit": "wan_yuan",
    "base_label": "中标金额",
    "bands": [
        {"up_to": "100", "rate": "1.0"},
        {"up_to": "500", "rate": "0.7"},
        {"up_to": "1000", "rate": "0.55"},
        {"up_to": "5000", "rate": "0.35"},
        {"up_to": "10000", "rate": "0.2"},
        {"up_to": "100000", "rate": "0.05"},
        {"up_to": "1000000", "rate": "0.035"},
        {"up_to": None, "rate": "0.008"},
    ],
}


def _fee(data: dict, base: str | None = None, factors: dict | None = None) -> FeeEstimate:
    return estimate_fee(
        parse_fee_standard(data), Decimal(base) if base is not None else None, factors
    )


def test_fixed_fee_needs_no_base() -> None:
    assert _fee({"type": "fixed", "amount_fen": 2_500_000}) == FeeEstimate(2_500_000, 2_500_000)


def test_fixed_fee_with_discount_is_a_range() -> None:
    standard = {"type": "fixed", "amount_fen": 2_500_000, "discount_max_pct": "20"}
    assert _fee(standard) == FeeEstimate(2_000_000, 2_500_000)


def test_rate_fee_applies_floor_and_cap() -> None:
    standard = {
        "type": "rate",
        "base_unit": "yuan",
        "rate": "0.45",
        "floor_fen": 300_000,
        "cap_fen": 50_000_000,
    }
    # 0.45 % of 2,345,678.91 yuan = 10,555.555095 yuan → 1,055,556 fen (half up)
    assert _fee(standard, "2345678.91") == FeeEstimate(1_055_556, 1_055_556)
    assert _fee(standard, "10000") == FeeEstimate(300_000, 300_000)  # 45 yuan, below the floor
    assert _fee(standard, "1000000000") == FeeEstimate(50_000_000, 50_000_000)  # capped


def test_tiered_fee_charges_each_band_on_its_own_part() -> None:
    # 100×1% + 400×0.7% + 500×0.55% + 2000×0.35% = 1 + 2.8 + 2.75 + 7 = 13.55 万元
    assert _fee(TENDER_AGENCY, "3000") == FeeEstimate(13_550_000, 13_550_000)
    assert _fee(TENDER_AGENCY, "100") == FeeEstimate(1_000_000, 1_000_000)
    assert _fee(TENDER_AGENCY, "50") == FeeEstimate(500_000, 500_000)
    # past the last edge: 1 + 2.8 + 2.75 + 4000×0.35% + 5000×0.2% + 90000×0.05%
    #   + 900000×0.035% + 500000×0.008% = 430.55 万元
    assert _fee(TENDER_AGENCY, "1500000") == FeeEstimate(430_550_000, 430_550_000)


def test_per_unit_fee_rounds_half_up_to_the_fen() -> None:
    standard = {"type": "per_unit", "unit": "m2", "price_fen": 135, "floor_fen": 100_000}
    assert _fee(standard, "12345.67") == FeeEstimate(1_666_665, 1_666_665)  # 1,666,665.45
    assert _fee(standard, "12345.674") == FeeEstimate(1_666_666, 1_666_666)  # 1,666,665.99
    assert _fee(standard, "10") == FeeEstimate(100_000, 100_000)


def test_negotiated_fee_is_its_indicative_range() -> None:
    standard = {"type": "negotiated", "low_fen": 2_000_000, "high_fen": 8_000_000}
    assert _fee(standard) == FeeEstimate(2_000_000, 8_000_000)
    assert _fee(standard, "123") == FeeEstimate(2_000_000, 8_000_000)


def test_discount_on_a_computed_fee() -> None:
    standard = {**TENDER_AGENCY, "discount_max_pct": "15"}
    assert _fee(standard, "3000") == FeeEstimate(11_517_500, 13_550_000)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (None, "base_missing"),
        ("   ", "base_missing"),
        ("abc", "base_not_a_number"),
        ("NaN", "base_not_a_number"),
        ("Infinity", "base_not_a_number"),
        ("1e3x", "base_not_a_number"),
        ("0", "base_not_positive"),
        ("-5", "base_not_positive"),
        ("1000000000001", "base_too_large"),
        ("1.23456", "base_too_precise"),
    ],
)
def test_bases_that_cannot_be_priced_are_refused_with_a_reason(raw: str | None, code: str) -> None:
    with pytest.raises(InvalidBase) as refused:
        parse_base(raw)
    assert refused.value.code == code


def test_bases_people_type_are_read() -> None:
    assert parse_base(" 1,200.5 ") == Decimal("1200.5")
    assert parse_base("3000") == Decimal(3000)
    assert parse_base("1e3") == Decimal(1000)


def test_a_standard_that_needs_a_base_refuses_to_price_without_one() -> None:
    with pytest.raises(InvalidBase) as refused:
        _fee(TENDER_AGENCY)
    assert refused.value.code == "base_missing"


def _factor(key: str = "sensitivity", default: str | None = None) -> dict:
    factor = {
        "key": key,
        "name": "环境敏感程度调整系数",
        "name_en": "Environmental sensitivity factor",
        "options": [
            {"key": "sensitive", "value": "1.2", "label": "敏感", "label_en": "Sensitive"},
            {"key": "neutral", "value": "1.0", "label": "一般", "label_en": "Ordinary"},
            {"key": "insensitive", "value": "0.8", "label": "不敏感", "label_en": "Insensitive"},
        ],
    }
    if default is not None:
        factor["default"] = default
    return factor


@pytest.mark.parametrize(
    "data",
    [
        {"type": "hourly"},
        {"type": "fixed"},
        {"type": "fixed", "amount_fen": 1.5},
        {"type": "fixed", "amount_fen": -1},
        {"type": "fixed", "amount_fen": 100, "discount_max_pct": "100"},
        {"type": "rate", "base_unit": "yuan", "rate": "0"},
        {"type": "rate", "base_unit": "m2", "rate": "1"},
        {"type": "rate", "base_unit": "yuan", "rate": 0.5},
        {"type": "rate", "base_unit": "yuan", "rate": "1", "floor_fen": 10, "cap_fen": 5},
        {"type": "tiered", "base_unit": "wan_yuan", "bands": []},
        {
            "type": "tiered",
            "base_unit": "wan_yuan",
            "bands": [{"up_to": None, "rate": "1"}, {"up_to": "5", "rate": "1"}],
        },
        {
            "type": "tiered",
            "base_unit": "wan_yuan",
            "bands": [{"up_to": "5", "rate": "1"}, {"up_to": "5", "rate": "1"}],
        },
        {"type": "per_unit", "unit": "acre", "price_fen": 10},
        {"type": "per_unit", "unit": "m2", "price_fen": 0},
        {"type": "negotiated", "low_fen": 10, "high_fen": 5},
        {"type": "negotiated", "low_fen": 5, "high_fen": 10, "discount_max_pct": "10"},
        {"type": "interpolated", "base_unit": "wan_yuan", "points": [{"base": "1", "fee_fen": 5}]},
        {
            "type": "interpolated",
            "base_unit": "wan_yuan",
            "points": [{"base": "2", "fee_fen": 5}, {"base": "1", "fee_fen": 9}],
        },
        {
            "type": "interpolated",  # a fee that falls as the base grows
            "base_unit": "wan_yuan",
            "points": [{"base": "1", "fee_fen": 9}, {"base": "2", "fee_fen": 5}],
        },
        {
            "type": "interpolated",  # nothing is below zero
            "base_unit": "wan_yuan",
            "points": [{"base": "0", "fee_fen": 5}, {"base": "2", "fee_fen": 9}],
            "below_rate": "1",
        },
        {"type": "fixed", "amount_fen": 100, "factors": [{"key": "k", "name": "n"}]},
        {"type": "fixed", "amount_fen": 100, "factors": [_factor(default="nope")]},
        {"type": "fixed", "amount_fen": 100, "factors": [_factor(), _factor()]},
        {"type": "fixed", "amount_fen": 100, "factors": [_factor(key="Bad Key")]},
        {
            "type": "fixed",
            "amount_fen": 100,
            "factors": [{**_factor(), "options": [{"key": "a", "value": "0.8", "label": "x"}]}],
        },
        {
            "type": "fixed",
            "amount_fen": 100,
            "factors": [{**_factor(), "options": [{"key": "a", "value": "1.2"}]}],
        },
        {"type": "negotiated", "low_fen": 5, "high_fen": 10, "factors": [_factor()]},
    ],
)
def test_malformed_standards_are_rejected(data: dict) -> None:
    with pytest.raises(FeeStandardError):
        parse_fee_standard(data)


# The demo's report-book fee before issue 13: 0.2 % of the first 3,000 万元, a minimum of
# ¥50,000 and a discount of up to 20 %.
OLD_REPORT_BOOK: dict = {
    "type": "tiered",
    "base_unit": "wan_yuan",
    "base_label": "项目估算总投资",
    "bands": [
        {"up_to": "3000", "rate": "0.2"},
        {"up_to": "20000", "rate": "0.053"},
        {"up_to": None, "rate": "0.007"},
    ],
    "floor_fen": 5_000_000,
    "cap_fen": None,
    "discount_max_pct": "20",
}


def test_the_minimum_is_the_lowest_fee_charged_discount_included() -> None:
    # 3,000 万元 × 0.2 % = ¥60,000; 20 % off would be ¥48,000, below the ¥50,000 minimum
    assert _fee(OLD_REPORT_BOOK, "3000") == FeeEstimate(5_000_000, 6_000_000)
    # ¥40,000 by the formula: the minimum is the only fee
    assert _fee(OLD_REPORT_BOOK, "2000") == FeeEstimate(5_000_000, 5_000_000)
    # 6 + 1000 × 0.053 % = 6.53 万元; 20 % off 5.224 万元, above the minimum
    assert _fee(OLD_REPORT_BOOK, "4000") == FeeEstimate(5_224_000, 6_530_000)


def test_a_standard_stored_before_factors_and_tables_still_loads() -> None:
    standard = parse_fee_standard(OLD_REPORT_BOOK)
    assert standard.factors == ()
    assert standard.points == ()
    assert standard.default_factors() == {}


INTERPOLATED = {
    "type": "interpolated",
    "base_unit": "wan_yuan",
    "points": [
        {"base": "500", "fee_fen": 16_500_000},
        {"base": "1000", "fee_fen": 30_100_000},
        {"base": "3000", "fee_fen": 78_100_000},
    ],
}


def test_an_interpolated_fee_runs_straight_between_the_points() -> None:
    assert _fee(INTERPOLATED, "500") == FeeEstimate(16_500_000, 16_500_000)
    assert _fee(INTERPOLATED, "1000") == FeeEstimate(30_100_000, 30_100_000)
    # 16.5 + (30.1 − 16.5) × 250 / 500 = 23.3 万元
    assert _fee(INTERPOLATED, "750") == FeeEstimate(23_300_000, 23_300_000)
    # 30.1 + 48 × 1 / 2000 万元 = 30.124 万元
    assert _fee(INTERPOLATED, "1001") == FeeEstimate(30_124_000, 30_124_000)
    # 30.1 万元 + 48 万元 × 0.0001 / 2000 = 30,100,000 + 2.4 fen, rounded down
    assert _fee(INTERPOLATED, "1000.0001") == FeeEstimate(30_100_002, 30_100_002)
    # 30.1 万元 + 48 万元 × 0.0002 / 2000 = 30,100,000 + 4.8 fen, rounded up
    assert _fee(INTERPOLATED, "1000.0002") == FeeEstimate(30_100_005, 30_100_005)


def test_an_interpolated_fee_is_flat_beyond_its_ends_unless_a_rate_is_published() -> None:
    assert _fee(INTERPOLATED, "100") == FeeEstimate(16_500_000, 16_500_000)
    assert _fee(INTERPOLATED, "90000") == FeeEstimate(78_100_000, 78_100_000)
    with_rates = {**INTERPOLATED, "below_rate": "3.3", "above_rate": "2.5"}
    assert _fee(with_rates, "100") == FeeEstimate(3_300_000, 3_300_000)  # 3.3 % of 100 万元
    # 2.5 % of 3,001 万元 is 75.025 万元, below the last point: the fee stays at 78.1
    assert _fee(with_rates, "3001") == FeeEstimate(78_100_000, 78_100_000)
    assert _fee(with_rates, "4000") == FeeEstimate(100_000_000, 100_000_000)  # 2.5 % of 4,000


def test_factors_multiply_the_fee_and_default_to_the_neutral_value() -> None:
    standard = {"type": "fixed", "amount_fen": 2_000_000, "factors": [_factor()]}
    assert parse_fee_standard(standard).default_factors() == {"sensitivity": "neutral"}
    assert _fee(standard) == FeeEstimate(2_000_000, 2_000_000)
    assert _fee(standard, factors={"sensitivity": "sensitive"}) == FeeEstimate(2_400_000, 2_400_000)
    assert _fee(standard, factors={"sensitivity": "insensitive"}) == FeeEstimate(
        1_600_000, 1_600_000
    )
    # two factors multiply: 23.3 万元 × 1.2 × 0.8 = 22.368 万元
    two = {**INTERPOLATED, "factors": [_factor(), _factor(key="industry")]}
    chosen = {"sensitivity": "sensitive", "industry": "insensitive"}
    assert _fee(two, "750", chosen) == FeeEstimate(22_368_000, 22_368_000)


def test_a_factor_the_standard_does_not_publish_is_refused() -> None:
    standard = {"type": "fixed", "amount_fen": 2_000_000, "factors": [_factor()]}
    with pytest.raises(InvalidFactor) as unknown:
        _fee(standard, factors={"altitude": "high"})
    assert (unknown.value.code, unknown.value.factor) == ("factor_unknown", "altitude")
    with pytest.raises(InvalidFactor) as unlisted:
        _fee(standard, factors={"sensitivity": "1.5"})
    assert (unlisted.value.code, unlisted.value.factor) == ("factor_not_listed", "sensitivity")


def test_the_cap_bounds_the_factored_fee_and_the_minimum_the_discounted_one() -> None:
    standard = {
        "type": "fixed",
        "amount_fen": 2_000_000,
        "factors": [_factor()],
        "cap_fen": 2_200_000,
        "floor_fen": 1_700_000,
        "discount_max_pct": "20",
    }
    # ¥24,000 capped at ¥22,000, 20 % off ¥17,600
    assert _fee(standard, factors={"sensitivity": "sensitive"}) == FeeEstimate(1_760_000, 2_200_000)
    # ¥16,000 is below the minimum, and so would be its discount
    assert _fee(standard, factors={"sensitivity": "insensitive"}) == FeeEstimate(
        1_700_000, 1_700_000
    )


# --- properties of tiered (progressive) fees ------------------------------------------

_rates = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(100), places=3)
_edges = st.lists(
    st.decimals(min_value=Decimal(1), max_value=Decimal(10**9), places=2),
    min_size=0,
    max_size=7,
    unique=True,
).map(sorted)


@st.composite
def tiered_standards(draw: st.DrawFn) -> dict:
    edges = draw(_edges)
    bands = [{"up_to": str(edge), "rate": str(draw(_rates))} for edge in edges]
    bands.append({"up_to": None, "rate": str(draw(_rates))})
    return {
        "type": "tiered",
        "base_unit": draw(st.sampled_from(["yuan", "wan_yuan"])),
        "bands": bands,
    }


_bases = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(10**10), places=4)


@settings(max_examples=300)
@given(tiered_standards(), _bases, _bases)
def test_a_tiered_fee_never_decreases_as_the_base_grows(data: dict, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert _fee(data, str(low)).high_fen <= _fee(data, str(high)).high_fen


@settings(max_examples=300)
@given(tiered_standards())
def test_a_tiered_fee_is_continuous_at_every_band_edge(data: dict) -> None:
    step = Decimal("0.0001")
    # the largest rate is 100 %, so one ten-thousandth of a unit of 万元 moves the fee by
    # at most 100 fen; half-up rounding adds at most one fen either side
    max_jump = 100 if data["base_unit"] == "wan_yuan" else 1
    for band in data["bands"][:-1]:
        edge = Decimal(band["up_to"])
        below, at, above = (_fee(data, str(edge + d)).high_fen for d in (-step, 0, step))
        assert below <= at <= above
        assert above - below <= 2 * max_jump + 1


@settings(max_examples=200)
@given(tiered_standards(), _bases)
def test_a_tiered_fee_equals_the_sum_of_its_bands(data: dict, base: Decimal) -> None:
    unit_fen = 1_000_000 if data["base_unit"] == "wan_yuan" else 100
    lower, exact = Decimal(0), Decimal(0)
    for band in data["bands"]:
        upper = base if band["up_to"] is None else min(base, Decimal(band["up_to"]))
        if upper > lower:
            exact += (upper - lower) * Decimal(band["rate"]) * unit_fen / 100
        if band["up_to"] is not None:
            lower = Decimal(band["up_to"])
    expected = int(exact.quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    assert _fee(data, str(base)) == FeeEstimate(expected, expected)


# --- properties of interpolated and capped fees ---------------------------------------

_fees = st.integers(min_value=0, max_value=10**10)


@st.composite
def interpolated_standards(draw: st.DrawFn) -> dict:
    bases = draw(
        st.lists(
            st.decimals(min_value=Decimal(0), max_value=Decimal(10**9), places=2),
            min_size=2,
            max_size=8,
            unique=True,
        ).map(sorted)
    )
    fees = sorted(draw(st.lists(_fees, min_size=len(bases), max_size=len(bases))))
    standard: dict = {
        "type": "interpolated",
        "base_unit": draw(st.sampled_from(["yuan", "wan_yuan"])),
        "points": [{"base": str(b), "fee_fen": f} for b, f in zip(bases, fees, strict=True)],
    }
    if bases[0] > 0 and draw(st.booleans()):
        standard["below_rate"] = str(draw(_rates))
    if draw(st.booleans()):
        standard["above_rate"] = str(draw(_rates))
    return standard


@st.composite
def priced_standards(draw: st.DrawFn) -> dict:
    """An interpolated or tiered standard with any cap, minimum, discount and factors."""
    standard = draw(st.one_of(interpolated_standards(), tiered_standards()))
    floor = draw(st.none() | _fees)
    cap = draw(st.none() | _fees)
    if floor is not None and cap is not None and cap < floor:
        floor, cap = cap, floor
    if floor is not None:
        standard["floor_fen"] = floor
    if cap is not None:
        standard["cap_fen"] = cap
    if draw(st.booleans()):
        standard["discount_max_pct"] = str(draw(st.integers(min_value=1, max_value=99)))
    if draw(st.booleans()):
        standard["factors"] = [_factor()]
    return standard


@settings(max_examples=400)
@given(priced_standards(), _bases, _bases, st.sampled_from(["sensitive", "neutral", "insensitive"]))
def test_an_interpolated_or_capped_fee_never_decreases_as_the_base_grows(
    data: dict, a: Decimal, b: Decimal, option: str
) -> None:
    low, high = sorted((a, b))
    factors = {"sensitivity": option} if "factors" in data else None
    smaller, larger = _fee(data, str(low), factors), _fee(data, str(high), factors)
    assert smaller.low_fen <= larger.low_fen
    assert smaller.high_fen <= larger.high_fen
    assert larger.low_fen <= larger.high_fen
    if "cap_fen" in data:
        assert larger.high_fen <= max(data["cap_fen"], data.get("floor_fen") or 0)
    if "floor_fen" in data:
        assert smaller.low_fen >= data["floor_fen"]


@settings(max_examples=200)
@given(interpolated_standards())
def test_an_interpolated_fee_passes_through_every_point(data: dict) -> None:
    for point in data["points"]:
        if Decimal(point["base"]) > 0:
            assert _fee(data, point["base"]) == FeeEstimate(point["fee_fen"], point["fee_fen"])
