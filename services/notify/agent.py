"""The notify stream: case snapshots set the SLA clocks; a timer publishes each due
warning, breach and escalation once, remembering what it sent in a changelog table.

Deadlines are timers, not polls: one task sleeps until the earliest deadline and is
woken early when an earlier one is scheduled.
"""

from __future__ import annotations

import asyncio
import gc
import heapq
import json
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import faust
from aiokafka.partitioner import DefaultPartitioner

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
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        owns: Callable[[bytes], bool] = lambda _key: True,
    ) -> None:
        self._owns = owns  # whether this worker owns the key's partition right now
        self.clocks = clocks  # key -> Case bytes (a faust table, or a dict in tests)
        self.sent = sent  # key -> JSON list of sent sla_event_ids
        self._calendars = calendars
        self._publish = publish
        self._now = clock
        self._heap: list[_Entry] = []
        self._sleeper: asyncio.Future[None] | None = None
        self._published_during_rebuild: set[str] | None = None
        # Entries that came due while their partition was not (or no longer, or not yet)
        # ours: during a rebalance every partition is revoked for a moment.
        self._parked: list[_Entry] = []
        # Plans by key for the case version they were computed from: one computation per
        # case change, not one per due entry. The tables stay the source of truth.
        self._plans: dict[bytes, tuple[str, int, dict[str, Planned]]] = {}

    def _case(self, key: bytes) -> events_pb2.Case | None:
        raw = self.clocks.get(key)
        if raw is None:
            return None
        return events_pb2.Case.FromString(raw)

    def _sent(self, key: bytes) -> list[str]:
        raw = self.sent.get(key)
        return list(json.loads(raw)) if raw else []

    def _plan(self, key: bytes, case: events_pb2.Case) -> dict[str, Planned]:
        cached = self._plans.get(key)
        if cached is not None and cached[0] == case.case_id and cached[1] == case.version:
            return cached[2]
        plans = {p.sla_event_id: p for p in planned_notifications(case, self._calendars())}
        self._plans[key] = (case.case_id, case.version, plans)
        return plans

    def _current_plan(self, key: bytes) -> dict[str, Planned] | None:
        if not self._owns(key):
            return None  # revoked in a rebalance: the new owner notifies
        cached = self._plans.get(key)
        if cached is not None:
            return cached[2]
        case = self._case(key)
        return None if case is None else self._plan(key, case)

    def schedule(self, key: bytes, case: events_pb2.Case) -> int:
        """Push the case's not-yet-sent notifications; returns how many are pending.
        (Stale copies from earlier versions are dropped when they come due.)"""
        sent = set(self._sent(key))
        earliest = self._heap[0].at if self._heap else None
        pending = 0
        for planned in self._plan(key, case).values():
            if planned.sla_event_id in sent:
                continue
            pending += 1
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
            self._wake_up()
        return pending

    def on_case(self, key: bytes, case: events_pb2.Case) -> None:
        current = self._case(key)
        if (
            current is not None
            and current.case_id == case.case_id
            and current.version >= case.version
        ):
            return  # an older snapshot redelivered
        self.clocks[key] = case.SerializeToString()
        if self.schedule(key, case) == 0 and case.status == events_pb2.CASE_STATUS_RESOLVED:
            # Nothing more can come due: forget the clocks (a reopen brings them back).
            del self.clocks[key]
            self._plans.pop(key, None)

    def sync_ownership(self) -> int:
        """After a rebalance: forget the cases this worker no longer owns and plan the
        ones it gained (their changelog was restored into the table). Returns how many
        cases were added. Cheap: only gained cases are planned."""
        for key in [k for k in self._plans if not self._owns(k)]:
            del self._plans[key]
        parked, self._parked = self._parked, []
        for entry in parked:
            if self._owns(entry.key):
                heapq.heappush(self._heap, entry)
        added = 0
        for key, raw in list(self.clocks.items()):
            if raw and key not in self._plans and self._owns(key):
                self.schedule(key, events_pb2.Case.FromString(raw))
                added += 1
        self._wake_up()
        return added

    async def rebuild_gradually(self, slice_s: float = 0.01) -> None:
        """Re-plan every owned case (after a rebalance or a policy change) without
        stalling the timers: the running heap keeps firing while the new plans are
        computed in batches; then the two heaps are merged (stale entries are harmless:
        each is re-checked when it comes due)."""
        calendars = self._calendars()
        plans: dict[bytes, tuple[str, int, dict[str, Planned]]] = {}
        entries: list[_Entry] = []
        self._published_during_rebuild = set()
        last_yield = time.perf_counter()
        for key, raw in list(self.clocks.items()):
            if raw:
                case = events_pb2.Case.FromString(raw)
                planned = {p.sla_event_id: p for p in planned_notifications(case, calendars)}
                plans[key] = (case.case_id, case.version, planned)
                sent = set(self._sent(key))
                entries.extend(
                    _Entry(
                        p.at, p.sla_event_id, key, p.queue, p.level == events_pb2.SLA_LEVEL_BREACH
                    )
                    for p in planned.values()
                    if p.sla_event_id not in sent
                )
            if time.perf_counter() - last_yield > slice_s:
                await asyncio.sleep(0)  # due entries of the running heap fire meanwhile
                last_yield = time.perf_counter()
        for key, cached in self._plans.items():
            newer = plans.get(key)
            if newer is None or (
                (newer[0], newer[1]) != (cached[0], cached[1]) and cached[1] > newer[1]
            ):
                plans[key] = cached  # updated while we were re-planning
        # Entries planned before they fired from the running heap are dropped here, so
        # they do not all come due at once right after the merge.
        fired, self._published_during_rebuild = self._published_during_rebuild, None
        entries = [e for e in entries if e.sla_event_id not in fired]
        entries.extend(self._heap)
        heapq.heapify(entries)
        self._heap, self._plans = entries, plans
        self._wake_up()

    def _wake_up(self) -> None:
        if self._sleeper is not None and not self._sleeper.done():
            self._sleeper.set_result(None)

    async def run(self) -> None:
        """Sleep until the earliest deadline (or a wake-up), publish what is due, repeat."""
        loop = asyncio.get_running_loop()
        while True:
            await self.fire(self._now())
            delay = (self._heap[0].at - self._now()).total_seconds() if self._heap else 3600.0
            if delay <= 0:
                continue
            sleeper = self._sleeper = loop.create_future()
            timer = loop.call_later(delay, self._wake_up)
            try:
                await sleeper
            finally:
                timer.cancel()
                self._sleeper = None

    async def fire(self, now: datetime) -> int:
        published = 0
        while self._heap and self._heap[0].at <= now:
            entry = heapq.heappop(self._heap)
            if not self._owns(entry.key):
                self._parked.append(entry)
                continue
            due = self._current_plan(entry.key)
            if due is None:
                continue
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
            if self._published_during_rebuild is not None:
                self._published_during_rebuild.add(entry.sla_event_id)
            # At-least-once: a crash, or a rebalance that starts during the publish,
            # between these two writes repeats this one notification on the next owner;
            # consumers deduplicate by sla_event_id (recording first loses one instead).
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

    owned: set[int] = set()
    partitioner = DefaultPartitioner()

    def owns(key: bytes) -> bool:
        # Kafka's default partitioner: the same function placed the case on its partition.
        partitions = app.conf.topic_partitions
        return partitioner(key, list(range(partitions)), list(range(partitions))) in owned

    timers = SlaTimers(clocks, sent, calendars, publish, owns=owns)

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

    async def on_rebalance(*_args: Any, **_kwargs: Any) -> None:
        owned.clear()
        owned.update(tp.partition for tp in app.consumer.assignment() if tp.topic == topics.CASES)
        added = timers.sync_ownership()
        # The restored cases and their plans live as long as the worker: move them out of
        # the collector's reach, or each full collection walks ~10^6 objects and stalls
        # the timers for up to a second (seen in make bench-sla).
        gc.freeze()
        log.info("sla_timers_rebalanced", count=added, partitions=sorted(owned))

    async def housekeeping() -> None:
        # Table recovery can complete after the rebalance signal; planning the cases it
        # restored is cheap (only keys without a plan are planned), so check regularly.
        if owned and (late := timers.sync_ownership()):
            log.info("sla_timers_restored_late", count=late)
        for queue, seconds in timers.time_to_breach(datetime.now(UTC)).items():
            metrics.time_to_breach.labels(queue).set(seconds)

    # Nothing may be published from the very start of a rebalance: partitions may be
    # moving, and what we would record as sent could miss the changelog that the next
    # owner restores (a scale-out test caught one warning published twice). faust calls
    # app.on_rebalance_start synchronously first; the partitions come back, with what was
    # parked meanwhile, when the rebalance completes (on_rebalance below).
    rebalance_start = app.on_rebalance_start

    def on_rebalance_start() -> None:
        owned.clear()
        rebalance_start()

    app.on_rebalance_start = on_rebalance_start  # type: ignore[method-assign]
    app.on_rebalance_complete.connect(on_rebalance)
    app.task(run_timers)
    app.timer(interval=5.0)(housekeeping)
    return timers
