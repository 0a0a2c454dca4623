"""The ingest use case: validate, drop duplicates, produce, answer after the ack.

Transport-free: HTTP and gRPC adapters call :meth:`Publisher.publish` and map its
exceptions to 4xx/INVALID_ARGUMENT and 503/UNAVAILABLE.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from carerouter.common import topics
from carerouter.ingest.dedup import RecentIds
from carerouter.ingest.schema import EventIn

SendMany = Callable[[str, list[tuple[str, bytes]]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    index: int
    field: str
    problem: str

    def as_dict(self) -> dict[str, Any]:
        return {"index": self.index, "field": self.field, "problem": self.problem}

    def __str__(self) -> str:
        return f"event[{self.index}].{self.field}: {self.problem}"


class InvalidEvents(ValueError):
    """At least one event of a request is invalid; nothing of the request was produced."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@dataclass(frozen=True, slots=True)
class Accepted:
    event_id: str
    conversation_key: str
    duplicate: bool


def validate(raw: Sequence[Any]) -> list[EventIn]:
    """Validate every item; raises InvalidEvents naming each field and problem."""
    events: list[EventIn] = []
    problems: list[FieldProblem] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            problems.append(FieldProblem(index, "(event)", "must be a JSON object"))
            continue
        try:
            events.append(EventIn.model_validate(item))
        except ValidationError as exc:
            for error in exc.errors():
                field = ".".join(str(part) for part in error["loc"]) or "(event)"
                problems.append(FieldProblem(index, field, error["msg"]))
    if problems:
        raise InvalidEvents(problems)
    return events


class Publisher:
    """Produces validated events to ``social.events.v1`` exactly once per event id
    (within the dedup window), answering only after Kafka acknowledged."""

    def __init__(
        self,
        send_many: SendMany,
        recent: RecentIds,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._send_many = send_many
        self._recent = recent
        self._clock = clock
        self._wall_clock = wall_clock
        # Sends in flight by event id: a duplicate arriving meanwhile waits for the
        # first one's outcome instead of producing a second copy.
        self._in_flight: dict[str, asyncio.Future[None]] = {}

    async def publish(self, events: Sequence[EventIn]) -> list[Accepted]:
        now = self._clock()
        received_at = self._wall_clock()
        to_send: list[tuple[str, bytes]] = []
        waits: list[asyncio.Future[None]] = []
        mine: dict[str, asyncio.Future[None]] = {}
        results: list[Accepted] = []
        for event in events:
            event_id = event.event_id
            duplicate = event_id in mine or self._recent.seen(event_id, now)
            if not duplicate and event_id in self._in_flight:
                waits.append(self._in_flight[event_id])
                duplicate = True
            if not duplicate:
                # Encode before registering as in flight: an encoding error must not
                # leave a future behind that later duplicates would wait on forever.
                payload = event.to_proto(received_at).SerializeToString()
                future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
                mine[event_id] = future
                to_send.append((event.conversation_key, payload))
            results.append(Accepted(event_id, event.conversation_key, duplicate))
        self._in_flight.update(mine)
        try:
            if to_send:
                await self._send_many(topics.SOCIAL_EVENTS, to_send)
        except BaseException as exc:
            for event_id, future in mine.items():
                del self._in_flight[event_id]
                future.set_exception(exc)
                future.exception()  # mark retrieved: waiters re-raise it themselves
            raise
        for event_id, future in mine.items():
            del self._in_flight[event_id]
            self._recent.add(event_id, self._clock())
            future.set_result(None)
        if waits:
            await asyncio.gather(*waits)
        return results
