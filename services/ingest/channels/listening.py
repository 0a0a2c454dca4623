"""Proactive listening: does a public text name the brand without tagging it?"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from carerouter.ingest.channels.model import BrandConfig


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@lru_cache(maxsize=512)
def _pattern(phrase: str) -> re.Pattern[str] | None:
    """A whole-word, case-insensitive pattern; runs of whitespace in the phrase match any."""
    words = _fold(phrase).split()
    if not words:
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def _spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        pattern = _pattern(phrase)
        if pattern is not None:
            spans.extend(match.span() for match in pattern.finditer(text))
    return spans


def mentions_brand(text: str, brand: BrandConfig, lang: str | None = None) -> bool:
    """True when ``text`` names the brand: one of its names or aliases (for ``lang``, or any
    language when unknown) as a whole word, case-insensitively, outside every exclusion.

    "Acme" matches "acme's", "#Acme" and "ACME"; not "Acmeville", nor "Acme Road" when
    that phrase is an exclusion.
    """
    folded = _fold(text)
    excluded = _spans(folded, brand.exclusions)
    for start, end in _spans(folded, brand.names_for(lang)):
        if not any(ex_start <= start and end <= ex_end for ex_start, ex_end in excluded):
            return True
    return False
