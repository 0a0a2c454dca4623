"""UTC-offset segments of IANA time zones (internal helper).

Everything here works on integer microseconds since the Unix epoch (UTC),
so the calendar arithmetic built on top of it is exact.

``zoneinfo`` does not expose its transition table publicly, so transitions
are discovered by sampling the UTC offset every few hours over a UTC year and
bisecting each change down to the second.  The result is cached per
(zone, year).  Real zones never change offset twice within the sampling step,
so no transition is missed.
"""

from __future__ import annotations

import functools
from datetime import MINYEAR, UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

US_PER_SECOND = 1_000_000
US_PER_MINUTE = 60 * US_PER_SECOND
US_PER_DAY = 86_400 * US_PER_SECOND

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

_ONE_US = timedelta(microseconds=1)
_SCAN_STEP_S = 6 * 3600

Segment = tuple[int, int, int]
"""``(start_us, end_us, offset_us)``: a UTC span with a constant UTC offset."""


def to_us(moment: datetime) -> int:
    """Microseconds since the epoch for an aware datetime."""
    return (moment - EPOCH) // _ONE_US


def from_us(us: int) -> datetime:
    """UTC-aware datetime for microseconds since the epoch."""
    return EPOCH + timedelta(microseconds=us)


def offset_us(tz: ZoneInfo, us: int) -> int:
    """UTC offset of ``tz`` at the UTC instant ``us``, in microseconds."""
    offset = from_us(us).astimezone(tz).utcoffset()
    return 0 if offset is None else offset // _ONE_US


def local_ordinal(tz: ZoneInfo, us: int) -> int:
    """Proleptic ordinal of the local date in ``tz`` at the UTC instant ``us``."""
    return from_us(us).astimezone(tz).toordinal()


def _offset_s(tz: ZoneInfo, seconds: int) -> int:
    return offset_us(tz, seconds * US_PER_SECOND)


@functools.lru_cache(maxsize=512)
def _year_transitions(tz: ZoneInfo, year: int) -> tuple[tuple[int, int], ...]:
    """Offset changes in a UTC year as ``(first_us_with_new_offset, new_offset_us)``."""
    start_s = (date(year, 1, 1).toordinal() - EPOCH_ORDINAL) * 86_400
    end_s = (date(year, 12, 31).toordinal() + 1 - EPOCH_ORDINAL) * 86_400
    # Begin one second before the year so a change exactly at midnight on
    # 1 January is attributed to this year.
    points = [start_s - 1] if year > MINYEAR else []
    points.extend(range(start_s, end_s - 1, _SCAN_STEP_S))
    points.append(end_s - 1)

    found: list[tuple[int, int]] = []
    prev_s = points[0]
    prev_off = _offset_s(tz, prev_s)
    for point in points[1:]:
        off = _offset_s(tz, point)
        if off != prev_off:
            lo, hi = prev_s, point  # offset(lo) == prev_off, offset(hi) != prev_off
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if _offset_s(tz, mid) == prev_off:
                    lo = mid
                else:
                    hi = mid
            found.append((hi * US_PER_SECOND, _offset_s(tz, hi)))
        prev_s, prev_off = point, off
    return tuple(found)


def _utc_year(us: int) -> int:
    return date.fromordinal(EPOCH_ORDINAL + us // US_PER_DAY).year


def segments(tz: ZoneInfo, lo_us: int, hi_us: int) -> list[Segment]:
    """Split the UTC span ``[lo_us, hi_us)`` into constant-offset segments."""
    current_off = offset_us(tz, lo_us)
    current_start = lo_us
    out: list[Segment] = []
    for year in range(_utc_year(lo_us), _utc_year(hi_us - 1) + 1):
        for at, new_off in _year_transitions(tz, year):
            if lo_us < at < hi_us:
                out.append((current_start, at, current_off))
                current_start, current_off = at, new_off
    out.append((current_start, hi_us, current_off))
    return out
