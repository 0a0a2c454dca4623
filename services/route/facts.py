"""What the policy sees of a classified event (contract message → domain facts)."""

from __future__ import annotations

from datetime import UTC

from carerouter.classify.convert import INTENT_NAME, SENTIMENT_NAME
from carerouter.ingest.schema import KIND_NAMES, PLATFORM_NAMES
from carerouter.route.policy import MessageFacts
from carerouter.v1 import events_pb2


def facts_of(item: events_pb2.ClassifiedEvent) -> MessageFacts:
    event, cls = item.event, item.classification
    return MessageFacts(
        intent=INTENT_NAME.get(cls.intent, "other"),
        sensitive=cls.sensitive,
        pii_types=frozenset(span.type for span in cls.pii),
        lang=cls.lang,
        sentiment=SENTIMENT_NAME.get(cls.sentiment, "neutral"),
        confidence=cls.confidence,
        needs_review=cls.needs_review,
        platform=PLATFORM_NAMES.get(event.platform, "unknown"),
        surface="private" if event.surface == events_pb2.SURFACE_PRIVATE else "public",
        kind=KIND_NAMES.get(event.kind, "unknown"),
        followers=event.author.followers_count,
        verified=event.author.verified,
        masked_text=cls.masked_text or event.text,
        brand_handle=event.brand_handle,
        author_id=event.author.id,
        author_handle=event.author.handle,
        at=event.created_at.ToDatetime(tzinfo=UTC) if event.HasField("created_at") else None,
    )
