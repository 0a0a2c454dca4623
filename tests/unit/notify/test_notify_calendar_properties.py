"""Property tests: ``BusinessCalendar`` against a minute-by-minute oracle.

All inputs are whole UTC minutes and all interval boundaries whole local
minutes; the zones used have whole-hour offsets in 2026, so every minute is
either entirely open or entirely closed and the oracle can simply count.
The oracle re-reads the raw config itself and decides each minute from its
local wall-clock reading, independently of the implementation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carerouter.notify.domain import (
    WEEKDAYS,
    BusinessCalendar,
    CalendarConfig,
    plan_deadlines,
)

MINUTE = timedelta(minutes=1)

# 2026 UTC-offset changes per zone (all fall on local Sundays).
TRANSITIONS: dict[str, tuple[datetime, ...]] = {
    "Europe/Berlin": (
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    ),
    "America/New_York": (
        datetime(2026, 3, 8, 7, 0, tzinfo=UTC),
        datetime(2026, 11, 1, 6, 0, tzinfo=UTC),
    ),
    "Australia/Sydney": (
        datetime(2026, 4, 4, 16, 0, tzinfo=UTC),
        datetime(2026, 10, 3, 16, 0, tzinfo=UTC),
    ),
    "Asia/Tokyo": (),
}

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Scenario:
    config: CalendarConfig
    start: datetime
    minutes: int

    @property
    def end(self) -> datetime:
        return self.start + self.minutes * MINUTE


def _boundary() -> st.SearchStrategy[int]:
    # Half-hour points hit DST switch times often; any minute covers the rest.
    return st.one_of(
        st.integers(0, 48).map(lambda half_hours: half_hours * 30),
        st.integers(0, 24 * 60),
    )


def _fmt(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def day_intervals(draw: st.DrawFn) -> list[str]:
    points = sorted(draw(st.sets(_boundary(), max_size=6)))
    if len(points) % 2:
        points = points[:-1]
    pairs = zip(points[::2], points[1::2], strict=True)
    return [f"{_fmt(start)}-{_fmt(end)}" for start, end in pairs]


@st.composite
def hours_maps(draw: st.DrawFn) -> dict[str, list[str]] | None:
    if draw(st.integers(0, 9)) == 0:
        return None  # around the clock (holidays still apply)
    days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))
    hours = {day: draw(day_intervals()) for day in days}
    if not any(hours.values()):
        hours[days[0]] = ["09:00-17:00"]
    return hours


@st.composite
def scenarios(draw: st.DrawFn, max_minutes: int = 4 * 24 * 60) -> Scenario:
    zone = draw(st.sampled_from(sorted(TRANSITIONS)))
    anchors = TRANSITIONS[zone]
    if anchors and draw(st.integers(0, 3)) > 0:
        anchor = draw(st.sampled_from(anchors))
        start = anchor - draw(st.integers(0, 3 * 24 * 60)) * MINUTE
    else:
        start = datetime(2026, 1, 1, tzinfo=UTC) + draw(st.integers(0, 364 * 24 * 60)) * MINUTE
    first_local = start.astimezone(ZoneInfo(zone)).date()
    holidays = draw(
        st.lists(
            st.integers(-1, 5).map(lambda days: first_local + timedelta(days=days)),
            max_size=3,
        )
    )
    config = CalendarConfig(timezone=zone, hours=draw(hours_maps()), holidays=holidays)
    return Scenario(config, start, draw(st.integers(0, max_minutes)))


def oracle_open(config: CalendarConfig, minute: datetime) -> bool:
    """Whether the wall clock at ``minute`` reads inside the configured hours."""
    local = minute.astimezone(ZoneInfo(config.timezone))
    if local.date() in config.holidays:
        return False
    if not config.hours:
        return True
    intervals = config.hours.get(WEEKDAYS[local.weekday()], [])
    wall = f"{local.hour:02d}:{local.minute:02d}"
    # "HH:MM" strings compare in time order; "24:00" sorts after every wall time.
    return any(text[:5] <= wall < text[6:] for text in intervals)


def oracle_open_minutes(scenario: Scenario) -> list[datetime]:
    """Start of every open minute in ``[start, end)``, in order."""
    return [
        minute
        for minute in (scenario.start + i * MINUTE for i in range(scenario.minutes))
        if oracle_open(scenario.config, minute)
    ]


def weekly_minutes(config: CalendarConfig) -> int:
    """Nominal open minutes per week (bounds amounts so walks stay short)."""
    if not config.hours:
        return 7 * 24 * 60
    total = 0
    for intervals in config.hours.values():
        for text in intervals:
            start, end = text.split("-")
            total += _minutes(end) - _minutes(start)
    return total


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def interesting_counts(total: int, edges: list[int]) -> st.SearchStrategy[int]:
    """Any count in ``[0, total]``, often one that ends exactly on a run edge."""
    if not edges:
        return st.integers(0, total)
    return st.one_of(st.integers(0, total), st.sampled_from(edges))


def in_random_zone(data: st.DataObject, moment: datetime) -> datetime:
    """The same instant, expressed in a randomly chosen zone."""
    zone = data.draw(st.sampled_from(["UTC", "Asia/Tokyo", "America/New_York"]))
    return moment.astimezone(ZoneInfo(zone))


class TestAgainstMinuteOracle:
    @SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_business_time_between_counts_open_minutes(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        """``business_time_between`` equals the number of open minutes in [a, b)."""
        calendar = BusinessCalendar.from_config(scenario.config)
        expected = len(oracle_open_minutes(scenario)) * MINUTE
        a = in_random_zone(data, scenario.start)
        b = in_random_zone(data, scenario.end)
        assert calendar.business_time_between(a, b) == expected
        assert calendar.business_time_between(b, a) == timedelta(0)

    @SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_add_business_time_ends_at_the_nth_open_minute(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        """Adding n minutes ends right after the n-th open minute (earliest instant)."""
        calendar = BusinessCalendar.from_config(scenario.config)
        open_minutes = oracle_open_minutes(scenario)
        # Counts that use up an open run exactly are the interesting edge.
        run_ends = [
            i + 1
            for i, minute in enumerate(open_minutes)
            if i + 1 == len(open_minutes) or open_minutes[i + 1] != minute + MINUTE
        ]
        n = data.draw(interesting_counts(len(open_minutes), run_ends))
        expected = open_minutes[n - 1] + MINUTE if n else scenario.start
        result = calendar.add_business_time(scenario.start, n * MINUTE)
        assert result == expected
        assert result.tzinfo is UTC
        assert calendar.business_time_between(scenario.start, result) == n * MINUTE

    @SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_subtract_business_time_starts_at_the_nth_last_open_minute(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        """Going back n minutes from b lands on the n-th open minute before b."""
        calendar = BusinessCalendar.from_config(scenario.config)
        open_minutes = oracle_open_minutes(scenario)
        run_starts = [
            len(open_minutes) - i
            for i, minute in enumerate(open_minutes)
            if i == 0 or open_minutes[i - 1] != minute - MINUTE
        ]
        n = data.draw(interesting_counts(len(open_minutes), run_starts))
        expected = open_minutes[-n] if n else scenario.end
        result = calendar.subtract_business_time(scenario.end, n * MINUTE)
        assert result == expected
        assert calendar.business_time_between(result, scenario.end) == n * MINUTE

    @settings(SETTINGS, max_examples=60)
    @given(scenario=scenarios(max_minutes=2 * 24 * 60))
    def test_is_open_and_next_open_agree_with_oracle(self, scenario: Scenario) -> None:
        """``is_open`` matches every minute; ``next_open`` finds the first open one."""
        calendar = BusinessCalendar.from_config(scenario.config)
        minutes = [scenario.start + i * MINUTE for i in range(scenario.minutes)]
        flags = [oracle_open(scenario.config, minute) for minute in minutes]
        assert [calendar.is_open(minute) for minute in minutes] == flags
        if True in flags:
            assert calendar.next_open(scenario.start) == minutes[flags.index(True)]
        else:
            assert calendar.next_open(scenario.start) >= scenario.end


class TestInverseProperties:
    @SETTINGS
    @given(scenario=scenarios(max_minutes=0), data=st.data())
    def test_between_inverts_add_and_subtract(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        """``between(s, add(s, x)) == x == between(sub(s, x), s)``, even over weeks."""
        calendar = BusinessCalendar.from_config(scenario.config)
        weeks = data.draw(st.integers(0, 8))
        amount = data.draw(st.integers(0, weeks * weekly_minutes(scenario.config)))
        later = calendar.add_business_time(scenario.start, amount * MINUTE)
        earlier = calendar.subtract_business_time(scenario.start, amount * MINUTE)
        assert calendar.business_time_between(scenario.start, later) == amount * MINUTE
        assert calendar.business_time_between(earlier, scenario.start) == amount * MINUTE
        assert earlier <= scenario.start <= later

    @SETTINGS
    @given(
        scenario=scenarios(max_minutes=0),
        fraction=st.floats(0.01, 0.99),
        data=st.data(),
    )
    def test_plan_deadlines_budget(
        self, scenario: Scenario, fraction: float, data: st.DataObject
    ) -> None:
        """Breach is ``target - elapsed_before`` of business time from the start."""
        calendar = BusinessCalendar.from_config(scenario.config)
        weekly = weekly_minutes(scenario.config)
        target = data.draw(st.integers(1, 2 * weekly)) * MINUTE
        consumed = data.draw(st.integers(0, 3 * weekly)) * MINUTE
        warning, breach = plan_deadlines(
            calendar, scenario.start, target, fraction, elapsed_before=consumed
        )
        assert warning.at <= breach.at
        if consumed <= target:
            assert calendar.business_time_between(scenario.start, breach.at) == target - consumed
        else:
            assert calendar.business_time_between(breach.at, scenario.start) == consumed - target
