"""How an in-app notice reads and where it links, whatever its stored params hold.

A notice keeps its message id and params as they were when it was made; messages and
params change over releases, so a notice from an older release may lack a placeholder's
value or the complaint it once linked to. Rendering never fails on that: a missing
value reads as an ellipsis and a notice without a usable target links to its order, or
to nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from marketplace.core.notifications import Notification
from marketplace.i18n import gettext

__all__ = ["NoticeView", "notice_text", "notice_view"]

_MISSING = "…"


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return _MISSING


def notice_text(message: str, params: Mapping[str, Any] | None) -> str:
    """``message`` in the current language with ``params`` filled, missing ones as "…"."""
    text = gettext(message)
    try:
        return text % _Lenient(params or {})
    except (TypeError, ValueError):  # a malformed placeholder in a message or catalogue
        return text


@dataclass(frozen=True, slots=True)
class NoticeView:
    notice: Notification
    text: str
    href: str | None


def _small_id(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def notice_view(notice: Notification) -> NoticeView:
    """What the notifications page shows for ``notice``: its text and its link."""
    params = notice.params if isinstance(notice.params, dict) else {}
    complaint_id = _small_id(params.get("complaint"))
    purchase_id = _small_id(params.get("purchase"))
    if complaint_id is not None:
        href: str | None = f"/complaints/{complaint_id}"
    elif _small_id(params.get("qualification")) is not None:
        href = "/workspace/qualifications"
    elif _small_id(params.get("listing_change")) is not None:
        href = f"/workspace/changes/{params['listing_change']}"
    elif purchase_id is not None:
        href = f"/purchases/{purchase_id}"
    elif notice.order_id is not None:
        href = f"/orders/{notice.order_id}"
    else:
        href = None
    return NoticeView(notice, notice_text(notice.message, params), href)
