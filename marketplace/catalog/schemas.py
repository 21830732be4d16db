"""What the catalogue's API operations accept and answer (see ``marketplace.schemas``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from marketplace.schemas import TEXT, QueryInt, QueryModel, Text

__all__ = [
    "AgencyDetail",
    "AgencyList",
    "AgencyQuery",
    "CategoryList",
    "FeeEstimate",
    "FeeEstimateQuery",
    "ServiceDetail",
]

# A positive amount below 10**12 with at most four decimal places (catalog.fees.parse_base).
BASE_PATTERN = (
    r"^([1-9][0-9]{0,11}(\.[0-9]{1,4})?"
    r"|0\.(000[1-9]|00[1-9][0-9]?|0[1-9][0-9]{0,2}|[1-9][0-9]{0,3}))$"
)

MarketTypeName = Literal["monopoly", "competitive", "absent"]


class AgencyQuery(QueryModel):
    category: Annotated[str, Field(max_length=16, json_schema_extra=TEXT), Text] | None = Field(
        default=None, description="A category code, e.g. EIA"
    )
    page: QueryInt = Field(default=1, ge=1, le=100_000)
    per_page: QueryInt = Field(default=20, ge=1, le=100)


class FeeEstimateQuery(QueryModel):
    base: Annotated[str, Field(pattern=BASE_PATTERN)] | None = Field(
        default=None,
        description="The base amount in the unit of the item's fee standard, e.g. 3000 "
        "(a positive number, at most four decimal places); fixed and negotiated fees need none",
    )


class ApprovalItem(BaseModel):
    """An approval (审批事项) a category's service is a condition of."""

    id: int
    code: str
    name: str
    name_en: str
    department: str
    legal_basis: str


class Category(BaseModel):
    id: int
    code: str
    name: str
    name_en: str
    abbreviations: list[str]
    market_type: MarketTypeName
    quota: int | None
    legal_basis: str
    description: str
    self_prepare_allowed: bool = Field(description="The applicant may prepare it itself")
    commissioned_by: Literal["applicant", "approving_department"] = Field(
        description="Who commissions it: the applicant, or the approving department at "
        "public cost (enterprises do not order those)"
    )


class CategoryWithApprovals(Category):
    approval_items: list[ApprovalItem]


class CategoryWithCounts(Category):
    agency_count: int
    item_count: int
    approval_items: list[ApprovalItem]


class CategoryList(BaseModel):
    categories: list[CategoryWithCounts]


class Agency(BaseModel):
    id: int
    name: str
    name_en: str
    credit_code: str
    city: str
    is_local: bool
    admission_route: str | None
    status: str


class AgencyList(BaseModel):
    agencies: list[Agency]
    total: int
    page: int
    per_page: int


class Qualification(BaseModel):
    name: str
    grade: str | None
    certificate_no: str
    issuer: str
    expires_on: str = Field(description="ISO date")


class ItemSummary(BaseModel):
    id: int
    title: str
    category_id: int
    agency_id: int
    fee_type: str
    time_limit_days: int = Field(description="Working days")
    version: int


class AgencyDetail(Agency):
    legal_representative: str
    address: str
    phone: str
    established_on: str | None
    staff_count: int
    description: str
    admitted_on: str | None
    qualifications: list[Qualification]
    services: list[ItemSummary]


class ServiceDetail(ItemSummary):
    scope: str
    content: str
    legal_basis: str
    fee_basis: str
    fee_standard: dict[str, Any]
    commitments: str
    published_at: str | None
    agency: Agency
    category: CategoryWithApprovals


class FeeEstimate(BaseModel):
    service_id: int
    version: int
    fee_type: str
    base: str | None
    base_unit: str | None
    factors: dict[str, str] = Field(
        default_factory=dict, description="The adjustment factor options the estimate used"
    )
    low_fen: int = Field(description="Integer fen (1 yuan = 100 fen)")
    high_fen: int
    currency: Literal["CNY"]
