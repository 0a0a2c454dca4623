"""Which SLA notifications a case calls for, and when: pure clock math on a Case.

Three metrics:
- first response: from the opening message until the first agent response;
- next response: from each customer message that follows an agent response until the
  next agent response (period n is the n-th such wait);
- resolution: from the start of the current period until resolved (a reopen starts a new
  period); when the policy says so, it pauses while the case waits on the customer (from
  an agent response until the customer's next message).

Time counts on the queue's business-hours calendar. For each clock, the warning points,
the breach (the target) and the escalation levels (business time after the target) are
thresholds of running time; each has one stable id ``case/metric/level/period``, so a
notification is published at most once whatever the redeliveries. A stopped clock still
owes the notifications whose thresholds it crossed before it stopped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from google.protobuf.timestamp_pb2 import Timestamp

from carerouter.notify.domain import BusinessCalendar
from carerouter.v1 import events_pb2

METRIC_NAMES: dict[int, str] = {
    events_pb2.SLA_METRIC_FIRST_RESPONSE: "first_response",
    events_pb2.SLA_METRIC_RESOLUTION: "resolution",
    events_pb2.SLA_METRIC_NEXT_RESPONSE: "next_response",
}
LEVEL_NAMES: dict[int, str] = {
    events_pb2.SLA_LEVEL_WARNING: "warning",
    events_pb2.SLA_LEVEL_BREACH: "breach",
    events_pb2.SLA_LEVEL_ESCALATION: "escalation",
}
DEFAULT_WARN_FRACTION = 0.75
ALWAYS_OPEN = BusinessCalendar.always_open()

Interval = tuple[datetime, datetime | None]  # [start, end); None: still running


@dataclass(frozen=True, slots=True)
class Planned:
    sla_event_id: str
    case_id: str
    conversation_key: str
    metric: int
    level: int
    level_index: int
    period: int
    at: datetime
    target_seconds: int
    queue: str
    priority: int

    @property
    def level_label(self) -> str:
        """``warning``, ``breach``, ``escalation_1``... (metric label values)."""
        name = LEVEL_NAMES[self.level]
        return (
            f"{name}_{self.level_index}" if self.level == events_pb2.SLA_LEVEL_ESCALATION else name
        )

    def to_event(self, emitted_at: datetime) -> events_pb2.SlaEvent:
        event = events_pb2.SlaEvent(
            sla_event_id=self.sla_event_id,
            case_id=self.case_id,
            metric=self.metric,  # type: ignore[arg-type]
            level=self.level,  # type: ignore[arg-type]
            queue=self.queue,
            priority=self.priority,  # type: ignore[arg-type]
            target_seconds=self.target_seconds,
            conversation_key=self.conversation_key,
            level_index=self.level_index,
            period=self.period,
        )
        event.deadline.FromDatetime(self.at)
        event.emitted_at.FromDatetime(emitted_at)
        return event


@dataclass(frozen=True, slots=True)
class Clock:
    metric: int
    period: int
    target_seconds: int
    running: tuple[Interval, ...]


def _at(ts: Timestamp) -> datetime:
    return ts.ToDatetime(tzinfo=UTC)


def _timeline(case: events_pb2.Case) -> list[tuple[datetime, bool]]:
    """(time, is_agent) for every message of the case, in time order."""
    return sorted((_at(m.at), m.outbound) for m in case.messages if m.HasField("at"))


def clocks_of(case: events_pb2.Case) -> list[Clock]:
    """The case's clocks with the intervals during which each one ran."""
    assignment = case.assignment
    timeline = _timeline(case)
    clocks: list[Clock] = []
    if assignment.first_response_target_seconds > 0 and case.HasField("opened_at"):
        end = _at(case.first_responded_at) if case.HasField("first_responded_at") else None
        clocks.append(
            Clock(
                events_pb2.SLA_METRIC_FIRST_RESPONSE,
                0,
                assignment.first_response_target_seconds,
                ((_at(case.opened_at), end),),
            )
        )
    if assignment.next_response_target_seconds > 0:
        clocks.extend(_next_response_clocks(timeline, assignment.next_response_target_seconds))
    if assignment.resolution_target_seconds > 0 and case.HasField("opened_at"):
        start = _at(case.clock_started_at if case.HasField("clock_started_at") else case.opened_at)
        end = _at(case.resolved_at) if case.status == events_pb2.CASE_STATUS_RESOLVED else None
        running: Sequence[Interval] = [(start, end)]
        if assignment.pause_while_waiting_on_customer:
            running = _minus_waiting(start, end, timeline)
        clocks.append(
            Clock(
                events_pb2.SLA_METRIC_RESOLUTION,
                case.resolution_period,
                assignment.resolution_target_seconds,
                tuple(running),
            )
        )
    return clocks


def _next_response_clocks(timeline: list[tuple[datetime, bool]], target: int) -> list[Clock]:
    clocks: list[Clock] = []
    answered = False  # an agent responded since the last customer wait started
    waiting_since: datetime | None = None
    period = 0
    for at, is_agent in timeline:
        if is_agent:
            if waiting_since is not None:
                clocks.append(
                    Clock(
                        events_pb2.SLA_METRIC_NEXT_RESPONSE, period, target, ((waiting_since, at),)
                    )
                )
                waiting_since = None
            answered = True
        elif answered and waiting_since is None:
            period += 1
            waiting_since = at
            answered = False
    if waiting_since is not None:
        clocks.append(
            Clock(events_pb2.SLA_METRIC_NEXT_RESPONSE, period, target, ((waiting_since, None),))
        )
    return clocks


def _minus_waiting(
    start: datetime, end: datetime | None, timeline: list[tuple[datetime, bool]]
) -> list[Interval]:
    """[start, end) without the spans from an agent response to the customer's next message."""
    running: list[Interval] = []
    cursor: datetime | None = start  # None while paused
    for at, is_agent in timeline:
        if at < start or (end is not None and at >= end):
            continue
        if is_agent and cursor is not None:
            if at > cursor:
                running.append((cursor, at))
            cursor = None
        elif not is_agent and cursor is None:
            cursor = at
    if cursor is not None and (end is None or end > cursor):
        running.append((cursor, end))
    return running


def crossing_time(
    calendar: BusinessCalendar, running: Sequence[Interval], amount: timedelta
) -> datetime | None:
    """When the clock's business running time reaches ``amount``; None if it never does."""
    left = amount
    for start, end in running:
        if end is None:
            return calendar.add_business_time(start, left)
        available = calendar.business_time_between(start, end)
        if left <= available:
            return calendar.add_business_time(start, left)
        left -= available
    return None


def _thresholds(assignment: events_pb2.Assignment, target: int) -> list[tuple[int, int, float]]:
    """(level, level_index, seconds of running time) for a clock of this target."""
    points: list[tuple[int, int, float]] = []
    warnings = list(assignment.warnings) or [
        events_pb2.WarningPoint(fraction=assignment.warn_fraction or DEFAULT_WARN_FRACTION)
    ]
    for index, point in enumerate(warnings, 1):
        seconds = point.fraction * target if point.fraction else target - point.seconds_before
        if 0 < seconds < target:
            points.append((events_pb2.SLA_LEVEL_WARNING, index, seconds))
    points.append((events_pb2.SLA_LEVEL_BREACH, 0, float(target)))
    for index, after in enumerate(assignment.escalation_after_seconds, 1):
        points.append((events_pb2.SLA_LEVEL_ESCALATION, index, float(target + after)))
    return points


def sla_event_id(case_id: str, metric: int, level: int, level_index: int, period: int) -> str:
    name = LEVEL_NAMES[level]
    label = f"{name}-{level_index}" if level != events_pb2.SLA_LEVEL_BREACH else name
    return f"{case_id}/{METRIC_NAMES[metric]}/{label}/{period}"


def planned_notifications(
    case: events_pb2.Case,
    calendars: Mapping[str, BusinessCalendar] | BusinessCalendar | None = None,
) -> list[Planned]:
    """Every notification the case's clocks call for, past ones included."""
    if isinstance(calendars, BusinessCalendar):
        calendar = calendars
    else:
        calendar = (calendars or {}).get(case.assignment.calendar, ALWAYS_OPEN)
    planned: list[Planned] = []
    for clock in clocks_of(case):
        for level, index, seconds in _thresholds(case.assignment, clock.target_seconds):
            at = crossing_time(calendar, clock.running, timedelta(seconds=seconds))
            if at is None:
                continue
            planned.append(
                Planned(
                    sla_event_id=sla_event_id(
                        case.case_id, clock.metric, level, index, clock.period
                    ),
                    case_id=case.case_id,
                    conversation_key=case.conversation_key,
                    metric=clock.metric,
                    level=level,
                    level_index=index,
                    period=clock.period,
                    at=at,
                    target_seconds=clock.target_seconds,
                    queue=case.assignment.queue,
                    priority=case.assignment.priority,
                )
            )
    return planned
