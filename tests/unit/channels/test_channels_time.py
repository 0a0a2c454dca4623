"""Timestamps: every platform encoding to the same UTC instant; nonsense is a DeliveryError."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carerouter.ingest.channels import DeliveryError, _time
from carerouter.ingest.channels._json import Node

INSTANT = datetime(2026, 3, 14, 11, 15, 42, tzinfo=UTC)


class TestEncodings:
    @pytest.mark.parametrize(
        "value",
        [
            "2026-03-14T11:15:42Z",
            "2026-03-14T11:15:42.000Z",
            "2026-03-14T11:15:42.000000000+00:00",
            "2026-03-14T12:15:42+0100",
            "2026-03-14T06:15:42-05:00",
            "Sat Mar 14 11:15:42 +0000 2026",
            "Sat Mar 14 12:15:42 +0100 2026",
            1773486942,
            "1773486942",
            1773486942000,
            "1773486942000",
        ],
    )
    def test_same_instant(self, value: object) -> None:
        """Every encoding of the same moment gives the same UTC instant."""
        assert _time.any_time(Node(value, "t")) == INSTANT

    def test_fractions_are_kept_to_microseconds(self) -> None:
        """Nanosecond fractions (YouTube's Atom) are cut to microseconds."""
        got = _time.any_time(Node("2026-03-14T10:05:00.552394234+00:00", "t"))
        assert got.microsecond == 552394

    @pytest.mark.parametrize(
        "value",
        [
            "yesterday",
            "2026-02-30T00:00:00Z",
            "2026-03-14T11:15:42",
            "Sat Foo 14 11:15:42 +0000 2026",
            -1,
            10**20,
            253402300800000,
            7258118400,  # 2200-01-01
            True,
            None,
            1.5,
            "2026-03-14T11:15:42+25:00",
            "1899-01-01T00:00:00Z",
        ],
    )
    def test_invalid_values(self, value: object) -> None:
        """Nonsense, naive times, impossible dates and out-of-range numbers name the field."""
        with pytest.raises(DeliveryError) as info:
            _time.any_time(Node(value, "a.b"))
        assert info.value.field == "a.b"

    def test_rfc3339_z_output(self) -> None:
        """Output is UTC with Z, with milliseconds or microseconds only when present."""
        assert _time.rfc3339_z(INSTANT) == "2026-03-14T11:15:42Z"
        assert _time.rfc3339_z(INSTANT.replace(microsecond=123000)) == "2026-03-14T11:15:42.123Z"
        assert _time.rfc3339_z(INSTANT.replace(microsecond=123456)) == "2026-03-14T11:15:42.123456Z"


class TestAnyValue:
    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(
        value=st.integers()
        | st.floats()
        | st.text(max_size=40)
        | st.from_regex(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,12})?([+-]\d{2}:?\d{2}|Z)")
        | st.integers(min_value=0, max_value=10**17).map(str)
    )
    def test_a_datetime_in_range_or_a_delivery_error(self, value: object) -> None:
        """No value makes the parser raise anything but DeliveryError (no OverflowError)."""
        try:
            got = _time.any_time(Node(value, "t"))
        except DeliveryError:
            return
        assert got.tzinfo is not None
        assert 2000 <= got.year < 2200
