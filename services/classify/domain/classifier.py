"""The classifier: language, intent, sensitivity, PII and sentiment for one post."""

from __future__ import annotations

from functools import lru_cache

from .intent import IntentModel
from .language import LanguageDetector
from .masking import mask
from .pii import PiiFinding, detect_pii
from .results import ClassificationResult
from .sensitive import SensitiveTopics
from .sentiment import SentimentModel
from .text import prepare


@lru_cache(maxsize=1)
def _models() -> tuple[LanguageDetector, IntentModel, SensitiveTopics, SentimentModel]:
    # compiling the lexicons takes a moment; share one set across classifiers
    return LanguageDetector(), IntentModel(), SensitiveTopics(), SentimentModel()


class Classifier:
    """Rule- and lexicon-based classifier for customer-care posts.

    Pure Python and thread-safe; construct once and reuse. ``needs_review`` is set
    when the winning intent's probability is below ``review_threshold``.
    """

    def __init__(self, review_threshold: float = 0.5) -> None:
        if not 0.0 <= review_threshold <= 1.0:
            raise ValueError("review_threshold must be between 0 and 1")
        self.review_threshold = review_threshold
        self._language, self._intent, self._topics, self._sentiment = _models()

    def warm_up(self) -> None:
        """Load lazily initialised resources (the language model) ahead of traffic."""
        self._language.warm_up()

    def classify(self, text: str, *, lang_hint: str | None = None) -> ClassificationResult:
        """Classify one post. ``lang_hint`` (e.g. platform metadata) wins when plausible."""
        prepared = prepare(text)
        lang = self._language.detect(text, lang_hint)
        intent = self._intent.score(prepared, lang)
        topics = self._topics.detect(prepared, lang)
        health = [f for f in (hit.as_pii() for hit in topics) if f is not None]
        findings = detect_pii(text, lang, extra=health)
        sentiment = self._sentiment.score(prepared, lang, sarcastic=intent.sarcastic)

        reasons = _unique(
            [f.reason for f in findings if f.sensitive] + [hit.reason for hit in topics]
        )
        explanation = (
            *intent.explanation(),
            *_pii_lines(findings),
            *(hit.describe() for hit in topics if hit.reason != "health information"),
        )
        confidence = intent.scores[intent.intent]
        spans = tuple(f.span for f in findings)
        return ClassificationResult(
            intent=intent.intent,
            scores=intent.scores,
            confidence=confidence,
            needs_review=confidence < self.review_threshold,
            sensitive=bool(reasons),
            pii=spans,
            sensitive_reasons=reasons,
            lang=lang,
            sentiment=sentiment.label,
            sentiment_score=sentiment.score,
            explanation=explanation,
            masked_text=mask(text, spans),
        )


def _pii_lines(findings: list[PiiFinding]) -> list[str]:
    return [f.describe() for f in findings]


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
