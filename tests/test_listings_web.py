"""The agency's workspace and the office's review queue, through the pages (issue 16)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from marketplace.accounts.models import Role
from marketplace.catalog.models import ChangeKind, ChangeStatus, ListingChange, Qualification
from marketplace.core import clock
from tests.accounts_helpers import make_user, post_form, sign_in
from tests.factories import small_catalogue

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[None]:
    clock.set_now(dt.datetime(2026, 11, 20, 10, 0, tzinfo=clock.BEIJING))
    yield
    clock.set_now(None)


def item_form(item: Any, **changes: str) -> dict[str, str]:
    data = {
        "title": item.title,
        "scope": item.scope,
        "content": item.content,
        "legal_basis": item.legal_basis,
        "fee_basis": item.fee_basis,
        "time_limit_days": str(item.time_limit_days),
        "commitments": item.commitments,
        "fee_type": "fixed",
        "amount": "25000",
        "per": "每份报告",
        "action": "save",
    }
    data.update(changes)
    return data


async def test_agency_edits_and_office_approves_through_the_pages(
    client: httpx.AsyncClient,
) -> None:
    c = await small_catalogue()
    await make_user("staff@example.com", Role.AGENCY, agency=c.qinghe)
    await make_user("other@example.com", Role.AGENCY, agency=c.hengyuan)
    await make_user("office@example.com", Role.ADMIN)

    await sign_in(client, "staff@example.com")
    home = await client.get("/workspace")
    assert home.status_code == 200 and "环境影响报告表编制" in home.text

    # the form shows the fields of the chosen fee type only, with the draft's estimate
    page = await client.get(f"/workspace/items/{c.report_form.id}/edit")
    assert page.status_code == 200
    assert 'name="amount"' in page.text and 'name="bands"' not in page.text
    assert 'data-low-fen="2500000"' in page.text
    tiered = await client.get(f"/workspace/items/{c.report_form.id}/edit?fee_type=tiered")
    assert 'name="bands"' in tiered.text and 'name="amount"' not in tiered.text
    preview = await post_form(
        client,
        f"/workspace/items/{c.report_form.id}/edit",
        item_form(c.report_form, amount="18000", action="preview"),
    )
    assert preview.status_code == 200 and 'data-low-fen="1800000"' in preview.text
    assert await ListingChange.all().count() == 0  # a preview saves nothing

    # bad input: a message, nothing saved
    bad = await post_form(
        client,
        f"/workspace/items/{c.report_form.id}/edit",
        item_form(c.report_form, time_limit_days="0"),
    )
    assert bad.status_code == 422 and await ListingChange.all().count() == 0

    saved = await post_form(
        client,
        f"/workspace/items/{c.report_form.id}/edit",
        item_form(c.report_form, amount="18000"),
    )
    assert saved.status_code == 303
    change = await ListingChange.get()
    submitted = await post_form(client, f"/workspace/changes/{change.id}/submit", {})
    assert submitted.status_code == 303
    # submitted twice (a second tab): said on the change's page, nothing changed
    after_submit = await ListingChange.get()
    again = await post_form(client, f"/workspace/changes/{change.id}/submit", {})
    assert again.status_code == 409
    assert '<p class="form-errors" role="alert">此变更已经提交。</p>' in again.text
    assert (await ListingChange.get()).status == after_submit.status
    live = await client.get(f"/services/{c.report_form.id}")
    assert "25,000" in live.text or "25000" in live.text

    # another agency's staff see nothing of it
    other = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(other, "other@example.com")
    assert (await other.get(f"/workspace/changes/{change.id}")).status_code == 404
    assert (await other.get(f"/workspace/items/{c.report_form.id}/edit")).status_code == 404
    refused = await post_form(
        other, f"/workspace/items/{c.report_form.id}/edit", item_form(c.report_form)
    )
    assert refused.status_code == 404
    await other.aclose()

    office = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(office, "office@example.com")
    queue = await office.get("/backoffice/listings")
    assert f"/backoffice/listings/{change.id}" in queue.text
    detail = await office.get(f"/backoffice/listings/{change.id}")
    assert detail.status_code == 200 and "18,000" in detail.text.replace("18000", "18,000")
    # (the change's page takes its two forms at its own address, each naming itself in do)
    change_page = f"/backoffice/listings/{change.id}"
    empty = await post_form(office, change_page, {"do": "return", "reason": " "}, page=change_page)
    assert empty.status_code == 422
    assert 'id="reason" name="reason"' in empty.text and 'aria-invalid="true"' in empty.text
    old_address = await post_form(office, f"{change_page}/approve", {}, page=change_page)
    assert old_address.status_code == 404
    approved = await post_form(office, change_page, {"do": "approve"}, page=change_page)
    assert approved.status_code == 303 and "done=approved" in approved.headers["location"]
    again = await post_form(office, change_page, {"do": "approve"}, page=change_page)
    assert "done=taken" in again.headers["location"]
    await office.aclose()

    item_page = await client.get(f"/services/{c.report_form.id}")
    assert 'data-low-fen="1800000"' in item_page.text
    assert "/services/versions/" in item_page.text
    version_one = await client.get(
        f"/services/versions/{(await c.report_form.versions.all().order_by('version'))[0].id}"
    )
    assert version_one.status_code == 200 and "25,000" in version_one.text


async def test_a_qualification_needs_a_real_pdf_and_a_returned_one_shows_its_reason(
    client: httpx.AsyncClient,
) -> None:
    c = await small_catalogue()
    await make_user("staff@example.com", Role.AGENCY, agency=c.qinghe)
    await make_user("office@example.com", Role.ADMIN)
    await sign_in(client, "staff@example.com")
    expiring = await Qualification.get(agency_id=c.qinghe.id, certificate_no="HP-001")
    data = {
        "grade": "",
        "certificate_no": "HP-001",
        "issuer": "江苏省生态环境厅",
        "expires_on": "2031-06-30",
    }
    token = client.cookies.get("csrftoken") or ""
    fake = await client.post(
        f"/workspace/qualifications/{expiring.id}/renew",
        data={**data, "csrftoken": token},
        files={"certificate": ("scan.pdf", b"MZ not a pdf at all", "application/pdf")},
    )
    assert fake.status_code == 422 and await ListingChange.all().count() == 0
    good = await client.post(
        f"/workspace/qualifications/{expiring.id}/renew",
        data={**data, "csrftoken": token},
        files={"certificate": ("scan.pdf", PDF, "application/pdf")},
    )
    assert good.status_code == 303, good.text
    change = await ListingChange.get()
    await post_form(client, f"/workspace/changes/{change.id}/submit", {})

    office = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(office, "office@example.com")
    pdf = await office.get(f"/backoffice/listings/{change.id}/certificate")
    assert pdf.status_code == 200 and pdf.content == PDF
    await post_form(
        office,
        f"/backoffice/listings/{change.id}",
        {"do": "return", "reason": "证书扫描件不清晰"},
        page=f"/backoffice/listings/{change.id}",
    )
    await office.aclose()
    assert (await ListingChange.get(id=change.id)).status is ChangeStatus.RETURNED
    page = await client.get(f"/workspace/changes/{change.id}")
    assert "证书扫描件不清晰" in page.text
    assert "证书扫描件不清晰" in (await client.get("/workspace")).text

    # a profile change is listed by the agency's name until the office decides it
    profile = await post_form(
        client,
        "/workspace/profile",
        {"address": "盐城市亭湖区新址9号", "phone": "0515-1", "description": "简介"},
    )
    assert profile.status_code == 303
    home = await client.get("/workspace")
    assert home.status_code == 200 and "机构信息" in home.text
    public = await client.get(f"/agencies/{c.qinghe.id}")
    assert "盐城市亭湖区新址9号" not in public.text


async def test_the_profile_says_why_a_category_is_off_the_storefront(
    client: httpx.AsyncClient,
) -> None:
    from marketplace.catalog import qualifications

    c = await small_catalogue()
    await qualifications.set_required_qualification(
        c.eia, "工程咨询单位资信", day=dt.date(2026, 11, 20)
    )
    profile = await client.get(f"/agencies/{c.qinghe.id}")
    assert profile.status_code == 200
    assert "环境影响评价类的服务项目已下架：所需资质工程咨询单位资信（ZX-002）已于" in profile.text
    assert "环境影响报告表编制" not in profile.text
    assert (await client.get(f"/services/{c.report_form.id}")).status_code == 404
    category = await client.get("/categories/EIA")
    assert "环境影响报告表编制" not in category.text and "环境影响报告书编制" in category.text


async def test_an_items_withdrawal_is_asked_and_refused_at_the_workspaces_address(
    client: httpx.AsyncClient,
) -> None:
    c = await small_catalogue()
    await make_user("staff@example.com", Role.AGENCY, agency=c.qinghe)
    await sign_in(client, "staff@example.com")
    home = await client.get("/workspace")
    assert f'name="row" value="{c.report_form.id}"' in home.text
    withdraw = {"do": "withdraw", "reason": "不再提供该项服务"}

    # another agency's item, and an item never published: refused at the workspace
    theirs = await post_form(
        client, "/workspace", {**withdraw, "row": str(c.lightning_check.id)}, page="/workspace"
    )
    unpublished = await post_form(
        client, "/workspace", {**withdraw, "row": str(c.draft.id)}, page="/workspace"
    )
    changes_after_refusals = await ListingChange.all().count()
    asked = await post_form(
        client, "/workspace", {**withdraw, "row": str(c.report_form.id)}, page="/workspace"
    )
    old_address = await post_form(
        client, f"/workspace/items/{c.report_form.id}/withdraw", {}, page="/workspace"
    )

    assert theirs.status_code == 409
    assert "该服务项目不属于本机构，未作任何更改。" in theirs.text
    assert unpublished.status_code == 409
    assert "只能撤下已发布的服务项目。" in unpublished.text and 'role="alert"' in unpublished.text
    assert changes_after_refusals == 0
    change = await ListingChange.get()
    assert (change.kind, change.item_id, change.proposed) == (
        ChangeKind.ITEM_WITHDRAW,
        c.report_form.id,
        {"reason": "不再提供该项服务"},
    )
    assert asked.headers["location"] == f"/workspace/changes/{change.id}?done=saved"
    assert old_address.status_code in (404, 405)
