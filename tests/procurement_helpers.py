"""A world for purchase request tests: the small catalogue and five EIA agencies with staff."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from marketplace.accounts.models import Role, User
from marketplace.catalog import services as catalog
from marketplace.catalog.demo import demo_pdf
from marketplace.catalog.models import AdmissionRoute, Agency, AgencyStatus
from marketplace.core import clock
from marketplace.core.uploads import MemoryUpload, StoredFile, read_uploads
from marketplace.procurement import services
from marketplace.procurement.draw import seed_hash
from marketplace.procurement.methods import Funding, Method
from marketplace.procurement.models import PurchaseRequest, Registration
from tests.accounts_helpers import make_user
from tests.factories import PUBLISHED_AT, SmallCatalogue, credit_code, small_catalogue
from tests.order_helpers import PROJECT_CODE, as_current

# A Monday; five working days later is Monday 9 November (no holiday between).
PUBLISHED = dt.datetime(2026, 11, 2, 9, 0, tzinfo=clock.BEIJING)
AFTER_DEADLINE = dt.datetime(2026, 11, 10, 9, 0, tzinfo=clock.BEIJING)
SEED = bytes(range(32))
NUMBER = "CG261102-00001"  # ids differ between backends: the draw's tests fix the number
RECEIPTS = (
    "1111111111111111",
    "2222222222222222",
    "3333333333333333",
    "4444444444444444",
    "5555555555555555",
)


@dataclass
class ProcurementWorld:
    catalogue: SmallCatalogue
    owner: User
    other_owner: User
    admin: User
    agencies: list[Agency] = field(default_factory=list)  # five, each with an EIA listing
    staff: list[User] = field(default_factory=list)  # one per agency, same order


async def procurement_world() -> ProcurementWorld:
    catalogue = await small_catalogue()
    world = ProcurementWorld(
        catalogue=catalogue,
        owner=await make_user("owner@example.com", Role.ENTERPRISE, name="业主"),
        other_owner=await make_user("owner2@example.com", Role.ENTERPRISE, name="他方"),
        admin=await make_user("admin@example.com", Role.ADMIN, name="管理员"),
    )
    world.agencies = [catalogue.qinghe, catalogue.hengyuan]
    for n, city in enumerate(("盐城市", "南通市", "连云港市"), start=3):
        agency = await catalog.create_agency(
            name=f"{city}第{n}环境咨询有限公司",
            credit_code=credit_code(f"91320900MA1PR00{n}"),
            legal_representative=f"代表{n}",
            address=f"{city}环保路{n}号",
            city=city,
            is_local=city == "盐城市",
            status=AgencyStatus.ADMITTED,
            admission_route=AdmissionRoute.MERIT,
            admitted_on=dt.date(2026, 3, 16),
        )
        item = await catalog.create_service_item(
            agency=agency,
            category=catalogue.eia,
            title="环境影响报告表编制",
            scope="范围",
            content="内容",
            legal_basis=catalogue.eia.legal_basis,
            fee_basis="市场调节价",
            fee_standard={"type": "fixed", "amount_fen": 3_000_000, "per": "每份报告"},
            time_limit_days=20,
        )
        await catalog.publish_service_item(item, now=PUBLISHED_AT)
        world.agencies.append(agency)
    for n, agency in enumerate(world.agencies, start=1):
        world.staff.append(
            await make_user(f"staff{n}@example.com", Role.AGENCY, agency=agency, name=f"员工{n}")
        )
    return world


async def publish(
    world: ProcurementWorld, method: Method, funding: Funding = Funding.STATE, **changes: object
) -> PurchaseRequest:
    clock.set_now(PUBLISHED)
    fields: dict = {
        "category_id": world.catalogue.eia.id,
        "project_name": "年产十万吨新材料项目",
        "project_code": PROJECT_CODE,
        "work": "编制环境影响报告表",
        "qualifications": "环境影响评价信用平台备案",
        "time_limit_days": 20,
        "funding": funding,
        "ceiling_fen": 5_000_000,
        "floor_fen": 2_000_000,
        "method": method,
        "registration_days": 5,
        **changes,
    }
    if method is Method.MERIT and "criteria" not in fields:
        fields["criteria"] = [{"name": "技术方案", "weight": 60}, {"name": "业绩", "weight": 40}]
    return await services.publish_request(user=await as_current(world.owner), **fields)


async def register_all(
    world: ProcurementWorld,
    request: PurchaseRequest,
    count: int,
    quotes: tuple[int, ...] = (),
) -> list[Registration]:
    """Register the first ``count`` agencies (and quote), then fix the seed and receipts
    to SEED and RECEIPTS so that the draw's outcome is known."""
    registrations = []
    for n in range(count):
        actor = await as_current(world.staff[n])
        registration = await services.register(request.id, actor=actor)
        if quotes:
            registration = await services.submit_quote(request.id, actor=actor, quote_fen=quotes[n])
        await Registration.filter(id=registration.id).update(receipt=RECEIPTS[n])
        registrations.append(await Registration.get(id=registration.id))
    await PurchaseRequest.filter(id=request.id).update(
        seed_hex=SEED.hex(), seed_sha256=seed_hash(SEED), number=NUMBER
    )
    return registrations


CONTRACT_PDF = demo_pdf("SIGNED CONTRACT - test purchase")
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32  # a PNG by its signature, not a PDF


async def signed_contract(media_dir: Path, content: bytes = CONTRACT_PDF) -> StoredFile:
    """A signed contract file as the purchase page reads it (checked by content, stored)."""
    (stored,) = await read_uploads([MemoryUpload(filename="合同.pdf", content=content)], media_dir)
    return stored


async def select_after_deadline(
    world: ProcurementWorld, request: PurchaseRequest, **choice: object
) -> PurchaseRequest:
    """The owner runs the selection once the deadline has passed (``AFTER_DEADLINE``)."""
    clock.set_now(AFTER_DEADLINE)
    return await services.run_selection(request.id, actor=await as_current(world.owner), **choice)  # type: ignore[arg-type]
