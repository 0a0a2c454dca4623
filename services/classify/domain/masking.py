"""Replace PII spans with their type: ``"mail me at a@b.co"`` -> ``"mail me at [email]"``."""

from __future__ import annotations

from collections.abc import Iterable

from .results import PiiSpan


def mask(text: str, spans: Iterable[PiiSpan]) -> str:
    """``text`` with every span replaced by ``"[type]"``.

    Spans may come in any order; a span overlapping an earlier-starting one is
    skipped, and spans are clipped to the text.
    """
    pieces: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        start = max(span.start, 0)
        end = min(span.end, len(text))
        if start < cursor or end <= start:
            continue
        pieces.append(text[cursor:start])
        pieces.append(f"[{span.type}]")
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
