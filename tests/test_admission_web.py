"""Admission pages driven as a browser would: forms with CSRF tokens and files, cookies,
redirects; the public notices, feed and API on the demo catalogue's round."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Role, User
from marketplace.admission.models import (
    AdmissionEvent,
    AdmissionRound,
    Application,
    ApplicationStatus,
    Invitation,
    Objection,
    RoundStatus,
)
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import letters as letter_service
from marketplace.admission.services import rounds as round_service
from marketplace.admission.services import scoring as scoring_service
from marketplace.app import create_app
from marketplace.catalog.demo import demo_certificate_pdf
from marketplace.catalog.models import Agency, AgencyStatus
from marketplace.core import clock
from tests.accounts_helpers import PASSWORD, csrf_token, make_user, post_form
from tests.admission_helpers import (
    CITY,
    CST,
    HOLDER,
    MISSING_HOLDER,
    Categories,
    make_categories,
    make_office,
    make_reviewers,
    materials,
    register,
    sheet,
)
from tests.conftest import make_settings
from tests.factories import credit_code
from tests.test_catalog_views import _text


@pytest.fixture
async def web(db: str, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """The application on the clean database, keeping uploads under ``tmp_path``."""
    settings = dataclasses.replace(make_settings(db), media_dir=tmp_path)
    app = create_app(settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


def _browser(client: httpx.AsyncClient) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=client._transport, base_url="http://testserver")


async def _as(client: httpx.AsyncClient, user: User) -> httpx.AsyncClient:
    browser = _browser(client)
    browser.cookies.set("mp_session", await accounts.start_session(user))
    return browser


async def _open_round_today(
    cats: Categories, office: User, reviewers: list[User]
) -> AdmissionRound:
    """A round whose window opened today and stays open ten days (by the real clock)."""
    today = clock.today()
    round = await round_service.create_round(
        details=round_service.RoundInput(
            title="2026年第二批中介服务机构入驻遴选",
            notice="现开展第二批入驻遴选。",
            conditions="具备相应资质。",
            materials="资质证书扫描件。",
            opens_on=today,
            closes_on=today + dt.timedelta(days=10),
            publicity_days=5,
            min_score=60,
            category_ids=[cats.eia.id, cats.lightning.id, cats.property.id, cats.seismic.id],
            places={cats.seismic.id: 1},
        ),
        actor=office,
    )
    await round_service.set_reviewers(round, reviewers=reviewers, actor=office)
    await round_service.transition_round(round, to=RoundStatus.ANNOUNCED, actor=office)
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
        )
    await round_service.transition_round(round, to=RoundStatus.APPLICATIONS_OPEN, actor=office)
    return round


def _application_form(category_id: int, **overrides: str) -> dict[str, str]:
    return {
        "name": "盐城青禾环境科技咨询有限公司",
        "credit_code": credit_code("9132090255783086"),
        "legal_representative": "陈立衡",
        "city": CITY,
        "address": "盐城市亭湖区青年东路36号",
        "phone": "0515-88326618",
        "staff_count": "46",
        "contact_name": "陈立衡",
        "email": "chen@example.com",
        "password": PASSWORD,
        "category": str(category_id),
        "key_staff": "陈立衡 高级工程师",
        "past_performance": "2025年 某化工项目环评报告书",
        "qual-0-name": "环境影响评价信用平台编制单位登记",
        "qual-0-grade": "",
        "qual-0-certificate_no": "HPDW-320902-2019-0037",
        "qual-0-issuer": "生态环境部",
        "qual-0-expires_on": "2029-06-30",
        "item-0-title": "建设项目环境影响报告表编制",
        "item-0-scope": "一般工业项目",
        "item-0-content": "工程分析、影响分析、措施论证",
        "item-0-legal_basis": "《中华人民共和国环境影响评价法》第十六条",
        "item-0-fee_basis": "市场调节价",
        "item-0-fee_type": "fixed",
        "item-0-amount": "25,000",
        "item-0-per": "每份报告表",
        "item-0-discount": "15",
        "item-0-time_limit_days": "15",
        "item-0-commitments": "资料齐全后15个工作日内提交",
        **overrides,
    }


async def _post_application(
    client: httpx.AsyncClient, url: str, data: dict[str, str], pdf: bytes
) -> httpx.Response:
    token = await csrf_token(client, url)
    # the token leads the multipart body: asgi-csrf reads it before any file
    return await client.post(
        url,
        data={"csrftoken": token, **data},
        files={"qual-0-certificate": ("certificate.pdf", pdf, "application/pdf")},
    )


async def test_a_new_agency_applies_with_a_certificate_and_is_signed_in(
    web: httpx.AsyncClient, tmp_path: Path
) -> None:
    # given a round open today
    cats = await make_categories()
    office = await make_office()
    round = await _open_round_today(cats, office, [])
    pdf = demo_certificate_pdf("HPDW-320902-2019-0037")

    # when a new agency fills in the form, with its certificate
    page = await web.get(f"/admission/rounds/{round.id}/apply")
    response = await _post_application(
        web, f"/admission/rounds/{round.id}/apply", _application_form(cats.eia.id), pdf
    )

    # then its agency, account and application exist, and it is signed in to follow it
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text
    assert response.status_code == 303, _text(response.text)
    application = await Application.get().select_related("agency")
    assert response.headers["location"] == (
        f"/admission/applications/{application.id}?done=submitted"
    )
    assert response.headers["set-cookie"].startswith("mp_session=")
    followed = await web.get(response.headers["location"])
    text = _text(followed.text)
    assert "申报已收到。申报截止前可以修改。" in text
    assert "环境影响评价入驻申报" in text
    assert (application.agency.status, application.agency.is_local) == (
        AgencyStatus.APPLICANT,
        True,
    )
    items = await application.items.all()
    assert [(i.title, i.fee_standard) for i in items] == [
        (
            "建设项目环境影响报告表编制",
            {
                "type": "fixed",
                "amount_fen": 2_500_000,
                "per": "每份报告表",
                "discount_max_pct": "15",
            },
        )
    ]
    user = await User.get(email="chen@example.com")
    assert user.agency_id == application.agency_id

    # and the certificate is served to the agency, administrators and the round's
    # reviewers only
    (qualification,) = await application.qualifications.all()
    url = f"/admission/certificates/{qualification.id}"
    mine = await web.get(url)
    assert (mine.status_code, mine.headers["content-type"], mine.content) == (
        200,
        "application/pdf",
        pdf,
    )
    other_agency = await register("盐城其他咨询有限公司", "91320902MA1QT009")
    stranger = await make_user("other@example.com", Role.AGENCY, agency=other_agency)
    outsider = await make_user("outsider@example.com", Role.REVIEWER)
    assert (await (await _as(web, stranger)).get(url)).status_code == 404
    assert (await (await _as(web, outsider)).get(url)).status_code == 404
    assert (await (await _as(web, office)).get(url)).status_code == 200
    assert (await _browser(web).get(url)).status_code == 303  # to sign in


async def test_a_refused_application_keeps_what_was_typed_and_changes_nothing(
    web: httpx.AsyncClient, tmp_path: Path
) -> None:
    # given a round open today
    cats = await make_categories()
    office = await make_office()
    round = await _open_round_today(cats, office, [])
    users_before = await User.all().count()
    code = credit_code("9132090255783086")
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")

    # when the credit code is mistyped, the fee has no amount and the "PDF" is a picture
    response = await _post_application(
        web,
        f"/admission/rounds/{round.id}/apply",
        _application_form(cats.eia.id, credit_code=wrong, **{"item-0-amount": ""}),
        b"\x89PNG\r\n\x1a\n not a pdf",
    )

    # then the form comes back with the reasons beside the fields and the typed values
    assert response.status_code == 422
    text = _text(response.text)
    assert "校验码（最后一位）不符，请检查代码是否输错。" in text
    assert "该文件不是 PDF 文件，请以 PDF 文件上传资质证书。" in text
    assert "表单未通过校验时不保留已选文件，请重新上传证书。" in text
    assert f'value="{wrong}"' in response.text
    assert 'value="HPDW-320902-2019-0037"' in response.text
    assert "工程分析、影响分析、措施论证</textarea>" in response.text
    assert PASSWORD not in response.text
    # and nothing was stored
    assert await Agency.all().count() == 0
    assert await User.all().count() == users_before
    assert not (tmp_path / "certificates").exists()


async def test_an_agency_changes_its_application_until_the_window_closes(
    web: httpx.AsyncClient, tmp_path: Path
) -> None:
    # given an agency that applied, signed in as its staff
    cats = await make_categories()
    office = await make_office()
    round = await _open_round_today(cats, office, [])
    agency = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    staff = await make_user("staff@example.com", Role.AGENCY, agency=agency)
    application = await application_service.submit_application(
        round,
        category=cats.eia,
        agency=agency,
        application=materials("报告书编制", "CERT-1"),
        actor=staff,
        media_dir=tmp_path,
    )
    browser = await _as(web, staff)
    url = f"/admission/applications/{application.id}"

    # when it opens its application and saves a new title, keeping its certificate file
    page = await browser.get(url)
    (kept,) = await application.qualifications.all()
    form = {
        "name": agency.name,
        "legal_representative": "张三",
        "city": CITY,
        "address": "盐城市某区某路1号",
        "phone": "0515-88000000",
        "staff_count": "20",
        "key_staff": "张三 高级工程师",
        "past_performance": "2025年 某项目",
        "qual-0-name": "资质证书",
        "qual-0-grade": "乙",
        "qual-0-certificate_no": "CERT-1",
        "qual-0-issuer": "江苏省某厅",
        "qual-0-expires_on": "2028-12-31",
        "qual-0-keep": str(kept.id),
        "item-0-title": "改过的报告书编制",
        "item-0-scope": "范围",
        "item-0-content": "内容",
        "item-0-legal_basis": "依据",
        "item-0-fee_basis": "市场调节价",
        "item-0-fee_type": "tiered",
        "item-0-base_unit": "wan_yuan",
        "item-0-base_label": "项目估算总投资",
        "item-0-bands": "3000 0.2\n- 0.05",
        "item-0-floor": "50000",
        "item-0-time_limit_days": "40",
    }
    saved = await post_form(browser, url, form, page=url)
    # and withdraws it
    withdrawn = await post_form(browser, f"{url}/withdraw", {}, page=url)

    # then the change and the withdrawal are recorded, the certificate file kept
    assert page.status_code == 200
    assert 'value="改过的报告书编制"' not in page.text and 'value="报告书编制"' in page.text
    assert (saved.status_code, saved.headers["location"]) == (303, f"{url}?done=updated")
    assert (withdrawn.status_code, withdrawn.headers["location"]) == (
        303,
        f"{url}?done=withdrawn",
    )
    application = await Application.get(id=application.id).prefetch_related(
        "items", "qualifications"
    )
    assert application.status is ApplicationStatus.WITHDRAWN
    # withdrawn twice (a second tab): the application's page says why, nothing changes
    twice = await post_form(browser, f"{url}/withdraw", {}, page=url)
    assert twice.status_code == 422 and "该申报已不能修改。" in twice.text
    assert (await Application.get(id=application.id)).status is ApplicationStatus.WITHDRAWN
    assert [(i.title, i.fee_standard) for i in application.items] == [
        (
            "改过的报告书编制",
            {
                "type": "tiered",
                "base_unit": "wan_yuan",
                "base_label": "项目估算总投资",
                "bands": [{"up_to": "3000", "rate": "0.2"}, {"up_to": None, "rate": "0.05"}],
                "floor_fen": 5_000_000,
            },
        )
    ]
    assert [q.certificate_sha256 for q in application.qualifications] == [kept.certificate_sha256]
    assert await AdmissionEvent.filter(application=application).values_list("kind", flat=True) == [
        "application_submitted",
        "application_updated",
        "application_withdrawn",
    ]
    # and another agency's staff cannot see it
    other = await register("盐城其他咨询有限公司", "91320902MA1QT009")
    intruder = await _as(web, await make_user("x@example.com", Role.AGENCY, agency=other))
    assert (await intruder.get(url)).status_code == 404


async def test_the_office_reviewers_and_the_public_take_a_round_through_the_pages(
    web: httpx.AsyncClient, tmp_path: Path
) -> None:
    # given an open round with two EIA applications and two reviewers
    cats = await make_categories()
    office = await make_office()
    r1, r2 = await make_reviewers(2)
    round = await _open_round_today(cats, office, [r1, r2])
    qinghe = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    hechuan = await register("盐城禾川环境工程有限公司", "91320903MA1HC001")
    for agency in (qinghe, hechuan):
        await application_service.submit_application(
            round,
            category=cats.eia,
            agency=agency,
            application=materials(f"{agency.name}的报告书编制", f"CERT-{agency.id}"),
            actor=office,
            media_dir=tmp_path,
        )
    a_qinghe, a_hechuan = await Application.filter(round=round).order_by("id")
    admin = await _as(web, office)
    overview = f"/backoffice/admission/rounds/{round.id}"

    # when the office tries to close the window early, it is refused with the reason
    early = await post_form(admin, f"{overview}/transition", {"to": "under_review"}, page=overview)
    assert early.status_code == 422
    assert "不能提前截止" in _text(early.text)
    # (ten days pass: the window's last day is over)
    after_window = dt.datetime.now(dt.UTC) + dt.timedelta(days=11)
    await round_service.transition_round(
        round, to=RoundStatus.UNDER_REVIEW, actor=office, now=after_window
    )

    # and the office reviews both in the back office and starts scoring
    for application in (a_qinghe, a_hechuan):
        url = f"/backoffice/admission/applications/{application.id}"
        reviewed = await post_form(admin, url, {"decision": "pass", "reason": ""}, page=url)
        assert reviewed.status_code == 303
    moved = await post_form(admin, f"{overview}/transition", {"to": "scoring"}, page=overview)
    assert moved.status_code == 303

    # and each reviewer declares and scores on the reviewer pages
    for reviewer, totals in ((r1, (90, 80)), (r2, (86, 84))):
        browser = await _as(web, reviewer)
        queue = f"/review/rounds/{round.id}"
        declared = await post_form(browser, f"{queue}/declaration", {"statement": ""}, page=queue)
        assert declared.headers["location"] == f"{queue}?done=declared"
        for application, total in zip((a_qinghe, a_hechuan), totals, strict=True):
            sheet_url = f"/review/applications/{application.id}"
            points = await sheet(round, 15, total)
            scored = await post_form(
                browser,
                sheet_url,
                {f"criterion-{k}": str(v) for k, v in points.items()},
                page=sheet_url,
            )
            assert scored.status_code == 303, _text(scored.text)
    # a score outside a criterion's points is refused beside it
    late = await make_user("r3@example.com", Role.REVIEWER)
    await round_service.set_reviewers(round, reviewers=[r1, r2, late], actor=office)
    late_browser = await _as(web, late)
    declared = await post_form(  # "²" passes str.isdigit() and names no applicant
        late_browser,
        f"/review/rounds/{round.id}/declaration",
        {"statement": "", "conflicts": "²"},
        page=f"/review/rounds/{round.id}",
    )
    assert declared.headers["location"] == f"/review/rounds/{round.id}?done=declared"
    sheet_url = f"/review/applications/{a_qinghe.id}"
    points = await sheet(round, 15, 80)
    first = next(iter(points))
    refused = await post_form(
        late_browser,
        sheet_url,
        {**{f"criterion-{k}": str(v) for k, v in points.items()}, f"criterion-{first}": "25"},
        page=sheet_url,
    )
    assert refused.status_code == 422
    assert "请输入 0 到 20 之间的整数。" in _text(refused.text)

    # when the office publishes the results (the late reviewer still has to score)
    blocked = await post_form(admin, f"{overview}/transition", {"to": "publicity"}, page=overview)
    assert blocked.status_code == 422
    for application, total in ((a_qinghe, 80), (a_hechuan, 80)):
        await scoring_service.submit_scores(
            await Application.get(id=application.id),
            reviewer=late,
            points=await sheet(round, 15, total),
        )
    published = await post_form(admin, f"{overview}/transition", {"to": "publicity"}, page=overview)
    assert published.status_code == 303

    # then the public page shows the ranked results; anyone may object
    public = f"/admission/rounds/{round.id}"
    results = _text((await web.get(public)).text)
    assert "遴选结果公示" in results
    assert "1 盐城青禾环境科技咨询有限公司 本地机构 85.33 入选" in results
    assert "2 盐城禾川环境工程有限公司 本地机构 81.33 入选" in results
    objected = await post_form(
        _browser(web),
        f"{public}/objections",
        {
            "application": str(a_hechuan.id),
            "objector_name": "王五",
            "contact": "13900000000",
            "text": "禾川公司近三年业绩中有项目并非其承担。",
        },
        page=public,
    )
    # the objector gets a receipt number to follow the objection by
    lodged = await Objection.get()
    assert lodged.receipt_no == f"YY{lodged.lodged_at.astimezone(CST).year}{lodged.id:05d}"
    tracking = f"/admission/objections?receipt={lodged.receipt_no}"
    assert objected.headers["location"] == f"{tracking}&done=objection_lodged"
    receipt_page = _text((await web.get(objected.headers["location"])).text)
    assert f"回执编号 {lodged.receipt_no}" in receipt_page
    assert "状态 待处理" in receipt_page
    unknown = await web.get("/admission/objections?receipt=YY000000000")
    assert unknown.status_code == 404
    assert "没有回执编号为 YY000000000 的异议。" in _text(unknown.text)
    too_short = await post_form(
        _browser(web),
        f"{public}/objections",
        {"application": "²", "objector_name": "赵六", "contact": "x", "text": "不服"},
        page=public,
    )
    assert too_short.status_code == 422
    assert "请说明异议事项和理由，至少 10 个字。" in _text(too_short.text)

    # when the office upholds it
    objection = await Objection.get()
    decided = await post_form(
        admin,
        overview,
        {
            "do": "objection",
            "row": str(objection.id),
            "decision": "uphold",
            "reason": "经核实，业绩不实。",
        },
        page=overview,
    )

    # then the result changed, publicly, with the reason
    assert decided.status_code == 303
    public_text = _text((await web.get(public)).text)
    assert "异议成立 经核实，业绩不实。" in public_text
    assert "盐城禾川环境工程有限公司 本地机构 81.33 取消资格 经核实，业绩不实。" in public_text
    assert "结果变更 · 环境影响评价 · 盐城禾川环境工程有限公司 · 入选 → 取消资格" in public_text
    # and internal lines stay internal
    assert "提交评分表" not in public_text
    assert "提交评分表" in _text((await admin.get(overview)).text)


async def test_the_office_creates_a_round_and_issues_a_printable_letter(
    web: httpx.AsyncClient,
) -> None:
    # given the categories and an administrator
    cats = await make_categories()
    office = await make_office()
    admin = await _as(web, office)

    # when the office creates a round, with a bad date first
    form = {
        "title": "2027年度中介服务机构入驻遴选",
        "notice": "现开展入驻遴选。",
        "conditions": "具备相应资质。",
        "materials": "资质证书扫描件。",
        "opens_on": "2027-01-11",
        "closes_on": "2027-02-30",
        "publicity_days": "5",
        "min_score": "60",
        "categories": [str(cats.lightning.id), str(cats.seismic.id)],
        f"places-{cats.seismic.id}": "2",
    }
    bad = await post_form(admin, "/backoffice/admission/new", form, page="/backoffice/admission")
    created = await post_form(
        admin,
        "/backoffice/admission/new",
        {**form, "closes_on": "2027-02-26"},
        page="/backoffice/admission",
    )
    round = await AdmissionRound.get()
    overview = f"/backoffice/admission/rounds/{round.id}"
    # and changes the criteria so they no longer add up, then so they do
    criteria = {
        "criterion-0-name": "资质",
        "criterion-0-weight": "60",
        "criterion-1-name": "业绩",
        "criterion-1-weight": "30",
    }
    # (the page's forms post to the page's own address, naming themselves in ``do``)
    wrong_total = await post_form(admin, overview, {**criteria, "do": "criteria"}, page=overview)
    right_total = await post_form(
        admin, f"{overview}/criteria", {**criteria, "criterion-1-weight": "40"}, page=overview
    )
    # and announces it and designates the lightning holder
    announced = await post_form(
        admin, overview, {"do": "transition", "to": "announced"}, page=overview
    )
    letter = await post_form(
        admin,
        f"{overview}/letters",
        {
            "category": str(cats.lightning.id),
            "name": HOLDER.name,
            "credit_code": HOLDER.credit_code,
            "city": CITY,
            "address": HOLDER.address,
        },
        page=overview,
    )

    # then each step answered as it should
    assert bad.status_code == 422
    assert "请按“年-月-日”格式输入日期，如 2026-04-07。" in _text(bad.text)
    assert 'value="2027年度中介服务机构入驻遴选"' in bad.text
    assert created.headers["location"] == f"{overview}?done=created"
    assert wrong_total.status_code == 422
    assert "分值合计为 90 分，应为 100 分。" in _text(wrong_total.text)
    assert 'name="do" value="criteria"' in wrong_total.text and 'value="30"' in wrong_total.text
    assert right_total.status_code == 303
    assert announced.status_code == 303
    assert letter.headers["location"] == f"{overview}?done=letter_issued#letters"
    round = await AdmissionRound.get(id=round.id)
    assert round.status is RoundStatus.ANNOUNCED
    assert [(c.name, c.weight) for c in await round_service.round_criteria(round)] == [
        ("资质", 60),
        ("业绩", 40),
    ]
    # and the letter prints on its own, with the office's name under it
    letter_id = (await Invitation.get()).id
    printed = await admin.get(f"/backoffice/admission/letters/{letter_id}")
    text = _text(printed.text)
    assert "关于申报入驻中介服务超市的函" in text
    assert "防雷装置检测属于垄断性中介服务，贵单位为本市该项服务的指定机构" in text
    assert "请于2027年1月11日至2027年2月26日期间" in text
    assert "盐城市政务服务管理办公室" in text
    # and the public notice names the holder and addresses the absent category outside
    public = _text((await web.get(f"/admission/rounds/{round.id}")).text)
    assert "指定机构：盐城市海澄气象防灾技术服务中心（已发函）" in public
    assert "致市外中介机构" in public
    assert "地震安全性评价 — 名额 2 个" in public


async def test_dynamic_management_is_done_in_the_back_office_and_shown_publicly(
    web: httpx.AsyncClient,
) -> None:
    # given an admitted agency
    office = await make_office()
    agency = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    await Agency.filter(id=agency.id).update(status=AgencyStatus.ADMITTED)
    admin = await _as(web, office)
    page = "/backoffice/admission/agencies"

    # when the office suspends it without a reason, then with one
    row = {"do": "manage", "row": str(agency.id)}
    no_reason = await post_form(admin, page, {**row, "to": "suspended", "reason": ""}, page=page)
    suspended = await post_form(
        admin,
        page,
        {**row, "to": "suspended", "reason": "出具虚假报告，暂停服务六个月。"},
        page=page,
    )

    # then the refusal says why, and the suspension is public with its reason
    assert no_reason.status_code == 422
    assert "此项为必填项。" in _text(no_reason.text)
    assert suspended.headers["location"] == f"{page}?done=agency_changed#agency-{agency.id}"
    assert (await Agency.get(id=agency.id)).status is AgencyStatus.SUSPENDED
    notices = _text((await web.get("/admission")).text)
    assert "暂停服务 · 盐城青禾环境科技咨询有限公司 理由：出具虚假报告，暂停服务六个月。" in notices


async def test_the_demo_round_is_public_with_its_results_and_record(
    demo_client: httpx.AsyncClient,
) -> None:
    round = await AdmissionRound.get()

    page = await demo_client.get(f"/admission/rounds/{round.id}")

    text = _text(page.text)
    assert page.status_code == 200
    assert "2026年度首批中介服务机构入驻遴选 已结束" in text
    assert "公示期 2026-03-06 至 2026-03-13：结果发布后 5 个工作日" in text
    assert "指定机构：盐城市卫岚特种设备监督检验中心（已发函）；资格审查通过即入驻。" in text
    assert "致市外中介机构" in text
    assert text.count("入选") >= 40
    # the public record: announcement to conclusion, and no internal line
    assert "发布遴选公告" in text and "遴选结果公示" in text and "遴选结束 · 入驻 40 家" in text
    assert "提交评分表" not in text and "资格审查通过 ·" not in text


async def test_the_feed_and_the_api_publish_the_demo_round(demo_client: httpx.AsyncClient) -> None:
    round = await AdmissionRound.get()

    feed = await demo_client.get("/admission/feed.xml")
    listing = (await demo_client.get("/api/v1/rounds")).json()
    detail = (await demo_client.get(f"/api/v1/rounds/{round.id}")).json()
    missing = await demo_client.get("/api/v1/rounds/999")

    assert feed.headers["content-type"] == "application/atom+xml; charset=utf-8"
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.fromstring(feed.content).findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == [
        "2026年度首批中介服务机构入驻遴选：遴选结束",
        "2026年度首批中介服务机构入驻遴选：遴选结果公示",
        "2026年度首批中介服务机构入驻遴选：发布遴选公告",
    ]
    assert listing == {
        "rounds": [
            {
                "id": round.id,
                "title": "2026年度首批中介服务机构入驻遴选",
                "status": "concluded",
                "opens_on": "2026-01-12",
                "closes_on": "2026-02-06",
                "publicity_days": 5,
                "publicity_starts_on": "2026-03-06",
                "publicity_ends_on": "2026-03-13",
                "announced_at": "2026-01-06T09:00:00+08:00",
                "concluded_at": "2026-03-16T09:00:00+08:00",
            }
        ]
    }
    categories = {c["code"]: c for c in detail["categories"]}
    assert len(categories) == 20
    assert {
        k: categories["SPECIAL"][k] for k in ("market_type", "places", "designated_holder")
    } == {
        "market_type": "monopoly",
        "places": 1,
        "designated_holder": "盐城市卫岚特种设备监督检验中心",
    }
    eia = categories["EIA"]
    assert (eia["places"], eia["merit_scored"]) == (5, True)
    assert [(r["agency"]["name"], r["status"], r["rank"]) for r in eia["results"]] == [
        (r["agency"]["name"], "admitted", n) for n, r in enumerate(eia["results"], start=1)
    ]
    assert len(eia["results"]) == 3
    assert all(r["final_score"] is not None for r in eia["results"])
    assert [c["weight"] for c in detail["criteria"]] == [20, 20, 20, 15, 15, 10]
    # the one monopoly's holder is designated before the window opens
    assert [e["kind"] for e in detail["events"]][:3] == [
        "announced",
        "holder_designated",
        "window_opened",
    ]
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


async def test_forms_with_files_carry_their_csrf_token_first(web: httpx.AsyncClient) -> None:
    # given a round open today and a browser holding a CSRF cookie
    cats = await make_categories()
    office = await make_office()
    round = await _open_round_today(cats, office, [])
    url = f"/admission/rounds/{round.id}/apply"
    token = await csrf_token(web, url)
    pdf = ("certificate.pdf", demo_certificate_pdf("C-1"), "application/pdf")

    # when a multipart form comes without its token, with a wrong one, or with a file first
    missing = await web.post(url, data={"name": "x"}, files={"qual-0-certificate": pdf})
    wrong = await web.post(
        url, data={"csrftoken": token + "x", "name": "x"}, files={"qual-0-certificate": pdf}
    )
    file_first = await web.post(
        url,
        files=[
            ("qual-0-certificate", pdf),
            ("csrftoken", (None, token.encode())),  # type: ignore[list-item]
        ],
    )
    # and one carries it first
    right = await web.post(
        url, data={"csrftoken": token, "name": "x"}, files={"qual-0-certificate": pdf}
    )

    # then only the last reaches the application (and is refused there, for its content)
    assert [r.status_code for r in (missing, wrong, file_first)] == [403, 403, 403]
    assert right.status_code == 422
    assert await Agency.all().count() == 0
