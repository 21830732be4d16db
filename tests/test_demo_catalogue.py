"""The demo catalogue, as loaded by `marketplace seed-demo`, keeps the domain's rules."""

from __future__ import annotations

from collections import Counter

from marketplace.catalog.demo import seed_demo
from marketplace.catalog.fees import estimate_fee, parse_fee_standard
from marketplace.catalog.models import (
    Agency,
    AgencyStatus,
    Category,
    ServiceItem,
    ServiceItemVersion,
    ServiceStatus,
)
from marketplace.catalog.services import approval_items_by_category
from marketplace.codes import check_uscc


async def test_demo_catalogue_has_twenty_categories_and_forty_admitted_agencies(
    demo_db: str,
) -> None:
    categories = await Category.all()
    agencies = await Agency.all()

    assert len(categories) == 20
    assert Counter(c.market_type.value for c in categories) == {
        "competitive": 16,
        "monopoly": 1,
        "absent": 3,
    }
    assert len(agencies) == 40
    assert {a.status for a in agencies} == {AgencyStatus.ADMITTED}
    assert all(check_uscc(a.credit_code) == a.credit_code for a in agencies)
    assert await ServiceItem.filter(status=ServiceStatus.PUBLISHED).count() == 55
    assert await ServiceItemVersion.all().count() == 55
    assert Counter(item.fee_type for item in await ServiceItem.all()) == {
        "tiered": 5,
        "interpolated": 1,  # 计价格〔2002〕125号 (the EIA report book)
        "fixed": 15,
        "negotiated": 14,
        "rate": 3,
        "per_unit": 17,
    }


async def test_demo_categories_serve_approval_items_as_city_lists_do(demo_db: str) -> None:
    categories = {c.code: c for c in await Category.all()}
    serves = await approval_items_by_category([c.id for c in categories.values()])

    # the services a Jiangsu coastal city's list has, and none that is no approval's condition
    assert {"FEASIBILITY", "FOREST", "RECLAIM", "SEA", "NAV"} <= set(categories)
    assert not {"TENDER", "SUPERVISION", "FIRE", "COST"} & set(categories)
    assert {code: [a.code for a in serves[c.id]] for code, c in categories.items()} == {
        "EIA": ["EIA"],
        "SAFETY": ["SAFETY"],
        "ENERGY": ["ENERGY"],
        "SWC": ["SWC"],
        "GHA": ["LAND"],
        "FOREST": ["FOREST"],
        "RECLAIM": ["LAND"],
        "SSRA": ["GOV-FS", "ENT-APPROVAL"],
        "FEASIBILITY": ["GOV-FS", "ENT-APPROVAL"],
        "SURVEY": ["PLAN", "PLAN-CHECK", "REGISTRATION"],
        "DRAWING": ["PERMIT"],
        "SPECIAL": ["EQUIPMENT"],
        "LIGHTNING": ["LIGHTNING"],
        "SEISMIC": ["SEISMIC"],
        "OHA": [],
        "WRA": ["WATER"],
        "FLOOD": ["FLOOD"],
        "SEA": ["SEA"],
        "NAV": ["NAV-WORKS", "CHANNEL"],
        "ARCH": ["ARCH"],
    }
    # lightning testing is open to the market (国发〔2016〕39号); the testing of new systems
    # and the drawing review are commissioned by the approving department at public cost
    assert categories["LIGHTNING"].market_type == "competitive"
    commissioned = {
        code for code, c in categories.items() if c.commissioned_by == "approving_department"
    }
    assert commissioned == {"DRAWING", "LIGHTNING"}
    prepared = {code for code, c in categories.items() if c.self_prepare_allowed}
    assert prepared == {"ENERGY", "RECLAIM", "SSRA", "FEASIBILITY"}
    # the one monopoly is single-provider by law
    assert [c.code for c in categories.values() if c.market_type == "monopoly"] == ["SPECIAL"]


async def test_demo_admissions_follow_the_market_type_of_each_category(demo_db: str) -> None:
    items = await ServiceItem.all().select_related("agency", "category")
    agencies_by_category: dict[str, set[Agency]] = {}
    for item in items:
        agencies_by_category.setdefault(item.category.code, set()).add(item.agency)

    for category in await Category.all():
        admitted = agencies_by_category[category.code]
        routes = {a.admission_route.value for a in admitted if a.admission_route}
        if category.market_type == "monopoly":
            assert len(admitted) == 1 and routes == {"required"}, category.code
            assert all(a.is_local for a in admitted), category.code
        elif category.market_type == "absent":
            assert routes == {"recruited"}, category.code
            assert not any(a.is_local for a in admitted), category.code
        else:
            assert category.quota is not None
            assert 2 <= len(admitted) <= category.quota, category.code
            assert routes == {"merit"}, category.code
    assert {a.is_local for a in await Agency.all()} == {True, False}


async def test_every_demo_fee_standard_prices_a_typical_base(demo_db: str) -> None:
    from decimal import Decimal

    for item in await ServiceItem.all():
        standard = parse_fee_standard(item.fee_standard)
        estimate = estimate_fee(standard, Decimal(1000) if standard.needs_base else None)
        assert 0 < estimate.low_fen <= estimate.high_fen, item.title


async def test_seeding_twice_changes_nothing(db: str) -> None:
    assert await seed_demo() is True
    assert await seed_demo() is False
    assert await Category.all().count() == 20
    assert await Agency.all().count() == 40
