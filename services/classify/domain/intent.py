"""Intent scoring: weighted lexicon evidence, then a softmax over the intents.

Every matched lexicon phrase adds its weight to its intent; ``other`` starts with a
prior so that a post without evidence lands there. Question marks and question
words count towards ``question`` only when no failure (``defect``) is reported.
Sarcasm cues turn praise words into complaint evidence.

Negation: a defect, complaint or praise phrase preceded by a negator of the post's
language (or English), with at most a few filler words between them and no
punctuation ("not broken", "ei ole rikki", "δεν είναι χαλασμένο", "não está
avariado"), does not count as its intent; a negated praise phrase ("not helpful")
counts as weak complaint evidence instead.

Act first: a post with several purposes takes the need the brand must act on
first. When a failure or an order need is reported, praise evidence is discounted
("thanks, but my parcel never arrived" is an order). Question evidence already
yields to a reported failure; a question about an order topic stays a question
("how long does a refund take?" is a policy question).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from .lexicon import (
    INTENT_LEXICON,
    NEGATION_FILLERS,
    NEGATORS,
    QUESTION_CUES,
    SARCASM_CUES,
    CueLexicon,
    Lexicon,
)
from .matcher import PhraseMatcher
from .results import INTENTS
from .text import Prepared, fold

MAX_EXPLAINED: Final = 5
NEGATION_WINDOW: Final = 40  # characters before a phrase searched for a negator
MAX_FILLERS: Final = 3  # filler words allowed between a negator and the phrase
NEGATABLE: Final = frozenset(("defect", "complaint", "praise"))
ACT_FIRST: Final = frozenset(("defect", "order"))
_TOKEN_RE: Final = re.compile(r"[\w']+|[^\w\s]")


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
    rule: str  # "lexicon", "question-mark", "question-word", "sarcasm", "sarcasm-flip",
    # "negated" (a praise phrase after a negator, read as complaint)
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
        if self.rule == "negated":
            return (
                f'{head} matched "{self.text}" ({self.lang}, +{self.weight:.1f}, '
                "praise word negated)"
            )
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
        negated_praise_factor: float = 0.6,
        act_first_min: float = 3.0,
        act_first_factor: float = 0.5,
        act_first_over: tuple[str, ...] = ("praise",),
        hashtag_factor: float = 0.75,
        grievance_min: float = 2.0,
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
        self.negated_praise_factor = negated_praise_factor
        self.act_first_min = act_first_min
        self.act_first_factor = act_first_factor
        self.act_first_over = frozenset(act_first_over)
        self.hashtag_factor = hashtag_factor
        self.grievance_min = grievance_min
        self._negators = {lang: _folded_words(words) for lang, words in NEGATORS.items()}
        self._fillers = {lang: _folded_words(words) for lang, words in NEGATION_FILLERS.items()}
        self._negation_memo: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def _negation_words(self, lang: str) -> tuple[frozenset[str], frozenset[str]]:
        """Negators and filler words for ``lang``, English ones included (code-switching)."""
        words = self._negation_memo.get(lang)
        if words is None:
            empty: frozenset[str] = frozenset()
            words = (
                self._negators["en"] | self._negators.get(lang, empty),
                self._fillers["en"] | self._fillers.get(lang, empty),
            )
            self._negation_memo[lang] = words
        return words

    def negated(self, folded: str, start: int, lang: str) -> bool:
        """Whether the phrase starting at ``start`` of ``folded`` is negated: a negator
        before it, separated by at most :data:`MAX_FILLERS` filler words and no
        punctuation ("not broken", "is not at all broken", "ei ole rikki")."""
        negators, fillers = self._negation_words(lang)
        tokens = _TOKEN_RE.findall(folded[max(0, start - NEGATION_WINDOW) : start])
        for skipped, token in enumerate(reversed(tokens)):
            word = token.replace("'", "")
            if word in negators:
                return True
            if word not in fillers or skipped == MAX_FILLERS:
                return False
        return False

    def _evidence(self, prepared: Prepared, lang: str) -> tuple[list[Evidence], ...]:
        """Lexicon, question-word and sarcasm evidence, in that order."""
        lexicon: list[Evidence] = []
        questions: list[Evidence] = []
        sarcasm: list[Evidence] = []
        cue_lang = "en" if lang == "und" else lang
        folded = prepared.folded
        seen_neutral: set[str] = set()
        has_tags = "#" in prepared.original
        for match in self._matcher.find(folded):
            surface = prepared.surface(match.start, match.end)
            best = self._best_entries(match.payloads, surface, lang, questions, sarcasm)
            if _repeated_neutral(best, match.phrase, seen_neutral):
                continue  # "🙏🙏🙏" is emphasis, not three times the evidence
            # a hashtag is often a tag appended to the post ("#help", "#danke"): weaker
            tagged = has_tags and _hashtag(prepared, match.start, match.end)
            scale = self.hashtag_factor if tagged else 1.0
            negated: bool | None = None
            for entry in best.values():
                foreign = lang not in (entry.lang, "und") and entry.lang != "*"
                weight = (entry.weight * self.foreign_factor if foreign else entry.weight) * scale
                if entry.intent in NEGATABLE and entry.weight > 0:
                    if negated is None:
                        negated = self.negated(folded, match.start, cue_lang)
                    if negated:
                        if entry.intent == "praise":  # "not helpful": mild complaint
                            weight *= self.negated_praise_factor
                            lexicon.append(
                                Evidence("complaint", "negated", surface, entry.lang, weight)
                            )
                        continue
                lexicon.append(Evidence(entry.intent, "lexicon", surface, entry.lang, weight))
        return lexicon, questions, sarcasm

    def _best_entries(
        self,
        payloads: tuple[LexEntry, ...],
        surface: str,
        lang: str,
        questions: list[Evidence],
        sarcasm: list[Evidence],
    ) -> dict[str, LexEntry]:
        """Route question-word and sarcasm payloads of one match to their lists; return
        the best lexicon entry per intent (own language first, then weight)."""
        cue_lang = "en" if lang == "und" else lang
        best: dict[str, LexEntry] = {}
        for entry in payloads:
            if entry.kind == "question-word":
                if entry.lang == cue_lang:  # function words: own language only
                    questions.append(
                        Evidence("question", entry.kind, surface, entry.lang, entry.weight)
                    )
            elif entry.kind == "sarcasm":
                # "🙃🙃🙃" is one cue said loudly, not three
                if not any(e.text == surface for e in sarcasm):
                    sarcasm.append(
                        Evidence("complaint", entry.kind, surface, entry.lang, entry.weight)
                    )
            else:
                current = best.get(entry.intent)
                if current is None or _rank(entry, lang) > _rank(current, lang):
                    best[entry.intent] = entry
        return best

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
        evidence = self._act_first(evidence)

        raw = dict.fromkeys(INTENTS, 0.0)
        raw["other"] = self.other_prior
        for e in evidence:
            raw[e.intent] += e.weight
        scores = softmax(raw, self.sharpness)
        intent = max(INTENTS, key=lambda name: scores[name])
        return IntentResult(intent, scores, tuple(evidence), bool(sarcasm), self.other_prior)

    def _act_first(self, evidence: list[Evidence]) -> list[Evidence]:
        """Discount praise (``act_first_over``) evidence when a failure or an order need
        is reported: the brand must act on that need first."""
        need = sum(e.weight for e in evidence if e.intent in ACT_FIRST)
        grievance = sum(e.weight for e in evidence if e.intent == "complaint")
        if need < self.act_first_min and grievance < self.grievance_min:
            return evidence
        factor = self.act_first_factor
        return [
            Evidence(e.intent, e.rule, e.text, e.lang, e.weight * factor)
            if e.intent in self.act_first_over
            else e
            for e in evidence
        ]


def _hashtag(prepared: Prepared, start: int, end: int) -> bool:
    """Whether the folded span ``start:end`` comes from a hashtag ("#danke")."""
    o_start, _ = prepared.original_span(start, end)
    original = prepared.original
    return original[o_start : o_start + 1] == "#" or original[o_start - 1 : o_start] == "#"


def _repeated_neutral(best: Mapping[str, LexEntry], phrase: str, seen: set[str]) -> bool:
    """Whether ``phrase`` is a language-neutral entry (emoji) already counted in this post;
    records it as counted otherwise."""
    if not best or any(entry.lang != "*" for entry in best.values()):
        return False
    if phrase in seen:
        return True
    seen.add(phrase)
    return False


def _folded_words(words: str) -> frozenset[str]:
    return frozenset(fold(word).replace("'", "") for word in words.split())


def _rank(entry: LexEntry, lang: str) -> tuple[bool, float]:
    return entry.lang == lang, entry.weight


def softmax(raw: Mapping[str, float], sharpness: float) -> dict[str, float]:
    """Softmax of ``sharpness * raw``; the result sums to 1."""
    top = max(raw.values())
    exp = {k: math.exp(sharpness * (v - top)) for k, v in raw.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}
