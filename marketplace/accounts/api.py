"""Account endpoints of the JSON API."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from marketplace.access import SIGNED_IN, allow, current_user
from marketplace.accounts import schemas
from marketplace.schemas import operation

__all__ = ["routes"]


@allow(SIGNED_IN)
@operation(
    summary="The signed-in user (by session or by a personal access token)",
    responses={200: ("id, e-mail, name and roles", schemas.Me)},
)
async def me(request: Request) -> JSONResponse:
    user = current_user(request)
    assert user is not None
    return JSONResponse(
        {
            "id": user.id,
            "email": user.user.email,
            "name": user.user.name,
            "roles": sorted(role.value for role in user.roles),
            "enterprise_id": user.user.enterprise_id,
            "agency_id": user.user.agency_id,
            "member_role": user.user.member_role.value if user.user.member_role else None,
        }
    )


routes = [Route("/me", me, name="api_me")]
