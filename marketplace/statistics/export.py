"""The dashboard's tables as CSV files that Excel opens correctly.

UTF-8 with a byte order mark (without it Excel reads Chinese as mojibake), CRLF line
ends, the header in the reader's language. Rates are percentages to one place (83.3), as
the dashboard shows them, and their column heading says "(%)"; mean ratings have two
places (4.40); a figure with nothing behind it (no ended order, no rating)
is an empty cell, never 0.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is a
formula to a spreadsheet: category names are typed by people, so such a cell gets a
leading apostrophe, which spreadsheets show as text and do not evaluate.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from marketplace.i18n import N_, gettext
from marketplace.statistics.services import CategoryFigures, MonthlyOrders, Statistics

__all__ = [
    "TABLES",
    "category_rows",
    "complaint_rows",
    "csv_bytes",
    "monthly_rows",
    "neutralise",
]

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell``, made inert if a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def csv_bytes(rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def _rate(rate: float | None) -> str:
    """A rate as the dashboard shows it: a percentage to one place, without the sign."""
    return "" if rate is None else f"{rate * 100:.1f}"


def _percent_heading(msgid: str) -> str:
    return f"{gettext(msgid)} (%)"


def _mean(mean: float | None) -> str:
    return "" if mean is None else f"{mean:.2f}"


def monthly_rows(monthly: MonthlyOrders, language: str) -> list[list[str]]:
    """One row per month: all orders placed, then every category's (not only the top six)."""
    header = [gettext(N_("Month")), gettext(N_("All orders"))]
    header += [s.category.label(language) for s in monthly.by_category if s.category]
    rows = [header]
    for n, month in enumerate(monthly.months):
        counts = [str(s.counts[n]) for s in monthly.by_category]
        rows.append([str(month), str(monthly.totals[n]), *counts])
    return rows


def _figures_row(code: str, label: str, figures: CategoryFigures) -> list[str]:
    return [
        code,
        label,
        str(figures.placed),
        str(figures.completion.whole),
        str(figures.completion.part),
        _rate(figures.completion.rate),
        str(figures.on_time.whole),
        str(figures.on_time.part),
        _rate(figures.on_time.rate),
        str(figures.ratings),
        _mean(figures.mean_rating),
    ]


def category_rows(stats: Statistics, language: str) -> list[list[str]]:
    """One row per category with any figure in the period, by code, then all together."""
    header = [
        gettext(N_("Code")),
        gettext(N_("Category")),
        gettext(N_("Orders placed")),
        gettext(N_("Ended orders")),
        gettext(N_("Completed")),
        _percent_heading(N_("Completion rate")),
        gettext(N_("Delivered")),
        gettext(N_("Delivered on time")),
        _percent_heading(N_("On-time rate")),
        gettext(N_("Ratings")),
        gettext(N_("Average rating")),
    ]
    rows = [header]
    for figures in stats.categories:
        assert figures.category is not None
        rows.append(_figures_row(figures.category.code, figures.category.label(language), figures))
    rows.append(_figures_row("", gettext(N_("All categories")), stats.overall))
    return rows


def complaint_rows(stats: Statistics, language: str) -> list[list[str]]:
    """One row: the hotline figures of the complaints received in the period."""
    figures = stats.complaints
    assert figures is not None
    header = [
        gettext(N_("First month")),
        gettext(N_("Last month")),
        gettext(N_("Received")),
        gettext(N_("Handled")),
        _percent_heading(N_("Handling rate")),
        gettext(N_("Answered within 5 working days")),
        _percent_heading(N_("Answered in time")),
        gettext(N_("Overdue and unanswered")),
        gettext(N_("Verdicts given")),
        gettext(N_("Satisfied")),
        _percent_heading(N_("Satisfaction rate")),
    ]
    row = [
        str(stats.period.first),
        str(stats.period.last),
        str(figures.received),
        str(figures.handled),
        _rate(figures.handling_rate),
        str(figures.answered_in_time),
        _rate(figures.in_time_rate),
        str(figures.overdue_open),
        str(figures.rated),
        str(figures.satisfied),
        _rate(figures.satisfaction_rate),
    ]
    return [header, row]


def _monthly(stats: Statistics, language: str) -> list[list[str]]:
    return monthly_rows(stats.monthly, language)


# ``table`` query parameter → the rows of that table.
TABLES: dict[str, Callable[[Statistics, str], list[list[str]]]] = {
    "monthly": _monthly,
    "categories": category_rows,
    "complaints": complaint_rows,
}
