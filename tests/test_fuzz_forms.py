"""Every HTML form, posted with hostile values as the role that sees it: no server error,
a refusal says why in the user's language, and a refused request changes nothing.

The forms are found by crawling the demo with its activity as each role (``tests.crawling``)
and parsing its ``<form method=post>``; each is posted with its own page's CSRF token and
a fixed list of hostile variants: control characters, huge and oversize strings, digits
``int()`` does not take (or takes wrongly), every field missing, repeated or sent as a
file, and bodies that cannot be parsed.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from urllib.parse import urlencode

import httpx
from asgi_lifespan import LifespanManager
from tortoise import Tortoise, connections

from marketplace.app import create_app
from marketplace.formpages import FORM_KEY
from marketplace.guard import MAX_FORM_BYTES
from tests.conftest import make_settings
from tests.crawling import ROLES, Crawl, FoundForm, browser, get_routes, page_key, route_urls

# Values put in every field at once.
HOSTILE = [
    "nul\x00byte",
    "bell\x07esc\x1b",
    "²",
    "１２",
    "-1",
    "9" * 30,
    "x" * 100_000,
    "<b>'\"&",
]
# PostgreSQL answers each request more slowly: there, the variants that matter most.
HOSTILE_ON_POSTGRES = ["nul\x00byte", "²", "x" * 100_000]
# Values put in one field at a time, where a number or an id is expected.
HOSTILE_NUMBERS = ["²", "١٢"]
_NUMBER_KINDS = {"hidden", "select", "number", "radio", "checkbox", "date"}
# Tables a refused request may still write: the security log (a refused sign-in is
# logged by design) and the sessions (their last use).
_MAY_CHANGE = {"security_event", "session"}
# Posting these ends the role's session or its access, which the next variants need.
_SKIPPED_ACTIONS = ("/logout",)
# Tables up to this size are compared row by row, larger ones (events, versions) by count.
_FULLY_COMPARED_ROWS = 300
_REFUSAL_MARKS = ('role="alert"', 'class="field-error"', "error-page", 'class="error"')
Part = tuple[str, str | tuple[str, bytes]]  # a field, or a file (name, content)


async def snapshot() -> str:
    """The row count of every table, and every row of the smaller ones (where the states
    and settings live), but of the tables a refusal may write."""
    connection = connections.get("default")
    tables = sorted(
        m._meta.db_table
        for m in Tortoise.apps["models"].values()
        if m._meta.db_table not in _MAY_CHANGE
    )
    counts_sql = " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM \"{t}\"" for t in tables)
    _, counted = await connection.execute_query(counts_sql)
    counts = dict(tuple(dict(row).values()) for row in counted)
    digest = hashlib.sha256(repr(sorted(counts.items())).encode())
    for table in tables:
        if counts[table] <= _FULLY_COMPARED_ROWS:
            _, rows = await connection.execute_query(f'SELECT * FROM "{table}" ORDER BY 1')
            digest.update(repr([tuple(dict(row).values()) for row in rows]).encode())
    return digest.hexdigest()


def _multipart(parts: list[Part], boundary: str) -> bytes:
    chunks = []
    for name, value in parts:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
        if isinstance(value, tuple):
            filename, content = value
            head += f'; filename="{filename}"\r\nContent-Type: application/pdf'
            chunks.append(head.encode() + b"\r\n\r\n" + content + b"\r\n")
        else:
            chunks.append(head.encode() + b"\r\n\r\n" + value.encode() + b"\r\n")
    return b"".join(chunks) + f"--{boundary}--\r\n".encode()


def encode(parts: list[Part], multipart: bool) -> tuple[bytes, str]:
    """The body and content type a browser would send for ``parts``."""
    if multipart or any(isinstance(v, tuple) for _, v in parts):
        boundary = secrets.token_hex(12)
        return _multipart(parts, boundary), f"multipart/form-data; boundary={boundary}"
    pairs = [(n, v) for n, v in parts if isinstance(v, str)]
    return urlencode(pairs).encode(), "application/x-www-form-urlencoded"


def variants(
    form: FoundForm, token: str, hostile: list[str]
) -> Iterator[tuple[str, list[Part], bool]]:
    """``(label, parts, multipart)`` for each hostile request on ``form``."""
    # A page's forms posted to its own address name themselves in FORM_KEY: that stays as
    # the page gave it, so each form's own fields are what is fuzzed (and one variant names
    # no form of the page).
    named: list[Part] = [(n, v) for n, v in form.fields if n == FORM_KEY][:1]
    fields = [(n, v) for n, v in form.fields if n not in ("csrftoken", FORM_KEY)]
    multipart = form.enctype == "multipart/form-data"
    csrf: list[Part] = [("csrftoken", token), *named]
    if named:
        yield "no form of the page", [("csrftoken", token), (FORM_KEY, "²")], multipart
    files = {n for n, kind in form.kinds.items() if kind == "file"}

    def with_files(parts: list[Part]) -> list[Part]:
        return parts + [(n, ("report.pdf", b"%PDF-1.4\n%%EOF\n")) for n in files]

    for value in hostile:
        parts: list[Part] = [(n, value) for n, _ in fields if n not in files]
        yield f"every field {value[:12]!r}", csrf + with_files(parts), multipart
    big: list[Part] = [(n, "x" * (MAX_FORM_BYTES + 1)) for n, _ in fields[:1] if n not in files]
    yield "one field over the size limit", csrf + big, False
    yield "every field missing", list(csrf), multipart
    repeated: list[Part] = [p for n, v in fields for p in ((n, v), (n, "²"))]
    yield "every field repeated", csrf + repeated, multipart
    as_files: list[Part] = [(n, ("a\x00.pdf", v.encode())) for n, v in fields]
    yield "every field a file", csrf + as_files, True
    if files:
        text_for_files: list[Part] = [(n, "not a file") for n in files]
        yield (
            "text where a file goes",
            csrf + [p for p in fields if p[0] not in files] + text_for_files,
            True,
        )
        nul_name: list[Part] = [(n, ("a\x00b.pdf", b"%PDF-1.4\n")) for n in files]
        yield "NUL in a file name", csrf + nul_name, True
    for name, _ in fields:
        if form.kinds.get(name) in _NUMBER_KINDS and hostile is HOSTILE:
            for value in HOSTILE_NUMBERS:
                one: list[Part] = [(n, value if n == name else v) for n, v in fields]
                yield f"{name}={value[:12]!r}", csrf + with_files(one), multipart


async def _forms_of_each_role(
    transport: httpx.AsyncBaseTransport, app: object
) -> dict[str, list[FoundForm]]:
    """The forms each role's crawl finds; a form every role sees is fuzzed once."""
    start: list[str] = []
    for path_format, route in get_routes(app.routes):  # type: ignore[attr-defined]
        if "GET" in (route.methods or {"GET"}):
            start.extend(await route_urls(path_format, route))
    found: dict[str, list[FoundForm]] = {}
    kinds: set[tuple[str, tuple[str, ...]]] = set()
    for role in ROLES:
        crawl = Crawl(role)
        async with await browser(transport, role) as client:
            await crawl.run(client, start, max_fetches=len(start) + 300)
        found[role] = []
        for form in crawl.forms:
            kind = (page_key(form.action), tuple(sorted(n for n, _ in form.fields)))
            if kind not in kinds and not form.action.startswith(_SKIPPED_ACTIONS):
                kinds.add(kind)
                found[role].append(form)
    return found


async def test_every_form_refuses_hostile_input_cleanly(
    activity_fuzz_db: str, backend: str
) -> None:
    hostile = HOSTILE_ON_POSTGRES if backend == "postgres" else HOSTILE
    app = create_app(make_settings(activity_fuzz_db))
    failures: list[str] = []
    posted = refused = 0
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app, raise_app_exceptions=False)
        forms = await _forms_of_each_role(transport, app)
        state = await snapshot()
        for role, role_forms in forms.items():
            async with await browser(transport, role) as client:
                for form in role_forms:
                    page = await client.get(form.page)
                    token = str(client.cookies.get("csrftoken", ""))
                    if page.status_code != 200 or not token:
                        continue  # an earlier post closed it (an order cancelled, say)
                    for label, parts, multipart in variants(form, token, hostile):
                        body, content_type = encode(parts, multipart)
                        response = await client.post(
                            form.action, content=body, headers={"content-type": content_type}
                        )
                        posted += 1
                        where = f"{role} POST {form.action} ({label}): {response.status_code}"
                        before, state = state, await snapshot()
                        if response.status_code >= 500:
                            failures.append(where)
                        elif response.status_code >= 400:
                            refused += 1
                            if not any(mark in response.text for mark in _REFUSAL_MARKS):
                                failures.append(where + " without a message")
                            if state != before:
                                failures.append(where + " changed the database")

    assert failures == []
    assert sum(len(f) for f in forms.values()) >= 20
    assert refused > posted // 2
