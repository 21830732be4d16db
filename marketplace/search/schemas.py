"""What ``GET /api/v1/search`` accepts and answers (see ``marketplace.schemas``).

``search.SearchQuery`` reads the parameters (codes and messages of its own); this model
is the API's gate after it, so what the document calls valid is what the API accepts.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field

from marketplace.schemas import TEXT, AsciiWhole, QueryModel, Text
from search.engine import MAX_CATEGORIES, MAX_DAYS, MAX_PER_PAGE, MAX_QUERY_CHARS, MAX_RESULT_WINDOW

__all__ = ["SearchAnswer", "SearchParams"]

# Spaces around a code are forgiven; other control characters are the input gate's to refuse.
CATEGORY_CODE_PATTERN = r"^[ \t\n\r]*[A-Za-z][A-Za-z0-9_]{0,15}[ \t\n\r]*$"


def _decimal_number(value: object) -> object:
    if isinstance(value, str):
        if not re.fullmatch(r"[0-9]{1,2}(\.[0-9]{1,20})?", value):
            raise ValueError("not a number")
        return float(value)
    return value


class SearchParams(QueryModel):
    q: Annotated[str, Field(max_length=MAX_QUERY_CHARS, json_schema_extra=TEXT), Text] | None = (
        Field(default=None, description="Words, abbreviations (环评) or pinyin (huanping, hp)")
    )
    category: list[Annotated[str, Field(pattern=CATEGORY_CODE_PATTERN)]] | None = Field(
        default=None,
        max_length=MAX_CATEGORIES,
        description="Category codes (repeat the parameter for several); a result is in any",
    )
    market_type: Literal["monopoly", "competitive", "absent"] | None = None
    local: Literal["true", "false", "1", "0", "yes", "no"] | None = Field(
        default=None, description="true: local agencies only; false: external ones only"
    )
    max_days: Annotated[int, Field(ge=1, le=MAX_DAYS), AsciiWhole] | None = Field(
        default=None, description="Time limit at most, in working days"
    )
    fee_type: Literal["fixed", "rate", "tiered", "per_unit", "negotiated"] | None = None
    min_rating: Annotated[float, Field(ge=1, le=5), BeforeValidator(_decimal_number)] | None = None
    sort: Literal["relevance", "rating", "time_limit", "fee"] | None = None
    page: Annotated[int, Field(ge=1, le=MAX_RESULT_WINDOW // MAX_PER_PAGE), AsciiWhole] | None = (
        Field(
            default=None,
            description=f"Only the first {MAX_RESULT_WINDOW} results can be paged through",
        )
    )
    per_page: Annotated[int, Field(ge=1, le=MAX_PER_PAGE), AsciiWhole] | None = None


class Highlight(BaseModel):
    title: str = Field(description="HTML-safe, matches in <mark>")
    snippet: str


class Hit(BaseModel):
    id: int
    title: str
    scope: str
    content: str
    category_code: str
    category_name: str
    category_abbreviations: list[str]
    market_type: str
    agency_id: int
    agency_name: str
    agency_city: str
    agency_is_local: bool
    time_limit_days: int
    fee_type: str
    fee_low_fen: int | None
    fee_high_fen: int | None
    rating: float | None
    rating_count: int
    on_time_rate: float | None
    highlight: Highlight


class CategorySuggestion(BaseModel):
    code: str
    name: str
    count: int


class Suggestions(BaseModel):
    query: str | None
    categories: list[CategorySuggestion]


class SearchAnswer(BaseModel):
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: dict[str, dict[str, int]]
    took_ms: float
    degraded: bool
    suggestions: Suggestions
