"""Builders for admission tests: categories, people, applications and score sheets.

Everything goes through the services, with explicit dates in spring 2026 (inside the
official holiday calendar): the window is 7-17 April, results are published on Friday
24 April, and the five working days of publicity run past the Labour Day holiday to
Wednesday 6 May.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from marketplace.accounts.models import Role, User
from marketplace.admission.models import AdmissionRound, Application, Criterion, RoundStatus
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import letters as letter_service
from marketplace.admission.services import review as review_service
from marketplace.admission.services import rounds as round_service
from marketplace.catalog import services as catalog
from marketplace.catalog.demo import demo_certificate_pdf
from marketplace.catalog.models import Agency, Category, MarketType
from tests.accounts_helpers import make_user
from tests.factories import credit_code

CST = dt.timezone(dt.timedelta(hours=8))
CITY = "盐城市"
OPENS_ON = dt.date(2026, 4, 7)
CLOSES_ON = dt.date(2026, 4, 17)
PUBLICITY_ENDS_ON = dt.date(2026, 5, 6)


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    """A moment in 2026, Beijing time."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=CST)


CREATED = at(4, 1)
ANNOUNCED = at(4, 1, 10)
LETTERS = at(4, 2)
OPENED = at(4, 7)
CLOSED = at(4, 20)
REVIEWED = at(4, 20, 14)
SCORING = at(4, 21)
RESULTS = at(4, 24)
CONCLUDED = at(5, 7)


@dataclass
class Categories:
    eia: Category  # competitive, quota 2
    lightning: Category  # monopoly, its holder applies
    property: Category  # monopoly, its holder never applies
    seismic: Category  # absent, one place


async def make_categories() -> Categories:
    async def category(code: str, name: str, market: MarketType, position: int) -> Category:
        return await catalog.create_category(
            code=code,
            name=name,
            name_en=code,
            market_type=market,
            quota=2 if market is MarketType.COMPETITIVE else None,
            legal_basis=f"{name}的设定依据",
            position=position,
        )

    return Categories(
        eia=await category("EIA", "环境影响评价", MarketType.COMPETITIVE, 0),
        lightning=await category("LPT", "防雷装置检测", MarketType.MONOPOLY, 1),
        property=await category("PROP", "房产测绘", MarketType.MONOPOLY, 2),
        seismic=await category("SSE", "地震安全性评价", MarketType.ABSENT, 3),
    )


async def make_office() -> User:
    return await make_user("office@example.com", Role.ADMIN, name="办公室")


async def make_reviewers(count: int) -> list[User]:
    return [
        await make_user(f"reviewer{n}@example.com", Role.REVIEWER, name=f"评审{n}")
        for n in range(1, count + 1)
    ]


def round_input(
    categories: Sequence[Category], *, seismic_places: int = 1
) -> round_service.RoundInput:
    return round_service.RoundInput(
        title="2026年第二批中介服务机构入驻遴选",
        notice="现开展第二批入驻遴选。",
        conditions="具备相应资质。",
        materials="资质证书扫描件。",
        opens_on=OPENS_ON,
        closes_on=CLOSES_ON,
        publicity_days=5,
        min_score=60,
        category_ids=[c.id for c in categories],
        places={c.id: seismic_places for c in categories if c.market_type is MarketType.ABSENT},
    )


def company(name: str, code_body: str, city: str = CITY) -> application_service.CompanyInput:
    return application_service.CompanyInput(
        name=name,
        credit_code=credit_code(code_body),
        legal_representative="张三",
        address=f"{city}某区某路1号",
        city=city,
        phone="0515-88000000",
        staff_count=20,
    )


def materials(
    title: str, certificate_no: str, *, amount_fen: int = 2_000_000
) -> application_service.ApplicationInput:
    return application_service.ApplicationInput(
        key_staff="张三 高级工程师\n李四 工程师",
        past_performance="2025年 某化工项目环评报告书",
        qualifications=[
            application_service.QualificationInput(
                name="资质证书",
                grade="乙",
                certificate_no=certificate_no,
                issuer="江苏省某厅",
                expires_on=dt.date(2028, 12, 31),
                certificate=application_service.CertificateUpload(
                    filename=f"{certificate_no}.pdf", content=demo_certificate_pdf(certificate_no)
                ),
            )
        ],
        items=[
            application_service.ItemInput(
                title=title,
                scope=f"{title}的服务范围",
                content=f"{title}的服务内容",
                legal_basis="某法第十条",
                fee_basis="市场调节价",
                fee_standard={"type": "fixed", "amount_fen": amount_fen, "per": "每份报告"},
                time_limit_days=15,
                commitments="按时出具报告",
            )
        ],
    )


async def register(name: str, code_body: str, city: str = CITY) -> Agency:
    return await application_service.register_agency(
        company=company(name, code_body, city), local_city=CITY, now=OPENED
    )


async def apply(
    round: AdmissionRound,
    agency: Agency,
    category: Category,
    office: User,
    media_dir: Path,
    *,
    now: dt.datetime,
) -> Application:
    return await application_service.submit_application(
        round,
        category=category,
        agency=agency,
        application=materials(f"{agency.name}的{category.name}", f"CERT-{agency.id}"),
        actor=office,
        media_dir=media_dir,
        now=now,
    )


async def step(round: AdmissionRound, to: RoundStatus, office: User, now: dt.datetime) -> None:
    await round_service.transition_round(round, to=to, actor=office, now=now)


async def sheet(round: AdmissionRound, first: int, total: int) -> dict[int, int | None]:
    """Points per criterion adding up to ``total``, with ``first`` on the first criterion."""
    criteria = await Criterion.filter(round=round).order_by("position")
    points: dict[int, int | None] = {criteria[0].id: first}
    left = total - first
    for criterion in criteria[1:]:
        given = min(criterion.weight, left)
        points[criterion.id] = given
        left -= given
    assert left == 0, "total too high for the weights"
    return points


HOLDER = company("盐城市海澄气象防灾技术服务中心", "1232090046607583")
MISSING_HOLDER = company("盐城市拓维房产测绘有限公司", "9132090254958562")


async def opened_round(
    cats: Categories, office: User, reviewers: Sequence[User] = (), *, seismic_places: int = 1
) -> AdmissionRound:
    """A round over the four categories, announced, holders designated, window open."""
    round = await round_service.create_round(
        details=round_input(
            [cats.eia, cats.lightning, cats.property, cats.seismic],
            seismic_places=seismic_places,
        ),
        actor=office,
        now=CREATED,
    )
    if reviewers:
        await round_service.set_reviewers(round, reviewers=reviewers, actor=office, now=CREATED)
    await step(round, RoundStatus.ANNOUNCED, office, ANNOUNCED)
    for category, who in ((cats.lightning, HOLDER), (cats.property, MISSING_HOLDER)):
        await letter_service.designate_holder(
            round,
            category=category,
            name=who.name,
            credit_code=who.credit_code,
            city=CITY,
            address=who.address,
            issuer_city=CITY,
            actor=office,
            now=LETTERS,
        )
    await step(round, RoundStatus.APPLICATIONS_OPEN, office, OPENED)
    return round


async def review_all(round: AdmissionRound, office: User) -> None:
    for application in await Application.filter(round=round, status="submitted"):
        await review_service.review_application(
            application, passed=True, reason="", actor=office, now=REVIEWED
        )
