"""The cases as CaseService shows them: the latest snapshot of every case, built from
the ``care.cases.v1`` topic, plus live subscribers for WatchAssignments."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from carerouter.v1 import events_pb2

SUBSCRIBER_QUEUE = 10_000


class CaseView:
    """In-memory view; fed one snapshot at a time, older versions ignored."""

    def __init__(self, on_open_count: Callable[[str, int], None] | None = None) -> None:
        self._cases: dict[str, events_pb2.Case] = {}
        self._subscribers: set[asyncio.Queue[events_pb2.Case]] = set()
        self._open: Counter[str] = Counter()
        self._on_open_count = on_open_count

    def apply(self, raw: bytes | None) -> None:
        if not raw:
            return
        case = events_pb2.Case()
        case.ParseFromString(raw)
        previous = self._cases.get(case.case_id)
        if previous is not None and previous.version >= case.version:
            return
        self._cases[case.case_id] = case
        self._count_open(previous, case)
        if previous is None or previous.assignment != case.assignment:
            for queue in self._subscribers:
                if queue.full():
                    queue.get_nowait()  # a slow watcher loses its oldest, never blocks us
                queue.put_nowait(case)

    def _count_open(self, previous: events_pb2.Case | None, case: events_pb2.Case) -> None:
        changed = set()
        if previous is not None and previous.status != events_pb2.CASE_STATUS_RESOLVED:
            self._open[previous.assignment.queue] -= 1
            changed.add(previous.assignment.queue)
        if case.status != events_pb2.CASE_STATUS_RESOLVED:
            self._open[case.assignment.queue] += 1
            changed.add(case.assignment.queue)
        if self._on_open_count is not None:
            for queue in changed:
                self._on_open_count(queue, self._open[queue])

    def oldest_waiting(self, now: datetime) -> dict[str, float]:
        """Per queue, seconds the oldest open case has waited for a first response."""
        oldest: dict[str, float] = {}
        for case in self._cases.values():
            if case.status == events_pb2.CASE_STATUS_OPEN and not case.HasField(
                "first_responded_at"
            ):
                age = (now - case.opened_at.ToDatetime(tzinfo=UTC)).total_seconds()
                queue = case.assignment.queue
                oldest[queue] = max(age, oldest.get(queue, 0.0))
        return oldest

    def queues(self) -> set[str]:
        return set(self._open)

    def open_count(self, queue: str) -> int:
        return self._open[queue]

    def get(self, case_id: str) -> events_pb2.Case | None:
        return self._cases.get(case_id)

    def select(
        self, queue: str = "", status: int = 0, conversation_key: str = ""
    ) -> Iterator[events_pb2.Case]:
        for case_id in sorted(self._cases):
            case = self._cases[case_id]
            if queue and case.assignment.queue != queue:
                continue
            if status and case.status != status:
                continue
            if conversation_key and case.conversation_key != conversation_key:
                continue
            yield case

    def subscribe(self) -> asyncio.Queue[events_pb2.Case]:
        queue: asyncio.Queue[events_pb2.Case] = asyncio.Queue(SUBSCRIBER_QUEUE)
        self._subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[events_pb2.Case]) -> None:
        self._subscribers.discard(queue)

    def __len__(self) -> int:
        return len(self._cases)
