"""Reading the admission forms: text into typed inputs for the services, and back.

Only the shapes are checked here (a date that is not a date, money with three decimals);
the rules are the services'. Repeated rows are numbered fields (``qual-0-name``,
``item-1-fee_type`` …); a row left entirely blank is not a row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.datastructures import FormData, UploadFile

from marketplace.admission.certificates import MAX_CERTIFICATE_BYTES
from marketplace.admission.models import Application, Criterion
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import common as admission_common
from marketplace.admission.services import rounds as round_service
from marketplace.catalog.models import EntryMode, MarketType
from marketplace.forms import FormError, Message, parse_id, whole_number
from marketplace.i18n import N_

__all__ = [
    "COMPANY_FIELDS",
    "FEE_FIELDS",
    "ITEM_FIELDS",
    "QUALIFICATION_FIELDS",
    "WithValues",
    "application_values",
    "form_values",
    "parse_account",
    "parse_application",
    "parse_company",
    "parse_criteria",
    "parse_round",
    "read_form",
]

COMPANY_FIELDS = (
    "name",
    "name_en",
    "credit_code",
    "legal_representative",
    "address",
    "city",
    "phone",
    "established_on",
    "staff_count",
    "description",
)
ACCOUNT_FIELDS = ("contact_name", "email")
QUALIFICATION_FIELDS = ("name", "grade", "certificate_no", "issuer", "expires_on", "keep")
FEE_FIELDS = (
    "fee_type",
    "amount",
    "per",
    "rate",
    "base_unit",
    "base_label",
    "unit",
    "price",
    "bands",
    "low",
    "high",
    "note",
    "floor",
    "cap",
    "discount",
)
ITEM_FIELDS = (
    "title",
    "scope",
    "content",
    "legal_basis",
    "fee_basis",
    "time_limit_days",
    "commitments",
    *FEE_FIELDS,
)
ROUND_FIELDS = (
    "title",
    "notice",
    "conditions",
    "materials",
    "opens_on",
    "closes_on",
    "publicity_days",
    "min_score",
)
_MAX_TEXT = 5000
_CENT = Decimal("0.01")


async def read_form(request: Any) -> FormData:
    """The request's form; certificate files may be large, other parts may not."""
    form: FormData = await request.form(
        max_files=admission_common.MAX_ROWS, max_part_size=64 * 1024
    )
    return form


def _text(form: FormData, name: str, max_length: int = _MAX_TEXT) -> str:
    value = form.get(name, "")
    return value[: max_length + 1] if isinstance(value, str) else ""


def form_values(form: FormData, names: tuple[str, ...], prefix: str = "") -> dict[str, str]:
    """What the user typed, to show again beside the errors (never passwords)."""
    return {prefix + name: _text(form, prefix + name) for name in names}


def parse_date(raw: str, name: str, errors: dict[str, Message]) -> dt.date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        errors[name] = Message(N_("Enter the date as YYYY-MM-DD."))
        return None


def parse_int(raw: str, name: str, errors: dict[str, Message]) -> int | None:
    """A whole number's shape (its range is the services' rule); ``None`` when blank."""
    if not raw.strip():
        return None
    number = whole_number(raw, minimum=-999_999_999, maximum=999_999_999)
    if number is None:
        errors[name] = Message(N_("Enter a whole number."))
    return number


def parse_yuan(raw: str, name: str, errors: dict[str, Message]) -> int | None:
    """Yuan as people write them (``25,000`` or ``1234.5``) → fen."""
    text = raw.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        errors[name] = Message(N_("Enter an amount in yuan, such as 25000 or 1200.50."))
        return None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(_CENT) or amount > 10**10:
        errors[name] = Message(N_("Enter an amount in yuan, such as 25000 or 1200.50."))
        return None
    return int(amount * 100)


def _percent(raw: str, name: str, errors: dict[str, Message]) -> str | None:
    text = raw.strip().rstrip("%％")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        errors[name] = Message(N_("Enter a percentage, such as 0.8."))
        return None
    if not value.is_finite():
        errors[name] = Message(N_("Enter a percentage, such as 0.8."))
        return None
    return str(value)


def parse_company(form: FormData, errors: dict[str, Message]) -> application_service.CompanyInput:
    staff = _text(form, "staff_count")
    return application_service.CompanyInput(
        name=_text(form, "name"),
        name_en=_text(form, "name_en"),
        credit_code=_text(form, "credit_code", 40),
        legal_representative=_text(form, "legal_representative"),
        address=_text(form, "address"),
        city=_text(form, "city"),
        phone=_text(form, "phone"),
        established_on=parse_date(_text(form, "established_on"), "established_on", errors),
        staff_count=parse_int(staff, "staff_count", errors) if staff.strip() else 0,
        description=_text(form, "description"),
    )


def parse_account(form: FormData) -> application_service.AccountInput:
    return application_service.AccountInput(
        name=_text(form, "contact_name"),
        email=_text(form, "email", 254),
        password=_text(form, "password", 1000),
    )


def _rows(form: FormData, kind: str, fields: tuple[str, ...]) -> list[int]:
    """The indexes of the non-blank rows of a repeated group, in order."""
    rows = []
    for index in range(admission_common.MAX_ROWS):
        prefix = f"{kind}-{index}-"
        filled = any(
            _text(form, prefix + f).strip()
            for f in fields
            if f not in ("grade", "fee_type", "keep")
        )
        upload = form.get(prefix + "certificate")
        if filled or (isinstance(upload, UploadFile) and upload.filename):
            rows.append(index)
    return rows


def fee_standard(
    form: Mapping[str, Any], prefix: str, errors: dict[str, Message]
) -> dict[str, Any]:
    """The structured fee standard of an item row (``catalog.fees`` shapes)."""

    def text(name: str) -> str:
        value = form.get(prefix + name, "")
        return value.strip() if isinstance(value, str) else ""

    fee_type = text("fee_type")
    standard: dict[str, Any] = {"type": fee_type}

    def required(key: str, name: str, value: Any) -> None:
        if value is None and prefix + name not in errors:
            errors[prefix + name] = Message(N_("This field is required."))
        standard[key] = value

    if fee_type == "fixed":
        required("amount_fen", "amount", parse_yuan(text("amount"), prefix + "amount", errors))
        standard["per"] = text("per")
    elif fee_type == "negotiated":
        required("low_fen", "low", parse_yuan(text("low"), prefix + "low", errors))
        required("high_fen", "high", parse_yuan(text("high"), prefix + "high", errors))
        standard["note"] = text("note")
    elif fee_type == "per_unit":
        standard["unit"] = text("unit")
        required("price_fen", "price", parse_yuan(text("price"), prefix + "price", errors))
        standard["base_label"] = text("base_label")
    elif fee_type in ("rate", "tiered"):
        standard["base_unit"] = text("base_unit")
        standard["base_label"] = text("base_label")
        if fee_type == "rate":
            required("rate", "rate", _percent(text("rate"), prefix + "rate", errors))
        else:
            bands = _bands(text("bands"), prefix + "bands", errors)
            required("bands", "bands", bands or None)
    else:
        errors[prefix + "fee_type"] = Message(N_("Choose how the fee is charged."))
        return standard
    if fee_type in ("rate", "tiered", "per_unit"):
        for name in ("floor", "cap"):
            fen = parse_yuan(text(name), prefix + name, errors)
            if fen is not None:
                standard[f"{name}_fen"] = fen
    discount = _percent(text("discount"), prefix + "discount", errors)
    if discount is not None and fee_type != "negotiated":
        standard["discount_max_pct"] = discount
    return standard


def _bands(raw: str, name: str, errors: dict[str, Message]) -> list[dict[str, str | None]]:
    """Bands, one a line: ``upper-edge rate`` (``3000 0.2``); the last may be ``- 0.007``."""
    bands: list[dict[str, str | None]] = []
    for line in raw.splitlines():
        parts = line.replace("，", " ").replace(",", " ").replace("%", " ").split()
        if not parts:
            continue
        if len(parts) != 2:
            errors[name] = Message(
                N_("Write one band a line: its upper edge and its rate, such as “3000 0.2”.")
            )
            return bands
        edge, rate = parts
        bands.append({"up_to": None if edge in ("-", "—", "以上") else edge, "rate": rate})
    return bands


def fee_fields(standard: Mapping[str, Any]) -> dict[str, str]:
    """The form fields that show a stored fee standard (the inverse of ``fee_standard``)."""

    def yuan(fen: Any) -> str:
        if fen is None:
            return ""
        amount = Decimal(fen) / 100
        return str(amount.quantize(_CENT)) if fen % 100 else str(int(amount))

    values = {name: "" for name in FEE_FIELDS}
    values.update(
        fee_type=str(standard.get("type", "")),
        amount=yuan(standard.get("amount_fen")),
        per=str(standard.get("per") or ""),
        rate=str(standard.get("rate") or ""),
        base_unit=str(standard.get("base_unit") or ""),
        base_label=str(standard.get("base_label") or ""),
        unit=str(standard.get("unit") or ""),
        price=yuan(standard.get("price_fen")),
        low=yuan(standard.get("low_fen")),
        high=yuan(standard.get("high_fen")),
        note=str(standard.get("note") or ""),
        floor=yuan(standard.get("floor_fen")),
        cap=yuan(standard.get("cap_fen")),
        discount=str(standard.get("discount_max_pct") or ""),
        bands="\n".join(
            f"{band.get('up_to') or '-'} {band.get('rate')}" for band in standard.get("bands", [])
        ),
    )
    return values


async def parse_application(
    form: FormData, errors: dict[str, Message]
) -> tuple[application_service.ApplicationInput, dict[str, str]]:
    """The application's materials, and what was typed (to show again on a refusal)."""
    values = form_values(form, ("key_staff", "past_performance"))
    qualifications = []
    for position, index in enumerate(_rows(form, "qual", QUALIFICATION_FIELDS)):
        source, target = f"qual-{index}-", f"qual-{position}-"
        row = {target + f: _text(form, source + f) for f in QUALIFICATION_FIELDS}
        values.update(row)
        upload = form.get(source + "certificate")
        certificate = None
        if isinstance(upload, UploadFile) and upload.filename:
            # one byte more than allowed is enough to know it is too large
            content = await upload.read(MAX_CERTIFICATE_BYTES + 1)
            certificate = application_service.CertificateUpload(
                filename=upload.filename, content=content
            )
        keep = parse_int(row[target + "keep"], target + "certificate", errors)
        grade = row[target + "grade"].strip() or None
        qualifications.append(
            application_service.QualificationInput(
                name=row[target + "name"],
                grade=grade,
                certificate_no=row[target + "certificate_no"],
                issuer=row[target + "issuer"],
                expires_on=parse_date(row[target + "expires_on"], target + "expires_on", errors),
                certificate=certificate,
                keep_certificate_of=keep,
            )
        )
    items = []
    for position, index in enumerate(_rows(form, "item", ITEM_FIELDS)):
        source, target = f"item-{index}-", f"item-{position}-"
        row = {target + f: _text(form, source + f) for f in ITEM_FIELDS}
        values.update(row)
        items.append(
            application_service.ItemInput(
                title=row[target + "title"],
                scope=row[target + "scope"],
                content=row[target + "content"],
                legal_basis=row[target + "legal_basis"],
                fee_basis=row[target + "fee_basis"],
                fee_standard=fee_standard(row, target, errors),
                time_limit_days=parse_int(
                    row[target + "time_limit_days"], target + "time_limit_days", errors
                ),
                commitments=row[target + "commitments"],
            )
        )
    data = application_service.ApplicationInput(
        key_staff=values["key_staff"],
        past_performance=values["past_performance"],
        qualifications=qualifications,
        items=items,
    )
    return data, values


def application_values(application: Application) -> dict[str, str]:
    """A stored application as form values (its related rows must be loaded)."""
    values = {
        "key_staff": application.key_staff,
        "past_performance": application.past_performance,
    }
    for position, q in enumerate(application.qualifications):
        prefix = f"qual-{position}-"
        values.update(
            {
                prefix + "name": q.name,
                prefix + "grade": q.grade or "",
                prefix + "certificate_no": q.certificate_no,
                prefix + "issuer": q.issuer,
                prefix + "expires_on": q.expires_on.isoformat(),
                prefix + "keep": str(q.id),
                prefix + "keep_name": q.certificate_name,
            }
        )
    for position, item in enumerate(application.items):
        prefix = f"item-{position}-"
        values.update(
            {
                prefix + "title": item.title,
                prefix + "scope": item.scope,
                prefix + "content": item.content,
                prefix + "legal_basis": item.legal_basis,
                prefix + "fee_basis": item.fee_basis,
                prefix + "time_limit_days": str(item.time_limit_days),
                prefix + "commitments": item.commitments,
            }
        )
        values.update({prefix + k: v for k, v in fee_fields(item.fee_standard).items()})
    return values


def parse_round(form: FormData) -> tuple[round_service.RoundInput, dict[str, Any]]:
    errors: dict[str, Message] = {}
    values: dict[str, Any] = form_values(form, ROUND_FIELDS)
    category_ids = [i for i in map(parse_id, form.getlist("categories")) if i is not None]
    places: dict[int, int | None] = {}
    for name, raw in form.multi_items():
        category_id = parse_id(name[7:]) if name.startswith("places-") else None
        if category_id is not None and isinstance(raw, str):
            places[category_id] = parse_int(raw, name, errors)
            values[name] = raw[:10]
    values["categories"] = category_ids
    details = round_service.RoundInput(
        title=values["title"],
        notice=values["notice"],
        conditions=values["conditions"],
        materials=values["materials"],
        opens_on=parse_date(values["opens_on"], "opens_on", errors),
        closes_on=parse_date(values["closes_on"], "closes_on", errors),
        publicity_days=parse_int(values["publicity_days"], "publicity_days", errors),
        min_score=parse_int(values["min_score"], "min_score", errors),
        category_ids=category_ids,
        places=places,
    )
    if errors:
        raise WithValues(errors, values)
    return details, values


def parse_criteria(form: FormData) -> tuple[list[round_service.CriterionInput], dict[str, str]]:
    errors: dict[str, Message] = {}
    criteria = []
    values: dict[str, str] = {}
    for index in range(admission_common.MAX_ROWS):
        prefix = f"criterion-{index}-"
        row = form_values(form, ("name", "weight", "description"), prefix)
        values.update(row)
        criteria.append(
            round_service.CriterionInput(
                name=row[prefix + "name"],
                weight=parse_int(row[prefix + "weight"], prefix + "weight", errors),
                description=row[prefix + "description"],
            )
        )
    if errors:
        raise WithValues(errors, values)
    return criteria, values


class WithValues(FormError):
    """A refusal of the form's shape, carrying what was typed."""

    def __init__(self, errors: Mapping[str, Message], values: Mapping[str, Any]) -> None:
        super().__init__(errors)
        self.values = dict(values)


def parse_entry_settings(values: Mapping[str, str]) -> dict[str, Any]:
    """A category's entry settings as typed (``FormError`` naming every field that is not);
    the service checks the ranges."""
    errors: dict[str, Message] = {}
    market = values["market_type"]
    mode = values["entry_mode"]
    if market not in MarketType.__members__.values():
        errors["market_type"] = Message(N_("Choose a market type."))
    if mode not in EntryMode.__members__.values():
        errors["entry_mode"] = Message(N_("Choose how agencies enter."))
    quota = parse_int(values["quota"], "quota", errors)
    check_days = parse_int(values["check_days"], "check_days", errors)
    if errors:
        raise FormError(errors)
    return {
        "market_type": MarketType(market),
        "quota": quota,
        "entry_mode": EntryMode(mode),
        "check_days": check_days,
    }


def parse_points(values: Mapping[str, str], criteria: Sequence[Criterion]) -> dict[int, int | None]:
    """A score sheet's points by criterion (blank: none), from ``criterion-<id>`` fields;
    ``FormError`` naming every field that is not a whole number (the service checks the
    ranges)."""
    errors: dict[str, Message] = {}
    points = {
        c.id: parse_int(values[f"criterion-{c.id}"], f"criterion-{c.id}", errors) for c in criteria
    }
    if errors:
        raise FormError(errors)
    return points


def parse_correction(values: Mapping[str, str]) -> round_service.CorrectionInput:
    """A correction notice's new dates (blank: unchanged) and text."""
    errors: dict[str, Message] = {}
    correction = round_service.CorrectionInput(
        text=values["correction_text"],
        opens_on=parse_date(values["opens_on"], "opens_on", errors),
        closes_on=parse_date(values["closes_on"], "closes_on", errors),
        publicity_ends_on=parse_date(values["publicity_ends_on"], "publicity_ends_on", errors),
    )
    if errors:
        raise FormError(errors)
    return correction
