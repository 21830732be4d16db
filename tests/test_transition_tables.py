"""The state tables of orders, complaints and admission: one transition type, and every
row's effect names a function that exists, every action a label in both languages."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from marketplace.admission.models import RoundStatus
from marketplace.admission.services import management, publicity, rounds
from marketplace.admission.services.common import (
    APPLICATION_CHANGES,
    EVENT_KINDS,
    OBJECTION_CHANGES,
)
from marketplace.admission.workflow import (
    AGENCY_TRANSITIONS,
    APPLICATION_TRANSITIONS,
    OBJECTION_TRANSITIONS,
    ROUND_TRANSITIONS,
    AgencyEffect,
    ApplicationEffect,
    ObjectionEffect,
    RoundEffect,
    round_transition,
)
from marketplace.complaints import services as complaints
from marketplace.complaints.states import COMPLAINT_TRANSITIONS, ComplaintEffect
from marketplace.core.states import Transition, TransitionTable
from marketplace.i18n import translations
from marketplace.orders import services as orders
from marketplace.orders.models import OrderEventName
from marketplace.orders.states import TRANSITIONS, OrderEffect

# Each table, the enumeration of its effects, and the registries its service looks
# them up in: every effect in each registry listed for it (rounds: a check and the work).
TABLES: dict[str, tuple[TransitionTable, type, list[Mapping]]] = {
    "orders": (TRANSITIONS, OrderEffect, [orders._CHANGES]),
    "complaints": (COMPLAINT_TRANSITIONS, ComplaintEffect, [complaints._CHANGES]),
    "rounds": (ROUND_TRANSITIONS, RoundEffect, [rounds.ROUND_CHECKS, rounds.ROUND_EFFECTS]),
    "applications": (APPLICATION_TRANSITIONS, ApplicationEffect, [APPLICATION_CHANGES]),
    "objections": (OBJECTION_TRANSITIONS, ObjectionEffect, [OBJECTION_CHANGES]),
    "agencies": (AGENCY_TRANSITIONS, AgencyEffect, [management.AGENCY_EFFECTS]),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_row_is_the_one_transition_type_and_its_effect_is_registered(name: str) -> None:
    table, effects, registries = TABLES[name]
    assert len(table) > 0
    for action, row in table.items():
        assert type(row) is Transition
        assert row.action == action
        assert row.sources, action
        if row.effect:
            assert row.effect in set(effects), action  # a member of the table's enumeration
            for registry in registries:
                assert callable(registry[effects(row.effect)]), (action, row.effect)
    # and every registered effect is some row's (no function left over)
    used = table.effects()
    for registry in registries:
        assert {str(effect) for effect in registry} <= used


def test_the_after_write_effects_are_effects_of_their_tables() -> None:
    assert set(orders._AFTER_WRITE) == {OrderEffect.DELIVER, OrderEffect.SEND_BACK}
    assert set(orders._AFTER_WRITE) <= TRANSITIONS.effects()
    assert set(publicity.OBJECTION_EFFECTS) == {ObjectionEffect.UPHOLD}
    assert set(publicity.OBJECTION_EFFECTS) <= OBJECTION_TRANSITIONS.effects()


def test_the_effects_named_in_the_rows() -> None:
    assert {a: str(t.effect) for a, t in TRANSITIONS.items() if t.effect} == {
        "accept": "start_clock",
        "pause": "pause_clock",
        "resume": "resume_clock",
        "deliver": "deliver",
        "confirm": "complete",
        "send_back": "send_back",
        "complain": "open_dispute",
        "resolve": "end_dispute",
        "auto_confirm": "complete",
    }
    assert [t.effect for t in ROUND_TRANSITIONS.values()] == list(RoundEffect)
    assert AGENCY_TRANSITIONS["remove"].effect == AgencyEffect.WITHDRAW_ITEMS
    assert round_transition(RoundStatus.SCORING) is ROUND_TRANSITIONS["publish_results"]
    assert round_transition(RoundStatus.CONCLUDED) is None


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_action_has_a_label_in_english_and_chinese(name: str) -> None:
    table = TABLES[name][0]
    zh = translations("zh")
    for action, row in table.items():
        assert row.label.strip(), action
        assert zh.gettext(row.label) != row.label, (action, row.label)


def test_the_events_the_rows_name_are_known() -> None:
    # an order's transition is logged by its own name; an admission one by its row's event
    assert set(TRANSITIONS) <= {name.value for name in OrderEventName}
    for table in (APPLICATION_TRANSITIONS, OBJECTION_TRANSITIONS, AGENCY_TRANSITIONS):
        for row in table.values():
            if row.event:
                assert row.event in EVENT_KINDS, row.action
    assert (
        tuple(t.event for t in AGENCY_TRANSITIONS.values() if t.event) == management.SANCTION_KINDS
    )


def test_a_table_finds_its_rows() -> None:
    assert [t.action for t in AGENCY_TRANSITIONS.allowed_from("suspended", "admin")] == [
        "reinstate",
        "remove",
    ]
    remove = AGENCY_TRANSITIONS.find("suspended", "exited", "admin")
    assert remove is AGENCY_TRANSITIONS["remove"]
    assert AGENCY_TRANSITIONS.find("suspended", "exited", "system") is None
    assert not APPLICATION_TRANSITIONS.allows("passed", "passed", "admin")
    assert APPLICATION_TRANSITIONS.allows("failed", "passed", "admin")
    with pytest.raises(ValueError, match="listed twice"):
        TransitionTable([remove, remove])
