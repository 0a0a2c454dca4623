"""Concrete examples for ``BusinessCalendar`` arithmetic."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from carerouter.notify.domain import BusinessCalendar, CalendarConfig

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")
TOKYO = ZoneInfo("Asia/Tokyo")
WORKDAYS = ("mon", "tue", "wed", "thu", "fri")


def office(
    timezone: str = "Europe/Berlin",
    interval: str = "09:00-18:00",
    holidays: tuple[date, ...] = (),
) -> BusinessCalendar:
    """Mon-Fri calendar with one interval per workday."""
    return BusinessCalendar.from_config(
        CalendarConfig(
            timezone=timezone,
            hours={day: [interval] for day in WORKDAYS},
            holidays=list(holidays),
        )
    )


def sundays(timezone: str, *intervals: str) -> BusinessCalendar:
    """Calendar open only on Sundays (all 2026 DST switches fall on Sundays)."""
    return BusinessCalendar.from_config(
        CalendarConfig(timezone=timezone, hours={"sun": list(intervals)})
    )


def berlin(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    microsecond: int = 0,
    *,
    fold: int = 0,
) -> datetime:
    """A Berlin wall-clock time (``fold=1`` picks the second of a repeated hour)."""
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=BERLIN, fold=fold)


class TestIsOpen:
    def test_open_inside_interval_closed_outside(self) -> None:
        """Open from the interval start (inclusive) to its end (exclusive)."""
        calendar = office()
        assert not calendar.is_open(berlin(2026, 3, 6, 8, 59))
        assert calendar.is_open(berlin(2026, 3, 6, 9, 0))
        assert calendar.is_open(berlin(2026, 3, 6, 17, 59, 59))
        assert not calendar.is_open(berlin(2026, 3, 6, 18, 0))

    def test_weekend_is_closed(self) -> None:
        """Weekdays without hours are closed all day."""
        assert not office().is_open(berlin(2026, 3, 7, 12, 0))

    def test_evaluated_on_the_calendar_wall_clock(self) -> None:
        """The same instant expressed in another zone gives the same answer."""
        calendar = office()
        instant = berlin(2026, 3, 6, 9, 30)
        assert calendar.is_open(instant.astimezone(NEW_YORK))
        assert calendar.is_open(instant.astimezone(UTC))

    def test_holiday_is_a_local_date(self) -> None:
        """A holiday closes the local date, not the UTC date."""
        calendar = BusinessCalendar.from_config(
            CalendarConfig(timezone="Asia/Tokyo", holidays=[date(2026, 12, 25)])
        )
        # 2026-12-24 15:00 UTC is 2026-12-25 00:00 in Tokyo.
        assert calendar.is_open(datetime(2026, 12, 24, 14, 59, tzinfo=UTC))
        assert not calendar.is_open(datetime(2026, 12, 24, 15, 0, tzinfo=UTC))
        assert calendar.is_open(datetime(2026, 12, 25, 15, 0, tzinfo=UTC))

    def test_interval_ending_at_midnight(self) -> None:
        """``24:00`` keeps the day open until the very last instant."""
        calendar = BusinessCalendar.from_config(CalendarConfig(hours={"fri": ["20:00-24:00"]}))
        assert calendar.is_open(datetime(2026, 3, 6, 23, 59, 59, 999999, tzinfo=UTC))
        assert not calendar.is_open(datetime(2026, 3, 7, 0, 0, tzinfo=UTC))

    def test_rejects_naive_datetime(self) -> None:
        """Naive datetimes are ambiguous and raise ``ValueError``."""
        with pytest.raises(ValueError, match="timezone-aware"):
            office().is_open(datetime(2026, 3, 6, 12, 0))


class TestAddBusinessTime:
    def test_friday_evening_rolls_over_the_weekend(self) -> None:
        """Fri 17:30 + 1h with Mon-Fri 09:00-18:00 lands on Mon 09:30."""
        result = office().add_business_time(berlin(2026, 3, 6, 17, 30), timedelta(hours=1))
        assert result == berlin(2026, 3, 9, 9, 30)

    def test_result_is_utc_aware(self) -> None:
        """Results are always expressed in UTC."""
        result = office().add_business_time(berlin(2026, 3, 6, 17, 30), timedelta(hours=1))
        assert result.tzinfo is UTC
        assert result == datetime(2026, 3, 9, 8, 30, tzinfo=UTC)

    def test_holiday_is_skipped(self) -> None:
        """A holiday Monday pushes the deadline to Tuesday."""
        calendar = office(holidays=(date(2026, 3, 9),))
        result = calendar.add_business_time(berlin(2026, 3, 6, 17, 30), timedelta(hours=1))
        assert result == berlin(2026, 3, 10, 9, 30)

    def test_exact_fit_returns_end_of_open_period(self) -> None:
        """If the amount is used up exactly at closing, closing time is returned."""
        result = office().add_business_time(berlin(2026, 3, 6, 17, 30), timedelta(minutes=30))
        assert result == berlin(2026, 3, 6, 18, 0)

    def test_start_in_closed_time_waits_for_opening(self) -> None:
        """Time before opening does not count."""
        result = office().add_business_time(berlin(2026, 3, 7, 23, 0), timedelta(minutes=15))
        assert result == berlin(2026, 3, 9, 9, 15)

    def test_zero_amount_returns_start_even_when_closed(self) -> None:
        """Adding nothing is the identity (normalized to UTC)."""
        start = berlin(2026, 3, 7, 23, 0)
        assert office().add_business_time(start, timedelta(0)) == start

    def test_split_day_skips_lunch_break(self) -> None:
        """Several intervals on one day are consumed in order."""
        calendar = BusinessCalendar.from_config(
            CalendarConfig(hours={"mon": ["09:00-12:00", "13:00-17:00"]})
        )
        start = datetime(2026, 3, 9, 11, 0, tzinfo=UTC)
        result = calendar.add_business_time(start, timedelta(hours=2))
        assert result == datetime(2026, 3, 9, 14, 0, tzinfo=UTC)

    def test_sub_minute_precision_is_kept(self) -> None:
        """Arithmetic is exact to the microsecond."""
        start = berlin(2026, 3, 6, 17, 59, 59, 500000)
        result = office().add_business_time(start, timedelta(microseconds=700000))
        assert result == berlin(2026, 3, 9, 9, 0, 0, 200000)

    def test_year_of_business_time_is_fast(self) -> None:
        """Long amounts walk day by day: 52 full weeks take well under a second."""
        start = berlin(2026, 3, 9, 9, 0)
        began = time.perf_counter()
        result = office().add_business_time(start, timedelta(hours=45 * 52))
        assert time.perf_counter() - began < 1.0
        assert result == berlin(2027, 3, 5, 18, 0)

    def test_rejects_negative_amount(self) -> None:
        """Negative amounts raise ``ValueError``."""
        with pytest.raises(ValueError, match="negative"):
            office().add_business_time(berlin(2026, 3, 6, 12), timedelta(seconds=-1))

    def test_rejects_naive_start(self) -> None:
        """Naive datetimes raise ``ValueError``."""
        with pytest.raises(ValueError, match="timezone-aware"):
            office().add_business_time(datetime(2026, 3, 6), timedelta(hours=1))


class TestSubtractBusinessTime:
    def test_monday_morning_back_to_friday(self) -> None:
        """Mon 09:30 - 1h is Fri 17:30."""
        result = office().subtract_business_time(berlin(2026, 3, 9, 9, 30), timedelta(hours=1))
        assert result == berlin(2026, 3, 6, 17, 30)

    def test_exact_fit_returns_start_of_open_period(self) -> None:
        """Going back exactly to an opening returns the opening time."""
        result = office().subtract_business_time(berlin(2026, 3, 9, 9, 30), timedelta(minutes=30))
        assert result == berlin(2026, 3, 9, 9, 0)


class TestBusinessTimeBetween:
    def test_full_week(self) -> None:
        """A calendar week of Mon-Fri 09:00-18:00 holds 45 hours."""
        total = office().business_time_between(berlin(2026, 3, 9), berlin(2026, 3, 16))
        assert total == timedelta(hours=45)

    def test_partial_days_at_both_ends(self) -> None:
        """Only the open part of ``[a, b)`` counts."""
        total = office().business_time_between(
            berlin(2026, 3, 6, 17, 0), berlin(2026, 3, 9, 10, 15)
        )
        assert total == timedelta(hours=2, minutes=15)

    def test_holidays_are_excluded(self) -> None:
        """Holidays contribute nothing."""
        calendar = office(holidays=(date(2026, 3, 10), date(2026, 3, 11)))
        total = calendar.business_time_between(berlin(2026, 3, 9), berlin(2026, 3, 16))
        assert total == timedelta(hours=27)

    @pytest.mark.parametrize("delta", [timedelta(0), timedelta(hours=-5)])
    def test_empty_or_reversed_range_is_zero(self, delta: timedelta) -> None:
        """``b <= a`` gives zero."""
        a = berlin(2026, 3, 9, 12)
        assert office().business_time_between(a, a + delta) == timedelta(0)

    def test_inputs_in_different_zones(self) -> None:
        """Endpoints are compared as instants, whatever their tzinfo."""
        a = berlin(2026, 3, 9, 9).astimezone(NEW_YORK)
        b = berlin(2026, 3, 9, 10).astimezone(TOKYO)
        assert office().business_time_between(a, b) == timedelta(hours=1)


class TestNextOpen:
    def test_open_instant_is_returned_unchanged(self) -> None:
        """When already open, ``next_open`` is the instant itself (in UTC)."""
        at = berlin(2026, 3, 6, 12, 0)
        result = office().next_open(at)
        assert result == at
        assert result.tzinfo is UTC

    def test_closed_instant_moves_to_next_opening(self) -> None:
        """From closing time the next opening is Monday morning."""
        assert office().next_open(berlin(2026, 3, 6, 18, 0)) == berlin(2026, 3, 9, 9)

    def test_skips_holidays(self) -> None:
        """Holidays are not openings."""
        calendar = office(holidays=(date(2026, 3, 9),))
        assert calendar.next_open(berlin(2026, 3, 7)) == berlin(2026, 3, 10, 9)


class TestAlwaysOpen:
    def test_business_time_is_wall_time(self) -> None:
        """The 24/7 calendar counts every elapsed instant, DST included."""
        calendar = BusinessCalendar.always_open()
        a = berlin(2026, 3, 29, 0, 0)
        b = berlin(2026, 3, 30, 0, 0)
        assert calendar.business_time_between(a, b) == timedelta(hours=23)
        assert calendar.add_business_time(a, timedelta(hours=23)) == b
        assert calendar.next_open(a) == a
        assert calendar.is_open(a)


class TestDaylightSaving:
    def test_berlin_spring_forward_day_is_23_hours(self) -> None:
        """A whole Sunday on 2026-03-29 in Berlin is 23 real hours."""
        calendar = sundays("Europe/Berlin", "00:00-24:00")
        total = calendar.business_time_between(berlin(2026, 3, 28), berlin(2026, 3, 30))
        assert total == timedelta(hours=23)

    def test_berlin_spring_forward_interval_loses_skipped_hour(self) -> None:
        """01:00-04:00 on the spring-forward day lasts 2 real hours."""
        calendar = sundays("Europe/Berlin", "01:00-04:00")
        total = calendar.business_time_between(berlin(2026, 3, 28), berlin(2026, 3, 30))
        assert total == timedelta(hours=2)

    def test_berlin_add_across_spring_forward_gap(self) -> None:
        """One real hour after 01:30 CET on 2026-03-29 is 03:30 CEST."""
        calendar = sundays("Europe/Berlin", "01:00-04:00")
        result = calendar.add_business_time(berlin(2026, 3, 29, 1, 30), timedelta(hours=1))
        assert result == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
        assert result.astimezone(BERLIN).hour == 3

    def test_interval_inside_the_gap_has_no_time(self) -> None:
        """02:00-03:00 never happens on the spring-forward day, so it is skipped."""
        calendar = sundays("Europe/Berlin", "02:00-03:00")
        total = calendar.business_time_between(berlin(2026, 3, 28), berlin(2026, 3, 30))
        assert total == timedelta(0)
        result = calendar.add_business_time(berlin(2026, 3, 28), timedelta(minutes=30))
        assert result == berlin(2026, 4, 5, 2, 30)

    def test_berlin_fall_back_day_is_25_hours(self) -> None:
        """A whole Sunday on 2026-10-25 in Berlin is 25 real hours."""
        calendar = sundays("Europe/Berlin", "00:00-24:00")
        total = calendar.business_time_between(berlin(2026, 10, 24), berlin(2026, 10, 26))
        assert total == timedelta(hours=25)

    def test_fall_back_repeated_wall_time_counts_twice(self) -> None:
        """02:30-04:00 on 2026-10-25 is open during both passes of 02:30-03:00."""
        calendar = sundays("Europe/Berlin", "02:30-04:00")
        total = calendar.business_time_between(berlin(2026, 10, 24), berlin(2026, 10, 26))
        assert total == timedelta(hours=2)
        assert calendar.is_open(berlin(2026, 10, 25, 2, 45, fold=0))
        assert calendar.is_open(berlin(2026, 10, 25, 2, 45, fold=1))
        assert not calendar.is_open(berlin(2026, 10, 25, 2, 15, fold=1))

    @pytest.mark.parametrize(("day", "hours"), [(date(2026, 3, 8), 23), (date(2026, 11, 1), 25)])
    def test_new_york_transition_days(self, day: date, hours: int) -> None:
        """New York's 2026 DST Sundays last 23 and 25 real hours."""
        calendar = sundays("America/New_York", "00:00-24:00")
        a = datetime(day.year, day.month, day.day, tzinfo=NEW_YORK) - timedelta(days=1)
        b = a + timedelta(days=3)
        assert calendar.business_time_between(a, b) == timedelta(hours=hours)

    def test_new_york_office_week_unaffected_by_night_switch(self) -> None:
        """A switch at 02:00 on Sunday leaves a 09:00-17:00 week at 40 hours."""
        calendar = office("America/New_York", "09:00-17:00")
        a = datetime(2026, 3, 6, 12, tzinfo=NEW_YORK)
        assert calendar.business_time_between(a, a + timedelta(days=7)) == timedelta(hours=40)

    def test_sydney_fall_back_in_april(self) -> None:
        """Sydney leaves DST on 2026-04-05, a 25-hour Sunday."""
        calendar = sundays("Australia/Sydney", "00:00-24:00")
        a = datetime(2026, 4, 4, tzinfo=SYDNEY)
        b = datetime(2026, 4, 6, tzinfo=SYDNEY)
        assert calendar.business_time_between(a, b) == timedelta(hours=25)
