"""The selection methods as data: what each needs and how its winner is found.

The services apply it, the forms offer it, the pages explain it and the tests walk it.
Sources: DESIGN.md §7 and the 连云港海州 selection rules (DOMAIN_SOURCES.md): random draw,
lowest price and optimal price need at least 3 eligible entries with state funds, else
the selection fails (流标); with own funds one suffices. Direct choice and merit scoring
have no official rule text; we take one entry as enough for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from marketplace.i18n import N_

__all__ = ["METHODS", "Funding", "Method", "MethodSpec", "minimum_entries"]


class Method(StrEnum):
    DIRECT = "direct"  # the owner chooses among the registrants
    RANDOM = "random"  # one winner drawn from the eligible registrants, at a fixed price
    LOWEST = "lowest"  # the lowest sealed quote wins, ties drawn
    OPTIMAL = "optimal"  # nearest to the mean of the middle quotes × a drawn coefficient
    MERIT = "merit"  # the highest weighted score on published criteria, ties drawn


class Funding(StrEnum):
    STATE = "state"  # state (non-private) funds: the minimum of entries applies
    OWN = "own"  # the enterprise's own funds


@dataclass(frozen=True, slots=True)
class MethodSpec:
    method: Method
    label: str
    explanation: str
    takes_quotes: bool  # registrants submit sealed quotes
    drawn: bool  # the outcome uses the published seed (a draw or a tie-break)
    min_state_funds: int  # entries needed with state funds, else 流标
    min_own_funds: int
    scored: bool = False  # the owner scores every registrant on the criteria
    owner_picks: bool = False


METHODS: dict[Method, MethodSpec] = {
    s.method: s
    for s in (
        MethodSpec(
            Method.DIRECT,
            N_("Direct choice"),
            N_("The owner chooses one of the registrants and agrees the amount."),
            takes_quotes=False,
            drawn=False,
            min_state_funds=1,
            min_own_funds=1,
            owner_picks=True,
        ),
        MethodSpec(
            Method.RANDOM,
            N_("Random draw"),
            N_(
                "One winner is drawn from the eligible registrants at the price ceiling; "
                "with state funds at least 3 must register, else the selection fails."
            ),
            takes_quotes=False,
            drawn=True,
            min_state_funds=3,
            min_own_funds=1,
        ),
        MethodSpec(
            Method.LOWEST,
            N_("Lowest price"),
            N_(
                "The lowest sealed quote within the ceiling and floor wins; equal lowest "
                "quotes are drawn; with state funds at least 3 quotes are needed."
            ),
            takes_quotes=True,
            drawn=True,
            min_state_funds=3,
            min_own_funds=1,
        ),
        MethodSpec(
            Method.OPTIMAL,
            N_("Optimal price"),
            N_(
                "A coefficient of 95, 96, 97 or 98 per cent is drawn; the highest and "
                "lowest quotes are set aside; the mean of the rest times the coefficient "
                "is the reference and the nearest quote wins; with state funds at least 3 "
                "quotes are needed."
            ),
            takes_quotes=True,
            drawn=True,
            min_state_funds=3,
            min_own_funds=1,
        ),
        MethodSpec(
            Method.MERIT,
            N_("Merit scoring"),
            N_(
                "The owner scores every registrant on the published weighted criteria; "
                "the highest total wins, equal totals are drawn."
            ),
            takes_quotes=True,
            drawn=True,
            min_state_funds=1,
            min_own_funds=1,
            scored=True,
        ),
    )
}


def minimum_entries(method: Method, funding: Funding) -> int:
    spec = METHODS[method]
    return spec.min_state_funds if funding is Funding.STATE else spec.min_own_funds
