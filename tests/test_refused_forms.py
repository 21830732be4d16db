"""Every refused HTML form keeps what was typed (``marketplace.formpages``).

The forms are those the demo shows each role (the crawl of ``tests/test_fuzz_forms.py``).
Each is posted with a marked text in every field a person types into (text, e-mail,
telephone, text areas), the other fields as the page gave them; where that is refused
(4xx), the page answered must hold a form with each of those fields at its typed value
(passwords never come back), and its refusal must be marked at a field or for the form.
"""

from __future__ import annotations

from html.parser import HTMLParser

import httpx
import pytest
from asgi_lifespan import LifespanManager

from marketplace.accounts import services as accounts
from marketplace.app import create_app
from marketplace.orders import services
from marketplace.orders.models import Order, OrderState
from tests.accounts_helpers import csrf_token, sign_in
from tests.conftest import make_settings
from tests.crawling import FoundForm, _PageParser, browser
from tests.order_helpers import PROJECT_CODE, as_current, order_world
from tests.test_catalog_views import _text
from tests.test_fuzz_forms import _forms_of_each_role, encode

# Kinds of field a person types into: what they typed must come back.
_TYPED = {"text", "textarea", "email", "tel", "search", "url"}
_SECRET = ("password", "new_password", "current_password")


def _typed_fields(form: FoundForm) -> dict[str, str]:
    """A marked value for each field a person types into (not secrets)."""
    names = [n for n, _ in form.fields]
    return {
        name: f"保留{i}号"
        for i, name in enumerate(dict.fromkeys(names))
        if form.kinds.get(name) in _TYPED and name not in _SECRET
    }


def _kept(page_html: str, typed: dict[str, str]) -> bool:
    """Whether a form of the page holds every typed value in its field."""
    parser = _PageParser("/")
    parser.feed(page_html)
    return any(
        all(value in [v for n, v in form.fields if n == name] for name, value in typed.items())
        for form in parser.forms
    )


@pytest.mark.usefixtures("cheap_passwords")
async def test_every_refused_form_keeps_what_was_typed(activity_fuzz_db: str) -> None:
    app = create_app(make_settings(activity_fuzz_db))
    refused: list[str] = []
    lost: list[str] = []
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app, raise_app_exceptions=False)
        forms = await _forms_of_each_role(transport, app)
        for role, role_forms in forms.items():
            async with await browser(transport, role) as client:
                for form in role_forms:
                    typed = _typed_fields(form)
                    if not typed:
                        continue
                    page = await client.get(form.page)
                    token = str(client.cookies.get("csrftoken", ""))
                    if page.status_code != 200 or not token:
                        continue
                    parts = [("csrftoken", token)] + [
                        (n, typed.get(n, v))
                        for n, v in form.fields
                        if n != "csrftoken" and form.kinds.get(n) != "file"
                    ]
                    body, content_type = encode(list(parts), form.enctype == "multipart/form-data")
                    response = await client.post(
                        form.action, content=body, headers={"content-type": content_type}
                    )
                    if not 400 <= response.status_code < 500:
                        continue
                    where = f"{role} POST {form.action} from {form.page}: {response.status_code}"
                    refused.append(where)
                    # kept where the form is shown again (a form whose step has ended
                    # meanwhile, another role's post before, is no longer offered)
                    if f'action="{form.action}"' in response.text and not _kept(
                        response.text, typed
                    ):
                        lost.append(where)
                    for secret in _SECRET:
                        assert f'name="{secret}" value="' not in response.text
    print("\n".join(refused))
    assert lost == []
    assert len(refused) >= 12, refused


@pytest.fixture
def cheap_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )


# --- the order page: its forms at its own address ----------------------------------------


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tags: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
            self.tags[str(found["id"])] = {"tag": tag, **found}


def _ids(html: str) -> _Ids:
    parser = _Ids()
    parser.feed(html)
    return parser


async def test_a_refused_pause_is_shown_at_the_orders_address_at_its_field(
    client: httpx.AsyncClient, db: str
) -> None:
    world = await order_world()
    agency = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(agency, "hy@example.com")
    placed = await services.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.report_book.id,
        project_name="年产十万吨新材料项目",
        project_code=PROJECT_CODE,
        base="10000",
        note="",
        idempotency_key="refused-pause-0001",
    )
    order_url = f"/orders/{placed.order.id}"
    await services.transition(
        placed.order.id, "accept", actor=await as_current(world.hengyuan_staff)
    )
    token = await csrf_token(agency, order_url)

    paused = await agency.post(order_url, data={"csrftoken": token, "do": "pause", "reason": "  "})
    amount = await agency.post(
        order_url, data={"csrftoken": token, "do": "payment", "amount": "十元"}
    )
    unknown = await agency.post(order_url, data={"csrftoken": token, "do": "nothing"})

    assert paused.status_code == 422
    page = _ids(paused.text)
    assert sorted(i for i in set(page.ids) if page.ids.count(i) > 1) == []  # ids unique
    assert page.tags["reason-pause"]["aria-invalid"] == "true"
    assert page.tags["reason-pause"]["aria-describedby"] == "reason-pause-error"
    assert _text(paused.text).count("请填写理由。") == 2  # the summary and at the field
    assert 'href="#reason-pause"' in paused.text
    assert [i for i, t in page.tags.items() if t.get("aria-invalid")] == ["reason-pause"]
    assert amount.status_code == 422
    page = _ids(amount.text)
    assert page.tags["amount"]["value"] == "十元"
    assert page.tags["amount"]["aria-invalid"] == "true"
    assert page.tags["amount-error"]["class"] == "field-error"
    assert unknown.status_code == 404
    order = await Order.get(id=placed.order.id)
    assert order.state == OrderState.IN_SERVICE and order.paid_fen in (0, None)


async def test_the_api_keeps_its_error_shape(client: httpx.AsyncClient, db: str) -> None:
    """The same exceptions under /api/: a 422 naming the fields, a 409 refusal."""
    world = await order_world()
    key = (await accounts.create_api_token(world.enterprise, name="shape")).secret
    headers = {"authorization": f"Bearer {key}"}
    body = {
        "item_id": world.catalogue.report_book.id,
        "project_name": "项目",
        "project_code": "2411-320902-89-01-63701",
        "base": "100",
    }

    invalid = await client.post(
        "/api/v1/orders", json=body, headers={**headers, "idempotency-key": "api-shape-0001"}
    )
    placed = await client.post(
        "/api/v1/orders",
        json={**body, "project_code": PROJECT_CODE},
        headers={**headers, "idempotency-key": "api-shape-0002"},
    )
    refused = await client.post(
        f"/api/v1/orders/{placed.json()['id']}/accept", json={}, headers=headers
    )

    assert invalid.status_code == 422
    error = invalid.json()["error"]
    assert error["code"] == "invalid" and error["field"] == "project_code"
    assert (
        list(error["fields"]) == ["project_code"]
        and error["message"] == error["fields"]["project_code"]
    )
    assert refused.status_code == 409
    assert refused.json() == {
        "error": {"code": "refused", "message": "您不是可以对此订单进行该操作的一方。"}
    }
