"""What the open-data operation accepts (see ``marketplace.schemas``)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from marketplace.schemas import QueryModel

__all__ = ["OpenData", "StatisticsQuery"]


class StatisticsQuery(QueryModel):
    first: str | None = Field(
        default=None,
        alias="from",
        max_length=20,
        description="The first Beijing month, YYYY-MM (default: 11 months before this one)",
    )
    last: str | None = Field(
        default=None,
        alias="to",
        max_length=20,
        description="The last Beijing month, YYYY-MM, at most 36 months after the first "
        "(default: this month)",
    )
    format: Literal["json", "csv"] = Field(default="json", description="json or csv")
    table: Literal["categories", "complaints"] = Field(
        default="categories",
        description="The CSV table: the figures by category, or the complaint handling",
    )


class Period(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    first: str = Field(alias="from", description="YYYY-MM")
    last: str = Field(alias="to", description="YYYY-MM")
    time_zone: Literal["Asia/Shanghai"]


class ComplaintFigures(BaseModel):
    received: int
    handled: int
    handling_rate: float | None = Field(description="办结率, 0-1")
    answered_in_time: int
    in_time_rate: float | None
    overdue_open: int
    verdicts: int
    satisfied: int
    satisfaction_rate: float | None = Field(description="满意率, 0-1")


class OpenData(BaseModel):
    """The published figures (the CSV variant has the same categories, one per row)."""

    period: Period
    categories: list[dict[str, Any]] = Field(
        description="Per category: code, names, agencies (local, external), orders, "
        "completion, on-time and rating figures, working days used against committed"
    )
    all_categories: dict[str, Any]
    complaints: ComplaintFigures | None
