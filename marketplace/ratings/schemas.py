"""What ``GET /api/v1/agencies/{id}/ratings`` answers (see ``marketplace.schemas``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["AgencyRatings"]


class Summary(BaseModel):
    count: int
    score: float | None = Field(description="The Bayesian (shrunk) average that is published")
    mean: float | None
    distribution: dict[str, int] = Field(description="Stars (5 … 1) → ratings")
    dimensions: dict[str, float]


class Promise(BaseModel):
    delivered: int
    on_time: int
    on_time_rate: float | None
    median_days_used: float | None


class RatingOut(BaseModel):
    id: int
    item_id: int
    scores: dict[str, int]
    comment: str | None = Field(description="null when moderation hid it")
    comment_hidden: bool
    reply: str | None
    created_at: str


class AgencyRatings(BaseModel):
    agency_id: int
    summary: Summary
    promise: Promise
    ratings: list[RatingOut]
