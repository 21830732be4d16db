"""The embedded engine's machinery: incremental postings, compaction, rebuilds, top-k."""

from __future__ import annotations

import asyncio
import dataclasses

import numpy as np
import pytest

from search.documents import SearchDocument
from search.embedded import EmbeddedEngine, _top
from search.engine import SearchQuery

pytest_plugins = ["tests.search_fixtures"]


def copies(
    documents: list[SearchDocument], times: int, *, start: int = 1000
) -> list[SearchDocument]:
    """``times`` copies of ``documents`` under new ids (start + n)."""
    return [
        dataclasses.replace(document, id=start + n * len(documents) + i)
        for n in range(times)
        for i, document in enumerate(documents)
    ]


async def test_incremental_upserts_match_a_bulk_build(demo_documents: list[SearchDocument]) -> None:
    # given: the same 55 × 41 listings, built at once and added in small batches (which
    # moves recent postings into the main table several times on the way)
    documents = demo_documents + copies(demo_documents, 40)
    bulk = EmbeddedEngine.from_documents(documents)
    incremental = EmbeddedEngine()
    for start in range(0, len(documents), 97):
        await incremental.upsert(documents[start : start + 97])
        await incremental.search(SearchQuery(q="环评"))  # reads in between

    # when
    queries = [SearchQuery(q="环评", per_page=100), SearchQuery(q="防雷检测 盐城", sort="fee")]
    results = [(await bulk.search(q), await incremental.search(q)) for q in queries]

    # then: the same matches, facets and order (scores differ a little: the length
    # averages of an incremental build grow as it goes)
    for from_bulk, from_increments in results:
        assert from_increments.total == from_bulk.total
        assert from_increments.facets == from_bulk.facets
    assert results[0][0].total == 6 * 41  # EIA's five and the application report
    assert [h.document.id for h in results[1][1].hits] == [
        h.document.id for h in results[1][0].hits
    ]
    assert incremental.size == bulk.size == 55 * 41


async def test_a_bulk_build_analyses_shared_wording_once_with_the_same_index(
    demo_documents: list[SearchDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: the demo's listings 30 times over (every wording shared by 30 listings), built
    # in bulk as a reindex does, and built again analysing every listing afresh
    from search import embedded

    documents = demo_documents + copies(demo_documents, 29)
    shared = EmbeddedEngine.from_documents(documents)
    monkeypatch.setattr(embedded, "_BULK_ANALYSIS_MAX", 0)
    afresh = EmbeddedEngine.from_documents(documents)

    # when
    queries = [
        SearchQuery(q="环评", per_page=100),
        SearchQuery(q="huanping", per_page=100),
        SearchQuery(q="防雷检测 盐城", sort="fee", per_page=100),
        SearchQuery(q="", per_page=100),
    ]
    results = [(await shared.search(q), await afresh.search(q)) for q in queries]

    # then: the same hits with the same scores, facets and pinyin counts
    for from_shared, from_afresh in results:
        assert from_shared.total == from_afresh.total > 0
        assert from_shared.facets == from_afresh.facets
        assert [(h.document.id, h.score) for h in from_shared.hits] == [
            (h.document.id, h.score) for h in from_afresh.hits
        ]
    assert shared._index.pinyin_full == afresh._index.pinyin_full
    assert shared._index.pinyin_initials == afresh._index.pinyin_initials


async def test_replaced_and_deleted_listings_are_squeezed_out(
    demo_documents: list[SearchDocument],
) -> None:
    # given
    documents = copies(demo_documents, 50)  # 2,750 listings
    engine = EmbeddedEngine.from_documents(documents)

    # when: replace 1,100 of them with new titles and delete 550 (1,650 dead rows)
    replaced = [dataclasses.replace(d, title=d.title + "（丁卯版）") for d in documents[:1100]]
    await engine.upsert(replaced)
    await engine.delete([d.id for d in documents[1100:1650]])
    result = await engine.search(SearchQuery(q="丁卯", per_page=100))

    # then: the table holds only live listings again, and they are all found
    assert len(engine._index.docs) == engine.size == 2750 - 550
    assert result.total == 1100
    everything = await engine.search(SearchQuery(q="环评", per_page=100))
    assert everything.total == 6 * (2750 - 550) // 55
    assert len({h.document.id for h in everything.hits}) == 100


async def test_writes_during_a_rebuild_are_not_lost(demo_documents: list[SearchDocument]) -> None:
    # given
    engine = EmbeddedEngine.from_documents(demo_documents[:10])
    renamed = dataclasses.replace(demo_documents[0], title="改名后的报告书编制")

    # when: a write arrives while the rebuild runs in its thread
    rebuild = asyncio.create_task(engine.rebuild(demo_documents))
    await asyncio.sleep(0)
    await engine.upsert([renamed])
    await engine.delete([55])
    await rebuild

    # then
    assert engine.size == 54
    assert [h.document.id for h in (await engine.search(SearchQuery(q="改名后"))).hits] == [1]
    assert (await engine.search(SearchQuery(categories=("LIGHTNING",)))).total == 2


def test_typo_candidates_are_the_nearest_known_words(demo_engine: EmbeddedEngine) -> None:
    index = demo_engine._index
    assert index.typo_candidates("huanpign", 2) == [("huanping", 1), ("huanjing", 2)]
    assert index.typo_candidates("shuibo", 1) == [("shuibao", 1)]
    assert index.typo_candidates("xyzzy", 1) == []


@pytest.mark.parametrize("k", [1, 7, 100, 2500])
def test_top_k_equals_a_full_sort(k: int) -> None:
    # given: 20,000 candidates with many ties on the first two keys
    rng = np.random.default_rng(7)
    candidates = np.arange(20_000, dtype=np.int64) * 3
    keys = [
        rng.integers(0, 5, 20_000).astype(np.float64),
        -rng.integers(0, 3, 20_000).astype(np.float64),
        rng.permutation(20_000),
    ]

    # when
    top = _top(candidates, keys, k)

    # then
    expected = candidates[np.lexsort(keys[::-1])][:k]
    assert top.tolist() == expected.tolist()


async def test_an_answer_is_kept_until_the_next_write(demo_documents: list[SearchDocument]) -> None:
    # given an engine that answered a query once
    engine = EmbeddedEngine.from_documents(demo_documents)
    query = SearchQuery(q="环评")
    first = await engine.search(query)

    # then the same query again is the same answer, kept
    again = await engine.search(query)
    assert again.hits is first.hits and again.total == first.total == 6

    # and every kind of write is seen by the next answer
    renamed = dataclasses.replace(demo_documents[0], title="环评改名后的报告书编制")
    await engine.upsert([renamed])
    after_upsert = await engine.search(query)
    assert after_upsert.hits is not first.hits
    assert "改名后" in str(next(h.title for h in after_upsert.hits if h.document.id == renamed.id))
    await engine.delete([renamed.id])
    after_delete = await engine.search(query)
    assert renamed.id not in {h.document.id for h in after_delete.hits}
    await engine.rebuild(demo_documents[:1])
    assert (await engine.search(query)).total == 1
    await engine.clear()
    assert (await engine.search(query)).total == 0
