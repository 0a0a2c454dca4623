"""Which SLA notifications a case calls for, and when: pure clock math on a Case.

Two clocks per case: first response (from the opening message until the first agent
response) and resolution (from the start of the current period until resolved; a
reopen starts a new period). Each (case, metric, level, period) has one stable id, so
a notification is published at most once whatever the redeliveries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from carerouter.notify.domain import BusinessCalendar, plan_deadlines
from carerouter.v1 import events_pb2

METRIC_NAMES: dict[int, str] = {
    events_pb2.SLA_METRIC_FIRST_RESPONSE: "first_response",
    events_pb2.SLA_METRIC_RESOLUTION: "resolution",
}
LEVELS: dict[str, int] = {
    "warning": events_pb2.SLA_LEVEL_WARNING,
    "breach": events_pb2.SLA_LEVEL_BREACH,
}
DEFAULT_WARN_FRACTION = 0.75


@dataclass(frozen=True, slots=True)
class Planned:
    sla_event_id: str
    case_id: str
    conversation_key: str
    metric: int
    level: int
    at: datetime
    target_seconds: int
    queue: str
    priority: int

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
        )
        event.deadline.FromDatetime(self.at)
        event.emitted_at.FromDatetime(emitted_at)
        return event


def _at(ts: object) -> datetime:
    return ts.ToDatetime(tzinfo=UTC)  # type: ignore[attr-defined, no-any-return]


def planned_notifications(case: events_pb2.Case, calendar: BusinessCalendar) -> list[Planned]:
    """Every notification the case's running clocks will call for (past ones included)."""
    assignment = case.assignment
    warn = assignment.warn_fraction or DEFAULT_WARN_FRACTION
    clocks: list[tuple[int, datetime, int, int]] = []
    if (
        not case.HasField("first_responded_at")
        and case.status != events_pb2.CASE_STATUS_RESOLVED
        and assignment.first_response_target_seconds > 0
    ):
        clocks.append(
            (
                events_pb2.SLA_METRIC_FIRST_RESPONSE,
                _at(case.opened_at),
                assignment.first_response_target_seconds,
                0,
            )
        )
    if case.status != events_pb2.CASE_STATUS_RESOLVED and assignment.resolution_target_seconds > 0:
        started = case.clock_started_at if case.HasField("clock_started_at") else case.opened_at
        clocks.append(
            (
                events_pb2.SLA_METRIC_RESOLUTION,
                _at(started),
                assignment.resolution_target_seconds,
                case.resolution_period,
            )
        )
    planned: list[Planned] = []
    for metric, started_at, target, period in clocks:
        for deadline in plan_deadlines(calendar, started_at, timedelta(seconds=target), warn):
            planned.append(
                Planned(
                    sla_event_id=f"{case.case_id}/{METRIC_NAMES[metric]}/{deadline.level}/{period}",
                    case_id=case.case_id,
                    conversation_key=case.conversation_key,
                    metric=metric,
                    level=LEVELS[deadline.level],
                    at=deadline.at,
                    target_seconds=target,
                    queue=assignment.queue,
                    priority=assignment.priority,
                )
            )
    return planned
