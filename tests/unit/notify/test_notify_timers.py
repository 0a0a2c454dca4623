"""SlaTimers: due notifications fire once, at their time, and survive a rebalance."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from google.protobuf.timestamp_pb2 import Timestamp

from carerouter.notify.agent import SlaTimers
from carerouter.notify.clocks import Planned
from carerouter.v1 import events_pb2

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def case(n: int, version: int = 1) -> events_pb2.Case:
    stamp = Timestamp()
    stamp.FromDatetime(T0)
    return events_pb2.Case(
        case_id=f"x:{n}#1",
        conversation_key=f"x:{n}",
        status=events_pb2.CASE_STATUS_OPEN,
        opened_at=stamp,
        clock_started_at=stamp,
        version=version,
        assignment=events_pb2.Assignment(queue="q", first_response_target_seconds=60),
    )


class Recorder:
    def __init__(self) -> None:
        self.ids: list[str] = []

    async def __call__(self, _key: bytes, planned: Planned, _now: datetime) -> None:
        self.ids.append(planned.sla_event_id)


class TestSlaTimers:
    async def test_each_notification_fires_once_at_its_time(self) -> None:
        """Nothing before the warning; warning then breach; a redelivered snapshot and a
        second pass publish nothing more."""
        published = Recorder()
        timers = SlaTimers({}, {}, dict, published)
        timers.on_case(b"x:1", case(1))
        assert await timers.fire(T0 + timedelta(seconds=10)) == 0
        assert await timers.fire(T0 + timedelta(seconds=50)) == 1
        timers.on_case(b"x:1", case(1))  # redelivered: same version
        assert await timers.fire(T0 + timedelta(seconds=61)) == 1
        await timers.rebuild_gradually()
        assert await timers.fire(T0 + timedelta(seconds=120)) == 0
        assert published.ids == [
            "x:1#1/first_response/warning-1/0",
            "x:1#1/first_response/breach/0",
        ]

    async def test_due_while_partitions_are_revoked_fires_after_the_rebalance(self) -> None:
        """During a rebalance every partition is briefly revoked: what comes due then is
        parked, not lost, and fires once ownership is back."""
        owned = {"yes": True}
        published = Recorder()
        timers = SlaTimers({}, {}, dict, published, owns=lambda _key: owned["yes"])
        timers.on_case(b"x:1", case(1))
        owned["yes"] = False
        assert await timers.fire(T0 + timedelta(seconds=61)) == 0
        owned["yes"] = True
        timers.sync_ownership()
        assert await timers.fire(T0 + timedelta(seconds=62)) == 2

    async def test_lost_partitions_stop_notifying(self) -> None:
        """Cases whose partition moved to another worker are not notified here."""
        published = Recorder()
        timers = SlaTimers({}, {}, dict, published, owns=lambda key: key != b"x:2")
        timers.on_case(b"x:1", case(1))
        timers.on_case(b"x:2", case(2))
        timers.sync_ownership()
        await timers.fire(T0 + timedelta(seconds=61))
        assert {i.split("/")[0] for i in published.ids} == {"x:1#1"}

    def test_time_to_breach_per_queue(self) -> None:
        """The nearest future breach per queue, in seconds."""
        timers = SlaTimers({}, {}, dict, Recorder())
        timers.on_case(b"x:1", case(1))
        assert timers.time_to_breach(T0 + timedelta(seconds=20)) == {"q": 40.0}


class TestHousekeeping:
    async def test_resolved_case_without_pending_notifications_is_forgotten(self) -> None:
        """Once resolved with nothing owed, the case leaves the clocks table."""
        published = Recorder()
        clocks: dict[bytes, bytes] = {}
        timers = SlaTimers(clocks, {}, dict, published)
        timers.on_case(b"x:1", case(1))
        await timers.fire(T0 + timedelta(seconds=61))
        resolved = case(1, 2)
        resolved.status = events_pb2.CASE_STATUS_RESOLVED
        resolved.resolved_at.FromDatetime(T0 + timedelta(seconds=90))
        resolved.first_responded_at.FromDatetime(T0 + timedelta(seconds=90))
        timers.on_case(b"x:1", resolved)
        assert clocks == {}
