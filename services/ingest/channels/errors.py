"""The errors of the channel adapters; each names what was wrong, briefly and specifically."""

from __future__ import annotations


class ChannelError(Exception):
    """Base of every error this package raises on purpose."""


class SignatureError(ChannelError):
    """A delivery or handshake failed authentication (HTTP 401/403, emit nothing)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class UnknownTopic(ChannelError):
    """A WebSub intent verification for a subscription we did not ask for (HTTP 404)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class DeliveryError(ChannelError):
    """A delivery whose body cannot be read: ``field`` is the JSON path of the problem.

    Paths look like ``entry[0].changes[1].value.from.id``; ``$`` is the whole body.
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field or "$"
        self.problem = problem
        super().__init__(f"{self.field}: {problem}")
