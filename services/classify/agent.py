"""The classify stream: SocialEvent in, ClassifiedEvent out, failures dead-lettered.

Events are classified in micro-batches (up to ``batch_size`` that arrive within
``batch_wait_s``): the sentence encoder costs about a third as much per post in a batch as one
post at a time (docs/classifier.md), which is what lets one pod keep up with a peak. A batch
waits at most ``batch_wait_s`` for company, a small price next to SLAs counted in minutes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import faust

from carerouter.classify.convert import INTENT_NAME, to_proto
from carerouter.classify.domain import ClassificationResult, Classifier
from carerouter.common import topics
from carerouter.common.metrics import Metrics
from carerouter.common.streams import DeadLetters, PoisonMessage, decode, process_batches
from carerouter.v1 import events_pb2


def decode_event(raw: bytes | None) -> events_pb2.SocialEvent:
    event = decode(events_pb2.SocialEvent, raw)
    if not event.event_id or not event.conversation_key:
        raise PoisonMessage("SocialEvent without event_id or conversation_key")
    return event


def classify_all(
    classifier: Classifier, posts: Sequence[events_pb2.SocialEvent]
) -> list[ClassificationResult | Exception]:
    """One result per post: a batch, or post by post if the batch fails (so one bad post only
    fails itself)."""
    texts = [p.text for p in posts]
    hints = [p.lang_hint or None for p in posts]
    try:
        return list(classifier.classify_batch(texts, hints))
    except Exception:  # noqa: BLE001 - find the post that fails, keep the others
        out: list[ClassificationResult | Exception] = []
        for text, hint in zip(texts, hints, strict=True):
            try:
                out.append(classifier.classify(text, lang_hint=hint))
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
        return out


def register(
    app: faust.App,
    classifier: Classifier,
    metrics: Metrics,
    *,
    batch_size: int = 64,
    batch_wait_s: float = 0.02,
) -> None:
    source = app.topic(topics.SOCIAL_EVENTS, key_type=bytes, value_type=bytes)
    sink = app.topic(topics.CLASSIFIED, key_type=bytes, value_type=bytes)
    dead_letters = DeadLetters(
        app, "classify", metrics, {topics.SOCIAL_EVENTS: events_pb2.SocialEvent}
    )

    async def emit(social: events_pb2.SocialEvent, result: ClassificationResult) -> None:
        classification = to_proto(social.event_id, result)
        out = events_pb2.ClassifiedEvent(event=social, classification=classification)
        await sink.send(key=social.conversation_key.encode(), value=out.SerializeToString())
        metrics.classified.labels(
            INTENT_NAME[classification.intent], result.lang, str(result.sensitive).lower()
        ).inc()
        metrics.events_out.labels("classify", topics.CLASSIFIED).inc()

    async def handle(events: Sequence[faust.EventT[Any]]) -> None:
        decoded: list[tuple[faust.EventT[Any], events_pb2.SocialEvent]] = []
        for event in events:
            try:
                decoded.append((event, decode_event(event.value)))
            except PoisonMessage as exc:
                await dead_letters.send(event, exc)
        results = classify_all(classifier, [social for _, social in decoded])
        for (event, social), result in zip(decoded, results, strict=True):
            try:
                if isinstance(result, Exception):
                    raise result
                await emit(social, result)
            except Exception as exc:  # noqa: BLE001 - dead-letter this event, go on
                await dead_letters.send(event, exc)

    @app.agent(source, name="classify")
    async def classify(stream: faust.StreamT[Any]) -> None:
        await process_batches(
            stream,
            handle,
            dead_letters,
            metrics,
            "classify",
            max_batch=batch_size,
            within_s=batch_wait_s,
        )
