"""Admission rounds through the services, on SQLite and PostgreSQL: a full round with all
three market types, and each rule on its own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from marketplace.accounts import services as accounts
from marketplace.admission.models import (
    AdmissionEvent,
    AdmissionRound,
    Application,
    ApplicationStatus,
    Invitation,
    Objection,
    ObjectionStatus,
    RoundCategory,
    RoundStatus,
    Score,
)
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import letters as letter_service
from marketplace.admission.services import management as management_service
from marketplace.admission.services import publicity as publicity_service
from marketplace.admission.services import review as review_service
from marketplace.admission.services import rounds as round_service
from marketplace.admission.services import scoring as scoring_service
from marketplace.admission.workflow import ROUND_ORDER, ROUND_TRANSITIONS
from marketplace.catalog import services as catalog
from marketplace.catalog.models import (
    AdmissionRoute,
    Agency,
    AgencyStatus,
    Qualification,
    ServiceItem,
    ServiceStatus,
)
from marketplace.core.calendar import Holiday, HolidayYear
from marketplace.forms import FormError
from tests.admission_helpers import (
    ANNOUNCED,
    CITY,
    CLOSED,
    CONCLUDED,
    CREATED,
    HOLDER,
    LETTERS,
    OPENED,
    PUBLICITY_ENDS_ON,
    RESULTS,
    REVIEWED,
    SCORING,
    apply,
    at,
    company,
    make_categories,
    make_office,
    make_reviewers,
    materials,
    opened_round,
    register,
    review_all,
    round_input,
    sheet,
    step,
)
from tests.factories import credit_code


def _errors(exc: pytest.ExceptionInfo[FormError]) -> dict[str, str]:
    return {name: message.id for name, message in exc.value.errors.items()}


async def test_a_full_round_admits_by_market_type_and_records_every_step(
    db: str, tmp_path: Path
) -> None:
    # given four categories: competitive (quota 2), two monopolies, absent (one place)
    cats = await make_categories()
    office = await make_office()
    r1, r2, r3 = await make_reviewers(3)
    round = await round_service.create_round(
        details=round_input([cats.eia, cats.lightning, cats.property, cats.seismic]),
        actor=office,
        now=CREATED,
    )
    await round_service.set_reviewers(round, reviewers=[r1, r2, r3], actor=office, now=CREATED)

    # when the office announces, designates the monopoly holders and invites an external agency
    await step(round, RoundStatus.ANNOUNCED, office, ANNOUNCED)
    holder = company("盐城市海澄气象防灾技术服务中心", "1232090046607583")
    missing = company("盐城市拓维房产测绘有限公司", "9132090254958562")
    for category, who in ((cats.lightning, holder), (cats.property, missing)):
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
    invited = company("南京坤衡地震工程技术有限公司", "9132011565509915", "南京市")
    await letter_service.invite_agency(
        round,
        category=cats.seismic,
        name=invited.name,
        credit_code=invited.credit_code,
        city="南京市",
        address=invited.address,
        issuer_city=CITY,
        actor=office,
        now=LETTERS,
    )
    await step(round, RoundStatus.APPLICATIONS_OPEN, office, OPENED)

    # and agencies apply: four for EIA, the lightning holder, two external ones for seismic
    qinghe = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    chengyuan = await register("江苏澄源环保技术有限公司", "9132098157149709")
    hechuan = await register("盐城禾川环境工程有限公司", "91320903MA1HC001")
    shige = await register("盐城失格咨询有限公司", "91320903MA1GG002")
    haicheng = await application_service.register_agency(
        company=holder, local_city=CITY, now=OPENED
    )
    kunheng = await application_service.register_agency(
        company=invited, local_city=CITY, now=OPENED
    )
    yueyan = await register("合肥岳岩工程地震技术有限公司", "9134010475347236", "合肥市")
    a_qinghe = await apply(round, qinghe, cats.eia, office, tmp_path, now=at(4, 8, 9))
    a_chengyuan = await apply(round, chengyuan, cats.eia, office, tmp_path, now=at(4, 8, 10))
    a_hechuan = await apply(round, hechuan, cats.eia, office, tmp_path, now=at(4, 8, 11))
    a_shige = await apply(round, shige, cats.eia, office, tmp_path, now=at(4, 9))
    a_haicheng = await apply(round, haicheng, cats.lightning, office, tmp_path, now=at(4, 9))
    a_kunheng = await apply(round, kunheng, cats.seismic, office, tmp_path, now=at(4, 10))
    a_yueyan = await apply(round, yueyan, cats.seismic, office, tmp_path, now=at(4, 10, 10))

    # and the window closes; the office reviews, failing one application
    await step(round, RoundStatus.UNDER_REVIEW, office, CLOSED)
    for application in (a_qinghe, a_chengyuan, a_hechuan, a_haicheng, a_kunheng, a_yueyan):
        await review_service.review_application(
            application, passed=True, reason="", actor=office, now=REVIEWED
        )
    await review_service.review_application(
        a_shige, passed=False, reason="资质类别与申报类别不符。", actor=office, now=REVIEWED
    )
    await step(round, RoundStatus.SCORING, office, SCORING)

    # and the reviewers declare: r3 has a conflict with Qinghe, so does not score EIA
    await scoring_service.declare_conflicts(
        round, reviewer=r1, conflicting=[], statement="", now=SCORING
    )
    await scoring_service.declare_conflicts(
        round, reviewer=r2, conflicting=[], statement="", now=SCORING
    )
    await scoring_service.declare_conflicts(
        round,
        reviewer=r3,
        conflicting=[await Application.get(id=a_qinghe.id)],
        statement="曾在青禾公司任职。",
        now=SCORING,
    )
    sheets = {
        # EIA: Chengyuan and Hechuan tie on 85.00; Hechuan has more qualification points
        (a_qinghe, r1): (18, 90),
        (a_qinghe, r2): (18, 88),
        (a_chengyuan, r1): (17, 85),
        (a_chengyuan, r2): (19, 85),
        (a_hechuan, r1): (19, 84),
        (a_hechuan, r2): (20, 86),
        # seismic, scored by all three
        (a_kunheng, r1): (16, 80),
        (a_kunheng, r2): (16, 82),
        (a_kunheng, r3): (16, 78),
        (a_yueyan, r1): (15, 70),
        (a_yueyan, r2): (15, 72),
        (a_yueyan, r3): (15, 74),
    }
    for (application, reviewer), (first, total) in sheets.items():
        await scoring_service.submit_scores(
            await Application.get(id=application.id),
            reviewer=reviewer,
            points=await sheet(round, first, total),
            now=at(4, 22),
        )
    await step(round, RoundStatus.PUBLICITY, office, RESULTS)

    # then the results rank by final score, the tie goes to the higher qualification points,
    # and the quota of two leaves Chengyuan out
    results = {
        a.agency_id: (a.status, a.final_score, a.tie_score, a.rank)
        for a in await Application.filter(round=round)
    }
    assert results == {
        qinghe.id: (ApplicationStatus.ADMITTED, Decimal("89.00"), Decimal("18.00"), 1),
        hechuan.id: (ApplicationStatus.ADMITTED, Decimal("85.00"), Decimal("19.50"), 2),
        chengyuan.id: (ApplicationStatus.NOT_ADMITTED, Decimal("85.00"), Decimal("18.00"), 3),
        shige.id: (ApplicationStatus.FAILED, None, None, None),
        haicheng.id: (ApplicationStatus.ADMITTED, None, None, 1),
        kunheng.id: (ApplicationStatus.ADMITTED, Decimal("80.00"), Decimal("16.00"), 1),
        yueyan.id: (ApplicationStatus.NOT_ADMITTED, Decimal("72.00"), Decimal("15.00"), 2),
    }
    round = await AdmissionRound.get(id=round.id)
    assert (round.publicity_starts_on, round.publicity_ends_on) == (
        dt.date(2026, 4, 24),
        PUBLICITY_ENDS_ON,
    )
    property_entry = await RoundCategory.get(round=round, category=cats.property)
    assert property_entry.holder_missing is True
    assert await Score.filter(application_id=a_qinghe.id, reviewer=r3).count() == 0

    # when one objection is upheld (Qinghe is disqualified) and one is dismissed
    upheld = await publicity_service.lodge_objection(
        round,
        application=await Application.get(id=a_qinghe.id),
        name="王五",
        contact="13900000000",
        text="青禾公司申报的业绩中有两个项目并非其承担。",
        now=at(4, 27),
    )
    dismissed = await publicity_service.lodge_objection(
        round,
        application=await Application.get(id=a_hechuan.id),
        name="赵六",
        contact="zhao@example.com",
        text="禾川公司的收费标准偏低，可能低于成本。",
        now=at(4, 28),
    )
    await publicity_service.decide_objection(
        upheld, uphold=True, reason="经核实，两个项目业绩不实。", actor=office, now=at(4, 30)
    )
    await publicity_service.decide_objection(
        dismissed,
        uphold=False,
        reason="收费标准在市场调节价范围内，不违反规定。",
        actor=office,
        now=at(4, 30),
    )

    # then Chengyuan moves up into the quota
    assert {a.agency_id: a.status for a in await Application.filter(category=cats.eia)} == {
        qinghe.id: ApplicationStatus.DISQUALIFIED,
        chengyuan.id: ApplicationStatus.ADMITTED,
        hechuan.id: ApplicationStatus.ADMITTED,
        shige.id: ApplicationStatus.FAILED,
    }
    assert [(o.status, o.decision) for o in await Objection.filter(round=round).order_by("id")] == [
        (ObjectionStatus.UPHELD, "经核实，两个项目业绩不实。"),
        (ObjectionStatus.DISMISSED, "收费标准在市场调节价范围内，不违反规定。"),
    ]

    # when the publicity period is over and the round concludes
    with pytest.raises(FormError) as early:
        await step(round, RoundStatus.CONCLUDED, office, at(5, 6, 17))
    assert _errors(early) == {"": "The publicity period runs until %(date)s."}
    await step(round, RoundStatus.CONCLUDED, office, CONCLUDED)

    # then the admitted agencies and their items are live, with the route of their market
    admitted = {
        a.name: (a.status, a.admission_route, a.admitted_on)
        for a in await Agency.filter(status=AgencyStatus.ADMITTED)
    }
    may7 = dt.date(2026, 5, 7)
    assert admitted == {
        "江苏澄源环保技术有限公司": (AgencyStatus.ADMITTED, AdmissionRoute.MERIT, may7),
        "盐城禾川环境工程有限公司": (AgencyStatus.ADMITTED, AdmissionRoute.MERIT, may7),
        "盐城市海澄气象防灾技术服务中心": (AgencyStatus.ADMITTED, AdmissionRoute.REQUIRED, may7),
        "南京坤衡地震工程技术有限公司": (AgencyStatus.ADMITTED, AdmissionRoute.RECRUITED, may7),
    }
    eia_items = await catalog.list_category_items(cats.eia)
    assert sorted(i.title for i in eia_items) == [
        "江苏澄源环保技术有限公司的环境影响评价",
        "盐城禾川环境工程有限公司的环境影响评价",
    ]
    assert await ServiceItem.filter(status=ServiceStatus.PUBLISHED).count() == 4
    assert await Qualification.filter(agency=kunheng).count() == 1
    assert (await Agency.get(id=qinghe.id)).status is AgencyStatus.APPLICANT

    # when the office suspends Hechuan
    await management_service.manage_agency(
        await Agency.get(id=hechuan.id),
        to=AgencyStatus.SUSPENDED,
        reason="出具的报告存在重大质量问题，暂停服务三个月。",
        actor=office,
        now=at(6, 1),
    )

    # then it is gone from the storefront
    assert [i.title for i in await catalog.list_category_items(cats.eia)] == [
        "江苏澄源环保技术有限公司的环境影响评价"
    ]

    # and the audit trail holds every step, in order, the public ones marked
    trail = [
        (e.kind, e.public, e.application_id, e.agency_id)
        for e in await AdmissionEvent.all().order_by("id")
    ]
    assert trail == [
        ("round_created", False, None, None),
        ("reviewer_assigned", False, None, None),
        ("reviewer_assigned", False, None, None),
        ("reviewer_assigned", False, None, None),
        ("announced", True, None, None),
        ("holder_designated", True, None, None),
        ("holder_designated", True, None, None),
        ("invitation_issued", False, None, None),
        ("window_opened", True, None, None),
        ("application_submitted", False, a_qinghe.id, qinghe.id),
        ("application_submitted", False, a_chengyuan.id, chengyuan.id),
        ("application_submitted", False, a_hechuan.id, hechuan.id),
        ("application_submitted", False, a_shige.id, shige.id),
        ("application_submitted", False, a_haicheng.id, haicheng.id),
        ("application_submitted", False, a_kunheng.id, kunheng.id),
        ("application_submitted", False, a_yueyan.id, yueyan.id),
        ("window_closed", True, None, None),
        ("holder_missing", True, None, None),
        ("application_passed", False, a_qinghe.id, qinghe.id),
        ("application_passed", False, a_chengyuan.id, chengyuan.id),
        ("application_passed", False, a_hechuan.id, hechuan.id),
        ("application_passed", False, a_haicheng.id, haicheng.id),
        ("application_passed", False, a_kunheng.id, kunheng.id),
        ("application_passed", False, a_yueyan.id, yueyan.id),
        ("application_failed", False, a_shige.id, shige.id),
        ("scoring_opened", True, None, None),
        ("conflict_declared", False, None, None),
        ("conflict_declared", False, None, None),
        ("conflict_declared", False, None, None),
        *[("scores_submitted", False, a.id, a.agency_id) for (a, _) in sheets],
        ("results_published", True, None, None),
        ("objection_lodged", True, a_qinghe.id, qinghe.id),
        ("objection_lodged", True, a_hechuan.id, hechuan.id),
        ("objection_upheld", True, a_qinghe.id, qinghe.id),
        ("result_changed", True, a_qinghe.id, qinghe.id),
        ("result_changed", True, a_chengyuan.id, chengyuan.id),
        ("objection_dismissed", True, a_hechuan.id, hechuan.id),
        ("agency_admitted", True, a_chengyuan.id, chengyuan.id),
        ("agency_admitted", True, a_hechuan.id, hechuan.id),
        ("agency_admitted", True, a_haicheng.id, haicheng.id),
        ("agency_admitted", True, a_kunheng.id, kunheng.id),
        ("concluded", True, None, None),
        ("agency_suspended", True, None, hechuan.id),
    ]
    changes = [
        (e.detail["before"], e.detail["after"])
        for e in await AdmissionEvent.filter(kind="result_changed").order_by("id")
    ]
    assert changes == [("admitted", "disqualified"), ("not_admitted", "admitted")]
    suspension = await AdmissionEvent.get(kind="agency_suspended")
    assert (suspension.round_id, suspension.reason) == (
        round.id,
        "出具的报告存在重大质量问题，暂停服务三个月。",
    )
    assert await Invitation.filter(round=round).count() == 3


async def test_a_round_takes_its_steps_in_order_when_they_are_due(db: str) -> None:
    # given a draft round and a reviewer who is not an administrator
    cats = await make_categories()
    office = await make_office()
    (reviewer,) = await make_reviewers(1)
    round = await round_service.create_round(
        details=round_input([cats.eia, cats.lightning]), actor=office, now=CREATED
    )

    # then the steps are the table's, one after the other
    assert [t.source for t in ROUND_TRANSITIONS.values()] == list(ROUND_ORDER[:-1])
    assert ROUND_ORDER == (
        RoundStatus.DRAFT,
        RoundStatus.ANNOUNCED,
        RoundStatus.APPLICATIONS_OPEN,
        RoundStatus.UNDER_REVIEW,
        RoundStatus.SCORING,
        RoundStatus.PUBLICITY,
        RoundStatus.CONCLUDED,
    )
    # and no step is skipped, nobody but an administrator takes one, none comes early
    with pytest.raises(FormError) as skipped:
        await step(round, RoundStatus.APPLICATIONS_OPEN, office, ANNOUNCED)
    with pytest.raises(FormError) as not_admin:
        await round_service.transition_round(
            round, to=RoundStatus.ANNOUNCED, actor=reviewer, now=ANNOUNCED
        )
    await step(round, RoundStatus.ANNOUNCED, office, ANNOUNCED)
    problems = await round_service.transition_problems(
        round, to=RoundStatus.APPLICATIONS_OPEN, now=at(4, 6)
    )
    assert _errors(skipped) == {"": "A round cannot take this step from where it is."}
    assert _errors(not_admin) == {"": "Your role does not allow this step."}
    assert [(m.id, dict(m.params)) for m in problems] == [
        ("The window opens on %(date)s.", {"date": "2026-04-07"}),
        (
            "Designate the holder of %(category)s and send its letter first.",
            {"category": "防雷装置检测"},
        ),
    ]
    # and the window does not close before its last day is over
    await letter_service.designate_holder(
        round,
        category=cats.lightning,
        name=HOLDER.name,
        credit_code=HOLDER.credit_code,
        city=CITY,
        address=HOLDER.address,
        issuer_city=CITY,
        actor=office,
        now=LETTERS,
    )
    await step(round, RoundStatus.APPLICATIONS_OPEN, office, OPENED)
    with pytest.raises(FormError) as early:
        await step(round, RoundStatus.UNDER_REVIEW, office, at(4, 17, 23, 59))
    assert _errors(early) == {"": "The window is open until %(date)s; it cannot close early."}
    assert (await AdmissionRound.get(id=round.id)).status is RoundStatus.APPLICATIONS_OPEN


async def test_applications_can_change_until_the_window_closes_then_they_are_frozen(
    db: str, tmp_path: Path
) -> None:
    # given an open round and an application
    cats = await make_categories()
    office = await make_office()
    round = await opened_round(cats, office)
    agency = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    application = await apply(round, agency, cats.eia, office, tmp_path, now=at(4, 8))

    # when the agency changes it, withdraws it and submits it again within the window
    await application_service.update_application(
        application,
        company=None,
        data=materials("改过的报告书编制", "CERT-NEW"),
        actor=None,
        local_city=CITY,
        media_dir=tmp_path,
        now=at(4, 9),
    )
    await application_service.withdraw_application(application, actor=None, now=at(4, 10))
    await application_service.update_application(
        application,
        company=None,
        data=materials("再次提交的报告书编制", "CERT-NEW"),
        actor=None,
        local_city=CITY,
        media_dir=tmp_path,
        now=at(4, 13),
    )

    # then it holds the last version, submitted again on the 13th
    application = await Application.get(id=application.id).prefetch_related("items")
    assert application.status is ApplicationStatus.SUBMITTED
    assert application.submitted_at == at(4, 13)
    assert [i.title for i in application.items] == ["再次提交的报告书编制"]

    # when the last day of the window is over
    with pytest.raises(FormError) as late_change:
        await application_service.update_application(
            application,
            company=None,
            data=materials("窗口关闭后的修改", "CERT-NEW"),
            actor=None,
            local_city=CITY,
            media_dir=tmp_path,
            now=at(4, 18),
        )
    with pytest.raises(FormError) as late_application:
        await apply(round, agency, cats.seismic, office, tmp_path, now=at(4, 18))
    await step(round, RoundStatus.UNDER_REVIEW, office, CLOSED)
    with pytest.raises(FormError) as after_closing:
        await application_service.withdraw_application(application, actor=None, now=CLOSED)

    # then nothing changes any more
    frozen = "The application window is closed: applications can no longer be changed."
    assert _errors(late_change) == _errors(late_application) == _errors(after_closing)
    assert _errors(after_closing) == {"": frozen}
    items = await Application.get(id=application.id).prefetch_related("items")
    assert [i.title for i in items.items] == ["再次提交的报告书编制"]


async def test_market_types_decide_who_may_apply(db: str, tmp_path: Path) -> None:
    # given an open round
    cats = await make_categories()
    office = await make_office()
    round = await opened_round(cats, office)
    local = await register("盐城本地咨询有限公司", "91320902MA1BD001")
    nanjing = await register("南京外地咨询有限公司", "91320115MA1WD002", "南京市")

    # when a local agency applies for the absent category and a stranger for a monopoly
    with pytest.raises(FormError) as absent:
        await apply(round, local, cats.seismic, office, tmp_path, now=at(4, 8))
    with pytest.raises(FormError) as monopoly:
        await apply(round, nanjing, cats.lightning, office, tmp_path, now=at(4, 8))
    # and the same agency applies twice for one category
    await apply(round, nanjing, cats.seismic, office, tmp_path, now=at(4, 8))
    with pytest.raises(FormError) as twice:
        await apply(round, nanjing, cats.seismic, office, tmp_path, now=at(4, 9))

    # then each is refused with its reason, and only the external application stands
    assert _errors(absent) == {
        "category": "This category recruits agencies from outside the city only."
    }
    assert _errors(monopoly) == {
        "category": "Only the designated institution applies for this monopoly category."
    }
    assert _errors(twice) == {
        "category": "Your agency has applied for this category already: change that application."
    }
    assert await Application.all().values_list("agency_id", "category_id") == [
        (nanjing.id, cats.seismic.id)
    ]


async def test_application_materials_are_checked_field_by_field(db: str, tmp_path: Path) -> None:
    # given an open round
    cats = await make_categories()
    office = await make_office()
    round = await opened_round(cats, office)
    agency = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    good = materials("报告书编制", "CERT-1")

    # when the application has a fake PDF, an expiring certificate and a broken fee
    bad = application_service.ApplicationInput(
        key_staff="",
        past_performance="业绩",
        qualifications=[
            application_service.QualificationInput(
                name="资质证书",
                grade="特",
                certificate_no="C-1",
                issuer="某厅",
                expires_on=dt.date(2026, 4, 16),
                certificate=application_service.CertificateUpload("scan.pdf", b"GIF89a not a pdf"),
            ),
            application_service.QualificationInput(
                name="资质证书二",
                grade=None,
                certificate_no="C-1",
                issuer="某厅",
                expires_on=dt.date(2027, 1, 1),
            ),
        ],
        items=[
            application_service.ItemInput(
                **{
                    **{f: getattr(good.items[0], f) for f in ("title", "scope", "content")},
                    "legal_basis": "某法",
                    "fee_basis": "市场调节价",
                    "fee_standard": {"type": "negotiated", "low_fen": 500, "high_fen": 100},
                    "time_limit_days": 0,
                }
            )
        ],
    )
    with pytest.raises(FormError) as refused:
        await application_service.submit_application(
            round,
            category=cats.eia,
            agency=agency,
            application=bad,
            actor=office,
            media_dir=tmp_path,
            now=at(4, 8),
        )

    # then every problem is named beside its field and nothing is stored
    assert _errors(refused) == {
        "key_staff": "This field is required.",
        "qual-0-grade": "Choose 甲, 乙, 丙 or no grade.",
        "qual-0-expires_on": "The certificate must be valid on the closing day, %(date)s.",
        "qual-0-certificate": "This file is not a PDF. Attach the certificate as a PDF file.",
        "qual-1-certificate_no": "This certificate is listed twice.",
        "qual-1-certificate": "Attach the certificate as a PDF file.",
        "item-0-time_limit_days": "Enter a whole number from %(low)s to %(high)s.",
        "item-0-fee_type": "This fee standard is not complete or not consistent (%(detail)s).",
    }
    assert await Application.all().count() == 0
    assert not (tmp_path / "certificates").exists()


async def test_a_new_agency_applies_with_an_account_in_one_step(db: str, tmp_path: Path) -> None:
    # given an open round
    cats = await make_categories()
    office = await make_office()
    round = await opened_round(cats, office)
    account = application_service.AccountInput(
        name="陈立衡", email="chen@example.com", password="correct horse battery"
    )

    # when a new agency applies
    application, user = await application_service.apply_as_new_agency(
        round,
        category=cats.eia,
        company=company("盐城青禾环境科技咨询有限公司", "9132090255783086"),
        account=account,
        application=materials("报告书编制", "CERT-1"),
        local_city=CITY,
        media_dir=tmp_path,
        now=at(4, 8),
    )
    # and another tries with the same credit code and e-mail address
    with pytest.raises(FormError) as again:
        await application_service.apply_as_new_agency(
            round,
            category=cats.eia,
            company=company("另一家公司", "9132090255783086"),
            account=account,
            application=materials("报告书编制", "CERT-1"),
            local_city=CITY,
            media_dir=tmp_path,
            now=at(4, 8),
        )

    # then the agency is an applicant, its staff account acts for it, and nothing doubled
    agency = await Agency.get(id=application.agency_id)
    assert (agency.name, agency.status, agency.is_local) == (
        "盐城青禾环境科技咨询有限公司",
        AgencyStatus.APPLICANT,
        True,
    )
    assert (user.email, user.agency_id) == ("chen@example.com", agency.id)
    assert {r.value for r in await accounts.user_roles(user)} == {"agency"}
    assert _errors(again) == {
        "credit_code": (
            "An agency with this credit code is registered already: sign in with its "
            "account to apply."
        ),
        "email": "An account with this e-mail address already exists.",
    }
    assert await Agency.all().count() == 1
    stored = await application.qualifications.all()
    assert [q.certificate_size_bytes for q in stored] == [
        len(materials("x", "CERT-1").qualifications[0].certificate.content)  # type: ignore[union-attr]
    ]
    path = tmp_path / "certificates" / stored[0].certificate_sha256[:2]
    assert [p.name for p in path.iterdir()] == [f"{stored[0].certificate_sha256}.pdf"]


async def test_reviewers_declare_first_score_alone_and_once(db: str, tmp_path: Path) -> None:
    # given a round in scoring with two EIA applications and three reviewers
    cats = await make_categories()
    office = await make_office()
    r1, r2, r3 = await make_reviewers(3)
    round = await opened_round(cats, office, [r1, r2, r3])
    qinghe = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    hechuan = await register("盐城禾川环境工程有限公司", "91320903MA1HC001")
    a_qinghe = await apply(round, qinghe, cats.eia, office, tmp_path, now=at(4, 8))
    a_hechuan = await apply(round, hechuan, cats.eia, office, tmp_path, now=at(4, 8))
    await step(round, RoundStatus.UNDER_REVIEW, office, CLOSED)
    await review_all(round, office)
    await step(round, RoundStatus.SCORING, office, SCORING)
    a_qinghe = await Application.get(id=a_qinghe.id)
    a_hechuan = await Application.get(id=a_hechuan.id)

    # when r1 scores before declaring, declares, scores, and scores again
    with pytest.raises(FormError) as undeclared:
        await scoring_service.submit_scores(
            a_qinghe, reviewer=r1, points=await sheet(round, 18, 80), now=SCORING
        )
    await scoring_service.declare_conflicts(
        round, reviewer=r1, conflicting=[], statement="", now=SCORING
    )
    points = await sheet(round, 18, 80)
    first_criterion = next(iter(points))
    with pytest.raises(FormError) as out_of_range:
        await scoring_service.submit_scores(
            a_qinghe, reviewer=r1, points={**points, first_criterion: 21}, now=SCORING
        )
    await scoring_service.submit_scores(
        a_qinghe, reviewer=r1, points=await sheet(round, 18, 80), now=SCORING
    )
    with pytest.raises(FormError) as twice:
        await scoring_service.submit_scores(
            a_qinghe, reviewer=r1, points=await sheet(round, 20, 100), now=SCORING
        )
    # and r3 declares a conflict with Hechuan, then tries to score EIA and to declare again
    await scoring_service.declare_conflicts(
        round, reviewer=r3, conflicting=[a_hechuan], statement="亲属在禾川任职。", now=SCORING
    )
    with pytest.raises(FormError) as excluded:
        await scoring_service.submit_scores(
            a_qinghe, reviewer=r3, points=await sheet(round, 18, 80), now=SCORING
        )
    with pytest.raises(FormError) as redeclared:
        await scoring_service.declare_conflicts(
            round, reviewer=r3, conflicting=[], statement="", now=SCORING
        )

    # then each refusal says why, and only r1's first sheet counts
    assert _errors(undeclared) == {"": "Declare your conflicts of interest before you score."}
    assert _errors(out_of_range) == {
        f"criterion-{first_criterion}": "Enter a whole number from %(low)s to %(high)s."
    }
    assert _errors(twice) == {"": "You have scored this application already."}
    assert _errors(excluded) == {
        "": "You declared a conflict in this category and do not score it."
    }
    assert _errors(redeclared) == {"": "You have declared for this round already."}
    assert await Score.filter(reviewer=r1).values_list("points", flat=True) == [
        18,
        20,
        20,
        15,
        7,
        0,
    ]
    # and the results wait for r2's sheets and for enough reviewers without a conflict
    problems = await round_service.transition_problems(round, to=RoundStatus.PUBLICITY, now=SCORING)
    assert [(m.id, dict(m.params)) for m in problems] == [
        (
            "%(count)s assigned reviewers have not declared their conflicts of interest.",
            {"count": 1},
        ),
        (
            "%(category)s has fewer than %(count)s reviewers without a conflict.",
            {"category": "环境影响评价", "count": 2},
        ),
        (
            "%(category)s: %(count)s score sheets are not in yet.",
            {"category": "环境影响评价", "count": 1},
        ),
    ]


async def test_scored_applicants_below_the_minimum_are_not_admitted_even_within_quota(
    db: str, tmp_path: Path
) -> None:
    # given two EIA applicants for a quota of two, one of them scored below 60
    cats = await make_categories()
    office = await make_office()
    r1, r2 = await make_reviewers(2)
    round = await opened_round(cats, office, [r1, r2])
    good = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    weak = await register("盐城禾川环境工程有限公司", "91320903MA1HC001")
    a_good = await apply(round, good, cats.eia, office, tmp_path, now=at(4, 8))
    a_weak = await apply(round, weak, cats.eia, office, tmp_path, now=at(4, 8))
    await step(round, RoundStatus.UNDER_REVIEW, office, CLOSED)
    await review_all(round, office)
    await step(round, RoundStatus.SCORING, office, SCORING)
    for reviewer in (r1, r2):
        await scoring_service.declare_conflicts(
            round, reviewer=reviewer, conflicting=[], statement="", now=SCORING
        )
        for application, total in ((a_good, 80), (a_weak, 59)):
            await scoring_service.submit_scores(
                await Application.get(id=application.id),
                reviewer=reviewer,
                points=await sheet(round, 10, total),
                now=SCORING,
            )

    # when the results are published
    await step(round, RoundStatus.PUBLICITY, office, RESULTS)

    # then only the applicant reaching 60 points is admitted
    assert {
        a.agency_id: (a.status, a.final_score) for a in await Application.filter(round=round)
    } == {
        good.id: (ApplicationStatus.ADMITTED, Decimal("80.00")),
        weak.id: (ApplicationStatus.NOT_ADMITTED, Decimal("59.00")),
    }


async def test_objections_are_accepted_during_publicity_and_decided_once(
    db: str, tmp_path: Path
) -> None:
    # given a round in publicity whose only result is the lightning holder's
    cats = await make_categories()
    office = await make_office()
    round = await opened_round(cats, office)
    holder = await application_service.register_agency(company=HOLDER, local_city=CITY, now=OPENED)
    application = await apply(round, holder, cats.lightning, office, tmp_path, now=at(4, 8))
    await step(round, RoundStatus.UNDER_REVIEW, office, CLOSED)
    await review_all(round, office)
    await step(round, RoundStatus.SCORING, office, SCORING)
    await step(round, RoundStatus.PUBLICITY, office, RESULTS)
    application = await Application.get(id=application.id)

    # when someone objects without naming a result, too briefly, and after the period
    general = await publicity_service.lodge_objection(
        round,
        application=None,
        name="王五",
        contact="13900000000",
        text="公告发布渠道太少，很多机构不知道本轮遴选。",
        now=at(4, 27),
    )
    with pytest.raises(FormError) as brief:
        await publicity_service.lodge_objection(
            round, application=application, name="", contact="", text="不服", now=at(4, 27)
        )
    with pytest.raises(FormError) as late:
        await publicity_service.lodge_objection(
            round,
            application=application,
            name="王五",
            contact="13900000000",
            text="海澄中心的检测报告有误。",
            now=at(5, 7),
        )
    # and the office tries to uphold the general one, then dismisses it, then decides again
    with pytest.raises(FormError) as nothing_to_change:
        await publicity_service.decide_objection(
            general, uphold=True, reason="成立", actor=office, now=at(4, 29)
        )
    await publicity_service.decide_objection(
        general,
        uphold=False,
        reason="公告已在市政府网站、报纸和本平台同时发布。",
        actor=office,
        now=at(4, 29),
    )
    with pytest.raises(FormError) as decided:
        await publicity_service.decide_objection(
            general, uphold=False, reason="再次驳回", actor=office, now=at(4, 30)
        )

    # then the refusals explain, and the dismissal with its reason is what stands
    assert _errors(brief) == {
        "objector_name": "This field is required.",
        "contact": "This field is required.",
        "text": "Say what is wrong and why, in at least %(count)s characters.",
    }
    assert _errors(late) == {
        "": "The publicity period has ended: objections are no longer accepted."
    }
    assert _errors(nothing_to_change) == {
        "reason": "This objection names no result to change: it can only be dismissed."
    }
    assert _errors(decided) == {"": "This objection has been decided already."}
    general = await Objection.get(id=general.id)
    assert (general.status, general.decision, general.decided_by_id) == (
        ObjectionStatus.DISMISSED,
        "公告已在市政府网站、报纸和本平台同时发布。",
        office.id,
    )
    assert (await Application.get(id=application.id)).status is ApplicationStatus.ADMITTED


async def test_suspension_reinstatement_and_removal_follow_the_table(
    db: str, tmp_path: Path
) -> None:
    # given an agency admitted through a concluded round
    cats = await make_categories()
    office = await make_office()
    round = await opened_round(cats, office)
    holder = await application_service.register_agency(company=HOLDER, local_city=CITY, now=OPENED)
    await apply(round, holder, cats.lightning, office, tmp_path, now=at(4, 8))
    await step(round, RoundStatus.UNDER_REVIEW, office, CLOSED)
    await review_all(round, office)
    await step(round, RoundStatus.SCORING, office, SCORING)
    await step(round, RoundStatus.PUBLICITY, office, RESULTS)
    await step(round, RoundStatus.CONCLUDED, office, CONCLUDED)
    holder = await Agency.get(id=holder.id)
    assert [i.title for i in await catalog.list_category_items(cats.lightning)] == [
        "盐城市海澄气象防灾技术服务中心的防雷装置检测"
    ]

    # when it is suspended, reinstated, and removed; and reinstated after removal
    with pytest.raises(FormError) as no_reason:
        await management_service.manage_agency(
            holder, to=AgencyStatus.SUSPENDED, reason=" ", actor=office, now=at(6, 1)
        )
    await management_service.manage_agency(
        holder, to=AgencyStatus.SUSPENDED, reason="逾期出具报告三次。", actor=office, now=at(6, 1)
    )
    suspended_items = await catalog.list_category_items(cats.lightning)
    await management_service.manage_agency(
        holder, to=AgencyStatus.ADMITTED, reason="已完成整改。", actor=office, now=at(7, 1)
    )
    reinstated_items = await catalog.list_category_items(cats.lightning)
    await management_service.manage_agency(
        holder, to=AgencyStatus.EXITED, reason="出借资质，予以清退。", actor=office, now=at(8, 1)
    )
    with pytest.raises(FormError) as after_removal:
        await management_service.manage_agency(
            holder, to=AgencyStatus.ADMITTED, reason="申请恢复", actor=office, now=at(9, 1)
        )

    # then the storefront follows, the removed agency's items are withdrawn
    assert _errors(no_reason) == {"reason": "This field is required."}
    assert suspended_items == []
    assert len(reinstated_items) == 1
    assert _errors(after_removal) == {"": "This agency cannot be moved to that status."}
    assert (await Agency.get(id=holder.id)).status is AgencyStatus.EXITED
    assert await ServiceItem.filter(agency=holder).values_list("status", flat=True) == [
        ServiceStatus.WITHDRAWN
    ]
    # and each step is a public line of the round that admitted it, with its reason
    lines = await AdmissionEvent.filter(agency=holder, kind__startswith="agency_").order_by("id")
    assert [(e.kind, e.public, e.round_id, e.reason) for e in lines] == [
        ("agency_admitted", True, round.id, ""),
        ("agency_suspended", True, round.id, "逾期出具报告三次。"),
        ("agency_reinstated", True, round.id, "已完成整改。"),
        ("agency_removed", True, round.id, "出借资质，予以清退。"),
    ]


async def test_letters_are_numbered_and_kept_as_issued(db: str) -> None:
    # given an announced round
    cats = await make_categories()
    office = await make_office()
    round = await round_service.create_round(
        details=round_input([cats.lightning, cats.seismic]), actor=office, now=CREATED
    )
    await step(round, RoundStatus.ANNOUNCED, office, ANNOUNCED)

    # when the office designates the holder and invites an external agency (and a local one)
    holder_letter = await letter_service.designate_holder(
        round,
        category=cats.lightning,
        name=HOLDER.name,
        credit_code=HOLDER.credit_code,
        city=CITY,
        address=HOLDER.address,
        issuer_city=CITY,
        actor=office,
        now=LETTERS,
    )
    recruit_letter = await letter_service.invite_agency(
        round,
        category=cats.seismic,
        name="南京坤衡地震工程技术有限公司",
        credit_code=credit_code("9132011565509915"),
        city="南京市",
        address="南京市江宁区1号",
        issuer_city=CITY,
        actor=office,
        now=LETTERS,
    )
    with pytest.raises(FormError) as local:
        await letter_service.invite_agency(
            round,
            category=cats.seismic,
            name="盐城本地公司",
            credit_code=credit_code("91320902MA1BD001"),
            city=CITY,
            address="盐城市1号",
            issuer_city=CITY,
            actor=office,
            now=LETTERS,
        )

    # then the letters carry consecutive numbers and their text, in Chinese
    assert (holder_letter.letter_no, recruit_letter.letter_no) == (
        "中介超市函〔2026〕1号",
        "中介超市函〔2026〕2号",
    )
    assert holder_letter.body.startswith(
        "盐城市海澄气象防灾技术服务中心：\n\n根据《2026年第二批中介服务机构入驻遴选》公告，"
        "防雷装置检测属于垄断性中介服务"
    )
    assert holder_letter.body.endswith("盐城市政务服务管理办公室\n2026年4月2日")
    assert "面向市外引进" in recruit_letter.body
    assert _errors(local) == {
        "city": "Invitations to this category go to agencies outside %(city)s."
    }
    entry = await RoundCategory.get(round=round, category=cats.lightning)
    assert (entry.holder_name, entry.holder_credit_code) == (HOLDER.name, HOLDER.credit_code)


async def test_with_five_reviewers_the_highest_and_lowest_totals_are_dropped(
    db: str, tmp_path: Path
) -> None:
    # given one EIA application scored by five reviewers
    cats = await make_categories()
    office = await make_office()
    reviewers = await make_reviewers(5)
    round = await opened_round(cats, office, reviewers)
    agency = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    application = await apply(round, agency, cats.eia, office, tmp_path, now=at(4, 8))
    await step(round, RoundStatus.UNDER_REVIEW, office, CLOSED)
    await review_all(round, office)
    await step(round, RoundStatus.SCORING, office, SCORING)
    application = await Application.get(id=application.id)
    for reviewer, total in zip(reviewers, (99, 80, 40, 82, 84), strict=True):
        await scoring_service.declare_conflicts(
            round, reviewer=reviewer, conflicting=[], statement="", now=SCORING
        )
        await scoring_service.submit_scores(
            application, reviewer=reviewer, points=await sheet(round, 19, total), now=SCORING
        )

    # when the results are published
    await step(round, RoundStatus.PUBLICITY, office, RESULTS)

    # then 99 and 40 are dropped: (80 + 82 + 84) / 3
    application = await Application.get(id=application.id)
    assert (application.final_score, application.tie_score, application.status) == (
        Decimal("82.00"),
        Decimal("19.00"),
        ApplicationStatus.ADMITTED,
    )


async def test_the_publicity_period_follows_the_holidays_the_office_enters(
    db: str, tmp_path: Path
) -> None:
    # given a scored round ready for publicity, and the office's calendar declaring Monday
    # 27 April 2026 a day off (a working day under the packaged calendar)
    cats = await make_categories()
    office = await make_office()
    r1, r2 = await make_reviewers(2)
    round = await opened_round(cats, office, [r1, r2])
    good = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    a_good = await apply(round, good, cats.eia, office, tmp_path, now=at(4, 8))
    await step(round, RoundStatus.UNDER_REVIEW, office, CLOSED)
    await review_all(round, office)
    await step(round, RoundStatus.SCORING, office, SCORING)
    for reviewer in (r1, r2):
        await scoring_service.declare_conflicts(
            round, reviewer=reviewer, conflicting=[], statement="", now=SCORING
        )
        await scoring_service.submit_scores(
            await Application.get(id=a_good.id),
            reviewer=reviewer,
            points=await sheet(round, 10, 80),
            now=SCORING,
        )
    await Holiday.create(day=dt.date(2026, 4, 27), is_workday=False, name="地方假日")

    # when the results are published on Friday 24 April for five working days
    await step(round, RoundStatus.PUBLICITY, office, RESULTS)

    # then the period ends one working day later than the packaged calendar says
    round = await AdmissionRound.get(id=round.id)
    assert dt.date(2026, 5, 6) == PUBLICITY_ENDS_ON
    assert round.publicity_ends_on == dt.date(2026, 5, 7)
    event = await AdmissionEvent.get(round=round, kind="results_published")
    assert event.detail == {"publicity_ends_on": "2026-05-07", "calendar_covered": True}
    # and a year the office has confirmed counts as covered: no provisional-date warning
    assert await round_service.calendar_note(dt.date(2027, 1, 4)) is not None
    await HolidayYear.create(year=2027)
    assert await round_service.calendar_note(dt.date(2027, 1, 4)) is None
