"""What waits for the office: the counts the back-office home shows beside each section."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marketplace.admission.models import (
    Application,
    ApplicationStatus,
    Objection,
    ObjectionStatus,
    RoundStatus,
)
from marketplace.catalog.models import ChangeStatus, ListingChange
from marketplace.complaints.models import Complaint, ComplaintState
from marketplace.orders.models import Order, OrderState
from marketplace.procurement.models import PurchaseRequest, PurchaseState

__all__ = ["OfficeQueue", "office_queue"]


@dataclass(frozen=True, slots=True)
class OfficeQueue:
    applications_to_review: int  # submitted, in rounds whose window has closed
    entry_checks_due: int  # continuous entry: submitted, waiting for the formal check
    objections_to_decide: int
    complaints_open: int
    complaints_overdue: int  # open past their due day
    listings_to_approve: int  # agencies' listing changes submitted for review
    purchases_to_select: int  # open requests whose registration deadline has passed
    orders_overdue: int  # in service past their deadline
    orders_disputed: int


async def office_queue(today: dt.date) -> OfficeQueue:
    """The office's waiting work as of ``today`` (Beijing), one count query each."""
    return OfficeQueue(
        applications_to_review=await Application.filter(
            status=ApplicationStatus.SUBMITTED, round__status=RoundStatus.UNDER_REVIEW
        ).count(),
        entry_checks_due=await Application.filter(
            status=ApplicationStatus.SUBMITTED, round__continuous=True
        ).count(),
        objections_to_decide=await Objection.filter(status=ObjectionStatus.LODGED).count(),
        complaints_open=await Complaint.filter(state=ComplaintState.OPEN).count(),
        complaints_overdue=await Complaint.filter(
            state=ComplaintState.OPEN, due_on__lt=today
        ).count(),
        listings_to_approve=await ListingChange.filter(status=ChangeStatus.PENDING_REVIEW).count(),
        purchases_to_select=await PurchaseRequest.filter(
            state=PurchaseState.OPEN, deadline__lt=today
        ).count(),
        orders_overdue=await Order.filter(state=OrderState.IN_SERVICE, deadline__lt=today).count(),
        orders_disputed=await Order.filter(state=OrderState.DISPUTED).count(),
    )
