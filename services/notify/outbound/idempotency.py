"""Which deliveries already reached their platform, and as which platform message.

The live senders read the store before sending and write it after a success (or after
finding that an earlier, ambiguous attempt did post). In production it is backed by a
table that survives restarts (a faust table keyed by ``delivery_id``); the in-memory
store serves tests and single-process runs.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class IdempotencyStore(Protocol):
    def get(self, delivery_id: str) -> str | None:
        """The platform message id recorded for ``delivery_id``, or ``None`` if none.
        An empty string means "sent, but the platform gave no id"."""
        ...

    def put(self, delivery_id: str, platform_message_id: str) -> None: ...


class InMemoryIdempotencyStore:
    """A dict: lost on restart."""

    def __init__(self) -> None:
        self._sent: dict[str, str] = {}

    def get(self, delivery_id: str) -> str | None:
        return self._sent.get(delivery_id)

    def put(self, delivery_id: str, platform_message_id: str) -> None:
        self._sent[delivery_id] = platform_message_id

    def __len__(self) -> int:
        return len(self._sent)

    def __contains__(self, delivery_id: object) -> bool:
        return delivery_id in self._sent
