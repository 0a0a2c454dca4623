"""The WatchBreaches feed: each SLA event reaches a watcher once, even when the topic
repeats it (a notification in flight when notify's partitions move)."""

from __future__ import annotations

import asyncio

from carerouter.notify.grpc_api import SlaFeed
from carerouter.v1 import events_pb2


def _event(sla_event_id: str) -> bytes:
    return events_pb2.SlaEvent(
        sla_event_id=sla_event_id, queue="general", level=events_pb2.SLA_LEVEL_BREACH
    ).SerializeToString()


def _drain(watcher: asyncio.Queue[events_pb2.SlaEvent]) -> list[str]:
    out = []
    while not watcher.empty():
        out.append(watcher.get_nowait().sla_event_id)
    return out


def test_a_repeated_event_reaches_each_watcher_once() -> None:
    feed = SlaFeed()
    first, second = feed.subscribe(), feed.subscribe()
    for raw in (_event("a"), _event("b"), _event("a"), _event("b"), _event("c")):
        feed.apply(raw)
    assert _drain(first) == ["a", "b", "c"]
    assert _drain(second) == ["a", "b", "c"]


def test_memory_is_bounded_and_forgets_the_oldest() -> None:
    feed = SlaFeed(remember=2)
    watcher = feed.subscribe()
    for sla_event_id in ("a", "b", "c", "a", "c"):
        feed.apply(_event(sla_event_id))
    # "a" was forgotten when "c" arrived, so its late repeat passes; "c" is still known
    assert _drain(watcher) == ["a", "b", "c", "a"]


def test_empty_records_and_events_without_id() -> None:
    feed = SlaFeed()
    watcher = feed.subscribe()
    feed.apply(None)
    feed.apply(b"")
    feed.apply(_event(""))
    feed.apply(_event(""))
    assert _drain(watcher) == ["", ""]
