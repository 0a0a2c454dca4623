"""Text preparation shared by the lexicon-based models.

Social posts are cleaned (URLs and @handles blanked, hashtag marks dropped,
``#NeverAgain`` also read as ``never again``) and folded (compatibility forms,
accents stripped, casefolded, typographic apostrophes unified) so lexicon phrases
match regardless of spelling details.

Folding maps every character to exactly one character, so offsets in the folded
text equal offsets in the original; split camel-case hashtags are appended after
the post and map back to the hashtag they came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

URL_RE: Final = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"]+", re.IGNORECASE)
HANDLE_RE: Final = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{1,30}\b")
HASHTAG_RE: Final = re.compile(r"(?<![\w#&])#(\w+)")
_NOISE_RE: Final = re.compile(f"{URL_RE.pattern}|{HANDLE_RE.pattern}", re.IGNORECASE)
_CAMEL_RE: Final = re.compile(r"(?<=[^\W\d_])(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z\d])")

# combining marks that carry meaning in Japanese (dakuten / handakuten)
_KEEP_COMBINING: Final = frozenset("\u3099\u309a")
# between the post and appended hashtag words: no phrase can match across it
_SEPARATOR: Final = "\n|\n"
_APOSTROPHES: Final = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"}


def _fold_char(ch: str) -> str:
    """Fold one character to exactly one character (itself if folding would not)."""
    if ch in _APOSTROPHES:
        return _APOSTROPHES[ch]
    decomposed = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in decomposed if c in _KEEP_COMBINING or not unicodedata.combining(c))
    folded = unicodedata.normalize("NFC", kept).casefold()
    if len(folded) == 1:
        return folded
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else ch


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds characters on first sight and caches them."""

    def __missing__(self, codepoint: int) -> str:
        folded = _fold_char(chr(codepoint))
        if len(self) < 65536:
            self[codepoint] = folded
        return folded


_FOLD_TABLE: Final = _FoldTable()


# Posts exported from platform APIs and datasets often keep HTML entities ("log on &amp;
# check in", "&lt;3", "&gt;:("). Decoding keeps the length: the character goes last, after
# blanks, so offsets still point into the original and "&gt;:(" still ends in ">:(".
_ENTITIES: Final = {
    "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&#39;": "'",
    "&#x27;": "'", "&nbsp;": " ", "&#34;": '"',
}  # fmt: skip
_ENTITY_RE: Final = re.compile("|".join(re.escape(e) for e in _ENTITIES), re.IGNORECASE)


def decode_entities(text: str) -> str:
    """``text`` with common HTML entities decoded, padded with blanks to the same length."""
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(_decoded_entity, text)


def _decoded_entity(match: re.Match[str]) -> str:
    entity = match.group(0)
    return " " * (len(entity) - 1) + _ENTITIES[entity.lower()]


def fold(text: str) -> str:
    """Accent-free, casefolded copy of ``text`` with the same length."""
    if text.isascii():  # fast path: ASCII folds to lower case, backtick to apostrophe
        return text.lower().replace("`", "'")
    return text.translate(_FOLD_TABLE)


def noise_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of URLs and @handles, which carry no intent and must not yield PII."""
    if not has_noise(text):
        return []
    return [m.span() for m in _NOISE_RE.finditer(text)]


def has_noise(text: str) -> bool:
    """Cheap test for whether ``text`` may contain URLs or @handles."""
    return "@" in text or "http" in text or "www." in text or "WWW." in text


def strip_noise(text: str) -> str:
    """Text without URLs, @handles and hashtag marks (for language id)."""
    if has_noise(text):
        text = _NOISE_RE.sub(" ", text)
    return text.replace("#", " ")


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


@dataclass(frozen=True, slots=True)
class Prepared:
    """A post ready for lexicon matching.

    ``folded[:len(original)]`` is the cleaned, folded post, offset-aligned with
    ``original``; after it come split hashtags, located by ``appended``
    (folded start, folded end, original start, original end).
    """

    original: str
    folded: str
    appended: Sequence[tuple[int, int, int, int]] = ()

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``folded`` back to ``original``."""
        size = len(self.original)
        if start < size:
            return start, min(end, size)
        for f_start, f_end, o_start, o_end in self.appended:
            if f_start <= start < f_end:
                return o_start, o_end
        return size, size

    def surface(self, start: int, end: int) -> str:
        """Original text behind a folded span, lower-cased for display."""
        o_start, o_end = self.original_span(start, end)
        return self.original[o_start:o_end].lower()


def _split_hashtag(match: re.Match[str]) -> str:
    return _CAMEL_RE.sub(" ", match.group(1))


def prepare(text: str) -> Prepared:
    """Clean and fold ``text`` for lexicon matching."""
    cleaned = _NOISE_RE.sub(_blank, text) if has_noise(text) else text
    if "#" not in cleaned:
        return Prepared(text, fold(cleaned))
    pieces: list[str] = []
    appended: list[tuple[int, int, int, int]] = []
    offset = len(text) + len(_SEPARATOR)
    body: list[str] = []
    cursor = 0
    for m in HASHTAG_RE.finditer(cleaned):
        body.append(cleaned[cursor : m.start()])
        cursor = m.end()
        words = _split_hashtag(m)
        if " " in words:  # camel case: blank it here, append the split words
            body.append(" " * (m.end() - m.start()))
            piece = fold(words)
            appended.append((offset, offset + len(piece), m.start(), m.end()))
            pieces.append(piece)
            offset += len(piece) + len(_SEPARATOR)
        else:
            body.append(" " + m.group(1))
    body.append(cleaned[cursor:])
    folded = fold("".join(body))
    if pieces:
        folded = folded + _SEPARATOR + _SEPARATOR.join(pieces)
    return Prepared(text, folded, tuple(appended))
