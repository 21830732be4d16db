"""Load the demo catalogue (``demo_data``) through the catalogue services."""

from __future__ import annotations

import datetime as dt

from tortoise.transactions import in_transaction

from marketplace.catalog import demo_data, services
from marketplace.catalog.models import AdmissionRoute, AgencyStatus, Category, MarketType

__all__ = ["DEMO_ADMITTED_ON", "seed_demo"]

# The demo catalogue is the outcome of the first admission round, concluded on this day.
DEMO_ADMITTED_ON = dt.date(2026, 3, 16)
_PUBLISHED_AT = dt.datetime(2026, 3, 16, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


async def seed_demo() -> bool:
    """Load the demo catalogue into an empty catalogue; ``False`` if it held anything already."""
    if await Category.exists():
        return False
    async with in_transaction():
        categories: dict[str, Category] = {}
        for position, data in enumerate(demo_data.CATEGORIES):
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
            )
        for data in demo_data.AGENCIES:
            agency = await services.create_agency(
                name=data["name"],
                name_en=data["name_en"],
                credit_code=data["credit_code"],
                legal_representative=data["legal_representative"],
                address=data["address"],
                city=data["city"],
                is_local=data["is_local"],
                phone=data["phone"],
                established_on=dt.date.fromisoformat(data["established_on"]),
                staff_count=data["staff_count"],
                description=data["description"],
                status=AgencyStatus.ADMITTED,
                admission_route=AdmissionRoute(data["admission_route"]),
                admitted_on=DEMO_ADMITTED_ON,
                qualifications=[
                    {**q, "expires_on": dt.date.fromisoformat(q["expires_on"])}
                    for q in data["qualifications"]
                ],
            )
            for service in data["services"]:
                item = await services.create_service_item(
                    agency=agency,
                    category=categories[service["category"]],
                    title=service["title"],
                    scope=service["scope"],
                    content=service["content"],
                    legal_basis=service["legal_basis"],
                    fee_basis=service["fee_basis"],
                    fee_standard=service["fee_standard"],
                    time_limit_days=service["time_limit_days"],
                    commitments=service["commitments"],
                )
                await services.publish_service_item(item, now=_PUBLISHED_AT)
    return True
