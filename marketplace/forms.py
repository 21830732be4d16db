"""Form errors that views show beside the fields, in the user's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from starlette.datastructures import FormData

__all__ = ["FormError", "Message", "form_text"]


@dataclass(frozen=True, slots=True)
class Message:
    """An English message id with its placeholders, translated where it is shown."""

    id: str
    params: Mapping[str, object] = field(default_factory=dict)


class FormError(Exception):
    """Input refused, field by field (``""`` for the form as a whole); nothing was changed."""

    def __init__(self, errors: Mapping[str, Message]) -> None:
        super().__init__(", ".join(f"{k}: {v.id}" for k, v in errors.items()))
        self.errors = dict(errors)

    @classmethod
    def single(cls, field_name: str, message: str, **params: object) -> FormError:
        return cls({field_name: Message(message, params)})


def form_text(form: FormData, name: str, max_length: int = 6000) -> str:
    """A text field of a posted form, cut at ``max_length`` ("" if absent or a file)."""
    value = form.get(name, "")
    return value[:max_length] if isinstance(value, str) else ""
