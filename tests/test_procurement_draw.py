"""The draw alone: the documented HMAC function, rejection sampling, every method's rules."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from marketplace.procurement.draw import Entry, draw_index, draw_tries, seed_hash, select

SEED = bytes(range(32))
NUMBER = "CG261102-00001"
R = (
    "1111111111111111",
    "2222222222222222",
    "3333333333333333",
    "4444444444444444",
    "5555555555555555",
)


def test_seed_hash_is_sha256_hex() -> None:
    assert seed_hash(SEED) == "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd"


def test_draw_index_is_the_documented_hmac() -> None:
    message = "\n".join([NUMBER, "winner", *R, "0"]).encode()
    value = int.from_bytes(hmac.new(SEED, message, hashlib.sha256).digest(), "big")

    assert draw_index(SEED, NUMBER, "winner", R, 5) == value % 5 == 3


def test_draw_index_changes_with_every_input() -> None:
    assert draw_index(SEED, NUMBER, "winner", R, 5) == 3
    assert draw_index(SEED, "CG261102-00002", "winner", R, 5) == 2
    assert draw_index(SEED, NUMBER, "tie", R, 5) == 2
    assert draw_index(SEED, NUMBER, "winner", R[::-1], 5) == 3
    assert draw_index(bytes(32), NUMBER, "winner", R, 5) == 0


def test_rejection_sampling_skips_values_of_the_incomplete_last_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # With n = 3, 2**256 mod 3 = 1: the one value 2**256 - 1 must be refused.
    import marketplace.procurement.draw as draw

    digests = iter([b"\xff" * 32, (5).to_bytes(32, "big")])

    class FakeMac:
        def __init__(self, *args: object) -> None:
            self._digest = next(digests)

        def digest(self) -> bytes:
            return self._digest

    monkeypatch.setattr(draw.hmac, "new", FakeMac)
    assert draw.draw_index(SEED, NUMBER, "winner", R[:3], 3) == 2


def test_draw_index_refuses_an_empty_list() -> None:
    with pytest.raises(ValueError):
        draw_index(SEED, NUMBER, "winner", (), 0)


def test_random_draws_one_of_all_in_receipt_order() -> None:
    outcome = select(
        method="random", seed=SEED, request_number=NUMBER, entries=[Entry(r) for r in reversed(R)]
    )

    assert outcome.winner == "4444444444444444"
    assert outcome.record()["steps"] == [
        {"label": "winner", "candidates": list(R), "index": 3, "chosen": "4444444444444444"}
    ]


def test_lowest_price_draws_among_equal_lowest() -> None:
    quotes = (300_000, 250_000, 250_000, 400_000, 260_000)
    outcome = select(
        method="lowest",
        seed=SEED,
        request_number=NUMBER,
        entries=[Entry(r, q) for r, q in zip(R, quotes, strict=True)],
    )

    assert outcome.winner == "3333333333333333"
    assert [s.record() for s in outcome.steps] == [
        {"label": "tie", "candidates": [R[1], R[2]], "index": 1, "chosen": R[2]}
    ]


def test_lowest_price_without_a_tie_draws_nothing() -> None:
    quotes = (300_000, 250_000, 260_000)
    outcome = select(
        method="lowest",
        seed=SEED,
        request_number=NUMBER,
        entries=[Entry(r, q) for r, q in zip(R, quotes, strict=False)],
    )

    assert (outcome.winner, outcome.steps) == (R[1], ())


def test_optimal_price_sets_aside_highest_and_lowest_and_finds_the_nearest() -> None:
    quotes = (300_000, 250_000, 280_000, 400_000, 260_000)
    outcome = select(
        method="optimal",
        seed=SEED,
        request_number=NUMBER,
        entries=[Entry(r, q) for r, q in zip(R, quotes, strict=True)],
    )

    # coefficient index 0 → 95 %; the rest 300000, 280000, 260000: mean 280000 × 0.95
    assert outcome.coefficient_pct == 95
    assert outcome.reference_fen == 266_000
    assert outcome.set_aside == (R[1], R[3])
    assert outcome.winner == R[4]  # 260000 is 6000 away, 280000 14000
    assert outcome.steps[0].record() == {
        "label": "coefficient",
        "candidates": list(R),
        "index": 0,
        "chosen": "95",
    }


def test_optimal_price_rounds_the_reference_half_up_to_the_fen() -> None:
    # the rest is 100010 alone; 100010 × 0.95 = 95009.5 fen → 95010
    quotes = (90_000, 100_010, 120_000)
    outcome = select(
        method="optimal",
        seed=SEED,
        request_number=NUMBER,
        entries=[Entry(r, q) for r, q in zip(R, quotes, strict=False)],
    )

    assert (outcome.coefficient_pct, outcome.reference_fen, outcome.winner) == (95, 95_010, R[1])
    assert outcome.set_aside == (R[0], R[2])


def test_optimal_price_with_two_quotes_sets_nothing_aside() -> None:
    outcome = select(
        method="optimal",
        seed=SEED,
        request_number=NUMBER,
        entries=[Entry(R[0], 300_000), Entry(R[1], 200_000)],
    )

    # coefficient for these two receipts: index 3 → 98 %; mean 250000 × 0.98 = 245000,
    # 45000 from 200000 and 55000 from 300000
    assert (outcome.coefficient_pct, outcome.reference_fen) == (98, 245_000)
    assert (outcome.set_aside, outcome.winner) == ((), R[1])


def test_merit_draws_among_equal_highest_scores() -> None:
    scores = (8000, 9000, 9000, 7000, 8500)
    outcome = select(
        method="merit",
        seed=SEED,
        request_number=NUMBER,
        entries=[Entry(r, score=s) for r, s in zip(R, scores, strict=True)],
    )

    assert outcome.winner == R[2]
    assert [s.label for s in outcome.steps] == ["tie"]


def test_the_tries_written_out_end_at_the_drawn_index() -> None:
    receipts = ["1111111111111111", "2222222222222222", "3333333333333333"]
    for n in (1, 2, 3, 4, 7):
        tries = draw_tries(SEED, NUMBER, "winner", receipts, n)
        assert [t.counter for t in tries] == list(range(len(tries)))
        assert tries[-1].index == draw_index(SEED, NUMBER, "winner", receipts, n)
        assert all(t.index is None for t in tries[:-1])
    (only,) = draw_tries(SEED, NUMBER, "winner", receipts, 3)
    assert only.message == f"{NUMBER}\nwinner\n" + "\n".join(receipts) + "\n0"
    assert only.mac_hex == hmac.new(SEED, only.message.encode(), hashlib.sha256).hexdigest()
    assert only.mac_hex == "a6f92dd76a64892bfd74f947932a4d0bcf1e9b1c162e2b1427f98258238d1df2"
    assert (only.value, only.limit) == (int(only.mac_hex, 16), 2**256 - 2**256 % 3)
    assert only.index == 0
