"""The Meilisearch engine's requests and answers, built and read without a server.

What a real server does with them is the contract suite's business
(tests/test_search_contract.py, where MEILISEARCH_URL is set). Here: the settings, the
documents, the filter and sort expressions, the multi-search, the reading of facets and
hits, and the escaping of highlights, whose ``_formatted`` text Meilisearch does not
escape. The last tests talk to a port on this machine where nothing listens.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest
from markupsafe import Markup

from search.documents import SearchDocument
from search.engine import SearchQuery, SearchUnavailable
from search.meili import (
    HIGHLIGHT_POST,
    HIGHLIGHT_PRE,
    MeiliEngine,
    facets_from_distributions,
    filter_expressions,
    hit_from_meili,
    index_settings,
    markup_from_formatted,
    quote,
    search_requests,
    sort_expression,
    spelling_suggestion,
    suggestion_request,
    to_meili_document,
)

PRE, POST = HIGHLIGHT_PRE, HIGHLIGHT_POST

DOCUMENT = SearchDocument(
    id=55,
    title="防雷装置定期检测",
    scope=f"已投入使用的建（构）筑物{PRE}防雷装置{POST}",
    content="按规范逐点检测",
    category_code="LIGHTNING",
    category_name="防雷装置检测",
    category_abbreviations=("防雷检测", "雷评"),
    market_type="monopoly",
    agency_id=39,
    agency_name="盐城市海澄气象防灾技术服务中心",
    agency_city="盐城市",
    agency_is_local=True,
    time_limit_days=5,
    fee_type="per_unit",
    fee_low_fen=400_000,
    fee_high_fen=400_000,
    rating=4.6,
    rating_count=9,
    on_time_rate=None,
)


def test_the_index_settings() -> None:
    # when
    settings = index_settings().model_dump(by_alias=True, exclude_none=True)

    # then
    assert settings["searchableAttributes"] == [
        "title",
        "category_name",
        "category_abbreviations",
        "agency_name",
        "agency_city",
        "pinyin",
        "scope",
        "content",
    ]
    assert settings["filterableAttributes"] == [
        "category_code",
        "market_type",
        "agency_is_local",
        "time_limit_days",
        "time_limit_bucket",
        "fee_type",
        "rating",
        "rating_bucket",
        "agency_id",
    ]
    assert settings["sortableAttributes"] == [
        "rating",
        "rating_count",
        "time_limit_days",
        "fee_low_fen",
        "fee_high_fen",
        "id",
    ]
    assert settings["rankingRules"] == [
        "sort",
        "words",
        "typo",
        "proximity",
        "attribute",
        "exactness",
    ]
    assert settings["localizedAttributes"] == [
        {
            "locales": ["cmn"],
            "attributePatterns": [
                "title",
                "category_name",
                "category_abbreviations",
                "agency_name",
                "agency_city",
                "scope",
                "content",
            ],
        }
    ]
    assert settings["typoTolerance"] == {
        "enabled": True,
        "disableOnNumbers": True,
        "minWordSizeForTypos": {"oneTypo": 4, "twoTypos": 8},
    }
    assert settings["pagination"] == {"maxTotalHits": 10_000}
    assert settings["faceting"] == {"maxValuesPerFacet": 200}
    # Synonyms both ways; every phrase is a dictionary word, so it is kept whole.
    assert "环境影响评价" in settings["synonyms"]["环评"]
    assert "环评" in settings["synonyms"]["环境影响评价"]
    assert settings["synonyms"]["水保"] == ["水土保持"]
    assert {"环评", "稳评", "图审", "防雷检测"} <= set(settings["dictionary"])


def test_a_document_for_meilisearch() -> None:
    assert to_meili_document(DOCUMENT) == {
        "id": 55,
        "title": "防雷装置定期检测",
        "scope": "已投入使用的建（构）筑物防雷装置",  # the highlight marks are stripped
        "content": "按规范逐点检测",
        "category_code": "LIGHTNING",
        "category_name": "防雷装置检测",
        "category_abbreviations": ["防雷检测", "雷评"],
        "market_type": "monopoly",
        "agency_id": 39,
        "agency_name": "盐城市海澄气象防灾技术服务中心",
        "agency_city": "盐城市",
        "agency_is_local": True,
        "time_limit_days": 5,
        "fee_type": "per_unit",
        "fee_low_fen": 400_000,
        "fee_high_fen": 400_000,
        "rating": 4.6,
        "rating_count": 9,
        # on_time_rate is None: left out, so it would sort last
        "pinyin": (
            "fanglei fl zhuangzhi zz dingqi dq jiance jc fangleizhuangzhijiance flzzjc "
            "fangleijiance fljc leiping lp yancheng yc chengshi cs yanchengshi ycs "
            "qixiang qx fangzai fz jishu js fuwu fw zhongxin zx fuwuzhongxin fwzx"
        ),
        "time_limit_bucket": 0,
        "rating_bucket": 0,
    }


def test_filter_expressions_quote_and_escape_values() -> None:
    # given
    query = SearchQuery(
        categories=("EIA", "LIGHTNING"),
        market_type="monopoly",
        local=False,
        max_days=10,
        fee_type="per_unit",
        min_rating=4.5,
    )

    # then
    assert filter_expressions(query) == [
        'category_code IN ["EIA", "LIGHTNING"]',
        'market_type = "monopoly"',
        "agency_is_local = false",
        "time_limit_days <= 10",
        'fee_type = "per_unit"',
        "rating >= 4.5",
    ]
    assert filter_expressions(query, without="local") == [
        'category_code IN ["EIA", "LIGHTNING"]',
        'market_type = "monopoly"',
        "time_limit_days <= 10",
        'fee_type = "per_unit"',
        "rating >= 4.5",
    ]
    assert filter_expressions(SearchQuery()) == []
    assert quote('a"b\\c') == '"a\\"b\\\\c"'


def test_sort_expressions() -> None:
    assert sort_expression(SearchQuery()) is None
    assert sort_expression(SearchQuery(sort="rating")) == ["rating:desc", "rating_count:desc"]
    assert sort_expression(SearchQuery(sort="time_limit")) == ["time_limit_days:asc"]
    assert sort_expression(SearchQuery(sort="fee")) == ["fee_low_fen:asc", "fee_high_fen:asc"]


def test_the_multi_search_asks_each_filtered_facet_without_its_filter() -> None:
    # given
    query = SearchQuery(
        q="防雷 检测", categories=("LIGHTNING",), local=True, sort="time_limit", page=2
    )

    # when
    requests = [
        r.model_dump(by_alias=True, exclude_defaults=True)
        for r in search_requests(query, index_uid="items")
    ]

    # then
    assert requests == [
        {
            "indexUid": "items",
            "q": "防雷 检测",
            "filter": ['category_code IN ["LIGHTNING"]', "agency_is_local = true"],
            "facets": [
                "category_code",
                "market_type",
                "agency_is_local",
                "time_limit_bucket",
                "fee_type",
                "rating_bucket",
            ],
            "sort": ["time_limit_days:asc"],
            "page": 2,
            "hitsPerPage": 20,
            "attributesToHighlight": ["title", "scope", "content"],
            "highlightPreTag": PRE,
            "highlightPostTag": POST,
            "attributesToCrop": ["scope", "content"],
            "cropLength": 40,
            "cropMarker": "…",
            "matchingStrategy": "all",
            "locales": ["cmn"],
            "showRankingScore": True,
        },
        {
            "indexUid": "items",
            "q": "防雷 检测",
            "filter": ["agency_is_local = true"],
            "facets": ["category_code"],
            "limit": 0,
            "matchingStrategy": "all",
            "locales": ["cmn"],
        },
        {
            "indexUid": "items",
            "q": "防雷 检测",
            "filter": ['category_code IN ["LIGHTNING"]'],
            "facets": ["agency_is_local"],
            "limit": 0,
            "matchingStrategy": "all",
            "locales": ["cmn"],
        },
    ]
    suggestion = suggestion_request(query, index_uid="items").model_dump(by_alias=True)
    assert suggestion["matchingStrategy"] == "last"  # drop words from the end
    assert suggestion["filter"] is None
    assert suggestion["facets"] == ["category_code"]


def test_facets_are_read_from_the_distributions() -> None:
    # given
    query = SearchQuery(categories=("EIA",), max_days=20)
    distributions: list[Any] = [
        {
            "category_code": {"EIA": 3},
            "market_type": {"competitive": 3},
            "agency_is_local": {"true": 2, "false": 1},
            "time_limit_bucket": {"2": 3},
            "fee_type": {"fixed": 2, "negotiated": 1},
            "rating_bucket": {"0": 1, "1": 1, "3": 1},
        },
        {"category_code": {"EIA": 3, "SAFETY": 4}},
        {"time_limit_bucket": {"2": 3, "3": 1, "4": 1}},
    ]

    # then
    assert facets_from_distributions(query, distributions) == {
        "category": {"SAFETY": 4, "EIA": 3},
        "market_type": {"competitive": 3},
        "local": {"true": 2, "false": 1},
        "time_limit": {"5": 0, "10": 0, "20": 3, "30": 4},
        "fee_type": {"fixed": 2, "negotiated": 1},
        "rating": {"4.5": 1, "4": 2, "3": 2},
    }


def test_highlights_are_escaped_before_the_marks_are_made() -> None:
    assert markup_from_formatted(f"<script>{PRE}环评{POST}</script> & co") == Markup(
        "&lt;script&gt;<mark>环评</mark>&lt;/script&gt; &amp; co"
    )
    # A crop may cut a mark off: the result stays balanced.
    assert markup_from_formatted(f"…{PRE}防雷") == Markup("…<mark>防雷</mark>")
    assert markup_from_formatted(f"检测{POST}报告") == Markup("检测报告")
    assert markup_from_formatted("") == Markup("")


def test_a_hit_is_read_back_into_a_document_with_markup() -> None:
    # given: a hit as Meilisearch returns it
    stored = to_meili_document(DOCUMENT)
    hit = {
        **stored,
        "_formatted": {
            **{k: str(v) for k, v in stored.items()},
            "title": f"{PRE}防雷{POST}装置<定期>检测",
            "scope": "已投入使用的建（构）筑物防雷装置",
            "content": f"…按规范逐点{PRE}检测{POST}",
        },
        "_rankingScore": 0.93,
    }

    # when
    read = hit_from_meili(hit)

    # then
    assert read.document == _with(scope="已投入使用的建（构）筑物防雷装置")
    assert read.title == Markup("<mark>防雷</mark>装置&lt;定期&gt;检测")
    assert read.snippet == Markup("…按规范逐点<mark>检测</mark>")  # the field with a match
    assert read.score == 0.93


def _fields(document: SearchDocument) -> dict[str, Any]:
    return {name: getattr(document, name) for name in document.__dataclass_fields__}


def _with(**changes: Any) -> SearchDocument:
    return SearchDocument(**{**_fields(DOCUMENT), **changes})


def test_spelling_suggestions_from_the_fields_phrases() -> None:
    assert spelling_suggestion("环平") == "环评"  # a homophone
    assert spelling_suggestion("huanpign") == "环评"  # the nearest pinyin
    assert spelling_suggestion("fenglai 盐城") == "防雷 盐城"
    assert spelling_suggestion("盐城") is None


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_an_unreachable_server_is_unavailable_not_an_error() -> None:
    # given: a port on this machine where nothing listens
    engine = MeiliEngine.from_url(f"http://127.0.0.1:{_closed_port()}", timeout_s=2)

    # then
    try:
        assert not await engine.health()
        with pytest.raises(SearchUnavailable):
            await engine.search(SearchQuery(q="环评"))
        with pytest.raises(SearchUnavailable):
            await engine.upsert([DOCUMENT])
        with pytest.raises(SearchUnavailable):
            await engine.delete([55])
    finally:
        await engine.close()
