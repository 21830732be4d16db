"""What the account operations of the API answer (see ``marketplace.schemas``)."""

from __future__ import annotations

from pydantic import BaseModel

__all__ = ["Me"]


class Me(BaseModel):
    id: int
    email: str
    name: str
    roles: list[str]
    enterprise_id: int | None
    agency_id: int | None
    # administrator or handler in the enterprise or agency (marketplace.organisations)
    member_role: str | None = None
