"""SLA deadline planning on top of a :class:`BusinessCalendar`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from .business_calendar import BusinessCalendar

DeadlineLevel = Literal["warning", "breach"]


@dataclass(frozen=True, slots=True)
class Deadline:
    """A point at which an SLA clock escalates (``at`` is UTC-aware)."""

    level: DeadlineLevel
    at: datetime


def plan_deadlines(
    calendar: BusinessCalendar,
    started_at: datetime,
    target: timedelta,
    warn_fraction: float,
    *,
    elapsed_before: timedelta = timedelta(0),
) -> tuple[Deadline, ...]:
    """Plan the warning and breach deadlines of an SLA clock.

    The clock runs in business time from ``started_at``, having already
    consumed ``elapsed_before`` in earlier running periods (a paused and
    resumed clock).  The warning falls when ``warn_fraction * target`` of
    business time has been consumed in total, the breach when ``target`` has.
    A deadline that the earlier periods already passed is placed in the past,
    that much business time before ``started_at``.

    Returns ``(warning, breach)``.  Raises ``ValueError`` unless
    ``0 < warn_fraction < 1``, ``target > 0`` and ``elapsed_before >= 0``.
    """
    if (
        isinstance(warn_fraction, bool)
        or not math.isfinite(warn_fraction)
        or not 0 < warn_fraction < 1
    ):
        raise ValueError(f"warn_fraction must be strictly between 0 and 1, got {warn_fraction!r}")
    if target <= timedelta(0):
        raise ValueError(f"target must be positive, got {target!r}")
    if elapsed_before < timedelta(0):
        raise ValueError(f"elapsed_before must not be negative, got {elapsed_before!r}")
    return (
        Deadline(
            "warning",
            _shift(calendar, started_at, target * warn_fraction - elapsed_before),
        ),
        Deadline("breach", _shift(calendar, started_at, target - elapsed_before)),
    )


def _shift(calendar: BusinessCalendar, origin: datetime, delta: timedelta) -> datetime:
    if delta >= timedelta(0):
        return calendar.add_business_time(origin, delta)
    return calendar.subtract_business_time(origin, -delta)
