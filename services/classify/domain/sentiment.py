"""Lexicon-based polarity: multilingual words, phrases and emoji.

Each matched term adds its polarity; a negator among the three words before a term
flips and dampens it ("not good", "no problem"). In a sarcastic post positive
terms count as negative. The sum is squashed into -1..1 with ``tanh``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from .matcher import PhraseMatcher
from .text import Prepared, fold

POSITIVE: Final = 1.0
NEGATIVE: Final = -1.0

# SENTIMENT_LEXICON[lang] = (positive terms, negative terms); "*" = any language
# fmt: off
SENTIMENT_LEXICON: Final[Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "*": (
        ("😀", "😃", "😄", "😁", "😊", "🙂", "😍", "🥰", "😘", "❤", "💖", "💕", "💯", "👍", "👏",
         "🙌", "🙏", "🎉", "✨", "⭐", "🤩", "😎", "♥"),
        ("😠", "😡", "🤬", "😤", "😞", "😢", "😭", "😩", "😫", "😒", "🙄", "👎", "💔", "🤮",
         "🤢", "😣", "😖", "😓", "😔", "🙃", "😑"),
    ),
    "en": (
        ("good", "great", "love", "loved", "excellent", "amazing", "awesome", "thanks",
         "thank you", "happy", "glad", "perfect", "fantastic", "wonderful", "brilliant",
         "nice", "best", "helpful", "appreciate*", "pleased", "impressed", "recommend",
         "easy", "friendly", "superb", "quick", "smooth", "lovely", "kudos", "well done"),
        ("bad", "terrible", "awful", "horrible", "worst", "hate", "angry", "annoyed",
         "annoying", "disappointed", "disappointing", "useless", "broken", "ridiculous",
         "unacceptable", "poor", "slow", "rude", "never again", "frustrated",
         "frustrating", "sucks", "fail", "failed", "problem", "issue", "not working",
         "doesn't work", "scam", "waste", "pathetic", "sad", "upset", "furious",
         "disgusting", "wrong", "error", "crash*", "still waiting", "nobody", "fed up",
         "sick of", "joke", "shocking", "appalling", "unhappy", "lost", "late", "delay*"),
    ),
    "es": (
        ("bueno", "buena", "genial", "excelente", "gracias", "encanta", "perfecto", "feliz",
         "rápido", "amable", "increíble", "maravilloso", "mejor", "contento", "contenta"),
        ("malo", "mala", "pésimo", "pésima", "horrible", "terrible", "odio", "fatal",
         "desastre", "vergüenza", "lento", "problema", "no funciona", "error", "decepcion*",
         "enfadado", "harto", "harta", "inaceptable", "nunca más", "estafa", "retraso"),
    ),
    "de": (
        ("gut", "super", "toll", "danke", "perfekt", "schnell", "freundlich", "klasse",
         "hervorragend", "zufrieden", "großartig", "hilfreich", "spitze"),
        ("schlecht", "schrecklich", "furchtbar", "mies", "kaputt", "enttäuscht",
         "ärgerlich", "sauer", "langsam", "problem", "fehler", "katastrophe",
         "unverschämt", "frechheit", "nie wieder", "funktioniert nicht", "verspätung"),
    ),
    "fr": (
        ("bien", "bon", "bonne", "super", "génial", "merci", "parfait", "excellent",
         "content", "contente", "satisfait", "rapide", "adore", "top", "bravo"),
        ("mauvais", "mauvaise", "nul", "nulle", "horrible", "déçu", "déçue", "honteux",
         "lent", "problème", "panne", "marre", "arnaque", "catastrophe", "pire",
         "inadmissible", "scandaleux", "ne fonctionne pas", "retard"),
    ),
    "pt": (
        ("bom", "boa", "ótimo", "ótima", "excelente", "obrigado", "obrigada", "adorei",
         "amei", "perfeito", "rápido", "parabéns", "feliz", "maravilhoso"),
        ("ruim", "péssimo", "péssima", "horrível", "lixo", "decepcionado", "decepcionada",
         "absurdo", "vergonha", "lento", "problema", "erro", "demora", "raiva",
         "não funciona", "atraso"),
    ),
    "it": (
        ("buono", "bene", "ottimo", "grazie", "perfetto", "eccellente", "fantastico",
         "bravi", "felice", "veloce", "gentile", "gentilissimi", "contento"),
        ("pessimo", "male", "brutto", "schifo", "vergogna", "deluso", "delusa", "lento",
         "problema", "errore", "ritardo", "truffa", "arrabbiato", "non funziona"),
    ),
    "ja": (
        ("ありがとう", "最高", "素晴らしい", "嬉しい", "うれしい", "良い", "良かった",
         "助かり", "満足", "感謝", "便利", "好き"),
        ("最悪", "ひどい", "酷い", "残念", "悲しい", "不満", "困って", "困る", "遅い", "怒",
         "がっかり", "不具合", "使えない", "嫌い", "良くない", "よくない", "動かない"),
    ),
    "zh": (
        ("谢谢", "謝謝", "很好", "真好", "太好了", "满意", "滿意", "棒", "喜欢", "喜歡",
         "赞", "讚", "感谢", "感謝", "开心", "開心", "方便"),
        ("太差", "很差", "真差", "垃圾", "失望", "生气", "生氣", "糟糕", "烂", "爛", "慢", "问题",
         "問題", "坑", "无语", "無語", "不好", "不满", "不滿", "坏了", "壞了"),
    ),
    "fi": (
        ("kiitos", "hyvä", "loistava", "mahtava", "erinomainen", "upea", "ihana",
         "tyytyväinen", "nopea", "kiva"),
        ("huono", "surkea", "kamala", "pettynyt", "pettymys", "vihainen", "hidas",
         "ongelma", "virhe", "rikki", "ärsyttää", "ei toimi"),
    ),
    "el": (
        ("ευχαριστώ", "τέλεια", "εξαιρετικ*", "υπέροχ*", "καλό", "καλή", "μπράβο",
         "ευχαριστημένος"),
        ("κακό", "κακή", "απαράδεκτ*", "άθλι*", "χάλια", "απογοητευ*", "πρόβλημα", "αργό",
         "ντροπή", "θυμωμένος", "δεν λειτουργεί"),
    ),
}
# fmt: on

# negators per language; English ones are used for every language (code-switching)
NEGATORS: Final[Mapping[str, frozenset[str]]] = {
    lang: frozenset(fold(word).replace("'", "") for word in words.split())
    for lang, words in {
        "en": "not no never dont don't doesnt isnt wasnt arent cant cannot wont didnt "
        "hardly nothing",
        "es": "no nunca ni tampoco nada",
        "de": "nicht kein keine keinen keiner nie niemals",
        "fr": "pas jamais ne plus rien",
        "pt": "não nunca nem nada",
        "it": "non mai né niente",
        "fi": "ei en et emme ette eivät",
        "el": "δεν δε μη μην ποτέ",
    }.items()
}
_WORD_RE: Final = re.compile(r"[\w']+")
NEGATION_DAMPING: Final = 0.6
THRESHOLD: Final = 0.2


@dataclass(frozen=True, slots=True)
class Sentiment:
    label: str  # "negative" | "neutral" | "positive"
    score: float  # -1.0 .. 1.0


def _entries(
    lexicon: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]],
) -> Iterable[tuple[str, float]]:
    for positive, negative in lexicon.values():
        for phrase in positive:
            yield phrase, POSITIVE
        for phrase in negative:
            yield phrase, NEGATIVE


class SentimentModel:
    """Polarity of a post from its prepared text."""

    def __init__(
        self,
        lexicon: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = SENTIMENT_LEXICON,
        *,
        threshold: float = THRESHOLD,
    ) -> None:
        self._matcher = PhraseMatcher(_entries(lexicon))
        self.threshold = threshold

    def score(self, prepared: Prepared, lang: str, *, sarcastic: bool = False) -> Sentiment:
        negators = NEGATORS["en"] | NEGATORS.get(lang, frozenset())
        folded = prepared.folded
        total = 0.0
        for match in self._matcher.find(folded):
            # a phrase listed as both positive and negative cancels out
            polarity = sum(match.payloads) / len(match.payloads)
            before = _WORD_RE.findall(folded[max(0, match.start - 30) : match.start])[-3:]
            if any(word.replace("'", "") in negators for word in before):
                polarity = -polarity * NEGATION_DAMPING
            if sarcastic and polarity > 0:
                polarity = -polarity
            total += polarity
        value = math.tanh(total / 2.0)
        if value >= self.threshold:
            return Sentiment("positive", value)
        if value <= -self.threshold:
            return Sentiment("negative", value)
        return Sentiment("neutral", value)
