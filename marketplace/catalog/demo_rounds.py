"""Two more admission rounds for the demo, in progress on the demo's "today", so that each
stage of a round can be seen on a fresh start (issue 17): one in publicity with an objection
waiting for the office, and one taking applications.

``seed_rounds`` runs at the end of ``demo_activity.seed_activity``; it goes through the
admission services with the dates each step had, counted on the office's calendar. The
applicants are agencies of the first round applying for a further category, so no new
agency, user or listing appears (the demo's pinned figures stay as they are); nothing
concludes, so nothing goes live.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from marketplace.accounts.models import Role, User
from marketplace.admission.models import AdmissionRound, Application, Criterion, RoundStatus
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import publicity as publicity_service
from marketplace.admission.services import review as review_service
from marketplace.admission.services import rounds as round_service
from marketplace.admission.services import scoring as scoring_service
from marketplace.catalog.models import Agency, AgencyStatus, Category, ServiceItem
from marketplace.core.clock import BEIJING
from marketplace.core.workdays import WorkCalendar

__all__ = ["OPEN_ROUND_TITLE", "PUBLICITY_ROUND_TITLE", "seed_rounds"]

PUBLICITY_ROUND_TITLE = "2026年度第二批中介服务机构入驻遴选"
OPEN_ROUND_TITLE = "2026年度第三批中介服务机构入驻遴选"
# the categories of the two rounds (competitive: scored on the published criteria)
_PUBLICITY_CATEGORY = "SAFETY"
_OPEN_CATEGORY = "ENERGY"
_CONDITIONS = (
    "1. 依法设立，具有独立法人资格，持有统一社会信用代码；\n"
    "2. 具备申报类别相应的资质证书，证书在申报截止日仍在有效期内；\n"
    "3. 近三年无重大违法违规记录，未被列入严重失信主体名单。"
)
_MATERIALS = (
    "1. 单位基本情况；\n2. 资质证书扫描件（PDF格式）；\n3. 专业技术人员名单；\n"
    "4. 近三年同类项目业绩；\n5. 拟提供的服务事项、收费标准和办理时限。"
)
_OBJECTION = "该机构申报的近三年业绩中，有两个项目的安全评价报告并非由其编制，请予核查。"


def _at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BEIJING)


def _back(calendar: WorkCalendar, day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day before ``day``."""
    while count:
        day -= dt.timedelta(days=1)
        if calendar.is_workday(day):
            count -= 1
    return day


async def _applicants(category: Category, count: int) -> list[Agency]:
    """Local admitted agencies of the demo that do not offer ``category`` yet."""
    offering = set(await ServiceItem.filter(category=category).values_list("agency_id", flat=True))
    agencies = await Agency.filter(status=AgencyStatus.ADMITTED, is_local=True).order_by("id")
    return [a for a in agencies if a.id not in offering][:count]


def _materials(
    agency: Agency, category: Category, expires_on: dt.date, number: int
) -> application_service.ApplicationInput:
    from marketplace.catalog.demo import demo_certificate_pdf

    certificate_no = f"DEMO-{category.code}-{agency.id:03d}"
    return application_service.ApplicationInput(
        key_staff="高级工程师 2 名、工程师 5 名，均具有相应注册执业资格",
        past_performance=f"近三年完成{category.name}项目 {12 + number * 3} 项",
        qualifications=[
            application_service.QualificationInput(
                name=f"{category.name}资质证书",
                grade="乙",
                certificate_no=certificate_no,
                issuer="江苏省应急管理厅",
                expires_on=expires_on,
                certificate=application_service.CertificateUpload(
                    filename=f"{certificate_no}.pdf", content=demo_certificate_pdf(certificate_no)
                ),
            )
        ],
        items=[
            application_service.ItemInput(
                title=f"{category.name}报告编制",
                scope=f"建设项目{category.name}",
                content=f"编制{category.name}报告并配合专家评审",
                legal_basis=category.legal_basis[:200] or "相关法律法规",
                fee_basis="市场调节价",
                fee_standard={
                    "type": "fixed",
                    "amount_fen": (30_000 + number * 5_000) * 100,
                    "per": "每份报告",
                },
                time_limit_days=20 + number * 5,
                commitments="按承诺时限出具报告",
            )
        ],
    )


async def _round(
    title: str,
    notice: str,
    category: Category,
    *,
    opens_on: dt.date,
    closes_on: dt.date,
    office: User,
    created: dt.datetime,
) -> AdmissionRound:
    round = await round_service.create_round(
        details=round_service.RoundInput(
            title=title,
            notice=notice,
            conditions=_CONDITIONS,
            materials=_MATERIALS,
            opens_on=opens_on,
            closes_on=closes_on,
            publicity_days=5,
            min_score=60,
            category_ids=[category.id],
        ),
        actor=office,
        now=created,
    )
    await round_service.transition_round(
        round, to=RoundStatus.ANNOUNCED, actor=office, now=created + dt.timedelta(hours=2)
    )
    await round_service.transition_round(
        round, to=RoundStatus.APPLICATIONS_OPEN, actor=office, now=_at(opens_on)
    )
    return round


async def seed_rounds(
    *, today: dt.date, calendar: WorkCalendar, office: User, media_dir: Path
) -> None:
    categories = {
        c.code: c for c in await Category.filter(code__in=[_PUBLICITY_CATEGORY, _OPEN_CATEGORY])
    }
    if len(categories) != 2:
        return  # not the demo catalogue
    reviewers = await User.filter(roles__role=Role.REVIEWER).order_by("id").limit(2)
    expires_on = today + dt.timedelta(days=3 * 365)

    # a round in publicity: results two working days ago, an objection yesterday
    results_on = _back(calendar, today, 2)
    scoring_on = _back(calendar, results_on, 2)
    reviewed_on = _back(calendar, scoring_on, 1)
    closes_on = _back(calendar, reviewed_on, 1)
    opens_on = closes_on - dt.timedelta(days=14)
    category = categories[_PUBLICITY_CATEGORY]
    round = await _round(
        PUBLICITY_ROUND_TITLE,
        f"现开展2026年度第二批中介服务机构入驻遴选，补充{category.name}类别的入驻机构。",
        category,
        opens_on=opens_on,
        closes_on=closes_on,
        office=office,
        created=_at(opens_on - dt.timedelta(days=7)),
    )
    await round_service.set_reviewers(
        round, reviewers=reviewers, actor=office, now=_at(opens_on - dt.timedelta(days=7), 11)
    )
    for number, agency in enumerate(await _applicants(category, 2)):
        await application_service.submit_application(
            round,
            category=category,
            agency=agency,
            application=_materials(agency, category, expires_on, number),
            actor=office,
            media_dir=media_dir,
            now=_at(opens_on + dt.timedelta(days=2 + number), 10),
        )
    await round_service.transition_round(
        round, to=RoundStatus.UNDER_REVIEW, actor=office, now=_at(reviewed_on)
    )
    for application in await Application.filter(round=round).order_by("id"):
        await review_service.review_application(
            application,
            passed=True,
            reason="资格条件符合，申报材料齐全。",
            actor=office,
            now=_at(reviewed_on, 14),
        )
    await round_service.transition_round(
        round, to=RoundStatus.SCORING, actor=office, now=_at(scoring_on)
    )
    criteria = await Criterion.filter(round=round).order_by("position")
    applications = await Application.filter(round=round).order_by("id")
    for index, reviewer in enumerate(reviewers):
        await scoring_service.declare_conflicts(
            round, reviewer=reviewer, conflicting=[], statement="", now=_at(scoring_on, 10 + index)
        )
        for number, application in enumerate(applications):
            await scoring_service.submit_scores(
                application,
                reviewer=reviewer,
                # full marks for the first applicant, about 90 points for the second
                points={c.id: c.weight - (number * 9 + index) * c.weight // 100 for c in criteria},
                now=_at(scoring_on, 14 + index, number),
            )
    await round_service.transition_round(
        round, to=RoundStatus.PUBLICITY, actor=office, now=_at(results_on)
    )
    first = await Application.filter(round=round).order_by("rank").first()
    await publicity_service.lodge_objection(
        round,
        application=first,
        name="孙先生",
        contact="13905150000",
        text=_OBJECTION,
        now=_at(_back(calendar, today, 1), 15),
    )

    # a round taking applications: open since three working days ago, for three weeks
    opens_on = _back(calendar, today, 3)
    category = categories[_OPEN_CATEGORY]
    round = await _round(
        OPEN_ROUND_TITLE,
        f"现开展2026年度第三批中介服务机构入驻遴选，补充{category.name}类别的入驻机构。",
        category,
        opens_on=opens_on,
        closes_on=today + dt.timedelta(days=21),
        office=office,
        created=_at(opens_on - dt.timedelta(days=5)),
    )
    agency = (await _applicants(category, 1))[0]
    await application_service.submit_application(
        round,
        category=category,
        agency=agency,
        application=_materials(agency, category, expires_on, 0),
        actor=office,
        media_dir=media_dir,
        now=_at(_back(calendar, today, 1), 10),
    )
