"""Search queries: reading a query string, and refusing what cannot be searched."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.datastructures import QueryParams

from search.engine import SearchQuery, SearchQueryError


def test_a_query_string_is_read_into_a_query() -> None:
    # when
    query = SearchQuery.from_params(
        {
            "q": "  环评 盐城 ",
            "category": "EIA, safety",
            "market_type": "competitive",
            "local": "true",
            "max_days": "20",
            "fee_type": "fixed",
            "min_rating": "4.5",
            "sort": "fee",
            "page": "2",
            "per_page": "50",
        }
    )

    # then
    assert query == SearchQuery(
        q="环评 盐城",
        categories=("EIA", "SAFETY"),
        market_type="competitive",
        local=True,
        max_days=20,
        fee_type="fixed",
        min_rating=4.5,
        sort="fee",
        page=2,
        per_page=50,
    )
    assert query.offset == 50
    assert query.filters == {
        "category": ("EIA", "SAFETY"),
        "market_type": "competitive",
        "local": True,
        "time_limit": 20,
        "fee_type": "fixed",
        "rating": 4.5,
    }


def test_empty_values_are_absent_and_categories_may_repeat() -> None:
    # given: a real query string, as Starlette parses it
    params = QueryParams("q=&category=EIA&category=LIGHTNING&category=EIA&local=&sort=")

    # when
    query = SearchQuery.from_params(params)

    # then
    assert query == SearchQuery(categories=("EIA", "LIGHTNING"))
    assert query.filters == {"category": ("EIA", "LIGHTNING")}
    assert SearchQuery.from_params({"local": "0"}).local is False


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"sort": "price"}, "invalid_sort"),
        ({"market_type": "free"}, "invalid_market_type"),
        ({"fee_type": "hourly"}, "invalid_fee_type"),
        ({"local": "maybe"}, "invalid_local"),
        ({"max_days": "0"}, "invalid_max_days"),
        ({"max_days": "-3"}, "invalid_max_days"),
        ({"max_days": "ten"}, "invalid_max_days"),
        ({"max_days": "99999999999"}, "invalid_max_days"),
        ({"min_rating": "6"}, "invalid_min_rating"),
        ({"min_rating": "nan"}, "invalid_min_rating"),
        ({"min_rating": "four"}, "invalid_min_rating"),
        ({"page": "0"}, "invalid_page"),
        ({"page": "1.5"}, "invalid_page"),
        ({"per_page": "101"}, "invalid_per_page"),
        ({"page": "101", "per_page": "100"}, "page_too_deep"),
        ({"q": "环" * 201}, "query_too_long"),
        ({"category": 'EIA" OR 1=1'}, "invalid_category"),
        ({"category": ",".join(f"C{i}" for i in range(21))}, "too_many_categories"),
    ],
)
def test_bad_parameters_are_refused_with_a_code(params: dict[str, Any], code: str) -> None:
    with pytest.raises(SearchQueryError) as refused:
        SearchQuery.from_params(params)
    assert refused.value.code == code


def test_a_refusal_carries_a_message_id_and_its_parameters() -> None:
    with pytest.raises(SearchQueryError) as refused:
        SearchQuery(per_page=500)
    assert refused.value.message == "Show from 1 to %(maximum)s results per page."
    assert refused.value.params == {"maximum": 100}
    assert str(refused.value) == "Show from 1 to 100 results per page."


def test_the_deepest_page_is_allowed() -> None:
    assert SearchQuery(page=100, per_page=100).offset == 9_900
