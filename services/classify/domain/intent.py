"""Intent scoring: weighted lexicon evidence, then a softmax over the intents.

Every matched lexicon phrase adds its weight to its intent; ``other`` starts with a
prior so that a post without evidence lands there. Question marks and question
words count towards ``question`` only when no failure (``defect``) is reported.
Sarcasm cues turn praise words into complaint evidence.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from .lexicon import INTENT_LEXICON, QUESTION_CUES, SARCASM_CUES, CueLexicon, Lexicon
from .matcher import PhraseMatcher
from .results import INTENTS
from .text import Prepared

MAX_EXPLAINED: Final = 5


@dataclass(frozen=True, slots=True)
class LexEntry:
    """Payload of a phrase: which intent it supports, in which language, and
    whether it is plain lexicon evidence, a question cue or a sarcasm cue."""

    intent: str
    lang: str
    weight: float
    kind: str = "lexicon"


@dataclass(slots=True)  # not frozen: built ~20 times per post, and that is measurable
class Evidence:
    """One reason an intent gained score."""

    intent: str
    rule: str  # "lexicon", "question-mark", "question-word", "sarcasm", "sarcasm-flip"
    text: str
    lang: str
    weight: float

    def describe(self) -> str:
        """Human-readable explanation line."""
        head = f"intent={self.intent}:"
        if self.rule == "question-mark":
            return f'{head} "{self.text}" with no failure reported (+{self.weight:.1f})'
        if self.rule == "question-word":
            return f'{head} question words "{self.text}" ({self.lang}, +{self.weight:.1f})'
        if self.rule == "sarcasm":
            return f'{head} sarcasm cue "{self.text}" (+{self.weight:.1f})'
        if self.rule == "sarcasm-flip":
            return (
                f'{head} matched "{self.text}" ({self.lang}, +{self.weight:.1f}, '
                "praise word read as sarcasm)"
            )
        return f'{head} matched "{self.text}" ({self.lang}, +{self.weight:.1f})'


@dataclass(frozen=True, slots=True)
class IntentResult:
    """Outcome of intent scoring for one post."""

    intent: str
    scores: dict[str, float]
    evidence: tuple[Evidence, ...]
    sarcastic: bool
    other_prior: float
    source: str = "lexicon"  # "encoder" when the trained head chose the scores
    lexicon_intent: str = ""  # the lexicon model's own choice, when the head overrode it

    def explanation(self) -> tuple[str, ...]:
        """Lines naming the evidence behind the chosen intent, strongest first;
        repeated evidence is summed into one line."""
        merged: dict[tuple[str, str, str], Evidence] = {}
        counts: dict[tuple[str, str, str], int] = {}
        for e in self.evidence:
            if e.intent != self.intent or e.weight <= 0:
                continue
            key = (e.rule, e.text, e.lang)
            if key in merged:
                seen = merged[key]
                merged[key] = Evidence(e.intent, e.rule, e.text, e.lang, seen.weight + e.weight)
                counts[key] += 1
            else:
                merged[key] = e
                counts[key] = 1
        if self.source == "encoder":
            head = (
                f"intent={self.intent}: trained encoder head, p={self.scores[self.intent]:.2f}"
                f" (lexicon alone said {self.lexicon_intent or self.intent})"
            )
            lines = [head]
            for e in self.evidence:
                if e.intent == self.intent and e.weight > 0 and len(lines) < MAX_EXPLAINED:
                    lines.append(e.describe())
            return tuple(lines)
        if not merged:
            note = "no intent keywords matched" if not self.evidence else "evidence too weak"
            return (f"intent={self.intent}: {note} (prior +{self.other_prior:.1f})",)
        ranked = sorted(merged, key=lambda k: -merged[k].weight)[:MAX_EXPLAINED]
        return tuple(
            merged[k].describe() + (f" x{counts[k]}" if counts[k] > 1 else "") for k in ranked
        )


def _entries(lexicon: Lexicon) -> Iterable[tuple[str, LexEntry]]:
    for lang, by_intent in lexicon.items():
        for intent, phrases in by_intent.items():
            if intent not in INTENTS:
                raise ValueError(f"unknown intent {intent!r} in {lang} lexicon")
            for phrase, weight in phrases.items():
                yield phrase, LexEntry(intent, lang, weight)


def _cues(cues: CueLexicon, intent: str, kind: str) -> Iterable[tuple[str, LexEntry]]:
    for lang, phrases in cues.items():
        for phrase, weight in phrases.items():
            yield phrase, LexEntry(intent, lang, weight, kind)


class IntentModel:
    """Lexicon-driven intent scorer. Construct once; :meth:`score` is thread-safe."""

    def __init__(
        self,
        lexicon: Lexicon = INTENT_LEXICON,
        question_cues: CueLexicon = QUESTION_CUES,
        sarcasm_cues: CueLexicon = SARCASM_CUES,
        *,
        other_prior: float = 1.0,
        sharpness: float = 1.5,
        foreign_factor: float = 0.8,
        question_mark_weight: float = 1.5,
    ) -> None:
        # one matcher for all three tables: a single pass over the text
        self._matcher = PhraseMatcher(
            (
                *_entries(lexicon),
                *_cues(question_cues, "question", "question-word"),
                *_cues(sarcasm_cues, "complaint", "sarcasm"),
            )
        )
        self.other_prior = other_prior
        self.sharpness = sharpness
        self.foreign_factor = foreign_factor
        self.question_mark_weight = question_mark_weight

    def _evidence(self, prepared: Prepared, lang: str) -> tuple[list[Evidence], ...]:
        """Lexicon, question-word and sarcasm evidence, in that order."""
        lexicon: list[Evidence] = []
        questions: list[Evidence] = []
        sarcasm: list[Evidence] = []
        cue_lang = "en" if lang == "und" else lang
        for match in self._matcher.find(prepared.folded):
            surface = prepared.surface(match.start, match.end)
            best: dict[str, LexEntry] = {}
            for entry in match.payloads:
                if entry.kind == "question-word":
                    if entry.lang == cue_lang:  # function words: own language only
                        questions.append(
                            Evidence("question", entry.kind, surface, entry.lang, entry.weight)
                        )
                elif entry.kind == "sarcasm":
                    sarcasm.append(
                        Evidence("complaint", entry.kind, surface, entry.lang, entry.weight)
                    )
                else:
                    current = best.get(entry.intent)
                    if current is None or _rank(entry, lang) > _rank(current, lang):
                        best[entry.intent] = entry
            for entry in best.values():
                foreign = lang not in (entry.lang, "und") and entry.lang != "*"
                weight = entry.weight * self.foreign_factor if foreign else entry.weight
                lexicon.append(Evidence(entry.intent, "lexicon", surface, entry.lang, weight))
        return lexicon, questions, sarcasm

    def has_question_mark(self, folded: str, lang: str) -> bool:
        """Whether the post asks something (``?``, ``¿``, Greek ``;``)."""
        return self._has_question_mark(folded, lang)

    def _has_question_mark(self, folded: str, lang: str) -> bool:
        return "?" in folded or "¿" in folded or (lang == "el" and ";" in folded)

    def score(self, prepared: Prepared, lang: str) -> IntentResult:
        """Score ``prepared`` (see :func:`.text.prepare`) written in ``lang``."""
        evidence, questions, sarcasm = self._evidence(prepared, lang)
        if sarcasm:
            evidence = [
                Evidence("complaint", "sarcasm-flip", e.text, e.lang, e.weight)
                if e.intent == "praise"
                else e
                for e in evidence
            ]
            evidence.extend(sarcasm)
        if not any(e.intent == "defect" and e.weight > 0 for e in evidence):
            if self._has_question_mark(prepared.folded, lang):
                evidence.append(
                    Evidence("question", "question-mark", "?", "*", self.question_mark_weight)
                )
            evidence.extend(questions)

        raw = dict.fromkeys(INTENTS, 0.0)
        raw["other"] = self.other_prior
        for e in evidence:
            raw[e.intent] += e.weight
        scores = softmax(raw, self.sharpness)
        intent = max(INTENTS, key=lambda name: scores[name])
        return IntentResult(intent, scores, tuple(evidence), bool(sarcasm), self.other_prior)


def _rank(entry: LexEntry, lang: str) -> tuple[bool, float]:
    return entry.lang == lang, entry.weight


def softmax(raw: Mapping[str, float], sharpness: float) -> dict[str, float]:
    """Softmax of ``sharpness * raw``; the result sums to 1."""
    top = max(raw.values())
    exp = {k: math.exp(sharpness * (v - top)) for k, v in raw.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}
