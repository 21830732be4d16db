"""Letters (发函): the office names a monopoly category's designated institution, or invites an
agency from outside the city to an absent category, and issues the numbered letter.
"""

from __future__ import annotations

import datetime as dt

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Role, User
from marketplace.admission.models import (
    AdmissionRound,
    Invitation,
    InvitationKind,
    RoundStatus,
)
from marketplace.admission.services.common import (
    beijing_date,
    check_status,
    clean_text,
    now_or_clock,
    record,
    refuse,
    require_role,
    round_category,
)
from marketplace.catalog.models import (
    Category,
    MarketType,
)
from marketplace.forms import FormError, Message
from marketplace.i18n import N_, translate, use_language

LETTER_PREFIX = "中介超市函"


async def _next_letter_no(year: int) -> str:
    issued = await Invitation.filter(letter_no__startswith=f"{LETTER_PREFIX}〔{year}〕").count()
    return f"{LETTER_PREFIX}〔{year}〕{issued + 1}号"


def _chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _letter_body(
    kind: InvitationKind,
    *,
    addressee: str,
    round: AdmissionRound,
    category: Category,
    city: str,
    issued_on: dt.date,
) -> str:
    """The letter's text, in Chinese: it is an official document whatever the reader's
    language, and it is kept as issued."""
    params = {
        "addressee": addressee,
        "round": round.title,
        "category": category.name,
        "city": city,
        "opens_on": _chinese_date(round.opens_on),
        "closes_on": _chinese_date(round.closes_on),
        "date": _chinese_date(issued_on),
    }
    with use_language("zh"):
        if kind is InvitationKind.HOLDER:
            body = translate(
                N_(
                    "%(addressee)s:\n\n"
                    "Under the announcement of “%(round)s”, %(category)s is a monopoly "
                    "intermediary service and your organisation is the institution designated "
                    "for it in this city; monopoly intermediaries must be admitted to the "
                    "%(city)s intermediary services marketplace. Please submit your "
                    "application on the marketplace between %(opens_on)s and %(closes_on)s: "
                    "your organisation's details, scans of your qualification certificates, "
                    "professional staff, projects of the last three years, and the service "
                    "items you will offer with their fee standards and time limits. A "
                    "designated institution that has not applied when the window closes is "
                    "published as required but missing.\n\n"
                    "We hereby inform you."
                ),
                params,
            )
        else:
            body = translate(
                N_(
                    "%(addressee)s:\n\n"
                    "No local agency in %(city)s is qualified to provide %(category)s. Under "
                    "the announcement of “%(round)s”, the service is recruited from outside "
                    "the city. As your organisation holds the qualifications and experience "
                    "it needs, we invite you to apply on the intermediary services "
                    "marketplace between %(opens_on)s and %(closes_on)s. Applications pass "
                    "the qualification review and, where there are more applicants than "
                    "places, merit scoring on the published criteria.\n\n"
                    "We hereby invite you."
                ),
                params,
            )
        signature = translate(N_("%(city)s Government Service Management Office"), params)
    return f"{body}\n\n{signature}\n{params['date']}"


async def _issue_letter(
    kind: InvitationKind,
    *,
    round: AdmissionRound,
    category: Category,
    addressee: str,
    credit_code: str,
    city: str,
    address: str,
    issuer_city: str,
    actor: User,
    now: dt.datetime,
) -> Invitation:
    if await Invitation.exists(round=round, category=category, credit_code=credit_code):
        raise refuse(N_("This agency already has a letter for this category."), "credit_code")
    issued_on = beijing_date(now)
    try:
        return await Invitation.create(
            round=round,
            category=category,
            kind=kind,
            letter_no=await _next_letter_no(issued_on.year),
            addressee=addressee,
            credit_code=credit_code,
            city=city,
            address=address,
            body=_letter_body(
                kind,
                addressee=addressee,
                round=round,
                category=category,
                city=issuer_city,
                issued_on=issued_on,
            ),
            issued_at=now,
            issued_by=actor,
        )
    except IntegrityError:
        raise refuse(
            N_("Another letter was issued at the same moment; send this one again.")
        ) from None


def _clean_addressee(
    name: str, credit_code: str, city: str, address: str, errors: dict[str, Message]
) -> tuple[str, str, str, str]:
    return (
        clean_text(name, "name", errors, 128),
        accounts.clean_credit_code(credit_code, errors),
        clean_text(city, "city", errors, 32),
        clean_text(address, "address", errors, 256),
    )


async def designate_holder(
    round: AdmissionRound,
    *,
    category: Category,
    name: str,
    credit_code: str,
    city: str,
    address: str,
    issuer_city: str,
    actor: User | None,
    now: dt.datetime | None = None,
) -> Invitation:
    """Name the institution that holds a monopoly category and issue its letter (发函)."""
    actor = await require_role(actor, Role.ADMIN)
    check_status(round, RoundStatus.ANNOUNCED, RoundStatus.APPLICATIONS_OPEN)
    now = now_or_clock(now)
    entry = await round_category(round, category)
    if entry is None or entry.market_type is not MarketType.MONOPOLY:
        raise refuse(N_("Choose a monopoly category of this round."), "category")
    if entry.holder_credit_code:
        raise refuse(N_("This category's holder is designated already."), "category")
    errors: dict[str, Message] = {}
    name, code, city, address = _clean_addressee(name, credit_code, city, address, errors)
    if errors:
        raise FormError(errors)
    async with in_transaction():
        letter = await _issue_letter(
            InvitationKind.HOLDER,
            round=round,
            category=category,
            addressee=name,
            credit_code=code,
            city=city,
            address=address,
            issuer_city=issuer_city,
            actor=actor,
            now=now,
        )
        entry.holder_name = name
        entry.holder_credit_code = code
        await entry.save(update_fields=["holder_name", "holder_credit_code"])
        await record(
            "holder_designated",
            round=round,
            at=now,
            actor=actor,
            category_id=category.id,
            holder=name,
            letter_no=letter.letter_no,
        )
    return letter


async def invite_agency(
    round: AdmissionRound,
    *,
    category: Category,
    name: str,
    credit_code: str,
    city: str,
    address: str,
    issuer_city: str,
    actor: User | None,
    now: dt.datetime | None = None,
) -> Invitation:
    """Invite a named agency from outside the city to an absent category (发函)."""
    actor = await require_role(actor, Role.ADMIN)
    check_status(round, RoundStatus.ANNOUNCED, RoundStatus.APPLICATIONS_OPEN)
    now = now_or_clock(now)
    entry = await round_category(round, category)
    if entry is None or entry.market_type is not MarketType.ABSENT:
        raise refuse(N_("Choose a category of this round that recruits from outside."), "category")
    errors: dict[str, Message] = {}
    name, code, city, address = _clean_addressee(name, credit_code, city, address, errors)
    if city and city == issuer_city:
        errors["city"] = Message(
            N_("Invitations to this category go to agencies outside %(city)s."),
            {"city": issuer_city},
        )
    if errors:
        raise FormError(errors)
    async with in_transaction():
        letter = await _issue_letter(
            InvitationKind.RECRUIT,
            round=round,
            category=category,
            addressee=name,
            credit_code=code,
            city=city,
            address=address,
            issuer_city=issuer_city,
            actor=actor,
            now=now,
        )
        await record(
            "invitation_issued",
            round=round,
            at=now,
            actor=actor,
            category_id=category.id,
            addressee=name,
            letter_no=letter.letter_no,
        )
    return letter
