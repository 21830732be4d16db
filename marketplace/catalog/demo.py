"""Load the demo catalogue (``demo_data``) as the outcome of a real admission round.

The categories are created through the catalogue services; everything else happens the
way it would for real, through the admission services, with the dates the first round
had: the office announces the round, designates the monopoly holder and invites the
external agencies by letter, the forty agencies apply (at the service hall's counter,
so without accounts of their own), the office reviews them, two reviewers declare they
have no conflicts and score every competitive application, the results are public for
five working days, and the round concludes on 16 March 2026, when the agencies and their
55 items go live.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import defaultdict
from pathlib import Path
from typing import Any

from tortoise.transactions import in_transaction

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Role, User
from marketplace.admission.models import (
    AdmissionRound,
    Application,
    Criterion,
    RoundCategory,
    RoundStatus,
)
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import letters as letter_service
from marketplace.admission.services import review as review_service
from marketplace.admission.services import rounds as round_service
from marketplace.admission.services import scoring as scoring_service
from marketplace.catalog import demo_data, services
from marketplace.catalog.models import Agency, Category, CommissionedBy, MarketType
from marketplace.core.clock import BEIJING as _CST

__all__ = [
    "DEMO_ADMITTED_ON",
    "DEMO_OFFICE_EMAIL",
    "demo_certificate_pdf",
    "demo_pdf",
    "seed_demo",
]

# The demo catalogue is the outcome of the first admission round, concluded on this day.
DEMO_ADMITTED_ON = dt.date(2026, 3, 16)

ROUND_TITLE = "2026年度首批中介服务机构入驻遴选"
ROUND_NOTICE = (
    "为规范投资项目审批中介服务，压减中介服务时间和收费，市政务服务管理办公室建设"
    "中介服务超市，现开展2026年度首批中介服务机构入驻遴选。遴选坚持“垄断性中介必须进驻、"
    "竞争性中介择优进驻、缺位中介外来引进”的原则，公开、公平、公正，全程接受社会监督。"
)
ROUND_CONDITIONS = (
    "1. 依法设立，具有独立法人资格，持有统一社会信用代码；\n"
    "2. 具备申报类别相应的资质证书，证书在申报截止日仍在有效期内；\n"
    "3. 近三年内无重大违法违规记录，未被列入严重失信主体名单；\n"
    "4. 具有与申报类别相适应的专业技术人员和服务能力；\n"
    "5. 承诺遵守中介服务超市管理规定，公开服务事项、收费标准和办理时限。\n"
    "垄断性中介服务类别由指定机构申报；缺位类别面向市外机构引进，本市机构不参加该类别遴选。"
)
ROUND_MATERIALS = (
    "1. 单位基本情况（名称、统一社会信用代码、法定代表人、住所、联系电话）；\n"
    "2. 资质证书扫描件（PDF格式，每份不超过5MB）；\n"
    "3. 专业技术人员名单；\n"
    "4. 近三年同类项目业绩；\n"
    "5. 拟入驻服务事项及其服务范围、内容、设定依据、收费依据和标准、办理时限、服务承诺。"
)


def _at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=_CST)


# The first round's calendar.
_CREATED = _at(dt.date(2026, 1, 5))
_ANNOUNCED = _at(dt.date(2026, 1, 6))
_LETTERS = _at(dt.date(2026, 1, 7), 10)
_OPENS_ON = dt.date(2026, 1, 12)
_CLOSES_ON = dt.date(2026, 2, 6)
_CLOSED = _at(dt.date(2026, 2, 9))
_REVIEWED = dt.date(2026, 2, 10)
_SCORING = _at(dt.date(2026, 2, 25))
_RESULTS = _at(dt.date(2026, 3, 6))
_CONCLUDED = _at(DEMO_ADMITTED_ON)
_PUBLICITY_DAYS = 5

# The office that runs the round (and answers the demo activity's complaints).
DEMO_OFFICE_EMAIL = "admission.office@example.com"
_OFFICE = (DEMO_OFFICE_EMAIL, "市政务服务管理办公室（演示）")
_REVIEWERS = (
    ("reviewer.wang@example.com", "王评审（演示）"),
    ("reviewer.zhao@example.com", "赵评审（演示）"),
)


def demo_certificate_pdf(certificate_no: str) -> bytes:
    """A one-page PDF standing in for a scanned certificate (ASCII text, valid structure)."""
    return demo_pdf(
        f"DEMO CERTIFICATE - fictional - No. {certificate_no.encode('ascii', 'replace').decode()}"
    )


def demo_pdf(text: str) -> bytes:
    """A one-page PDF with one line of ASCII ``text`` (a stand-in for a scanned document)."""
    text = text.encode("ascii", "replace").decode()
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 60 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


async def _demo_user(email: str, name: str, role: Role) -> User:
    # Nobody knows these passwords: the demo's office and reviewers exist so that the
    # round has real actors in its audit trail, not so that anyone can sign in as them.
    return await accounts.create_user(
        email=email, name=name, password=secrets.token_urlsafe(24), roles={role}
    )


def _application_input(
    data: dict[str, Any], category_code: str
) -> application_service.ApplicationInput:
    return application_service.ApplicationInput(
        key_staff=(
            f"专业技术人员{data['staff_count']}名，其中项目负责人由{data['legal_representative']}"
            "指定，名单及执业证书见附件（演示数据）。"
        ),
        past_performance=data["description"],
        qualifications=[
            application_service.QualificationInput(
                name=q["name"],
                grade=q["grade"],
                certificate_no=q["certificate_no"],
                issuer=q["issuer"],
                expires_on=dt.date.fromisoformat(q["expires_on"]),
                certificate=application_service.CertificateUpload(
                    filename=f"{q['certificate_no']}.pdf",
                    content=demo_certificate_pdf(q["certificate_no"]),
                ),
            )
            for q in data["qualifications"]
        ],
        items=[
            application_service.ItemInput(
                title=s["title"],
                scope=s["scope"],
                content=s["content"],
                legal_basis=s["legal_basis"],
                fee_basis=s["fee_basis"],
                fee_standard=s["fee_standard"],
                time_limit_days=s["time_limit_days"],
                commitments=s["commitments"],
            )
            for s in data["services"]
            if s["category"] == category_code
        ],
    )


def _demo_points(weight: int, *salt: int) -> int:
    """A reviewer's points on one criterion: a deterministic spread in the top quarter."""
    return weight - sum(salt) % max(2, weight // 4)


async def seed_demo(*, media_dir: Path | None = None) -> bool:
    """Load the demo catalogue into an empty catalogue; ``False`` if it held anything already.

    ``media_dir`` receives the demo's certificate PDFs (default: the settings' media dir).
    """
    if await Category.exists():
        return False
    if media_dir is None:
        from marketplace.core.settings import Settings

        media_dir = Settings.from_env().media_dir
    city = demo_data.CITY
    async with in_transaction():
        approvals = {
            data["code"]: await services.create_approval_item(
                code=data["code"],
                name=data["name"],
                name_en=data["name_en"],
                department=data["department"],
                legal_basis=data["legal_basis"],
                position=position,
            )
            for position, data in enumerate(demo_data.APPROVAL_ITEMS)
        }
        categories: dict[str, Category] = {}
        for position, data in enumerate(demo_data.CATEGORIES):
            serves = demo_data.CATEGORY_APPROVALS[data["code"]]
            categories[data["code"]] = await services.create_category(
                code=data["code"],
                name=data["name"],
                name_en=data["name_en"],
                abbreviations=data["abbreviations"],
                market_type=MarketType(data["market_type"]),
                quota=data["quota"],
                legal_basis=data["legal_basis"],
                description=data["description"],
                description_en=data["description_en"],
                position=position,
                self_prepare_allowed=serves["self_prepare_allowed"],
                commissioned_by=CommissionedBy(serves["commissioned_by"]),
                approval_items=[approvals[code] for code in serves["approval_items"]],
            )
        office = await _demo_user(*_OFFICE, Role.ADMIN)
        reviewers = [await _demo_user(email, name, Role.REVIEWER) for email, name in _REVIEWERS]

        # who applies where: (agency data, category code), in the order of the data
        applying = [
            (data, code)
            for data in demo_data.AGENCIES
            for code in dict.fromkeys(s["category"] for s in data["services"])
        ]
        places: dict[str, int] = defaultdict(int)
        for _, code in applying:
            places[code] += 1

        round = await round_service.create_round(
            details=round_service.RoundInput(
                title=ROUND_TITLE,
                notice=ROUND_NOTICE,
                conditions=ROUND_CONDITIONS,
                materials=ROUND_MATERIALS,
                opens_on=_OPENS_ON,
                closes_on=_CLOSES_ON,
                publicity_days=_PUBLICITY_DAYS,
                min_score=60,
                category_ids=[c.id for c in categories.values()],
                places={
                    c.id: places[code]
                    for code, c in categories.items()
                    if c.market_type is MarketType.ABSENT
                },
            ),
            actor=office,
            now=_CREATED,
        )
        await round_service.set_reviewers(round, reviewers=reviewers, actor=office, now=_CREATED)
        await _step(round, RoundStatus.ANNOUNCED, office, _ANNOUNCED)

        for data, code in applying:
            category = categories[code]
            letter = {
                MarketType.MONOPOLY: letter_service.designate_holder,
                MarketType.ABSENT: letter_service.invite_agency,
            }.get(category.market_type)
            if letter is not None:
                await letter(
                    round,
                    category=category,
                    name=data["name"],
                    credit_code=data["credit_code"],
                    city=data["city"],
                    address=data["address"],
                    issuer_city=city,
                    actor=office,
                    now=_LETTERS,
                )
        await _step(round, RoundStatus.APPLICATIONS_OPEN, office, _at(_OPENS_ON))

        agencies: dict[str, Agency] = {}
        for number, (data, code) in enumerate(applying):
            submitted = _at(_OPENS_ON + dt.timedelta(days=1 + number % 20), 10, number)
            if data["credit_code"] not in agencies:
                agencies[data["credit_code"]] = await application_service.register_agency(
                    company=application_service.CompanyInput(
                        name=data["name"],
                        name_en=data["name_en"],
                        credit_code=data["credit_code"],
                        legal_representative=data["legal_representative"],
                        address=data["address"],
                        city=data["city"],
                        phone=data["phone"],
                        established_on=dt.date.fromisoformat(data["established_on"]),
                        staff_count=data["staff_count"],
                        description=data["description"],
                    ),
                    local_city=city,
                    now=submitted,
                )
            await application_service.submit_application(
                round,
                category=categories[code],
                agency=agencies[data["credit_code"]],
                application=_application_input(data, code),
                actor=office,
                media_dir=media_dir,
                now=submitted,
            )
        await _step(round, RoundStatus.UNDER_REVIEW, office, _CLOSED)

        applications = await Application.filter(round=round).order_by("id")
        for number, application in enumerate(applications):
            await review_service.review_application(
                application,
                passed=True,
                reason="资格条件符合，申报材料齐全。",
                actor=office,
                now=_at(_REVIEWED, 9, number),
            )
        await _step(round, RoundStatus.SCORING, office, _SCORING)
        applications = await Application.filter(round=round).order_by("id")

        scored = set(
            await RoundCategory.filter(round=round, scored=True).values_list(
                "category_id", flat=True
            )
        )
        criteria = await Criterion.filter(round=round).order_by("position")
        for index, reviewer in enumerate(reviewers):
            await scoring_service.declare_conflicts(
                round,
                reviewer=reviewer,
                conflicting=[],
                statement="",
                now=_SCORING + dt.timedelta(hours=1 + index),
            )
            for number, application in enumerate(applications):
                if application.category_id not in scored:
                    continue
                await scoring_service.submit_scores(
                    application,
                    reviewer=reviewer,
                    points={
                        c.id: _demo_points(c.weight, number * 7, index * 3, c.position * 5)
                        for c in criteria
                    },
                    now=_SCORING + dt.timedelta(days=1 + index, minutes=number),
                )
        await _step(round, RoundStatus.PUBLICITY, office, _RESULTS)
        await _step(round, RoundStatus.CONCLUDED, office, _CONCLUDED)
    return True


async def _step(round: AdmissionRound, to: RoundStatus, office: User, now: dt.datetime) -> None:
    await round_service.transition_round(round, to=to, actor=office, now=now)
