"""Who is acting: the signed-in user with the roles they hold.

The domains' services take a ``CurrentUser`` to check what the actor may do; the web
builds one per request (``marketplace.accounts.middleware``, re-exported by
``marketplace.access``). It lives in the accounts domain so that services need not
import the web's access rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from marketplace.accounts.models import Role, User

__all__ = ["CurrentUser"]


@dataclass(frozen=True, slots=True)
class CurrentUser:
    """The signed-in user of a request, with the roles they hold."""

    user: User
    roles: frozenset[Role]
    via_token: bool = False

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.user.name

    @property
    def id(self) -> int:
        return self.user.id

    def has(self, *wanted: Role) -> bool:
        return not self.roles.isdisjoint(wanted)
