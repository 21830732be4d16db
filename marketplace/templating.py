"""The Jinja2 environment: autoescaping, gettext from ``marketplace.i18n``, and filters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from marketplace import i18n, language
from marketplace.access import current_user
from marketplace.accounts import labels as account_labels
from marketplace.admission import labels as admission_labels
from marketplace.catalog import labels
from marketplace.core.clock import BEIJING as _BEIJING
from marketplace.core.clock import today as beijing_today
from marketplace.core.settings import BASE_DIR
from marketplace.orders import labels as order_labels
from marketplace.procurement import labels as procurement_labels
from marketplace.procurement import methods as procurement_methods

__all__ = ["format_fen", "render", "templates"]


def format_fen(fen: int | None) -> str:
    """Fen as yuan for people: ``1234567`` → ``"12,345.67"``; whole yuan drop the decimals."""
    if fen is None:
        return ""
    yuan = Decimal(fen) / 100
    if fen % 100 == 0:
        return f"{int(yuan):,}"
    return f"{yuan:,.2f}"


def format_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.astimezone(_BEIJING).date()
    return value.isoformat()


def format_datetime(value: dt.datetime | None) -> str:
    """A moment in Beijing time, to the minute."""
    if value is None:
        return ""
    return value.astimezone(_BEIJING).strftime("%Y-%m-%d %H:%M")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(BASE_DIR / "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext, i18n.ngettext, newstyle=True
    )
    env.filters["yuan"] = format_fen
    env.filters["date"] = format_date
    env.filters["datetime"] = format_datetime
    env.globals["labels"] = labels
    env.globals["labels_roles"] = account_labels.ROLE_LABELS
    env.globals["order_labels"] = order_labels
    env.globals["event_labels"] = account_labels.EVENT_LABELS
    env.globals["admission_labels"] = admission_labels
    env.globals["procurement_labels"] = procurement_labels
    env.globals["PURCHASE_METHODS"] = procurement_methods.METHODS
    env.globals["LANGUAGES"] = i18n.LANGUAGES
    env.globals["HTML_LANG"] = i18n.HTML_LANG
    env.globals["current_language"] = i18n.current_language
    env.globals["language_switch_url"] = language.language_switch_url
    env.globals["today"] = beijing_today
    return env


def _context(request: Request) -> dict[str, Any]:
    csrf = request.scope.get("csrftoken")
    return {
        "language": i18n.current_language(),
        "current_user": current_user(request),
        "csrf_token": csrf if csrf is not None else (lambda: ""),
    }


templates = Jinja2Templates(env=_environment(), context_processors=[_context])


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> Response:
    """Render template ``name`` for ``request``."""
    return templates.TemplateResponse(request, name, context or {}, status_code=status_code)
