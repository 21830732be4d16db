"""The public statistics page and its open data (JSON and CSV), for everyone.

The figures are the back office dashboard's (``services.dashboard``) for the same
period, arranged by ``published``; nothing here computes a figure of its own.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from marketplace import i18n
from marketplace.access import PUBLIC, allow
from marketplace.core.clock import today
from marketplace.http import ApiError
from marketplace.schemas import operation
from marketplace.statistics import export, published, schemas, services
from marketplace.templating import render

__all__ = ["api_routes", "raw_period", "routes"]

_RAW_MAX = 20  # a month is 7 characters; anything longer is cut before it is echoed back
# ``table`` of the CSV open data → its rows.
_CSV_TABLES = {
    "categories": published.csv_rows,
    "complaints": export.complaint_rows,
}


def raw_period(request: Request) -> dict[str, str]:
    """The ``from`` and ``to`` of the query string, cut before they are echoed back."""
    return {name: request.query_params.get(name, "")[:_RAW_MAX] for name in ("from", "to")}


def _data_link(request: Request, period: services.Period, **extra: str) -> str:
    query = urlencode({"from": str(period.first), "to": str(period.last), **extra})
    return f"{request.app.url_path_for('api_statistics')}?{query}"


@allow(PUBLIC)
async def statistics(request: Request) -> Response:
    raw = raw_period(request)
    choice = services.period_or_default(raw["from"], raw["to"], today=today())
    period, values, errors = choice.period, choice.values, choice.errors
    stats = await services.dashboard(period=period)
    context: dict[str, Any] = {
        "stats": stats,
        "rows": published.rows(stats),
        "errors": errors,
        "values": values,
        "max_months": services.MAX_MONTHS,
        "links": {
            "json": _data_link(request, period),
            "csv": _data_link(request, period, format="csv"),
            "complaints_csv": _data_link(request, period, format="csv", table="complaints"),
        },
    }
    return render(request, "statistics/public.html", context, status_code=422 if errors else 200)


@allow(PUBLIC)
@operation(
    summary="The published statistics of the marketplace for a period of months",
    description="The same figures as the office's dashboard: agencies by category with "
    "local and external shares (as of today), orders placed, completed and delivered on "
    "time, working days used against committed time limits, ratings, and complaint "
    "handling and satisfaction rates. At most 36 Beijing months; by default the last 12. "
    "With format=csv the answer is CSV (UTF-8 with a byte order mark), not JSON.",
    query=schemas.StatisticsQuery,
    responses={200: ("The figures (JSON; with format=csv, CSV)", schemas.OpenData)},
    errors={422: "A bad period, format or table, with the reason"},
)
async def statistics_data(request: Request) -> Response:
    values = raw_period(request)
    period = services.period_from(values["from"], values["to"], today=today())
    kind = request.query_params.get("format", "json")
    table = request.query_params.get("table", "categories")
    if kind not in ("json", "csv"):
        raise ApiError(422, "invalid", "format must be json or csv.", field="format")
    if table not in _CSV_TABLES:
        raise ApiError(422, "invalid", "table must be categories or complaints.", field="table")
    stats = await services.dashboard(period=period)
    if kind == "json":
        return JSONResponse(published.open_data(stats))
    body = export.csv_bytes(_CSV_TABLES[table](stats, i18n.current_language()))
    filename = f"marketplace-statistics-{table}-{period.first}-{period.last}.csv"
    return Response(
        body,
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


routes = [Route("/statistics", statistics, name="public_statistics")]
api_routes = [Route("/statistics", statistics_data, name="api_statistics")]
