"""SLA deadline planning with ``plan_deadlines``."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from carerouter.notify.domain import (
    BusinessCalendar,
    CalendarConfig,
    Deadline,
    plan_deadlines,
)

BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = BusinessCalendar.from_config(
    CalendarConfig(
        timezone="Europe/Berlin",
        hours={day: ["09:00-18:00"] for day in ("mon", "tue", "wed", "thu", "fri")},
    )
)


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


class TestPlanDeadlines:
    def test_warning_then_breach_in_business_time(self) -> None:
        """Warning at the fraction of the target, breach at the target."""
        warning, breach = plan_deadlines(
            OFFICE, berlin(2026, 3, 6, 16, 0), timedelta(hours=4), 0.75
        )
        assert warning == Deadline("warning", berlin(2026, 3, 9, 10, 0))
        assert breach == Deadline("breach", berlin(2026, 3, 9, 11, 0))

    def test_deadlines_are_utc_aware(self) -> None:
        """Deadline instants are expressed in UTC."""
        deadlines = plan_deadlines(OFFICE, berlin(2026, 3, 6, 16, 0), timedelta(hours=4), 0.5)
        assert all(deadline.at.tzinfo is UTC for deadline in deadlines)
        assert [deadline.level for deadline in deadlines] == ["warning", "breach"]

    def test_always_open_calendar_is_plain_arithmetic(self) -> None:
        """On a 24/7 calendar deadlines are simple offsets."""
        start = datetime(2026, 1, 1, tzinfo=UTC)
        warning, breach = plan_deadlines(
            BusinessCalendar.always_open(), start, timedelta(hours=10), 0.8
        )
        assert warning.at == start + timedelta(hours=8)
        assert breach.at == start + timedelta(hours=10)

    def test_resumed_clock_counts_consumed_time(self) -> None:
        """Time consumed before a pause shortens the remaining budget."""
        warning, breach = plan_deadlines(
            OFFICE,
            berlin(2026, 3, 9, 9, 0),
            timedelta(hours=4),
            0.75,
            elapsed_before=timedelta(hours=1),
        )
        assert warning.at == berlin(2026, 3, 9, 11, 0)
        assert breach.at == berlin(2026, 3, 9, 12, 0)

    def test_already_passed_warning_lies_in_the_past(self) -> None:
        """A warning overtaken by earlier periods keeps its past time."""
        started = berlin(2026, 3, 9, 9, 30)
        warning, breach = plan_deadlines(
            OFFICE,
            started,
            timedelta(hours=4),
            0.5,
            elapsed_before=timedelta(hours=3),
        )
        # 2h of warning budget minus 3h consumed: 1h of business time before
        # Monday 09:30, i.e. back across the weekend to Friday 17:30.
        assert warning.at == berlin(2026, 3, 6, 17, 30)
        assert warning.at < started
        assert breach.at == berlin(2026, 3, 9, 10, 30)

    def test_breach_exactly_now(self) -> None:
        """Consumed time equal to the target puts the breach at ``started_at``."""
        started = berlin(2026, 3, 7, 12, 0)
        _, breach = plan_deadlines(
            OFFICE, started, timedelta(hours=2), 0.5, elapsed_before=timedelta(hours=2)
        )
        assert breach.at == started

    def test_deadline_is_immutable(self) -> None:
        """``Deadline`` is a frozen value object."""
        deadline = Deadline("breach", datetime(2026, 1, 1, tzinfo=UTC))
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(deadline, "level", "warning")  # noqa: B010


class TestPlanDeadlinesValidation:
    @pytest.mark.parametrize("fraction", [0.0, 1.0, -0.1, 1.5, float("nan"), True])
    def test_warn_fraction_must_be_strictly_between_0_and_1(self, fraction: float) -> None:
        """``warn_fraction`` outside (0, 1) raises ``ValueError``."""
        with pytest.raises(ValueError, match="warn_fraction"):
            plan_deadlines(OFFICE, berlin(2026, 3, 9, 9), timedelta(hours=1), fraction)

    @pytest.mark.parametrize("target", [timedelta(0), timedelta(minutes=-1)])
    def test_target_must_be_positive(self, target: timedelta) -> None:
        """A non-positive target raises ``ValueError``."""
        with pytest.raises(ValueError, match="target"):
            plan_deadlines(OFFICE, berlin(2026, 3, 9, 9), target, 0.5)

    def test_elapsed_before_must_not_be_negative(self) -> None:
        """Negative consumed time raises ``ValueError``."""
        with pytest.raises(ValueError, match="elapsed_before"):
            plan_deadlines(
                OFFICE,
                berlin(2026, 3, 9, 9),
                timedelta(hours=1),
                0.5,
                elapsed_before=timedelta(seconds=-1),
            )

    def test_naive_start_is_rejected(self) -> None:
        """Naive ``started_at`` raises ``ValueError``."""
        with pytest.raises(ValueError, match="timezone-aware"):
            plan_deadlines(OFFICE, datetime(2026, 3, 9, 9), timedelta(hours=1), 0.5)
