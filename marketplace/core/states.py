"""State machines as data: the one transition type of every domain, and its table.

A domain (orders, admission, complaints) lists its transitions in a ``TransitionTable``:
each row names the step (``action``), the states it may start from, where it leads, who may
make it (the domain's party or role), the button's label and the ``effect``: the name of
what else happens, looked up by the domain's service in its own registry of effect
functions (a dict from effect name to function) instead of a ladder of ``if action ==``.
The services refuse whatever the table does not allow, the pages offer what it allows the
viewer, and the tests walk it and check that every effect is registered.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["NO_EFFECT", "Transition", "TransitionTable"]

S = TypeVar("S")  # the state enumeration
A = TypeVar("A")  # who makes it: the domain's party or role

# The effect of a transition that changes the state and nothing else.
NO_EFFECT = ""


@dataclass(frozen=True, slots=True)
class Transition(Generic[S, A]):
    action: str  # the step's name, unique in its table (an order event's name, a form's)
    sources: frozenset[S]  # the states it may start from
    target: S | None  # None: chosen when the transition is made (an order's resolve)
    by: A  # the party or role that may make it (or the domain's SYSTEM)
    label: str  # what it is called on its button (an English message id)
    effect: str = NO_EFFECT  # what else happens: a key of the domain's effect registry
    needs_reason: bool = False
    # the name of the line it writes to the record, where it is not the action's own
    event: str = ""
    takes_files: bool = False
    # made only with that record ("rating", "complaint"), by the service that writes it
    made_with: str = ""
    # the party's next step: the page's primary action (the others are secondary)
    forward: bool = False
    # asked for on a page of its own that says what it does (an order's cancel)
    confirm_page: bool = False

    @property
    def source(self) -> S:
        """The one state it starts from (for a table whose rows each start from one)."""
        (only,) = self.sources
        return only

    @property
    def event_name(self) -> str:
        return self.event or self.action


class TransitionTable(Mapping[str, Transition[S, A]], Generic[S, A]):
    """A domain's transitions by action, in the order they are listed."""

    __slots__ = ("_rows",)

    def __init__(self, rows: Iterable[Transition[S, A]]) -> None:
        self._rows: dict[str, Transition[S, A]] = {}
        for row in rows:
            if row.action in self._rows:
                raise ValueError(f"transition {row.action!r} is listed twice")
            self._rows[row.action] = row

    def __getitem__(self, action: str) -> Transition[S, A]:
        return self._rows[action]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return f"TransitionTable({list(self._rows)!r})"

    def allowed_from(self, source: S, by: A | None = None) -> list[Transition[S, A]]:
        """The transitions that may start from ``source`` (made by ``by``, if given)."""
        return [
            t for t in self._rows.values() if source in t.sources and (by is None or t.by == by)
        ]

    def find(self, source: S, target: S, by: A) -> Transition[S, A] | None:
        """The transition ``by`` makes from ``source`` to ``target`` (``None``: none)."""
        return next(
            (
                t
                for t in self._rows.values()
                if source in t.sources and t.target == target and t.by == by
            ),
            None,
        )

    def allows(self, source: S, target: S, by: A) -> bool:
        return self.find(source, target, by) is not None

    def effects(self) -> set[str]:
        """The effect names its rows use."""
        return {t.effect for t in self._rows.values() if t.effect != NO_EFFECT}
