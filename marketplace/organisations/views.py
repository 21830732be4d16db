"""Organisation pages: the members page (list, invite, change role, remove), accepting an
invitation, and an agency's register of licensed professionals."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import PUBLIC, allow, current_user, roles, signed_in_user
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.middleware import SESSION_COOKIE, client_ip
from marketplace.accounts.models import MemberRole, Role
from marketplace.accounts.services import start_session
from marketplace.accounts.views import _set_session_cookie
from marketplace.codes import mask_resident_id
from marketplace.forms import FormError, form_text
from marketplace.http import path_id
from marketplace.i18n import N_
from marketplace.organisations import services
from marketplace.organisations.membership import agency_of, is_administrator, members
from marketplace.organisations.models import Professional
from marketplace.templating import render

__all__ = ["MEMBER_ROLE_LABELS", "routes"]

MEMBERS = roles(Role.ENTERPRISE, Role.AGENCY)

MEMBER_ROLE_LABELS = {
    MemberRole.ADMINISTRATOR.value: N_("Administrator"),
    MemberRole.HANDLER.value: N_("Handler (经办人)"),
}

NOTICES = {
    "invited": N_("The invitation is on its way. The link works once, for 7 days."),
    "role_changed": N_("The member's role was changed."),
    "removed": N_("The member was removed; their sessions and API tokens have ended."),
    "revoked": N_("The invitation was withdrawn; its link no longer works."),
    "professional_added": N_("The professional is on the register."),
    "professional_removed": N_("The professional was taken off the register."),
}


def _notice(request: Request) -> str | None:
    return NOTICES.get(request.query_params.get("done", ""))


async def _is_member(request: Request, user: CurrentUser) -> bool:
    """A member of an organisation (an enterprise account or agency staff with a standing)."""
    organisation = await services.organisation_of(user)
    request.state.organisation = organisation
    return organisation is not None


async def _members_page(
    request: Request, extra: dict[str, Any] | None = None, status_code: int = 200
) -> Response:
    user = signed_in_user(request)
    organisation: services.Organisation = request.state.organisation
    admin = is_administrator(user)
    context: dict[str, Any] = {
        "organisation": organisation,
        "members": await members(**organisation.scope).order_by("id"),
        "invitations": await services.open_invitations(organisation) if admin else [],
        "is_admin": admin,
        "me": user,
        "role_labels": MEMBER_ROLE_LABELS,
        "errors": {},
        "values": {"email": "", "role": MemberRole.HANDLER.value},
        "notice": _notice(request),
        **(extra or {}),
    }
    return render(request, "organisations/members.html", context, status_code=status_code)


@allow(MEMBERS, owner=_is_member)
async def members_page(request: Request) -> Response:
    if request.method != "POST":
        return await _members_page(request)
    form = await request.form()
    values = {"email": form_text(form, "email", 254), "role": form_text(form, "role", 20)}
    try:
        await services.invite(
            signed_in_user(request),
            email=values["email"],
            role=values["role"],
            # from PUBLIC_URL, never from the Host header
            accept_url=request.state.settings.absolute_url("/invitations/{token}"),
            queue=request.state.jobs,
            ip=client_ip(request),
        )
    except FormError as exc:
        return await _members_page(request, {"errors": exc.errors, "values": values}, 422)
    return RedirectResponse("/account/organisation?done=invited", status_code=303)


@allow(MEMBERS, owner=_is_member)
async def member_role(request: Request) -> Response:
    form = await request.form()
    try:
        await services.set_member_role(
            signed_in_user(request),
            path_id(request),
            role=form_text(form, "role", 20),
            ip=client_ip(request),
        )
    except FormError as exc:
        return await _members_page(request, {"errors": exc.errors}, 422)
    return RedirectResponse("/account/organisation?done=role_changed", status_code=303)


@allow(MEMBERS, owner=_is_member)
async def member_remove(request: Request) -> Response:
    user = signed_in_user(request)
    member_id = path_id(request)
    try:
        await services.remove_member(user, member_id, ip=client_ip(request))
    except FormError as exc:
        return await _members_page(request, {"errors": exc.errors}, 422)
    if member_id == user.id:  # they removed themselves: this session has ended
        return RedirectResponse("/login", status_code=303)
    return RedirectResponse("/account/organisation?done=removed", status_code=303)


@allow(MEMBERS, owner=_is_member)
async def invitation_revoke(request: Request) -> Response:
    try:
        await services.revoke_invitation(
            signed_in_user(request), path_id(request), ip=client_ip(request)
        )
    except FormError as exc:
        return await _members_page(request, {"errors": exc.errors}, 422)
    return RedirectResponse("/account/organisation?done=revoked", status_code=303)


# --- accepting an invitation -------------------------------------------------------------


@allow(PUBLIC)
async def invitation_accept(request: Request) -> Response:
    token = request.path_params["token"][:100]
    invitation = await services.valid_invitation(token)
    user = current_user(request)
    context: dict[str, Any] = {
        "token": token,
        "invitation": invitation,
        "organisation_name": "",
        "role_labels": MEMBER_ROLE_LABELS,
        "me": user,
        "can_join": False,
        "errors": {},
        "name": "",
    }
    if invitation is None:
        response = render(request, "organisations/invitation_accept.html", context, status_code=410)
        response.headers["Cache-Control"] = "no-store"
        return response
    await invitation.fetch_related("enterprise", "agency")
    organisation = invitation.enterprise or invitation.agency
    context["organisation_name"] = organisation.name if organisation else ""
    if user is not None:
        context["can_join"] = user.user.email == invitation.email and await services.can_join(
            user.user
        )
    status_code = 200
    if request.method == "POST":
        form = await request.form()
        context["name"] = form_text(form, "name", 100)
        try:
            joined = await services.accept_invitation(
                token=token,
                user=user.user if user is not None else None,
                name=context["name"],
                password=form_text(form, "password", 1000),
                ip=client_ip(request),
            )
        except FormError as exc:
            context["errors"] = exc.errors
            status_code = 422
        else:
            response = RedirectResponse("/account/organisation", status_code=303)
            if user is None:  # the new account is signed in
                key = await start_session(
                    joined,
                    ip=client_ip(request),
                    user_agent=request.headers.get("user-agent", ""),
                    replaces=request.cookies.get(SESSION_COOKIE),
                )
                _set_session_cookie(request, response, key)
            return response
    response = render(
        request, "organisations/invitation_accept.html", context, status_code=status_code
    )
    response.headers["Cache-Control"] = "no-store"
    return response


# --- the register of licensed professionals ----------------------------------------------

_PROFESSIONAL_FIELDS = ("name", "qualification", "certificate_no", "id_number")


async def _agency_member(request: Request, user: CurrentUser) -> bool:
    request.state.agency_id = agency_of(user)
    return request.state.agency_id is not None


async def _professionals_page(
    request: Request, extra: dict[str, Any] | None = None, status_code: int = 200
) -> Response:
    user = signed_in_user(request)
    register = await Professional.filter(agency_id=request.state.agency_id, active=True)
    context: dict[str, Any] = {
        "professionals": [(p, mask_resident_id(p.id_number)) for p in register],
        "is_admin": is_administrator(user),
        "errors": {},
        "values": dict.fromkeys(_PROFESSIONAL_FIELDS, ""),
        "notice": _notice(request),
        **(extra or {}),
    }
    return render(request, "organisations/professionals.html", context, status_code=status_code)


@allow(roles(Role.AGENCY), owner=_agency_member)
async def professionals(request: Request) -> Response:
    if request.method != "POST":
        return await _professionals_page(request)
    form = await request.form()
    values = {name: form_text(form, name, 200) for name in _PROFESSIONAL_FIELDS}
    try:
        await services.add_professional(signed_in_user(request), **values)
    except FormError as exc:
        # the ID number is not shown again: it goes back to the form only as typed
        return await _professionals_page(request, {"errors": exc.errors, "values": values}, 422)
    return RedirectResponse("/account/professionals?done=professional_added", status_code=303)


@allow(roles(Role.AGENCY), owner=_agency_member)
async def professional_remove(request: Request) -> Response:
    try:
        await services.remove_professional(signed_in_user(request), path_id(request))
    except FormError as exc:
        return await _professionals_page(request, {"errors": exc.errors}, 422)
    return RedirectResponse("/account/professionals?done=professional_removed", status_code=303)


routes = [
    Route(
        "/account/organisation", members_page, methods=["GET", "POST"], name="organisation_members"
    ),
    Route(
        "/account/organisation/members/{id:str}/role",
        member_role,
        methods=["POST"],
        name="member_role",
    ),
    Route(
        "/account/organisation/members/{id:str}/remove",
        member_remove,
        methods=["POST"],
        name="member_remove",
    ),
    Route(
        "/account/organisation/invitations/{id:str}/revoke",
        invitation_revoke,
        methods=["POST"],
        name="invitation_revoke",
    ),
    Route(
        "/invitations/{token:str}",
        invitation_accept,
        methods=["GET", "POST"],
        name="invitation_accept",
    ),
    Route("/account/professionals", professionals, methods=["GET", "POST"], name="professionals"),
    Route(
        "/account/professionals/{id:str}/remove",
        professional_remove,
        methods=["POST"],
        name="professional_remove",
    ),
]
