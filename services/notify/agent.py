"""The notify stream: case snapshots set the SLA clocks; a timer publishes each due
warning and breach once, remembering what it sent in a changelog-backed table."""

from __future__ import annotations

import heapq
import json
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
MAX_SENT_IDS_KEPT = 64


class SlaTimers:
    """Due-time heap over the cases this worker owns, with lazy invalidation: an entry is
    re-checked against the case's current state when it comes due."""

    def __init__(
        self,
        app: faust.App,
        calendar: BusinessCalendar,
        metrics: Metrics,
        tick_interval_s: float,
    ) -> None:
        self._calendar = calendar
        self._metrics = metrics
        self._heap: list[tuple[datetime, str, bytes]] = []
        self._sla_topic = app.topic(topics.SLA_EVENTS, key_type=bytes, value_type=bytes)
        self.clocks = app.Table("sla-clocks", default=None, key_type=bytes, value_type=bytes)
        # Written from the timer, outside any stream event: the producer's partitioner
        # picks the partition from the key, which matches the clocks' input partition.
        self.sent = app.Table(
            "sla-sent", default=None, key_type=bytes, value_type=bytes, use_partitioner=True
        )
        self.published = 0

        async def fire_due() -> None:
            await self.fire(datetime.now(UTC))

        async def rebuild() -> None:
            self.rebuild()

        app.timer(interval=tick_interval_s)(fire_due)
        app.timer(interval=30.0)(rebuild)

    def _case(self, key: bytes) -> events_pb2.Case | None:
        raw = self.clocks.get(key)
        if raw is None:
            return None
        case = events_pb2.Case()
        case.ParseFromString(raw)
        return case

    def _sent(self, key: bytes) -> list[str]:
        raw = self.sent.get(key)
        return list(json.loads(raw)) if raw else []

    def schedule(self, key: bytes, case: events_pb2.Case) -> None:
        sent = set(self._sent(key))
        for planned in planned_notifications(case, self._calendar):
            if planned.sla_event_id not in sent:
                heapq.heappush(self._heap, (planned.at, planned.sla_event_id, key))

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
        """Re-plan every owned case: after a rebalance the heap misses new partitions."""
        self._heap.clear()
        for key, raw in list(self.clocks.items()):
            if raw:
                case = events_pb2.Case()
                case.ParseFromString(raw)
                self.schedule(key, case)

    async def fire(self, now: datetime) -> None:
        while self._heap and self._heap[0][0] <= now:
            _, sla_event_id, key = heapq.heappop(self._heap)
            case = self._case(key)
            if case is None:
                continue
            due = {p.sla_event_id: p for p in planned_notifications(case, self._calendar)}
            planned = due.get(sla_event_id)
            if planned is None:
                continue  # the clock stopped or moved since this entry was scheduled
            if planned.at > now:
                heapq.heappush(self._heap, (planned.at, sla_event_id, key))
                continue
            sent = self._sent(key)
            if sla_event_id in sent:
                continue
            await self._publish(key, planned, now)
            sent.append(sla_event_id)
            self.sent[key] = json.dumps(sent[-MAX_SENT_IDS_KEPT:]).encode()

    async def _publish(self, key: bytes, planned: Planned, now: datetime) -> None:
        await self._sla_topic.send(key=key, value=planned.to_event(now).SerializeToString())
        level = "breach" if planned.level == events_pb2.SLA_LEVEL_BREACH else "warning"
        self._metrics.sla_events.labels(planned.queue, METRIC_NAMES[planned.metric], level).inc()
        self._metrics.events_out.labels("notify", topics.SLA_EVENTS).inc()
        self.published += 1
        log.info(
            "sla_event",
            case_id=planned.case_id,
            queue=planned.queue,
            metric=METRIC_NAMES[planned.metric],
            level=level,
        )


def register(
    app: faust.App, calendar: BusinessCalendar, metrics: Metrics, tick_interval_s: float
) -> SlaTimers:
    cases = app.topic(topics.CASES, key_type=bytes, value_type=bytes)
    dead_letters = DeadLetters(app, "notify", metrics, {topics.CASES: events_pb2.Case})
    timers = SlaTimers(app, calendar, metrics, tick_interval_s)

    async def handle(event: faust.EventT[Any]) -> None:
        case = decode(events_pb2.Case, event.value)
        if not case.case_id or not case.conversation_key:
            raise PoisonMessage("Case without case_id or conversation_key")
        timers.on_case(case.conversation_key.encode(), case)

    @app.agent(cases, name="notify-cases")
    async def notify_cases(stream: faust.StreamT[Any]) -> None:
        await process_each(stream, handle, dead_letters, metrics, "notify")

    return timers
