"""Relevance on the demo catalogue: what comes first for the queries enterprises type.

The embedded engine's exact rankings, computed once and pinned here: a change to the
analysis or the weights that reorders them must be deliberate.
"""

from __future__ import annotations

import dataclasses

import pytest

from search.documents import SearchDocument
from search.embedded import EmbeddedEngine
from search.engine import SearchQuery, SearchResult

pytest_plugins = ["tests.search_fixtures"]


def top(result: SearchResult, n: int = 3) -> list[tuple[int, str]]:
    return [(hit.document.id, hit.document.title) for hit in result.hits[:n]]


EIA_TOP = [
    (1, "建设项目环境影响报告书编制"),
    (2, "建设项目环境影响报告表编制"),
    (5, "重大项目环境影响报告书及专项评价"),
]


@pytest.mark.parametrize("q", ["环评", "huanping", "huanpign"])
async def test_the_abbreviation_its_pinyin_and_a_typo_of_it_rank_the_same(
    demo_engine: EmbeddedEngine, q: str
) -> None:
    result = await demo_engine.search(SearchQuery(q=q))
    # EIA's five and, last, the project application report whose content names 环评
    assert result.total == 6
    assert top(result) == EIA_TOP
    assert result.hits[-1].document.category_code == "FEASIBILITY"


async def test_the_full_name(demo_engine: EmbeddedEngine) -> None:
    result = await demo_engine.search(SearchQuery(q="环境影响评价"))
    assert result.total == 6
    assert top(result) == [
        (5, "重大项目环境影响报告书及专项评价"),
        (1, "建设项目环境影响报告书编制"),
        (2, "建设项目环境影响报告表编制"),
    ]
    assert result.hits[1].title == (
        "建设项目<mark>环境影响报告书</mark>编制"  # a synonym of the words typed, marked
    )


async def test_pinyin_initials_are_ambiguous_and_find_both_meanings(
    demo_engine: EmbeddedEngine,
) -> None:
    # "hp" is 洪评 (flood assessment) as well as 环评; 环评 is a category's own short
    # name and 洪评 only an alias of 防洪评价, so environmental impact comes first.
    # The project application report that names 环评 in its content comes after both.
    result = await demo_engine.search(SearchQuery(q="hp"))
    assert result.total == 8
    assert {hit.document.category_code for hit in result.hits} == {"FLOOD", "EIA", "FEASIBILITY"}
    assert [hit.document.category_code for hit in result.hits] == (
        ["EIA"] * 5 + ["FLOOD"] * 2 + ["FEASIBILITY"]
    )


async def test_a_service_and_a_place(demo_engine: EmbeddedEngine) -> None:
    result = await demo_engine.search(SearchQuery(q="防雷检测 盐城"))
    assert result.total == 2
    assert top(result) == [
        (38, "易燃易爆建设工程和场所新建防雷装置检测"),
        (53, "新建（改建、扩建）建（构）筑物防雷装置检测"),
    ]
    assert result.hits[0].title == ("易燃易爆建设工程和场所新建<mark>防雷装置检测</mark>")


async def test_a_plan_named_by_its_abbreviation(demo_engine: EmbeddedEngine) -> None:
    result = await demo_engine.search(SearchQuery(q="水保方案"))
    assert top(result) == [
        (19, "生产建设项目水土保持方案报告表编制"),
        (17, "生产建设项目水土保持方案报告书编制"),
    ]


async def test_pinyin_of_a_whole_category_abbreviation(demo_engine: EmbeddedEngine) -> None:
    result = await demo_engine.search(SearchQuery(q="fangleijiance"))
    assert [hit.document.id for hit in result.hits] == [38, 53]


async def test_an_unknown_agency_name_is_found_by_its_characters(
    demo_engine: EmbeddedEngine,
) -> None:
    # 岚图 is no word the segmenter knows: its two characters are joined back into one.
    result = await demo_engine.search(SearchQuery(q="岚图"))
    assert top(result) == [(28, "建设项目用地勘测定界")]
    assert result.hits[0].document.agency_name == "盐城岚图空间信息技术有限公司"


async def test_a_filter_only_query_lists_in_id_order_with_facets(
    demo_engine: EmbeddedEngine,
) -> None:
    result = await demo_engine.search(SearchQuery(market_type="absent"))
    assert [hit.document.id for hit in result.hits] == [45, 46, 47, 48, 49, 50]
    assert result.facets == {
        "category": {"ARCH": 2, "NAV": 2, "SEISMIC": 2},
        "market_type": {"competitive": 47, "monopoly": 2, "absent": 6},
        "local": {"false": 6},
        "time_limit": {"5": 0, "10": 0, "20": 0, "30": 3},
        "fee_type": {"negotiated": 4, "fixed": 1, "per_unit": 1},
        "rating": {"4.5": 0, "4": 0, "3": 0},
    }
    # With no words to match, the snippet is the start of the scope (all of this one).
    assert result.hits[0].snippet == result.hits[0].document.scope
    assert len(result.hits[0].document.scope) < 90


async def test_no_match_suggests_categories_and_a_spelling(demo_engine: EmbeddedEngine) -> None:
    nothing = await demo_engine.search(SearchQuery(q="防雷 北京"))
    assert nothing.total == 0
    assert nothing.suggestions.query is None
    assert [(c.code, c.count) for c in nothing.suggestions.categories] == [("LIGHTNING", 2)]

    slip = await demo_engine.search(SearchQuery(q="环平 报告"))
    assert slip.total == 0
    assert slip.suggestions.query == "环评 报告"

    # words cut from one run of characters touch again in the corrected query
    run = await demo_engine.search(SearchQuery(q="环平报告"))
    assert run.total == 0
    assert run.suggestions.query == "环评报告"

    typo = await demo_engine.search(SearchQuery(q="fenglai"))  # 2 edits in 7 letters: too many
    assert typo.total == 0
    assert typo.suggestions.query == "防雷"
    assert [c.code for c in typo.suggestions.categories] == ["LIGHTNING"]


async def test_filters_do_not_hide_suggestions(demo_engine: EmbeddedEngine) -> None:
    # 环评 matches, but no EIA listing takes 5 days: the suggestion is where 环评 is.
    result = await demo_engine.search(SearchQuery(q="环评", max_days=5))
    assert result.total == 0
    assert [(c.code, c.count) for c in result.suggestions.categories] == [
        ("EIA", 5),
        ("FEASIBILITY", 1),
    ]


def test_the_query_plan_shows_how_words_are_matched(demo_engine: EmbeddedEngine) -> None:
    assert demo_engine.plan("水保方案 huanping").describe() == {
        "水保方案": [
            (("水保", "保方", "方案"), 0.25),
            (("水保方案",), 0.125),
            (("\x01swc_plan",), 1.0),
        ],
        "huanping": [
            (("环评",), 0.225),
            (("\x01eia",), 0.9),
        ],
    }


async def test_the_agencys_city_outranks_a_mention_of_the_place(
    demo_documents: list[SearchDocument],
) -> None:
    # given: the lightning testing of new buildings offered also by a Nanjing agency that
    # serves Yancheng
    local = next(document for document in demo_documents if document.id == 53)
    visiting = dataclasses.replace(
        local,
        id=1001,
        agency_id=1001,
        agency_name="南京衡雷检测技术有限公司",
        agency_city="南京市",
        agency_is_local=False,
        scope=local.scope + "可服务盐城市项目。",
    )
    engine = EmbeddedEngine.from_documents([*demo_documents, visiting])

    # when
    in_yancheng = await engine.search(SearchQuery(q="防雷检测 盐城"))
    in_nanjing = await engine.search(SearchQuery(q="防雷检测 南京"))

    # then
    assert [hit.document.id for hit in in_yancheng.hits] == [38, 53, 1001]
    assert [hit.document.id for hit in in_nanjing.hits] == [1001]
