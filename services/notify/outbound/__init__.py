"""Outbound senders: the brand's replies and private messages, out to each platform.

The route service's OutboundActions are split into deliveries
(:func:`~carerouter.notify.outbound.sender.deliveries`) and handed to the sender of their
platform (:func:`~carerouter.notify.outbound.registry.build_senders`). Nothing here knows
about Kafka or faust; see ``docs/outbound.md``.
"""

from carerouter.notify.outbound.http import (
    GetFn,
    HttpAnswer,
    PostFn,
    aiohttp_get,
    aiohttp_post,
)
from carerouter.notify.outbound.idempotency import IdempotencyStore, InMemoryIdempotencyStore
from carerouter.notify.outbound.meta import META_API_BASE, MetaGraphSender
from carerouter.notify.outbound.recording import RecordingSender
from carerouter.notify.outbound.registry import (
    FallbackSender,
    MetaOutbound,
    OutboundConfig,
    RetryConfig,
    SenderMap,
    XOutbound,
    build_senders,
)
from carerouter.notify.outbound.sender import (
    ALL_PLATFORMS,
    OutboundDelivery,
    Sender,
    SendResult,
    SendStatus,
    deliveries,
    send_action,
)
from carerouter.notify.outbound.x import X_API_BASE, XSender

__all__ = [
    "ALL_PLATFORMS",
    "META_API_BASE",
    "X_API_BASE",
    "FallbackSender",
    "GetFn",
    "HttpAnswer",
    "IdempotencyStore",
    "InMemoryIdempotencyStore",
    "MetaGraphSender",
    "MetaOutbound",
    "OutboundConfig",
    "OutboundDelivery",
    "PostFn",
    "RecordingSender",
    "RetryConfig",
    "SendResult",
    "SendStatus",
    "Sender",
    "SenderMap",
    "XOutbound",
    "XSender",
    "aiohttp_get",
    "aiohttp_post",
    "build_senders",
    "deliveries",
    "send_action",
]
