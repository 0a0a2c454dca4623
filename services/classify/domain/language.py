"""Language identification: writing-system rules first, py3langid for the rest.

Kana means Japanese, Han without kana Chinese, Greek script Greek and Hangul
Korean, whatever the length. Latin-script text goes to py3langid restricted to
the markets we serve; text with too few letters to judge is ``"und"``. A caller's
hint (platform metadata, user profile) wins whenever it is plausible for the
script the post is written in.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from typing import Any, Final, cast

from .text import strip_noise

SUPPORTED_LANGUAGES: Final[tuple[str, ...]] = (
    "en", "es", "de", "fr", "pt", "it", "nl", "fi", "sv", "da", "no", "pl", "tr",
    "el", "ja", "zh", "ko", "ru", "ar",
)
UNDETERMINED: Final = "und"
# py3langid walks the text byte by byte in Python; the first ~200 characters
# decide as well as the whole post
MAX_LANGID_CHARS: Final = 200

_HINT_ALIASES: Final = {"iw": "he", "in": "id", "nb": "no", "nn": "no", "ji": "yi"}
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
_LATIN: Final = frozenset({"latin"})


# runs of letters per writing system (coarse: only what language id needs)
_SCRIPT_RUNS: Final = re.compile(
    "|".join(
        f"(?P<{name}>[{chars}]+)"
        for name, chars in (
            ("latin", "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF"
                      "\uFF21-\uFF3A\uFF41-\uFF5A"),
            ("kana", "\u3040-\u309F\u30A0-\u30FF\u31F0-\u31FF\uFF66-\uFF9F"),
            ("han", "\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003FFFF"),
            ("greek", "\u0386-\u03CE\u1F00-\u1FFF"),
            ("hangul", "\uAC00-\uD7AF\u1100-\u11FF\u3130-\u318F"),
            ("cyrillic", "\u0400-\u04FF"),
            ("arabic", "\u0620-\u064A\u0671-\u06D3"),
            ("hebrew", "\u05D0-\u05EA"),
            ("thai", "\u0E01-\u0E30"),
            ("devanagari", "\u0904-\u0939"),
        )
    )
)
_ASCII_LETTERS: Final = re.compile("[A-Za-z]")


def script_counts(text: str) -> Counter[str]:
    """Number of letters per writing system."""
    counts: Counter[str] = Counter()
    if text.isascii():
        counts["latin"] = len(_ASCII_LETTERS.findall(text))
        return counts
    for m in _SCRIPT_RUNS.finditer(text):
        counts[str(m.lastgroup)] += m.end() - m.start()
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
                    from py3langid.langid import (  # type: ignore[import-untyped]
                        MODEL_FILE,
                        LanguageIdentifier,
                    )

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
        if prob < self.min_confidence:
            return UNDETERMINED
        return lang

    @staticmethod
    def _plausible(code: str, dominant: str, counts: Counter[str]) -> bool:
        if code == "zh" and counts["kana"]:
            return False
        return dominant in _SCRIPT_OF_LANG.get(code, _LATIN)
