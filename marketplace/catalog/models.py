"""Catalogue models: categories, agencies with their qualifications, service items.

A service item's own columns are always its *published* content; each publication also
writes an immutable ``ServiceItemVersion``, which orders will point at so that what an
enterprise ordered never changes under it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

__all__ = [
    "AdmissionRoute",
    "Agency",
    "AgencyStatus",
    "ApprovalItem",
    "Category",
    "CategoryApprovalItem",
    "ChangeKind",
    "ChangeStatus",
    "CommissionedBy",
    "EntryMode",
    "ListingChange",
    "MarketType",
    "Qualification",
    "ServiceItem",
    "ServiceItemVersion",
    "ServiceStatus",
]


class MarketType(StrEnum):
    MONOPOLY = "monopoly"  # one designated holder; must be admitted (垄断性中介必须进驻)
    COMPETITIVE = "competitive"  # open call, selected on merit up to a quota (择优进驻)
    ABSENT = "absent"  # no qualified local agency; recruited from outside (外来引进)


class CommissionedBy(StrEnum):
    """Who hires the intermediary, as the city lists of intermediary services say (委托方)."""

    APPLICANT = "applicant"  # the applicant chooses and pays the agency: orderable here
    # The approving department commissions it at public cost (审批部门委托, 财政支付), as
    # 阿拉善's 2024 list marks items such as technical review: enterprises do not order it.
    APPROVING_DEPARTMENT = "approving_department"


class AgencyStatus(StrEnum):
    APPLICANT = "applicant"  # applied in an admission round, not yet admitted
    ADMITTED = "admitted"  # listed in the storefront and orderable
    SUSPENDED = "suspended"  # admitted, but taken off the storefront for a period
    EXITED = "exited"  # removed (清退) or withdrew; kept for the record


class AdmissionRoute(StrEnum):
    REQUIRED = "required"  # monopoly holder, admitted without competition
    MERIT = "merit"  # won a competitive selection
    RECRUITED = "recruited"  # external agency recruited for an absent category
    CONTINUOUS = "continuous"  # passed the formal check of continuous entry (常态化入驻)


class EntryMode(StrEnum):
    """How agencies enter a category: by the office's rounds (quota, merit, publicity, as
    the 2015 rules), or continuously (an agency applies at any time and the office makes a
    formal check within a set number of working days, with no quota, as Jiangsu's 2026
    rules for the provincial marketplace)."""

    ROUND = "round"
    CONTINUOUS = "continuous"


class ServiceStatus(StrEnum):
    DRAFT = "draft"  # being written by the agency, never shown
    PENDING_REVIEW = "pending_review"  # submitted, waiting for the administrator
    PUBLISHED = "published"  # live in the storefront
    WITHDRAWN = "withdrawn"  # taken down; its versions stay for orders that cite them


class Category(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=16, unique=True)
    name = fields.CharField(max_length=64, unique=True)
    name_en = fields.CharField(max_length=128)
    abbreviations: list[str] = fields.JSONField(default=list)
    market_type = fields.CharEnumField(MarketType, max_length=16, db_index=True)
    quota = fields.IntField(null=True)  # admitted agencies allowed (competitive only)
    entry_mode = fields.CharEnumField(EntryMode, max_length=16, default=EntryMode.ROUND)
    # continuous entry: the office's formal check is due this many working days after
    # the application
    check_days = fields.IntField(default=5)
    legal_basis = fields.TextField()
    description = fields.TextField(default="")
    description_en = fields.TextField(default="")
    position = fields.IntField(default=0)  # display order in the storefront
    # 申请人可自行编制: the applicant may prepare the material itself instead of hiring one
    self_prepare_allowed = fields.BooleanField(default=False)
    commissioned_by = fields.CharEnumField(
        CommissionedBy, max_length=24, default=CommissionedBy.APPLICANT
    )
    # The licence an agency must hold, valid, to offer this category (its name, or a part
    # of its name, such as 防雷装置检测资质); "" when none is checked. When the agency's
    # qualifications of that name have all expired, its items here leave the storefront.
    required_qualification = fields.CharField(max_length=128, default="")

    services: fields.ReverseRelation[ServiceItem]
    approval_links: fields.ReverseRelation[CategoryApprovalItem]

    class Meta:
        table = "category"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class ApprovalItem(Model):
    """An administrative approval (审批事项) that intermediary services are a condition of.

    City lists of intermediary services (中介服务事项清单) are organised by these: each
    service is listed under the approval it serves, with the department that approves.
    """

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=128)
    name_en = fields.CharField(max_length=256, default="")
    department = fields.CharField(max_length=64)  # 审批部门
    department_en = fields.CharField(max_length=128, default="")
    legal_basis = fields.TextField()  # 设定依据 of the approval itself
    position = fields.IntField(default=0)

    category_links: fields.ReverseRelation[CategoryApprovalItem]

    class Meta:
        table = "approval_item"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class CategoryApprovalItem(Model):
    """One category of service serving one approval item (a category may serve several)."""

    id = fields.IntField(primary_key=True)
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="approval_links", on_delete=fields.CASCADE
    )
    approval_item: fields.ForeignKeyRelation[ApprovalItem] = fields.ForeignKeyField(
        "models.ApprovalItem", related_name="category_links", on_delete=fields.CASCADE
    )

    category_id: int
    approval_item_id: int

    class Meta:
        table = "category_approval_item"
        ordering = ["id"]
        unique_together = (("category", "approval_item"),)


class Agency(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=128, unique=True)
    name_en = fields.CharField(max_length=256, default="")
    credit_code = fields.CharField(max_length=18, unique=True)  # 统一社会信用代码
    legal_representative = fields.CharField(max_length=64)
    address = fields.CharField(max_length=256)
    city = fields.CharField(max_length=32, db_index=True)
    is_local = fields.BooleanField(db_index=True)
    phone = fields.CharField(max_length=32, default="")
    established_on = fields.DateField(null=True)
    staff_count = fields.IntField(default=0)  # professional staff
    description = fields.TextField(default="")
    status = fields.CharEnumField(
        AgencyStatus, max_length=16, default=AgencyStatus.APPLICANT, db_index=True
    )
    admission_route = fields.CharEnumField(AdmissionRoute, max_length=16, null=True)
    admitted_on = fields.DateField(null=True)
    # Set by a credit record: no new orders, and out of the storefront, until this day.
    orders_suspended_until = fields.DateField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    qualifications: fields.ReverseRelation[Qualification]
    services: fields.ReverseRelation[ServiceItem]

    class Meta:
        table = "agency"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Qualification(Model):
    id = fields.IntField(primary_key=True)
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="qualifications", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=128)
    grade = fields.CharField(max_length=4, null=True)  # 甲 / 乙 / 丙, where the licence has one
    certificate_no = fields.CharField(max_length=64)
    issuer = fields.CharField(max_length=128)
    expires_on = fields.DateField()
    # the certificate scan (a PDF checked by content, stored by digest; "" for none)
    certificate_sha256 = fields.CharField(max_length=64, default="")
    certificate_name = fields.CharField(max_length=128, default="")
    # the expiry reminders of the sweep, each sent once (cleared by an approved renewal)
    reminded_30_at = fields.DatetimeField(null=True)
    reminded_7_at = fields.DatetimeField(null=True)

    agency_id: int

    class Meta:
        table = "qualification"
        ordering = ["id"]
        unique_together = (("agency", "certificate_no"),)


class ServiceItem(Model):
    id = fields.IntField(primary_key=True)
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="services", on_delete=fields.RESTRICT
    )
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="services", on_delete=fields.RESTRICT
    )
    title = fields.CharField(max_length=128)
    scope = fields.TextField()  # 服务范围
    content = fields.TextField()  # 服务内容
    legal_basis = fields.TextField()  # 设定依据
    fee_basis = fields.TextField()  # 收费依据
    fee_type = fields.CharField(max_length=16, db_index=True)  # copy of fee_standard["type"]
    fee_standard: dict = fields.JSONField()  # see catalog.fees
    time_limit_days = fields.IntField()  # 办理时限, working days
    commitments = fields.TextField(default="")  # 服务承诺
    status = fields.CharEnumField(ServiceStatus, max_length=16, default=ServiceStatus.DRAFT)
    version = fields.IntField(default=0)  # number of the newest published version
    published_at = fields.DatetimeField(null=True)
    # Set while the category's required qualification of the agency has expired: the
    # item is out of the storefront, search and ordering until a renewal is approved.
    held_by: fields.ForeignKeyNullableRelation[Qualification] = fields.ForeignKeyField(
        "models.Qualification", related_name="held_items", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    agency_id: int
    category_id: int
    held_by_id: int | None
    versions: fields.ReverseRelation[ServiceItemVersion]

    class Meta:
        table = "service_item"
        ordering = ["id"]
        # the third: the statistics' agencies per category from the index alone
        indexes = (
            ("category_id", "status"),
            ("agency_id", "status"),
            ("status", "category_id", "agency_id"),
        )

    def __str__(self) -> str:
        return self.title


class ServiceItemVersion(Model):
    """An immutable copy of one published version of a service item."""

    id = fields.IntField(primary_key=True)
    item: fields.ForeignKeyRelation[ServiceItem] = fields.ForeignKeyField(
        "models.ServiceItem", related_name="versions", on_delete=fields.RESTRICT
    )
    version = fields.IntField()
    title = fields.CharField(max_length=128)
    scope = fields.TextField()
    content = fields.TextField()
    legal_basis = fields.TextField()
    fee_basis = fields.TextField()
    fee_type = fields.CharField(max_length=16)
    fee_standard: dict = fields.JSONField()  # see catalog.fees
    time_limit_days = fields.IntField()
    commitments = fields.TextField(default="")
    published_at = fields.DatetimeField()

    item_id: int

    class Meta:
        table = "service_item_version"
        ordering = ["item_id", "version"]
        unique_together = (("item", "version"),)


class ChangeKind(StrEnum):
    """What an agency asks the office to publish (DESIGN.md section 2: listings change
    only through review)."""

    PROFILE = "profile"  # address, phone, introduction of the agency
    ITEM_EDIT = "item_edit"  # new content for a published item (the live one stays live)
    ITEM_NEW = "item_new"  # a new item in a category the agency is admitted to
    ITEM_WITHDRAW = "item_withdraw"  # take a published item down
    QUALIFICATION_NEW = "qualification_new"
    QUALIFICATION_RENEWAL = "qualification_renewal"  # a renewed certificate


class ChangeStatus(StrEnum):
    DRAFT = "draft"  # being written by the agency, seen by nobody else
    PENDING_REVIEW = "pending_review"  # submitted, in the office's review queue
    APPROVED = "approved"  # published (the record stays)
    RETURNED = "returned"  # sent back with a reason; the agency may edit and resubmit


class ListingChange(Model):
    """A change to an agency's presence, as a draft beside what is live.

    ``proposed`` holds the proposed values (for an item, the published fields of
    ``ServiceItem``, and for a qualification, its columns). Nothing public changes until
    the office approves, which applies them in one transaction.
    """

    id = fields.IntField(primary_key=True)
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="listing_changes", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(ChangeKind, max_length=24)
    item: fields.ForeignKeyNullableRelation[ServiceItem] = fields.ForeignKeyField(
        "models.ServiceItem", related_name="changes", null=True, on_delete=fields.CASCADE
    )
    qualification: fields.ForeignKeyNullableRelation[Qualification] = fields.ForeignKeyField(
        "models.Qualification", related_name="changes", null=True, on_delete=fields.CASCADE
    )
    proposed: dict = fields.JSONField(default=dict)
    status = fields.CharEnumField(
        ChangeStatus, max_length=16, default=ChangeStatus.DRAFT, db_index=True
    )
    return_reason = fields.TextField(default="")
    created_by: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="listing_changes", null=True, on_delete=fields.SET_NULL
    )
    reviewed_by: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="listing_reviews", null=True, on_delete=fields.SET_NULL
    )
    published_version = fields.IntField(null=True)  # the item version an approval made
    created_at = fields.DatetimeField(auto_now_add=True)
    submitted_at = fields.DatetimeField(null=True)
    reviewed_at = fields.DatetimeField(null=True)

    agency_id: int
    item_id: int | None
    qualification_id: int | None
    created_by_id: int | None
    reviewed_by_id: int | None

    class Meta:
        table = "listing_change"
        ordering = ["id"]
        indexes = (("agency_id", "status"),)
