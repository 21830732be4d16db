#!/usr/bin/env python3
"""Check a purchase request's selection from its public result notice, independently.

Standard library only, so anyone can read it and run it without the marketplace:

    python3 verify_draw.py https://example.gov.cn/purchases/12/result
    python3 verify_draw.py saved-page.html --receipt 3f9a0c1d2e4b5a69
    python3 verify_draw.py draw.json          (the notice's JSON: /purchases/12/draw.json)

It reads the JSON the notice embeds (``<script type="application/json" id="draw-data">``),
then checks that
1. the revealed seed hashes (SHA-256) to the value published with the announcement;
2. the entries are in published order (by receipt) and, with ``--receipt``, that yours
   is among them;
3. a failed selection really had fewer entries than the method's minimum;
4. every draw step and the winner follow from the seed, the request number and the
   receipts (and quotes or scores) by the documented rules, recomputed here from scratch.

One draw step: HMAC-SHA256 with the seed as key over
``number \\n [phrase \\n] label \\n receipt_1 \\n … receipt_k \\n counter`` (the phrase
given at the selection, 抽取口令, when there was one) read as a 256-bit
big-endian integer; accepted when below 2**256 - (2**256 mod n), then index = value mod
n; otherwise counter + 1 (rejection sampling, so no index is favoured). Methods: random
(one ``winner`` step), lowest (lowest quote, ``tie`` step among equals), optimal (a
``coefficient`` step picks 95/96/97/98 %, quotes at the highest and the lowest value are
set aside unless fewer than 3 quotes or none would remain, reference = mean of the rest ×
coefficient rounded half up to the fen, nearest wins, ``tie`` step among equal distances),
merit (highest score, ``tie`` step), direct (the owner's choice: only the seed is checked).

Exit status 0 when everything agrees, 1 when anything does not (each finding printed).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import html
import json
import re
import sys
import urllib.request
from typing import Any

COEFFICIENTS_PCT = (95, 96, 97, 98)
_RANGE = 1 << 256
_DATA = re.compile(r'<script type="application/json" id="draw-data">(.*?)</script>', re.DOTALL)


def draw_index(seed: bytes, number: str, label: str, receipts: list[str], n: int) -> int:
    limit = _RANGE - (_RANGE % n)
    head = "\n".join([number, label, *receipts]).encode()
    counter = 0
    while True:
        mac = hmac.new(seed, head + b"\n" + str(counter).encode(), hashlib.sha256).digest()
        value = int.from_bytes(mac, "big")
        if value < limit:
            return value % n
        counter += 1


def _tie(seed: bytes, number: str, tied: list[str], steps: list[dict[str, Any]]) -> str:
    if len(tied) == 1:
        return tied[0]
    index = draw_index(seed, number, "tie", tied, len(tied))
    steps.append({"label": "tie", "candidates": tied, "index": index, "chosen": tied[index]})
    return tied[index]


def recompute(data: dict[str, Any]) -> dict[str, Any]:
    """The outcome the rules give for the notice's inputs."""
    seed = bytes.fromhex(data["seed"])
    phrase = data.get("phrase") or ""
    number = f"{data['request_number']}\n{phrase}" if phrase else data["request_number"]
    entries = sorted(data["entries"], key=lambda e: e["receipt"])
    receipts = [e["receipt"] for e in entries]
    method = data["method"]
    steps: list[dict[str, Any]] = []
    result: dict[str, Any] = {
        "steps": steps,
        "coefficient_pct": None,
        "reference_fen": None,
        "set_aside": [],
    }
    if method == "random":
        index = draw_index(seed, number, "winner", receipts, len(receipts))
        steps.append(
            {"label": "winner", "candidates": receipts, "index": index, "chosen": receipts[index]}
        )
        result["winner"] = receipts[index]
    elif method == "lowest":
        low = min(e["quote_fen"] for e in entries)
        result["winner"] = _tie(
            seed, number, [e["receipt"] for e in entries if e["quote_fen"] == low], steps
        )
    elif method == "merit":
        high = max(e["score"] for e in entries)
        result["winner"] = _tie(
            seed, number, [e["receipt"] for e in entries if e["score"] == high], steps
        )
    elif method == "optimal":
        index = draw_index(seed, number, "coefficient", receipts, len(COEFFICIENTS_PCT))
        pct = COEFFICIENTS_PCT[index]
        steps.append(
            {"label": "coefficient", "candidates": receipts, "index": index, "chosen": str(pct)}
        )
        quotes = [e["quote_fen"] for e in entries]
        rest = [e for e in entries if e["quote_fen"] not in (max(quotes), min(quotes))]
        if len(entries) < 3 or not rest:
            rest = entries
        kept = {e["receipt"] for e in rest}
        result["set_aside"] = [r for r in receipts if r not in kept]
        denominator = len(rest) * 100
        reference = (2 * sum(e["quote_fen"] for e in rest) * pct + denominator) // (2 * denominator)
        nearest = min(abs(e["quote_fen"] - reference) for e in rest)
        result["coefficient_pct"], result["reference_fen"] = pct, reference
        result["winner"] = _tie(
            seed,
            number,
            [e["receipt"] for e in rest if abs(e["quote_fen"] - reference) == nearest],
            steps,
        )
    else:
        raise ValueError(f"no draw for method {method!r}")
    return result


def verify(data: dict[str, Any], receipt: str | None = None) -> list[str]:
    """What does not agree (an empty list: everything does)."""
    problems: list[str] = []
    seed = bytes.fromhex(data["seed"])
    if hashlib.sha256(seed).hexdigest() != data["seed_sha256"]:
        problems.append("the revealed seed does not hash to the published SHA-256")
    receipts = [e["receipt"] for e in data["entries"]]
    if receipts != sorted(receipts):
        problems.append("the entries are not in published order (by receipt)")
    if receipt is not None and receipt not in receipts:
        problems.append(f"receipt {receipt} is not among the entries")
    outcome = data["outcome"]
    if outcome.get("failed"):
        if len(receipts) >= data["minimum_entries"]:
            problems.append("declared failed, yet the entries reach the minimum")
        return problems
    if len(receipts) < data["minimum_entries"]:
        problems.append("a winner was declared with fewer entries than the minimum")
    if data["method"] == "direct":
        if outcome.get("winner") not in receipts:
            problems.append("the chosen winner is not among the entries")
        return problems
    expected = recompute(data)
    for key in ("winner", "steps", "coefficient_pct", "reference_fen", "set_aside"):
        if outcome.get(key) != expected[key]:
            problems.append(
                f"{key}: the notice says {outcome.get(key)!r}, the rules give {expected[key]!r}"
            )
    return problems


def load(source: str) -> dict[str, Any]:
    """The notice's JSON from a URL, an HTML page or a JSON file."""
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=30) as response:
            text = response.read().decode("utf-8")
    else:
        with open(source, encoding="utf-8") as f:
            text = f.read()
    match = _DATA.search(text)
    if match is not None:
        text = html.unescape(match.group(1))
    return json.loads(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="the result notice: a URL, a saved page or its JSON")
    parser.add_argument("--receipt", help="your registration receipt, to check it took part")
    args = parser.parse_args(argv)
    data = load(args.source)
    problems = verify(data, args.receipt)
    print(f"{data['request_number']}: {data['method']}, {len(data['entries'])} entries")
    if data.get("phrase"):
        named = ", ".join(data.get("witnesses") or []) or "none named"
        print(f"draw phrase: {data['phrase']!r}; witnesses: {named}")
    for step in data["outcome"].get("steps", []):
        print(
            f"  step {step['label']}: index {step['index']} of {len(step['candidates'])}"
            f" → {step['chosen']}"
        )
    if problems:
        for problem in problems:
            print(f"MISMATCH: {problem}")
        return 1
    print("OK: the seed matches its commitment and the outcome follows from the rules.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
