"""Business-hours calendar arithmetic for SLA clocks.

Semantics
---------
An instant is *open* when, read on the calendar's local wall clock, its local
date is not a holiday and its local time of day falls inside one of the
``[start, end)`` intervals configured for that date's weekday.

Durations are always real elapsed time.  On a daylight-saving day an interval
is therefore as long as the wall clock actually spends inside it: wall-clock
times skipped by a spring-forward gap contribute nothing, and wall-clock times
repeated by a fall-back overlap count twice.

The arithmetic turns each local day's intervals into UTC intervals and walks
them day by day (never minute by minute), so cost is proportional to the
number of calendar days covered.  Internally all instants are integer
microseconds since the epoch, so results are exact.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

from . import _offsets
from ._offsets import US_PER_DAY, US_PER_MINUTE

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Accepted keys of :attr:`CalendarConfig.hours`, indexed by ``date.weekday()``."""

_MINUTES_PER_DAY = 24 * 60
_INTERVAL_RE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
_ONE_US = timedelta(microseconds=1)
_UNREACHABLE = "unreachable: the open-interval walk is endless"

_Span = tuple[int, int]
"""Local ``[start, end)`` minutes of the day."""
_Week = tuple[tuple[_Span, ...], ...]

_FULL_WEEK: _Week = tuple(((0, _MINUTES_PER_DAY),) for _ in WEEKDAYS)


def _load_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(f"unknown IANA time zone {name!r}") from exc


def _parse_interval(text: str) -> _Span:
    match = _INTERVAL_RE.match(text.strip())
    if match is None:
        raise ValueError(f"interval {text!r} is not of the form 'HH:MM-HH:MM'")
    sh, sm, eh, em = (int(group) for group in match.groups())
    if sh > 23 or sm > 59 or em > 59 or eh > 24 or (eh == 24 and em != 0):
        raise ValueError(f"interval {text!r} has an invalid clock time")
    start, end = sh * 60 + sm, eh * 60 + em
    if start >= end:
        raise ValueError(f"interval {text!r} must end after it starts")
    return start, end


def _parse_day(day: str, intervals: Sequence[str]) -> tuple[_Span, ...]:
    spans = sorted(_parse_interval(text) for text in intervals)
    merged: list[_Span] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            raise ValueError(f"intervals for {day!r} overlap")
        if merged and start == merged[-1][1]:
            merged[-1] = (merged[-1][0], end)  # touching intervals are one span
        else:
            merged.append((start, end))
    return tuple(merged)


def _parse_week(hours: Mapping[str, Sequence[str]] | None) -> _Week:
    """Parse ``hours`` into per-weekday spans; ``None``/empty means 24/7."""
    if not hours:
        return _FULL_WEEK
    week: dict[int, tuple[_Span, ...]] = {}
    for key, intervals in hours.items():
        day = key.strip().lower()
        if day not in WEEKDAYS:
            raise ValueError(f"unknown weekday {key!r}; expected one of {', '.join(WEEKDAYS)}")
        index = WEEKDAYS.index(day)
        if index in week:
            raise ValueError(f"weekday {day!r} is given more than once")
        week[index] = _parse_day(day, intervals)
    if not any(week.values()):
        raise ValueError("calendar has no open time: no weekday has any hours")
    return tuple(week.get(index, ()) for index in range(len(WEEKDAYS)))


def _format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class CalendarConfig(BaseModel):
    """Validated business-hours configuration.

    ``hours`` maps weekday names (``"mon"`` .. ``"sun"``) to ``"HH:MM-HH:MM"``
    local intervals; ``"24:00"`` is allowed as an end.  Intervals of one day
    may touch but not overlap.  Weekdays not listed are closed.  ``None`` or an
    empty mapping means open around the clock.  ``holidays`` are local dates
    that are closed all day.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    timezone: str = "UTC"
    hours: dict[str, list[str]] | None = None
    holidays: list[date] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _validate_timezone(cls, value: str) -> str:
        _load_zone(value)
        return value

    @field_validator("hours")
    @classmethod
    def _validate_hours(cls, value: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
        if not value:
            return value
        normalized: dict[str, list[str]] = {}
        for key, intervals in value.items():
            day = key.strip().lower()
            spans = sorted(_parse_interval(text) for text in intervals)
            normalized[day] = [f"{_format_clock(s)}-{_format_clock(e)}" for s, e in spans]
        _parse_week(value)  # full validation: weekdays, overlaps, some open time
        return normalized


class BusinessCalendar:
    """Open/closed business hours in one time zone, with holidays.

    All methods take aware datetimes (``ValueError`` on naive ones) and
    return UTC-aware datetimes.
    """

    __slots__ = ("_always_open", "_config", "_holidays", "_tz", "_week")

    def __init__(self, config: CalendarConfig) -> None:
        self._config = config
        self._tz = _load_zone(config.timezone)
        self._week = _parse_week(config.hours)
        self._holidays = frozenset(config.holidays)
        self._always_open = self._week == _FULL_WEEK and not self._holidays

    @classmethod
    def always_open(cls) -> BusinessCalendar:
        """A calendar that is open at every instant."""
        return cls(CalendarConfig())

    @classmethod
    def from_config(cls, config: CalendarConfig) -> BusinessCalendar:
        """Build a calendar from validated configuration."""
        return cls(config)

    @property
    def config(self) -> CalendarConfig:
        """The configuration this calendar was built from."""
        return self._config

    def __repr__(self) -> str:
        return f"BusinessCalendar({self._config!r})"

    # -- queries ---------------------------------------------------------

    def is_open(self, at: datetime) -> bool:
        """Whether business hours are in effect at the instant ``at``."""
        _require_aware(at, "at")
        if self._always_open:
            return True
        local = at.astimezone(self._tz)
        day = local.date()
        if day in self._holidays:
            return False
        minute_of_day = local.hour * 60 + local.minute
        return any(start <= minute_of_day < end for start, end in self._week[day.weekday()])

    def next_open(self, at: datetime) -> datetime:
        """``at`` itself if open, else the start of the next open period (UTC)."""
        _require_aware(at, "at")
        now = _offsets.to_us(at)
        if self._always_open:
            return _offsets.from_us(now)
        for start, _end in self._forward(now):
            return _offsets.from_us(max(start, now))
        raise AssertionError(_UNREACHABLE)  # pragma: no cover

    def business_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Open time within ``[a, b)``; zero when ``b <= a``."""
        _require_aware(a, "a")
        _require_aware(b, "b")
        lo, hi = _offsets.to_us(a), _offsets.to_us(b)
        if hi <= lo:
            return timedelta(0)
        if self._always_open:
            return timedelta(microseconds=hi - lo)
        total = 0
        for start, end in self._forward(lo):
            if start >= hi:
                break
            total += min(end, hi) - max(start, lo)
        return timedelta(microseconds=total)

    def add_business_time(self, start: datetime, amount: timedelta) -> datetime:
        """Earliest instant by which ``amount`` of open time has elapsed since ``start``.

        A zero amount returns ``start``.  Landing exactly on the end of an
        open period returns that end, not the next opening.
        """
        _require_aware(start, "start")
        remaining = _non_negative_us(amount)
        origin = _offsets.to_us(start)
        if remaining == 0 or self._always_open:
            return _offsets.from_us(origin + remaining)
        for open_at, hi in self._forward(origin):
            lo = max(open_at, origin)
            if remaining <= hi - lo:
                return _offsets.from_us(lo + remaining)
            remaining -= hi - lo
        raise AssertionError(_UNREACHABLE)  # pragma: no cover

    def subtract_business_time(self, end: datetime, amount: timedelta) -> datetime:
        """Latest instant ``t <= end`` with ``business_time_between(t, end) == amount``.

        The mirror image of :meth:`add_business_time`.
        """
        _require_aware(end, "end")
        remaining = _non_negative_us(amount)
        origin = _offsets.to_us(end)
        if remaining == 0 or self._always_open:
            return _offsets.from_us(origin - remaining)
        for lo, close_at in self._backward(origin):
            hi = min(close_at, origin)
            if remaining <= hi - lo:
                return _offsets.from_us(hi - remaining)
            remaining -= hi - lo
        raise AssertionError(_UNREACHABLE)  # pragma: no cover

    # -- interval walk ---------------------------------------------------

    def _day_intervals(self, ordinal: int) -> list[tuple[int, int]]:
        """Open UTC ``[start_us, end_us)`` spans of one local date."""
        day = date.fromordinal(ordinal)
        spans = self._week[day.weekday()]
        if not spans or day in self._holidays:
            return []
        # Local midnight as wall-clock microseconds (the wall clock read as UTC).
        midnight = (ordinal - _offsets.EPOCH_ORDINAL) * US_PER_DAY
        # |UTC offset| < 1 day, so the day's instants lie inside this window.
        segs = _offsets.segments(self._tz, midnight - US_PER_DAY, midnight + 2 * US_PER_DAY)
        out: list[tuple[int, int]] = []
        for start_min, end_min in spans:
            wall_lo = midnight + start_min * US_PER_MINUTE
            wall_hi = midnight + end_min * US_PER_MINUTE
            # Instants whose wall clock (utc + offset) reads within [wall_lo, wall_hi).
            for seg_lo, seg_hi, offset in segs:
                lo = max(seg_lo, wall_lo - offset)
                hi = min(seg_hi, wall_hi - offset)
                if lo < hi:
                    out.append((lo, hi))
        return out

    def _empty_day_limit(self) -> int:
        # Each open weekday recurs weekly and is lost only to a holiday (or,
        # rarely, a DST gap), so longer closed runs mean a broken calendar.
        return 7 * (len(self._holidays) + 3)

    def _forward(self, after_us: int) -> Iterator[tuple[int, int]]:
        """Disjoint open UTC spans with ``end > after_us``, in increasing order."""
        pending: list[tuple[int, int]] = []
        ordinal = _offsets.local_ordinal(self._tz, after_us) - 1
        empty_run = 0
        while True:
            spans = self._day_intervals(ordinal)
            empty_run = 0 if spans else empty_run + 1
            if empty_run > self._empty_day_limit():
                raise RuntimeError("business calendar has no open time")
            for span in spans:
                if span[1] > after_us:
                    heapq.heappush(pending, span)
            ordinal += 1
            # Instants of later local dates are > midnight(ordinal) - 1 day.
            watermark = (ordinal - _offsets.EPOCH_ORDINAL - 1) * US_PER_DAY
            while pending and pending[0][0] <= watermark:
                yield heapq.heappop(pending)

    def _backward(self, before_us: int) -> Iterator[tuple[int, int]]:
        """Disjoint open UTC spans with ``start < before_us``, in decreasing order."""
        pending: list[tuple[int, int]] = []  # (-end, -start) as a max-heap on end
        ordinal = _offsets.local_ordinal(self._tz, before_us) + 1
        empty_run = 0
        while True:
            spans = self._day_intervals(ordinal)
            empty_run = 0 if spans else empty_run + 1
            if empty_run > self._empty_day_limit():
                raise RuntimeError("business calendar has no open time")
            for lo, hi in spans:
                if lo < before_us:
                    heapq.heappush(pending, (-hi, -lo))
            # Instants of earlier local dates are < midnight(ordinal) + 1 day.
            watermark = (ordinal - _offsets.EPOCH_ORDINAL + 1) * US_PER_DAY
            ordinal -= 1
            while pending and -pending[0][0] >= watermark:
                neg_hi, neg_lo = heapq.heappop(pending)
                yield -neg_lo, -neg_hi


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got naive {moment!r}")


def _non_negative_us(amount: timedelta) -> int:
    if amount < timedelta(0):
        raise ValueError(f"amount must not be negative, got {amount!r}")
    return amount // _ONE_US
