"""The labelled development set (``data/classify/messages.jsonl``) and its split guard.

Training and tuning code loads examples with :func:`load_training`, which refuses the
held-out splits: ``test`` (stratified with train and dev), ``fresh`` (posts written later,
in the styles of real public posts, by other hands), ``fresh2`` (later still, with real
brand names) and ``fresh3`` (a third session's el, fi, zh and ja round). They are read only
by :func:`load_evaluation`, for reporting. ``dev2`` is a second development split by later
writers (sensitivity choices).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .results import INTENTS, PII_TYPES, PiiSpan

SPLITS: Final = ("train", "dev", "dev2", "test", "fresh", "fresh2", "fresh3")
HELD_OUT_SPLITS: Final = ("test", "fresh", "fresh2", "fresh3")


def default_path() -> Path:
    """``data/classify/messages.jsonl`` of the source checkout."""
    return Path(__file__).resolve().parents[3] / "data" / "classify" / "messages.jsonl"


class TestSplitAccessError(RuntimeError):
    """Raised when training or tuning code asks for a held-out split."""

    __test__ = False  # not a pytest test class


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled post."""

    id: str
    text: str
    lang: str
    intent: str
    sensitive: bool
    pii: tuple[PiiSpan, ...]
    negatives: tuple[PiiSpan, ...]  # hard negatives: flight numbers, prices, hotlines...
    split: str
    group: str


def _spans(raw: object) -> tuple[PiiSpan, ...]:
    if not isinstance(raw, list):
        raise ValueError("spans must be a list")
    return tuple(PiiSpan(str(s["type"]), int(s["start"]), int(s["end"])) for s in raw)


def parse_example(line: str) -> Example:
    """Parse and validate one JSONL line of the development set."""
    row = json.loads(line)
    ex = Example(
        id=str(row["id"]),
        text=str(row["text"]),
        lang=str(row["lang"]),
        intent=str(row["intent"]),
        sensitive=bool(row["sensitive"]),
        pii=_spans(row.get("pii", [])),
        negatives=_spans(row.get("negatives", [])),
        split=str(row["split"]),
        group=str(row.get("group", row["id"])),
    )
    if ex.intent not in INTENTS:
        raise ValueError(f"{ex.id}: unknown intent {ex.intent!r}")
    if ex.split not in SPLITS:
        raise ValueError(f"{ex.id}: unknown split {ex.split!r}")
    for span in ex.pii:
        if span.type not in PII_TYPES or not 0 <= span.start < span.end <= len(ex.text):
            raise ValueError(f"{ex.id}: bad PII span {span}")
    return ex


def _load(splits: Sequence[str], path: Path | None) -> list[Example]:
    unknown = set(splits) - set(SPLITS)
    if unknown:
        raise ValueError(f"unknown split(s): {sorted(unknown)}")
    wanted = set(splits)
    out: list[Example] = []
    with (path or default_path()).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                ex = parse_example(line)
                if ex.split in wanted:
                    out.append(ex)
    return out


def load_training(splits: Iterable[str] = ("train",), path: Path | None = None) -> list[Example]:
    """Examples for training or tuning. The held-out splits are refused."""
    chosen = tuple(splits)
    if held_out := sorted(set(chosen) & set(HELD_OUT_SPLITS)):
        raise TestSplitAccessError(
            f"split(s) {held_out} are held out: training and tuning may not read them"
        )
    return _load(chosen, path)


def load_evaluation(split: str, path: Path | None = None) -> list[Example]:
    """Examples of one split for reporting (the only way to read the held-out splits)."""
    return _load((split,), path)
