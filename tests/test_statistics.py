"""The statistics dashboard: the figures for a known set of orders, the period, the charts,
the CSV exports byte for byte, and who may see them.

The world: two categories, orders placed from December 2025 to April 2026 (Beijing time),
some right at a month's edge in UTC, each moved through its states on fixed days. The
dashboard is asked for January to March 2026.

    order  category  placed (Beijing)   end state   delivered (deadline)    rating given
    A1     EIA       2026-01-10         rated       01-20 (02-02) on time   01-25, 24 points
    A2     EIA       2026-01-15         declined
    A3     EIA       2026-02-01 01:00   rated       03-30 (02-28) late      03-31 23:59, 15
    A4     EIA       2026-03-05         placed
    A5     EIA       2025-12-20         rated       01-06 (01-13) on time   01-08, 20
    A6     EIA       2026-03-20         cancelled
    B1     LPT       2026-01-05         rated       01-09 (01-12) on time   01-10, 25
    B2     LPT       2026-03-02         delivered   03-20 (03-09) late
    B3     LPT       2026-03-10         declined
    B4     LPT       2026-04-01 00:30   placed
    B5     LPT       2026-02-10         rated       03-03 (02-2x) late      04-01 00:30, 25

A3 was placed at 17:00 UTC on 31 January, B4 at 16:30 UTC on 31 March, and B5's rating
given at 16:30 UTC on 31 March: each counts in the Beijing month, not the UTC one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import httpx
import pytest

from marketplace.accounts.models import Role, User
from marketplace.catalog.models import Category, ServiceItem
from marketplace.core.uploads import StoredFile
from marketplace.forms import FormError
from marketplace.orders import monthly
from marketplace.orders import services as orders
from marketplace.orders.models import Order
from marketplace.ratings import services as ratings
from marketplace.ratings.models import DIMENSIONS, Rating
from marketplace.statistics import backoffice, charts, export, services
from marketplace.statistics.services import (
    CategoryFigures,
    CategoryRef,
    Month,
    MonthlyOrders,
    Period,
    Series,
    Share,
)
from tests.accounts_helpers import make_user, sign_in
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world
from tests.test_catalog_views import _text

D = dt.date
UTC = dt.UTC
_FILE = [StoredFile("r.pdf", "application/pdf", 10, "0" * 64)]
Q1 = Period(Month(2026, 1), Month(2026, 3))
Q1_QUERY = {"from": "2026-01", "to": "2026-03", "lang": "en"}


def _beijing(year: int, month: int, day: int, hour: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=services.BEIJING)


def _as_stored(moment: dt.datetime) -> dt.datetime:
    """``moment`` in the application's time zone, as ``auto_now_add`` writes it.

    SQLite keeps datetimes as text and compares them as text, so a row written with
    another offset would sort wrongly; the application only ever writes Beijing time.
    """
    return moment.astimezone(services.BEIJING)


def _scores(*values: int) -> dict[str, int]:
    return dict(zip(DIMENSIONS, values, strict=True))


@dataclass
class _Order:
    item: ServiceItem
    placed_at: dt.datetime
    steps: tuple[tuple[str, D], ...] = ()  # (action, day)
    rated: tuple[D, dt.datetime, dict[str, int]] | None = None  # (day, created_at, scores)


async def _build(world: OrderWorld, name: str, spec: _Order) -> Order:
    c = world.catalogue
    staff: User = world.qinghe_staff if spec.item.id == c.report_form.id else world.hengyuan_staff
    placed = await orders.place_order(
        user=await as_current(world.enterprise),
        item_id=spec.item.id,
        project_name=f"项目{name}",
        project_code=PROJECT_CODE,
        base="10" if spec.item.id == c.lightning_check.id else None,
        note="",
        idempotency_key=f"statistics-{name}",
    )
    order_id = placed.order.id
    for action, day in spec.steps:
        by_enterprise = action in ("confirm", "cancel")
        await orders.transition(
            order_id,
            action,
            actor=await as_current(world.enterprise if by_enterprise else staff),
            on=day,
            reason="原因" if action in ("decline", "cancel") else "",
            files=_FILE if action == "deliver" else (),
        )
    await Order.filter(id=order_id).update(created_at=_as_stored(spec.placed_at))
    if spec.rated is not None:
        day, created_at, scores = spec.rated
        rating = await ratings.rate_order(
            order_id, actor=await as_current(world.enterprise), scores=scores, comment="", today=day
        )
        await Rating.filter(id=rating.id).update(created_at=_as_stored(created_at))
    return await Order.get(id=order_id)


def _delivered(accepted: D, delivered: D, completed: D | None = None) -> tuple[tuple[str, D], ...]:
    steps = (("accept", accepted), ("deliver", delivered))
    return (*steps, ("confirm", completed)) if completed else steps


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await statistics_world()


async def statistics_world() -> OrderWorld:
    """The world of the table above, built through the services."""
    w = await order_world()
    form, check = w.catalogue.report_form, w.catalogue.lightning_check
    specs = {
        "A1": _Order(
            form,
            _beijing(2026, 1, 10, 9),
            _delivered(D(2026, 1, 12), D(2026, 1, 20), D(2026, 1, 21)),
            (D(2026, 1, 25), _beijing(2026, 1, 25, 10), _scores(5, 5, 5, 5, 4)),
        ),
        "A2": _Order(form, _beijing(2026, 1, 15, 9), (("decline", D(2026, 1, 16)),)),
        "A3": _Order(
            form,
            dt.datetime(2026, 1, 31, 17, 0, tzinfo=UTC),
            _delivered(D(2026, 2, 2), D(2026, 3, 30), D(2026, 3, 31)),
            (D(2026, 3, 31), dt.datetime(2026, 3, 31, 15, 59, tzinfo=UTC), _scores(3, 3, 3, 3, 3)),
        ),
        "A4": _Order(form, _beijing(2026, 3, 5, 9)),
        "A5": _Order(
            form,
            _beijing(2025, 12, 20, 9),
            _delivered(D(2025, 12, 22), D(2026, 1, 6), D(2026, 1, 7)),
            (D(2026, 1, 8), _beijing(2026, 1, 8, 10), _scores(4, 4, 4, 4, 4)),
        ),
        "A6": _Order(form, _beijing(2026, 3, 20, 9), (("cancel", D(2026, 3, 21)),)),
        "B1": _Order(
            check,
            _beijing(2026, 1, 5, 8),
            _delivered(D(2026, 1, 5), D(2026, 1, 9), D(2026, 1, 9)),
            (D(2026, 1, 10), _beijing(2026, 1, 10, 10), _scores(5, 5, 5, 5, 5)),
        ),
        "B2": _Order(check, _beijing(2026, 3, 2, 8), _delivered(D(2026, 3, 2), D(2026, 3, 20))),
        "B3": _Order(check, _beijing(2026, 3, 10, 9), (("decline", D(2026, 3, 10)),)),
        "B4": _Order(check, dt.datetime(2026, 3, 31, 16, 30, tzinfo=UTC)),
        "B5": _Order(
            check,
            _beijing(2026, 2, 10, 9),
            _delivered(D(2026, 2, 10), D(2026, 3, 3), D(2026, 3, 3)),
            (D(2026, 3, 10), dt.datetime(2026, 3, 31, 16, 30, tzinfo=UTC), _scores(5, 5, 5, 5, 5)),
        ),
    }
    for name, spec in specs.items():
        await _build(w, name, spec)
    # the orders and ratings were dated back by hand after the services counted them:
    # the statistics' months are recounted from the rows, as the migration backfills them
    await monthly.recount()
    return w


def _ref(category: Category) -> CategoryRef:
    return CategoryRef(category.id, category.code, category.name, category.name_en)


# --- the figures -----------------------------------------------------------------------


async def test_the_world_is_as_the_table_says(world: OrderWorld) -> None:
    # given the world built above, when its orders are read back, then
    states = sorted((o.project_name, o.state.value) for o in await Order.all())
    assert states == [
        ("项目A1", "rated"),
        ("项目A2", "declined"),
        ("项目A3", "rated"),
        ("项目A4", "placed"),
        ("项目A5", "rated"),
        ("项目A6", "cancelled"),
        ("项目B1", "rated"),
        ("项目B2", "delivered"),
        ("项目B3", "declined"),
        ("项目B4", "placed"),
        ("项目B5", "rated"),
    ]
    # B5 was due before it was delivered on 3 March
    b5 = await Order.get(project_name="项目B5")
    assert b5.deadline is not None and b5.deadline < D(2026, 3, 3)


async def test_orders_per_beijing_month_by_category(world: OrderWorld) -> None:
    eia, lpt = _ref(world.catalogue.eia), _ref(world.catalogue.lightning)

    monthly = await services.orders_by_month(Q1)

    assert monthly.months == (Month(2026, 1), Month(2026, 2), Month(2026, 3))
    assert monthly.by_category == (Series(eia, (2, 1, 2)), Series(lpt, (1, 1, 2)))
    assert monthly.stacked == (Series(eia, (2, 1, 2)), Series(lpt, (1, 1, 2)))
    assert monthly.totals == (3, 2, 4)


async def test_the_figures_by_category_and_overall(world: OrderWorld) -> None:
    eia, lpt = _ref(world.catalogue.eia), _ref(world.catalogue.lightning)

    stats = await services.dashboard(period=Q1)

    assert stats.categories == (
        CategoryFigures(eia, 5, Share(2, 4), Share(2, 3), 3, 24 + 15 + 20),
        CategoryFigures(lpt, 4, Share(2, 3), Share(1, 3), 1, 25),
    )
    assert stats.overall == CategoryFigures(None, 9, Share(4, 7), Share(3, 6), 4, 84)
    assert [c.completion.rate for c in stats.categories] == [0.5, 0.6667]
    assert [c.on_time.rate for c in stats.categories] == [0.6667, 0.3333]
    assert [c.mean_rating for c in stats.categories] == [3.93, 5.0]
    assert (stats.overall.completion.rate, stats.overall.on_time.rate) == (0.5714, 0.5)
    assert stats.overall.mean_rating == 4.2


async def test_a_period_with_nothing_in_it_has_no_rates(world: OrderWorld) -> None:
    stats = await services.dashboard(period=Period(Month(2024, 1), Month(2024, 12)))

    assert stats.categories == ()
    assert stats.overall == CategoryFigures(None)
    assert (stats.overall.completion.rate, stats.overall.mean_rating) == (None, None)
    assert stats.monthly.totals == (0,) * 12
    assert charts.column_chart(stats.monthly) is None


async def test_the_on_time_rate_follows_the_order_clock_and_its_pauses(
    world: OrderWorld,
) -> None:
    # given B2, five working days from 2 March, is redated as if paused for nine of them
    b2 = await Order.get(project_name="项目B2")
    await Order.filter(id=b2.id).update(paused_days=9, deadline=D(2026, 3, 20))
    await monthly.recount()

    stats = await services.dashboard(period=Period(Month(2026, 3), Month(2026, 3)))

    # then its delivery on 20 March is on time, B5's on 3 March and A3's still late
    lpt = next(c for c in stats.categories if c.category and c.category.code == "LPT")
    eia = next(c for c in stats.categories if c.category and c.category.code == "EIA")
    assert (lpt.on_time, eia.on_time) == (Share(1, 2), Share(0, 1))


# --- the period ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw_from", "raw_to", "expected"),
    [
        (None, None, Period(Month(2025, 4), Month(2026, 3))),
        ("", "", Period(Month(2025, 4), Month(2026, 3))),
        ("2026-01", "2026-03", Period(Month(2026, 1), Month(2026, 3))),
        (" 2026-01 ", None, Period(Month(2026, 1), Month(2026, 3))),
        (None, "2025-06", Period(Month(2024, 7), Month(2025, 6))),
        ("2026-05", "2026-05", Period(Month(2026, 5), Month(2026, 5))),
        ("2023-04", "2026-03", Period(Month(2023, 4), Month(2026, 3))),
    ],
)
def test_the_period_from_the_query(
    raw_from: str | None, raw_to: str | None, expected: Period
) -> None:
    assert services.period_from(raw_from, raw_to, today=D(2026, 3, 15)) == expected


@pytest.mark.parametrize(
    ("raw_from", "raw_to", "field", "message"),
    [
        ("2026-13", "", "from", "Enter a month as YYYY-MM, for example 2026-03."),
        ("2026-1", "", "from", "Enter a month as YYYY-MM, for example 2026-03."),
        ("", "March", "to", "Enter a month as YYYY-MM, for example 2026-03."),
        ("", "２０２６-０３", "to", "Enter a month as YYYY-MM, for example 2026-03."),
        ("9999-12", "", "from", "Enter a month as YYYY-MM, for example 2026-03."),
        ("2026-03", "2026-01", "from", "The first month must not be after the last."),
        ("2023-03", "2026-03", "from", "Choose at most %(months)s months."),
    ],
)
def test_bad_periods_are_refused(raw_from: str, raw_to: str, field: str, message: str) -> None:
    with pytest.raises(FormError) as refused:
        services.period_from(raw_from, raw_to, today=D(2026, 3, 15))

    assert list(refused.value.errors) == [field]
    assert refused.value.errors[field].id == message


def test_a_period_runs_from_beijing_midnight_to_beijing_midnight() -> None:
    period = Period(Month(2025, 11), Month(2026, 2))

    assert [str(m) for m in period.months] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert (period.first_day, period.last_day) == (D(2025, 11, 1), D(2026, 2, 28))
    assert period.starts_at == dt.datetime(2025, 10, 31, 16, 0, tzinfo=UTC)
    assert period.ends_at == dt.datetime(2026, 2, 28, 16, 0, tzinfo=UTC)


# --- stacking and the chart ------------------------------------------------------------


def _series(code: str, *counts: int) -> Series:
    return Series(CategoryRef(len(code), code, code, code), counts)


def test_the_top_six_categories_are_stacked_and_the_rest_summed() -> None:
    series = [
        _series("A", 1, 0),
        _series("B", 5, 5),
        _series("C", 0, 3),
        _series("D", 2, 2),
        _series("E", 4, 0),
        _series("F", 1, 1),
        _series("G", 2, 0),
        _series("H", 0, 1),
    ]

    stacked = services.stack(series)

    # B 10, D 4, E 4, C 3, F 2, G 2 (ties by code); A and H are the others
    codes = [s.category.code if s.category else None for s in stacked]
    assert codes == ["B", "D", "E", "C", "F", "G", None]
    assert stacked[-1] == Series(None, (1, 1))
    # with six categories or fewer there is no "other" stack
    assert [s.category.code for s in services.stack(series[:6]) if s.category] == [
        "B",
        "D",
        "E",
        "C",
        "F",
        "A",
    ]


@pytest.mark.parametrize(
    ("maximum", "step"),
    [(1, 1), (4, 1), (5, 2), (9, 5), (10, 5), (23, 10), (160, 50), (999, 250), (3000, 1000)],
)
def test_tick_steps_are_round(maximum: int, step: int) -> None:
    assert charts.tick_step(maximum) == step


def test_the_columns_stack_from_the_baseline() -> None:
    monthly = MonthlyOrders(
        months=(Month(2025, 12), Month(2026, 1)),
        by_category=(_series("A", 3, 0), _series("B", 1, 2)),
        stacked=(_series("A", 3, 0), _series("B", 1, 2)),
    )

    chart = charts.column_chart(monthly)

    assert chart is not None
    assert [t.value for t in chart.ticks] == [0, 1, 2, 3, 4]
    december, january = chart.columns
    assert (december.total, january.total) == (4, 2)
    assert [(b.series, b.count) for b in december.bars] == [(0, 3), (1, 1)]
    assert [(b.series, b.count) for b in january.bars] == [(1, 2)]
    # the tallest column reaches the top tick, and each segment sits on the one below
    assert december.bars[1].y == chart.top
    assert december.bars[0].y + december.bars[0].height == chart.bottom
    assert december.bars[1].y + december.bars[1].height == december.bars[0].y
    assert (december.show_year, january.show_year) == (True, True)
    assert chart.show_totals


def test_long_periods_keep_their_labels_apart() -> None:
    months = Period(Month(2023, 12), Month(2026, 11)).months
    counts = (150,) + (0,) * 35
    monthly = MonthlyOrders(months, (_series("A", *counts),), (_series("A", *counts),))

    chart = charts.column_chart(monthly)

    assert chart is not None
    # December 2023 has no room for its year before January 2024's: only Januaries
    assert [str(c.month) for c in chart.columns if c.show_year] == [
        "2024-01",
        "2025-01",
        "2026-01",
    ]
    assert not chart.show_totals  # three digits do not fit over 36 narrow columns


# --- CSV -------------------------------------------------------------------------------


def test_cells_a_spreadsheet_would_evaluate_are_made_inert() -> None:
    rows = [["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "a=b", "环评", ""]]

    assert export.csv_bytes(rows) == ("\ufeff'=1+2,'+1,'-1,'@SUM(A1),'\tx,a=b,环评,\r\n".encode())


# --- over HTTP -------------------------------------------------------------------------


async def _admin(client: httpx.AsyncClient) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(browser, "admin@example.com")
    return browser


async def test_the_dashboard_shows_the_period(client: httpx.AsyncClient, world: OrderWorld) -> None:
    admin = await _admin(client)

    response = await admin.get("/backoffice/statistics", params=Q1_QUERY)

    assert response.status_code == 200
    page = response.text
    text = _text(page)
    assert "2026-01 to 2026-03 (3 months, Beijing time)" in text
    assert "Orders placed 9 in 3 months" in text
    assert "Completion rate 57.1% 4 of 7 ended orders completed" in text
    assert "On-time rate 50.0% 3 of 6 deliveries on time" in text
    assert "Average rating 4.20 / 5 from 4 ratings" in text
    # the charts: named, with their figures in a table below
    # (the monthly chart, and the meters of the three complaint rates)
    assert page.count('role="img"') == 1 + 3
    assert page.count("<figure") == 4 and page.count("<figcaption>") == 4
    assert page.count('<details class="chart-data">') == 4
    # the charts need no script: the only one is the site's table labeller, on every page
    assert page.count("<script") == 1 and "/static/js/tables.js" in page
    assert "style=" not in page
    assert "Environmental impact assessment 5" in text  # the legend, with the count
    assert "Lightning protection testing 66.7% 2/3" in text  # completion
    assert "Lightning protection testing 33.3% 1/3" in text  # on time
    assert "Environmental impact assessment 3.93 3 ratings" in text
    assert "All categories 4.20 4 ratings" in text
    assert (
        "Month Environmental impact assessment Lightning protection testing All orders "
        "2026-01 2 1 3 2026-02 1 1 2 2026-03 2 2 4 Total 5 4 9"
    ) in text
    assert 'href="/backoffice/statistics.csv?table=monthly&amp;from=2026-01&amp;to=2026-03"' in page
    assert (
        'href="/backoffice/statistics.csv?table=categories&amp;from=2026-01&amp;to=2026-03"' in page
    )


async def test_the_dashboard_opens_on_the_last_twelve_months(
    client: httpx.AsyncClient, world: OrderWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoffice, "today", lambda: D(2026, 3, 15))
    admin = await _admin(client)

    response = await admin.get("/backoffice/statistics", params={"lang": "en"})

    text = _text(response.text)
    assert response.status_code == 200
    assert "2025-04 to 2026-03 (12 months, Beijing time)" in text
    assert "Orders placed 10 in 12 months" in text  # A5, placed in December, too
    assert 'value="2025-04"' in response.text and 'value="2026-03"' in response.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "2026-13"}, "Enter a month as YYYY-MM, for example 2026-03."),
        ({"from": "2026-03", "to": "2026-01"}, "The first month must not be after the last."),
        ({"from": "2020-01", "to": "2026-03"}, "Choose at most 36 months."),
    ],
)
async def test_a_bad_period_is_a_422_that_says_why(
    client: httpx.AsyncClient,
    world: OrderWorld,
    monkeypatch: pytest.MonkeyPatch,
    query: dict[str, str],
    message: str,
) -> None:
    monkeypatch.setattr(backoffice, "today", lambda: D(2026, 3, 15))
    admin = await _admin(client)

    page = await admin.get("/backoffice/statistics", params={**query, "lang": "en"})
    csv = await admin.get(
        "/backoffice/statistics.csv", params={**query, "table": "monthly", "lang": "en"}
    )

    assert page.status_code == 422
    text = _text(page.text)
    assert f"Please correct the following: {message}" in text
    assert 'aria-invalid="true"' in page.text
    # the page still works: the default period is shown, and said to be
    assert "2025-04 to 2026-03 (12 months, Beijing time)" in text
    assert "could not be shown: these are the figures of the last 12 months." in text
    assert (csv.status_code, csv.text) == (422, message)


async def test_the_monthly_csv(client: httpx.AsyncClient, world: OrderWorld) -> None:
    admin = await _admin(client)

    response = await admin.get(
        "/backoffice/statistics.csv", params={**Q1_QUERY, "table": "monthly"}
    )

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == (
        'attachment; filename="statistics-monthly-2026-01-2026-03.csv"'
    )
    assert (
        response.content
        == (
            "\ufeffMonth,All orders,"
            "Environmental impact assessment,Lightning protection testing\r\n"
            "2026-01,3,2,1\r\n"
            "2026-02,2,1,1\r\n"
            "2026-03,4,2,2\r\n"
        ).encode()
    )


async def test_the_categories_csv(client: httpx.AsyncClient, world: OrderWorld) -> None:
    admin = await _admin(client)

    response = await admin.get(
        "/backoffice/statistics.csv", params={**Q1_QUERY, "table": "categories"}
    )

    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        'attachment; filename="statistics-categories-2026-01-2026-03.csv"'
    )
    assert (
        response.content
        == (
            "\ufeffCode,Category,Orders placed,Ended orders,Completed,Completion rate (%),"
            "Delivered,Delivered on time,On-time rate (%),Ratings,Average rating\r\n"
            "EIA,Environmental impact assessment,5,4,2,50.0,3,2,66.7,3,3.93\r\n"
            "LPT,Lightning protection testing,4,3,2,66.7,3,1,33.3,1,5.00\r\n"
            ",All categories,9,7,4,57.1,6,3,50.0,4,4.20\r\n"
        ).encode()
    )


async def test_the_csv_names_categories_in_the_readers_language_and_inertly(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    await Category.filter(id=world.catalogue.lightning.id).update(name_en='=HYPERLINK("x")')
    admin = await _admin(client)

    english = await admin.get("/backoffice/statistics.csv", params={**Q1_QUERY, "table": "monthly"})
    chinese = await admin.get(
        "/backoffice/statistics.csv", params={**Q1_QUERY, "table": "monthly", "lang": "zh"}
    )

    assert english.content.decode("utf-8-sig").splitlines()[0] == (
        'Month,All orders,Environmental impact assessment,"\'=HYPERLINK(""x"")"'
    )
    assert (
        chinese.content.decode("utf-8-sig").splitlines()[0].endswith(",环境影响评价,防雷装置检测")
    )


async def test_an_unknown_table_is_a_422(client: httpx.AsyncClient, world: OrderWorld) -> None:
    admin = await _admin(client)

    for query in ({"table": "orders", "lang": "en"}, {"lang": "en"}):
        response = await admin.get("/backoffice/statistics.csv", params=query)

        assert (response.status_code, response.text) == (
            422,
            "Choose the table: monthly, categories or complaints.",
        )


async def test_the_complaint_figures_of_the_period(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # given complaints received in January and March 2026, and one in April
    from marketplace.complaints import services as complaints

    buyer, office = await as_current(world.enterprise), await as_current(world.admin)
    received = {}
    for n, day in enumerate((D(2026, 1, 12), D(2026, 3, 2), D(2026, 3, 16), D(2026, 4, 1))):
        received[day] = await complaints.lodge(
            actor=buyer,
            topic="fees",
            description="收费超出公示标准",
            idempotency_key=f"statistics-complaint-{n}",
            agency_id=world.catalogue.qinghe.id,
            on=day,
        )
    # answered by the 5th working day (19 January), late (10 March, due 9 March); one open
    await complaints.answer(
        received[D(2026, 1, 12)].id, actor=office, text="已处理", on=D(2026, 1, 19)
    )
    await complaints.answer(
        received[D(2026, 3, 2)].id, actor=office, text="已处理", on=D(2026, 3, 10)
    )
    await complaints.give_feedback(
        received[D(2026, 1, 12)].id, actor=buyer, satisfied="yes", feedback=""
    )
    admin = await _admin(client)

    page = _text((await admin.get("/backoffice/statistics", params=Q1_QUERY)).text)
    csv = await admin.get("/backoffice/statistics.csv", params={**Q1_QUERY, "table": "complaints"})

    assert "Complaints received from 2026-01 to 2026-03" in page
    assert "Received 3 1 overdue and unanswered" in page
    assert "Handling rate 66.7% 2 of 3" in page
    assert "Answered in time 50.0% 1 of 2" in page
    assert "Satisfaction rate 100.0% 1 of 1" in page
    assert (
        csv.content
        == (
            "\ufeffFirst month,Last month,Received,Handled,Handling rate (%),"
            "Answered within 5 working days,Answered in time (%),Overdue and unanswered,"
            "Verdicts given,Satisfied,Satisfaction rate (%)\r\n"
            "2026-01,2026-03,3,2,66.7,1,50.0,1,1,1,100.0\r\n"
        ).encode()
    )


@pytest.mark.parametrize(
    "path", ["/backoffice/statistics", "/backoffice/statistics.csv?table=monthly"]
)
async def test_only_administrators_see_statistics(
    client: httpx.AsyncClient, world: OrderWorld, path: str
) -> None:
    reviewer = await make_user("reviewer@example.com", Role.REVIEWER)
    refused = {}
    for email in ("buyer@example.com", "qh@example.com", reviewer.email):
        browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
        await sign_in(browser, email)
        refused[email] = (await browser.get(path)).status_code

    visitor = await client.get(path)

    assert refused == {"buyer@example.com": 403, "qh@example.com": 403, reviewer.email: 403}
    assert visitor.status_code == 303
    assert visitor.headers["location"].startswith("/login?next=/backoffice/statistics")
    assert "Code,Category" not in visitor.text
