"""Timestamps in every encoding the platforms use, to aware UTC datetimes.

RFC 3339 / ISO 8601 with any number of fractional digits and ``Z``, ``+00:00`` or ``+0000``;
X v1.1's ``Wed Oct 10 20:19:24 +0000 2018``; Unix seconds (Meta ``created_time``) and Unix
milliseconds (Meta ``timestamp``, X ``timestamp_ms``/``created_timestamp``), as JSON numbers
or digit strings.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from carerouter.ingest.channels._json import Node

_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,12}))?"
    r"\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))"
)
_TWITTER = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) "
    r"([+-])(\d{2})(\d{2}) (\d{4})"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
        start=1,
    )
}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Instants before 2000 or after 2200 are not social-media timestamps: most likely a unit mix-up.
_MIN = datetime(2000, 1, 1, tzinfo=UTC)
_MAX = datetime(2200, 1, 1, tzinfo=UTC)
# Unix values above this are milliseconds (seconds would be after the year 5138).
_MS_THRESHOLD = 10**11


def _check(node: Node, value: datetime) -> datetime:
    if not _MIN <= value < _MAX:
        node.fail(f"timestamp {value.isoformat()} is out of range (2000-2199)")
    return value


def _build(
    node: Node, parts: tuple[int, int, int, int, int, int], micro: int, offset: timedelta
) -> datetime:
    try:
        local = datetime(*parts, micro, tzinfo=timezone(offset))
    except ValueError as exc:
        node.fail(f"invalid date or time: {exc}")
    return _check(node, local.astimezone(UTC))


def rfc3339(node: Node) -> datetime:
    text = node.string().strip()
    match = _RFC3339.fullmatch(text)
    if match is None:
        node.fail("expected an RFC 3339 timestamp with a time zone")
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    fraction = (match.group(7) or "").ljust(6, "0")[:6]
    if match.group(8):
        offset = timedelta(0)
    else:
        sign = -1 if match.group(9) == "-" else 1
        hours, minutes = int(match.group(10)), int(match.group(11))
        if hours > 23 or minutes > 59:
            node.fail("invalid time zone offset")
        offset = sign * timedelta(hours=hours, minutes=minutes)
    if second == 60:  # a leap second: the instant just before the next minute
        second, fraction = 59, "999999"
    return _build(node, (year, month, day, hour, minute, second), int(fraction), offset)


def twitter(node: Node) -> datetime:
    """X v1.1 ``created_at``: ``Sat Mar 14 11:15:42 +0000 2026`` (always English names)."""
    match = _TWITTER.fullmatch(node.string().strip())
    if match is None or match.group(1) not in _MONTHS:
        node.fail("expected a date like 'Wed Oct 10 20:19:24 +0000 2018'")
    sign = -1 if match.group(6) == "-" else 1
    offset = sign * timedelta(hours=int(match.group(7)), minutes=int(match.group(8)))
    if abs(offset) >= timedelta(hours=24):
        node.fail("invalid time zone offset")
    parts = (
        int(match.group(9)),
        _MONTHS[match.group(1)],
        int(match.group(2)),
        int(match.group(3)),
        int(match.group(4)),
        int(match.group(5)),
    )
    return _build(node, parts, 0, offset)


def _epoch_number(node: Node) -> int:
    value = node.value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, float):  # fractional seconds are not used by any platform here
        node.fail("expected a whole number of seconds or milliseconds")
    return node.integer()


def _from_epoch(node: Node, value: int, unit_ms: int) -> datetime:
    # Range-check the number before any datetime arithmetic (which overflows past 9999).
    low = int((_MIN - _EPOCH).total_seconds()) * 1000 // unit_ms
    high = int((_MAX - _EPOCH).total_seconds()) * 1000 // unit_ms
    if not low <= value < high:
        node.fail("Unix timestamp out of range (2000-2199)")
    return _EPOCH + timedelta(milliseconds=value * unit_ms)


def epoch_ms(node: Node) -> datetime:
    return _from_epoch(node, _epoch_number(node), 1)


def epoch_s(node: Node) -> datetime:
    return _from_epoch(node, _epoch_number(node), 1000)


def epoch_auto(node: Node) -> datetime:
    """Unix seconds or milliseconds, told apart by magnitude (Meta's ``entry.time``)."""
    value = _epoch_number(node)
    if value >= _MS_THRESHOLD:
        return epoch_ms(node)
    return epoch_s(node)


def any_time(node: Node) -> datetime:
    """Whatever encoding the value uses: a number, digits, RFC 3339 or X's v1.1 format."""
    value = node.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return epoch_auto(node)
    text = node.string().strip()
    if text.isdigit():
        return epoch_auto(node)
    if _TWITTER.fullmatch(text):
        return twitter(node)
    return rfc3339(node)


def rfc3339_z(value: datetime) -> str:
    """RFC 3339 in UTC with ``Z``; milliseconds or microseconds only when present."""
    value = value.astimezone(UTC)
    if value.microsecond == 0:
        spec = "seconds"
    elif value.microsecond % 1000 == 0:
        spec = "milliseconds"
    else:
        spec = "microseconds"
    return value.replace(tzinfo=None).isoformat(timespec=spec) + "Z"
