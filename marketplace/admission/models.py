"""Admission round models: rounds, their categories and criteria, letters, applications,
conflict declarations, scores, objections and the append-only audit trail.

An application's materials (qualifications with certificate files, proposed service
items) stay on the application: the catalogue's agency qualifications and service items
are created from them only when the round concludes and the application is admitted.
"""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from marketplace.accounts.models import User
from marketplace.catalog.models import Agency, Category, MarketType, ServiceItem

__all__ = [
    "AdmissionEvent",
    "AdmissionRound",
    "Application",
    "ApplicationQualification",
    "ApplicationStatus",
    "ConflictDeclaration",
    "Criterion",
    "Invitation",
    "InvitationKind",
    "Objection",
    "ObjectionStatus",
    "ProposedItem",
    "ReviewerAssignment",
    "RoundCategory",
    "RoundStatus",
    "Score",
]


class RoundStatus(StrEnum):
    DRAFT = "draft"  # being prepared by the office, not public
    ANNOUNCED = "announced"  # the notice is public, the window not yet open
    APPLICATIONS_OPEN = "applications_open"  # agencies apply and may edit their applications
    UNDER_REVIEW = "under_review"  # window closed, applications frozen, qualifications checked
    SCORING = "scoring"  # assigned reviewers score the qualified applications
    PUBLICITY = "publicity"  # results public for the publicity period, objections accepted
    CONCLUDED = "concluded"  # admitted agencies and their items are live in the storefront


class ApplicationStatus(StrEnum):
    SUBMITTED = "submitted"  # received; editable by the agency while the window is open
    WITHDRAWN = "withdrawn"  # withdrawn by the agency before the window closed
    PASSED = "passed"  # passed the qualification review, waiting for the results
    FAILED = "failed"  # failed the qualification review (the reason is shown to the agency)
    ADMITTED = "admitted"  # proposed for admission (publicity), admitted once concluded
    NOT_ADMITTED = "not_admitted"  # passed the review but ranked outside the places
    DISQUALIFIED = "disqualified"  # taken out of the results by an upheld objection


class InvitationKind(StrEnum):
    HOLDER = "holder"  # the designated holder of a monopoly category (必须进驻)
    RECRUIT = "recruit"  # an external agency invited to an absent category (外来引进)


class ObjectionStatus(StrEnum):
    LODGED = "lodged"  # waiting for the office's decision
    UPHELD = "upheld"  # the objection stands and the result it names was changed
    DISMISSED = "dismissed"  # the objection does not stand, with a written reason


class AdmissionRound(Model):
    """One admission round (入驻遴选): its notice, window, publicity period and status."""

    id = fields.IntField(primary_key=True)
    title = fields.CharField(max_length=128)
    notice = fields.TextField()  # the announcement's introduction
    conditions = fields.TextField()  # 申报条件: who may apply
    materials = fields.TextField()  # 申报材料: what an application contains
    opens_on = fields.DateField()  # first day of the application window (Beijing time)
    closes_on = fields.DateField()  # last day of the application window
    publicity_days = fields.IntField()  # 公示期, in working days
    # The standing call of continuous entry (常态化入驻): always open, no quota, no
    # scoring or publicity; each application is checked and, if it passes, goes live.
    continuous = fields.BooleanField(default=False)
    min_score = fields.IntField(default=60)  # a scored applicant below this is not admitted
    status = fields.CharEnumField(
        RoundStatus, max_length=24, default=RoundStatus.DRAFT, db_index=True
    )
    announced_at = fields.DatetimeField(null=True)
    results_published_at = fields.DatetimeField(null=True)
    publicity_starts_on = fields.DateField(null=True)
    publicity_ends_on = fields.DateField(null=True)  # objections are accepted up to this day
    concluded_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()

    categories: fields.ReverseRelation[RoundCategory]
    criteria: fields.ReverseRelation[Criterion]
    applications: fields.ReverseRelation[Application]

    class Meta:
        table = "admission_round"
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.title


class RoundCategory(Model):
    """A category a round covers, with the places it has to fill."""

    id = fields.IntField(primary_key=True)
    round: fields.ForeignKeyRelation[AdmissionRound] = fields.ForeignKeyField(
        "models.AdmissionRound", related_name="categories", on_delete=fields.CASCADE
    )
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="admission_entries", on_delete=fields.RESTRICT
    )
    market_type = fields.CharEnumField(MarketType, max_length=16)  # as announced
    # Agencies to admit: the quota of a competitive category, the places an absent
    # category recruits for, one for a monopoly.
    places = fields.IntField()
    holder_name = fields.CharField(max_length=128, default="")  # monopoly: designated holder
    holder_credit_code = fields.CharField(max_length=18, null=True)
    holder_missing = fields.BooleanField(default=False)  # the window closed without it
    scored = fields.BooleanField(default=False)  # merit-scored, decided when scoring opens
    position = fields.IntField(default=0)

    round_id: int
    category_id: int

    class Meta:
        table = "admission_round_category"
        ordering = ["position", "id"]
        unique_together = (("round", "category"),)


class Criterion(Model):
    """A published scoring criterion. Its weight is the most points a reviewer may give."""

    id = fields.IntField(primary_key=True)
    round: fields.ForeignKeyRelation[AdmissionRound] = fields.ForeignKeyField(
        "models.AdmissionRound", related_name="criteria", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=64)
    description = fields.TextField(default="")
    weight = fields.IntField()  # the weights of a round add up to 100 points
    position = fields.IntField()

    round_id: int

    class Meta:
        table = "admission_criterion"
        ordering = ["position", "id"]
        unique_together = (("round", "position"),)


class Invitation(Model):
    """A letter (发函) inviting a named agency to apply, kept as it was issued."""

    id = fields.IntField(primary_key=True)
    round: fields.ForeignKeyRelation[AdmissionRound] = fields.ForeignKeyField(
        "models.AdmissionRound", related_name="invitations", on_delete=fields.CASCADE
    )
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="admission_invitations", on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(InvitationKind, max_length=16)
    letter_no = fields.CharField(max_length=64, unique=True)  # 函号
    addressee = fields.CharField(max_length=128)
    credit_code = fields.CharField(max_length=18)
    city = fields.CharField(max_length=32)
    address = fields.CharField(max_length=256)
    body = fields.TextField()  # the letter's text as issued
    issued_at = fields.DatetimeField()
    issued_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="admission_invitations", null=True, on_delete=fields.RESTRICT
    )

    round_id: int
    category_id: int

    class Meta:
        table = "admission_invitation"
        ordering = ["id"]
        unique_together = (("round", "category", "credit_code"),)


class Application(Model):
    """One agency's application for one category in one round."""

    id = fields.IntField(primary_key=True)
    round: fields.ForeignKeyRelation[AdmissionRound] = fields.ForeignKeyField(
        "models.AdmissionRound", related_name="applications", on_delete=fields.RESTRICT
    )
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="admission_applications", on_delete=fields.RESTRICT
    )
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="admission_applications", on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(
        ApplicationStatus, max_length=16, default=ApplicationStatus.SUBMITTED, db_index=True
    )
    key_staff = fields.TextField()  # 专业技术人员: one person a line
    past_performance = fields.TextField()  # 近三年业绩: one project a line
    submitted_at = fields.DatetimeField()  # first submission, for the tie rule
    updated_at = fields.DatetimeField()  # last change by the agency
    review_reason = fields.TextField(default="")  # shown to the applicant
    reviewed_at = fields.DatetimeField(null=True)
    final_score = fields.DecimalField(max_digits=6, decimal_places=2, null=True)
    tie_score = fields.DecimalField(max_digits=6, decimal_places=2, null=True)
    rank = fields.IntField(null=True)  # place in the category's ranking, from 1
    result_reason = fields.TextField(default="")  # why an objection changed the result
    # continuous entry: the day the office's formal check is due (working days)
    check_due_on = fields.DateField(null=True)

    round_id: int
    category_id: int
    agency_id: int
    qualifications: fields.ReverseRelation[ApplicationQualification]
    items: fields.ReverseRelation[ProposedItem]
    scores: fields.ReverseRelation[Score]

    class Meta:
        table = "admission_application"
        ordering = ["id"]
        unique_together = (("round", "category", "agency"),)


class ApplicationQualification(Model):
    """A qualification claimed in an application, with its certificate (a PDF on disk)."""

    id = fields.IntField(primary_key=True)
    application: fields.ForeignKeyRelation[Application] = fields.ForeignKeyField(
        "models.Application", related_name="qualifications", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=128)
    grade = fields.CharField(max_length=4, null=True)
    certificate_no = fields.CharField(max_length=64)
    issuer = fields.CharField(max_length=128)
    expires_on = fields.DateField()
    certificate_sha256 = fields.CharField(max_length=64)  # the file's name in the media dir
    certificate_size_bytes = fields.IntField()
    certificate_name = fields.CharField(max_length=128)  # the name it was uploaded under
    position = fields.IntField(default=0)

    application_id: int

    class Meta:
        table = "admission_application_qualification"
        ordering = ["position", "id"]
        unique_together = (("application", "certificate_no"),)


class ProposedItem(Model):
    """A service item an applicant proposes. It becomes a ``ServiceItem`` on admission."""

    id = fields.IntField(primary_key=True)
    application: fields.ForeignKeyRelation[Application] = fields.ForeignKeyField(
        "models.Application", related_name="items", on_delete=fields.CASCADE
    )
    title = fields.CharField(max_length=128)
    scope = fields.TextField()
    content = fields.TextField()
    legal_basis = fields.TextField()
    fee_basis = fields.TextField()
    fee_type = fields.CharField(max_length=16)
    fee_standard: dict = fields.JSONField()  # see catalog.fees
    time_limit_days = fields.IntField()
    commitments = fields.TextField(default="")
    position = fields.IntField(default=0)
    service_item: fields.ForeignKeyNullableRelation[ServiceItem] = fields.ForeignKeyField(
        "models.ServiceItem", related_name="proposals", null=True, on_delete=fields.RESTRICT
    )

    application_id: int
    service_item_id: int | None

    class Meta:
        table = "admission_proposed_item"
        ordering = ["position", "id"]


class ReviewerAssignment(Model):
    id = fields.IntField(primary_key=True)
    round: fields.ForeignKeyRelation[AdmissionRound] = fields.ForeignKeyField(
        "models.AdmissionRound", related_name="reviewers", on_delete=fields.CASCADE
    )
    reviewer: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="admission_assignments", on_delete=fields.RESTRICT
    )
    assigned_at = fields.DatetimeField()

    round_id: int
    reviewer_id: int

    class Meta:
        table = "admission_reviewer"
        ordering = ["id"]
        unique_together = (("round", "reviewer"),)


class ConflictDeclaration(Model):
    """A reviewer's one declaration of conflicts of interest for a round, made before scoring.

    A reviewer with a conflict with any applicant of a category scores nobody in it.
    """

    id = fields.IntField(primary_key=True)
    round: fields.ForeignKeyRelation[AdmissionRound] = fields.ForeignKeyField(
        "models.AdmissionRound", related_name="declarations", on_delete=fields.CASCADE
    )
    reviewer: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="admission_declarations", on_delete=fields.RESTRICT
    )
    conflicting_application_ids: list[int] = fields.JSONField(default=list)
    statement = fields.TextField(default="")  # the nature of the conflicts, if any
    declared_at = fields.DatetimeField()

    round_id: int
    reviewer_id: int

    class Meta:
        table = "admission_conflict_declaration"
        unique_together = (("round", "reviewer"),)


class Score(Model):
    """The points one reviewer gave one application on one criterion."""

    id = fields.IntField(primary_key=True)
    application: fields.ForeignKeyRelation[Application] = fields.ForeignKeyField(
        "models.Application", related_name="scores", on_delete=fields.RESTRICT
    )
    reviewer: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="admission_scores", on_delete=fields.RESTRICT
    )
    criterion: fields.ForeignKeyRelation[Criterion] = fields.ForeignKeyField(
        "models.Criterion", related_name="scores", on_delete=fields.RESTRICT
    )
    points = fields.IntField()
    scored_at = fields.DatetimeField()

    application_id: int
    reviewer_id: int
    criterion_id: int

    class Meta:
        table = "admission_score"
        unique_together = (("application", "reviewer", "criterion"),)


class Objection(Model):
    """An objection (异议) lodged by anyone during the publicity period, and its handling."""

    id = fields.IntField(primary_key=True)
    round: fields.ForeignKeyRelation[AdmissionRound] = fields.ForeignKeyField(
        "models.AdmissionRound", related_name="objections", on_delete=fields.RESTRICT
    )
    application: fields.ForeignKeyNullableRelation[Application] = fields.ForeignKeyField(
        "models.Application", related_name="objections", null=True, on_delete=fields.RESTRICT
    )
    # the receipt number the objector follows the objection with (YY-round-NNNN...)
    receipt_no = fields.CharField(max_length=32, null=True, unique=True)
    objector_name = fields.CharField(max_length=64)
    contact = fields.CharField(max_length=128)  # not published
    text = fields.TextField()
    lodged_at = fields.DatetimeField()
    status = fields.CharEnumField(ObjectionStatus, max_length=16, default=ObjectionStatus.LODGED)
    decision = fields.TextField(default="")  # the office's written answer
    decided_at = fields.DatetimeField(null=True)
    decided_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="admission_decisions", null=True, on_delete=fields.RESTRICT
    )

    round_id: int
    application_id: int | None

    class Meta:
        table = "admission_objection"
        ordering = ["id"]


class AdmissionEvent(Model):
    """One line of the append-only admission audit trail. Nothing updates or deletes these rows.

    Public lines (the announcement, results, objections and their handling, suspensions
    and removals) are shown on the round's public page.
    """

    id = fields.IntField(primary_key=True)
    round: fields.ForeignKeyNullableRelation[AdmissionRound] = fields.ForeignKeyField(
        "models.AdmissionRound", related_name="events", null=True, on_delete=fields.RESTRICT
    )
    at = fields.DatetimeField()
    kind = fields.CharField(max_length=32, db_index=True)
    public = fields.BooleanField()
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="admission_events", null=True, on_delete=fields.RESTRICT
    )
    category: fields.ForeignKeyNullableRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="admission_events", null=True, on_delete=fields.RESTRICT
    )
    agency: fields.ForeignKeyNullableRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="admission_events", null=True, on_delete=fields.RESTRICT
    )
    application: fields.ForeignKeyNullableRelation[Application] = fields.ForeignKeyField(
        "models.Application", related_name="events", null=True, on_delete=fields.RESTRICT
    )
    reason = fields.TextField(default="")
    detail: dict = fields.JSONField(default=dict)

    round_id: int | None
    actor_id: int | None
    category_id: int | None
    agency_id: int | None
    application_id: int | None

    class Meta:
        table = "admission_event"
        ordering = ["id"]
