"""Languages: Chinese first, English second, from Babel message catalogues.

Message ids in code and templates are English; ``marketplace/locale/zh/LC_MESSAGES/
messages.po`` translates them to Chinese. The catalogues are compiled in memory when the
application starts, so running from a checkout needs no build step.

The language in force is kept in a context variable: the web's ``LocaleMiddleware``
(``marketplace.language``) sets it for each request, ``use_language`` for a job or a
mail. This module is below every domain and imports no web framework.
"""

from __future__ import annotations

import contextvars
import gettext as _gettext
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "N_",
    "current_language",
    "gettext",
    "ngettext",
    "translate",
    "use_language",
]

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "zh"
# Code → the name of the language in itself, as the switcher shows it.
LANGUAGES = {"zh": "中文", "en": "English"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
COOKIE_NAME = "lang"

_language: contextvars.ContextVar[str] = contextvars.ContextVar(
    "language", default=DEFAULT_LANGUAGE
)


@cache
def translations(language: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``language``; English is the message ids themselves."""
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return _gettext.NullTranslations()
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def current_language() -> str:
    return _language.get()


@contextmanager
def use_language(language: str) -> Iterator[None]:
    token = _language.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _language.reset(token)


def gettext(message: str) -> str:
    return translations(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_language.get()).ngettext(singular, plural, n)


def translate(message: str, params: Mapping[str, object] | None = None) -> str:
    """``message`` in the current language, its ``%(name)s`` placeholders filled."""
    text = gettext(message)
    return text % params if params else text


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated later, where it is shown."""
    return message
