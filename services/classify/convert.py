"""Maps the classifier's domain result onto the Classification contract."""

from __future__ import annotations

from carerouter.classify.domain import ClassificationResult
from carerouter.v1 import events_pb2

INTENT_ENUM: dict[str, int] = {
    "defect": events_pb2.INTENT_DEFECT,
    "order": events_pb2.INTENT_ORDER,
    "complaint": events_pb2.INTENT_COMPLAINT,
    "praise": events_pb2.INTENT_PRAISE,
    "question": events_pb2.INTENT_QUESTION,
    "other": events_pb2.INTENT_OTHER,
}
INTENT_NAME = {v: k for k, v in INTENT_ENUM.items()}
SENTIMENT_ENUM: dict[str, int] = {
    "negative": events_pb2.SENTIMENT_NEGATIVE,
    "neutral": events_pb2.SENTIMENT_NEUTRAL,
    "positive": events_pb2.SENTIMENT_POSITIVE,
}
SENTIMENT_NAME = {v: k for k, v in SENTIMENT_ENUM.items()}
MODEL_VERSION = "lexicon-v1"


def to_proto(event_id: str, result: ClassificationResult) -> events_pb2.Classification:
    return events_pb2.Classification(
        event_id=event_id,
        intent=INTENT_ENUM[result.intent],  # type: ignore[arg-type]
        scores=result.scores,
        confidence=result.confidence,
        needs_review=result.needs_review,
        sensitive=result.sensitive,
        pii=[events_pb2.PiiSpan(type=s.type, start=s.start, end=s.end) for s in result.pii],
        sensitive_reasons=result.sensitive_reasons,
        lang=result.lang,
        sentiment=SENTIMENT_ENUM[result.sentiment],  # type: ignore[arg-type]
        sentiment_score=result.sentiment_score,
        explanation=result.explanation,
        masked_text=result.masked_text,
        model_version=MODEL_VERSION,
    )
