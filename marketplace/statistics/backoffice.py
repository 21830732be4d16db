"""The statistics dashboard and its CSV exports, for administrators."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from marketplace import i18n
from marketplace.access import allow, roles
from marketplace.accounts.models import Role
from marketplace.core.clock import today
from marketplace.formpages import Failure, on_refusal
from marketplace.statistics import charts, export, published, services
from marketplace.statistics.public import raw_period
from marketplace.templating import render

__all__ = ["routes"]


def _csv_link(request: Request, table: str, period: services.Period) -> str:
    query = urlencode({"table": table, "from": str(period.first), "to": str(period.last)})
    return f"{request.app.url_path_for('backoffice_statistics_csv')}?{query}"


@allow(roles(Role.ADMIN))
async def statistics(request: Request) -> Response:
    raw = raw_period(request)
    choice = services.period_or_default(raw["from"], raw["to"], today=today())
    period, values, errors = choice.period, choice.values, choice.errors
    stats = await services.dashboard(period=period)
    context: dict[str, Any] = {
        "stats": stats,
        "rows": published.rows(stats),
        "chart": charts.column_chart(stats.monthly),
        "errors": errors,
        "values": values,
        "csv_links": {table: _csv_link(request, table, period) for table in export.TABLES},
        "max_months": services.MAX_MONTHS,
        "top_categories": services.TOP_CATEGORIES,
    }
    return render(
        request, "backoffice/statistics.html", context, status_code=422 if errors else 200
    )


async def _plain_refusal(failure: Failure) -> Response:
    """A download's refusal: its messages as text."""
    text = "\n".join(i18n.translate(m.id, m.params) for m in failure.errors.values())
    return PlainTextResponse(text)


@allow(roles(Role.ADMIN))
async def statistics_csv(request: Request) -> Response:
    table = request.query_params.get("table", "")
    rows_of = export.TABLES.get(table)
    if rows_of is None:
        message = i18n.N_("Choose the table: monthly, categories or complaints.")
        return PlainTextResponse(i18n.gettext(message), status_code=422)
    values = raw_period(request)
    on_refusal(request, _plain_refusal)
    period = services.period_from(values["from"], values["to"], today=today())
    stats = await services.dashboard(period=period)
    body = export.csv_bytes(rows_of(stats, i18n.current_language()))
    filename = f"statistics-{table}-{period.first}-{period.last}.csv"
    return Response(
        body,
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


routes = [
    Route("/backoffice/statistics", statistics, name="backoffice_statistics"),
    Route("/backoffice/statistics.csv", statistics_csv, name="backoffice_statistics_csv"),
]
