"""Find many lexicon phrases in one regex pass.

Phrases are folded (see :mod:`.text`) and compiled into a trie-shaped regex, so
matching cost grows with text length rather than lexicon size. Phrase syntax:

* words are separated by single spaces and match any run of whitespace;
* an apostrophe is optional (``don't`` also matches ``dont``);
* a trailing ``*`` on the last word matches any word continuation (``refund*``);
* phrases in scripts written without spaces (Han, kana, Hangul) and emoji match
  anywhere; other phrases only match whole words.

Matches are non-overlapping, scanned left to right; at a given position the
longest phrase wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Generic, NamedTuple, TypeVar

from .text import fold

T = TypeVar("T")

_WILDCARD = r"\w*"
_TERMINAL = "\x00"
_WORD_RE = re.compile(r"\w")


def _unspaced(ch: str) -> bool:
    """True for characters of scripts that do not separate words with spaces."""
    cp = ord(ch)
    return (
        0x3040 <= cp <= 0x30FF  # kana
        or 0x3400 <= cp <= 0x9FFF  # CJK ideographs
        or 0xAC00 <= cp <= 0xD7AF  # Hangul
        or 0xF900 <= cp <= 0xFAFF
        or 0xFF66 <= cp <= 0xFF9F
        or cp >= 0x20000
    )


def _wordish(ch: str) -> bool:
    return bool(_WORD_RE.match(ch)) and not _unspaced(ch)


def canonical(text: str) -> str:
    """Key under which a phrase and any text it matches are looked up."""
    return "".join(text.split()).replace("'", "")


def _atoms(phrase: str) -> tuple[list[str], bool]:
    """Regex atoms for a folded phrase, and whether it needs a leading boundary."""
    atoms: list[str] = []
    words = phrase.split()
    prev = ""
    for wi, word in enumerate(words):
        if wi:
            atoms.append(r"\s+" if _wordish(prev) and _wordish(word[0]) else r"\s*")
        for ci, ch in enumerate(word):
            if ch == "*" and wi == len(words) - 1 and ci == len(word) - 1:
                atoms.append(_WILDCARD)
            elif ch == "'":
                atoms.append("'?")
            else:
                atoms.append(re.escape(ch))
            prev = ch
    last = phrase.rstrip("*")[-1:]
    if atoms[-1] != _WILDCARD and last and _wordish(last):
        atoms.append(r"(?!\w)")
    return atoms, _wordish(phrase[0])


_Trie = dict[str, "_Trie"]


def _insert(trie: _Trie, atoms: list[str]) -> None:
    node = trie
    for atom in atoms:
        node = node.setdefault(atom, {})
    node[_TERMINAL] = {}


def _first_chars(trie: _Trie) -> str:
    """Character-class body matching the first character of any phrase in ``trie``.

    Characters outside the Basic Multilingual Plane (most emoji) are folded into one
    range: the regex engine tests BMP characters with a bitmap but compares astral
    ones one by one, and this class is tested at every position of every post.
    """
    atoms = [atom for atom in trie if atom not in ("'?", _WILDCARD)]
    bmp = sorted(atom for atom in atoms if len(atom) > 1 or ord(atom) <= 0xFFFF)
    astral = "\U00010000-\U0010ffff" if len(bmp) < len(atoms) else ""
    return "".join(bmp) + astral


def _emit(node: _Trie) -> str:
    # literal branches first, the wildcard after them, the end of a phrase last:
    # the first alternative that succeeds wins, so this prefers longer phrases
    def order(atom: str) -> int:
        return 2 if atom == _TERMINAL else 1 if atom in (_WILDCARD, "(?!\\w)") else 0

    alts: list[str] = []
    for atom in sorted(node, key=order):
        alts.append("" if atom == _TERMINAL else atom + _emit(node[atom]))
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


class PhraseMatch(NamedTuple, Generic[T]):
    """One phrase occurrence in folded text, with the payloads of that phrase."""

    start: int
    end: int
    phrase: str
    payloads: tuple[T, ...]


class PhraseMatcher(Generic[T]):
    """Compile ``(phrase, payload)`` pairs once, then find them in folded text."""

    __slots__ = ("_exact", "_memo", "_prefix", "_regex")

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        exact: dict[str, tuple[str, list[T]]] = {}
        prefix: dict[str, tuple[str, list[T]]] = {}
        word_trie: _Trie = {}
        free_trie: _Trie = {}
        for raw, payload in entries:
            phrase = " ".join(fold(raw).split())
            if not phrase.rstrip("*"):
                raise ValueError(f"empty lexicon phrase: {raw!r}")
            table = prefix if phrase.endswith("*") else exact
            key = canonical(phrase.rstrip("*"))
            slot = table.setdefault(key, (phrase, []))
            if slot[1]:
                slot[1].append(payload)
                continue
            slot[1].append(payload)
            atoms, bounded = _atoms(phrase)
            _insert(word_trie if bounded else free_trie, atoms)
        # each trie is guarded by a test of its possible first characters, which
        # rejects most positions cheaply (the branch lists are long: CJK, emoji)
        parts = [
            f"(?=[{_first_chars(trie)}]){guard}{_emit(trie)}"
            for trie, guard in ((word_trie, r"(?<!\w)"), (free_trie, ""))
            if trie
        ]
        pattern = "|".join(parts) if parts else r"(?!x)x"
        self._exact = {k: (p, tuple(v)) for k, (p, v) in exact.items()}
        self._prefix = {k: (p, tuple(v)) for k, (p, v) in prefix.items()}
        self._regex = re.compile(pattern)
        self._memo: dict[str, tuple[str, tuple[T, ...]] | None] = {}

    def _lookup(self, matched: str) -> tuple[str, tuple[T, ...]] | None:
        try:
            return self._memo[matched]
        except KeyError:
            pass
        hit = self._resolve(matched)
        if len(self._memo) > 100_000:
            self._memo.clear()
        self._memo[matched] = hit
        return hit

    def _resolve(self, matched: str) -> tuple[str, tuple[T, ...]] | None:
        key = canonical(matched)
        hit = self._exact.get(key)
        if hit is not None:
            return hit
        for cut in range(len(key), 0, -1):
            hit = self._prefix.get(key[:cut])
            if hit is not None:
                return hit
        return None

    def find(self, folded: str) -> list[PhraseMatch[T]]:
        """All non-overlapping phrase occurrences in ``folded``, left to right."""
        found: list[PhraseMatch[T]] = []
        for m in self._regex.finditer(folded):
            if m.end() == m.start():
                continue
            hit = self._lookup(m.group())
            if hit is not None:
                found.append(PhraseMatch(m.start(), m.end(), hit[0], hit[1]))
        return found
