"""The classify stream: SocialEvent in, ClassifiedEvent out, failures dead-lettered."""

from __future__ import annotations

from typing import Any

import faust

from carerouter.classify.convert import INTENT_NAME, to_proto
from carerouter.classify.domain import Classifier
from carerouter.common import topics
from carerouter.common.metrics import Metrics
from carerouter.common.streams import DeadLetters, PoisonMessage, decode, process_each
from carerouter.v1 import events_pb2


def decode_event(raw: bytes | None) -> events_pb2.SocialEvent:
    event = decode(events_pb2.SocialEvent, raw)
    if not event.event_id or not event.conversation_key:
        raise PoisonMessage("SocialEvent without event_id or conversation_key")
    return event


def register(app: faust.App, classifier: Classifier, metrics: Metrics) -> None:
    source = app.topic(topics.SOCIAL_EVENTS, key_type=bytes, value_type=bytes)
    sink = app.topic(topics.CLASSIFIED, key_type=bytes, value_type=bytes)
    dead_letters = DeadLetters(
        app, "classify", metrics, {topics.SOCIAL_EVENTS: events_pb2.SocialEvent}
    )

    async def handle(event: faust.EventT[Any]) -> None:
        social = decode_event(event.value)
        result = classifier.classify(social.text, lang_hint=social.lang_hint or None)
        classification = to_proto(social.event_id, result)
        out = events_pb2.ClassifiedEvent(event=social, classification=classification)
        await sink.send(key=social.conversation_key.encode(), value=out.SerializeToString())
        metrics.classified.labels(
            INTENT_NAME[classification.intent], result.lang, str(result.sensitive).lower()
        ).inc()
        metrics.events_out.labels("classify", topics.CLASSIFIED).inc()

    @app.agent(source, name="classify")
    async def classify(stream: faust.StreamT[Any]) -> None:
        await process_each(stream, handle, dead_letters, metrics, "classify")
