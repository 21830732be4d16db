"""What the purchase request operations of the API answer (see ``marketplace.schemas``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from marketplace.schemas import QueryInt, QueryModel

__all__ = ["Draw", "Purchase", "PurchaseDetail", "PurchaseList", "PurchasePage"]


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
    ceiling_fen: int
    floor_fen: int
    entries: list[DrawEntry]
    outcome: DrawOutcome
