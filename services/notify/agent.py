"""The notify stream: case snapshots set the SLA clocks; a timer publishes each due
warning, breach and escalation once, remembering what it sent in a changelog table.

Deadlines are timers, not polls: one task sleeps until the earliest deadline and is
woken early when an earlier one is scheduled.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import faust

from carerouter.common import topics
from carerouter.common.logging import get_logger
from carerouter.common.metrics import Metrics
from carerouter.common.streams import DeadLetters, PoisonMessage, decode, process_each
from carerouter.notify.clocks import METRIC_NAMES, Planned, planned_notifications
from carerouter.notify.domain import BusinessCalendar
from carerouter.v1 import events_pb2

log = get_logger(__name__)
MAX_SENT_IDS_KEPT = 128
CalendarSource = Callable[[], Mapping[str, BusinessCalendar]]
Publish = Callable[[bytes, events_pb2.SlaEvent], Any]


@dataclass(order=True, slots=True)
class _Entry:
    at: datetime
    sla_event_id: str = field(compare=False)
    key: bytes = field(compare=False)
    queue: str = field(compare=False)
    breach: bool = field(compare=False)


class SlaTimers:
    """Due-time heap over the cases this worker owns, with lazy invalidation: an entry is
    re-checked against the case's current state when it comes due."""

    def __init__(
        self,
        clocks: Any,
        sent: Any,
        calendars: CalendarSource,
        publish: Callable[[bytes, Planned, datetime], Any],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.clocks = clocks  # key -> Case bytes (a faust table, or a dict in tests)
        self.sent = sent  # key -> JSON list of sent sla_event_ids
        self._calendars = calendars
        self._publish = publish
        self._now = clock
        self._heap: list[_Entry] = []
        self._wake = asyncio.Event()

    def _case(self, key: bytes) -> events_pb2.Case | None:
        raw = self.clocks.get(key)
        if raw is None:
            return None
        return events_pb2.Case.FromString(raw)

    def _sent(self, key: bytes) -> list[str]:
        raw = self.sent.get(key)
        return list(json.loads(raw)) if raw else []

    def schedule(self, key: bytes, case: events_pb2.Case) -> None:
        sent = set(self._sent(key))
        earliest = self._heap[0].at if self._heap else None
        for planned in planned_notifications(case, self._calendars()):
            if planned.sla_event_id not in sent:
                heapq.heappush(
                    self._heap,
                    _Entry(
                        planned.at,
                        planned.sla_event_id,
                        key,
                        planned.queue,
                        planned.level == events_pb2.SLA_LEVEL_BREACH,
                    ),
                )
        if self._heap and (earliest is None or self._heap[0].at < earliest):
            self._wake.set()

    def on_case(self, key: bytes, case: events_pb2.Case) -> None:
        current = self._case(key)
        if (
            current is not None
            and current.case_id == case.case_id
            and current.version >= case.version
        ):
            return  # an older snapshot redelivered
        self.clocks[key] = case.SerializeToString()
        self.schedule(key, case)

    def rebuild(self) -> None:
        """Re-plan every owned case (after a rebalance or a policy change)."""
        self._heap.clear()
        for key, raw in list(self.clocks.items()):
            if raw:
                self.schedule(key, events_pb2.Case.FromString(raw))
        self._wake.set()

    async def run(self) -> None:
        """Sleep until the earliest deadline (or a wake-up), publish what is due, repeat."""
        while True:
            now = self._now()
            await self.fire(now)
            self._wake.clear()
            timeout = (self._heap[0].at - self._now()).total_seconds() if self._heap else 3600.0
            if timeout > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout)

    async def fire(self, now: datetime) -> int:
        published = 0
        while self._heap and self._heap[0].at <= now:
            entry = heapq.heappop(self._heap)
            case = self._case(entry.key)
            if case is None:
                continue
            due = {p.sla_event_id: p for p in planned_notifications(case, self._calendars())}
            planned = due.get(entry.sla_event_id)
            if planned is None:
                continue  # the clock stopped or moved since this entry was scheduled
            if planned.at > now:
                heapq.heappush(
                    self._heap,
                    _Entry(planned.at, entry.sla_event_id, entry.key, entry.queue, entry.breach),
                )
                continue
            sent = self._sent(entry.key)
            if entry.sla_event_id in sent:
                continue
            await self._publish(entry.key, planned, now)
            sent.append(entry.sla_event_id)
            self.sent[entry.key] = json.dumps(sent[-MAX_SENT_IDS_KEPT:]).encode()
            published += 1
        return published

    def time_to_breach(self, now: datetime) -> dict[str, float]:
        """Per queue, seconds until the next scheduled breach (entries may be stale: the
        figure is an early estimate, never late)."""
        nearest: dict[str, float] = {}
        for entry in self._heap:
            if entry.breach:
                seconds = (entry.at - now).total_seconds()
                if seconds >= 0 and seconds < nearest.get(entry.queue, float("inf")):
                    nearest[entry.queue] = seconds
        return nearest

    def __len__(self) -> int:
        return len(self._heap)


def register(
    app: faust.App,
    calendars: CalendarSource,
    metrics: Metrics,
    after_publish: Callable[[events_pb2.SlaEvent], Awaitable[None]] | None = None,
) -> SlaTimers:
    cases = app.topic(topics.CASES, key_type=bytes, value_type=bytes)
    sla_topic = app.topic(topics.SLA_EVENTS, key_type=bytes, value_type=bytes)
    dead_letters = DeadLetters(app, "notify", metrics, {topics.CASES: events_pb2.Case})
    clocks = app.Table("sla-clocks", default=None, key_type=bytes, value_type=bytes)
    # Written from the timer task, outside any stream event: the producer's partitioner
    # picks the partition from the key, the same as the clocks' input partition.
    sent = app.Table(
        "sla-sent", default=None, key_type=bytes, value_type=bytes, use_partitioner=True
    )

    async def publish(key: bytes, planned: Planned, now: datetime) -> None:
        event = planned.to_event(now)
        await sla_topic.send(key=key, value=event.SerializeToString())
        if after_publish is not None:
            await after_publish(event)
        metric = METRIC_NAMES[planned.metric]
        metrics.sla_events.labels(planned.queue, metric, planned.level_label).inc()
        metrics.events_out.labels("notify", topics.SLA_EVENTS).inc()
        log.info(
            "sla_event",
            case_id=planned.case_id,
            queue=planned.queue,
            metric=metric,
            level=planned.level_label,
            lag_ms=round((now - planned.at).total_seconds() * 1000),
        )

    timers = SlaTimers(clocks, sent, calendars, publish)

    async def handle(event: faust.EventT[Any]) -> None:
        case = decode(events_pb2.Case, event.value)
        if not case.case_id or not case.conversation_key:
            raise PoisonMessage("Case without case_id or conversation_key")
        timers.on_case(case.conversation_key.encode(), case)

    @app.agent(cases, name="notify-cases")
    async def notify_cases(stream: faust.StreamT[Any]) -> None:
        await process_each(stream, handle, dead_letters, metrics, "notify")

    async def run_timers() -> None:
        await timers.run()

    async def rebuild_and_report() -> None:
        # After a rebalance the heap lacks the newly assigned partitions' cases.
        timers.rebuild()
        for queue, seconds in timers.time_to_breach(datetime.now(UTC)).items():
            metrics.time_to_breach.labels(queue).set(seconds)

    app.task(run_timers)
    app.timer(interval=30.0)(rebuild_and_report)
    return timers
