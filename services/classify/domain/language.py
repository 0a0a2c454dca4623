"""Language identification: writing-system rules first, py3langid for the rest.

Kana means Japanese, Han without kana Chinese, Greek script Greek and Hangul
Korean, whatever the length. Latin-script text that reads as Greeklish (Greek in
Latin letters, "den exei erthei akoma") is Greek; other Latin-script text goes to
py3langid restricted to the markets we serve; text with too few letters to judge
is ``"und"``. A caller's hint (platform metadata, user profile) wins whenever it
is plausible for the script the post is written in; a Greek hint on Latin-script
text lowers the bar for Greeklish.
"""

from __future__ import annotations

import re
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


def _words(text: str) -> frozenset[str]:
    """The space-separated words of ``text``."""
    return frozenset(text.split())


# Greeklish: Greek written in Latin letters ("den exei erthei akoma to paketo mou").
# py3langid has never seen it and calls it Finnish, Italian, Portuguese or "und",
# so a word count decides first. ``_GREEKLISH_WORDS`` are frequent Greek words in
# their usual transliterations (χ as x/h/ch, θ as th/8, ξ as ks/x, ω as w/o, the
# ι-sounds as i/h/y/ei/oi, υ as y/u/i, μπ as mp/b) that are not words of the other
# languages we serve; ``_GREEKLISH_STEMS`` catch inflected content words
# (efxarist-, paraggel-, leitourg-...), onsets no other language has (mp-, nt-,
# ks-, gk-), θ written 8, and Greek endings (-thike, -oume, -etai, -hsh...).
# Words shared with other languages (to, ta, me, se, na, mas, den, pote...) count
# a quarter or a half; a Greek particle followed by an article ("me to", "na ta",
# "se ena") counts as one Greek word. Function words of the other languages and
# words with diacritics (Greeklish is plain ASCII) count against.
# fmt: off
_GREEKLISH_WORDS: Final = _words("""
    kai ke einai ine inai eimai imai ime eisai eiste iste eimaste imaste
    htan itan htane itane hmoun imoun hmouna imouna
    tou toy tis ths thn tin twn tvn stous stoys sthn stin sth sti ston stis sths stwn
    mou moy mu sou sas apo gia geia giati giaty yiati pou poy pu oti oty dn
    pws pvs otan enw eno omws omos mallon oute oyte oude opws opos opote kathws kathos
    tha 8a thelw thelo 8elw 8elo thelei theli theleis thelete thelame ithela hthela 8ela
    exei exi ehei ehi echei echi exw exo ehw eho echw exeis exis exete exoume exoun exoyn
    eixa ixa eixe ixe eixan ixan eixame ixame
    kanw kano kanei kani kanete kanoun kanate ekana ekane ekanan ekanes kaneis
    mporw mporo mporei mpori mporeite mporite mporeis mporis mporoume mpw mpo
    borw boro borei bori boreite borite
    paw pame pige phge pira phra phre phrame pirame
    irthe hrthe hr8e ir8e irthan hrthan erthei erthi er8ei erxetai erxete erhete erthoun
    akoma akomh akomi tipota tpt tipote kanena kanenas kamia kammia kanis kapoios kapios
    kapoia kapia kapou kapote kati poli poly polu polh pio pia poio poios poia poies poso posa
    twra tora tvra simera shmera xthes xtes ehthes exthes chthes avrio aurio ayrio
    prin mexri mehri molis ekei eki edw edo pisw kathe ka8e katholou ka8olou ean etsi
    kalimera kalhmera kalispera kalhspera kalinixta
    parakalw parakalo parakaloume signwmh sygnwmh sygnomi signomi
    afto ayto afta ayta afti ayti ayth afth aftos aytos aftoi autoi aytoi aftes aytes
    egw emena esena esy esu eseis esis emeis emis oxi ohi ochi
    olous oloi oles olh olo ligo ligaki lygo ksana xana dhladh dhladi diladi dld
    leei leme lete lene eipan eipe ipe ipan eipa ipa ginetai ginete egine eginai
    prepei prepi eprepe steilte stilte stelnete
    ena enas dyo meres fores wres ores wra apopse telos epitelous idia lepta paidia
    horis xwris xoris hwris chwris
    xrimata xrhmata lefta leuta paketo dema demata sfalma lathos la8os ntropi ntroph
    aisxos xalia chalia kinhto kinito ploio onoma optiki fagito faghto
    peftei pefti peftoun epese vgazei vgazi bgazei bgazi lhgei ligei kleinei klinei
    anoigei anoigi anigei anigi
""")
# Greek words that are also (rarer) words elsewhere: French "pote", Finnish "oli"
_GREEKLISH_HALF: Final = _words("den pote kalo kali kala polla pali oli ora mina")
# Greek particles that are common words elsewhere: weak evidence on their own
_GREEKLISH_QUARTER: Final = _words("""
    to ta ti me se na o i h oi mas sto sta ton tous meta mia alla mono an as ama nai ne re
    ela ego pos ola nero treno karta mesa lei de mi auto autos ki kan auth mera fora pedia
    allo metafora tu dio duo dosis piso
""")
# a particle followed by an article: "me to", "na ta", "se ena", "gia tin"
_GREEKLISH_PARTICLES: Final = _words("me se na apo gia den dn pou oti kai ke tha 8a sto sta an")
_GREEKLISH_ARTICLES: Final = _words("to ta tin thn ton tis ths tou tous twn mou sou mas sas ena")
_GREEKLISH_STEMS: Final = re.compile(
    r"^(?:e[fvuy](?:x|h|ch)arist|parag+e?l|parhg+eil|parig+(?:e?i)?l|le?ito[uy]?rg"
    r"|dou?le[uvy]|e(?:ks|x|j)[iyhu]p[hiy]?ret|logar[iy]asm|ka(?:th|8)[iyu]ster"
    r"|epistr[eo][fp]|ak[iyu]r[ow]|(?:x|ch)re[ow](?:s|th|8)|t[ih]le?f[wo]n|efarmog"
    r"|pro[vb]l[hiy]m|aparadekt|apog[oh][iy]?t|m(?:hn[yi]|iny)m|k[wo]dik|s(?:x|h|ch)edo"
    r"|xr[ih]mat|kal[hi]m[eh]r|kal[hi]sper|s[iyu]ne(?:x|h|ch)|kol+a(?:ei|i|ne|w|o)$"
    r"|kol+[ih]s[ea]|katast[ih]m|trapez|dianom|dromolog|prosfor|te(?:x|h)nik|pt[ih]s[hi]"
    r"|pl[hi]r[wo]|e?[ie]sit[ih]r|parad[ow](?:s[hi]|th)|anamon|klimatist"
    r"|(?:mp|nt)[aeiouyhr]|ks[aeiouyh]|gk[aeiouyhr])"
)
_GREEKLISH_ENDINGS: Final = tuple(
    _words(
        "thike thhke 8ike thikan thkan thika thhka 8ika oume ousa ousan etai ontai ountai "
        "hsh ysh wsh wsa hsa hse"
    )
)
_THETA_AS_8: Final = re.compile(r"(?:^|[aeiouyr])8[aeiouywhlmr]")  # 8a, ka8e, la8os
_FOREIGN_WORDS: Final = _words("""
    the and is are was were you your my of for with this that it not have has been what
    why when can will just still please thanks from they we our its im dont cant
    der die das und ist nicht ich mit auf ein eine noch schon wieder sie wir zu von mein
    meine kein keine aber auch seit heute
    el los las que y es por con una del pero muy para como esta ya lo hay nada
    os um uma do da dos das em no nao voce meu minha mais ainda foi tem pra
    le les et est je pas un une des du mon ma mes il elle sur avec pour vous nous ce qui dans
    di che non sono della gli ho hai mio ancora anche al nel questo sul sulla nella dove
    perche sempre dopo oggi ieri
    ja on ei olen ole mutta kun jo nyt sitten miksi kiitos ihan
    het een en van ik niet och att det jag inte og er ikke jeg til nie jest bir ve bu
""")
# fmt: on
_GREEK_LETTER_RE: Final = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_WORD_RE: Final = re.compile(r"[^\W_]+")
_GREEKLISH_MAX_WORDS: Final = 40  # the start of a post decides
_GREEKLISH_MIN_GREEK: Final = 2.0
_GREEKLISH_MIN_SHARE: Final = 0.2
_FOREIGN_WEIGHT: Final = 1.5


def greeklish_score(text: str) -> tuple[float, float, int]:
    """``(greek, foreign, words)``: Greek and foreign evidence among the words of ``text``."""
    words = [w for w in _WORD_RE.findall(text.lower()) if not w.isdigit()]
    del words[_GREEKLISH_MAX_WORDS:]
    greek = 0.0
    foreign = 0.0
    previous = ""
    for word in words:  # set look-ups first, the regular expressions last
        if word in _GREEKLISH_WORDS:
            greek += 1.0
        elif word in _FOREIGN_WORDS:
            foreign += 1.0
        elif previous in _GREEKLISH_PARTICLES and word in _GREEKLISH_ARTICLES:
            greek += 1.0
        elif word in _GREEKLISH_HALF:
            greek += 0.5
        elif word in _GREEKLISH_QUARTER:
            greek += 0.25
        elif not word.isascii():
            if _GREEK_LETTER_RE.search(word):
                greek += 1.0
            else:
                foreign += 1.0
        elif (
            _GREEKLISH_STEMS.match(word)
            or (len(word) > 4 and word.endswith(_GREEKLISH_ENDINGS))
            or ("8" in word and _THETA_AS_8.search(word))
        ):
            greek += 1.0
        previous = word
    return greek, foreign, len(words)


def is_greeklish(text: str, *, hinted: bool = False) -> bool:
    """Whether Latin-script ``text`` reads as Greek written in Latin letters.

    It takes Greek evidence worth two words (one when the caller's hint says
    Greek) and, after each foreign word has taken off 1.5, worth a fifth of all
    its words: "efxaristo poli" and "mporw na plirwsw me paypal sto site i mono
    me karta?" qualify, "send me to the right department" does not.
    """
    greek, foreign, words = greeklish_score(text)
    return (
        greek >= (1.0 if hinted else _GREEKLISH_MIN_GREEK)
        and greek - _FOREIGN_WEIGHT * foreign >= _GREEKLISH_MIN_SHARE * words
    )


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
        if dominant == "greek" or counts["greek"] * 3 >= total:  # also with Latin brand names
            return "el"
        if dominant == "hangul":
            return "ko"
        if dominant == "latin" and is_greeklish(cleaned, hinted=code == "el"):
            return "el"
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
