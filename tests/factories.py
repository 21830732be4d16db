"""A small, exactly known catalogue built through the catalogue services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marketplace.catalog import services
from marketplace.catalog.models import (
    AdmissionRoute,
    Agency,
    AgencyStatus,
    Category,
    MarketType,
    ServiceItem,
)
from marketplace.codes import gb11714_check_character, uscc_check_character

PUBLISHED_AT = dt.datetime(2026, 3, 16, 9, 0, tzinfo=dt.UTC)


def credit_code(body: str) -> str:
    """A valid unified social credit code from its first 16 characters: registering body,
    type, division and the 8 body characters of the organisation code; both check
    characters (GB 11714 at position 17, GB 32100 at 18) are computed."""
    assert len(body) == 16, body
    first17 = body + gb11714_check_character(body[8:])
    return first17 + uscc_check_character(first17)


@dataclass
class SmallCatalogue:
    eia: Category
    lightning: Category
    seismic: Category
    qinghe: Agency
    hengyuan: Agency
    suspended: Agency
    report_form: ServiceItem  # fixed fee, Qinghe
    report_book: ServiceItem  # tiered fee, Hengyuan (external)
    lightning_check: ServiceItem  # per unit, Hengyuan
    draft: ServiceItem  # never published
    hidden: ServiceItem  # published by the suspended agency


async def small_catalogue() -> SmallCatalogue:
    eia = await services.create_category(
        code="EIA",
        name="环境影响评价",
        name_en="Environmental impact assessment",
        abbreviations=["环评"],
        market_type=MarketType.COMPETITIVE,
        quota=3,
        legal_basis="《中华人民共和国环境影响评价法》第十六条",
        description="环评说明",
        description_en="EIA explained",
        position=0,
    )
    lightning = await services.create_category(
        code="LPT",
        name="防雷装置检测",
        name_en="Lightning protection testing",
        abbreviations=["防雷检测"],
        market_type=MarketType.MONOPOLY,
        legal_basis="《气象灾害防御条例》第二十三条",
        position=1,
    )
    seismic = await services.create_category(
        code="SSE",
        name="地震安全性评价",
        name_en="Seismic safety evaluation",
        abbreviations=["震评"],
        market_type=MarketType.ABSENT,
        legal_basis="《地震安全性评价管理条例》第十一条",
        position=2,
    )
    qinghe = await services.create_agency(
        name="盐城青禾环境咨询有限公司",
        name_en="Yancheng Qinghe",
        credit_code=credit_code("91320902MA1QH001"),
        legal_representative="陈立衡",
        address="盐城市亭湖区青禾路1号",
        city="盐城市",
        is_local=True,
        status=AgencyStatus.ADMITTED,
        admission_route=AdmissionRoute.MERIT,
        admitted_on=dt.date(2026, 3, 16),
        staff_count=30,
        qualifications=[
            {
                "name": "环境影响评价信用平台备案",
                "grade": None,
                "certificate_no": "HP-001",
                "issuer": "江苏省生态环境厅",
                "expires_on": dt.date(2028, 6, 30),
            },
            {
                "name": "工程咨询单位资信",
                "grade": "乙",
                "certificate_no": "ZX-002",
                "issuer": "中国工程咨询协会",
                "expires_on": dt.date(2025, 12, 31),
            },
        ],
    )
    hengyuan = await services.create_agency(
        name="南京衡远工程技术有限公司",
        credit_code=credit_code("91320100MA1HY002"),
        legal_representative="周衡",
        address="南京市玄武区衡远路2号",
        city="南京市",
        is_local=False,
        status=AgencyStatus.ADMITTED,
        admission_route=AdmissionRoute.RECRUITED,
        admitted_on=dt.date(2026, 3, 16),
    )
    suspended = await services.create_agency(
        name="盐城停业咨询有限公司",
        credit_code=credit_code("91320902MA1TY003"),
        legal_representative="李停",
        address="盐城市盐都区1号",
        city="盐城市",
        is_local=True,
        status=AgencyStatus.SUSPENDED,
        admission_route=AdmissionRoute.MERIT,
    )

    async def item(
        agency: Agency, category: Category, title: str, fee: dict, days: int, publish: bool = True
    ) -> ServiceItem:
        created = await services.create_service_item(
            agency=agency,
            category=category,
            title=title,
            scope=f"{title}的范围",
            content=f"{title}的内容",
            legal_basis=category.legal_basis,
            fee_basis="市场调节价",
            fee_standard=fee,
            time_limit_days=days,
            commitments="按时出具报告",
        )
        if publish:
            await services.publish_service_item(created, now=PUBLISHED_AT)
        return created

    report_form = await item(
        qinghe,
        eia,
        "环境影响报告表编制",
        {"type": "fixed", "amount_fen": 2_500_000, "per": "每份报告"},
        15,
    )
    report_book = await item(
        hengyuan,
        eia,
        "环境影响报告书编制",
        {
            "type": "tiered",
            "base_unit": "wan_yuan",
            "base_label": "项目总投资",
            "bands": [
                {"up_to": "3000", "rate": "0.2"},
                {"up_to": "20000", "rate": "0.1"},
                {"up_to": None, "rate": "0.05"},
            ],
            "floor_fen": 5_000_000,
            "discount_max_pct": "10",
        },
        40,
    )
    lightning_check = await item(
        hengyuan,
        lightning,
        "防雷装置定期检测",
        {
            "type": "per_unit",
            "unit": "point",
            "base_label": "检测点数",
            "price_fen": 12_000,
            "floor_fen": 60_000,
        },
        5,
    )
    draft = await item(
        qinghe, eia, "未发布的草稿", {"type": "fixed", "amount_fen": 100}, 10, publish=False
    )
    hidden = await item(suspended, eia, "停业机构的项目", {"type": "fixed", "amount_fen": 100}, 10)
    return SmallCatalogue(
        eia,
        lightning,
        seismic,
        qinghe,
        hengyuan,
        suspended,
        report_form,
        report_book,
        lightning_check,
        draft,
        hidden,
    )
