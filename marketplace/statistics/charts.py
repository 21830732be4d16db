"""The geometry of the dashboard's column chart, for an inline SVG drawn by the template.

The page runs no script (the Content-Security-Policy forbids inline ones), so the chart
is drawn on the server: this module places the columns, their stacked segments and the
axis ticks in the SVG's own coordinates, and the template only writes them out. Colours
are CSS classes (``series-0`` … ``series-5``, ``series-other``) so that the legend and
the chart share them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from marketplace.statistics.services import Month, MonthlyOrders

__all__ = ["Bar", "Column", "ColumnChart", "Tick", "column_chart", "tick_step"]

# The SVG's coordinate system; it scales to the width of the page.
WIDTH = 960
HEIGHT = 320
_LEFT = 44  # room for the tick labels
_RIGHT = 8
_TOP = 22  # room for the total above the tallest column
_BOTTOM = 42  # two lines of month labels
_BAR_SHARE = 0.66  # of each month's slot, the rest is the gap between columns
_BAR_MAX = 56
_YEAR_WIDTH = 48  # a year label ("2026") at the larger text size of narrow screens
_DIGIT_WIDTH = 9  # a digit of the bold total above a column, with room to spare


@dataclass(frozen=True, slots=True)
class Bar:
    """One category's segment of a month's column."""

    x: float
    y: float
    width: float
    height: float
    series: int  # index into ``MonthlyOrders.stacked``
    count: int


@dataclass(frozen=True, slots=True)
class Column:
    month: Month
    center: float
    total: int
    total_y: float  # the baseline of the total written above the column
    bars: tuple[Bar, ...]  # bottom up, in the order of the stacked series
    show_year: bool  # under every January, and the first month if there is room


@dataclass(frozen=True, slots=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True, slots=True)
class ColumnChart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float  # the baseline (zero)
    ticks: tuple[Tick, ...]
    columns: tuple[Column, ...]
    show_totals: bool  # whether the totals above the columns fit side by side


def tick_step(maximum: int, *, ticks: int = 4) -> int:
    """A round whole step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` ticks."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        step = multiple * magnitude
        if step >= raw and step == int(step):
            return int(step)
    raise AssertionError("unreachable: 10 × magnitude ≥ raw")  # pragma: no cover


def _r(value: float) -> float:
    return round(value, 2)


def column_chart(monthly: MonthlyOrders) -> ColumnChart | None:
    """The stacked columns of ``monthly``; ``None`` when no order was placed."""
    totals = monthly.totals
    if not any(totals):
        return None
    step = tick_step(max(totals))
    top_value = math.ceil(max(totals) / step) * step
    left, right, top, bottom = _LEFT, WIDTH - _RIGHT, _TOP, HEIGHT - _BOTTOM
    scale = (bottom - top) / top_value
    slot = (right - left) / len(monthly.months)
    bar_width = min(slot * _BAR_SHARE, _BAR_MAX)
    columns = []
    for n, month in enumerate(monthly.months):
        center = left + slot * (n + 0.5)
        x = center - bar_width / 2
        bars = []
        stacked = 0
        for index, series in enumerate(monthly.stacked):
            count = series.counts[n]
            if count:
                stacked += count
                bars.append(
                    Bar(
                        x=_r(x),
                        y=_r(bottom - stacked * scale),
                        width=_r(bar_width),
                        height=_r(count * scale),
                        series=index,
                        count=count,
                    )
                )
        columns.append(
            Column(
                month=month,
                center=_r(center),
                total=totals[n],
                total_y=_r(bottom - totals[n] * scale - 5),
                bars=tuple(bars),
                show_year=month.month == 1 or (n == 0 and _year_fits(month, slot)),
            )
        )
    ticks = tuple(
        Tick(value=value, y=_r(bottom - value * scale)) for value in range(0, top_value + 1, step)
    )
    show_totals = slot >= _DIGIT_WIDTH * len(str(max(totals))) + 4
    return ColumnChart(WIDTH, HEIGHT, left, right, top, bottom, ticks, tuple(columns), show_totals)


def _year_fits(first: Month, slot: float) -> bool:
    """Whether the first column's year clears the next January's."""
    columns_to_january = 13 - first.month
    return columns_to_january * slot >= _YEAR_WIDTH
