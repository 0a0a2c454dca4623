"""Timestamps: every platform encoding to the same UTC instant; nonsense is a DeliveryError."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from carerouter.ingest.channels import DeliveryError
from carerouter.ingest.channels import _time
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
        assert _time.any_time(Node(value, "t")) == INSTANT

    def test_fractions_are_kept_to_microseconds(self) -> None:
        got = _time.any_time(Node("2026-03-14T10:05:00.552394234+00:00", "t"))
        assert got.microsecond == 552394

    @pytest.mark.parametrize(
        "value",
        ["yesterday", "2026-02-30T00:00:00Z", "2026-03-14T11:15:42", "Sat Foo 14 11:15:42 +0000 2026",
         -1, 10**20, True, None, 1.5, "2026-03-14T11:15:42+25:00", "1899-01-01T00:00:00Z"],
    )
    def test_invalid_values(self, value: object) -> None:
        with pytest.raises(DeliveryError) as info:
            _time.any_time(Node(value, "a.b"))
        assert info.value.field == "a.b"

    def test_rfc3339_z_output(self) -> None:
        assert _time.rfc3339_z(INSTANT) == "2026-03-14T11:15:42Z"
        assert _time.rfc3339_z(INSTANT.replace(microsecond=123000)) == "2026-03-14T11:15:42.123Z"
        assert _time.rfc3339_z(INSTANT.replace(microsecond=123456)) == "2026-03-14T11:15:42.123456Z"
