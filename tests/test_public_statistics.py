"""The figures the platform publishes: the public statistics page and its open data equal
the back office's for the same period, and show nothing private.

The world is test_statistics' (eleven orders of two categories, January to March 2026
asked for). The working days each delivered order used, by the official calendar (New
Year 1-3 January off and Sunday 4 January worked; Spring Festival 15-23 February off,
Saturdays 14 and 28 February worked), counted from the day after acceptance:

    order  category  accepted     delivered    used  time limit
    A1     EIA       2026-01-12   2026-01-20     6   15
    A3     EIA       2026-02-02   2026-03-30    36   15
    A5     EIA       2025-12-22   2026-01-06    10   15
    B1     LPT       2026-01-05   2026-01-09     4    5
    B2     LPT       2026-03-02   2026-03-20    14    5
    B5     LPT       2026-02-10   2026-03-03    11    5

EIA: 52 days over 3 orders (17.3) against 45 (15.0); LPT: 29 over 3 (9.7) against 15
(5.0); together 81 over 6 (13.5) against 60 (10.0). Agencies with a public item: EIA has
Qinghe (local) and Hengyuan (external), LPT Hengyuan, SSE none; two agencies in all, one
local (the suspended agency's item is not public).
"""

from __future__ import annotations

import datetime as dt
import re

import httpx
import pytest

from marketplace.core.calendar import load_calendar
from marketplace.orders import monthly
from marketplace.orders.clock import clock_of
from marketplace.orders.models import Order
from marketplace.statistics import published, services
from marketplace.statistics.services import AgencyCount, CategoryRef, WorkingDays
from tests.accounts_helpers import sign_in
from tests.order_helpers import OrderWorld, as_current
from tests.test_statistics import Q1, Q1_QUERY, _ref, statistics_world

D = dt.date


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await statistics_world()


# --- the figures -----------------------------------------------------------------------


async def test_working_days_used_against_the_time_limits(world: OrderWorld) -> None:
    eia, lpt = _ref(world.catalogue.eia), _ref(world.catalogue.lightning)

    stats = await services.dashboard(period=Q1)

    assert stats.working_days == (WorkingDays(eia, 3, 52, 45), WorkingDays(lpt, 3, 29, 15))
    assert stats.working_days_overall == WorkingDays(None, 6, 81, 60)
    assert [(d.mean_used, d.mean_committed) for d in stats.working_days] == [
        (17.3, 15.0),
        (9.7, 5.0),
    ]
    assert (stats.working_days_overall.mean_used, stats.working_days_overall.mean_committed) == (
        13.5,
        10.0,
    )


async def test_working_days_leave_out_the_pauses_for_materials(world: OrderWorld) -> None:
    # given B2 is redated as if it had waited nine working days for materials
    b2 = await Order.get(project_name="项目B2")
    await Order.filter(id=b2.id).update(paused_days=9, deadline=D(2026, 3, 20))
    # with the days its clock then stopped at on delivery, and the months recounted
    b2 = await Order.get(id=b2.id)
    assert b2.delivered_on is not None
    stopped = clock_of(b2, await load_calendar(), b2.delivered_on)
    await Order.filter(id=b2.id).update(days_used=stopped.days_used)
    await monthly.recount()

    stats = await services.dashboard(period=Q1)

    # then it used 5 of its 14 working days, so LPT used 4 + 5 + 11
    lpt = next(d for d in stats.working_days if d.category and d.category.code == "LPT")
    assert lpt == WorkingDays(_ref(world.catalogue.lightning), 3, 20, 15)


async def test_agencies_by_category_local_and_external(world: OrderWorld) -> None:
    c = world.catalogue
    seismic = CategoryRef(c.seismic.id, "SSE", "地震安全性评价", "Seismic safety evaluation")

    stats = await services.dashboard(period=Q1)

    assert stats.agencies == (
        AgencyCount(_ref(c.eia), 2, 1),
        AgencyCount(_ref(c.lightning), 1, 0),
        AgencyCount(seismic, 0, 0),
    )
    assert stats.agencies_overall == AgencyCount(None, 2, 1)  # Hengyuan counted once
    assert [(a.local_share.rate, a.external_share.rate) for a in stats.agencies] == [
        (0.5, 0.5),
        (0.0, 1.0),
        (None, None),
    ]


# --- the open data ---------------------------------------------------------------------

_EIA = {
    "agencies": 2,
    "local_agencies": 1,
    "external_agencies": 1,
    "local_share": 0.5,
    "external_share": 0.5,
    "orders_placed": 5,
    "orders_ended": 4,
    "orders_completed": 2,
    "completion_rate": 0.5,
    "orders_delivered": 3,
    "delivered_on_time": 2,
    "on_time_rate": 0.6667,
    "mean_working_days_used": 17.3,
    "mean_time_limit_days": 15.0,
    "ratings": 3,
    "mean_rating": 3.93,
}
_LPT = {
    "agencies": 1,
    "local_agencies": 0,
    "external_agencies": 1,
    "local_share": 0.0,
    "external_share": 1.0,
    "orders_placed": 4,
    "orders_ended": 3,
    "orders_completed": 2,
    "completion_rate": 0.6667,
    "orders_delivered": 3,
    "delivered_on_time": 1,
    "on_time_rate": 0.3333,
    "mean_working_days_used": 9.7,
    "mean_time_limit_days": 5.0,
    "ratings": 1,
    "mean_rating": 5.0,
}
_SSE = {
    "agencies": 0,
    "local_agencies": 0,
    "external_agencies": 0,
    "local_share": None,
    "external_share": None,
    "orders_placed": 0,
    "orders_ended": 0,
    "orders_completed": 0,
    "completion_rate": None,
    "orders_delivered": 0,
    "delivered_on_time": 0,
    "on_time_rate": None,
    "mean_working_days_used": None,
    "mean_time_limit_days": None,
    "ratings": 0,
    "mean_rating": None,
}
_ALL = {
    "agencies": 2,
    "local_agencies": 1,
    "external_agencies": 1,
    "local_share": 0.5,
    "external_share": 0.5,
    "orders_placed": 9,
    "orders_ended": 7,
    "orders_completed": 4,
    "completion_rate": 0.5714,
    "orders_delivered": 6,
    "delivered_on_time": 3,
    "on_time_rate": 0.5,
    "mean_working_days_used": 13.5,
    "mean_time_limit_days": 10.0,
    "ratings": 4,
    "mean_rating": 4.2,
}


async def _lodge_complaints(world: OrderWorld) -> None:
    """Two complaints in Q1, one answered in time with a satisfied verdict."""
    from marketplace.complaints import services as complaints

    buyer, office = await as_current(world.enterprise), await as_current(world.admin)
    first = await complaints.lodge(
        actor=buyer,
        topic="fees",
        description="收费超出公示标准",
        idempotency_key="public-complaint-1",
        agency_id=world.catalogue.qinghe.id,
        on=D(2026, 1, 12),
    )
    await complaints.lodge(
        actor=buyer,
        topic="fees",
        description="报告逾期未交付",
        idempotency_key="public-complaint-2",
        agency_id=world.catalogue.hengyuan.id,
        on=D(2026, 3, 2),
    )
    await complaints.answer(first.id, actor=office, text="已责令退还多收费用", on=D(2026, 1, 19))
    await complaints.give_feedback(first.id, actor=buyer, satisfied="yes", feedback="满意")


async def test_the_open_data_json(client: httpx.AsyncClient, world: OrderWorld) -> None:
    await _lodge_complaints(world)

    response = await client.get("/api/v1/statistics", params={"from": "2026-01", "to": "2026-03"})

    assert response.status_code == 200
    body = response.json()
    assert body["period"] == {"from": "2026-01", "to": "2026-03", "time_zone": "Asia/Shanghai"}
    assert body["categories"] == [
        {"code": "EIA", "name": "环境影响评价", "name_en": "Environmental impact assessment"}
        | _EIA,
        {"code": "LPT", "name": "防雷装置检测", "name_en": "Lightning protection testing"} | _LPT,
        {"code": "SSE", "name": "地震安全性评价", "name_en": "Seismic safety evaluation"} | _SSE,
    ]
    assert body["all_categories"] == _ALL
    # received 2, one handled in time (19 January is the 5th working day), one still open
    # (due 9 March, long past)
    assert body["complaints"] == {
        "received": 2,
        "handled": 1,
        "handling_rate": 0.5,
        "answered_in_time": 1,
        "in_time_rate": 1.0,
        "overdue_open": 1,
        "verdicts": 1,
        "satisfied": 1,
        "satisfaction_rate": 1.0,
    }
    # nothing private: no enterprise, project or complaint text
    for private in ("买方", "buyer@example.com", "项目A1", "收费超出", "已责令", "满意"):
        assert private not in response.text


async def test_the_public_figures_are_the_back_offices(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    await _lodge_complaints(world)
    admin = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(admin, "admin@example.com")

    public_page = await client.get("/statistics", params=Q1_QUERY)
    office_page = await admin.get("/backoffice/statistics", params=Q1_QUERY)
    public_json = (await client.get("/api/v1/statistics", params=Q1_QUERY)).json()
    office_csv = await admin.get(
        "/backoffice/statistics.csv", params={**Q1_QUERY, "table": "complaints"}
    )
    public_csv = await client.get(
        "/api/v1/statistics", params={**Q1_QUERY, "format": "csv", "table": "complaints"}
    )

    # the same table on both pages, the same JSON as the office's own figures
    table = re.compile(r'<table class="published-figures">.*?</table>', re.S)
    shown = table.findall(public_page.text)
    assert len(shown) == 1 and table.findall(office_page.text) == shown
    assert public_json == published.open_data(await services.dashboard(period=Q1))
    assert public_csv.content == office_csv.content
    text = " ".join(re.sub(r"<[^>]+>", " ", shown[0]).split())
    assert (
        "Environmental impact assessment 2 1 1 50.0% 5 3 66.7% 17.3 15.0 "
        "Lightning protection testing 1 0 1 0.0% 4 3 33.3% 9.7 5.0 "
        "Seismic safety evaluation 0 0 0 — 0 0 — — — "
        "All categories 2 1 1 50.0% 9 6 50.0% 13.5 10.0"
    ) in text


async def test_the_public_page_for_visitors(client: httpx.AsyncClient, world: OrderWorld) -> None:
    await _lodge_complaints(world)

    response = await client.get("/statistics", params=Q1_QUERY)

    assert response.status_code == 200
    text = " ".join(re.sub(r"<[^>]+>", " ", response.text).split())
    assert '/statistics">Statistics</a>' in response.text  # in the site navigation
    assert "2026-01 to 2026-03 (3 months, Beijing time)" in text
    assert "Admitted agencies 2 1 local, 1 from outside" in text
    assert "Orders placed 9 in 3 months" in text
    assert "On-time rate 50.0% 3 of 6 deliveries on time" in text
    assert "Average working days used 13.5 against 10.0 committed" in text
    assert "Handling rate 50.0% 1 of 2" in text
    assert "Satisfaction rate 100.0% 1 of 1" in text
    assert 'href="/api/v1/statistics?from=2026-01&amp;to=2026-03"' in response.text
    assert 'href="/api/v1/statistics?from=2026-01&amp;to=2026-03&amp;format=csv"' in response.text
    for private in ("买方", "项目A1", "收费超出", "已责令", "报告逾期"):
        assert private not in response.text


async def test_the_open_data_csv(client: httpx.AsyncClient, world: OrderWorld) -> None:
    response = await client.get("/api/v1/statistics", params={**Q1_QUERY, "format": "csv"})

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == (
        'attachment; filename="marketplace-statistics-categories-2026-01-2026-03.csv"'
    )
    assert response.content == (
        "\ufeffFirst month,Last month,Code,Category,Agencies,Local agencies,External agencies,"
        "Local share (%),Orders placed,Ended orders,Completed,Completion rate (%),Delivered,"
        "Delivered on time,On-time rate (%),Average working days used,"
        "Average committed time limit (working days),Ratings,Average rating\r\n"
        "2026-01,2026-03,EIA,Environmental impact assessment,2,1,1,50.0,5,4,2,50.0,3,2,"
        "66.7,17.3,15.0,3,3.93\r\n"
        "2026-01,2026-03,LPT,Lightning protection testing,1,0,1,0.0,4,3,2,66.7,3,1,"
        "33.3,9.7,5.0,1,5.00\r\n"
        "2026-01,2026-03,SSE,Seismic safety evaluation,0,0,0,,0,0,0,,0,0,,,,0,\r\n"
        "2026-01,2026-03,,All categories,2,1,1,50.0,9,7,4,57.1,6,3,50.0,13.5,10.0,4,"
        "4.20\r\n"
    ).encode("utf-8")


async def test_bad_requests_for_open_data_are_422s_that_say_why(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    cases = {
        "from": {"from": "2026-13", "lang": "en"},
        "format": {"format": "xml", "lang": "en"},
        "table": {"format": "csv", "table": "orders", "lang": "en"},
    }
    answers = {
        field: (await client.get("/api/v1/statistics", params=query)).json()["error"]
        for field, query in cases.items()
    }
    page = await client.get("/statistics", params={"from": "2026-03", "to": "2026-01"})

    assert {f: (e["field"], e["message"]) for f, e in answers.items()} == {
        "from": ("from", "Enter a month as YYYY-MM, for example 2026-03."),
        "format": ("format", "format must be json or csv."),
        "table": ("table", "table must be categories or complaints."),
    }
    assert page.status_code == 422
    assert 'aria-invalid="true"' in page.text
