"""Logic of ``carerouter classify``: one post as readable text, or JSON lines in and out.

The argparse wiring lives in the main CLI; these functions take an output stream and
return the exit code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from .domain.classifier import Classifier
from .domain.results import ClassificationResult

BATCH = 64


@lru_cache(maxsize=1)
def _classifier() -> Classifier:
    return Classifier()


def result_json(item_id: object, result: ClassificationResult) -> dict[str, Any]:
    """The JSON-lines view of one result."""
    return {
        "id": item_id,
        "intent": result.intent,
        "scores": {k: round(v, 4) for k, v in result.scores.items()},
        "confidence": round(result.confidence, 4),
        "needs_review": result.needs_review,
        "sensitive": result.sensitive,
        "sensitive_reasons": list(result.sensitive_reasons),
        "pii": [{"type": p.type, "start": p.start, "end": p.end} for p in result.pii],
        "lang": result.lang,
        "sentiment": result.sentiment,
        "sentiment_score": round(result.sentiment_score, 4),
        "explanation": list(result.explanation),
        "masked_text": result.masked_text,
    }


def format_result(text: str, result: ClassificationResult) -> str:
    """A readable multi-line rendering for agents."""
    ranked = sorted(result.scores.items(), key=lambda kv: -kv[1])
    scores = "  ".join(f"{k} {v:.2f}" for k, v in ranked)
    review = "  (needs review)" if result.needs_review else ""
    lines = [
        f"intent:     {result.intent} ({result.confidence:.2f}){review}",
        f"scores:     {scores}",
        f"language:   {result.lang}",
        f"sentiment:  {result.sentiment} ({result.sentiment_score:+.2f})",
        f"sensitive:  {'yes' if result.sensitive else 'no'}"
        + (f" ({', '.join(result.sensitive_reasons)})" if result.sensitive_reasons else ""),
    ]
    for p in result.pii:
        lines.append(f"  pii {p.type:<12} [{p.start}:{p.end}] {text[p.start : p.end]!r}")
    if result.pii:
        lines.append(f"masked:     {result.masked_text}")
    lines.append("why:")
    lines.extend(f"  - {line}" for line in result.explanation)
    return "\n".join(lines) + "\n"


def classify_text(text: str, out: TextIO = sys.stdout) -> int:
    """Classify one post and print the readable result; 0 on success."""
    result = _classifier().classify(text)
    out.write(format_result(text, result))
    return 0


@dataclass(frozen=True, slots=True)
class _Item:
    lineno: int
    id: object
    text: str | None  # None: the line was bad
    lang: str | None
    error: str = ""


def _parse(lineno: int, line: str) -> _Item:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return _Item(lineno, None, None, None, f"invalid JSON: {exc.msg}")
    if not isinstance(row, dict):
        return _Item(lineno, None, None, None, "each line must be a JSON object")
    item_id = row.get("id")
    text = row.get("text")
    if not isinstance(text, str):
        return _Item(lineno, item_id, None, None, 'missing or non-string "text"')
    lang = row.get("lang")
    if lang is not None and not isinstance(lang, str):
        return _Item(lineno, item_id, None, None, '"lang" must be a string')
    return _Item(lineno, item_id, text, lang)


def _items(lines: Iterable[str]) -> Iterator[_Item]:
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            yield _parse(lineno, line)


def _flush(batch: list[_Item], out: TextIO) -> int:
    good = [it for it in batch if it.text is not None]
    results = iter(
        _classifier().classify_batch([it.text or "" for it in good], [it.lang for it in good])
    )
    failed = 0
    for it in batch:
        if it.text is None:
            failed += 1
            row: dict[str, Any] = {"id": it.id, "line": it.lineno, "error": it.error}
        else:
            row = result_json(it.id, next(results))
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
    batch.clear()
    return failed


def classify_jsonl(infile: str | Path | TextIO | None, out: TextIO = sys.stdout) -> int:
    """Classify JSON lines ``{"id", "text"[, "lang", "platform", "kind"]}`` from ``infile``
    (a path, an open stream, or None/"-" for stdin) and write one JSON line per input, in
    order. A bad line yields ``{"id", "line", "error"}`` and processing goes on; the exit
    code is 1 if any line failed, else 0."""
    if infile is None or infile == "-":
        return _run(sys.stdin, out)
    if isinstance(infile, (str, Path)):
        with open(infile, encoding="utf-8") as fh:
            return _run(fh, out)
    return _run(infile, out)


def _run(stream: TextIO, out: TextIO) -> int:
    failed = 0
    batch: list[_Item] = []
    for item in _items(stream):
        batch.append(item)
        if len(batch) >= BATCH:
            failed += _flush(batch, out)
    failed += _flush(batch, out)
    return 1 if failed else 0
