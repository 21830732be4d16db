"""The verifiable draw and the selection rules it serves, in the standard library alone.

Nothing here touches the database: the services pass in what was published and store
what comes out, and ``scripts/verify_draw.py`` recomputes the same from a result notice.

The commitment. At publication the platform draws a secret seed
(``secrets.token_bytes(32)``), stores it and publishes ``SHA-256(seed)`` in hex. Each
registration gets a random receipt (``secrets.token_hex(8)``, 16 hex digits) that its
agency sees at once. At the selection the seed is revealed; anyone can check that it
hashes to the published value, so it was fixed before any registration.

The published order. The eligible entries are listed by receipt, ascending (receipts are
random, so registering early or late buys no place in the list).

The draw phrase. At the selection the owner enters a phrase (抽取口令) given on the spot,
best by the witnesses (现场见证人: a number thrown with dice, say); it is recorded with
the result and enters every step's message. With no phrase (only selections made before
it existed) the line is left out.

One draw step. A step has a label (``winner``, ``coefficient``, ``tie``) and a list of
candidate receipts in published order, and picks an index below ``n``:

    message = request_number "\\n" [phrase "\\n"] label "\\n"
              receipt_1 "\\n" ... receipt_k "\\n" counter
    value   = int(HMAC-SHA256(key=seed, message), big-endian)     (a 256-bit integer)
    accept value when value < 2**256 - (2**256 mod n); index = value mod n
    otherwise counter += 1 and try again (counter starts at 0)

Rejection keeps every index exactly equally likely (plain ``value mod n`` would favour
the low ones by up to n / 2**256); the chance of a second try is below n / 2**256.

Why nobody can steer the outcome. Every input is fixed before anyone who could choose it
knows the others: the seed before any registration (its hash is public), the receipts
at each registration (random, and shown to their agency at once), the entries when the
deadline passes (sealed until then, the same for every caller), the phrase at the
selection, before the seed is revealed. An agency knows neither the seed nor the phrase
when it registers or quotes, so it cannot aim at an outcome. The platform knows the seed
and makes the receipts, but not the phrase that is given afterwards, so it cannot pick a
seed or receipts that favour anyone. The owner gives the phrase without knowing the seed,
and a request is selected once (a version-guarded update), so it cannot try phrases.
Only the platform and the owner together could steer a draw, by the owner learning the
seed beforehand: the witnesses, who give the phrase and are named in the result notice,
are the check against that. What they record: the phrase they gave, the seed's hash read
from the announcement before the selection, and the winner and seed shown after it; the
result notice and ``scripts/verify_draw.py`` then let anyone redo the computation.

The methods (DESIGN.md §7; 连云港海州 selection rules, DOMAIN_SOURCES.md):
- random: one ``winner`` step over all eligible registrants;
- lowest: the lowest quote wins, a ``tie`` step among equal lowest quotes;
- optimal: a ``coefficient`` step over the quoters picks one of 95/96/97/98 %; the highest
  and the lowest quote values are set aside (those quotes cannot win); the mean of the
  rest times the coefficient, rounded half up to the fen (2 decimals of a yuan), is the
  reference; the quote nearest it wins, a ``tie`` step among equal distances. Where the
  source was cut off, our rule: with fewer than 3 quotes (own funds only), or when every
  quote is a highest or a lowest one, nothing is set aside;
- merit: the highest weighted score wins, a ``tie`` step among equal scores;
- direct: the owner chooses; no draw.
The minimum number of entries (3 with state funds for random, lowest and optimal, else
the selection fails, 流标) is checked by the caller from ``methods.METHODS``.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "COEFFICIENTS_PCT",
    "PHRASE_MAX",
    "Entry",
    "Outcome",
    "Step",
    "Try",
    "draw_context",
    "draw_index",
    "draw_tries",
    "seed_hash",
    "select",
]

COEFFICIENTS_PCT = (95, 96, 97, 98)  # the optimal-price base coefficients, per cent
_RANGE = 1 << 256
_MAX_TRIES = 1000  # each retry happens with probability < n / 2**256: never, in practice


PHRASE_MAX = 64


def draw_context(request_number: str, phrase: str = "") -> str:
    """What every step's message starts with: the request number, then the draw phrase
    on a line of its own when one was given (one line, at most ``PHRASE_MAX`` characters)."""
    if "\n" in phrase or "\r" in phrase:
        raise ValueError("the phrase is one line")
    return f"{request_number}\n{phrase}" if phrase else request_number


def seed_hash(seed: bytes) -> str:
    """The published commitment: SHA-256 of the seed, lower-case hex."""
    return hashlib.sha256(seed).hexdigest()


def draw_index(
    seed: bytes, request_number: str, label: str, receipts: Sequence[str], n: int
) -> int:
    """An index below ``n``, from the seed and the step's published inputs (see above)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    limit = _RANGE - (_RANGE % n)
    head = "\n".join([request_number, label, *receipts]).encode()
    for counter in range(_MAX_TRIES):
        mac = hmac.new(seed, head + b"\n" + str(counter).encode(), hashlib.sha256).digest()
        value = int.from_bytes(mac, "big")
        if value < limit:
            return value % n
    raise RuntimeError("no index accepted")  # pragma: no cover - probability 2**-240000


@dataclass(frozen=True, slots=True)
class Try:
    """One try of a draw step, as the verify page shows it."""

    counter: int
    message: str  # the HMAC's message, as text
    mac_hex: str  # HMAC-SHA256(seed, message), hex
    value: int  # the MAC as a big-endian integer
    limit: int  # 2**256 - (2**256 mod n): values from here are rejected
    index: int | None  # value mod n when accepted, else None


def draw_tries(
    seed: bytes, request_number: str, label: str, receipts: Sequence[str], n: int
) -> list[Try]:
    """Every try ``draw_index`` makes for a step, the accepted one last: the same
    computation written out, so that a page can show each of its numbers."""
    if n < 1:
        raise ValueError("n must be at least 1")
    limit = _RANGE - (_RANGE % n)
    head = "\n".join([request_number, label, *receipts])
    tries = []
    for counter in range(_MAX_TRIES):
        message = f"{head}\n{counter}"
        mac = hmac.new(seed, message.encode(), hashlib.sha256).digest()
        value = int.from_bytes(mac, "big")
        accepted = value < limit
        tries.append(
            Try(counter, message, mac.hex(), value, limit, value % n if accepted else None)
        )
        if accepted:
            return tries
    raise RuntimeError("no index accepted")  # pragma: no cover - probability 2**-240000


@dataclass(frozen=True, slots=True)
class Entry:
    receipt: str
    quote_fen: int | None = None  # price methods
    score: int | None = None  # merit: weighted total in hundredths of a point


@dataclass(frozen=True, slots=True)
class Step:
    label: str
    candidates: tuple[str, ...]  # receipts, in published order
    index: int
    chosen: str

    def record(self) -> dict[str, object]:
        return {
            "label": self.label,
            "candidates": list(self.candidates),
            "index": self.index,
            "chosen": self.chosen,
        }


@dataclass(frozen=True, slots=True)
class Outcome:
    winner: str  # receipt
    steps: tuple[Step, ...] = ()
    coefficient_pct: int | None = None
    reference_fen: int | None = None
    set_aside: tuple[str, ...] = field(default=())

    def record(self) -> dict[str, object]:
        return {
            "winner": self.winner,
            "steps": [s.record() for s in self.steps],
            "coefficient_pct": self.coefficient_pct,
            "reference_fen": self.reference_fen,
            "set_aside": list(self.set_aside),
        }


def _step(seed: bytes, number: str, label: str, candidates: Sequence[str], n: int) -> Step:
    index = draw_index(seed, number, label, candidates, n)
    return Step(label, tuple(candidates), index, candidates[index])


def _best(
    seed: bytes, number: str, entries: Sequence[Entry], key: object
) -> tuple[str, tuple[Step, ...]]:
    """The entry with the least ``key`` (a function), a ``tie`` step among equals."""
    assert callable(key)
    least = min(key(e) for e in entries)
    tied = [e.receipt for e in entries if key(e) == least]
    if len(tied) == 1:
        return tied[0], ()
    step = _step(seed, number, "tie", tied, len(tied))
    return step.chosen, (step,)


def select(*, method: str, seed: bytes, request_number: str, entries: Sequence[Entry]) -> Outcome:
    """The winner among ``entries`` by ``method`` (not ``direct``), with every draw step.

    ``entries`` may come in any order; they are put in published order (by receipt).
    """
    if not entries:
        raise ValueError("no entries")
    ordered = sorted(entries, key=lambda e: e.receipt)
    receipts = [e.receipt for e in ordered]
    if method == "random":
        step = _step(seed, request_number, "winner", receipts, len(receipts))
        return Outcome(step.chosen, (step,))
    if method == "merit":
        if any(e.score is None for e in ordered):
            raise ValueError("every entry needs a score")
        winner, steps = _best(seed, request_number, ordered, lambda e: -e.score)
        return Outcome(winner, steps)
    if any(e.quote_fen is None for e in ordered):
        raise ValueError("every entry needs a quote")
    if method == "lowest":
        winner, steps = _best(seed, request_number, ordered, lambda e: e.quote_fen)
        return Outcome(winner, steps)
    if method == "optimal":
        index = draw_index(seed, request_number, "coefficient", receipts, len(COEFFICIENTS_PCT))
        pct = COEFFICIENTS_PCT[index]
        coefficient = Step("coefficient", tuple(receipts), index, str(pct))
        quotes = [e.quote_fen for e in ordered if e.quote_fen is not None]
        high, low = max(quotes), min(quotes)
        rest = [e for e in ordered if e.quote_fen not in (high, low)]
        if len(ordered) < 3 or not rest:
            rest = list(ordered)
        aside = tuple(e.receipt for e in ordered if e not in rest)
        total = sum(e.quote_fen for e in rest if e.quote_fen is not None)
        # mean × pct / 100, rounded half up to the fen, in integers
        denominator = len(rest) * 100
        reference = (2 * total * pct + denominator) // (2 * denominator)
        winner, ties = _best(
            seed, request_number, rest, lambda e: abs((e.quote_fen or 0) - reference)
        )
        return Outcome(winner, (coefficient, *ties), pct, reference, aside)
    raise ValueError(f"no draw for method {method!r}")
