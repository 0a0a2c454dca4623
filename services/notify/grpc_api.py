"""``SlaService.WatchBreaches``: SLA events from the topic, filtered per watcher."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator

import grpc

from carerouter.v1 import events_pb2, services_pb2, services_pb2_grpc

SUBSCRIBER_QUEUE = 10_000
REMEMBERED_EVENT_IDS = 100_000


class SlaFeed:
    """Fans SLA events out to the watchers connected to this replica.

    The topic is at least once: a notification in flight when notify's partitions move
    can be published again by the new owner, with the same ``sla_event_id``. The feed
    remembers the most recent ids and passes each one to its watchers once."""

    def __init__(self, remember: int = REMEMBERED_EVENT_IDS) -> None:
        self._subscribers: set[asyncio.Queue[events_pb2.SlaEvent]] = set()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._remember = remember

    def _first_time(self, sla_event_id: str) -> bool:
        if not sla_event_id:
            return True  # nothing to deduplicate on
        if sla_event_id in self._seen:
            return False
        self._seen[sla_event_id] = None
        if len(self._seen) > self._remember:
            self._seen.popitem(last=False)
        return True

    def apply(self, raw: bytes | None) -> None:
        if not raw:
            return
        event = events_pb2.SlaEvent()
        event.ParseFromString(raw)
        if not self._first_time(event.sla_event_id):
            return
        for queue in self._subscribers:
            if queue.full():
                queue.get_nowait()  # a slow watcher loses its oldest, never blocks us
            queue.put_nowait(event)

    def subscribe(self) -> asyncio.Queue[events_pb2.SlaEvent]:
        queue: asyncio.Queue[events_pb2.SlaEvent] = asyncio.Queue(SUBSCRIBER_QUEUE)
        self._subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[events_pb2.SlaEvent]) -> None:
        self._subscribers.discard(queue)


class SlaServicer(services_pb2_grpc.SlaServiceServicer):
    def __init__(self, feed: SlaFeed) -> None:
        self._feed = feed

    async def WatchBreaches(  # noqa: N802 - gRPC method name
        self, request: services_pb2.WatchBreachesRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[events_pb2.SlaEvent]:
        queue = self._feed.subscribe()
        try:
            while True:
                event = await queue.get()
                if request.queue and event.queue != request.queue:
                    continue
                if request.min_level and event.level < request.min_level:
                    continue
                yield event
        finally:
            self._feed.unsubscribe(queue)
