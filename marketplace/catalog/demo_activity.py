"""Demo activity: eight months of orders, ratings and complaints on the demo catalogue.

``seed_activity`` runs after ``seed_demo`` (``marketplace serve`` and ``marketplace
seed-demo`` run it unless given ``--no-activity``), so that a newcomer sees a marketplace
in use: listings with ratings and measured promise-keeping, the statistics dashboard and
the complaints back office with something in them.

Everything happens through the services, as it would for real: ten fictional enterprises
register, order about twenty service items of different categories, the agencies' staff
accept (or decline), wait for materials, deliver a PDF, the enterprises confirm or send
it back, rate most completed orders, and complain now and then; the demo's office answers
the complaints. The working-day clock is the services' own: each step is made on the day
it happens (``on=``), in order. The only writes besides the services correct what they
date "now" to the step's moment (Beijing working hours), so that monthly figures spread
over the months: the orders' and complaints' creation time (and the number built from
it), the order events, delivered files, ratings, replies, answers and feedback.

A fixed seed draws every decision, so the same ``today`` gives the same activity; steps
that would fall on ``today`` or later do not happen, which leaves the recent orders placed,
in service or delivered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tortoise.transactions import in_transaction

from marketplace.accounts import services as accounts
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role, User
from marketplace.catalog.demo import DEMO_ADMITTED_ON, DEMO_OFFICE_EMAIL, demo_pdf
from marketplace.catalog.demo_rounds import seed_rounds
from marketplace.catalog.fees import parse_fee_standard
from marketplace.catalog.models import Agency, Category, CommissionedBy, ServiceItem
from marketplace.catalog.services import public_items
from marketplace.codes import gb11714_check_character, uscc_check_character
from marketplace.complaints import services as complaints
from marketplace.complaints.models import Complaint
from marketplace.core.calendar import load_calendar
from marketplace.core.clock import BEIJING as _CST
from marketplace.core.uploads import MemoryUpload, StoredFile, read_uploads
from marketplace.core.workdays import WorkCalendar
from marketplace.orders import monthly
from marketplace.orders import services as orders
from marketplace.orders.models import Order, OrderEvent, OrderFile
from marketplace.organisations.demo import seed_organisations
from marketplace.procurement.demo import seed_purchases
from marketplace.ratings import services as ratings
from marketplace.ratings.models import DIMENSIONS, Rating

__all__ = ["ACTIVITY_DAYS", "seed_activity"]

# The activity covers this many calendar days before ``today`` (about eight months), but
# never starts before the demo agencies were admitted.
ACTIVITY_DAYS = 243
_SEED = 20260316
_ORDERS_PER_WORKING_DAY = 1.2

# Shares of the orders' fates (the rest are accepted and served).
_DECLINED = 0.03
_CANCELLED = 0.03
_LATE = 0.14
_PAUSED = 0.15
_SENT_BACK = 0.05
_AUTO_CONFIRMED = 0.08
_RATED = 0.85

# (name, division, industry, contact person, weight, projects: (name, type of approval))
_ENTERPRISES: tuple[tuple[str, str, str, str, int, tuple[tuple[str, str], ...]], ...] = (
    (
        "盐城示例新材料有限公司",
        "320902",
        "30",
        "陈立新",
        3,
        (("年产3万吨高性能复合材料项目", "03"), ("新材料研发中心及中试基地项目", "03")),
    ),
    (
        "盐城示例智能装备制造有限公司",
        "320903",
        "34",
        "王振华",
        3,
        (("智能装备产业园一期工程", "03"), ("数控机床生产线技术改造项目", "03")),
    ),
    (
        "江苏示例新能源科技有限公司",
        "320904",
        "44",
        "刘海波",
        2,
        (("100MW渔光互补光伏发电项目", "02"), ("200MWh储能电站建设项目", "02")),
    ),
    (
        "盐城示例置业发展有限公司",
        "320902",
        "70",
        "张宏",
        3,
        (("湖畔花园住宅小区项目", "03"), ("城南商业综合体项目", "03")),
    ),
    (
        "盐城示例港口物流有限公司",
        "320921",
        "59",
        "周建国",
        2,
        (("港区综合物流园项目", "02"), ("冷链仓储中心项目", "03")),
    ),
    (
        "盐城示例食品科技有限公司",
        "320924",
        "14",
        "吴晓梅",
        1,
        (("年产2万吨休闲食品生产线项目", "03"),),
    ),
    (
        "盐城示例城市建设投资有限公司",
        "320902",
        "48",
        "孙立强",
        4,
        (
            ("城东片区道路及管网改造工程", "01"),
            ("滨河公园及配套设施建设工程", "01"),
            ("保障性租赁住房项目", "01"),
        ),
    ),
    (
        "盐城示例化工科技有限公司",
        "320922",
        "26",
        "郑国平",
        2,
        (("精细化学品及配套设施项目", "03"),),
    ),
    (
        "盐城示例医疗器械有限公司",
        "320981",
        "35",
        "冯静",
        1,
        (("医用耗材洁净厂房建设项目", "03"),),
    ),
    (
        "盐城示例汽车零部件有限公司",
        "320925",
        "36",
        "何志远",
        2,
        (("新能源汽车零部件智能工厂项目", "03"), ("年产50万套汽车内饰件扩建项目", "03")),
    ),
)

# How often each category is ordered (by code); the others weigh 3.
_CATEGORY_WEIGHTS = {
    "EIA": 10,
    "SURVEY": 10,
    "FEASIBILITY": 8,
    "SPECIAL": 8,
    "SAFETY": 6,
    "ENERGY": 6,
    "SWC": 6,
    "SEA": 5,
    "OHA": 4,
    "WRA": 4,
    "GHA": 4,
    "RECLAIM": 4,
    "FOREST": 3,
    "NAV": 2,
    "SEISMIC": 2,
    "ARCH": 2,
}

# Typical bases by unit, as an enterprise would type them.
_BASES: dict[str, tuple[str, ...]] = {
    "wan_yuan": ("350", "680", "1200", "1850", "2600", "3500", "5200", "8000", "12000", "18500"),
    "yuan": ("860000", "1250000", "2380000", "3600000", "5200000", "8750000", "12600000"),
    "m2": ("2400", "5600", "8800", "12500", "18600", "26000", "35800", "52000", "76000"),
    "hectare": ("3.5", "6.2", "8", "12.6", "18", "25.4", "40"),
    "km2": ("0.6", "1.2", "2.5", "3.8", "5"),
    "km": ("2.5", "5", "8", "12", "20"),
    "point": ("12", "18", "24", "36", "48", "60"),
    "floor": ("3", "6", "12", "18", "26"),
    "item": ("1", "2", "3", "4", "6", "8", "12"),
}

_SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜"
_GIVEN_NAMES = (
    "晓东",
    "雅琴",
    "志明",
    "海燕",
    "建华",
    "丽娟",
    "国强",
    "文博",
    "静怡",
    "宇航",
    "俊杰",
)

_NOTES = (
    "请尽快安排现场踏勘，联系人电话见企业信息。",
    "项目已取得立项备案，相关资料可随时提供。",
    "希望在月底前完成，以便提交审批。",
    "请先提供所需资料清单。",
)
_DECLINE_REASONS = (
    "本机构该类项目近期排期已满，无法在承诺时限内完成，建议选择其他机构。",
    "项目所在区域超出本机构资质许可的业务范围。",
    "本机构与该项目存在利害关系，按规定回避。",
)
# Picked by the day the order was placed, not by the random stream, so adding them left
# every other drawn value of the demo as it was.
_CANCEL_REASONS = (
    "项目选址调整，原委托暂不需要，待新址确定后再行委托。",
    "误选了服务项目，将重新下单。",
    "项目业主已变更，由新业主另行委托。",
)
_PAUSE_REASONS = (
    "等待业主提供项目可行性研究报告及总平面布置图。",
    "需业主补充用地红线图和地形图电子版。",
    "等待业主提供主要设备清单及工艺流程说明。",
    "需业主协调现场踏勘时间并提供安全交底。",
)
_SEND_BACK_REASONS = (
    "报告中项目总投资与可研批复不一致，请核对后修改。",
    "成果缺少附图和现场照片，请补充后重新交付。",
    "部分数据引用有误，请按审查意见修改。",
)
_GOOD_COMMENTS = (
    "报告质量高，一次通过专家评审，推荐。",
    "响应及时，项目负责人全程跟进，沟通顺畅。",
    "比承诺时限提前完成，收费与公示标准一致。",
    "现场踏勘认真，资料清单列得很清楚，省了不少事。",
    "整体满意，修改意见当天就能回复。",
    "服务专业，成果一次性通过审批部门审查。",
    "收费透明，没有额外费用，下次还会选择。",
    "工作人员态度很好，为赶进度周末也在加班。",
    "熟悉审批流程，帮我们少走了不少弯路。",
    "成果文件规范，附件齐全。",
)
_FAIR_COMMENTS = (
    "总体可以，但中间沟通不够主动，需要我们多次询问进度。",
    "报告内容没问题，格式来回修改了几次。",
    "按时交付了，就是前期资料要求说得不够清楚。",
    "质量尚可，收费在公示标准内但略高于预期。",
)
_POOR_COMMENTS = (
    "超出承诺时限才交付，影响了项目报批进度。",
    "多次催促才推进，时效性需要改进。",
    "交付延期，且事先没有说明原因。",
    "报告有多处错误，返工两次才通过。",
)
_GOOD_REPLIES = (
    "感谢贵公司的信任与认可，我们将继续做好服务。",
    "感谢好评！后续项目如有需要，欢迎随时联系。",
)
_POOR_REPLIES = (
    "非常抱歉给贵公司带来不便。延期主要因补充监测数据，我们已调整排期，今后将提前告知进度。",
    "感谢反馈，我们已对报告编制流程进行内部复盘，加强质量校核。",
)


@dataclass(frozen=True, slots=True)
class _ComplaintText:
    topic: str
    description: str
    answer: str
    feedback: str = ""
    satisfied: str = ""  # "yes" | "no" | "": no feedback yet


# The complaints, by the situation they are lodged in.
_OVERDUE = (
    _ComplaintText(
        "overdue",
        "已超过承诺的办理时限，多次电话催促仍未给出明确的交付时间，影响项目报批。",
        "经核实，机构因补充监测数据导致延误。已约谈机构负责人，要求其3个工作日内交付成果，"
        "本次超期情况记入机构服务记录。订单恢复办理。",
        "处理及时，机构已交付成果，满意。",
        "yes",
    ),
    _ComplaintText(
        "overdue",
        "受理后迟迟不交付，项目负责人以人手不足为由一再拖延。",
        "已责成机构调配人员、限期交付，并要求其今后在受理前如实评估排期。订单恢复办理。",
        "答复较笼统，机构仍未说明延期的具体原因。",
        "no",
    ),
    _ComplaintText(
        "overdue",
        "报告交付时间已过，机构称在等待专家意见，但事先未告知需要专家评审。",
        "经核实，专家评审属于服务内容，应计入承诺时限。已要求机构尽快交付，订单恢复办理。",
        "问题已解决，但答复比规定时间晚了几天。",
        "yes",
    ),
)
_CANCEL = _ComplaintText(
    "overdue",
    "机构受理后长时间未开展任何工作，项目负责人联系不上，请求终止订单另选机构。",
    "经核实，机构受理后未按约定开展工作。依据中介服务超市管理规定终止该订单，"
    "贵公司可重新选择中介机构；已约谈该机构。",
    "处理结果满意，已另选机构。",
    "yes",
)
_AFTERWARDS = (
    _ComplaintText(
        "fees",
        "成果交付后机构另行要求支付加急费2000元，该费用未列入服务事项公示的收费标准。",
        "经调查，机构收取的加急费不在公示收费标准内，已责令其退还，并提醒各入驻机构严格按公示"
        "标准收费。",
        "多收的费用已退还，满意。",
        "yes",
    ),
    _ComplaintText(
        "quality",
        "报告中项目规模和坐标与实际不符，被审批部门退回两次才修改到位。",
        "已组织核查。机构承认校核不到位，已免费完成修改并向贵公司致歉；成果质量将纳入机构年度"
        "考核。",
    ),
    _ComplaintText(
        "attitude",
        "对接人员沟通态度生硬，对我方提出的修改意见迟迟不予回应。",
        "已转机构核实并约谈相关人员。机构已更换项目对接人，承诺2个工作日内回复修改意见。",
        "对接人更换后沟通顺畅多了。",
        "yes",
    ),
)
_ABOUT_AGENCY = _ComplaintText(
    "conduct",
    "该机构业务人员在洽谈时承诺“包过审批”，并要求通过个人账户支付部分费用。",
    "已约谈机构负责人，责令立即停止不规范承诺和个人收款行为，相关情况记入机构信用档案。",
    "处理结果满意。",
    "yes",
)
_UNANSWERED_ABOUT_AGENCY = _ComplaintText(
    "fees",
    "该机构报价时要求另付“专家协调费”，此项不在公示的收费标准内。",
    "",
)
_OPEN_ON_ORDER = _ComplaintText(
    "quality",
    "机构受理后反复要求补充与本项目无关的资料，进度停滞，请协调。",
    "",
)


@dataclass
class _Buyer:
    actor: CurrentUser
    projects: list[tuple[str, str]]  # (name, national project code)


@dataclass
class _Complaint:
    number: int
    text: _ComplaintText
    buyer: _Buyer
    agency_id: int
    disputes: bool = False  # lodged on a running order: puts it under complaint
    outcome: str = ""  # resume | cancel, for a disputed order
    answer_after: int = 3  # working days from lodging to the answer (due: 5)
    id: int | None = None


@dataclass
class _Timeline:
    """One order's steps as (day, kind, data), and the days that matter for choosing it."""

    steps: list[tuple[dt.date, str, dict[str, Any]]]
    accepted: dt.date | None = None
    deadline: dt.date | None = None
    delivered: dt.date | None = None
    completed: dt.date | None = None
    late: bool = False
    paused: bool = False


@dataclass
class _Plan:
    index: int
    buyer: _Buyer
    item: ServiceItem
    staff: CurrentUser
    placed: dt.date
    project: tuple[str, str]
    base: str | None
    note: str
    timeline: _Timeline
    order_id: int | None = None
    rating_id: int | None = None
    events: list[tuple[str, dt.datetime]] = field(default_factory=list)
    deliveries: list[dt.datetime] = field(default_factory=list)


@dataclass
class _Step:
    at: dt.datetime  # Beijing time
    serial: int
    kind: str
    plan: _Plan | None
    data: dict[str, Any]


# --- the plan --------------------------------------------------------------------------


def _credit_code(head: str, organisation: str) -> str:
    """A unified social credit code (GB 32100-2015) from its first 8 characters and the 8
    body characters of its organisation code, with both check characters computed, as
    ``marketplace.codes.check_uscc`` verifies."""
    first17 = head + organisation + gb11714_check_character(organisation)
    return first17 + uscc_check_character(first17)


def _before(calendar: WorkCalendar, day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day before ``day``."""
    while count:
        day -= dt.timedelta(days=1)
        if calendar.is_workday(day):
            count -= 1
    return day


def _order_seed(index: int) -> int:
    return _SEED * 1000 + index


def _timeline(
    index: int,
    calendar: WorkCalendar,
    placed: dt.date,
    limit: int,
    complaint: tuple[_Complaint, dt.date | None] | None = None,
) -> _Timeline:
    """The steps of one order; with ``complaint``, the order's own complaint among them."""
    rng = random.Random(_order_seed(index))
    add = calendar.add_working_days
    # every draw first, so that adding a complaint changes nothing else about the order
    fate = rng.random()
    response = rng.choices((1, 2, 3), weights=(5, 3, 2))[0]
    late = rng.random() < _LATE
    used_on_time = rng.randint(max(1, (2 * limit + 4) // 5), limit)
    used_late = limit + rng.randint(1, max(2, limit // 4))
    paused = rng.random() < _PAUSED
    pause_at = rng.random()
    pause_for = rng.randint(2, 6)
    sent_back = rng.random() < _SENT_BACK
    redelivered_after = rng.randint(2, 4)
    auto_confirmed = rng.random() < _AUTO_CONFIRMED
    confirm_after = rng.choices((1, 2, 3, 4), weights=(4, 3, 2, 1))[0]
    rated = rng.random() < _RATED
    rated_after = rng.randint(0, 12)
    decline_reason = rng.choice(_DECLINE_REASONS)
    pause_reason = rng.choice(_PAUSE_REASONS)
    send_back_reason = rng.choice(_SEND_BACK_REASONS)
    level = rng.choice((2, 3, 3, 4)) if late else rng.choices((5, 4, 3), weights=(62, 33, 5))[0]
    scores: dict[str, int] = {}
    for dimension in DIMENSIONS:
        score = level
        nudge = rng.random()
        if nudge < 0.15:
            score -= 1
        elif nudge < 0.25:
            score += 1
        if late and dimension == "timeliness":
            score = min(score, rng.choice((1, 2, 3)))
        scores[dimension] = max(1, min(5, score))
    overall = sum(scores.values()) / len(scores)
    comments = (
        _GOOD_COMMENTS if overall >= 4 else _FAIR_COMMENTS if overall >= 3 else _POOR_COMMENTS
    )
    comment = rng.choice(comments) if rng.random() < 0.5 else ""
    replied = rng.random() < (0.4 if comment and overall < 4 else 0.1)
    reply = rng.choice(_GOOD_REPLIES if overall >= 4 else _POOR_REPLIES)
    replied_after = rng.randint(1, 3)

    steps: list[tuple[dt.date, str, dict[str, Any]]] = [(placed, "place", {})]
    timeline = _Timeline(steps)
    if fate < _DECLINED:
        steps.append((add(placed, response), "decline", {"reason": decline_reason}))
        return timeline
    if fate < _DECLINED + _CANCELLED:
        reason = _CANCEL_REASONS[placed.toordinal() % len(_CANCEL_REASONS)]
        steps.append((add(placed, 1), "cancel", {"reason": reason}))
        return timeline
    accepted = add(placed, response)
    steps.append((accepted, "accept", {}))
    used = used_late if late else used_on_time
    paused_days = 0
    if paused and used >= 3:
        pause_day = add(accepted, 1 + int(pause_at * (used - 1)))
        steps.append((pause_day, "pause", {"reason": pause_reason}))
        steps.append((add(pause_day, pause_for), "resume", {}))
        paused_days = pause_for
    deadline = add(accepted, limit + paused_days)
    delivered = add(accepted, used + paused_days)
    timeline.accepted, timeline.deadline, timeline.late = accepted, deadline, late
    timeline.paused = paused_days > 0

    if complaint is not None:
        filed, lodged = complaint
        if filed.outcome == "resume":  # the order is late: complained of, then delivered
            lodged = add(deadline, 1)
            answered = add(lodged, filed.answer_after)
            steps.append((lodged, "lodge", {"complaint": filed}))
            steps.append((answered, "answer", {"complaint": filed}))
            delivered = max(delivered, add(answered, rng.randint(1, 3)))
        else:  # cancelled by the answer, or still open: the order ends here
            assert lodged is not None
            steps.append((lodged, "lodge", {"complaint": filed}))
            if filed.outcome == "cancel":
                steps.append((add(lodged, filed.answer_after), "answer", {"complaint": filed}))
            return timeline

    steps.append((delivered, "deliver", {}))
    if sent_back:
        returned = add(delivered, 1)
        steps.append((returned, "send_back", {"reason": send_back_reason}))
        delivered = add(returned, redelivered_after)
        steps.append((delivered, "deliver", {}))
    timeline.delivered = delivered
    if auto_confirmed:
        completed = add(delivered, 5)
        steps.append((completed, "auto_confirm", {}))
    else:
        completed = add(delivered, confirm_after)
        steps.append((completed, "confirm", {}))
    timeline.completed = completed
    if rated:
        rated_on = completed + dt.timedelta(days=rated_after)
        steps.append((rated_on, "rate", {"scores": scores, "comment": comment}))
        if replied:
            steps.append((rated_on + dt.timedelta(days=replied_after), "reply", {"text": reply}))
    return timeline


def _moments(rng: random.Random, days: Sequence[dt.date]) -> list[dt.datetime]:
    """A time in working hours for each of these (non-decreasing) days, strictly increasing."""
    moments: list[dt.datetime] = []
    for day in days:
        at = dt.datetime(day.year, day.month, day.day, 9, tzinfo=_CST) + dt.timedelta(
            minutes=rng.randint(0, 8 * 60)
        )
        if moments and at <= moments[-1]:
            at = moments[-1] + dt.timedelta(minutes=rng.randint(5, 60))
        moments.append(at)
    return moments


def _base(rng: random.Random, item: ServiceItem) -> str | None:
    standard = parse_fee_standard(item.fee_standard)
    if not standard.needs_base:
        return None
    return rng.choice(_BASES[standard.base_unit or "item"])


# --- running it ------------------------------------------------------------------------


async def _current(user: User) -> CurrentUser:
    return CurrentUser(user, frozenset(await accounts.user_roles(user)))


async def _register_buyers(start: dt.date) -> list[_Buyer]:
    buyers = []
    for number, (name, division, _, person, _, projects) in enumerate(_ENTERPRISES, start=1):
        # Nobody knows these passwords: the demo enterprises exist for their activity.
        user = await accounts.register_enterprise(
            company_name=name,
            credit_code=_credit_code(f"91{division}", f"MA1YC{number:03d}"),
            contact_person=person,
            phone=f"0515-8{number:03d}{number * 1373 % 10000:04d}",
            email=f"demo.enterprise{number:02d}@example.com",
            password=secrets.token_urlsafe(24),
        )
        buyers.append(
            _Buyer(
                await _current(user),
                [
                    (
                        project,
                        # GB/T 40058-2021: time code (year, month), division, central
                        # department (89, as in the real codes seen), type, number.
                        f"{start:%y%m}-{division}-89-{kind}-"
                        f"{(number * 7919 + position * 104729) % 900000 + 100000:06d}",
                    )
                    for position, (project, kind) in enumerate(projects)
                ],
            )
        )
    return buyers


async def _agency_staff(agencies: Sequence[Agency]) -> dict[int, CurrentUser]:
    staff = {}
    for number, agency in enumerate(sorted(agencies, key=lambda a: a.id)):
        name = _SURNAMES[number % len(_SURNAMES)] + _GIVEN_NAMES[number * 7 % len(_GIVEN_NAMES)]
        user = await accounts.create_user(
            email=f"demo.agency{agency.id:02d}@example.com",
            name=name,
            password=secrets.token_urlsafe(24),
            roles={Role.AGENCY},
            agency=agency,
        )
        staff[agency.id] = await _current(user)
    return staff


async def _delivery_file(media_dir: Path) -> StoredFile:
    """The demo deliverable, stored the way an upload is."""
    content = demo_pdf("DEMO DELIVERABLE - fictional report of the demo marketplace activity")
    upload = MemoryUpload(filename="demo-report.pdf", content=content)
    (stored,) = await read_uploads([upload], media_dir)
    return stored


async def _contract_file(media_dir: Path) -> StoredFile:
    """The demo purchases' signed contract, stored the way an upload is."""
    content = demo_pdf("DEMO CONTRACT - fictional signed contract of a demo purchase request")
    upload = MemoryUpload(filename="demo-contract.pdf", content=content)
    (stored,) = await read_uploads([upload], media_dir)
    return stored


def _stored(at: dt.datetime) -> dt.datetime:
    """``at`` in Beijing time, as the ORM stores every timestamp (``timezone`` in
    marketplace.core.database): SQLite compares them as text, so all must share the offset."""
    return at.astimezone(_CST)


async def seed_activity(*, today: dt.date, media_dir: Path | None = None) -> bool:
    """Add the demo activity to the demo catalogue, up to the day before ``today``.

    ``False`` (and nothing added) if there are orders already, or if this is not the demo
    catalogue (no demo office) or ``today`` leaves no working day after its admission.
    ``media_dir`` receives the delivered PDF (default: the settings' media dir).
    """
    if await Order.exists():
        return False
    office_user = await User.get_or_none(email=DEMO_OFFICE_EMAIL)
    if office_user is None:
        return False
    calendar = await load_calendar()
    start = max(today - dt.timedelta(days=ACTIVITY_DAYS), DEMO_ADMITTED_ON + dt.timedelta(days=1))
    working_days = [
        start + dt.timedelta(days=n)
        for n in range((today - start).days)
        if calendar.is_workday(start + dt.timedelta(days=n))
    ]
    if not working_days:
        return False
    if media_dir is None:
        from marketplace.core.settings import Settings

        media_dir = Settings.from_env().media_dir
    delivery = await _delivery_file(media_dir)
    rng = random.Random(_SEED)

    # the items ordered: one per category, of the items enterprises can order now (not
    # those the approving department commissions itself)
    codes = dict(await Category.all().values_list("id", "code"))
    by_category: dict[int, list[ServiceItem]] = {}
    orderable = public_items().filter(category__commissioned_by=CommissionedBy.APPLICANT)
    for item in await orderable.order_by("id"):
        by_category.setdefault(item.category_id, []).append(item)
    items = [rng.choice(by_category[c]) for c in sorted(by_category)]
    item_weights = [_CATEGORY_WEIGHTS.get(codes[i.category_id], 3) for i in items]

    async with in_transaction():
        office = await _current(office_user)
        buyers = await _register_buyers(start)
        buyer_weights = [data[4] for data in _ENTERPRISES]
        count = round(_ORDERS_PER_WORKING_DAY * len(working_days))
        growth = [1 + 1.5 * n / len(working_days) for n in range(len(working_days))]
        drafts = []
        for index, placed in enumerate(sorted(rng.choices(working_days, growth, k=count))):
            buyer = rng.choices(buyers, buyer_weights)[0]
            item = rng.choices(items, item_weights)[0]
            project = rng.choice(buyer.projects)
            base = _base(rng, item)
            note = rng.choice(_NOTES) if rng.random() < 0.3 else ""
            drafts.append((index, buyer, item, placed, project, base, note))
        agencies = await Agency.filter(id__in={d[2].agency_id for d in drafts})
        staff = await _agency_staff(agencies)
        plans = [
            _Plan(
                index,
                buyer,
                item,
                staff[item.agency_id],
                placed,
                project,
                base,
                note,
                _timeline(index, calendar, placed, item.time_limit_days),
            )
            for index, buyer, item, placed, project, base, note in drafts
        ]
        steps = _complaints(rng, calendar, plans, working_days, today)
        for plan in plans:
            days = [day for day, _, _ in plan.timeline.steps]
            moments = _moments(random.Random(_order_seed(plan.index) + 1), days)
            for at, (_, kind, data) in zip(moments, plan.timeline.steps, strict=True):
                steps.append(_Step(at, 0, kind, plan, data))
        steps = [s for s in steps if s.at.date() < today]
        for serial, step in enumerate(steps):
            step.serial = serial
        steps.sort(key=lambda s: (s.at, s.serial))

        for step in steps:
            await _perform(step, office, delivery)
        await _correct_order_times(plans)
        # after the activity, which its figures pin: the organisations' members and
        # professionals (the activity's orders were accepted before any register)
        await seed_organisations()
        # after everything above, so that its orders and figures are as they were
        await seed_purchases(
            today=today,
            buyers=[buyer.actor for buyer in buyers],
            contract=await _contract_file(media_dir),
        )
        # the orders and ratings were written now and dated back afterwards: the
        # statistics' months count them by their dates
        await monthly.recount()
    # and two admission rounds in progress on "today" (publicity with an objection; open)
    await seed_rounds(today=today, calendar=calendar, office=office_user, media_dir=media_dir)
    # listing changes under review (after everything above, which they leave as it is)
    from marketplace.catalog.demo_listings import seed_listing_changes

    await seed_listing_changes(today=today, media_dir=media_dir, office=office_user)
    return True


def _complaints(
    rng: random.Random,
    calendar: WorkCalendar,
    plans: list[_Plan],
    working_days: list[dt.date],
    today: dt.date,
) -> list[_Step]:
    """Choose the orders complained of and rewrite their timelines; the steps of the
    complaints that change no order (about finished orders and about agencies)."""
    settled = today - dt.timedelta(days=20)
    taken: set[int] = set()
    numbers = iter(range(1, 100))

    def pick(candidates: list[_Plan], count: int) -> list[_Plan]:
        chosen = rng.sample(candidates, min(count, len(candidates)))
        taken.update(p.index for p in chosen)
        return sorted(chosen, key=lambda p: p.index)

    def free(plan: _Plan) -> bool:
        return plan.index not in taken and not plan.timeline.paused

    def new(plan: _Plan, text: _ComplaintText, **options: Any) -> _Complaint:
        return _Complaint(next(numbers), text, plan.buyer, plan.item.agency_id, **options)

    def replan(plan: _Plan, complaint: _Complaint, lodged: dt.date | None = None) -> None:
        plan.timeline = _timeline(
            plan.index,
            calendar,
            plan.placed,
            plan.item.time_limit_days,
            (complaint, lodged),
        )

    # late orders complained of while running, answered, then delivered
    late = [
        p
        for p in plans
        if free(p) and p.timeline.late and p.timeline.delivered and p.timeline.delivered < settled
    ]
    for number, (text, plan) in enumerate(zip(_OVERDUE, pick(late, len(_OVERDUE)), strict=False)):
        # the last of them is answered two days after it was due
        after = 7 if number == len(_OVERDUE) - 1 else rng.randint(2, 4)
        replan(plan, new(plan, text, disputes=True, outcome="resume", answer_after=after))
    # an order the agency let lie: cancelled by the office's answer
    idle = [
        p
        for p in plans
        if free(p)
        and not p.timeline.late
        and p.timeline.accepted
        and p.timeline.delivered
        and p.item.time_limit_days >= 10
        and p.timeline.delivered < settled
    ]
    for plan in pick(idle, 1):
        assert plan.timeline.accepted is not None
        lodged = calendar.add_working_days(plan.timeline.accepted, 6)
        replan(plan, new(plan, _CANCEL, disputes=True, outcome="cancel"), lodged)
    # an order under complaint since yesterday, not answered yet
    running = [
        p
        for p in plans
        if free(p)
        and p.timeline.accepted
        and p.timeline.accepted < _before(calendar, today, 3)
        and p.timeline.delivered
        and p.timeline.delivered >= today
    ]
    for plan in pick(running, 1):
        replan(plan, new(plan, _OPEN_ON_ORDER, disputes=True), _before(calendar, today, 1))

    steps: list[_Step] = []
    # the enterprise's verdict a few days after the answer
    for plan in plans:
        for day, kind, data in plan.timeline.steps:
            if kind == "answer" and data["complaint"].text.satisfied:
                (at,) = _moments(rng, [day + dt.timedelta(days=rng.randint(1, 3))])
                steps.append(_Step(at, 0, "feedback", plan, data))

    def add(plan: _Plan | None, complaint: _Complaint, lodged: dt.date) -> None:
        days = [lodged]
        kinds = ["lodge"]
        if complaint.text.answer:
            days.append(calendar.add_working_days(lodged, complaint.answer_after))
            kinds.append("answer")
            if complaint.text.satisfied:
                days.append(days[-1] + dt.timedelta(days=rng.randint(1, 3)))
                kinds.append("feedback")
        for at, kind in zip(_moments(rng, days), kinds, strict=True):
            steps.append(_Step(at, 0, kind, plan, {"complaint": complaint}))

    # finished orders complained of afterwards (no order changes), not only lately
    finished = [
        p
        for p in plans
        if free(p) and p.timeline.completed and p.timeline.completed < today - dt.timedelta(days=40)
    ]
    for number, (text, plan) in enumerate(
        zip(_AFTERWARDS, pick(finished, len(_AFTERWARDS)), strict=False)
    ):
        assert plan.timeline.completed is not None
        lodged = calendar.add_working_days(plan.timeline.completed, rng.randint(1, 8))
        after = 7 if number == 1 else rng.randint(2, 4)  # the second: answered late
        add(plan, new(plan, text, answer_after=after), lodged)
    # complaints about an agency in general: one answered, one overdue
    served = [p for p in plans if p.timeline.completed and p.timeline.completed < settled]
    if len(served) >= 2:
        first, second = rng.sample(served, 2)
        middle = working_days[len(working_days) // 2]
        answered = new(first, _ABOUT_AGENCY, answer_after=rng.randint(1, 4))
        add(None, answered, max(middle, first.placed))
        add(None, new(second, _UNANSWERED_ABOUT_AGENCY), _before(calendar, today, 9))
    return steps


async def _perform(step: _Step, office: CurrentUser, delivery: StoredFile) -> None:
    plan, kind, day, at = step.plan, step.kind, step.at.date(), _stored(step.at)
    if kind in ("lodge", "answer", "feedback"):
        await _complaint_step(step, office)
        return
    assert plan is not None
    if kind == "place":
        placed = await orders.place_order(
            user=plan.buyer.actor,
            item_id=plan.item.id,
            project_name=plan.project[0],
            project_code=plan.project[1],
            base=plan.base,
            note=plan.note,
            idempotency_key=f"demo-activity-{plan.index:05d}",
        )
        plan.order_id = placed.order.id
        await Order.filter(id=plan.order_id).update(
            created_at=at, number=f"{step.at:%y%m%d}-{plan.order_id:05d}"
        )
        plan.events.append(("place", at))
        return
    assert plan.order_id is not None
    if kind == "rate":
        rating = await ratings.rate_order(
            plan.order_id,
            actor=plan.buyer.actor,
            scores=step.data["scores"],
            comment=step.data["comment"],
            today=day,
        )
        plan.rating_id = rating.id
        await Rating.filter(id=rating.id).update(created_at=at)
        plan.events.append(("rate", at))
        return
    if kind == "reply":
        assert plan.rating_id is not None
        rating = await Rating.get(id=plan.rating_id)
        await ratings.reply(rating, actor=plan.staff, text=step.data["text"])
        await Rating.filter(id=rating.id).update(replied_at=at)
        return
    actor = {
        "accept": plan.staff,
        "decline": plan.staff,
        "pause": plan.staff,
        "resume": plan.staff,
        "deliver": plan.staff,
        "cancel": plan.buyer.actor,
        "confirm": plan.buyer.actor,
        "send_back": plan.buyer.actor,
        "auto_confirm": None,
    }[kind]
    files: list[StoredFile] = []
    if kind == "deliver":
        title = plan.item.title[:40]
        files = [dataclasses.replace(delivery, filename=f"{title}-成果文件.pdf")]
        plan.deliveries.append(at)
    await orders.transition(
        plan.order_id,
        kind,
        actor=actor,
        reason=step.data.get("reason", ""),
        files=files,
        on=day,
    )
    plan.events.append((kind, at))


async def _complaint_step(step: _Step, office: CurrentUser) -> None:
    plan, complaint = step.plan, step.data["complaint"]
    assert isinstance(complaint, _Complaint)
    at = _stored(step.at)
    if step.kind == "lodge":
        lodged = await complaints.lodge(
            actor=complaint.buyer.actor,
            topic=complaint.text.topic,
            description=complaint.text.description,
            idempotency_key=f"demo-complaint-{complaint.number:03d}",
            order_id=plan.order_id if plan is not None else None,
            agency_id=None if plan is not None else complaint.agency_id,
            on=step.at.date(),
        )
        complaint.id = lodged.id
        await Complaint.filter(id=lodged.id).update(
            created_at=at, number=f"TS{step.at:%y%m%d}-{lodged.id:05d}"
        )
        if complaint.disputes and plan is not None:
            plan.events.append(("complain", at))
        return
    assert complaint.id is not None
    if step.kind == "answer":
        await complaints.answer(
            complaint.id,
            actor=office,
            text=complaint.text.answer,
            outcome=complaint.outcome,
            on=step.at.date(),
        )
        await Complaint.filter(id=complaint.id).update(answered_at=at)
        if complaint.disputes and plan is not None:
            plan.events.append(("resolve", at))
        return
    await complaints.give_feedback(
        complaint.id,
        actor=complaint.buyer.actor,
        satisfied=complaint.text.satisfied,
        feedback=complaint.text.feedback,
    )
    await Complaint.filter(id=complaint.id).update(feedback_at=at)


async def _correct_order_times(plans: Sequence[_Plan]) -> None:
    """Date each order event and delivered file at the moment of its step."""
    for plan in plans:
        if plan.order_id is None:
            continue
        events = await OrderEvent.filter(order_id=plan.order_id).order_by("id")
        for event, (action, at) in zip(events, plan.events, strict=True):
            assert event.action == action, (event.action, action)
            await OrderEvent.filter(id=event.id).update(at=at)
        files = await OrderFile.filter(order_id=plan.order_id, purpose="delivery").order_by("id")
        for file, at in zip(files, plan.deliveries, strict=True):
            await OrderFile.filter(id=file.id).update(created_at=at)
