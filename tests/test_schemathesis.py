"""Schemathesis over the whole OpenAPI document, anonymously and with each role's token.

Every operation is called with data generated from the document (valid and invalid, bodies
included) and each answer must pass schemathesis' default checks: no server error, a
status code, content type, headers and body the document declares, invalid data refused,
valid data accepted, a missing credential refused. It runs on SQLite and PostgreSQL, on
the small catalogue with a user of each role.

Schemathesis drives the ASGI app on its own event loop in a thread (its ASGI transport),
so the world is made and the ORM closed before it starts, and its lifespan is stopped
after each run.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.generation.modes import GenerationMode
from schemathesis.python import asgi as schemathesis_asgi
from schemathesis.specs.openapi.checks import positive_data_acceptance
from tortoise import Tortoise

from marketplace.accounts import services as account_services
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.app import create_app
from marketplace.complaints import services as complaint_services
from marketplace.orders import services as order_services
from marketplace.procurement import services as procurement_services
from marketplace.procurement.methods import Funding, Method
from tests.accounts_helpers import make_user
from tests.conftest import _Databases, _empty_all_tables, init_orm, make_settings
from tests.factories import small_catalogue
from tests.order_helpers import PROJECT_CODE

# Examples per operation, caller, mode (valid, invalid) and path id (drawn, real): about
# 1,400 requests per backend.
MAX_EXAMPLES = 4

# Only Stripe can make a valid request here: a signature over the exact body with the
# webhook secret, which no schema can describe. tests/test_orders_web.py covers it.
SKIPPED = {("POST", "/payments/stripe/webhook")}
# Rules no schema can state, answered 422 on that field alone: a project code's parts
# against the official division table and today's month (marketplace.codes), the
# adjustment factors of the ordered item's own fee standard (factor_<key>), the
# organisations' rules noted below, and a statistics period of at most 36 months that ends
# after it starts. For these, a schema-valid request may be refused, but only on that field
# and with its reason; every other check still applies.
SEMANTIC_FIELDS = {
    # (and the base the ordered item's fee standard needs, or cannot be priced with, as
    # the operation's 422 says: met when a generated item_id names such an item, which
    # depends on the ids earlier tests left in the table)
    ("POST", "/orders"): {"project_code", "factor_*", "base"},
    # an e-mail address that takes mail (email-validator); an identity card number's date
    # of birth, province and GB 11643 check character; a professional on the agency's own
    # register (marketplace.organisations)
    ("POST", "/organisation/invitations"): {"email"},
    ("POST", "/professionals"): {"id_number"},
    ("POST", "/orders/{id}/{action}"): {"professional_id"},
    ("GET", "/statistics"): {"from", "to"},
    # purchase requests: a floor above the ceiling, an approval item of another category,
    # merit weights not adding up to 100, an agency that does not exist; a quote, a pick or
    # an amount outside the request's own floor and ceiling; a score per criterion
    ("POST", "/purchases"): {
        "project_code",
        "approval_item_id",
        "floor_fen",
        "criteria",
        "excluded_agency_ids",
    },
    ("POST", "/purchases/{id}/quote"): {"quote_fen"},
    ("POST", "/purchases/{id}/select"): {"pick_registration_id", "amount_fen"},
    ("POST", "/purchases/{id}/scores"): {"scores"},
}

CALLERS = ("anonymous", "visitor", "enterprise", "agency", "reviewer", "admin")


@dataclass
class World:
    url: str
    tokens: dict[str, str]
    # Path → the id of a real object, so each operation also meets one that exists.
    ids: dict[str, dict[str, int]]


@pytest.fixture
async def world(databases: _Databases, backend: str) -> World:
    url = await databases.url(backend, "clean")
    await init_orm(url)
    await _empty_all_tables()
    catalogue = await small_catalogue()
    users = {
        "visitor": await make_user("visitor@example.com", name="访客"),
        "enterprise": await make_user("buyer@example.com", Role.ENTERPRISE, name="买方"),
        "agency": await make_user(
            "hy@example.com", Role.AGENCY, agency=catalogue.hengyuan, name="衡远"
        ),
        "reviewer": await make_user("reviewer@example.com", Role.REVIEWER, name="评审"),
        "admin": await make_user("admin@example.com", Role.ADMIN, name="管理员"),
    }
    tokens = {
        role: (await account_services.create_api_token(user, name="schemathesis")).secret
        for role, user in users.items()
    }
    buyer = CurrentUser(users["enterprise"], frozenset({Role.ENTERPRISE}))
    order = (
        await order_services.place_order(
            user=buyer,
            item_id=catalogue.report_form.id,
            project_name="校验项目",
            project_code=PROJECT_CODE,
            base=None,
            note="",
            idempotency_key="schemathesis-order-1",
        )
    ).order
    complaint = await complaint_services.lodge(
        actor=buyer,
        topic="attitude",
        description="服务态度差",
        idempotency_key="schemathesis-complaint-1",
        agency_id=catalogue.hengyuan.id,
    )
    purchase = await procurement_services.publish_request(
        user=buyer,
        category_id=catalogue.eia.id,
        project_name="校验采购",
        project_code=PROJECT_CODE,
        work="编制环境影响报告表",
        qualifications="",
        time_limit_days=20,
        funding=Funding.STATE,
        ceiling_fen=5_000_000,
        floor_fen=2_000_000,
        method=Method.LOWEST,
        registration_days=5,
    )
    agency, item = {"id": catalogue.hengyuan.id}, {"id": catalogue.report_form.id}
    ids = {
        "/agencies/{id}": agency,
        "/agencies/{id}/ratings": agency,
        "/services/{id}": item,
        "/services/{id}/fee-estimate": item,
        "/orders/{id}": {"id": order.id},
        "/orders/{id}/{action}": {"id": order.id},
        "/complaints/{id}": {"id": complaint.id},
        "/complaints/{id}/answer": {"id": complaint.id},
        "/complaints/{id}/feedback": {"id": complaint.id},
        **{
            f"/purchases/{{id}}{step}": {"id": purchase.id}
            for step in (
                "",
                "/draw",
                "/registration",
                "/amend",
                "/cancel",
                "/void",
                "/register",
                "/quote",
                "/scores",
                "/select",
                "/confirm",
                "/republish",
            )
        },
    }
    await Tortoise.close_connections()
    return World(url, tokens, ids)


@pytest.fixture
def api(world: World) -> Iterator[schemathesis.schemas.BaseSchema]:
    app = create_app(make_settings(world.url))
    served = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app).raw_schema
    schema = schemathesis.openapi.from_dict(_one_path_per_step(served))
    schema.app = app
    try:
        yield schema
    finally:
        schemathesis_asgi.shutdown_lifespans()


def _one_path_per_step(document: dict[str, Any]) -> dict[str, Any]:
    """The document with ``/complaints/{id}/{step}`` as one path per step.

    OpenAPI 3.0 cannot tie a body to the value of a path parameter: the served document
    says "answer: an Answer, feedback: a Feedback" in prose and its body is either. Each
    step is tested with its own body here, as the description says.
    """
    document = copy.deepcopy(document)
    operation = document["paths"].pop("/complaints/{id}/{step}")["post"]
    bodies = operation["requestBody"]["content"]["application/json"]["schema"]
    assert bodies == {"$ref": "#/components/schemas/Step"}
    steps = {"answer": "Answer", "feedback": "Feedback"}
    for step, model in steps.items():
        one = copy.deepcopy(operation)
        one["parameters"] = [p for p in one["parameters"] if p["name"] != "step"]
        one["requestBody"]["content"]["application/json"]["schema"] = {
            "$ref": f"#/components/schemas/{model}"
        }
        one["operationId"] += f"_{step}"
        document["paths"][f"/complaints/{{id}}/{step}"] = {"post": one}
    return document


def _takes_input(operation: Any, pinned: dict[str, int] | None) -> bool:
    if operation.body:
        return True
    return any(p.name not in (pinned or {}) for p in operation.iter_parameters())


def _check(
    operation: Any,
    mode: GenerationMode,
    headers: dict[str, str],
    path_parameters: dict[str, int] | None,
) -> None:
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    def check(case: schemathesis.Case) -> None:
        fields = SEMANTIC_FIELDS.get((operation.method.upper(), operation.path))
        if fields is None or mode is not GenerationMode.POSITIVE:
            case.call_and_validate(headers=headers)
            return
        response = case.call_and_validate(
            headers=headers, excluded_checks=[positive_data_acceptance]
        )
        if response.status_code == 422:
            error = response.json()["error"]
            named = {"factor_*" if f.startswith("factor_") else f for f in error["fields"]}
            assert named <= fields and error["message"], error
        else:
            assert response.status_code < 500 and response.status_code != 400, response.text

    check()


def test_every_operation_passes_the_default_checks(
    api: schemathesis.schemas.BaseSchema, world: World
) -> None:
    failures: list[str] = []
    for n, result in enumerate(api.get_all_operations()):
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIPPED:
            continue
        pinned = world.ids.get(operation.path)
        callers = CALLERS
        if "security" not in operation.definition.raw:
            # Public: anonymous, and each role in turn (the roles cannot change the answer).
            callers = ("anonymous", CALLERS[1 + n % (len(CALLERS) - 1)])
        runs = itertools.product(callers, GenerationMode, [None, pinned] if pinned else [None])
        for caller, mode, path_parameters in runs:
            if mode is GenerationMode.NEGATIVE and not _takes_input(operation, path_parameters):
                continue  # nothing to make invalid
            headers = (
                {} if caller == "anonymous" else {"Authorization": f"Bearer {world.tokens[caller]}"}
            )

            try:
                _check(operation, mode, headers, path_parameters)
            except (Exception, BaseExceptionGroup) as exc:  # every failure of the run, at once
                failures.append(
                    f"{caller} {mode} {operation.method.upper()} {operation.path}: {exc}"
                )
    assert not failures, "\n\n".join(failures)
