"""Search in the application: the page, the API, and the outbox that keeps the index true."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import httpx
import pytest

from marketplace.catalog import services as catalog
from marketplace.core.settings import Settings
from marketplace.search import index as index_module
from marketplace.search.documents import build_all_documents
from marketplace.search.index import SearchIndex, apply_outbox
from marketplace.search.models import SearchOutbox
from marketplace.search.outbox import latest_outbox_id
from search import (
    EmbeddedEngine,
    SearchDocument,
    SearchQuery,
    SearchUnavailable,
)
from tests.catalogue_text import text_of
from tests.factories import SmallCatalogue


async def test_the_api_searches_with_facets_and_highlights(demo_client: httpx.AsyncClient) -> None:
    response = await demo_client.get("/api/v1/search", params={"q": "环评", "per_page": 3})

    body = response.json()
    assert response.status_code == 200
    assert [hit["category_code"] for hit in body["hits"]] == ["EIA", "EIA", "EIA"]
    assert (
        "<mark>" in body["hits"][0]["highlight"]["title"]
        or "<mark>" in body["hits"][0]["highlight"]["snippet"]
    )
    assert body["facets"]["category"]["EIA"] == 5
    assert (body["page"], body["per_page"]) == (1, 3)


async def test_bad_search_parameters_are_400s_in_the_users_language(
    demo_client: httpx.AsyncClient,
) -> None:
    response = await demo_client.get("/api/v1/search", params={"sort": "price"})
    page = await demo_client.get("/search", params={"max_days": "abc"})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_sort"
    assert page.status_code == 400
    assert "必须是整数" in text_of(page.text)


async def test_the_page_pages_filters_and_explains_an_empty_result(
    demo_client: httpx.AsyncClient,
) -> None:
    first = text_of(
        (await demo_client.get("/search", params={"market_type": "absent", "per_page": 2})).text
    )
    nothing = text_of((await demo_client.get("/search", params={"q": "zzzzqqqq"})).text)

    assert "共 6 条结果" in first and "第 1 页，共 3 页" in first
    assert "没有找到符合条件的服务项目。" in nothing


async def test_a_published_listing_is_found_by_the_next_search(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    before = (await client.get("/api/v1/search", params={"q": "土壤污染状况调查"})).json()
    item = await catalog.create_service_item(
        agency=catalogue.qinghe,
        category=catalogue.eia,
        title="土壤污染状况调查报告编制",
        scope="建设用地",
        content="初步调查",
        legal_basis="《土壤污染防治法》第五十九条",
        fee_basis="市场调节价",
        fee_standard={"type": "fixed", "amount_fen": 3_000_000},
        time_limit_days=20,
    )
    await catalog.publish_service_item(item)
    after = (await client.get("/api/v1/search", params={"q": "土壤污染状况调查"})).json()

    assert before["total"] == 0
    assert [hit["id"] for hit in after["hits"]] == [item.id]


class _Unreliable(EmbeddedEngine):
    """The embedded engine behind a switch: while ``down`` it refuses writes the way an
    unreachable Meilisearch does (no Meilisearch server can run on these machines)."""

    down = False

    async def upsert(self, documents: Sequence[SearchDocument]) -> None:
        if self.down:
            raise SearchUnavailable("stopped for the test")
        await super().upsert(documents)


async def test_an_engine_down_mid_stream_catches_up_with_nothing_lost(
    catalogue: SmallCatalogue,
) -> None:
    engine = _Unreliable()
    await engine.rebuild(await build_all_documents())
    position = await latest_outbox_id()
    titles = ["雨水排放专项论证", "噪声专项评价", "地下水专项评价"]

    # three listings are published while the engine is down
    engine.down = True
    for title in titles:
        item = await catalog.create_service_item(
            agency=catalogue.qinghe,
            category=catalogue.eia,
            title=title,
            scope="s",
            content="c",
            legal_basis="l",
            fee_basis="f",
            fee_standard={"type": "fixed", "amount_fen": 100},
            time_limit_days=5,
        )
        await catalog.publish_service_item(item)
    with pytest.raises(SearchUnavailable):
        await apply_outbox(engine, position)
    assert await SearchOutbox.filter(id__gt=position).count() == 3  # nothing was dropped

    # it comes back: one catch-up applies all three, and the index equals a fresh build
    engine.down = False
    position = await apply_outbox(engine, position)
    fresh = EmbeddedEngine()
    await fresh.rebuild(await build_all_documents())
    query = SearchQuery(per_page=100)
    caught_up = await engine.search(query)
    rebuilt = await fresh.search(query)
    assert position == await latest_outbox_id()
    assert sorted(h.document.id for h in caught_up.hits) == sorted(
        h.document.id for h in rebuilt.hits
    )
    assert caught_up.total == rebuilt.total == 6


async def test_the_index_opens_from_the_database(catalogue: SmallCatalogue, db: str) -> None:
    index = await SearchIndex.open(
        Settings(database_url=db, secret_key="k", secret_key_is_ephemeral=False)
    )
    try:
        result = await index.search(SearchQuery(q="环境影响报告书"))
    finally:
        await index.close()

    assert result.hits[0].document.id == catalogue.report_book.id
    assert result.degraded is False


async def test_result_cards_show_the_signals_and_not_the_query_time(
    demo_client: httpx.AsyncClient,
) -> None:
    # the demo catalogue alone has no ratings and no deliveries yet
    page = await demo_client.get("/search", params={"q": "环评"})
    nothing = await demo_client.get("/search", params={"q": "zzzzqqqq"})

    text = text_of(page.text)
    assert page.status_code == 200
    assert text.count("暂无评价") == 6
    assert " ms)" not in page.text
    # with no results, filters whose counts are all zero are not offered
    assert 'class="facet"' not in nothing.text
    assert 'class="facet"' in page.text


async def test_concurrent_searches_share_a_look_at_the_outbox_and_see_earlier_writes(
    catalogue: SmallCatalogue, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = await SearchIndex.open(
        Settings(database_url=db, secret_key="k", secret_key_is_ephemeral=False)
    )
    looks: list[int] = []
    real_apply = apply_outbox

    async def counted(engine: EmbeddedEngine, after_id: int) -> int:
        looks.append(after_id)
        return await real_apply(engine, after_id)

    monkeypatch.setattr(index_module, "apply_outbox", counted)
    try:
        # given a listing published (committed) before the searches ask
        item = await catalog.create_service_item(
            agency=catalogue.qinghe,
            category=catalogue.eia,
            title="土壤污染状况调查报告编制",
            scope="建设用地",
            content="初步调查",
            legal_basis="《土壤污染防治法》第五十九条",
            fee_basis="市场调节价",
            fee_standard={"type": "fixed", "amount_fen": 3_000_000},
            time_limit_days=20,
        )
        await catalog.publish_service_item(item)

        # when ten searches arrive at once
        query = SearchQuery(q="土壤污染状况调查")
        results = await asyncio.gather(*(index.search(query) for _ in range(10)))
        # and one more after them, with nothing new
        later = await index.search(query)
    finally:
        await index.close()

    # then each found the listing, and they took two looks at the outbox, not ten: the
    # first search's own, and one shared by the nine that asked while it ran
    assert all([h.document.id for h in r.hits] == [item.id] for r in results)
    assert len(looks) == 3  # the two, and the later search's own
    assert [h.document.id for h in later.hits] == [item.id]
