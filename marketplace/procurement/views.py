"""Purchase request pages: the public list, notice, result and feed; the owner's form and
actions; the agencies' open requests, registration and sealed quotes; the office's list.

Views parse, call one service and render. Who registered and what they quoted is shown
only where ``services.registrants_visible`` allows it, on every page alike.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import PUBLIC, allow, current_user, roles, signed_in_user
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.admission.forms import parse_yuan as _parse_yuan
from marketplace.catalog import services as catalog
from marketplace.catalog.models import Agency, Category, CommissionedBy
from marketplace.core.clock import now
from marketplace.core.uploads import read_uploads, stored_path
from marketplace.formpages import Endpoint, Failure, dispatch, on_refusal
from marketplace.forms import (
    FormError,
    Message,
    form_code,
    form_text,
    parse_id,
    parse_int,
    whole_number,
)
from marketplace.http import path_id
from marketplace.i18n import N_
from marketplace.procurement import draw, services
from marketplace.procurement.labels import NOTICE_KINDS
from marketplace.procurement.methods import METHODS, Funding, Method
from marketplace.procurement.models import (
    PurchaseEvent,
    PurchaseRequest,
    PurchaseState,
    Registration,
)
from marketplace.templating import render

__all__ = ["routes"]

PAGE_SIZE = 50
_FORM_FIELDS = (
    "category_id",
    "approval_item_id",
    "project_name",
    "project_code",
    "work",
    "qualifications",
    "time_limit_days",
    "funding",
    "ceiling",
    "floor",
    "method",
    "registration_days",
    "criteria",
)
PARTIES = roles(Role.ENTERPRISE, Role.AGENCY, Role.ADMIN)


def parse_yuan(raw: str, name: str, errors: dict[str, Message]) -> int | None:
    """Yuan → fen; more digits than any price here is refused before ``Decimal`` (whose
    28-digit context raises on a 30-digit quantize)."""
    if len(raw.strip()) > 16:
        errors[name] = Message(N_("Enter an amount in yuan, such as 25000 or 1200.50."))
        return None
    return _parse_yuan(raw, name, errors)


async def _request_exists(request: Request, user: CurrentUser) -> bool:
    purchase = await PurchaseRequest.get_or_none(id=path_id(request))
    request.state.purchase = purchase
    return purchase is not None


def _page_number(request: Request) -> int:
    page = parse_id(request.query_params.get("page", "1"))
    return page if page is not None and page < 100_000 else 1


# --- lists ---------------------------------------------------------------------------


async def _list(
    request: Request, query: Any, title: str, endpoint: str, *, backoffice: bool = False
) -> Response:
    state = request.query_params.get("state", "")
    if state in {s.value for s in PurchaseState}:
        query = query.filter(state=state)
    page = _page_number(request)
    total = await query.count()
    rows = (
        await query.order_by("-id")
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .select_related("category", "enterprise")
    )
    counts: dict[int, int] = {}
    for rid in await Registration.filter(request_id__in=[r.id for r in rows]).values_list(
        "request_id", flat=True
    ):
        counts[int(rid)] = counts.get(int(rid), 0) + 1  # type: ignore[call-overload]
    return render(
        request,
        "procurement/purchase_list.html",
        {
            "requests": rows,
            "counts": counts,
            "title": title,
            "state": state,
            "page": page,
            "total": total,
            "page_size": PAGE_SIZE,
            "backoffice": backoffice,
            "endpoint": endpoint,
        },
    )


@allow(PUBLIC)
async def purchase_list(request: Request) -> Response:
    return await _list(
        request, services.public_requests(), N_("Purchase announcements"), "purchase_list"
    )


@allow(roles(Role.ENTERPRISE))
async def my_purchases(request: Request) -> Response:
    return await _list(
        request,
        services.owned_requests(signed_in_user(request)),
        N_("My purchase requests"),
        "my_purchases",
    )


@allow(roles(Role.AGENCY))
async def open_purchases(request: Request) -> Response:
    user = signed_in_user(request)
    agency_id = services.agency_of(user)
    rows = await services.open_to_agency(agency_id) if agency_id is not None else []
    mine = {
        r.request_id: r
        for r in await Registration.filter(
            agency_id=agency_id or -1, request_id__in=[r.id for r in rows]
        )
    }
    registered = (
        await Registration.filter(agency_id=agency_id or -1)
        .order_by("-id")
        .limit(PAGE_SIZE)
        .select_related("request")
    )
    return render(
        request,
        "procurement/purchase_open.html",
        {"requests": rows, "mine": mine, "registered": registered},
    )


@allow(roles(Role.ADMIN))
async def backoffice_purchases(request: Request) -> Response:
    return await _list(
        request,
        PurchaseRequest.all(),
        N_("Purchase requests"),
        "backoffice_purchases",
        backoffice=True,
    )


# --- the notice ------------------------------------------------------------------------


async def _detail(request: Request, extra: dict[str, Any], status_code: int = 200) -> Response:
    purchase: PurchaseRequest = request.state.purchase
    await purchase.fetch_related("category", "enterprise", "approval_item", "order")
    user = current_user(request)
    visible = services.registrants_visible(purchase)
    registrations = await Registration.filter(request_id=purchase.id).select_related("agency")
    agency_id = services.agency_of(user)
    mine = next((r for r in registrations if r.agency_id == agency_id), None)
    winner = next((r for r in registrations if r.id == purchase.winner_id), None)
    events = await PurchaseEvent.filter(request_id=purchase.id, kind__in=NOTICE_KINDS)
    excluded = await Agency.filter(id__in=purchase.excluded_agency_ids or [-1]).order_by("id")
    owner = services.is_owner(user, purchase)
    context = {
        "purchase": purchase,
        "spec": METHODS[purchase.method],
        "visible": visible,
        "count": len(registrations),
        # before the deadline nobody, the owner and the office included, sees who or how much
        "registrations": registrations if visible else [],
        "mine": mine,
        "winner": winner,
        "events": events,
        "excluded": excluded,
        "is_owner": owner,
        "is_admin": user is not None and Role.ADMIN in user.roles,
        "can_register": (
            agency_id is not None
            and purchase.state is PurchaseState.OPEN
            and not visible
            and agency_id not in purchase.excluded_agency_ids
        ),
        "is_winner": winner is not None and agency_id == winner.agency_id,
        "republished": await PurchaseRequest.filter(republished_from_id=purchase.id).first(),
        # the contract form's amount, as typed in yuan (the winning quote until one is set)
        "contract_yuan": services.yuan_text(purchase.contract_fen or 0),
        "errors": {},
        "refusal": None,
        # a refused form's own fields, shown again as typed (``failed_action`` names it)
        "typed": {},
        "failed_action": "",
        **extra,
    }
    return render(request, "procurement/purchase_detail.html", context, status_code=status_code)


@allow(PUBLIC)
async def purchase_detail(request: Request) -> Response:
    request.state.purchase = await _public_purchase(request)
    return await _detail(request, {})


async def _public_purchase(request: Request) -> PurchaseRequest:
    purchase = await PurchaseRequest.get_or_none(id=path_id(request))
    if purchase is None:
        raise HTTPException(status_code=404)
    return purchase


def script_json(data: dict[str, Any]) -> Markup:
    """``data`` as JSON to embed in a ``<script>`` element: no ``<``, ``>`` or ``&`` in it,
    so no text can close the element or read as markup."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def verification(data: dict[str, Any]) -> list[tuple[str, bool]]:
    """The checks the result page shows, recomputed by ``draw`` (the standalone script
    ``scripts/verify_draw.py`` makes the same checks with its own copy of the rules)."""
    seed = bytes.fromhex(data["seed"])
    checks = [
        (
            N_("The revealed seed hashes to the SHA-256 published at the announcement."),
            hashlib.sha256(seed).hexdigest() == data["seed_sha256"],
        ),
    ]
    outcome = data["outcome"]
    entries = data["entries"]
    if outcome.get("failed"):
        checks.append(
            (
                N_("Fewer entries than the method's minimum: the selection failed."),
                len(entries) < data["minimum_entries"],
            )
        )
        return checks
    checks.append(
        (
            N_("The entries reach the method's minimum."),
            len(entries) >= data["minimum_entries"],
        )
    )
    if data["method"] == "direct":
        receipts = {e["receipt"] for e in entries}
        checks.append(
            (N_("The chosen winner is one of the entries."), outcome.get("winner") in receipts)
        )
        return checks
    result = draw.select(
        method=data["method"],
        seed=seed,
        request_number=draw.draw_context(data["request_number"], data.get("phrase") or ""),
        entries=[
            draw.Entry(e["receipt"], quote_fen=e["quote_fen"], score=e["score"]) for e in entries
        ],
    ).record()
    checks.append(
        (
            N_("Every draw step and the winner follow from the seed, the number and the receipts."),
            all(outcome.get(k) == result[k] for k in result),
        )
    )
    return checks


@allow(PUBLIC)
async def purchase_result(request: Request) -> Response:
    """The result notice (中选公告): every input of the draw, its steps, and the checks."""
    purchase = await _public_purchase(request)
    data = await services.draw_data(purchase)
    if data is None:
        raise HTTPException(status_code=404)
    await purchase.fetch_related("category", "enterprise")
    registrations = {
        r.receipt: r
        for r in await Registration.filter(request_id=purchase.id).select_related("agency")
    }
    return render(
        request,
        "procurement/purchase_result.html",
        {
            "purchase": purchase,
            "spec": METHODS[purchase.method],
            "data": data,
            "data_json": script_json(data),
            "registrations": registrations,
            "checks": verification(data),
            "base_url": request.state.settings.public_url,
        },
    )


def verify_report(data: dict[str, Any]) -> dict[str, Any]:
    """The draw recomputed from the published inputs ``data`` (``services.draw_data``)
    with ``draw``, the rules ``scripts/verify_draw.py`` applies: each input, each step's
    tries, and whether each part and the whole match the published outcome."""
    seed = bytes.fromhex(data["seed"])
    outcome = data["outcome"]
    entries = data["entries"]
    receipts = [e["receipt"] for e in entries]
    report: dict[str, Any] = {
        "seed_hash": draw.seed_hash(seed),
        "seed_ok": draw.seed_hash(seed) == data["seed_sha256"],
        "order_ok": receipts == sorted(receipts),
        "failed": bool(outcome.get("failed")),
        "direct": data["method"] == "direct",
        "steps": [],
        "recomputed": None,
    }
    # as scripts/verify_draw.py: a failed selection had too few entries, a winner enough
    enough = len(entries) >= data["minimum_entries"]
    report["count_ok"] = not enough if report["failed"] else enough
    parts = [report["seed_ok"], report["order_ok"], report["count_ok"]]
    if report["direct"] and not report["failed"]:
        report["winner_ok"] = outcome.get("winner") in receipts  # the owner's pick, no draw
        parts.append(report["winner_ok"])
    elif not report["failed"]:
        context = draw.draw_context(data["request_number"], data.get("phrase") or "")
        result = draw.select(
            method=data["method"],
            seed=seed,
            request_number=context,
            entries=[
                draw.Entry(e["receipt"], quote_fen=e["quote_fen"], score=e["score"])
                for e in entries
            ],
        )
        published_steps = outcome.get("steps") or []
        for n, step in enumerate(result.steps):
            size = (
                len(draw.COEFFICIENTS_PCT) if step.label == "coefficient" else len(step.candidates)
            )
            published = published_steps[n] if n < len(published_steps) else None
            report["steps"].append(
                {
                    "step": step,
                    "n": size,
                    "tries": draw.draw_tries(seed, context, step.label, step.candidates, size),
                    "published": published,
                    "ok": published == step.record(),
                }
            )
        record = result.record()
        report["recomputed"] = record
        report["winner_ok"] = outcome.get("winner") == result.winner
        report["extra_ok"] = all(
            outcome.get(k) == record[k] for k in ("coefficient_pct", "reference_fen", "set_aside")
        ) and len(published_steps) == len(result.steps)
        parts += [report["winner_ok"], report["extra_ok"], *(s["ok"] for s in report["steps"])]
    report["matches"] = all(parts)
    return report


@allow(PUBLIC)
async def purchase_verify(request: Request) -> Response:
    """The draw recomputed on the server from the result notice's inputs, step by step."""
    purchase = await _public_purchase(request)
    data = await services.draw_data(purchase)
    if data is None:
        raise HTTPException(status_code=404)
    await purchase.fetch_related("category", "enterprise")
    return render(
        request,
        "procurement/purchase_verify.html",
        {
            "purchase": purchase,
            "spec": METHODS[purchase.method],
            "data": data,
            "report": verify_report(data),
        },
    )


@allow(PUBLIC)
async def purchase_feed(request: Request) -> Response:
    """An Atom feed of the announcements, corrections and results."""
    events = (
        await PurchaseEvent.filter(kind__in=NOTICE_KINDS)
        .order_by("-id")
        .limit(50)
        .select_related("request")
    )
    updated = events[0].at if events else now()
    return _feed(request, events, updated.isoformat())


def _feed(request: Request, events: list[PurchaseEvent], updated: str) -> Response:
    response = render(
        request,
        "procurement/feed.xml",
        {"events": events, "updated": updated, "base_url": request.state.settings.public_url},
    )
    response.headers["content-type"] = "application/atom+xml; charset=utf-8"
    return response


# --- the owner's form ------------------------------------------------------------------


def _parse_criteria(raw: str) -> list[dict[str, Any]]:
    """Lines ``name: weight`` (or ``name：weight``) → criteria."""
    criteria = []
    for line in raw.splitlines():
        line = line.strip()
        if not line:
            continue
        name, _, weight = line.replace("：", ":").rpartition(":")
        value = whole_number(weight, minimum=1, maximum=100)
        criteria.append({"name": name.strip(), "weight": value})
    return criteria


async def _form_page(
    request: Request, values: dict[str, Any], errors: dict[str, Message], status_code: int = 200
) -> Response:
    categories = [
        c
        for c in await Category.all().order_by("position", "id")
        if c.commissioned_by is CommissionedBy.APPLICANT
    ]
    approval_items = await catalog.approval_items_by_category([c.id for c in categories])
    agencies = await Agency.filter(status="admitted").order_by("name")
    return render(
        request,
        "procurement/purchase_form.html",
        {
            "values": values,
            "errors": errors,
            "categories": categories,
            "approval_items": approval_items,
            "agencies": agencies,
            "excluded": values.get("excluded_list", []),
        },
        status_code=status_code,
    )


@allow(roles(Role.ENTERPRISE))
async def purchase_form(request: Request) -> Response:
    if request.method != "POST":
        initial: dict[str, Any] = dict.fromkeys(_FORM_FIELDS, "")
        initial.update(
            funding="state", method="random", registration_days="5", time_limit_days="20"
        )
        category = request.query_params.get("category", "")[:12]
        initial["category_id"] = category
        return await _form_page(request, initial, {})
    form = await request.form()
    values: dict[str, Any] = {name: form_text(form, name) for name in _FORM_FIELDS}
    values["project_code"] = form_code(form, "project_code", 40)
    excluded = [parse_id(v) for v in form.getlist("excluded") if isinstance(v, str)]
    values["excluded_list"] = [e for e in excluded if e is not None]
    errors: dict[str, Message] = {}
    ints: dict[str, int] = {}
    for name, high in (("time_limit_days", 365), ("registration_days", 30)):
        number = whole_number(values[name], minimum=1, maximum=high)
        if number is None:
            errors[name] = Message(
                N_("Enter a whole number from %(low)s to %(high)s."), {"low": 1, "high": high}
            )
        else:
            ints[name] = number
    ceiling = parse_yuan(values["ceiling"], "ceiling", errors)
    floor = parse_yuan(values["floor"], "floor", errors) if values["floor"].strip() else 0
    if ceiling is None and "ceiling" not in errors:
        errors["ceiling"] = Message(N_("This field is required."))
    category_id = parse_id(values["category_id"])
    if category_id is None:
        errors["category_id"] = Message(N_("Choose a category."))
    if values["funding"] not in {f.value for f in Funding}:
        errors["funding"] = Message(N_("Choose the funding source."))
    if values["method"] not in {m.value for m in Method}:
        errors["method"] = Message(N_("Choose a selection method."))
    approval_raw = values["approval_item_id"].strip()
    if errors:
        return await _form_page(request, values, errors, 422)
    assert ceiling is not None and floor is not None and category_id is not None
    on_refusal(request, lambda failure: _form_page(request, values, failure.errors))
    purchase = await services.publish_request(
        user=signed_in_user(request),
        category_id=category_id,
        approval_item_id=(parse_id(approval_raw) or 0) if approval_raw else None,
        project_name=values["project_name"],
        project_code=values["project_code"],
        work=values["work"],
        qualifications=values["qualifications"],
        time_limit_days=ints["time_limit_days"],
        funding=Funding(values["funding"]),
        ceiling_fen=ceiling,
        floor_fen=floor,
        method=Method(values["method"]),
        registration_days=ints["registration_days"],
        criteria=_parse_criteria(values["criteria"]),
        excluded_agency_ids=values["excluded_list"],
        queue=request.state.jobs,
    )
    return RedirectResponse(f"/purchases/{purchase.id}", status_code=303)


# --- actions -----------------------------------------------------------------------------


async def _act(request: Request, action: str, form: Any, user: CurrentUser, rid: int) -> None:
    queue = request.state.jobs
    if action == "amend":
        extend = form_text(form, "extend_days", 8).strip() or "0"
        await services.amend_request(
            rid,
            actor=user,
            text=form_text(form, "text", 2100),
            extend_days=parse_int(extend, field="extend_days", minimum=0, maximum=30),
            queue=queue,
        )
    elif action == "cancel":
        await services.cancel_request(
            rid, actor=user, reason=form_text(form, "reason", 2100), queue=queue
        )
    elif action == "void":
        await services.void_request(
            rid, actor=user, reason=form_text(form, "reason", 2100), queue=queue
        )
    elif action == "register":
        await services.register(rid, actor=user)
    elif action == "quote":
        errors: dict[str, Message] = {}
        quote = parse_yuan(form_text(form, "quote", 40), "quote", errors)
        if errors or quote is None:
            raise FormError(errors or {"quote": Message(N_("This field is required."))})
        await services.submit_quote(rid, actor=user, quote_fen=quote)
    elif action == "score":
        registration_id = parse_id(form_text(form, "registration_id", 12)) or 0
        purchase = await PurchaseRequest.get(id=rid)
        scores = [
            parse_int(form_text(form, f"score_{i}", 8), field="scores", minimum=0, maximum=100)
            for i in range(len(purchase.criteria))
        ]
        await services.score_registration(
            rid, actor=user, registration_id=registration_id, scores=scores
        )
    elif action == "select":
        errors = {}
        amount = parse_yuan(form_text(form, "amount", 40), "amount", errors)
        phrase = form_text(form, "phrase", 200)
        purchase = await services.selectable(rid, actor=user)
        if METHODS[purchase.method].drawn and not phrase.strip():
            errors["phrase"] = Message(N_("Enter the draw phrase given at the selection."))
        if errors:
            raise FormError(errors)
        await services.run_selection(
            rid,
            actor=user,
            pick_registration_id=parse_id(form_text(form, "pick", 12)),
            amount_fen=amount,
            phrase=phrase,
            witnesses=form_text(form, "witnesses", 600).splitlines(),
            queue=queue,
        )
    elif action == "confirm":
        upload = form.get("contract")
        stored = []
        if isinstance(upload, UploadFile) and upload.filename:
            stored = await read_uploads(
                [upload], request.state.settings.media_dir, field="contract"
            )
        errors = {}
        agreed = parse_yuan(form_text(form, "amount", 40), "amount", errors)
        if errors:
            raise FormError(errors)
        await services.confirm_contract(
            rid,
            actor=user,
            amount_fen=agreed,
            contract=stored[0] if stored else None,
            contract_sha256=form_text(form, "contract_sha256", 64) or None,
            queue=queue,
        )
    elif action == "republish":
        again = await services.republish(rid, actor=user, queue=queue)
        request.state.redirect = f"/purchases/{again.id}"
    else:
        raise HTTPException(status_code=404)


_ACTIONS = (
    "amend",
    "cancel",
    "void",
    "register",
    "quote",
    "score",
    "select",
    "confirm",
    "republish",
)


def _typed(form: Mapping[str, Any]) -> dict[str, str]:
    """What was typed in a purchase page's forms, to show again when one is refused."""
    return {
        name: form_text(form, name, 2000)
        for name in ("quote", "amount", "extend_days", "reason", "phrase", "witnesses")
    }


async def _take(request: Request, action: str) -> Response:
    """One of the purchase page's forms, posted to the page's own address (``do``)."""
    purchase: PurchaseRequest = request.state.purchase
    form = await request.form()
    typed = _typed(form)

    async def refused(failure: Failure) -> Response:  # the page again, as it is now
        request.state.purchase = await PurchaseRequest.get(id=purchase.id)
        shown: dict[str, Any] = {"failed_action": action, "typed": typed}
        if failure.refusal is not None:
            shown["refusal"] = failure.refusal
        else:
            shown["errors"] = failure.errors
        return await _detail(request, shown, failure.status_code)

    on_refusal(request, refused)
    await _act(request, action, form, signed_in_user(request), purchase.id)
    target = getattr(request.state, "redirect", None) or f"/purchases/{purchase.id}"
    if action == "void":
        target = "/backoffice/purchases"
    return RedirectResponse(target, status_code=303)


async def _contract_party(request: Request, user: CurrentUser) -> bool:
    """The signed contract is the two parties' and the office's: the owner's enterprise,
    the winner's agency, an administrator; anyone else is told there is nothing here."""
    purchase = await PurchaseRequest.get_or_none(id=path_id(request))
    if purchase is None or purchase.contract_sha256 is None:
        return False
    request.state.purchase = purchase
    return Role.ADMIN in user.roles or await services.is_contract_party(user, purchase)


@allow(PARTIES, owner=_contract_party)
async def purchase_contract(request: Request) -> Response:
    purchase: PurchaseRequest = request.state.purchase
    path = stored_path(request.state.settings.media_dir, purchase.contract_sha256 or "")
    if not path.exists():
        raise HTTPException(status_code=404)
    return FileResponse(
        path,
        media_type="application/pdf",
        filename=purchase.contract_name or "contract.pdf",
        content_disposition_type="attachment",
    )


def _form_of(action: str) -> Endpoint:
    @allow(PARTIES, owner=_request_exists)
    async def endpoint(request: Request) -> Response:
        return await _take(request, action)

    return endpoint


PAGE_FORMS: dict[str, Endpoint] = {action: _form_of(action) for action in _ACTIONS}


routes = [
    Route("/purchases", purchase_list, name="purchase_list"),
    Route("/purchases/new", purchase_form, methods=["GET", "POST"], name="purchase_form"),
    Route("/purchases/mine", my_purchases, name="my_purchases"),
    Route("/purchases/open", open_purchases, name="open_purchases"),
    Route("/purchases/feed.xml", purchase_feed, name="purchase_feed"),
    Route(
        "/purchases/{id:str}",
        dispatch(purchase_detail, PAGE_FORMS),
        methods=["GET", "POST"],
        name="purchase_detail",
    ),
    Route("/purchases/{id:str}/result", purchase_result, name="purchase_result"),
    Route("/purchases/{id:str}/verify", purchase_verify, name="purchase_verify"),
    Route("/purchases/{id:str}/contract", purchase_contract, name="purchase_contract"),
    Route("/backoffice/purchases", backoffice_purchases, name="backoffice_purchases"),
]
