"""The Jinja2 environment: autoescaping, gettext from ``marketplace.i18n``, and filters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import jinja2
from starlette.templating import Jinja2Templates

from marketplace import i18n
from marketplace.catalog import labels
from marketplace.settings import BASE_DIR

__all__ = ["format_fen", "templates"]


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
        value = value.astimezone(dt.timezone(dt.timedelta(hours=8))).date()
    return value.isoformat()


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
    env.globals["labels"] = labels
    env.globals["LANGUAGES"] = i18n.LANGUAGES
    env.globals["HTML_LANG"] = i18n.HTML_LANG
    env.globals["current_language"] = i18n.current_language
    env.globals["language_switch_url"] = i18n.language_switch_url
    env.globals["today"] = lambda: dt.date.today()
    return env


def _context(request: Any) -> dict[str, Any]:
    return {"language": i18n.current_language()}


templates = Jinja2Templates(env=_environment(), context_processors=[_context])
