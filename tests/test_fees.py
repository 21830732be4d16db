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
    estimate_fee,
    parse_base,
    parse_fee_standard,
)

# 招标代理服务收费标准 (计价格〔2002〕1980号), 工程招标, 差额定率累进, base in 万元.
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


def _fee(data: dict, base: str | None = None) -> FeeEstimate:
    return estimate_fee(parse_fee_standard(data), Decimal(base) if base is not None else None)


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
    ],
)
def test_malformed_standards_are_rejected(data: dict) -> None:
    with pytest.raises(FeeStandardError):
        parse_fee_standard(data)


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
