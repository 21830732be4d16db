"""The demo activity (`marketplace serve`, `marketplace seed-demo`): the same for the same day,
made by the services, and a marketplace that keeps its rules.

One test per backend: the demo catalogue runs a whole admission round and the activity some
two thousand service calls, so each is made once and everything is checked on it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from marketplace.accounts.models import Enterprise, MemberRole, Role, User, UserRole
from marketplace.admission.models import AdmissionRound, Application, Objection, RoundStatus
from marketplace.catalog.demo import DEMO_ADMITTED_ON, ROUND_TITLE, seed_demo
from marketplace.catalog.demo_activity import ACTIVITY_DAYS, seed_activity
from marketplace.catalog.demo_rounds import OPEN_ROUND_TITLE, PUBLICITY_ROUND_TITLE
from marketplace.codes import check_uscc
from marketplace.complaints.models import Complaint, ComplaintState
from marketplace.complaints.services import complaint_stats
from marketplace.core.calendar import load_calendar
from marketplace.core.uploads import stored_path
from marketplace.orders.clock import clock_of
from marketplace.orders.models import Order, OrderEvent, OrderFile, OrderState
from marketplace.organisations.models import MemberInvitation, Professional
from marketplace.ratings.models import Rating
from marketplace.ratings.services import RATING_WINDOW_DAYS
from marketplace.search.documents import build_all_documents
from tests.conftest import MEDIA_DIR

TODAY = dt.date(2026, 11, 25)
BEIJING = dt.timezone(dt.timedelta(hours=8))


def _beijing(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(BEIJING)


async def _sizes() -> dict[str, int]:
    return {
        "orders": await Order.all().count(),
        "events": await OrderEvent.all().count(),
        "ratings": await Rating.all().count(),
        "complaints": await Complaint.all().count(),
        "users": await User.all().count(),
        "enterprises": await Enterprise.all().count(),
    }


async def test_the_demo_activity_is_pinned_consistent_and_loaded_once(db: str) -> None:
    assert await seed_activity(today=TODAY, media_dir=MEDIA_DIR) is False  # no demo yet
    assert await seed_demo(media_dir=MEDIA_DIR)
    assert await seed_activity(today=TODAY, media_dir=MEDIA_DIR) is True

    # --- the same activity every time for this day ---------------------------------------
    orders = await Order.all().order_by("id")
    assert Counter(o.state.value for o in orders) == {
        "rated": 116,
        "completed": 43,
        "in_service": 20,
        "declined": 9,
        "cancelled": 7,
        "delivered": 2,
        "disputed": 1,
        "placed": 1,  # the confirmed purchase contract's order (marketplace.procurement.demo)
    }
    # one item of each of the 18 categories enterprises order (not the drawing review and
    # the lightning testing of new works, which the approving departments commission)
    activity = [o for o in orders if not o.idempotency_key.startswith("purchase-")]
    assert len({o.item_id for o in activity}) == 18
    # and the purchase contract's order, on the winner's listing in its category
    (contract,) = [o for o in orders if o.idempotency_key.startswith("purchase-")]
    assert (contract.state.value, contract.quoted_low_fen, contract.quoted_high_fen) == (
        "placed",
        5_600_000,
        5_600_000,
    )
    ratings = await Rating.all()
    assert len(ratings) == 116
    assert sum(1 for r in ratings if r.comment) == 63
    assert sum(1 for r in ratings if r.reply) == 18
    assert Counter(round(r.overall) for r in ratings) == {5: 56, 4: 40, 3: 16, 2: 4}
    complaints = await Complaint.all().order_by("id")
    assert [(c.topic, c.state.value, c.received_on.isoformat()) for c in complaints] == [
        ("fees", "closed", "2026-04-24"),
        ("quality", "answered", "2026-05-29"),
        ("overdue", "closed", "2026-06-17"),
        ("conduct", "closed", "2026-07-27"),
        ("overdue", "closed", "2026-08-06"),
        ("attitude", "closed", "2026-08-26"),
        ("overdue", "closed", "2026-09-20"),
        ("overdue", "closed", "2026-09-21"),
        ("fees", "open", "2026-11-12"),
        ("quality", "open", "2026-11-24"),
    ]
    stats = await complaint_stats(dt.date(2026, 1, 1), TODAY, on=TODAY)
    assert (stats.received, stats.handled, stats.answered_in_time) == (10, 8, 6)
    assert (stats.overdue_open, stats.rated, stats.satisfied) == (1, 7, 6)

    calendar = await load_calendar()
    delivered = [o for o in orders if o.delivered_on is not None]
    on_time = [o for o in delivered if clock_of(o, calendar, o.delivered_on or TODAY).on_time]
    assert (len(delivered), len(on_time)) == (161, 136)  # 84 % on time

    # --- everything happened in the eight months before today ---------------------------
    first_day = max(TODAY - dt.timedelta(days=ACTIVITY_DAYS), DEMO_ADMITTED_ON)
    for order in orders:
        placed = _beijing(order.created_at)
        assert first_day <= placed.date() < TODAY
        assert 9 <= placed.hour <= 17
        assert order.number == f"{placed:%y%m%d}-{order.id:05d}"
    assert len({_beijing(o.created_at).strftime("%Y-%m") for o in orders}) == 9
    for complaint in complaints:
        assert _beijing(complaint.created_at).date() == complaint.received_on
        assert complaint.number == f"TS{complaint.received_on:%y%m%d}-{complaint.id:05d}"

    # --- every order is where its events lead ----------------------------------------
    events: dict[int, list[OrderEvent]] = defaultdict(list)
    for event in await OrderEvent.all().order_by("id"):
        events[event.order_id].append(event)
    for order in orders:
        log = events[order.id]
        assert log[0].action == "place" and log[0].at == order.created_at
        assert [e.at for e in log] == sorted(e.at for e in log)
        assert all(_beijing(e.at).date() < TODAY for e in log)
        state = ""
        for event in log:
            assert event.from_state == state, (order.id, event.action)
            state = event.to_state
        assert state == order.state.value, order.id
        if order.accepted_on is not None:
            assert order.deadline is not None and order.accepted_on > _beijing(log[0].at).date()

    # --- ratings: of completed orders, by their enterprise, within the window ---------------
    by_id = {o.id: o for o in orders}
    for rating in ratings:
        order = by_id[rating.order_id]
        assert order.state is OrderState.RATED
        assert order.completed_on is not None
        assert (rating.enterprise_id, rating.agency_id, rating.item_id) == (
            order.enterprise_id,
            order.agency_id,
            order.item_id,
        )
        rated_on = _beijing(rating.created_at).date()
        assert order.completed_on <= rated_on < TODAY
        assert (rated_on - order.completed_on).days <= RATING_WINDOW_DAYS
        if rating.replied_at is not None:
            assert rating.replied_at > rating.created_at
    assert {o.id for o in orders if o.state is OrderState.RATED} == {r.order_id for r in ratings}

    # --- complaints: a disputed order has its open complaint, and only it ----------------
    disputed = {o.id for o in orders if o.state is OrderState.DISPUTED}
    open_on = {c.open_on_order for c in complaints if c.open_on_order is not None}
    assert disputed == open_on and len(disputed) == 1
    assert all((o.state_before_dispute is not None) == (o.id in disputed) for o in orders), (
        "state_before_dispute is kept only while disputed"
    )
    for complaint in complaints:
        if complaint.order_id is not None:
            assert by_id[complaint.order_id].enterprise_id == complaint.enterprise_id
            assert by_id[complaint.order_id].agency_id == complaint.agency_id
        if complaint.state is ComplaintState.OPEN:
            assert complaint.answered_on is None and complaint.satisfied is None
        else:
            assert complaint.answered_on is not None
            assert complaint.received_on <= complaint.answered_on < TODAY
        assert (complaint.satisfied is not None) == (complaint.state is ComplaintState.CLOSED)
    assert Counter(c.outcome for c in complaints if c.outcome) == {"resume": 3, "cancel": 1}

    # --- delivered files are a real PDF in the media folder ------------------------------
    files = await OrderFile.filter(purpose="delivery")
    assert {f.order_id for f in files} == {o.id for o in delivered}
    assert len({f.sha256 for f in files}) == 1
    assert stored_path(MEDIA_DIR, files[0].sha256).read_bytes().startswith(b"%PDF-")

    # --- the people: fictional enterprises with valid codes, one staff per agency ordered --
    enterprises = await Enterprise.all()
    assert len(enterprises) == 10
    assert all(check_uscc(e.credit_code) == e.credit_code and "示例" in e.name for e in enterprises)
    # (each organisation's first account is its administrator; marketplace.organisations.demo
    # then adds one handler to the first enterprise and to the first agency)
    staff = await User.filter(roles__role=Role.AGENCY, member_role=MemberRole.ADMINISTRATOR)
    assert sorted(u.agency_id for u in staff if u.agency_id) == sorted(
        {o.agency_id for o in orders}
    )
    assert await UserRole.filter(role=Role.ENTERPRISE).count() == 11
    assert await User.filter(member_role=MemberRole.HANDLER).count() == 2
    assert await MemberInvitation.filter(accepted_at=None).count() == 2
    assert await Professional.all().count() == 3 * len(staff)

    # --- search reads the listings' ratings and promise-keeping --------------------------
    documents = {d.id: d for d in await build_all_documents()}
    assert len(documents) == 55
    assert sum(d.rating_count for d in documents.values()) == 116
    assert sum(1 for d in documents.values() if d.on_time_rate is not None) == 18

    # --- two admission rounds in progress: publicity with an objection, and open --------
    rounds = await AdmissionRound.all().order_by("id")
    assert [(r.title, r.status) for r in rounds] == [
        (ROUND_TITLE, RoundStatus.CONCLUDED),
        (PUBLICITY_ROUND_TITLE, RoundStatus.PUBLICITY),
        (OPEN_ROUND_TITLE, RoundStatus.APPLICATIONS_OPEN),
    ]
    _, in_publicity, open_round = rounds
    assert in_publicity.publicity_ends_on is not None
    assert in_publicity.publicity_ends_on >= TODAY  # objections are still accepted
    assert open_round.opens_on < TODAY < open_round.closes_on
    assert Counter(a.status.value for a in await Application.filter(round=in_publicity)) == {
        "admitted": 2
    }
    assert await Application.filter(round=open_round, status="submitted").count() == 1
    objection = await Objection.get(round=in_publicity)
    assert (objection.status.value, objection.receipt_no) == (
        "lodged",
        f"YY2026{objection.id:05d}",
    )

    # --- a second call adds nothing ------------------------------------------------------
    before = await _sizes()
    assert await seed_activity(today=TODAY, media_dir=MEDIA_DIR) is False
    assert await seed_activity(today=TODAY + dt.timedelta(days=30), media_dir=MEDIA_DIR) is False
    assert await _sizes() == before
