"""What the purchase request operations of the API answer (see ``marketplace.schemas``)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from marketplace.orders.schemas import PROJECT_CODE_PATTERN
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

__all__ = [
    "Amend",
    "Confirm",
    "Draw",
    "Empty",
    "OwnRegistration",
    "PublishPurchase",
    "Purchase",
    "PurchaseDetail",
    "PurchaseList",
    "PurchasePage",
    "Quote",
    "Reason",
    "Register",
    "Score",
    "Select",
]


class PurchasePage(QueryModel):
    page: QueryInt = Field(default=1, ge=1, le=100_000)


class Purchase(BaseModel):
    id: int
    number: str
    state: str
    enterprise: str
    category_id: int
    category: str
    approval_item_id: int | None
    project_name: str
    project_code: str
    method: str = Field(description="direct, random, lowest, optimal or merit")
    funding: str = Field(description="state or own")
    ceiling_fen: int
    floor_fen: int
    time_limit_days: int = Field(description="Working days")
    registration_days: int = Field(description="Working days from publication")
    published_on: str
    deadline: str = Field(description="Registration and quotes close at the end of this day")
    seed_sha256: str = Field(description="SHA-256 (hex) of the secret seed, published at once")
    registrations: int = Field(description="How many agencies registered (always public)")


class PurchaseList(BaseModel):
    purchases: list[Purchase]
    total: int


class PurchaseHistoryLine(BaseModel):
    at: str
    kind: str
    label: str
    text: str | None


class PurchaseRegistrant(BaseModel):
    id: int = Field(description="The registration's id (the owner scores and picks by it)")
    receipt: str
    agency_id: int
    agency: str
    quote_fen: int | None
    score: int | None = Field(description="Merit: weighted total in hundredths of a point")


class PurchaseDetail(Purchase):
    work: str
    qualifications: str
    criteria: list[dict[str, str | int]]
    excluded_agency_ids: list[int]
    registrants: list[PurchaseRegistrant] | None = Field(
        description="Null while sealed (until the deadline has passed)"
    )
    winner_receipt: str | None
    contract_fen: int | None
    contract_sha256: str | None = Field(
        description="SHA-256 of the signed contract's PDF once a party attached it; the "
        "file itself goes to the two parties and the office only"
    )
    events: list[PurchaseHistoryLine]


class DrawStep(BaseModel):
    label: str
    candidates: list[str]
    index: int
    chosen: str


class DrawOutcome(BaseModel):
    failed: bool | None = None
    winner: str | None = None
    steps: list[DrawStep] | None = None
    coefficient_pct: int | None = None
    reference_fen: int | None = None
    set_aside: list[str] | None = None


class DrawEntry(BaseModel):
    receipt: str
    quote_fen: int | None
    score: int | None


class Draw(BaseModel):
    format: str
    request_number: str
    method: str
    funding: str
    minimum_entries: int
    seed_sha256: str
    seed: str = Field(description="The revealed seed (hex)")
    phrase: str = Field(description='The draw phrase given at the selection ("" if none)')
    witnesses: list[str]
    ceiling_fen: int
    floor_fen: int
    entries: list[DrawEntry]
    outcome: DrawOutcome


# --- what the write operations accept ------------------------------------------------------


class Criterion(ApiModel):
    name: Annotated[str, Field(max_length=100, json_schema_extra=REQUIRED_TEXT), RequiredText]
    weight: int = Field(ge=1, le=100, description="Percent; a request's weights add up to 100")


class PublishPurchase(ApiModel):
    """A purchase announcement (采购公告) of the caller's enterprise."""

    category_id: Id = Field(description="A category commissioned by the applicant")
    approval_item_id: Id | None = Field(
        default=None, description="One of the category's approval items (审批事项)"
    )
    project_name: Annotated[
        str, Field(max_length=200, json_schema_extra=REQUIRED_TEXT), RequiredText
    ]
    project_code: Annotated[str, Field(max_length=40, pattern=PROJECT_CODE_PATTERN)] = Field(
        description="The national investment project code, e.g. 2411-320902-89-01-637015"
    )
    work: Annotated[str, Field(max_length=5000, json_schema_extra=REQUIRED_TEXT), RequiredText]
    qualifications: Annotated[str, Field(max_length=5000, json_schema_extra=TEXT), Text] = ""
    time_limit_days: int = Field(ge=1, le=365, description="Working days")
    funding: Literal["state", "own"]
    ceiling_fen: int = Field(
        ge=1,
        le=2**53,
        description="1,000,000 yuan (100000000 fen) or more must be tendered: refused 409",
    )
    floor_fen: int = Field(default=0, ge=0, le=2**53, description="At most the ceiling")
    method: Literal["direct", "random", "lowest", "optimal", "merit"]
    registration_days: int = Field(ge=1, le=30, description="Working days from publication")
    criteria: list[Criterion] = Field(
        default_factory=list, max_length=10, description="merit: weights adding up to 100"
    )
    excluded_agency_ids: list[Id] = Field(
        default_factory=list, max_length=50, description="Agencies excluded (回避)"
    )


class Amend(ApiModel):
    """A correction notice (更正公告), while registration is open."""

    text: Annotated[str, Field(max_length=2000, json_schema_extra=REQUIRED_TEXT), RequiredText]
    extend_days: int = Field(
        default=0, ge=0, le=30, description="Working days the deadline moves by"
    )


class Reason(ApiModel):
    reason: Annotated[str, Field(max_length=2000, json_schema_extra=REQUIRED_TEXT), RequiredText]


class Register(ApiModel):
    item_id: Id | None = Field(
        default=None,
        description="Your published listing in the category the order will be placed on "
        "(default: your first)",
    )


class Quote(ApiModel):
    quote_fen: int = Field(
        ge=0, le=2**53, description="Between the request's floor and ceiling (else 422)"
    )


class Score(ApiModel):
    registration_id: Id = Field(description="One registrant's id (see registrants)")
    scores: list[Annotated[int, Field(ge=0, le=100)]] = Field(
        max_length=10, description="0 to 100 for each criterion, in the criteria's order"
    )


class Select(ApiModel):
    """direct: the owner's pick and the agreed amount; other methods take neither, and
    take the draw phrase (抽取口令) given at the selection instead, with the witnesses."""

    pick_registration_id: Id | None = None
    amount_fen: int | None = Field(default=None, ge=0, le=2**53)
    phrase: str | None = Field(
        default=None,
        max_length=64,
        pattern=r"^[^\r\n]*$",
        description="Required where the method draws (all but direct, else 422): given on "
        "the spot, best by the witnesses; it enters every draw step",
    )
    witnesses: list[Annotated[str, Field(max_length=50)]] = Field(
        default_factory=list, max_length=5, description="Witnesses' names (现场见证人)"
    )


class Confirm(ApiModel):
    """The contract amount and file the caller confirms. The signed contract's PDF is
    attached on the request's page by the party that confirms first (the API takes no
    files); here a party confirms the file attached there."""

    contract_fen: int = Field(
        ge=0, le=2**53, description="Must be the request's contract_fen (else 409)"
    )
    contract_sha256: str | None = Field(
        default=None,
        pattern="^[0-9a-f]{64}$",
        description="When given, must be the attached contract's contract_sha256 (else 409)",
    )


class Empty(ApiModel):
    """No fields."""


class OwnRegistration(BaseModel):
    """The caller's agency's registration: its receipt and sealed quote, to that agency
    only."""

    id: int
    request_id: int
    receipt: str
    item_id: int
    quote_fen: int | None
    quoted_at: str | None
    registered_at: str
