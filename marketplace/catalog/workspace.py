"""The agency's workspace: its profile, items and qualifications, changed through drafts
that the office reviews (``catalog.listings``).

Every route needs the agency role and a link to an agency; routes naming an item, a
qualification or a change answer 404 unless it is the user's agency's.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import allow, roles, signed_in_user
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.admission.forms import FEE_FIELDS, fee_fields, fee_standard
from marketplace.catalog import listings, qualifications
from marketplace.catalog.fees import (
    AMOUNT_UNITS,
    QUANTITY_UNITS,
    FeeEstimate,
    FeeStandard,
    FeeStandardError,
    InvalidBase,
    estimate_fee,
    parse_base,
    parse_fee_standard,
)
from marketplace.catalog.models import (
    Agency,
    Category,
    ChangeKind,
    ChangeStatus,
    ListingChange,
    Qualification,
    ServiceItem,
    ServiceStatus,
)
from marketplace.core.clock import today as beijing_today
from marketplace.core.uploads import read_uploads
from marketplace.formpages import Failure, dispatch, on_refusal, posted_row
from marketplace.forms import FormError, Message, Refused, form_text, parse_id, whole_number
from marketplace.http import path_id
from marketplace.i18n import N_
from marketplace.templating import render

__all__ = ["FEE_FIELDS_BY_TYPE", "routes"]

# The fields of each fee type the edit form shows (the others are not sent): the shapes
# of ``catalog.fees``. A table with interpolation or adjustment factors has no form
# fields; such an item keeps its fee standard ("current") unless another type is chosen.
FEE_FIELDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "fixed": ("amount", "per", "discount"),
    "negotiated": ("low", "high", "note"),
    "per_unit": ("unit", "price", "base_label", "floor", "cap", "discount"),
    "rate": ("base_unit", "base_label", "rate", "floor", "cap", "discount"),
    "tiered": ("base_unit", "base_label", "bands", "floor", "cap", "discount"),
}
KEEP_CURRENT = "current"
_TEXT_FIELDS = ("title", "scope", "content", "legal_basis", "fee_basis", "commitments")
_SAMPLE_BASE = "1000"


async def _staff(request: Request, user: CurrentUser) -> bool:
    """The user acts for an agency: the agency role and the link both."""
    if user.user.agency_id is None:
        return False
    agency = await Agency.get_or_none(id=user.user.agency_id)
    request.state.agency = agency
    return agency is not None


async def _owns_item(request: Request, user: CurrentUser) -> bool:
    if not await _staff(request, user):
        return False
    item = await ServiceItem.get_or_none(id=path_id(request)).select_related("category")
    request.state.item = item
    return item is not None and item.agency_id == request.state.agency.id


async def _owns_change(request: Request, user: CurrentUser) -> bool:
    if not await _staff(request, user):
        return False
    change = await ListingChange.get_or_none(id=path_id(request)).select_related(
        "agency", "item", "qualification"
    )
    request.state.change = change
    return change is not None and change.agency_id == request.state.agency.id


async def _owns_qualification(request: Request, user: CurrentUser) -> bool:
    if not await _staff(request, user):
        return False
    qualification = await Qualification.get_or_none(id=path_id(request))
    request.state.qualification = qualification
    return qualification is not None and qualification.agency_id == request.state.agency.id


STAFF = roles(Role.AGENCY)


# --- the overview --------------------------------------------------------------------


@allow(STAFF, owner=_staff)
async def home(request: Request) -> Response:
    return await _home_page(request, {})


async def _home_page(request: Request, extra: dict[str, Any]) -> Response:
    agency: Agency = request.state.agency
    items = await ServiceItem.filter(agency_id=agency.id).select_related("category").order_by("id")
    changes = await listings.agency_changes(agency.id)
    open_by_item = {
        c.item_id: c for c in reversed(changes) if c.status in listings.OPEN_STATUSES and c.item_id
    }
    shown = [i for i in items if i.status is not ServiceStatus.DRAFT or i.id in open_by_item]
    # a row's refusal for an item the list does not show is said above the items (row 0)
    item_errors = {
        (row if row in {i.id for i in shown} else 0): errors
        for row, errors in extra.pop("item_errors", {}).items()
    }
    return render(
        request,
        "workspace/home.html",
        {
            "agency": agency,
            "items": shown,
            "open_by_item": open_by_item,
            "fee_standards": {i.id: _parsed(i.fee_standard) for i in items},
            "changes": changes,
            "categories": await listings.admitted_categories(agency),
            "qualifications": await Qualification.filter(agency_id=agency.id).order_by("id"),
            "holds": await qualifications.holds_of(agency.id),
            "notice": _notice(request),
            "item_errors": item_errors,
            "item_values": {},
            **extra,
        },
    )


def _parsed(standard: dict[str, Any]) -> FeeStandard | None:
    try:
        return parse_fee_standard(standard)
    except FeeStandardError:
        return None


_NOTICES = {
    "saved": N_(
        "Draft saved. Submit it for review when it is ready: nothing public changes "
        "until the office approves it."
    ),
    "submitted": N_("Submitted for review. The office approves it or returns it with a reason."),
}


def _notice(request: Request) -> str | None:
    return _NOTICES.get(request.query_params.get("done", ""))


# --- the item form -------------------------------------------------------------------


def _item_values(item: ServiceItem | None, proposed: dict[str, Any] | None) -> dict[str, str]:
    source: dict[str, Any] = dict(proposed or {})
    if not source and item is not None:
        source = {name: getattr(item, name) for name in listings.ITEM_FIELDS}
    values = {name: str(source.get(name) or "") for name in _TEXT_FIELDS}
    values["time_limit_days"] = str(source.get("time_limit_days") or "")
    standard = source.get("fee_standard") or {}
    values.update(fee_fields(standard) if standard else dict.fromkeys(FEE_FIELDS, ""))
    if standard and (standard.get("type") not in FEE_FIELDS_BY_TYPE or standard.get("factors")):
        values["fee_type"] = KEEP_CURRENT
    return values


def _posted_values(form: FormData) -> dict[str, str]:
    values = {name: form_text(form, name, 5000) for name in (*_TEXT_FIELDS, "time_limit_days")}
    values.update({name: form_text(form, name, 1000) for name in FEE_FIELDS})
    values["sample_base"] = form_text(form, "sample_base", 40)
    return values


def _draft_standard(
    values: dict[str, str], current: dict[str, Any] | None, errors: dict[str, Message]
) -> dict[str, Any]:
    if values.get("fee_type") == KEEP_CURRENT and current:
        return dict(current)
    if values.get("fee_type") not in FEE_FIELDS_BY_TYPE:
        errors["fee_type"] = Message(N_("Choose how the fee is charged."))
        return {}
    wanted = FEE_FIELDS_BY_TYPE[values["fee_type"]]
    shown = {k: v for k, v in values.items() if k in wanted or k == "fee_type"}
    return fee_standard(shown, "", errors)


def _estimate(
    standard: dict[str, Any], sample: str
) -> tuple[FeeStandard | None, FeeEstimate | None, Message | None]:
    """The draft's fee for the sample base (what the form shows beside the fields)."""
    try:
        parsed = parse_fee_standard(standard)
    except FeeStandardError:
        return None, None, None
    try:
        base = parse_base(sample or _SAMPLE_BASE) if parsed.needs_base else None
        return parsed, estimate_fee(parsed, base), None
    except InvalidBase as exc:
        return parsed, None, Message(exc.message, exc.params)


def _parse_item(
    values: dict[str, str], current_standard: dict[str, Any] | None
) -> tuple[dict[str, Any], dict[str, Message]]:
    errors: dict[str, Message] = {}
    parsed: dict[str, Any] = {name: values[name] for name in _TEXT_FIELDS}
    parsed["time_limit_days"] = whole_number(values["time_limit_days"], minimum=1, maximum=720)
    if parsed["time_limit_days"] is None:
        errors["time_limit_days"] = Message(
            N_("Enter a whole number from %(low)s to %(high)s."), {"low": 1, "high": 720}
        )
    parsed["fee_standard"] = _draft_standard(values, current_standard, errors)
    return parsed, errors


async def _item_form(
    request: Request,
    *,
    item: ServiceItem | None,
    category: Category | None,
    change: ListingChange | None,
) -> Response:
    agency: Agency = request.state.agency
    current = (
        item.fee_standard if item is not None and item.status is ServiceStatus.PUBLISHED else None
    )
    errors: dict[str, Message] = {}
    if request.method == "POST":
        form = await request.form()
        values = _posted_values(form)
        action = form_text(form, "action", 20)
        parsed, errors = _parse_item(values, current)
        if action == "save" and not errors:

            async def refused(failure: Failure) -> Response:
                return await _item_page(request, item, category, change, values, failure.errors)

            on_refusal(request, refused)
            if item is not None and item.status is ServiceStatus.PUBLISHED:
                saved = await listings.draft_item_edit(
                    agency, item, parsed, actor_id=signed_in_user(request).id
                )
            else:
                assert category is not None
                saved = await listings.draft_new_item(
                    agency, category, parsed, actor_id=signed_in_user(request).id, change=change
                )
            return RedirectResponse(f"/workspace/changes/{saved.id}?done=saved", 303)
        elif action != "save":
            errors = {}  # choosing a fee type or updating the estimate is not a refusal
    else:
        values = _item_values(item, change.proposed if change else None)
        values["sample_base"] = request.query_params.get("sample_base", "")[:40]
        chosen = request.query_params.get("fee_type", "")
        if chosen in FEE_FIELDS_BY_TYPE:
            values["fee_type"] = chosen
    return await _item_page(request, item, category, change, values, errors)


async def _item_page(
    request: Request,
    item: ServiceItem | None,
    category: Category | None,
    change: ListingChange | None,
    values: dict[str, str],
    errors: Mapping[str, Message],
) -> Response:
    """The item form with ``values`` and ``errors`` (422 when there are any)."""
    agency: Agency = request.state.agency
    current = (
        item.fee_standard if item is not None and item.status is ServiceStatus.PUBLISHED else None
    )
    standard, estimate, estimate_error = _estimate(
        _draft_standard(values, current, {}), values.get("sample_base", "")
    )
    fee_type = values.get("fee_type", "")
    return render(
        request,
        "workspace/item_form.html",
        {
            "agency": agency,
            "item": item,
            "category": category or (item.category if item else None),
            "change": change,
            "values": values,
            "errors": errors,
            "fee_type": fee_type,
            "shown_fee_fields": FEE_FIELDS_BY_TYPE.get(fee_type, ()),
            "fee_types": tuple(FEE_FIELDS_BY_TYPE),
            "can_keep_current": current is not None,
            "current_standard": parse_fee_standard(current) if current else None,
            "standard": standard,
            "estimate": estimate,
            "estimate_error": estimate_error,
            "amount_units": AMOUNT_UNITS,
            "quantity_units": QUANTITY_UNITS,
        },
        status_code=422 if errors else 200,
    )


@allow(STAFF, owner=_owns_item)
async def item_edit(request: Request) -> Response:
    item: ServiceItem = request.state.item
    if item.status is not ServiceStatus.PUBLISHED:
        raise HTTPException(status_code=404)  # a new item's draft is edited from its change
    change = await listings.open_change_for_item(item)
    if change is not None and change.kind is ChangeKind.ITEM_WITHDRAW:
        change = None
    return await _item_form(request, item=item, category=item.category, change=change)


@allow(STAFF, owner=_staff)
async def item_new(request: Request) -> Response:
    agency: Agency = request.state.agency
    category_id = parse_id(request.query_params.get("category", ""))
    allowed = {c.id: c for c in await listings.admitted_categories(agency)}
    if category_id not in allowed:
        raise HTTPException(status_code=404)
    return await _item_form(request, item=None, category=allowed[category_id], change=None)


async def _withdrawal_refused(
    request: Request, item_id: int, reason: str, failure: Failure
) -> Response:
    """The workspace with the refusal at the item's row, the reason as typed (or above the
    items, for an item the agency does not have)."""
    extra = {"item_errors": {item_id: failure.errors}, "item_values": {item_id: reason}}
    return await _home_page(request, extra)


@allow(STAFF, owner=_staff)
async def item_withdraw(request: Request) -> Response:
    """Ask to withdraw the item a row of the workspace names (``ROW_KEY``)."""
    agency: Agency = request.state.agency
    form = await request.form()
    item_id = posted_row(form)
    item = await ServiceItem.get_or_none(id=item_id, agency_id=agency.id) if item_id else None
    reason = form_text(form, "reason", 1000)
    row = item.id if item else 0
    on_refusal(request, functools.partial(_withdrawal_refused, request, row, reason))
    if item is None:
        raise Refused(N_("This item is not one of your agency's: nothing was changed."))
    change = await listings.draft_withdrawal(
        agency, item, reason=reason, actor_id=signed_in_user(request).id
    )
    return RedirectResponse(f"/workspace/changes/{change.id}?done=saved", 303)


# --- the profile ---------------------------------------------------------------------


@allow(STAFF, owner=_staff)
async def profile(request: Request) -> Response:
    agency: Agency = request.state.agency
    errors: dict[str, Message] = {}
    values = {name: str(getattr(agency, name) or "") for name in listings.PROFILE_FIELDS}
    if request.method == "POST":
        form = await request.form()
        values = {name: form_text(form, name, 5000) for name in listings.PROFILE_FIELDS}
        on_refusal(request, "workspace/profile.html", {"agency": agency, "values": values})
        change = await listings.draft_profile(agency, values, actor_id=signed_in_user(request).id)
        return RedirectResponse(f"/workspace/changes/{change.id}?done=saved", 303)
    return render(
        request,
        "workspace/profile.html",
        {"agency": agency, "values": values, "errors": errors},
        status_code=422 if errors else 200,
    )


# --- qualifications ------------------------------------------------------------------

_QUALIFICATION_TEXT = ("name", "grade", "certificate_no", "issuer", "expires_on")


async def _qualification_form(request: Request, renews: Qualification | None) -> Response:
    agency: Agency = request.state.agency
    errors: dict[str, Message] = {}
    values = dict.fromkeys(_QUALIFICATION_TEXT, "")
    if renews is not None:
        values.update(name=renews.name, grade=renews.grade or "", issuer=renews.issuer)
    if request.method == "POST":
        form = await request.form(max_files=1, max_part_size=20 * 1024 * 1024)
        values = {name: form_text(form, name, 200) for name in _QUALIFICATION_TEXT}
        if renews is not None:
            values["name"] = renews.name  # a renewal keeps the qualification's name
        upload = form.get("certificate")
        data: dict[str, Any] = {k: v for k, v in values.items() if k != "expires_on"}
        try:
            data["expires_on"] = dt.date.fromisoformat(values["expires_on"].strip())
        except ValueError:
            data["expires_on"] = None
        shown = {
            "agency": agency,
            "renews": renews,
            "values": values,
            "grades": listings.GRADES,
            "qualifications": await Qualification.filter(agency_id=agency.id).order_by("id"),
        }
        on_refusal(request, "workspace/qualification_form.html", shown)
        stored = await read_uploads(
            [upload] if isinstance(upload, UploadFile) else [],
            request.state.settings.media_dir,
            field="certificate",
        )
        if stored and stored[0].content_type != "application/pdf":
            raise FormError.single(
                "certificate",
                N_("This file is not a PDF. Attach the certificate as a PDF file."),
            )
        if stored:
            data["certificate_sha256"] = stored[0].sha256
            data["certificate_name"] = stored[0].filename
        change = await listings.draft_qualification(
            agency,
            data,
            actor_id=signed_in_user(request).id,
            today=beijing_today(),
            renews=renews,
        )
        return RedirectResponse(f"/workspace/changes/{change.id}?done=saved", 303)
    return render(
        request,
        "workspace/qualification_form.html",
        {
            "agency": agency,
            "renews": renews,
            "values": values,
            "errors": errors,
            "grades": listings.GRADES,
            "qualifications": await Qualification.filter(agency_id=agency.id).order_by("id"),
        },
        status_code=422 if errors else 200,
    )


@allow(STAFF, owner=_staff)
async def qualification_new(request: Request) -> Response:
    return await _qualification_form(request, None)


@allow(STAFF, owner=_owns_qualification)
async def qualification_renew(request: Request) -> Response:
    return await _qualification_form(request, request.state.qualification)


# --- one change ----------------------------------------------------------------------


def _change_context(request: Request) -> dict[str, Any]:
    change: ListingChange = request.state.change
    return {
        "agency": request.state.agency,
        "change": change,
        "rows": listings.differences(change),
        "editable": change.status in (ChangeStatus.DRAFT, ChangeStatus.RETURNED),
        "notice": _notice(request),
        "refusal": None,
    }


@allow(STAFF, owner=_owns_change)
async def change_detail(request: Request) -> Response:
    return render(request, "workspace/change.html", _change_context(request))


@allow(STAFF, owner=_owns_change)
async def change_submit(request: Request) -> Response:
    change: ListingChange = request.state.change

    async def refused(failure: Failure) -> Response:  # said on the change's page
        shown = {**_change_context(request), "refusal": failure.refusal}
        return render(request, "workspace/change.html", shown)

    on_refusal(request, refused)
    await listings.submit(change, request.state.agency)
    return RedirectResponse(f"/workspace/changes/{change.id}?done=submitted", 303)


@allow(STAFF, owner=_owns_change)
async def change_edit(request: Request) -> Response:
    """Back to the form the change was written with."""
    change: ListingChange = request.state.change
    if change.item_id is not None and change.kind is ChangeKind.ITEM_NEW:
        item = await ServiceItem.get(id=change.item_id).select_related("category")
        return await _item_form(request, item=item, category=item.category, change=change)
    raise HTTPException(status_code=404)


routes = [
    # the workspace and its rows' forms at one address (an item's withdrawal names its row)
    Route(
        "/workspace",
        dispatch(home, {"withdraw": item_withdraw}),
        methods=["GET", "POST"],
        name="workspace",
    ),
    Route("/workspace/profile", profile, methods=["GET", "POST"], name="workspace_profile"),
    Route("/workspace/items/new", item_new, methods=["GET", "POST"], name="workspace_item_new"),
    Route(
        "/workspace/items/{id:str}/edit",
        item_edit,
        methods=["GET", "POST"],
        name="workspace_item_edit",
    ),
    Route(
        "/workspace/qualifications",
        qualification_new,
        methods=["GET", "POST"],
        name="workspace_qualifications",
    ),
    Route(
        "/workspace/qualifications/{id:str}/renew",
        qualification_renew,
        methods=["GET", "POST"],
        name="workspace_qualification_renew",
    ),
    Route("/workspace/changes/{id:str}", change_detail, name="workspace_change"),
    Route(
        "/workspace/changes/{id:str}/submit",
        change_submit,
        methods=["POST"],
        name="workspace_change_submit",
    ),
    Route(
        "/workspace/changes/{id:str}/edit",
        change_edit,
        methods=["GET", "POST"],
        name="workspace_change_edit",
    ),
]
