"""A running round amended by a published correction notice (更正公告), and the office's
view of an application showing everything the applicant entered (issue 17)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from marketplace.accounts import services as accounts
from marketplace.accounts.models import User
from marketplace.admission.models import AdmissionEvent, AdmissionRound, RoundStatus
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import rounds as round_service
from marketplace.app import create_app
from marketplace.core import clock
from marketplace.forms import FormError
from tests.accounts_helpers import post_form
from tests.admission_helpers import (
    CITY,
    OPENED,
    at,
    company,
    make_categories,
    make_office,
    materials,
    opened_round,
)
from tests.conftest import make_settings
from tests.test_catalog_views import _text

NOTICE = "因系统维护，申报截止日顺延至2026年4月24日，其他事项不变。"


def _errors(exc: pytest.ExceptionInfo[FormError]) -> dict[str, str]:
    return {k: m.id % m.params if m.params else m.id for k, m in exc.value.errors.items()}


async def test_a_correction_notice_moves_the_window_and_is_a_public_line(db: str) -> None:
    # given a round whose window is open 7-17 April, on 10 April
    cats = await make_categories()
    office = await make_office()
    round = await opened_round(cats, office)

    # when the office sends a notice that is too short, or moves the closing day into the
    # past, or changes nothing
    def correction(text: str, **dates: dt.date) -> round_service.CorrectionInput:
        return round_service.CorrectionInput(text=text, **dates)

    with pytest.raises(FormError) as bad:
        await round_service.publish_correction(
            round,
            correction=correction("顺延", closes_on=dt.date(2026, 4, 9)),
            actor=office,
            now=at(4, 10),
        )
    assert _errors(bad) == {
        "correction_text": "Say what is corrected and why, in at least 10 characters.",
        "closes_on": "The window cannot close before today.",
    }
    with pytest.raises(FormError) as same:
        await round_service.publish_correction(
            round, correction=correction(NOTICE), actor=office, now=at(4, 10)
        )
    assert _errors(same) == {"correction_text": "The notice changes no date."}

    # when it publishes a notice moving the closing day to 24 April
    await round_service.publish_correction(
        round,
        correction=correction(NOTICE, closes_on=dt.date(2026, 4, 24), opens_on=dt.date(2026, 1, 1)),
        actor=office,
        now=at(4, 10),
    )

    # then the window closes later (the opening day of an open window does not move) and
    # the notice is a public line of the trail with the dates before and after
    stored = await AdmissionRound.get(id=round.id)
    assert (stored.opens_on, stored.closes_on) == (dt.date(2026, 4, 7), dt.date(2026, 4, 24))
    event = await AdmissionEvent.get(round=round, kind="round_corrected")
    assert (event.public, event.reason, event.detail) == (
        True,
        NOTICE,
        {"before": {"closes_on": "2026-04-17"}, "after": {"closes_on": "2026-04-24"}},
    )
    assert [e.id for e in await round_service.corrections(stored)] == [event.id]
    # and the window no longer closes on the 18th: it cannot close before the new day
    problems = await round_service.transition_problems(
        stored, to=RoundStatus.UNDER_REVIEW, now=at(4, 20)
    )
    assert [p.id % p.params for p in problems] == [
        "The window is open until 2026-04-24; it cannot close early."
    ]


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


async def test_the_correction_is_published_on_the_page_and_feed_and_the_office_sees_all(
    web: httpx.AsyncClient, tmp_path: Path
) -> None:
    # given an open round on 10 April, and a new agency that applied with its account
    clock.set_now(at(4, 10))
    cats = await make_categories()
    office = await make_office()
    round = await opened_round(cats, office)
    agency_company = dataclasses.replace(
        company("盐城青禾环境科技咨询有限公司", "9132090255783086"),
        name_en="Yancheng Qinghe Environmental Consulting",
        established_on=dt.date(2012, 5, 3),
        description="专注建设项目环境影响评价十余年。",
    )
    application, _ = await application_service.apply_as_new_agency(
        round,
        category=cats.eia,
        company=agency_company,
        account=application_service.AccountInput(
            name="刘联系",
            email="liu@qinghe.example.com",
            password="a-long-passw0rd",
            phone="13800000001",
        ),
        application=materials("建设项目环境影响报告书编制", "EIA-1"),
        local_city=CITY,
        media_dir=tmp_path,
        now=OPENED,
    )

    # when the office publishes a correction notice on the round's page
    admin = await _as(web, office)
    overview = f"/backoffice/admission/rounds/{round.id}"
    form = {"closes_on": "2026-04-24", "correction_text": NOTICE}
    published = await post_form(admin, f"{overview}/correction", form, page=overview)

    # then the public page and the feed show it
    assert (published.status_code, published.headers["location"]) == (
        303,
        f"{overview}?done=corrected",
    )
    page = _text((await web.get(f"/admission/rounds/{round.id}")).text)
    assert f"更正公告 发布于 2026-04-10 09:00 · 申报截止: 2026-04-17 → 2026-04-24 {NOTICE}" in page
    feed = (await web.get("/admission/feed.xml")).text
    assert f"发布更正公告：{NOTICE}" in feed
    # a refused notice keeps what was typed
    refused = await post_form(
        admin, f"{overview}/correction", {"closes_on": "2026-04-01", "correction_text": "太短"}
    )
    assert refused.status_code == 422
    assert "申报截止日不能早于今天。" in _text(refused.text)
    assert 'value="2026-04-01"' in refused.text

    # and the office's view of the application shows everything the applicant entered
    view = _text((await admin.get(f"/backoffice/admission/applications/{application.id}")).text)
    for entered in (
        "Yancheng Qinghe Environmental Consulting",
        "2012-05-03",
        "专注建设项目环境影响评价十余年。",
        "联系人 刘联系 liu@qinghe.example.com",
        "0515-88000000",
    ):
        assert entered in view
