"""What the admission operations of the API answer (see ``marketplace.schemas``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["RoundDetail", "RoundList"]


class Round(BaseModel):
    id: int
    title: str
    status: str
    opens_on: str | None
    closes_on: str | None
    publicity_days: int = Field(description="Working days")
    publicity_starts_on: str | None
    publicity_ends_on: str | None
    announced_at: str | None
    concluded_at: str | None


class RoundList(BaseModel):
    rounds: list[Round]


class ResultAgency(BaseModel):
    id: int
    name: str
    city: str
    is_local: bool


class Result(BaseModel):
    application_id: int
    agency: ResultAgency
    status: str
    rank: int | None
    final_score: str | None = Field(description="A decimal string with two places")
    tie_score: str | None
    result_reason: str | None


class RoundCategory(BaseModel):
    category_id: int
    code: str
    name: str
    market_type: str
    places: int
    designated_holder: str | None
    holder_missing: bool
    merit_scored: bool
    results: list[Result] | None = Field(description="From the publicity period on")


class Criterion(BaseModel):
    name: str
    weight: int
    description: str


class Objection(BaseModel):
    id: int
    application_id: int | None
    text: str
    lodged_at: str
    status: str
    decision: str | None
    decided_at: str | None


class Event(BaseModel):
    at: str
    kind: str
    label: str
    category_id: int | None
    agency_id: int | None
    reason: str | None


class RoundDetail(Round):
    notice: str
    conditions: str
    materials: str
    min_score: int
    categories: list[RoundCategory]
    criteria: list[Criterion]
    scoring_rule: list[str]
    objections: list[Objection]
    events: list[Event]
