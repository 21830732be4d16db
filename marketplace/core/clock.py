"""The one Beijing clock: every "now" and "today" of the marketplace comes from here.

Deadlines, rating windows, admission windows and statistics are counted in China's
time, whatever the server's own time zone is, so nothing else calls ``dt.date.today()``
or defines its own UTC+8. Tests set the clock with ``set_now`` (and put it back with
``set_now(None)``) instead of patching each module that asks.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["BEIJING", "now", "set_now", "to_beijing", "today"]

# China Standard Time: UTC+8 all year, no daylight saving since 1991.
BEIJING = dt.timezone(dt.timedelta(hours=8), "CST")

_fixed_now: dt.datetime | None = None


def set_now(moment: dt.datetime | None) -> None:
    """Make ``now()`` answer ``moment`` (an aware datetime) until set back with ``None``."""
    global _fixed_now
    if moment is not None and moment.tzinfo is None:
        raise ValueError("set_now needs an aware datetime")
    _fixed_now = moment


def now() -> dt.datetime:
    """The current moment in Beijing time."""
    if _fixed_now is not None:
        return _fixed_now.astimezone(BEIJING)
    return dt.datetime.now(BEIJING)


def today() -> dt.date:
    """Today's date in Beijing, where the working days are counted."""
    return now().date()


def to_beijing(moment: dt.datetime) -> dt.datetime:
    """``moment`` (aware) on Beijing's wall clock."""
    return moment.astimezone(BEIJING)
