"""Account pages: register, sign in and out, my account, passwords, API tokens."""

from __future__ import annotations

import functools
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import PUBLIC, SIGNED_IN, allow, signed_in_user
from marketplace.accounts import services
from marketplace.accounts.middleware import SESSION_COOKIE, client_ip
from marketplace.accounts.models import ApiToken, Enterprise, SecurityEvent
from marketplace.formpages import Failure, dispatch, on_refusal, on_refusal_show, posted_row
from marketplace.forms import Message, Refused
from marketplace.i18n import N_
from marketplace.ratelimit import login_keys
from marketplace.templating import render

__all__ = ["routes"]

# Notices shown after a redirect, chosen by ``?done=``; only these keys are accepted.
NOTICES = {
    "registered": N_("Welcome! Your enterprise account is ready."),
    "password_changed": N_("Your password was changed. Other devices were signed out."),
    "password_reset": N_("Your new password is set. Sign in with it."),
    "reset_sent": N_(
        "If an account has this address, a link to reset its password is on its way. "
        "It works for one hour."
    ),
    "logged_out": N_("You are signed out."),
    "token_revoked": N_("The token was revoked; programs using it can no longer sign in."),
}

_REGISTER_FIELDS = ("company_name", "credit_code", "contact_person", "phone", "email")


def _form_values(form: FormData, names: tuple[str, ...]) -> dict[str, str]:
    """What the user typed, to show again beside the errors (never passwords)."""
    return {name: str(form.get(name, ""))[:300] for name in names}


def _text(form: FormData, name: str, max_length: int = 1000) -> str:
    value = form.get(name, "")
    return value[:max_length] if isinstance(value, str) else ""


def _safe_next(raw: str | None) -> str:
    """A local path to go to after signing in; anything else goes to the account page."""
    if raw and raw.startswith("/") and not raw.startswith("//") and "\\" not in raw:
        return raw
    return "/account"


def _set_session_cookie(request: Request, response: Response, key: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        key,
        max_age=int(services.SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https" or request.state.settings.is_https,
    )


def _notice(request: Request) -> str | None:
    return NOTICES.get(request.query_params.get("done", ""))


@allow(PUBLIC)
async def register(request: Request) -> Response:
    context: dict[str, Any] = {"values": dict.fromkeys(_REGISTER_FIELDS, ""), "errors": {}}
    if request.method == "POST":
        form = await request.form()
        context["values"] = _form_values(form, _REGISTER_FIELDS)
        on_refusal(request, "accounts/register.html", context)
        user = await services.register_enterprise(
            company_name=_text(form, "company_name"),
            credit_code=_text(form, "credit_code"),
            contact_person=_text(form, "contact_person"),
            phone=_text(form, "phone"),
            email=_text(form, "email"),
            password=_text(form, "password"),
            ip=client_ip(request),
        )
        key = await services.start_session(
            user,
            ip=client_ip(request),
            user_agent=request.headers.get("user-agent", ""),
            replaces=request.cookies.get(SESSION_COOKIE),
        )
        response = RedirectResponse("/account?done=registered", status_code=303)
        _set_session_cookie(request, response, key)
        return response
    return render(request, "accounts/register.html", context)


@allow(PUBLIC)
async def login(request: Request) -> Response:
    next_url = _safe_next(request.query_params.get("next"))
    context: dict[str, Any] = {
        "email": "",
        "errors": {},
        "next": next_url,
        "notice": _notice(request),
    }
    if request.method != "POST":
        return render(request, "accounts/login.html", context)
    form = await request.form()
    email = _text(form, "email", 254).strip()
    context["email"] = email
    next_url = context["next"] = _safe_next(_text(form, "next"))
    refused = await request.state.rate_limiter.hit(**login_keys(email, client_ip(request)))
    if refused is not None:
        await services.log_event("login_rate_limited", ip=client_ip(request), email=email.lower())
        context["errors"] = {"": _too_many(refused.retry_after_minutes)}
        response = render(request, "accounts/login.html", context, status_code=429)
        response.headers["Retry-After"] = str(refused.retry_after_s)
        return response
    on_refusal(request, "accounts/login.html", context)
    user = await services.authenticate(
        email=email, password=_text(form, "password"), ip=client_ip(request)
    )
    key = await services.start_session(
        user,
        ip=client_ip(request),
        user_agent=request.headers.get("user-agent", ""),
        replaces=request.cookies.get(SESSION_COOKIE),
    )
    response = RedirectResponse(next_url, status_code=303)
    _set_session_cookie(request, response, key)
    return response


def _too_many(minutes: int) -> Message:
    return Message(N_("Too many attempts. Try again in %(minutes)s minutes."), {"minutes": minutes})


@allow(SIGNED_IN)
async def logout(request: Request) -> Response:
    key = request.cookies.get(SESSION_COOKIE)
    if key:
        await services.end_session(key, ip=client_ip(request))
    response = RedirectResponse("/login?done=logged_out", status_code=303)
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax")
    return response


@allow(SIGNED_IN)
async def account(request: Request) -> Response:
    user = signed_in_user(request)
    enterprise = (
        await Enterprise.get_or_none(id=user.user.enterprise_id)
        if user.user.enterprise_id
        else None
    )
    recent = await SecurityEvent.filter(user_id=user.id).order_by("-id").limit(10)
    return render(
        request,
        "accounts/account.html",
        {"me": user, "enterprise": enterprise, "recent_events": recent, "notice": _notice(request)},
    )


@allow(SIGNED_IN)
async def password_change(request: Request) -> Response:
    context: dict[str, Any] = {"errors": {}}
    if request.method == "POST":
        form = await request.form()
        on_refusal(request, "accounts/password_change.html", context)
        await services.change_password(
            signed_in_user(request).user,
            current=_text(form, "current_password"),
            new=_text(form, "new_password"),
            keep_session=request.cookies.get(SESSION_COOKIE),
            ip=client_ip(request),
        )
        return RedirectResponse("/account?done=password_changed", status_code=303)
    return render(request, "accounts/password_change.html", context)


@allow(PUBLIC)
async def password_reset_request(request: Request) -> Response:
    context: dict[str, Any] = {"email": "", "errors": {}}
    if request.method != "POST":
        return render(request, "accounts/password_reset_request.html", context)
    form = await request.form()
    email = context["email"] = _text(form, "email", 254).strip()
    refused = await request.state.rate_limiter.hit(
        reset_account=email or "-", reset_address=client_ip(request) or "-"
    )
    if refused is not None:
        context["errors"] = {"": _too_many(refused.retry_after_minutes)}
        response = render(request, "accounts/password_reset_request.html", context, status_code=429)
        response.headers["Retry-After"] = str(refused.retry_after_s)
        return response
    # From PUBLIC_URL, never from the Host header: a forged host must not get the link.
    reset_url = request.state.settings.absolute_url("/password-reset/{token}")
    await services.request_password_reset(
        email=email, queue=request.state.jobs, reset_url=reset_url, ip=client_ip(request)
    )
    return RedirectResponse("/login?done=reset_sent", status_code=303)


@allow(PUBLIC)
async def password_reset_confirm(request: Request) -> Response:
    token = request.path_params["token"][:100]
    valid = await services.valid_password_reset(token) is not None
    context: dict[str, Any] = {"valid": valid, "errors": {}, "token": token}
    if request.method == "POST" and valid:
        form = await request.form()
        on_refusal(request, "accounts/password_reset_confirm.html", context)
        await services.reset_password(
            token=token, new_password=_text(form, "new_password"), ip=client_ip(request)
        )
        response = RedirectResponse("/login?done=password_reset", status_code=303)
        response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax")
        return response
    return render(
        request, "accounts/password_reset_confirm.html", context, status_code=200 if valid else 410
    )


async def _tokens_page(
    request: Request, extra: dict[str, Any] | None = None, status_code: int = 200
) -> Response:
    user = signed_in_user(request)
    context: dict[str, Any] = {
        "errors": {},
        "created": None,
        "name": "",
        "notice": _notice(request),
        "tokens": await ApiToken.filter(user_id=user.id).order_by("-id"),
        **(extra or {}),
    }
    response = render(request, "accounts/tokens.html", context, status_code=status_code)
    response.headers["Cache-Control"] = "no-store"  # the page may show a new token's secret
    return response


@allow(SIGNED_IN)
async def tokens(request: Request) -> Response:
    return await _tokens_page(request)


@allow(SIGNED_IN)
async def token_create(request: Request) -> Response:
    form = await request.form()
    name = _text(form, "name", 100)
    on_refusal_show(request, _tokens_page, {"name": name})
    created = await services.create_api_token(
        signed_in_user(request).user, name=name, ip=client_ip(request)
    )
    return await _tokens_page(request, {"created": created}, status_code=201)


async def _token_refused(request: Request, failure: Failure) -> Response:
    return await _tokens_page(request, {"errors": failure.errors})


@allow(SIGNED_IN)
async def token_revoke(request: Request) -> Response:
    """Revoke the token a row of the tokens' page names (``ROW_KEY``): one's own only."""
    user = signed_in_user(request)
    token_id = posted_row(await request.form())
    token = await ApiToken.get_or_none(id=token_id, user_id=user.id) if token_id else None
    on_refusal(request, functools.partial(_token_refused, request))
    if token is None:
        raise Refused(N_("You have no such token: nothing was changed."))
    await services.revoke_api_token(token, actor=user.user, ip=client_ip(request))
    return RedirectResponse("/account/tokens?done=token_revoked", status_code=303)


routes = [
    Route("/register", register, methods=["GET", "POST"], name="register"),
    Route("/login", login, methods=["GET", "POST"], name="login"),
    Route("/logout", logout, methods=["POST"], name="logout"),
    Route("/account", account, name="account"),
    Route("/account/password", password_change, methods=["GET", "POST"], name="password_change"),
    Route(
        "/password-reset", password_reset_request, methods=["GET", "POST"], name="password_reset"
    ),
    Route(
        "/password-reset/{token:str}",
        password_reset_confirm,
        methods=["GET", "POST"],
        name="password_reset_confirm",
    ),
    # the tokens' page and its forms at one address: a new token, and each row's revocation
    Route(
        "/account/tokens",
        dispatch(tokens, {"create": token_create, "revoke": token_revoke}),
        methods=["GET", "POST"],
        name="tokens",
    ),
]
