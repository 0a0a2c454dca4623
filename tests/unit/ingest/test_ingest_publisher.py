"""The ingest use case: ``validate`` and ``Publisher.publish`` with a fake producer."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest

from carerouter.common.kafka import BrokerUnavailable
from carerouter.ingest.dedup import RecentIds
from carerouter.ingest.publisher import (
    Accepted,
    FieldProblem,
    InvalidEvents,
    Publisher,
    validate,
)
from carerouter.ingest.schema import EventIn
from carerouter.v1 import events_pb2

WALL = datetime(2026, 11, 23, 10, 16, tzinfo=UTC)
WAIT = 1.0  # seconds; upper bound for anything that should complete at once


def raw_event(message_id: str = "m1", **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "platform": "x",
        "kind": "mention",
        "message_id": message_id,
        "author": {"id": "u-1", "name": "Ana"},
        "text": "Where is my parcel?",
        "created_at": "2026-11-23T10:15:00Z",
    }
    data.update(overrides)
    return data


def event(message_id: str = "m1", **overrides: Any) -> EventIn:
    return EventIn.model_validate(raw_event(message_id, **overrides))


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class FakeSend:
    """Records every send_many call; optionally fails or waits for a gate first."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[tuple[str, bytes]]]] = []
        self.fail_with: BaseException | None = None
        self.gate: asyncio.Event | None = None
        self.entered = asyncio.Event()

    async def __call__(self, topic: str, items: list[tuple[str, bytes]]) -> None:
        self.calls.append((topic, list(items)))
        self.entered.set()
        if self.gate is not None:
            await self.gate.wait()
        if self.fail_with is not None:
            raise self.fail_with

    @property
    def produced(self) -> list[tuple[str, events_pb2.SocialEvent]]:
        out = []
        for _topic, items in self.calls:
            for key, value in items:
                out.append((key, events_pb2.SocialEvent.FromString(value)))
        return out

    def produced_ids(self) -> list[str]:
        return [e.event_id for _key, e in self.produced]


def make_publisher(
    send: FakeSend, clock: FakeClock | None = None, ttl_s: float = 600, max_size: int = 1000
) -> Publisher:
    return Publisher(
        send, RecentIds(ttl_s, max_size), clock=clock or FakeClock(), wall_clock=lambda: WALL
    )


class TestValidate:
    def test_valid_items_are_returned_in_order(self) -> None:
        """All-valid input yields EventIn objects in input order."""
        events = validate([raw_event("a"), raw_event("b")])
        assert [e.message_id for e in events] == ["a", "b"]

    def test_empty_input_is_valid(self) -> None:
        """An empty list validates to an empty list (the adapters reject empty batches)."""
        assert validate([]) == []

    def test_each_bad_item_is_reported_with_index_field_and_problem(self) -> None:
        """Problems name the item's index, the dotted field path and pydantic's message."""
        bad_text = raw_event("a", text="  ")
        bad_author = raw_event("c", author={"handle": "@x"})
        with pytest.raises(InvalidEvents) as info:
            validate([bad_text, raw_event("b"), bad_author])
        problems = info.value.problems
        assert [(p.index, p.field) for p in problems] == [(0, "text"), (2, "author.id")]
        assert "must contain text" in problems[0].problem
        assert problems[1].problem == "Field required"

    def test_several_problems_of_one_item_are_all_reported(self) -> None:
        """An item with several bad fields yields one problem per field."""
        item = raw_event("a", platform="myspace", created_at="2026-11-23T10:15:00")
        with pytest.raises(InvalidEvents) as info:
            validate([item])
        assert {(p.index, p.field) for p in info.value.problems} == {
            (0, "platform"),
            (0, "created_at"),
        }

    @pytest.mark.parametrize("item", ["text", 42, None, ["a"]])
    def test_non_object_item_is_reported(self, item: object) -> None:
        """An item that is not a JSON object is reported as '(event)'."""
        with pytest.raises(InvalidEvents) as info:
            validate([raw_event(), item])
        assert info.value.problems == (FieldProblem(1, "(event)", "must be a JSON object"),)

    def test_message_and_dict_form(self) -> None:
        """str() joins 'event[i].field: problem'; as_dict gives the JSON shape."""
        with pytest.raises(InvalidEvents) as info:
            validate([raw_event(extra="x"), 5])
        assert str(info.value) == (
            "event[0].extra: Extra inputs are not permitted; "
            "event[1].(event): must be a JSON object"
        )
        assert info.value.problems[1].as_dict() == {
            "index": 1,
            "field": "(event)",
            "problem": "must be a JSON object",
        }

    def test_invalid_events_is_a_value_error(self) -> None:
        """Callers that only know ValueError still see validation failures."""
        assert issubclass(InvalidEvents, ValueError)

    def test_out_of_range_timestamp_is_an_invalid_event(self) -> None:
        """A created_at that cannot be converted to UTC is a field problem, not a crash."""
        with pytest.raises(InvalidEvents) as info:
            validate([raw_event(created_at="0001-01-01T00:00:00+01:00")])
        assert info.value.problems[0].field == "created_at"

    def test_follower_count_beyond_int64_is_an_invalid_event(self) -> None:
        """A follower count the contract cannot carry is rejected at validation."""
        with pytest.raises(InvalidEvents) as info:
            validate([raw_event(author={"id": "u", "followers_count": 2**63})])
        assert info.value.problems[0].field == "author.followers_count"


class TestPublish:
    async def test_new_event_is_produced_keyed_by_conversation(self) -> None:
        """One new event: one message on social.events.v1, keyed by conversation_key."""
        send = FakeSend()
        result = await make_publisher(send).publish([event("m2", thread_id="root")])
        assert result == [Accepted("x:m2", "x:root", duplicate=False)]
        assert len(send.calls) == 1
        topic, items = send.calls[0]
        assert topic == "social.events.v1"
        assert [key for key, _ in items] == ["x:root"]

    async def test_produced_value_is_the_serialized_social_event(self) -> None:
        """The value is the event's SocialEvent, stamped with the wall clock's received_at."""
        send = FakeSend()
        ev = event("m3")
        await make_publisher(send).publish([ev])
        [(_key, produced)] = send.produced
        assert produced == ev.to_proto(WALL)
        assert produced.received_at.ToDatetime(tzinfo=UTC) == WALL

    async def test_batch_is_sent_in_one_call_in_order(self) -> None:
        """A batch of new events goes out as one send_many, preserving order."""
        send = FakeSend()
        await make_publisher(send).publish([event("a"), event("b"), event("c")])
        assert len(send.calls) == 1
        assert send.produced_ids() == ["x:a", "x:b", "x:c"]

    async def test_replies_share_their_thread_key(self) -> None:
        """Messages of one thread share the key, so they land in one partition."""
        send = FakeSend()
        await make_publisher(send).publish(
            [event("root"), event("r1", thread_id="root"), event("r2", thread_id="root")]
        )
        assert [key for key, _ in send.calls[0][1]] == ["x:root"] * 3

    async def test_duplicates_within_a_batch_are_produced_once(self) -> None:
        """The second copy of an id in one batch is flagged duplicate and not sent."""
        send = FakeSend()
        result = await make_publisher(send).publish([event("a"), event("b"), event("a")])
        assert [(r.event_id, r.duplicate) for r in result] == [
            ("x:a", False),
            ("x:b", False),
            ("x:a", True),
        ]
        assert send.produced_ids() == ["x:a", "x:b"]

    async def test_duplicate_across_calls_is_not_produced_again(self) -> None:
        """A retry of an accepted event is acknowledged as duplicate without a send."""
        send = FakeSend()
        publisher = make_publisher(send)
        await publisher.publish([event("a")])
        again = await publisher.publish([event("a")])
        assert again == [Accepted("x:a", "x:a", duplicate=True)]
        assert len(send.calls) == 1

    async def test_mixed_batch_sends_only_new_events(self) -> None:
        """Known ids in a later batch are skipped; the new ones are produced."""
        send = FakeSend()
        publisher = make_publisher(send)
        await publisher.publish([event("a")])
        result = await publisher.publish([event("a"), event("b")])
        assert [r.duplicate for r in result] == [True, False]
        assert send.produced_ids() == ["x:a", "x:b"]
        assert len(send.calls) == 2

    async def test_duplicate_is_produced_again_after_the_dedup_window(self) -> None:
        """Once the id has expired from RecentIds the event is produced again."""
        send = FakeSend()
        clock = FakeClock(1000.0)
        publisher = make_publisher(send, clock, ttl_s=60)
        await publisher.publish([event("a")])
        clock.now += 30
        assert (await publisher.publish([event("a")]))[0].duplicate is True
        clock.now += 61
        assert (await publisher.publish([event("a")]))[0].duplicate is False
        assert send.produced_ids() == ["x:a", "x:a"]

    async def test_same_message_id_on_other_platform_is_not_a_duplicate(self) -> None:
        """Event ids include the platform, so equal message ids on two platforms differ."""
        send = FakeSend()
        result = await make_publisher(send).publish([event("42"), event("42", platform="facebook")])
        assert [r.duplicate for r in result] == [False, False]
        assert send.produced_ids() == ["x:42", "facebook:42"]

    async def test_failing_send_propagates_and_nothing_is_recorded(self) -> None:
        """BrokerUnavailable reaches the caller; a retry produces the events."""
        send = FakeSend()
        send.fail_with = BrokerUnavailable("no ack")
        publisher = make_publisher(send)
        with pytest.raises(BrokerUnavailable):
            await publisher.publish([event("a"), event("b")])
        send.fail_with = None
        result = await asyncio.wait_for(publisher.publish([event("a"), event("b")]), WAIT)
        assert [r.duplicate for r in result] == [False, False]
        assert len(send.calls) == 2
        assert send.calls[0] == send.calls[1]

    async def test_all_duplicate_batch_makes_no_send(self) -> None:
        """When every event is a duplicate, the producer is not called at all."""
        send = FakeSend()
        publisher = make_publisher(send)
        await publisher.publish([event("a")])
        send.fail_with = BrokerUnavailable("down")  # would raise if called
        assert (await publisher.publish([event("a"), event("a")]))[1].duplicate is True
        assert len(send.calls) == 1


class TestConcurrentPublish:
    async def test_concurrent_duplicate_waits_for_in_flight_send(self) -> None:
        """A duplicate arriving during the first send waits for its ack; produced once."""
        send = FakeSend()
        send.gate = asyncio.Event()
        publisher = make_publisher(send)
        first = asyncio.create_task(publisher.publish([event("a")]))
        await asyncio.wait_for(send.entered.wait(), WAIT)
        second = asyncio.create_task(publisher.publish([event("a")]))
        await asyncio.sleep(0.01)
        assert not second.done(), "the duplicate must not answer before the first send's ack"
        send.gate.set()
        r1, r2 = await asyncio.wait_for(asyncio.gather(first, second), WAIT)
        assert r1 == [Accepted("x:a", "x:a", duplicate=False)]
        assert r2 == [Accepted("x:a", "x:a", duplicate=True)]
        assert send.produced_ids() == ["x:a"]

    async def test_concurrent_duplicate_with_new_event_sends_only_the_new_one(self) -> None:
        """A batch mixing an in-flight id and a new id sends the new one and waits."""
        send = FakeSend()
        send.gate = asyncio.Event()
        publisher = make_publisher(send)
        first = asyncio.create_task(publisher.publish([event("a")]))
        await asyncio.wait_for(send.entered.wait(), WAIT)
        second = asyncio.create_task(publisher.publish([event("a"), event("b")]))
        await asyncio.sleep(0.01)
        send.gate.set()
        _, r2 = await asyncio.wait_for(asyncio.gather(first, second), WAIT)
        assert [r.duplicate for r in r2] == [True, False]
        assert send.produced_ids() == ["x:a", "x:b"]

    async def test_concurrent_duplicate_sees_the_first_send_fail(self) -> None:
        """If the in-flight send fails, the waiting duplicate fails too; a retry produces."""
        send = FakeSend()
        send.gate = asyncio.Event()
        send.fail_with = BrokerUnavailable("no ack")
        publisher = make_publisher(send)
        first = asyncio.create_task(publisher.publish([event("a")]))
        await asyncio.wait_for(send.entered.wait(), WAIT)
        second = asyncio.create_task(publisher.publish([event("a")]))
        await asyncio.sleep(0.01)
        send.gate.set()
        results = await asyncio.wait_for(
            asyncio.gather(first, second, return_exceptions=True), WAIT
        )
        assert all(isinstance(r, BrokerUnavailable) for r in results)
        send.gate, send.fail_with = None, None
        retry = await asyncio.wait_for(publisher.publish([event("a")]), WAIT)
        assert retry[0].duplicate is False
        assert send.produced_ids() == ["x:a", "x:a"]  # one failed attempt, one success

    async def test_conversion_error_does_not_leave_ids_in_flight(self) -> None:
        """After a batch fails to convert, its other events can still be published."""
        send = FakeSend()
        publisher = make_publisher(send)
        # Validation rejects this count; constructing without it checks the publisher's
        # own guard against encoding errors.
        valid = event("big")
        too_many = valid.model_copy(
            update={"author": valid.author.model_copy(update={"followers_count": 2**63})}
        )
        with pytest.raises(ValueError, match="out of range"):
            await publisher.publish([event("a"), too_many])
        result = await asyncio.wait_for(publisher.publish([event("a")]), 0.2)
        assert result[0].duplicate is False
        assert send.produced_ids() == ["x:a"]
