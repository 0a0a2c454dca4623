"""What an outbound sender is given and what it answers.

An :class:`~carerouter.v1.events_pb2.OutboundAction` of the route service holds one or
more messages (a public acknowledgement, a private opening, a public close-the-loop). Each
message becomes one :class:`OutboundDelivery` with a stable ``delivery_id`` of
``f"{action_id}/{index}"``: a repeated action (Kafka is at least once) yields the same ids,
which is what every sender deduplicates on. A :class:`Sender` sends one delivery and
answers with a :class:`SendResult`; it does not raise for platform or network failures
(those end as ``dead_lettered``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from carerouter.v1 import events_pb2

PlatformName = Literal["x", "facebook", "instagram", "youtube", "trustpilot", "google_reviews"]
KindName = Literal[
    "unspecified", "public_acknowledgement", "private_message", "public_close_the_loop"
]
SurfaceName = Literal["public", "private"]
SendStatus = Literal["sent", "duplicate", "dead_lettered"]

PLATFORM_NAMES: dict[int, PlatformName] = {
    events_pb2.PLATFORM_X: "x",
    events_pb2.PLATFORM_FACEBOOK: "facebook",
    events_pb2.PLATFORM_INSTAGRAM: "instagram",
    events_pb2.PLATFORM_YOUTUBE: "youtube",
    events_pb2.PLATFORM_TRUSTPILOT: "trustpilot",
    events_pb2.PLATFORM_GOOGLE_REVIEWS: "google_reviews",
}
ALL_PLATFORMS: tuple[PlatformName, ...] = tuple(PLATFORM_NAMES.values())

KIND_NAMES: dict[int, KindName] = {
    events_pb2.OUTBOUND_KIND_UNSPECIFIED: "unspecified",
    events_pb2.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT: "public_acknowledgement",
    events_pb2.OUTBOUND_KIND_PRIVATE_MESSAGE: "private_message",
    events_pb2.OUTBOUND_KIND_PUBLIC_CLOSE_THE_LOOP: "public_close_the_loop",
}


@dataclass(frozen=True, slots=True)
class OutboundDelivery:
    """One message of an OutboundAction, ready for a sender.

    ``surface`` is the message's own surface; when the route service left it unspecified
    it follows from ``kind`` (a private message is private, everything else public).
    """

    delivery_id: str
    """``f"{action_id}/{index}"``: stable across repeats of the action."""
    action_id: str
    index: int
    case_id: str
    platform: str
    """A :data:`PlatformName`, or ``"unknown(N)"`` for a platform number not known here."""
    conversation_key: str
    kind: KindName
    surface: SurfaceName
    reply_to_message_id: str
    """The platform id of the message answered (a comment, post or tweet); may be empty."""
    recipient_author_id: str
    """The platform id of the person a private message goes to; may be empty."""
    text: str
    lang: str

    @property
    def is_public(self) -> bool:
        return self.surface == "public"


@dataclass(frozen=True, slots=True)
class SendResult:
    """How one delivery fared.

    ``attempts`` counts the requests that tried to create the message on the platform
    (0 when nothing needed sending). ``reason`` says why it was dead-lettered or
    recognised as a duplicate (for ``sent``: a short note, may be empty). ``warning`` is
    set when the delivery was handled other than configured, for instance recorded
    because live mode lacks the platform's credentials.
    """

    delivery_id: str
    status: SendStatus
    platform_message_id: str | None
    attempts: int
    reason: str
    warning: str | None = None


@runtime_checkable
class Sender(Protocol):
    """Sends one delivery; never raises for platform or network failures."""

    async def send(self, message: OutboundDelivery) -> SendResult: ...


def platform_name(platform: int) -> str:
    return PLATFORM_NAMES.get(platform, f"unknown({platform})")


def _surface(message: events_pb2.OutboundMessage) -> SurfaceName:
    if message.surface == events_pb2.SURFACE_PRIVATE:
        return "private"
    if message.surface == events_pb2.SURFACE_PUBLIC:
        return "public"
    return "private" if message.kind == events_pb2.OUTBOUND_KIND_PRIVATE_MESSAGE else "public"


def deliveries(action: events_pb2.OutboundAction) -> list[OutboundDelivery]:
    """The deliveries of ``action``, in message order. Raises ``ValueError`` for an action
    without ``action_id`` (its deliveries could not be deduplicated)."""
    if not action.action_id:
        raise ValueError("OutboundAction without action_id: its deliveries have no stable id")
    platform = platform_name(action.platform)
    return [
        OutboundDelivery(
            delivery_id=f"{action.action_id}/{index}",
            action_id=action.action_id,
            index=index,
            case_id=action.case_id,
            platform=platform,
            conversation_key=action.conversation_key,
            kind=KIND_NAMES.get(message.kind, "unspecified"),
            surface=_surface(message),
            reply_to_message_id=message.reply_to_message_id,
            recipient_author_id=message.recipient_author_id,
            text=message.text,
            lang=message.lang,
        )
        for index, message in enumerate(action.messages)
    ]


async def send_action(
    action: events_pb2.OutboundAction, senders: Mapping[str, Sender]
) -> list[SendResult]:
    """Send every message of ``action`` through the sender of its platform, one after the
    other. A message whose platform has no sender, or an action without ``action_id``,
    gives ``dead_lettered`` results instead of an exception."""
    if not action.action_id:
        return [
            SendResult(f"?/{index}", "dead_lettered", None, 0, "action without action_id")
            for index in range(len(action.messages))
        ]
    results: list[SendResult] = []
    for delivery in deliveries(action):
        sender = senders.get(delivery.platform)
        if sender is None:
            reason = f"no sender for platform {delivery.platform}"
            results.append(SendResult(delivery.delivery_id, "dead_lettered", None, 0, reason))
            continue
        results.append(await sender.send(delivery))
    return results
