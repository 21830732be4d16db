"""Form errors that views show beside the fields, in the user's language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from marketplace.i18n import N_

__all__ = [
    "CONTROL_CHARACTERS",
    "MAX_DB_ID",
    "FormError",
    "Message",
    "Refused",
    "form_code",
    "form_text",
    "has_control_characters",
    "parse_id",
    "parse_int",
    "whole_number",
]

# Ids are 32-bit integer keys; anything larger cannot exist, and asking PostgreSQL
# for it would raise instead of finding nothing.
MAX_DB_ID = 2**31 - 1
# ASCII digits only: ``str.isdigit()`` is true for "²" (which ``int()`` refuses) and for
# full-width and Arabic-Indic digits (which ``int()`` takes), so neither decides here.
_INTEGER = re.compile(r"([+-]?)([0-9]{1,18})")
# C0 controls but tab, LF and CR, and DEL: PostgreSQL refuses NUL in text, and none of them
# belongs in anything a person types. In UTF-8 these bytes never occur inside a multi-byte
# character, so the same pattern is exact on undecoded bytes too.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is not None


@dataclass(frozen=True, slots=True)
class Message:
    """An English message id with its placeholders, translated where it is shown."""

    id: str
    params: Mapping[str, object] = field(default_factory=dict)


class FormError(Exception):
    """Input refused, field by field (``""`` for the form as a whole); nothing was changed.

    A subclass whose refusal comes from the state of things rather than from what was typed,
    yet names the field it concerns (organisations' ``Refused``), sets ``by_state``: the API
    answers it 409 ``refused``, with the field."""

    by_state: ClassVar[bool] = False

    def __init__(self, errors: Mapping[str, Message]) -> None:
        super().__init__(", ".join(f"{k}: {v.id}" for k, v in errors.items()))
        self.errors = dict(errors)

    @classmethod
    def single(cls, field_name: str, message: str, **params: object) -> FormError:
        return cls({field_name: Message(message, params)})


class Refused(Exception):
    """A step the state does not allow now (every domain's refusal; ``OrderRefused`` is
    one); ``message`` says why, nothing changed. The web shows it as a 409."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = Message(message, params)


def form_text(form: Mapping[str, Any], name: str, max_length: int = 6000) -> str:
    """A text field of a posted form, cut at ``max_length`` ("" if absent or a file)."""
    value = form.get(name, "")
    return value[:max_length] if isinstance(value, str) else ""


def whole_number(value: object, *, minimum: int, maximum: int) -> int | None:
    """The whole number typed, from ``minimum`` to ``maximum``; ``None`` if it is not one.

    ASCII digits only, surrounding spaces ignored; a sign only where ``minimum`` is negative.
    """
    text = value.strip() if isinstance(value, str) else ""
    match = _INTEGER.fullmatch(text)
    if match is None or (match[1] and minimum >= 0) or not minimum <= int(text) <= maximum:
        return None
    return int(text)


def parse_int(value: object, *, field: str, minimum: int, maximum: int) -> int:
    """The whole number typed in ``field``, from ``minimum`` to ``maximum``; else ``FormError``
    (``whole_number``'s rule)."""
    number = whole_number(value, minimum=minimum, maximum=maximum)
    if number is None:
        raise FormError.single(
            field,
            N_("Enter a whole number from %(low)s to %(high)s."),
            low=minimum,
            high=maximum,
        )
    return number


def parse_id(value: object) -> int | None:
    """The id a form's choice (a ``<select>``, a hidden field) names, or ``None``."""
    return whole_number(value, minimum=1, maximum=MAX_DB_ID)


def form_code(form: Mapping[str, Any], name: str, max_length: int = 64) -> str:
    """A code field (a project code, a certificate number): NFKC-normalised, so that
    full-width ``２０２４－…`` and other compatibility forms reach the validator as ASCII."""
    return unicodedata.normalize("NFKC", form_text(form, name, max_length * 2))[:max_length]
