"""Value types returned by the classifier."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

INTENTS: Final[tuple[str, ...]] = ("defect", "order", "complaint", "praise", "question", "other")

# fmt: off
PII_TYPES: Final[tuple[str, ...]] = (
    "email", "phone", "card", "iban", "account_id", "order_id", "address", "password",
    "national_id", "dob", "health",
)
# fmt: on


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """Personal data found in a post: ``text[start:end]`` is of kind ``type``."""

    type: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ClassificationResult:
    """Everything the classifier concluded about one post."""

    intent: str
    scores: dict[str, float]
    confidence: float
    needs_review: bool
    sensitive: bool
    pii: tuple[PiiSpan, ...]
    sensitive_reasons: tuple[str, ...]
    lang: str
    sentiment: str
    sentiment_score: float
    explanation: tuple[str, ...]
    masked_text: str
    # "lexicon" (clear case, decided by the lexicon model) or "encoder" (trained head)
    intent_source: str = "lexicon"
