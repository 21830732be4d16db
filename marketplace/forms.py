"""Form errors that views show beside the fields, in the user's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["FormError", "Message"]


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
