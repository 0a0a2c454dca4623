"""Validation of ``CalendarConfig``."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from carerouter.notify.domain import BusinessCalendar, CalendarConfig


class TestDefaults:
    def test_default_config_is_utc_around_the_clock(self) -> None:
        """An empty config means UTC, open 24/7, no holidays."""
        config = CalendarConfig()
        assert config.timezone == "UTC"
        assert config.hours is None
        assert config.holidays == []

    def test_empty_mapping_means_open_around_the_clock(self) -> None:
        """``hours={}`` is accepted and means open 24/7, like ``None``."""
        config = CalendarConfig(hours={})
        assert config.hours == {}
        calendar = BusinessCalendar.from_config(config)
        assert calendar.is_open(datetime(2026, 5, 17, 3, 0, tzinfo=UTC))

    def test_config_is_frozen(self) -> None:
        """Fields cannot be reassigned after validation."""
        config = CalendarConfig()
        with pytest.raises(ValidationError):
            setattr(config, "timezone", "Europe/Berlin")  # noqa: B010

    def test_holidays_parse_iso_strings(self) -> None:
        """Holiday dates may be given as ISO strings."""
        config = CalendarConfig.model_validate({"holidays": ["2026-12-25"]})
        assert config.holidays == [date(2026, 12, 25)]


class TestTimezoneValidation:
    @pytest.mark.parametrize("name", ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"])
    def test_accepts_iana_names(self, name: str) -> None:
        """Known IANA zone names validate."""
        assert CalendarConfig(timezone=name).timezone == name

    @pytest.mark.parametrize("name", ["Mars/Olympus", "", "../etc/passwd", "Europe"])
    def test_rejects_unknown_names(self, name: str) -> None:
        """Unknown or malformed zone names are a validation error."""
        with pytest.raises(ValidationError, match="time zone"):
            CalendarConfig(timezone=name)


class TestHoursValidation:
    def test_normalizes_weekday_keys_and_sorts_intervals(self) -> None:
        """Weekday keys are case-insensitive; intervals are stored sorted."""
        config = CalendarConfig(hours={"Mon": ["13:00-17:00", "09:00-12:00"]})
        assert config.hours == {"mon": ["09:00-12:00", "13:00-17:00"]}

    def test_accepts_24_00_as_end(self) -> None:
        """``24:00`` is a valid interval end (midnight at the end of the day)."""
        config = CalendarConfig(hours={"sat": ["18:00-24:00"]})
        assert config.hours == {"sat": ["18:00-24:00"]}

    def test_touching_intervals_are_allowed(self) -> None:
        """Intervals that only share an endpoint do not overlap."""
        CalendarConfig(hours={"mon": ["09:00-12:00", "12:00-18:00"]})

    def test_days_without_hours_are_allowed_if_another_day_is_open(self) -> None:
        """A weekday with an empty list is simply closed."""
        CalendarConfig(hours={"mon": ["09:00-17:00"], "sun": []})

    @pytest.mark.parametrize(
        ("hours", "message"),
        [
            ({"mon": ["09:00-12:00", "11:59-13:00"]}, "overlap"),
            ({"mon": ["09:00-12:00", "09:00-12:00"]}, "overlap"),
            ({"monday": ["09:00-12:00"]}, "unknown weekday"),
            ({"mon": ["9:00-12:00"]}, "HH:MM-HH:MM"),
            ({"mon": ["09:00 to 12:00"]}, "HH:MM-HH:MM"),
            ({"mon": ["12:00-09:00"]}, "end after"),
            ({"mon": ["09:00-09:00"]}, "end after"),
            ({"mon": ["24:00-24:00"]}, "invalid clock"),
            ({"mon": ["09:60-10:00"]}, "invalid clock"),
            ({"mon": ["09:00-24:30"]}, "invalid clock"),
            ({"mon": ["09:00-25:00"]}, "invalid clock"),
            ({"mon": ["09:00-10:00"], "MON": ["11:00-12:00"]}, "more than once"),
        ],
    )
    def test_rejects_invalid_hours(self, hours: dict[str, list[str]], message: str) -> None:
        """Malformed, reversed, out-of-range or overlapping intervals are rejected."""
        with pytest.raises(ValidationError, match=message):
            CalendarConfig(hours=hours)

    @pytest.mark.parametrize("hours", [{"mon": []}, {d: [] for d in ("mon", "sat")}])
    def test_rejects_calendar_without_any_open_time(self, hours: dict[str, list[str]]) -> None:
        """A non-empty mapping in which no weekday has hours is a config error."""
        with pytest.raises(ValueError, match="no open time"):
            CalendarConfig(hours=hours)

    def test_rejects_unknown_fields(self) -> None:
        """Extra keys are forbidden."""
        with pytest.raises(ValidationError, match="Extra inputs"):
            CalendarConfig.model_validate({"timezone": "UTC", "weekends": True})
