"""Language identification: writing-system rules first, py3langid for the rest.

Kana means Japanese, Han without kana Chinese, Greek script Greek and Hangul
Korean, whatever the length. Latin-script text goes to py3langid restricted to
the markets we serve; text with too few letters to judge is ``"und"``. A caller's
hint (platform metadata, user profile) wins whenever it is plausible for the
script the post is written in.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any, Final, cast

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .text import strip_noise

# fmt: off
SUPPORTED_LANGUAGES: Final[tuple[str, ...]] = (
    "en", "es", "de", "fr", "pt", "it", "nl", "fi", "sv", "da", "no", "pl", "tr",
    "el", "ja", "zh", "ko", "ru", "ar",
)
# fmt: on
UNDETERMINED: Final = "und"
# py3langid walks the text byte by byte in Python; the first ~100 characters
# decide almost as well as the whole post
MAX_LANGID_CHARS: Final = 100

_HINT_ALIASES: Final = {"iw": "he", "in": "id", "nb": "no", "nn": "no", "ji": "yi"}
# fmt: off
_SCRIPT_OF_LANG: Final[dict[str, frozenset[str]]] = {
    "ja": frozenset({"kana", "han"}),
    "zh": frozenset({"han"}),
    "ko": frozenset({"hangul", "han"}),
    "el": frozenset({"greek"}),
    "ru": frozenset({"cyrillic"}), "uk": frozenset({"cyrillic"}),
    "bg": frozenset({"cyrillic"}), "sr": frozenset({"cyrillic", "latin"}),
    "be": frozenset({"cyrillic"}), "kk": frozenset({"cyrillic"}),
    "mk": frozenset({"cyrillic"}),
    "ar": frozenset({"arabic"}), "fa": frozenset({"arabic"}), "ur": frozenset({"arabic"}),
    "he": frozenset({"hebrew"}), "yi": frozenset({"hebrew"}),
    "th": frozenset({"thai"}), "hi": frozenset({"devanagari"}),
}
# fmt: on
_LATIN: Final = frozenset({"latin"})


# writing systems by code point range (coarse: only what language id needs)
# fmt: off
_SCRIPT_RANGES: Final[tuple[tuple[str, tuple[tuple[int, int], ...]], ...]] = (
    ("latin", ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F),
               (0x1E00, 0x1EFF), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))),
    ("kana", ((0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))),
    ("han", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))),
    ("greek", ((0x386, 0x3CE), (0x1F00, 0x1FFF))),
    ("hangul", ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F))),
    ("cyrillic", ((0x400, 0x4FF),)),
    ("arabic", ((0x620, 0x64A), (0x671, 0x6D3))),
    ("hebrew", ((0x5D0, 0x5EA),)),
    ("thai", ((0xE01, 0xE30),)),
    ("devanagari", ((0x904, 0x939),)),
)
# fmt: on
_SCRIPT_TAGS: Final = {name: chr(0x41 + i) for i, (name, _) in enumerate(_SCRIPT_RANGES)}


class _ScriptTable(dict[int, "str | None"]):
    """``str.translate`` table: a letter becomes its script's tag, anything else
    disappears; filled on first sight of each character."""

    def __missing__(self, codepoint: int) -> str | None:
        tag = None
        for name, ranges in _SCRIPT_RANGES:
            if any(low <= codepoint <= high for low, high in ranges):
                tag = _SCRIPT_TAGS[name]
                break
        if len(self) < 65536:
            self[codepoint] = tag
        return tag


_SCRIPT_TABLE: Final = _ScriptTable()


def script_counts(text: str) -> Counter[str]:
    """Number of letters per writing system."""
    tags = text.translate(_SCRIPT_TABLE)
    counts: Counter[str] = Counter()
    for name, tag in _SCRIPT_TAGS.items():
        n = tags.count(tag)
        if n:
            counts[name] = n
    return counts


def normalise_hint(hint: str | None) -> str | None:
    """``"en-US"`` -> ``"en"``, ``"zh_Hant"`` -> ``"zh"``; None if not a language code."""
    if not hint:
        return None
    code = hint.strip().lower().replace("_", "-").split("-")[0]
    code = _HINT_ALIASES.get(code, code)
    if not (2 <= len(code) <= 3 and code.isascii() and code.isalpha()) or code == "und":
        return None
    return code


def _head(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``, cut at a space when possible."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut > 0 else limit]


class _LangId:
    """Lazily loaded, shared py3langid model restricted to SUPPORTED_LANGUAGES."""

    _lock = threading.Lock()
    _identifier: Any = None

    @classmethod
    def classify(cls, text: str) -> tuple[str, float]:
        identifier = cls._identifier
        if identifier is None:
            with cls._lock:
                if cls._identifier is None:
                    loaded = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                    loaded.set_languages(list(SUPPORTED_LANGUAGES))
                    cls._identifier = loaded
                identifier = cls._identifier
        lang, prob = identifier.classify(text)
        return cast(str, lang), float(prob)


class LanguageDetector:
    """Decide the ISO 639-1 language of a post, or ``"und"``."""

    def __init__(self, *, min_letters: int = 8, min_confidence: float = 0.35) -> None:
        self.min_letters = min_letters
        self.min_confidence = min_confidence

    @staticmethod
    def warm_up() -> None:
        """Load the statistical model now instead of on the first post."""
        _LangId.classify("warm up")

    def detect(self, text: str, hint: str | None = None) -> str:
        """Language of ``text``; a plausible ``hint`` wins."""
        cleaned = strip_noise(text)
        counts = script_counts(cleaned)
        code = normalise_hint(hint)
        total = sum(counts.values())
        if total == 0:
            return code or UNDETERMINED
        dominant = counts.most_common(1)[0][0]
        if code is not None and self._plausible(code, dominant, counts):
            return code
        cjk = counts["kana"] + counts["han"]
        if counts["kana"] and cjk * 3 >= total:
            return "ja"
        if counts["han"] * 3 >= total:
            return "zh"
        if dominant == "greek":
            return "el"
        if dominant == "hangul":
            return "ko"
        if dominant == "latin" and counts["latin"] < self.min_letters:
            return UNDETERMINED
        lang, prob = _LangId.classify(_head(cleaned, MAX_LANGID_CHARS))
        if prob < self.min_confidence or not self._plausible(lang, dominant, counts):
            return UNDETERMINED
        return lang

    @staticmethod
    def _plausible(code: str, dominant: str, counts: Counter[str]) -> bool:
        if code == "zh" and counts["kana"]:
            return False
        return dominant in _SCRIPT_OF_LANG.get(code, _LATIN)
