"""Display labels for catalogue values; translated where shown (``_()`` in templates)."""

from __future__ import annotations

from marketplace.i18n import N_

__all__ = ["ADMISSION_ROUTE_LABELS", "FEE_TYPE_LABELS", "MARKET_TYPE_LABELS", "UNIT_LABELS"]

MARKET_TYPE_LABELS = {
    "monopoly": N_("Monopoly"),
    "competitive": N_("Competitive"),
    "absent": N_("Recruited from outside"),
}

MARKET_TYPE_EXPLANATIONS = {
    "monopoly": N_("One designated agency holds this service; it must be admitted."),
    "competitive": N_("Open to competition; agencies are selected on merit up to a quota."),
    "absent": N_("No qualified local agency exists; agencies are recruited from outside the city."),
}

ADMISSION_ROUTE_LABELS = {
    "required": N_("Required admission (monopoly)"),
    "merit": N_("Selected on merit"),
    "recruited": N_("Recruited from outside"),
    "continuous": N_("Admitted by continuous entry"),
}

FEE_TYPE_LABELS = {
    "fixed": N_("Fixed fee"),
    "rate": N_("Percentage of a base amount"),
    "tiered": N_("Progressive bands"),
    "interpolated": N_("Table with interpolation"),
    "per_unit": N_("Per unit"),
    "negotiated": N_("Negotiated (market-regulated)"),
}

UNIT_LABELS = {
    "yuan": N_("yuan"),
    "wan_yuan": N_("10,000 yuan"),
    "m2": N_("m²"),
    "km": N_("km"),
    "km2": N_("km²"),
    "hectare": N_("hectares"),
    "point": N_("test points"),
    "floor": N_("floors"),
    "item": N_("items"),
}
