"""The engine contract: what every search engine does, on the demo catalogue.

Each test runs on every engine (the embedded one always, Meilisearch where
MEILISEARCH_URL is set) and every database backend the documents are read from, with
the same expectations. Orders are asserted only where the query decides them (a sort
key, a unique best match); ties are each engine's own business.
"""

from __future__ import annotations

import dataclasses

from search.documents import SearchDocument
from search.engine import SearchEngine, SearchQuery, SearchResult

pytest_plugins = ["tests.search_fixtures"]

EXTERNAL = {5, 14, 21, 22, 45, 46, 47, 48, 49, 50}
EIA = {1, 2, 3, 4, 5}


def ids(result: SearchResult) -> list[int]:
    return [hit.document.id for hit in result.hits]


def by_id(documents: list[SearchDocument], doc_id: int) -> SearchDocument:
    return next(document for document in documents if document.id == doc_id)


async def test_an_empty_query_finds_every_listing_with_facet_counts(engine: SearchEngine) -> None:
    # when
    result = await engine.search(SearchQuery(per_page=100))

    # then
    assert result.total == 55
    assert sorted(ids(result)) == list(range(1, 56))
    assert result.facets["market_type"] == {"competitive": 47, "monopoly": 2, "absent": 6}
    assert result.facets["local"] == {"true": 45, "false": 10}
    assert result.facets["time_limit"] == {"5": 3, "10": 13, "20": 35, "30": 49}
    assert result.facets["fee_type"] == {
        "per_unit": 17,
        "fixed": 15,
        "negotiated": 14,
        "tiered": 5,
        "rate": 3,
        "interpolated": 1,
    }
    assert result.facets["rating"] == {"4.5": 0, "4": 0, "3": 0}
    assert result.facets["category"]["EIA"] == 5
    assert sum(result.facets["category"].values()) == 55
    assert len(result.facets["category"]) == 20
    assert not result.suggestions
    assert not result.degraded


async def test_filters_narrow_the_results(engine: SearchEngine) -> None:
    lightning = await engine.search(SearchQuery(categories=("LIGHTNING",)))
    external = await engine.search(SearchQuery(local=False))
    quick = await engine.search(SearchQuery(max_days=5))
    negotiated = await engine.search(SearchQuery(fee_type="negotiated"))
    absent = await engine.search(SearchQuery(market_type="absent"))
    two_categories = await engine.search(SearchQuery(categories=("EIA", "LIGHTNING")))
    unknown = await engine.search(SearchQuery(categories=("NOSUCH",)))

    assert set(ids(lightning)) == {38, 53}
    assert set(ids(external)) == EXTERNAL
    assert set(ids(quick)) == {25, 38, 53}
    assert set(ids(negotiated)) == {4, 5, 6, 8, 20, 21, 24, 29, 36, 41, 45, 47, 48, 50}
    assert set(ids(absent)) == {45, 46, 47, 48, 49, 50}
    assert set(ids(two_categories)) == EIA | {38, 53}
    assert unknown.total == 0


async def test_each_facet_is_counted_without_its_own_filter(engine: SearchEngine) -> None:
    # when: EIA listings of external agencies
    result = await engine.search(SearchQuery(categories=("EIA",), local=False))

    # then: one listing; the category facet counts external agencies' categories, the
    # local facet counts EIA listings, the others count the one listing.
    assert ids(result) == [5]
    assert result.facets["category"] == {
        "ARCH": 2,
        "NAV": 2,
        "SEISMIC": 2,
        "EIA": 1,
        "ENERGY": 1,
        "FLOOD": 1,
        "WRA": 1,
    }
    assert result.facets["local"] == {"true": 4, "false": 1}
    assert result.facets["market_type"] == {"competitive": 1}
    assert result.facets["fee_type"] == {"negotiated": 1}
    assert result.facets["time_limit"] == {"5": 0, "10": 0, "20": 0, "30": 0}


async def test_sorting_by_time_limit_and_by_fee(engine: SearchEngine) -> None:
    # when
    by_days = await engine.search(SearchQuery(sort="time_limit", per_page=100))
    by_fee = await engine.search(SearchQuery(sort="fee", per_page=100))

    # then
    days = [hit.document.time_limit_days for hit in by_days.hits]
    assert days == sorted(days)
    assert set(ids(by_days)[:3]) == {25, 38, 53}
    fees = [(hit.document.fee_low_fen or 0, hit.document.fee_high_fen or 0) for hit in by_fee.hits]
    assert fees == sorted(fees)
    assert ids(by_fee)[:3] == [39, 40, 25]


async def test_sorting_by_rating_puts_unrated_listings_last(
    engine: SearchEngine, demo_documents: list[SearchDocument]
) -> None:
    # given
    await engine.upsert(
        [
            dataclasses.replace(by_id(demo_documents, 20), rating=4.2, rating_count=10),
            dataclasses.replace(by_id(demo_documents, 30), rating=4.8, rating_count=3),
            dataclasses.replace(by_id(demo_documents, 40), rating=3.5, rating_count=7),
        ]
    )

    # when
    result = await engine.search(SearchQuery(sort="rating", per_page=5))
    rated = await engine.search(SearchQuery(min_rating=4.0))

    # then
    assert ids(result)[:3] == [30, 20, 40]
    assert [hit.document.rating for hit in result.hits][3:] == [None, None]
    assert set(ids(rated)) == {20, 30}
    assert rated.facets["rating"] == {"4.5": 1, "4": 2, "3": 3}


async def test_pages_cover_every_result_once(engine: SearchEngine) -> None:
    # when
    pages = [
        await engine.search(SearchQuery(sort="time_limit", page=page, per_page=10))
        for page in range(1, 7)
    ]

    # then
    seen = [doc_id for page in pages for doc_id in ids(page)]
    assert [len(page.hits) for page in pages] == [10, 10, 10, 10, 10, 5]
    assert sorted(seen) == list(range(1, 56))
    assert {page.total for page in pages} == {55}
    assert pages[0].pages == 6
    assert (await engine.search(SearchQuery(page=7, per_page=10))).hits == ()


async def test_the_fields_abbreviations_full_names_and_pinyin_find_the_same_listings(
    engine: SearchEngine,
) -> None:
    # and the project application report for offshore wind, whose content names 环评 among
    # the approvals to prepare for
    for q in ("环评", "环境影响评价"):
        result = await engine.search(SearchQuery(q=q))
        assert set(ids(result)) == EIA | {29}, q
    # Pinyin and its typos rank the same listings first. (Meilisearch also allows typos
    # in a word that matches as typed, so it may add listings after them: huanjing.)
    for q in ("huanping", "huanpign"):
        result = await engine.search(SearchQuery(q=q))
        assert set(ids(result)[:5]) == EIA, q
    assert set(ids(await engine.search(SearchQuery(q="水保方案")))) == {17, 19}
    assert set(ids(await engine.search(SearchQuery(q="稳评")))) == {13, 16}
    assert set(ids(await engine.search(SearchQuery(q="图审")))) == {30, 51, 52}


async def test_a_place_name_narrows_a_service(engine: SearchEngine) -> None:
    result = await engine.search(SearchQuery(q="防雷检测 盐城"))
    assert set(ids(result)) == {38, 53}
    # both have 防雷装置检测 in their titles; the works the testing is for decides
    hazardous = await engine.search(SearchQuery(q="易燃易爆 防雷检测 盐城"))
    assert ids(hazardous)[0] == 38  # the only one with 易燃易爆 in its title


async def test_nothing_matches_and_categories_are_suggested(engine: SearchEngine) -> None:
    # when
    result = await engine.search(SearchQuery(q="防雷 北京"))

    # then
    assert result.total == 0
    assert result.hits == ()
    assert [(c.code, c.name, c.count) for c in result.suggestions.categories] == [
        ("LIGHTNING", "新建建（构）筑物防雷装置检测", 2)
    ]


async def test_a_homophone_slip_gets_a_spelling_suggestion(engine: SearchEngine) -> None:
    result = await engine.search(SearchQuery(q="环平"))
    assert result.total == 0
    assert result.suggestions.query == "环评"
    # the categories of what 环评 finds: EIA's five and the one project application report
    assert [c.code for c in result.suggestions.categories] == ["EIA", "FEASIBILITY"]


async def test_upsert_replaces_a_listing_and_delete_removes_it(
    engine: SearchEngine, demo_documents: list[SearchDocument]
) -> None:
    # given
    renamed = dataclasses.replace(by_id(demo_documents, 53), title="防雷装置雷暴季巡查")

    # when
    await engine.upsert([renamed])
    await engine.upsert([renamed])  # idempotent

    # then
    assert ids(await engine.search(SearchQuery(q="雷暴季巡查"))) == [53]
    lightning = await engine.search(SearchQuery(categories=("LIGHTNING",)))
    titles = {hit.document.id: hit.document.title for hit in lightning.hits}
    assert titles[53] == "防雷装置雷暴季巡查"
    assert (await engine.search(SearchQuery())).total == 55

    # when
    await engine.delete([53, 999_999])

    # then
    assert ids(await engine.search(SearchQuery(categories=("LIGHTNING",)))) == [38]
    assert (await engine.search(SearchQuery())).total == 54


async def test_clear_empties_the_index_and_it_can_be_filled_again(
    engine: SearchEngine, demo_documents: list[SearchDocument]
) -> None:
    # when
    await engine.clear()

    # then
    empty = await engine.search(SearchQuery())
    assert empty.total == 0
    assert empty.facets["market_type"] == {}
    assert empty.facets["time_limit"] == {"5": 0, "10": 0, "20": 0, "30": 0}

    # when
    await engine.upsert(demo_documents[:3])

    # then
    assert sorted(ids(await engine.search(SearchQuery()))) == [1, 2, 3]


async def test_highlights_are_html_safe(
    engine: SearchEngine, demo_documents: list[SearchDocument]
) -> None:
    # given: an agency that typed markup into its listing
    hostile = dataclasses.replace(
        by_id(demo_documents, 55),
        title="<script>alert(1)</script>防雷检测服务",
        scope='<img src=x onerror="alert(1)">防雷检测 & 维护',
    )
    await engine.upsert([hostile])

    # when
    result = await engine.search(SearchQuery(q="防雷检测 维护"))

    # then
    assert ids(result) == [55]
    title, snippet = str(result.hits[0].title), str(result.hits[0].snippet)
    assert "<script>" not in title and "&lt;script&gt;alert(1)&lt;/script&gt;" in title
    assert "<mark>" in title
    assert "<img" not in snippet and "&lt;img" in snippet and "&amp;" in snippet
    assert "<mark>" in snippet


async def test_the_engine_is_healthy(engine: SearchEngine) -> None:
    assert await engine.health()


async def test_rebuild_replaces_everything(
    engine: SearchEngine, demo_documents: list[SearchDocument]
) -> None:
    # when
    await engine.rebuild(demo_documents[50:])

    # then
    result = await engine.search(SearchQuery(per_page=100))
    assert sorted(ids(result)) == list(range(51, 56))
    assert set(ids(await engine.search(SearchQuery(q="环评")))) == set()
