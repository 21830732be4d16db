"""Organisation pages: the members page (list, invite, change role, remove), accepting an
invitation, and an agency's register of licensed professionals."""

from __future__ import annotations

import functools
from collections.abc import Mapping
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
from marketplace.formpages import Failure, dispatch, on_refusal, on_refusal_show, posted_row
from marketplace.forms import Message, form_text
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
        "member_errors": {},
        "member_values": {},
        "invitation_errors": {},
        "notice": _notice(request),
        **(extra or {}),
    }
    # a row's refusal the page has no row's form for (one removed meanwhile, no row named,
    # or someone who manages no one) is said above the list
    shown = {m.id for m in context["members"]} if admin else set()
    shown_invitations = {i.id for i in context["invitations"]}
    context["list_errors"] = {
        name: message
        for key, rows in (("member_errors", shown), ("invitation_errors", shown_invitations))
        for row, errors in context[key].items()
        if row not in rows
        for name, message in errors.items()
    }
    return render(request, "organisations/members.html", context, status_code=status_code)


@allow(MEMBERS, owner=_is_member)
async def members_page(request: Request) -> Response:
    return await _members_page(request)


@allow(MEMBERS, owner=_is_member)
async def member_invite(request: Request) -> Response:
    form = await request.form()
    values = {"email": form_text(form, "email", 254), "role": form_text(form, "role", 20)}
    on_refusal_show(request, _members_page, {"values": values})
    await services.invite(
        signed_in_user(request),
        email=values["email"],
        role=values["role"],
        # from PUBLIC_URL, never from the Host header
        accept_url=request.state.settings.absolute_url("/invitations/{token}"),
        queue=request.state.jobs,
        ip=client_ip(request),
    )
    return RedirectResponse("/account/organisation?done=invited", status_code=303)


async def _row_refused(
    request: Request, key: str, row: int, values: dict[str, str], failure: Failure
) -> Response:
    """The members' page with the refusal at the row (a member, an invitation) it concerns."""
    extra: dict[str, Any] = {key: {row: failure.errors}, "member_values": {row: values}}
    return await _members_page(request, extra)


@allow(MEMBERS, owner=_is_member)
async def member_role(request: Request) -> Response:
    """The role of the member a row of the members' page names (``ROW_KEY``)."""
    form = await request.form()
    member_id = posted_row(form) or 0  # no member has id 0: the service refuses it
    role = form_text(form, "role", 20)
    on_refusal(
        request,
        functools.partial(_row_refused, request, "member_errors", member_id, {"role": role}),
    )
    await services.set_member_role(
        signed_in_user(request), member_id, role=role, ip=client_ip(request)
    )
    return RedirectResponse("/account/organisation?done=role_changed", status_code=303)


@allow(MEMBERS, owner=_is_member)
async def member_remove(request: Request) -> Response:
    user = signed_in_user(request)
    member_id = posted_row(await request.form()) or 0
    on_refusal(request, functools.partial(_row_refused, request, "member_errors", member_id, {}))
    await services.remove_member(user, member_id, ip=client_ip(request))
    if member_id == user.id:  # they removed themselves: this session has ended
        return RedirectResponse("/login", status_code=303)
    return RedirectResponse("/account/organisation?done=removed", status_code=303)


@allow(MEMBERS, owner=_is_member)
async def invitation_revoke(request: Request) -> Response:
    invitation_id = posted_row(await request.form()) or 0
    on_refusal(
        request,
        functools.partial(_row_refused, request, "invitation_errors", invitation_id, {}),
    )
    await services.revoke_invitation(signed_in_user(request), invitation_id, ip=client_ip(request))
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

    def page(errors: Mapping[str, Message], status_code: int) -> Response:
        shown = {**context, "errors": errors}
        response = render(
            request, "organisations/invitation_accept.html", shown, status_code=status_code
        )
        response.headers["Cache-Control"] = "no-store"  # the link's token is in the page
        return response

    if request.method != "POST":
        return page({}, 200)
    form = await request.form()
    context["name"] = form_text(form, "name", 100)

    async def refused(failure: Failure) -> Response:
        return page(failure.errors, failure.status_code)

    on_refusal(request, refused)
    joined = await services.accept_invitation(
        token=token,
        user=user.user if user is not None else None,
        name=context["name"],
        password=form_text(form, "password", 1000),
        ip=client_ip(request),
    )
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
        "row_errors": {},
        "notice": _notice(request),
        **(extra or {}),
    }
    # a row's refusal for no row's form of the register is said above it
    shown = {p.id for p in register} if context["is_admin"] else set()
    context["list_errors"] = {
        name: message
        for row, errors in context["row_errors"].items()
        if row not in shown
        for name, message in errors.items()
    }
    return render(request, "organisations/professionals.html", context, status_code=status_code)


@allow(roles(Role.AGENCY), owner=_agency_member)
async def professionals(request: Request) -> Response:
    return await _professionals_page(request)


@allow(roles(Role.AGENCY), owner=_agency_member)
async def professional_add(request: Request) -> Response:
    form = await request.form()
    values = {name: form_text(form, name, 200) for name in _PROFESSIONAL_FIELDS}
    # the ID number is not shown again: it goes back to the form only as typed
    on_refusal_show(request, _professionals_page, {"values": values})
    await services.add_professional(signed_in_user(request), **values)
    return RedirectResponse("/account/professionals?done=professional_added", status_code=303)


async def _professional_refused(request: Request, row: int, failure: Failure) -> Response:
    return await _professionals_page(request, {"row_errors": {row: failure.errors}})


@allow(roles(Role.AGENCY), owner=_agency_member)
async def professional_remove(request: Request) -> Response:
    """Take the professional a row of the register names (``ROW_KEY``) off it."""
    professional_id = posted_row(await request.form()) or 0
    on_refusal(request, functools.partial(_professional_refused, request, professional_id))
    await services.remove_professional(signed_in_user(request), professional_id)
    return RedirectResponse("/account/professionals?done=professional_removed", status_code=303)


routes = [
    # the members' page and its forms at one address: an invitation, and each row's (a
    # member's role or removal, an invitation withdrawn), the row named in ``ROW_KEY``
    Route(
        "/account/organisation",
        dispatch(
            members_page,
            {
                "invite": member_invite,
                "role": member_role,
                "remove": member_remove,
                "revoke": invitation_revoke,
            },
        ),
        methods=["GET", "POST"],
        name="organisation_members",
    ),
    Route(
        "/invitations/{token:str}",
        invitation_accept,
        methods=["GET", "POST"],
        name="invitation_accept",
    ),
    # the register and its forms at one address (a row's naming its professional)
    Route(
        "/account/professionals",
        dispatch(professionals, {"add": professional_add, "remove": professional_remove}),
        methods=["GET", "POST"],
        name="professionals",
    ),
]
