"""Organisation endpoints of the JSON API: members, invitations and the register of
licensed professionals."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from marketplace.access import allow, roles, signed_in_user
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.middleware import client_ip
from marketplace.accounts.models import Role, User
from marketplace.codes import mask_resident_id
from marketplace.http import ApiError, path_id
from marketplace.i18n import N_, translate
from marketplace.organisations import schemas, services
from marketplace.organisations.membership import agency_of, is_administrator, members
from marketplace.organisations.models import Professional
from marketplace.schemas import operation, parse_body

__all__ = ["routes"]

MEMBERS = roles(Role.ENTERPRISE, Role.AGENCY)


def _member_json(user: User) -> dict[str, Any]:
    role = user.member_role.value if user.member_role else ""
    return {"id": user.id, "name": user.name, "email": user.email, "role": role}


def _professional_json(p: Professional) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "qualification": p.qualification,
        "certificate_no": p.certificate_no,
        "id_number": mask_resident_id(p.id_number),
    }


def _administrator(user: CurrentUser) -> None:
    if not is_administrator(user):
        raise ApiError(
            403,
            "not_administrator",
            translate(N_("Only an administrator of the organisation can do this.")),
        )


async def _is_member(request: Request, user: CurrentUser) -> bool:
    request.state.organisation = await services.organisation_of(user)
    return request.state.organisation is not None


async def _owns_member(request: Request, user: CurrentUser) -> bool:
    organisation = request.state.organisation = await services.organisation_of(user)
    if organisation is None:
        return False
    return await members(**organisation.scope).filter(id=path_id(request)).exists()


@allow(MEMBERS, owner=_is_member)
@operation(
    summary="The members of the caller's organisation (enterprise or agency)",
    responses={200: ("The organisation and its members", schemas.MemberList)},
    errors={
        403: "Not an enterprise or agency account",
        404: "The caller is a member of no organisation",
    },
)
async def member_list(request: Request) -> JSONResponse:
    organisation: services.Organisation = request.state.organisation
    rows = await members(**organisation.scope).order_by("id")
    return JSONResponse(
        {
            "organisation": {
                "kind": organisation.kind,
                "id": organisation.id,
                "name": organisation.name,
            },
            "members": [_member_json(u) for u in rows],
        }
    )


@allow(MEMBERS, owner=_is_member)
@operation(
    "POST",
    summary="Invite someone to the caller's organisation (administrator)",
    description="A one-time link goes to the address by e-mail; it works for 7 days.",
    body=schemas.InviteBody,
    responses={201: ("The invitation (its link is only in the e-mail)", schemas.Invitation)},
    errors={
        403: "Not an administrator of an organisation, or a session-cookie request without "
        "the x-csrftoken header",
        404: "The caller is a member of no organisation",
        409: "The address is a member's already; nothing changed",
        422: "Invalid input (an e-mail address); nothing changed",
    },
)
async def invite(request: Request) -> JSONResponse:
    user = signed_in_user(request)
    _administrator(user)
    body = await parse_body(request, schemas.InviteBody)
    invited = await services.invite(
        user,
        email=body.email,
        role=body.role,
        accept_url=request.state.settings.absolute_url("/invitations/{token}"),
        queue=request.state.jobs,
        ip=client_ip(request),
    )
    invitation = invited.invitation
    return JSONResponse(
        {
            "id": invitation.id,
            "email": invitation.email,
            "role": invitation.role.value,
            "expires_at": invitation.expires_at.isoformat(),
        },
        status_code=201,
    )


@allow(MEMBERS, owner=_owns_member)
@operation(
    "POST",
    summary="Give a member of the caller's organisation a role (administrator)",
    body=schemas.MemberRoleBody,
    responses={200: ("The member with the new role", schemas.Member)},
    errors={
        403: "Not an administrator of the organisation, or a session-cookie request without "
        "the x-csrftoken header",
        404: "No such member of the caller's organisation",
        409: "The last administrator cannot become a handler; nothing changed",
    },
)
async def member_role(request: Request) -> JSONResponse:
    user = signed_in_user(request)
    _administrator(user)
    body = await parse_body(request, schemas.MemberRoleBody)
    member = await services.set_member_role(
        user, path_id(request), role=body.role, ip=client_ip(request)
    )
    return JSONResponse(_member_json(member))


@allow(MEMBERS, owner=_owns_member)
@operation(
    "POST",
    summary="Remove a member from the caller's organisation (administrator)",
    description="Their sessions and API tokens end at once.",
    body=schemas.Removal,
    responses={200: ("The member was removed", schemas.Removed)},
    errors={
        403: "Not an administrator of the organisation, or a session-cookie request without "
        "the x-csrftoken header",
        404: "No such member of the caller's organisation",
        409: "The last administrator cannot be removed; nothing changed",
    },
)
async def member_remove(request: Request) -> JSONResponse:
    user = signed_in_user(request)
    _administrator(user)
    await parse_body(request, schemas.Removal)
    member_id = path_id(request)
    await services.remove_member(user, member_id, ip=client_ip(request))
    return JSONResponse({"id": member_id, "removed": True})


async def _agency_member(request: Request, user: CurrentUser) -> bool:
    request.state.agency_id = agency_of(user)
    return request.state.agency_id is not None


@allow(roles(Role.AGENCY), owner=_agency_member)
@operation(
    summary="The caller's agency's register of licensed professionals",
    responses={200: ("The professionals, identity card numbers masked", schemas.ProfessionalList)},
    errors={403: "Not agency staff", 404: "The caller is a member of no agency"},
)
@operation(
    "POST",
    summary="Put a licensed professional on the register (the agency's administrator)",
    body=schemas.NewProfessional,
    responses={201: ("The professional, the identity card number masked", schemas.Professional)},
    errors={
        403: "Not an administrator of an agency, or a session-cookie request without the "
        "x-csrftoken header",
        404: "The caller is a member of no agency",
        409: "A professional with this certificate number is on the register already",
        422: "Invalid input (an identity card number whose check character does not match); "
        "nothing changed",
    },
)
async def professional_list(request: Request) -> JSONResponse:
    user = signed_in_user(request)
    if request.method == "GET":
        register = await Professional.filter(agency_id=request.state.agency_id, active=True)
        return JSONResponse({"professionals": [_professional_json(p) for p in register]})
    _administrator(user)
    body = await parse_body(request, schemas.NewProfessional)
    professional = await services.add_professional(
        user,
        name=body.name,
        qualification=body.qualification,
        certificate_no=body.certificate_no,
        id_number=body.id_number,
    )
    return JSONResponse(_professional_json(professional), status_code=201)


async def _owns_professional(request: Request, user: CurrentUser) -> bool:
    agency_id = agency_of(user)
    return agency_id is not None and await Professional.exists(
        id=path_id(request), agency_id=agency_id, active=True
    )


@allow(roles(Role.AGENCY), owner=_owns_professional)
@operation(
    "POST",
    summary="Take a professional off the register (the agency's administrator)",
    description="No new order can name them; the orders that do keep the name.",
    body=schemas.Removal,
    responses={200: ("The professional was taken off", schemas.Removed)},
    errors={
        403: "Not an administrator of the agency, or a session-cookie request without the "
        "x-csrftoken header",
        404: "No such professional on the caller's agency's register",
    },
)
async def professional_remove(request: Request) -> JSONResponse:
    user = signed_in_user(request)
    _administrator(user)
    await parse_body(request, schemas.Removal)
    professional_id = path_id(request)
    await services.remove_professional(user, professional_id)
    return JSONResponse({"id": professional_id, "removed": True})


routes = [
    Route("/organisation/members", member_list, name="api_members"),
    Route("/organisation/invitations", invite, methods=["POST"], name="api_invite"),
    Route(
        "/organisation/members/{id:str}/role",
        member_role,
        methods=["POST"],
        name="api_member_role",
    ),
    Route(
        "/organisation/members/{id:str}/remove",
        member_remove,
        methods=["POST"],
        name="api_member_remove",
    ),
    Route(
        "/professionals",
        professional_list,
        methods=["GET", "POST"],
        name="api_professionals",
    ),
    Route(
        "/professionals/{id:str}/remove",
        professional_remove,
        methods=["POST"],
        name="api_professional_remove",
    ),
]
