"""The figures the platform publishes: one row per category, as open data.

Government platforms and city yearbooks publish how their intermediary services market
did: agencies by category with the local and external shares, orders, working days used
against committed time limits, on-time rates, and the complaint hotline's handling
(办结率) and satisfaction (满意率) rates. These rows are made from the back office's own
``services.Statistics`` for the same period, so the public figures cannot differ from
the office's. They carry counts and rates only: no enterprise, person or complaint text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marketplace.i18n import N_, gettext
from marketplace.statistics.services import (
    AgencyCount,
    CategoryFigures,
    CategoryRef,
    Statistics,
    WorkingDays,
)

__all__ = ["PublicRow", "csv_rows", "open_data", "rows"]


@dataclass(frozen=True, slots=True)
class PublicRow:
    """One category's published figures (``category`` ``None``: all categories)."""

    category: CategoryRef | None
    agencies: AgencyCount
    figures: CategoryFigures
    days: WorkingDays


def rows(stats: Statistics) -> list[PublicRow]:
    """Every category by code (those with no agency or order too), then all together."""
    figures = {f.category.id: f for f in stats.categories if f.category}
    days = {d.category.id: d for d in stats.working_days if d.category}
    found = [
        PublicRow(
            a.category,
            a,
            figures.get(a.category.id, CategoryFigures(a.category)),
            days.get(a.category.id, WorkingDays(a.category)),
        )
        for a in stats.agencies
        if a.category
    ]
    found.append(PublicRow(None, stats.agencies_overall, stats.overall, stats.working_days_overall))
    return found


def _row_data(row: PublicRow) -> dict[str, Any]:
    f, a, d = row.figures, row.agencies, row.days
    return {
        "agencies": a.agencies,
        "local_agencies": a.local,
        "external_agencies": a.external,
        "local_share": a.local_share.rate,
        "external_share": a.external_share.rate,
        "orders_placed": f.placed,
        "orders_ended": f.completion.whole,
        "orders_completed": f.completion.part,
        "completion_rate": f.completion.rate,
        "orders_delivered": f.on_time.whole,
        "delivered_on_time": f.on_time.part,
        "on_time_rate": f.on_time.rate,
        "mean_working_days_used": d.mean_used,
        "mean_time_limit_days": d.mean_committed,
        "ratings": f.ratings,
        "mean_rating": f.mean_rating,
    }


def open_data(stats: Statistics) -> dict[str, Any]:
    """The published figures as one JSON object."""
    complaints = stats.complaints
    table = rows(stats)
    return {
        "period": {
            "from": str(stats.period.first),
            "to": str(stats.period.last),
            "time_zone": "Asia/Shanghai",
        },
        "categories": [
            {
                "code": r.category.code,
                "name": r.category.name,
                "name_en": r.category.name_en,
                **_row_data(r),
            }
            for r in table
            if r.category
        ],
        "all_categories": _row_data(table[-1]),
        "complaints": None
        if complaints is None
        else {
            "received": complaints.received,
            "handled": complaints.handled,
            "handling_rate": complaints.handling_rate,
            "answered_in_time": complaints.answered_in_time,
            "in_time_rate": complaints.in_time_rate,
            "overdue_open": complaints.overdue_open,
            "verdicts": complaints.rated,
            "satisfied": complaints.satisfied,
            "satisfaction_rate": complaints.satisfaction_rate,
        },
    }


def csv_rows(stats: Statistics, language: str) -> list[list[str]]:
    """The category table of ``open_data`` as CSV rows, headed in the reader's language."""
    header = [
        gettext(N_("First month")),
        gettext(N_("Last month")),
        gettext(N_("Code")),
        gettext(N_("Category")),
        gettext(N_("Agencies")),
        gettext(N_("Local agencies")),
        gettext(N_("External agencies")),
        gettext(N_("Local share")) + " (%)",
        gettext(N_("Orders placed")),
        gettext(N_("Ended orders")),
        gettext(N_("Completed")),
        gettext(N_("Completion rate")) + " (%)",
        gettext(N_("Delivered")),
        gettext(N_("Delivered on time")),
        gettext(N_("On-time rate")) + " (%)",
        gettext(N_("Average working days used")),
        gettext(N_("Average committed time limit (working days)")),
        gettext(N_("Ratings")),
        gettext(N_("Average rating")),
    ]
    out = [header]
    period = [str(stats.period.first), str(stats.period.last)]
    for row in rows(stats):
        data = _row_data(row)
        code, label = (
            (row.category.code, row.category.label(language))
            if row.category
            else ("", gettext(N_("All categories")))
        )
        rate = data["local_share"]
        out.append(
            [
                *period,
                code,
                label,
                str(data["agencies"]),
                str(data["local_agencies"]),
                str(data["external_agencies"]),
                _rate(rate),
                str(data["orders_placed"]),
                str(data["orders_ended"]),
                str(data["orders_completed"]),
                _rate(data["completion_rate"]),
                str(data["orders_delivered"]),
                str(data["delivered_on_time"]),
                _rate(data["on_time_rate"]),
                _days(data["mean_working_days_used"]),
                _days(data["mean_time_limit_days"]),
                str(data["ratings"]),
                "" if data["mean_rating"] is None else f"{data['mean_rating']:.2f}",
            ]
        )
    return out


def _rate(rate: float | None) -> str:
    """A rate as the pages show it: a percentage to one place (the heading says "(%)")."""
    return "" if rate is None else f"{rate * 100:.1f}"


def _days(days: float | None) -> str:
    return "" if days is None else f"{days:.1f}"
