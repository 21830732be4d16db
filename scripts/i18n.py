"""Keep the message catalogues in step with the code.

python scripts/i18n.py update    extract messages and merge them into every catalogue
python scripts/i18n.py check     exit 1 if a message is missing or untranslated (CI)
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "marketplace" / "locale"
POT = ROOT / "build" / "messages.pot"
KEYWORDS = ["-k", "N_", "-k", "InvalidBase:2", "-k", "SearchQueryError:2"]


def _pybabel(*args: str) -> None:
    import os

    cwd = Path.cwd()
    os.chdir(ROOT)  # babel.cfg's patterns are relative to the project root
    try:
        CommandLineInterface().run(["pybabel", "-q", *args])
    finally:
        os.chdir(cwd)


def extract() -> None:
    POT.parent.mkdir(exist_ok=True)
    _pybabel(
        "extract",
        "-F",
        str(ROOT / "babel.cfg"),
        *KEYWORDS,
        "--no-location",
        "--sort-output",
        "--omit-header",
        "-o",
        str(POT),
        "marketplace",
        "templates",
        "search",
    )


def update() -> None:
    extract()
    _pybabel(
        "update",
        "-i",
        str(POT),
        "-d",
        str(LOCALE_DIR),
        "-D",
        "messages",
        "--no-fuzzy-matching",
        "--ignore-obsolete",
    )


def check() -> int:
    extract()
    with POT.open("rb") as f:
        wanted = {m.id for m in read_po(f) if m.id}
    if len(wanted) < 50:
        print(f"only {len(wanted)} messages extracted: is babel.cfg still right?")
        return 1
    problems = 0
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/messages.po")):
        with po_path.open("rb") as f:
            catalog = read_po(f)
        have = {m.id: m for m in catalog if m.id}
        for msgid in sorted(wanted, key=str):
            message = have.get(msgid)
            strings = message.string if message else None
            if not message or not strings or (isinstance(strings, tuple) and not all(strings)):
                print(f"{po_path.relative_to(ROOT)}: untranslated: {msgid!r}")
                problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    else:
        sys.exit(check())
