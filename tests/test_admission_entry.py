"""Entry without a round (issue 16): per category, entry by round or continuous entry (a
formal check within the category's working days, no quota, live on approval); the office
sets each category's market type, quota and entry mode; a round may offer fewer places
than the quota, never more."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import replace
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
    RoundCategory,
    RoundStatus,
)
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import entry as entry_service
from marketplace.admission.services import rounds as round_service
from marketplace.app import create_app
from marketplace.catalog.models import (
    AdmissionRoute,
    Agency,
    AgencyStatus,
    Category,
    EntryMode,
    MarketType,
    ServiceItem,
    ServiceStatus,
)
from marketplace.core import clock
from marketplace.core.calendar import Holiday
from marketplace.forms import FormError
from tests.accounts_helpers import make_user, post_form
from tests.admission_helpers import (
    CREATED,
    at,
    make_categories,
    make_office,
    materials,
    opened_round,
    register,
    round_input,
)
from tests.conftest import make_settings
from tests.test_catalog_views import _text

# Monday 8 June 2026: an ordinary week (Dragon Boat Festival is Friday 19 June)
APPLIED = at(6, 8, 10)


def _errors(exc: pytest.ExceptionInfo[FormError]) -> dict[str, str]:
    return {k: m.id % m.params if m.params else m.id for k, m in exc.value.errors.items()}


async def _continuous(category: Category, office, *, check_days: int = 5) -> AdmissionRound:
    await entry_service.set_entry_settings(
        category,
        market_type=category.market_type,
        quota=category.quota,
        entry_mode=EntryMode.CONTINUOUS,
        check_days=check_days,
        actor=office,
        now=at(6, 1),
    )
    standing = await entry_service.standing_round()
    assert standing is not None
    return standing


async def test_the_office_sets_market_type_quota_and_entry_mode(db: str) -> None:
    # given a competitive category with a quota of two
    cats = await make_categories()
    office = await make_office()
    reviewer = await make_user("reviewer@example.com", Role.REVIEWER, name="评审")

    # when someone who is not the office tries, or the office sends impossible values
    with pytest.raises(FormError) as refused:
        await entry_service.set_entry_settings(
            cats.eia,
            market_type=MarketType.COMPETITIVE,
            quota=3,
            entry_mode=EntryMode.ROUND,
            check_days=5,
            actor=reviewer,
        )
    assert _errors(refused) == {"": "Your role does not allow this step."}
    with pytest.raises(FormError) as bad:
        await entry_service.set_entry_settings(
            cats.eia,
            market_type=MarketType.COMPETITIVE,
            quota=0,
            entry_mode=None,
            check_days=31,
            actor=office,
        )
    assert _errors(bad) == {
        "entry_mode": "Choose how agencies enter.",
        "quota": "Enter a whole number from 1 to 50.",
        "check_days": "Enter a whole number from 1 to 30.",
    }
    assert (await Category.get(id=cats.eia.id)).quota == 2

    # then a valid change is stored and recorded in the audit trail
    await entry_service.set_entry_settings(
        cats.eia,
        market_type=MarketType.COMPETITIVE,
        quota=3,
        entry_mode=EntryMode.ROUND,
        check_days=5,
        actor=office,
        now=at(6, 1),
    )
    stored = await Category.get(id=cats.eia.id)
    assert (stored.market_type, stored.quota, stored.entry_mode) == (
        MarketType.COMPETITIVE,
        3,
        EntryMode.ROUND,
    )
    # a category that is not competitive has no quota
    await entry_service.set_entry_settings(
        cats.seismic,
        market_type=MarketType.ABSENT,
        quota=7,
        entry_mode=EntryMode.ROUND,
        check_days=5,
        actor=office,
        now=at(6, 1),
    )
    assert (await Category.get(id=cats.seismic.id)).quota is None
    events = await AdmissionEvent.filter(kind="entry_settings_changed").order_by("id")
    assert [(e.category_id, e.public, e.detail) for e in events] == [
        (
            cats.eia.id,
            False,
            {"market_type": "competitive", "quota": 3, "entry_mode": "round", "check_days": 5},
        ),
        (
            cats.seismic.id,
            False,
            {"market_type": "absent", "quota": None, "entry_mode": "round", "check_days": 5},
        ),
    ]
    assert await entry_service.standing_round() is None


async def test_a_round_offers_at_most_the_quota_and_no_continuous_category(db: str) -> None:
    # given EIA with a quota of two, and seismic safety in continuous entry
    cats = await make_categories()
    office = await make_office()
    await _continuous(cats.seismic, office)

    # when a round offers EIA three places, and includes the continuous category
    details = round_input([cats.eia, cats.seismic])
    too_many = replace(details, places={**details.places, cats.eia.id: 3})
    with pytest.raises(FormError) as refused:
        await round_service.create_round(details=too_many, actor=office, now=CREATED)

    # then both are refused
    assert _errors(refused) == {
        "places-" + str(cats.eia.id): "Enter a whole number from 1 to 2.",
        "categories": "地震安全性评价 admits agencies continuously: it is in no round.",
    }

    # and a round may offer one place when the quota is two
    one = round_input([cats.eia])
    one = replace(one, places={cats.eia.id: 1})
    round = await round_service.create_round(details=one, actor=office, now=CREATED)
    entry = await RoundCategory.get(round=round, category=cats.eia)
    assert entry.places == 1
    # without a number, the round offers the quota
    round = await round_service.create_round(
        details=round_input([cats.eia]), actor=office, now=CREATED
    )
    assert (await RoundCategory.get(round=round, category=cats.eia)).places == 2


async def test_continuous_entry_checks_within_working_days_and_goes_live_on_approval(
    db: str, tmp_path: Path
) -> None:
    # given EIA in continuous entry with a check of 3 working days, and the office's
    # calendar taking Wednesday 10 June off
    cats = await make_categories()
    office = await make_office()
    standing = await _continuous(cats.eia, office, check_days=3)
    await Holiday.create(day=dt.date(2026, 6, 10), is_workday=False, name="地方假日")
    assert standing.status is RoundStatus.APPLICATIONS_OPEN
    assert standing.continuous is True
    assert (await RoundCategory.get(round=standing, category=cats.eia)).places == 0
    agency = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")

    # when the agency applies on Monday 8 June
    application = await application_service.submit_application(
        standing,
        category=cats.eia,
        agency=agency,
        application=materials("建设项目环境影响报告书编制", "EIA-1"),
        actor=office,
        media_dir=tmp_path,
        now=APPLIED,
    )

    # then the check is due on Friday 12 June (9, 11, 12: the 10th is off)
    assert application.check_due_on == dt.date(2026, 6, 12)
    assert await entry_service.pending_checks() == [application]

    # when the office refuses it at the formal check, with a reason
    with pytest.raises(FormError) as no_reason:
        await entry_service.check_application(
            application, passed=False, reason=" ", actor=office, now=at(6, 9)
        )
    assert _errors(no_reason) == {"reason": "This field is required."}
    await entry_service.check_application(
        application, passed=False, reason="资质证书扫描件不清晰", actor=office, now=at(6, 9)
    )
    refused = await Application.get(id=application.id)
    assert (refused.status, refused.review_reason) == (
        ApplicationStatus.FAILED,
        "资质证书扫描件不清晰",
    )
    assert await ServiceItem.filter(agency=agency).count() == 0

    # and the agency corrects it: submitted again, with a new due date
    await application_service.update_application(
        refused,
        company=None,
        data=materials("建设项目环境影响报告书编制", "EIA-1"),
        actor=office,
        local_city="盐城市",
        media_dir=tmp_path,
        now=at(6, 15),
    )
    again = await Application.get(id=application.id)
    assert (again.status, again.check_due_on) == (
        ApplicationStatus.SUBMITTED,
        dt.date(2026, 6, 18),
    )

    # when the office approves it
    await entry_service.check_application(
        again, passed=True, reason="", actor=office, now=at(6, 16)
    )

    # then the agency is admitted by continuous entry and its item is live at once
    approved = await Application.get(id=application.id)
    assert approved.status is ApplicationStatus.ADMITTED
    live = await Agency.get(id=agency.id)
    assert (live.status, live.admission_route, live.admitted_on) == (
        AgencyStatus.ADMITTED,
        AdmissionRoute.CONTINUOUS,
        dt.date(2026, 6, 16),
    )
    items = await ServiceItem.filter(agency=agency)
    assert [(i.title, i.status) for i in items] == [
        ("建设项目环境影响报告书编制", ServiceStatus.PUBLISHED)
    ]
    assert await entry_service.pending_checks() == []
    # a second check changes nothing
    with pytest.raises(FormError) as twice:
        await entry_service.check_application(
            approved, passed=False, reason="再审", actor=office, now=at(6, 17)
        )
    assert _errors(twice) == {"": "This application has been checked already."}
    # and an agency offering the category cannot apply for it again
    with pytest.raises(FormError) as offered:
        await application_service.submit_application(
            standing,
            category=cats.eia,
            agency=live,
            application=materials("另一事项", "EIA-2"),
            actor=office,
            media_dir=tmp_path,
            now=at(6, 18),
        )
    assert _errors(offered)["category"] == "Your agency offers this category already."
    # the standing call takes no steps
    assert [
        m.id for m in await round_service.transition_problems(standing, to=RoundStatus.UNDER_REVIEW)
    ] == ["The standing call of continuous entry takes no steps."]


async def test_entry_mode_changes_wait_for_rounds_and_pending_checks(
    db: str, tmp_path: Path
) -> None:
    # given EIA in a round in progress
    cats = await make_categories()
    office = await make_office()
    await opened_round(cats, office)
    with pytest.raises(FormError) as in_round:
        await entry_service.set_entry_settings(
            cats.eia,
            market_type=MarketType.COMPETITIVE,
            quota=2,
            entry_mode=EntryMode.CONTINUOUS,
            check_days=5,
            actor=office,
        )
    assert _errors(in_round) == {
        "entry_mode": "A round in progress covers this category: its market type and entry "
        "mode change when the round has concluded."
    }
    assert (await Category.get(id=cats.eia.id)).entry_mode is EntryMode.ROUND

    # and a category in continuous entry with an application waiting for the check
    category = await Category.create(
        code="ARCH",
        name="建筑设计",
        name_en="ARCH",
        market_type=MarketType.COMPETITIVE,
        quota=5,
        legal_basis="建筑法",
    )
    standing = await _continuous(category, office)
    agency = await register("盐城某设计院有限公司", "9132090255783087")
    await application_service.submit_application(
        standing,
        category=category,
        agency=agency,
        application=materials("方案设计", "ARCH-1"),
        actor=office,
        media_dir=tmp_path,
        now=APPLIED,
    )

    # when the office moves it back to rounds
    with pytest.raises(FormError) as pending:
        await entry_service.set_entry_settings(
            category,
            market_type=MarketType.COMPETITIVE,
            quota=5,
            entry_mode=EntryMode.ROUND,
            check_days=5,
            actor=office,
        )

    # then it must decide the waiting application first
    assert _errors(pending) == {
        "entry_mode": "Applications of this category wait for the formal check: decide them first."
    }
    assert await RoundCategory.filter(round=standing, category=category).count() == 1


@pytest.fixture
async def web(db: str, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = dataclasses.replace(make_settings(db), media_dir=tmp_path)
    app = create_app(settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http
    clock.set_now(None)


async def _as(client: httpx.AsyncClient, user: User) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    browser.cookies.set("mp_session", await accounts.start_session(user))
    return browser


async def test_the_office_edits_entry_settings_in_the_back_office_and_checks_in_time(
    web: httpx.AsyncClient, tmp_path: Path
) -> None:
    # given the office signed in, on Monday 8 June 2026
    clock.set_now(APPLIED)
    cats = await make_categories()
    office = await make_office()
    browser = await _as(web, office)
    listing = await browser.get("/backoffice/admission/categories")
    assert listing.status_code == 200
    assert "环境影响评价 EIA 竞争性中介 · 择优进驻 2 分批遴选入驻 — 编辑" in _text(listing.text)

    # when it sends an impossible quota
    url = f"/backoffice/admission/categories/{cats.eia.id}"
    form = {"market_type": "competitive", "quota": "0", "entry_mode": "round", "check_days": "5"}
    refused = await post_form(browser, url, form, page=url)

    # then nothing changes and the field says why
    assert refused.status_code == 422
    assert 'id="quota"' in refused.text and 'aria-invalid="true"' in refused.text
    assert "请输入 1 到 50 之间的整数。" in _text(refused.text)
    assert (await Category.get(id=cats.eia.id)).quota == 2

    # when it puts EIA in continuous entry with a check of 3 working days
    saved = await post_form(
        browser, url, {**form, "quota": "2", "entry_mode": "continuous", "check_days": "3"}
    )
    assert saved.status_code == 303
    stored = await Category.get(id=cats.eia.id)
    assert (stored.entry_mode, stored.check_days) == (EntryMode.CONTINUOUS, 3)
    standing = await entry_service.standing_round()
    assert standing is not None

    # then the public notice says so, and an agency's application shows its due date
    notice = await web.get(f"/admission/rounds/{standing.id}")
    assert notice.status_code == 200
    assert "收到申请后 3 个工作日内完成形式审查，通过即上线。" in _text(notice.text)
    agency = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    staff = await make_user("staff@example.com", Role.AGENCY, agency=agency, name="机构")
    application = await application_service.submit_application(
        standing,
        category=cats.eia,
        agency=agency,
        application=materials("建设项目环境影响报告书编制", "EIA-1"),
        actor=staff,
        media_dir=tmp_path,
        now=APPLIED,
    )
    mine = await (await _as(web, staff)).get(f"/admission/applications/{application.id}")
    assert "形式审查截止日：2026-06-11。" in _text(mine.text)
    waiting = await browser.get("/backoffice/admission/categories")
    assert "盐城青禾环境科技咨询有限公司 环境影响评价 2026-06-08 2026-06-11" in _text(waiting.text)

    # when the office approves it on its page
    page = f"/backoffice/admission/applications/{application.id}"
    approved = await post_form(browser, page, {"decision": "pass", "reason": ""}, page=page)

    # then the agency is live
    assert approved.status_code == 303
    assert (await Agency.get(id=agency.id)).status is AgencyStatus.ADMITTED
    assert await ServiceItem.filter(agency=agency, status=ServiceStatus.PUBLISHED).count() == 1


async def test_the_entry_settings_form_names_every_field_it_cannot_read(
    web: httpx.AsyncClient,
) -> None:
    # given the office signed in on a category's settings
    clock.set_now(APPLIED)
    cats = await make_categories()
    browser = await _as(web, await make_office())
    url = f"/backoffice/admission/categories/{cats.eia.id}"

    # when it sends no market type, a quota in words and a check of "五" days
    form = {"market_type": "", "quota": "abc", "entry_mode": "round", "check_days": "五"}
    refused = await post_form(browser, url, form, page=url)

    # then the one refusal names all three fields, shows what was typed, and changes nothing
    assert refused.status_code == 422
    text = _text(refused.text)
    assert text.count("请选择市场类型。") == 2  # in the summary and beside the field
    assert text.count("请输入整数。") == 4
    assert refused.text.count('aria-invalid="true"') == 3
    assert 'value="abc"' in refused.text and 'value="五"' in refused.text
    stored = await Category.get(id=cats.eia.id)
    assert (stored.quota, stored.check_days) == (cats.eia.quota, cats.eia.check_days)
