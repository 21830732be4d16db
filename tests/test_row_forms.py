"""The back office's lists whose rows each have a form take those forms at the list's own
address (``marketplace.formpages.dispatch``; the row named in ``ROW_KEY``): a refused one is
shown again on the list, at its row, with what was chosen and typed and the field at fault
marked; a valid one changes exactly its row; a row the list does not hold is refused with a
message and changes nothing. Before, each posted to its row's own address (``/backoffice/
users/N/roles``, ``/backoffice/admission/agencies/N``, ``/backoffice/admission/objections/N``)
and a refusal showed that address.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Role, User, UserRole
from marketplace.admission.models import AdmissionRound, Objection, ObjectionStatus, RoundStatus
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import publicity as publicity_service
from marketplace.catalog.models import Agency, AgencyStatus
from tests.accounts_helpers import csrf_token, make_user
from tests.admission_helpers import (
    CITY,
    CLOSED,
    HOLDER,
    OPENED,
    RESULTS,
    SCORING,
    apply,
    at,
    make_categories,
    make_office,
    opened_round,
    register,
    review_all,
    step,
)
from tests.crawling import FoundForm, _PageParser
from tests.factories import small_catalogue
from tests.test_catalog_views import _text
from tests.test_refused_forms import _ids


async def _as(client: httpx.AsyncClient, user: User) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    browser.cookies.set("mp_session", await accounts.start_session(user))
    return browser


def _row_form(html: str, row: int) -> FoundForm:
    """The form of the page that names ``row``."""
    parser = _PageParser("/")
    parser.feed(html)
    (form,) = [f for f in parser.forms if ("row", str(row)) in f.fields]
    return form


def _unique_ids(html: str) -> bool:
    page = _ids(html)
    return len(page.ids) == len(set(page.ids))


def _marked(html: str) -> list[str]:
    return [i for i, t in _ids(html).tags.items() if t.get("aria-invalid") == "true"]


async def _post(
    browser: httpx.AsyncClient, page: str, data: dict[str, str | list[str]]
) -> httpx.Response:
    token = await csrf_token(browser, page)
    return await browser.post(page, data={**data, "csrftoken": token})


async def _roles(user: User) -> set[str]:
    return {r.role.value for r in await UserRole.filter(user=user)}


async def test_a_users_roles_form_is_taken_and_refused_at_the_users_page(
    client: httpx.AsyncClient, db: str
) -> None:
    catalogue = await small_catalogue()
    admin = await make_user("admin@example.com", Role.ADMIN, name="管理员")
    li = await make_user("li@example.com", Role.REVIEWER, name="李四")
    wang = await make_user("wang@example.com", Role.REVIEWER, name="王五")
    office = await _as(client, admin)
    page = "/backoffice/users"

    # an agency role for someone of no agency: refused at the row, as it was chosen
    no_agency = await _post(office, page, {"do": "roles", "row": str(li.id), "roles": "agency"})
    # the administrator's own role: refused at the row's roles
    own = await _post(office, page, {"do": "roles", "row": str(admin.id), "roles": "reviewer"})
    # a user that does not exist: refused above the list
    nobody = await _post(office, page, {"do": "roles", "row": "999999", "roles": "admin"})
    not_an_id = await _post(office, page, {"do": "roles", "row": "１２", "roles": "admin"})
    after_refusals = {u.email: await _roles(u) for u in (admin, li, wang)}
    saved = await _post(
        office, page, {"do": "roles", "row": str(li.id), "roles": ["reviewer", "admin"]}
    )
    old_address = await _post(office, f"/backoffice/users/{li.id}/roles", {"roles": "admin"})

    assert no_agency.status_code == 422
    assert "中介机构人员必须属于一家中介机构。" in _text(no_agency.text)
    assert _row_form(no_agency.text, li.id).fields[-1] == ("roles", "agency")  # as chosen
    assert ("roles", "reviewer") not in _row_form(no_agency.text, li.id).fields
    assert ("roles", "reviewer") in _row_form(no_agency.text, wang.id).fields  # as it is
    assert _row_form(no_agency.text, li.id).action == page
    assert _unique_ids(no_agency.text)
    assert own.status_code == 422
    assert _marked(own.text) == [f"roles-{admin.id}"]
    owned = _ids(own.text).tags[f"roles-{admin.id}"]
    assert owned["aria-describedby"] == f"roles-{admin.id}-error"
    assert _text(own.text).count("不能收回自己的管理员角色。") == 2  # the summary and at the field
    assert f'href="#roles-{admin.id}"' in own.text
    assert _ids(own.text).tags[f"roles-{admin.id}-error"]["class"] == "field-error"
    assert [v for n, v in _row_form(own.text, admin.id).fields if n == "roles"] == ["reviewer"]
    assert nobody.status_code == 409
    assert "该用户不在列表中（或已不存在），未作任何更改。" in _text(nobody.text)
    assert 'role="alert"' in nobody.text and _marked(nobody.text) == []
    assert not_an_id.status_code == 409
    assert "该用户不在列表中（或已不存在），未作任何更改。" in _text(not_an_id.text)
    assert after_refusals == {
        "admin@example.com": {"admin"},
        "li@example.com": {"reviewer"},
        "wang@example.com": {"reviewer"},
    }
    assert saved.status_code == 303
    assert saved.headers["location"] == f"{page}?done=roles_saved#user-{li.id}"
    assert await _roles(li) == {"reviewer", "admin"}
    assert (await _roles(admin), await _roles(wang)) == ({"admin"}, {"reviewer"})
    assert old_address.status_code == 404
    assert catalogue.qinghe.id  # the list shows agencies' staff too


async def test_an_agencys_management_form_is_taken_and_refused_at_the_agencies_page(
    client: httpx.AsyncClient, db: str
) -> None:
    office = await make_office()
    qinghe = await register("盐城青禾环境科技咨询有限公司", "9132090255783086")
    hechuan = await register("盐城禾川环境工程有限公司", "9132090255783087")
    pending = await register("盐城未入驻咨询有限公司", "9132090255783088")
    await Agency.filter(id__in=[qinghe.id, hechuan.id]).update(status=AgencyStatus.ADMITTED)
    admin = await _as(client, office)
    page = "/backoffice/admission/agencies"
    row = {"do": "manage", "row": str(qinghe.id)}

    no_reason = await _post(admin, page, {**row, "to": "exited", "reason": ""})
    # a step its status does not allow: the reason typed stays
    not_allowed = await _post(admin, page, {**row, "to": "admitted", "reason": "理由照录"})
    # an agency the list does not hold (not admitted), and none
    not_listed = await _post(
        admin, page, {"do": "manage", "row": str(pending.id), "to": "suspended", "reason": "x"}
    )
    nobody = await _post(admin, page, {"do": "manage", "to": "suspended", "reason": "x"})
    statuses_after_refusals = [(await Agency.get(id=a.id)).status for a in (qinghe, hechuan)]
    suspended = await _post(
        admin, page, {**row, "to": "suspended", "reason": "出具虚假报告，暂停服务六个月。"}
    )
    old_address = await _post(
        admin, f"{page}/{hechuan.id}", {"to": "suspended", "reason": "出具虚假报告。"}
    )

    assert no_reason.status_code == 422
    assert _marked(no_reason.text) == [f"reason-{qinghe.id}"]
    reason = _ids(no_reason.text).tags[f"reason-{qinghe.id}"]
    assert reason["aria-describedby"] == f"reason-{qinghe.id}-error"
    assert _ids(no_reason.text).tags[f"reason-{qinghe.id}-error"]["class"] == "field-error"
    assert _text(no_reason.text).count("此项为必填项。") == 2  # the summary and at the field
    assert f'href="#reason-{qinghe.id}"' in no_reason.text
    form = _row_form(no_reason.text, qinghe.id)
    assert (form.action, dict(form.fields)["to"]) == (page, "exited")  # the step chosen
    assert dict(_row_form(no_reason.text, hechuan.id).fields)["to"] == "suspended"
    assert _unique_ids(no_reason.text)
    assert not_allowed.status_code == 422  # (admission refuses a step as input)
    assert "该机构不能变更为该状态。" in _text(not_allowed.text)
    assert dict(_row_form(not_allowed.text, qinghe.id).fields)["reason"] == "理由照录"
    assert dict(_row_form(not_allowed.text, hechuan.id).fields)["reason"] == ""
    for refused in (not_listed, nobody):
        assert refused.status_code == 409
        assert "该机构不在列表中（或已不存在），未作任何更改。" in _text(refused.text)
    assert statuses_after_refusals == [AgencyStatus.ADMITTED, AgencyStatus.ADMITTED]
    assert (await Agency.get(id=pending.id)).status is pending.status
    assert suspended.headers["location"] == f"{page}?done=agency_changed#agency-{qinghe.id}"
    assert (await Agency.get(id=qinghe.id)).status is AgencyStatus.SUSPENDED
    assert (await Agency.get(id=hechuan.id)).status is AgencyStatus.ADMITTED
    assert old_address.status_code in (404, 405)


async def _round_in_publicity(tmp_path: Path) -> tuple[User, AdmissionRound]:
    cats = await make_categories()
    office = await make_office()
    round = await opened_round(cats, office)
    holder = await application_service.register_agency(company=HOLDER, local_city=CITY, now=OPENED)
    await apply(round, holder, cats.lightning, office, tmp_path, now=at(4, 8))
    await step(round, RoundStatus.UNDER_REVIEW, office, CLOSED)
    await review_all(round, office)
    await step(round, RoundStatus.SCORING, office, SCORING)
    await step(round, RoundStatus.PUBLICITY, office, RESULTS)
    return office, round


async def test_an_objections_decision_is_taken_and_refused_at_the_rounds_page(
    client: httpx.AsyncClient, db: str, tmp_path: Path
) -> None:
    office, round = await _round_in_publicity(tmp_path)
    first, second = [
        await publicity_service.lodge_objection(
            round, application=None, name=name, contact="13900000000", text=text, now=at(4, 27)
        )
        for name, text in (
            ("王五", "公告发布渠道太少，很多机构不知道本轮遴选。"),
            ("赵六", "报名时间太短，材料来不及准备齐全。"),
        )
    ]
    other_round = await AdmissionRound.create(
        title="另一轮",
        notice="",
        conditions="",
        materials="",
        opens_on=round.opens_on,
        closes_on=round.closes_on,
        publicity_days=5,
        created_at=round.created_at,
    )
    admin = await _as(client, office)
    page = f"/backoffice/admission/rounds/{round.id}"
    row = {"do": "objection", "row": str(first.id)}

    no_decision = await _post(admin, page, {**row, "reason": "理由已写好。"})
    no_reason = await _post(admin, page, {**row, "decision": "dismiss", "reason": ""})
    nobody = await _post(
        admin, page, {"do": "objection", "row": "999999", "decision": "dismiss", "reason": "x"}
    )
    # an objection of this round, posted on another round's page
    elsewhere = await _post(
        admin,
        f"/backoffice/admission/rounds/{other_round.id}",
        {**row, "decision": "dismiss", "reason": "不属于该轮。"},
    )
    after_refusals = [(await Objection.get(id=o.id)).status for o in (first, second)]
    dismissed = await _post(
        admin,
        page,
        {
            "do": "objection",
            "row": str(second.id),
            "decision": "dismiss",
            "reason": "报名期限符合规定。",
        },
    )
    old_address = await _post(
        admin, f"/backoffice/admission/objections/{first.id}", {"decision": "dismiss"}
    )

    assert no_decision.status_code == 422
    assert _marked(no_decision.text) == [f"decision-{first.id}"]
    assert _ids(no_decision.text).tags[f"decision-{first.id}-error"]["class"] == "field-error"
    assert "请选择异议成立或驳回。" in _text(no_decision.text)
    kept = _row_form(no_decision.text, first.id)
    assert (kept.action, dict(kept.fields)["reason"]) == (page, "理由已写好。")
    assert dict(_row_form(no_decision.text, second.id).fields)["reason"] == ""
    assert f'href="#decision-{first.id}"' in no_decision.text
    assert _unique_ids(no_decision.text)
    assert no_reason.status_code == 422
    assert _marked(no_reason.text) == [f"reason-{first.id}"]
    assert f'href="#reason-{first.id}"' in no_reason.text
    assert dict(_row_form(no_reason.text, first.id).fields)["decision"] == "dismiss"
    for refused in (nobody, elsewhere):
        assert refused.status_code == 409
        assert "该异议不属于本轮遴选，未作任何更改。" in _text(refused.text)
    assert after_refusals == [ObjectionStatus.LODGED, ObjectionStatus.LODGED]
    assert dismissed.headers["location"] == f"{page}?done=decided#objections"
    assert (await Objection.get(id=second.id)).status is ObjectionStatus.DISMISSED
    assert (await Objection.get(id=first.id)).status is ObjectionStatus.LODGED
    assert old_address.status_code in (404, 405)
