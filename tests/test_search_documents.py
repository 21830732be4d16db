"""Search documents: built from the database, one per published listing of an admitted agency."""

from __future__ import annotations

import json
from decimal import Decimal

from marketplace.catalog.models import ServiceItem, ServiceStatus
from marketplace.search.documents import (
    REFERENCE_BASES,
    build_all_documents,
    build_document,
    build_documents,
    estimated_fee_range,
    iter_documents,
)
from search.documents import SearchDocument
from tests.factories import SmallCatalogue

pytest_plugins = ["tests.search_fixtures"]


async def test_a_published_item_becomes_a_document_with_its_agency_and_category(
    catalogue: SmallCatalogue,
) -> None:
    # when
    document = await build_document(catalogue.report_form.id)

    # then
    assert document == SearchDocument(
        id=catalogue.report_form.id,
        title="环境影响报告表编制",
        scope="环境影响报告表编制的范围",
        content="环境影响报告表编制的内容",
        category_code="EIA",
        category_name="环境影响评价",
        category_abbreviations=("环评",),
        market_type="competitive",
        agency_id=catalogue.qinghe.id,
        agency_name="盐城青禾环境咨询有限公司",
        agency_city="盐城市",
        agency_is_local=True,
        time_limit_days=15,
        fee_type="fixed",
        fee_low_fen=2_500_000,
        fee_high_fen=2_500_000,
        rating=None,
        rating_count=0,
        on_time_rate=None,
    )


async def test_fees_are_estimated_at_the_reference_base(catalogue: SmallCatalogue) -> None:
    # when
    book = await build_document(catalogue.report_book.id)
    check = await build_document(catalogue.lightning_check.id)

    # then: 0.2 % of 1,000 万元 is 20,000 yuan, below the 50,000 yuan minimum, which is
    # the lowest fee charged even with the 10 % discount (issue 13)
    assert book is not None and (book.fee_low_fen, book.fee_high_fen) == (5_000_000, 5_000_000)
    assert (book.fee_base, book.fee_base_unit) == ("1000", "wan_yuan")
    assert (book.market_type, book.agency_is_local) == ("competitive", False)
    # 50 points at 120 yuan
    assert check is not None and (check.fee_low_fen, check.fee_high_fen) == (600_000, 600_000)
    assert (check.fee_base, check.fee_base_unit) == ("50", "point")
    assert check.category_code == "LPT"


def test_reference_bases_cover_every_base_unit() -> None:
    from marketplace.catalog.fees import BASE_UNITS

    assert set(REFERENCE_BASES) == set(BASE_UNITS)
    assert REFERENCE_BASES["wan_yuan"] * 10_000 == REFERENCE_BASES["yuan"] == Decimal(10_000_000)


def test_a_fee_standard_that_does_not_parse_has_no_range() -> None:
    assert estimated_fee_range({"type": "fixed"}) == (None, None)
    assert estimated_fee_range({"type": "rate", "base_unit": "wan_yuan", "rate": "1"}) == (
        10_000_000,
        10_000_000,
    )


async def test_drafts_withdrawn_items_and_suspended_agencies_are_not_documents(
    catalogue: SmallCatalogue,
) -> None:
    # given
    await ServiceItem.filter(id=catalogue.report_form.id).update(status=ServiceStatus.WITHDRAWN)

    # then
    assert await build_document(catalogue.draft.id) is None
    assert await build_document(catalogue.hidden.id) is None
    assert await build_document(catalogue.report_form.id) is None
    assert await build_document(999_999) is None


async def test_all_documents_come_in_id_order_and_in_batches(catalogue: SmallCatalogue) -> None:
    # when
    documents = await build_all_documents()
    batches = [batch async for batch in iter_documents(batch_size=2)]

    # then
    expected = [catalogue.report_form.id, catalogue.report_book.id, catalogue.lightning_check.id]
    assert [document.id for document in documents] == expected
    assert [[document.id for document in batch] for batch in batches] == [
        expected[:2],
        expected[2:],
    ]


async def test_the_demo_catalogue_gives_one_document_per_published_item(
    demo_documents: list[SearchDocument],
) -> None:
    assert len(demo_documents) == 55
    assert [document.id for document in demo_documents] == list(range(1, 56))
    lightning = [d.id for d in demo_documents if d.category_code == "LIGHTNING"]
    assert lightning == [38, 53]
    external = [d.id for d in demo_documents if not d.agency_is_local]
    assert external == [5, 14, 21, 22, 45, 46, 47, 48, 49, 50]
    assert all(d.fee_low_fen is not None and d.fee_high_fen is not None for d in demo_documents)
    assert demo_documents[0].fee_type == "interpolated"
    # 1,000 万元 in the EIA report book's table (计价格〔2002〕125号): 5 + 1/3 万元 between
    # 5 万元 at nothing and 6 万元 at 3,000 万元, × 1.0 (industry) × 0.8 (ordinary area)
    # = 4.2667 万元, below the 50,000 yuan minimum, which the discount does not go under
    assert (demo_documents[0].fee_low_fen, demo_documents[0].fee_high_fen) == (
        5_000_000,
        5_000_000,
    )


def test_a_document_survives_json_through_to_dict_and_from_dict() -> None:
    # given
    document = SearchDocument(
        id=7,
        title="防雷装置定期检测",
        scope="范围",
        content="内容",
        category_code="LIGHTNING",
        category_name="防雷装置检测",
        category_abbreviations=("防雷检测", "雷评"),
        market_type="monopoly",
        agency_id=3,
        agency_name="盐城市海澄气象防灾技术服务中心",
        agency_city="盐城市",
        agency_is_local=True,
        time_limit_days=5,
        fee_type="per_unit",
        fee_low_fen=None,
        fee_high_fen=None,
        rating=4.5,
        rating_count=12,
        on_time_rate=0.9,
    )

    # when
    data = json.loads(json.dumps(document.to_dict()))

    # then
    assert data["category_abbreviations"] == ["防雷检测", "雷评"]
    assert SearchDocument.from_dict({**data, "unknown": 1}) == document


async def test_a_batch_of_changed_items_splits_into_upserts_and_deletions(
    catalogue: SmallCatalogue,
) -> None:
    # when
    documents, deletions = await build_documents(
        [catalogue.lightning_check.id, catalogue.draft.id, catalogue.report_form.id, 999_999]
    )

    # then
    assert [document.id for document in documents] == [
        catalogue.report_form.id,
        catalogue.lightning_check.id,
    ]
    assert deletions == sorted([catalogue.draft.id, 999_999])
    assert await build_documents([]) == ([], [])
