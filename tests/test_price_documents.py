"""The price documents' own tables and worked examples, computed to the fen.

1 万元 is 1,000,000 fen; bases are in 万元 throughout.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from marketplace.catalog.fees import FeeEstimate, estimate_fee, parse_fee_standard
from marketplace.catalog.price_documents import (
    EIA_REPORT_BOOK,
    SUPERVISION,
    TENDER_AGENCY_GOODS,
    TENDER_AGENCY_SERVICES,
    TENDER_AGENCY_WORKS,
)

WAN = 1_000_000


def _fee(data: object, base: str, factors: dict[str, str] | None = None) -> int:
    estimate = estimate_fee(parse_fee_standard(data), Decimal(base), factors)  # type: ignore[arg-type]
    assert estimate.low_fen == estimate.high_fen  # the documents' tables have no discount
    return estimate.high_fen


# --- 计价格〔2002〕125号 ------------------------------------------------------------------

# neutral industry, sensitive area: the table's own figure times 1.0 × 1.2
TABLE = {"industry": "general", "sensitivity": "sensitive"}


@pytest.mark.parametrize(
    ("yi_yuan", "wan_yuan"),
    [("0.3", "6"), ("2", "15"), ("10", "35"), ("50", "75"), ("100", "110")],
)
def test_the_125_table_points(yi_yuan: str, wan_yuan: str) -> None:
    base = str(Decimal(yi_yuan) * 10_000)
    assert _fee(EIA_REPORT_BOOK, base, TABLE) == int(Decimal(wan_yuan) * WAN * Decimal("1.2"))
    ordinary = {"industry": "general", "sensitivity": "ordinary"}
    assert _fee(EIA_REPORT_BOOK, base, ordinary) == int(Decimal(wan_yuan) * WAN * Decimal("0.8"))


def test_the_125_table_stops_rising_above_100_yi_yuan() -> None:
    neutral = {"sensitivity": "sensitive"}
    assert _fee(EIA_REPORT_BOOK, "1000000", neutral) == 132 * WAN  # 110 万元 × 1.2
    assert _fee(EIA_REPORT_BOOK, "1000001", neutral) == 132 * WAN
    assert _fee(EIA_REPORT_BOOK, "50000000", neutral) == 132 * WAN


def test_the_125_fee_is_interpolated_and_multiplied_by_both_factors() -> None:
    # 5 亿元 lies between 2 亿 (15 万元) and 10 亿 (35 万元):
    # 15 + (35 − 15) × (50000 − 20000) / (100000 − 20000) = 15 + 20 × 3/8 = 22.5 万元,
    # chemical industry 1.2 and a sensitive area 1.2: 22.5 × 1.44 = 32.4 万元
    chemical = {"industry": "chemical", "sensitivity": "sensitive"}
    assert _fee(EIA_REPORT_BOOK, "50000", chemical) == 32_400_000
    # the defaults: neutral industry 1.0, ordinary area 0.8 → 18 万元
    assert _fee(EIA_REPORT_BOOK, "50000") == 18_000_000
    # grain 0.6 × ordinary 0.8 = 0.48: 22.5 × 0.48 = 10.8 万元
    assert _fee(EIA_REPORT_BOOK, "50000", {"industry": "grain"}) == 10_800_000


def test_the_125_factors_are_the_published_lists() -> None:
    standard = parse_fee_standard(EIA_REPORT_BOOK)
    values = {f.key: [str(o.value) for o in f.options] for f in standard.factors}
    assert values == {
        "industry": ["1.2", "1.1", "1.0", "0.8", "0.6"],
        "sensitivity": ["1.2", "0.8"],
    }
    assert standard.default_factors() == {"industry": "general", "sensitivity": "ordinary"}


# --- 发改价格〔2007〕670号 ----------------------------------------------------------------

SUPERVISION_TABLE = [
    ("500", "16.5"),
    ("1000", "30.1"),
    ("3000", "78.1"),
    ("5000", "120.8"),
    ("8000", "181.0"),
    ("10000", "218.6"),
    ("20000", "393.4"),
    ("40000", "708.2"),
    ("60000", "991.4"),
    ("80000", "1255.8"),
    ("100000", "1507.0"),
    ("200000", "2712.5"),
    ("400000", "4882.6"),
    ("600000", "6835.6"),
    ("800000", "8658.4"),
    ("1000000", "10390.1"),
]


@pytest.mark.parametrize(("base", "wan_yuan"), SUPERVISION_TABLE)
def test_the_670_table_points(base: str, wan_yuan: str) -> None:
    assert _fee(SUPERVISION, base) == int(Decimal(wan_yuan) * WAN)


def test_the_670_worked_example() -> None:
    # the document's own: X = 35,000 万元, X1 = 20,000, X2 = 40,000, Y1 = 393.4, Y2 = 708.2:
    # Y = 393.4 + (708.2 − 393.4) ÷ (40000 − 20000) × (35000 − 20000) = 629.5 万元
    assert _fee(SUPERVISION, "35000") == 629_500_000


def test_an_interpolated_670_fee_with_its_three_factors() -> None:
    # by hand: 7,000 万元 lies between 5,000 (120.8) and 8,000 (181.0):
    # 120.8 + (181.0 − 120.8) × (7000 − 5000) / (8000 − 5000) = 120.8 + 60.2 × 2/3
    #   = 160.9333… 万元 = 160,933,333⅓ fen (the table in use rounds to 160.9333);
    # bridges 1.1 × complex 1.15 × 2,001-3,000 m 1.1 = 1.3915:
    #   160,933,333⅓ × 1.3915 = 223,938,733⅓ fen → 223,938,733 fen
    assert _fee(SUPERVISION, "7000") == 160_933_333
    chosen = {"profession": "transport_bridge", "complexity": "complex", "altitude": "from_2001"}
    assert _fee(SUPERVISION, "7000", chosen) == 223_938_733
    # landscaping 0.8 × ordinary 0.85 × 1.0: 160,933,333⅓ × 0.68 = 109,434,666.67 → …667
    assert _fee(
        SUPERVISION, "7000", {"profession": "building_landscape", "complexity": "simple"}
    ) == (109_434_667)


def test_670_beyond_the_table_uses_its_rates() -> None:
    assert _fee(SUPERVISION, "400") == 13_200_000  # 3.3 % of 400 万元
    assert _fee(SUPERVISION, "2000000") == 20_780_000_000  # 1.039 % of 2,000,000 万元
    # 1.039 % of 1,000,001 万元 is 10,390.0104 万元, below the last point's 10,390.1:
    # the fee stays at the last point rather than fall
    assert _fee(SUPERVISION, "1000001") == 10_390_100_000


def test_670_factors_default_to_the_neutral_values() -> None:
    standard = parse_fee_standard(SUPERVISION)
    assert standard.default_factors() == {
        "profession": "building",
        "complexity": "fairly_complex",
        "altitude": "below_2001",
    }
    assert {f.key: len(f.options) for f in standard.factors} == {
        "profession": 21,
        "complexity": 3,
        "altitude": 4,
    }


# --- 计价格〔2002〕1980号 and 发改价格〔2011〕534号 ------------------------------------------


def test_the_1980_worked_example() -> None:
    # 100 × 1.0 % + 400 × 0.7 % + 500 × 0.55 % + 4000 × 0.35 % + 1000 × 0.2 %
    #   = 1 + 2.8 + 2.75 + 14 + 2 = 22.55 万元
    assert _fee(TENDER_AGENCY_WORKS, "6000") == 22_550_000
    # the copy of the services table: 1.5 + 3.2 + 2.25 + 10 + 1 = 17.95 万元
    assert _fee(TENDER_AGENCY_SERVICES, "6000") == 17_950_000
    # goods: 1.5 + 4.4 + 4 + 20 + 2.5 = 32.4 万元
    assert _fee(TENDER_AGENCY_GOODS, "6000") == 32_400_000


def test_the_534_rates_above_5_yi_yuan() -> None:
    # works to 5 亿: 1 + 2.8 + 2.75 + 14 + 10 + 40000 × 0.05 % (= 20) = 50.55 万元
    assert _fee(TENDER_AGENCY_WORKS, "50000") == 50_550_000
    # 5-10 亿 at 0.035 %: + 50000 × 0.035 % = 17.5 → 68.05 万元 (1980号 alone: 75.55)
    assert _fee(TENDER_AGENCY_WORKS, "100000") == 68_050_000
    # 10-50 亿 at 0.008 %: + 32 → 100.05; 50-100 亿 at 0.006 %: + 30 → 130.05 万元
    assert _fee(TENDER_AGENCY_WORKS, "500000") == 100_050_000
    assert _fee(TENDER_AGENCY_WORKS, "1000000") == 130_050_000
    # above 100 亿 at 0.004 %: 200 亿 → 130.05 + 1000000 × 0.004 % = 170.05 万元
    assert _fee(TENDER_AGENCY_WORKS, "2000000") == 170_050_000


@pytest.mark.parametrize(
    ("standard", "cap_wan"),
    [(TENDER_AGENCY_GOODS, 350), (TENDER_AGENCY_SERVICES, 300), (TENDER_AGENCY_WORKS, 450)],
)
def test_the_534_caps_per_tender(standard: object, cap_wan: int) -> None:
    assert _fee(standard, "100000000") == cap_wan * WAN
    assert _fee(standard, "1000000000000") == cap_wan * WAN


def test_the_works_cap_binds_where_the_bands_reach_it() -> None:
    # 130.05 万元 at 100 亿, then 0.004 %: 450 万元 at 1,000,000 + 319.95 / 0.004 % = 8,998,750 万元
    assert _fee(TENDER_AGENCY_WORKS, "8998750") == 450 * WAN
    # one 万元 less is 1 万元 × 0.004 % = 0.4 yuan = 40 fen less
    assert _fee(TENDER_AGENCY_WORKS, "8998749") == 450 * WAN - 40
    assert _fee(TENDER_AGENCY_WORKS, "9000000") == 450 * WAN


def test_tender_documents_alone_are_30_percent() -> None:
    # 1980号 注1: 22.55 万元 × 0.3 = 6.765 万元
    assert _fee(TENDER_AGENCY_WORKS, "6000", {"scope": "documents_only"}) == 6_765_000


def test_an_item_adds_its_own_discount_and_minimum_to_a_document() -> None:
    standard = {**TENDER_AGENCY_WORKS, "discount_max_pct": "20", "floor_fen": 500_000}
    assert estimate_fee(parse_fee_standard(standard), Decimal(6000)) == FeeEstimate(
        18_040_000, 22_550_000
    )
    assert estimate_fee(parse_fee_standard(standard), Decimal(50)) == FeeEstimate(500_000, 500_000)
