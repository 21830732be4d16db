"""Crawling the application as each role: the route table with real ids, then the links.

Shared by the crawl test (every GET page, no 5xx) and the form fuzz test (every form the
crawl finds, posted with hostile values).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import httpx
from starlette.routing import BaseRoute, Mount, Route
from tortoise.models import Model

from marketplace.accounts import services
from marketplace.accounts.models import Role, User, UserRole
from marketplace.admission.models import (
    AdmissionRound,
    Application,
    ApplicationQualification,
    Invitation,
)
from marketplace.catalog.models import (
    Agency,
    Category,
    ListingChange,
    Qualification,
    ServiceItem,
    ServiceItemVersion,
)
from marketplace.complaints.models import Complaint, ComplaintFile
from marketplace.credit.models import CreditRecord, CreditRecordFile
from marketplace.orders.models import Order, OrderFile
from marketplace.procurement.models import PurchaseRequest

__all__ = [
    "ROLES",
    "Crawl",
    "FoundForm",
    "browser",
    "get_routes",
    "page_key",
    "route_urls",
]

# "visitor" is nobody signed in; the others are the demo's own people of that role.
ROLES: dict[str, Role | None] = {
    "visitor": None,
    "enterprise": Role.ENTERPRISE,
    "agency": Role.AGENCY,
    "reviewer": Role.REVIEWER,
    "admin": Role.ADMIN,
}
# Which table a route's ``{id}`` names, by the start of its path (the longest match wins).
_ID_TABLES: dict[str, type[Model]] = {
    "/agencies/": Agency,
    "/api/v1/agencies/": Agency,
    "/services/": ServiceItem,
    "/api/v1/services/": ServiceItem,
    "/orders/": Order,
    "/api/v1/orders/": Order,
    "/complaints/": Complaint,
    "/api/v1/complaints/": Complaint,
    "/admission/rounds/": AdmissionRound,
    "/review/rounds/": AdmissionRound,
    "/backoffice/admission/rounds/": AdmissionRound,
    "/api/v1/rounds/": AdmissionRound,
    "/admission/applications/": Application,
    "/review/applications/": Application,
    "/backoffice/admission/applications/": Application,
    "/admission/certificates/": ApplicationQualification,
    "/backoffice/admission/letters/": Invitation,
    "/backoffice/credit/": CreditRecord,
    "/backoffice/admission/categories/": Category,
    "/services/versions/": ServiceItemVersion,
    "/workspace/items/": ServiceItem,
    "/workspace/changes/": ListingChange,
    "/workspace/qualifications/": Qualification,
    "/backoffice/listings/": ListingChange,
    "/purchases/": PurchaseRequest,
    "/api/v1/purchases/": PurchaseRequest,
}
# The file table of each kind of page that lists files, and its owner's id column.
_FILE_TABLES: dict[str, tuple[type[Model], str]] = {
    "/orders/": (OrderFile, "order_id"),
    "/complaints/": (ComplaintFile, "complaint_id"),
    "/backoffice/credit/": (CreditRecordFile, "record_id"),
}
_NUMBER = re.compile(r"/[0-9]+(?=/|$)")


def get_routes(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, Route]]:
    """Every route of the table with its full path format, mounts included."""
    for route in routes:
        if isinstance(route, Mount):
            if route.routes:  # a mounted app such as StaticFiles has none
                yield from get_routes(list(route.routes), prefix + route.path)
        elif isinstance(route, Route):
            yield prefix + route.path_format, route


async def _sample_ids(model: type[Model]) -> list[int]:
    """The first and the last id of ``model``'s table (the crawl finds each role's own)."""
    ids: list[int] = sorted(await model.all().values_list("id", flat=True))  # type: ignore[arg-type]
    return sorted({ids[0], ids[-1]}) if ids else []


async def route_urls(path_format: str, route: Route) -> list[str]:
    """``path_format`` filled with real values of the demo (a few of each)."""
    params = set(route.param_convertors)
    if not params:
        return [path_format]
    if params == {"code"}:
        codes = await Category.all().order_by("id").limit(2).values_list("code", flat=True)
        return [path_format.format(code=c) for c in codes]
    if params == {"token"}:
        return [path_format.format(token="not-a-real-token")]
    prefix = max((p for p in _ID_TABLES if path_format.startswith(p)), key=len, default=None)
    assert prefix is not None, f"no table for the id of {path_format}: add it to _ID_TABLES"
    if params == {"id", "file_id"}:
        file_model, owner = _FILE_TABLES[prefix]
        files = await file_model.all().order_by("id").limit(2)
        return [path_format.format(id=getattr(f, owner), file_id=f.id) for f in files]
    assert params == {"id"}, f"unknown parameters of {path_format}: {params}"
    return [path_format.format(id=i) for i in await _sample_ids(_ID_TABLES[prefix])]


def page_key(url: str) -> str:
    """A page's kind: its path with numbers as ``{n}`` and the names of its query."""
    parts = urlsplit(url)
    keys = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    path = _NUMBER.sub("/{n}", parts.path)
    if path.startswith("/categories/"):
        path = "/categories/{code}"
    return path + "?" + "&".join(keys)


@dataclass
class FoundForm:
    """A ``<form method=post>``: where it posts and its fields with their page values."""

    page: str
    action: str
    enctype: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # (name, value), in order
    kinds: dict[str, str] = field(default_factory=dict)  # name → input type / select …


class _PageParser(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links: list[str] = []
        self.forms: list[FoundForm] = []
        self._form: FoundForm | None = None
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_value: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "form":
            if a.get("method", "get").lower() == "post":
                action = (a.get("action") or self.page).removeprefix("http://testserver")
                self._form = FoundForm(self.page, action, a.get("enctype", ""))
            else:
                self._form = None
        elif self._form is not None and tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                self._form.kinds.setdefault(a["name"], kind)
                return
            if kind in ("submit", "button", "image", "reset") and a["name"] != "op":
                return
            self._form.fields.append((a["name"], a.get("value", "")))
            self._form.kinds.setdefault(a["name"], kind)
        elif self._form is not None and tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._form.kinds[a["name"]] = "textarea"
            self._form.fields.append((a["name"], ""))
        elif self._form is not None and tag == "select" and a.get("name"):
            self._select, self._select_value = a["name"], None
            self._form.kinds[a["name"]] = "select"
        elif self._select is not None and tag == "option":
            if self._select_value is None or "selected" in a:
                self._select_value = a.get("value", "")
        elif self._form is not None and tag == "button" and a.get("name"):
            self._form.fields.append((a["name"], a.get("value", "")))
            self._form.kinds.setdefault(a["name"], "button")

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea is not None:
            name, _ = self._form.fields[-1]
            self._form.fields[-1] = (name, self._form.fields[-1][1] + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._form is not None and self._select is not None:
            self._form.fields.append((self._select, self._select_value or ""))
            self._select = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


def _same_site(href: str) -> str | None:
    if href.startswith("http://testserver/"):
        href = href.removeprefix("http://testserver")
    if not href.startswith("/") or href.startswith("//"):
        return None
    href = href.split("#", 1)[0]
    if href.startswith(("/static/", "/logout")):
        return None
    return href


async def browser(transport: httpx.AsyncBaseTransport, role: str) -> httpx.AsyncClient:
    """A browser signed in as the demo's first person of ``role`` (nobody for "visitor")."""
    client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
    wanted = ROLES[role]
    if wanted is not None:
        row = await UserRole.filter(role=wanted).order_by("user_id").first()
        assert row is not None, f"the demo has nobody with role {role}"
        user = await User.get(id=row.user_id)
        client.cookies.set("mp_session", await services.start_session(user))
    return client


@dataclass
class Crawl:
    """What one role's crawl saw: every fetch's status, and the forms of its pages."""

    role: str
    statuses: dict[str, int] = field(default_factory=dict)  # url → status
    forms: list[FoundForm] = field(default_factory=list)

    @property
    def server_errors(self) -> list[str]:
        return [f"{self.role} GET {u}: {s}" for u, s in self.statuses.items() if s >= 500]

    async def run(self, client: httpx.AsyncClient, start: list[str], max_fetches: int) -> None:
        """Fetch ``start`` whole, then the links they lead to, one page of each kind (a
        kind of the route table is followed once more: the ids there are not the role's)."""
        seen_kinds: set[str] = set()
        queue = list(dict.fromkeys(start))
        form_kinds: set[tuple[str, str]] = set()
        while queue and len(self.statuses) < max_fetches:
            url = queue.pop(0)
            if url in self.statuses:
                continue
            response = await client.get(url)
            self.statuses[url] = response.status_code
            if "text/html" not in response.headers.get("content-type", ""):
                continue
            parser = _PageParser(url)
            parser.feed(response.text)
            for found in parser.forms:
                key = (page_key(found.action), " ".join(sorted(n for n, _ in found.fields)))
                if key not in form_kinds:
                    form_kinds.add(key)
                    self.forms.append(found)
            for href in parser.links:
                link = _same_site(href)
                if link is None or (self.role != "visitor" and "lang=" in link):
                    continue  # the English pages are crawled once, by the visitor
                if page_key(link) not in seen_kinds:
                    seen_kinds.add(page_key(link))
                    queue.append(link)
