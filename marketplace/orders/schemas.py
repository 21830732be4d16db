"""What the order operations of the API accept and answer (see ``marketplace.schemas``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from marketplace.orders.states import TRANSITIONS
from marketplace.schemas import (
    REQUIRED_TEXT,
    TEXT,
    ApiModel,
    Id,
    QueryInt,
    QueryModel,
    RequiredText,
    Text,
)

__all__ = ["API_ACTIONS", "ActionBody", "Order", "OrderList", "OrderPage", "PlaceOrder"]

# The transitions the API names in its path (the system's auto_confirm is no one's to make).
API_ACTIONS = tuple(action for action in TRANSITIONS if action != "auto_confirm")

# 24 characters YYYY-AAAAAA-II-TT-NNNNNN in ASCII digits (full-width dashes are read too).
# The shape only; marketplace.codes.check_project_code checks each part of both schemes
# (2411-320902-89-01-637015 since November 2020, 2019-320902-44-01-123456 before).
PROJECT_CODE_PATTERN = r"^\s*[0-9]{4}[-—－][0-9]{6}[-—－][0-9]{2}[-—－][0-9]{2}[-—－][0-9]{6}\s*$"


class PlaceOrder(ApiModel):
    """An order for a published service item."""

    item_id: Id = Field(description="The id of a published service item")
    project_name: Annotated[
        str, Field(max_length=200, json_schema_extra=REQUIRED_TEXT), RequiredText
    ]
    project_code: Annotated[str, Field(max_length=40, pattern=PROJECT_CODE_PATTERN)] = Field(
        description="The national investment project code, e.g. 2411-320902-89-01-637015"
    )
    base: Annotated[str, Field(max_length=32, json_schema_extra=TEXT), Text] | None = Field(
        default=None,
        description="The base amount in the unit of the item's fee standard, when it needs one",
    )
    note: Annotated[str, Field(max_length=5000, json_schema_extra=TEXT), Text] = ""
    # Keys are compared with the item's fee standard only (an unknown one is refused as
    # factor_<key> with its reason): OpenAPI 3.0 cannot constrain an object's keys.
    factors: dict[str, Annotated[str, Field(max_length=40, json_schema_extra=TEXT), Text]] = Field(
        default_factory=dict,
        max_length=20,
        description="The option chosen for each adjustment factor of the fee standard, "
        'e.g. {"sensitivity": "sensitive"}; factors not given take their default',
    )
    approval_item_id: Id | None = Field(
        default=None,
        description="The approval item (审批事项) the service is for: one of its category's",
    )


class ActionBody(ApiModel):
    """A transition's input: a reason where the action needs one (decline, cancel, pause,
    send_back; a cancellation's reason is shown to the agency), the responsible
    professional when accepting."""

    reason: Annotated[str, Field(max_length=2000, json_schema_extra=TEXT), Text] = ""
    outcome: Literal["", "resume", "cancel"] = ""
    professional_id: Id | None = Field(
        default=None,
        description="accept: the licensed professional responsible, from the agency's register",
    )


class Clock(BaseModel):
    accepted_on: str | None
    deadline: str | None
    days_used: int | None
    days_left: int | None
    overdue: bool
    paused: bool
    provisional: bool


class OrderEvent(BaseModel):
    at: str
    actor_id: int | None
    action: str
    from_state: str
    to_state: str
    reason: str


class ResponsibleProfessional(BaseModel):
    id: int
    name: str
    qualification: str
    certificate_no: str


class Order(BaseModel):
    id: int
    number: str | None
    state: str
    item_id: int
    item_version_id: int
    agency_id: int
    enterprise_id: int
    project_name: str
    project_code: str
    base_amount: str | None
    quoted_low_fen: int | None = Field(description="Integer fen")
    quoted_high_fen: int | None
    payment_status: str
    time_limit_days: int
    approval_item_id: int | None = None
    fee_factors: dict[str, str] = Field(
        default_factory=dict, description="The adjustment factor options the quote used"
    )
    clock: Clock
    professional: ResponsibleProfessional | None = Field(
        default=None,
        description="The licensed professional the agency named responsible on accepting",
    )
    events: list[OrderEvent] | None = Field(
        default=None, description="The log (on the single order and after a transition)"
    )


class OrderPage(QueryModel):
    page: QueryInt = Field(default=1, ge=1, le=100_000)
    per_page: QueryInt = Field(default=100, ge=1, le=100)


class OrderList(BaseModel):
    orders: list[Order]
    page: int
    per_page: int
    total: int


class WebhookAnswer(BaseModel):
    received: bool
    outcome: str


StripeEvent = dict[str, Any]
