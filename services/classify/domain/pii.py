"""Typed PII detectors with validators.

Each detector yields :class:`PiiFinding` objects for one kind of personal data;
numbers are only reported when a validator accepts them (Luhn for cards, the
ISO 7064 checksum for IBANs, national-ID checksums, phonenumbers' numbering
plans) or when a label such as "order number" or "ending in" says what they are
(labels come from :mod:`.pii_patterns`).
:func:`detect_pii` runs all detectors, drops anything inside URLs and @handles,
and resolves overlaps by priority.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import phonenumbers
from phonenumbers import PhoneNumberType
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.br import cpf
from stdnum.ch import ssn as ch_ssn
from stdnum.cn import ric
from stdnum.es import dni, nie
from stdnum.fi import hetu
from stdnum.fr import nir
from stdnum.gr import amka
from stdnum.it import codicefiscale
from stdnum.jp import in_ as jp_in
from stdnum.pt import nif as pt_nif
from stdnum.us import ssn

from . import pii_patterns as pat
from .matcher import PhraseMatcher
from .results import PiiSpan
from .text import fold, noise_spans

# Every personal-data type makes a post sensitive: on a public surface even an e-mail
# address, a phone number or an order reference tied to the person must go private.
SENSITIVE_PII_TYPES: Final = frozenset(
    {
        "card",
        "iban",
        "account_id",
        "password",
        "national_id",
        "dob",
        "health",
        "email",
        "phone",
        "address",
        "order_id",
    }
)
# fmt: off
PRIORITY: Final[dict[str, int]] = {
    "password": 100, "email": 90, "iban": 85, "card": 80, "national_id": 75, "dob": 70,
    "account_id": 60, "order_id": 50, "phone": 40, "address": 30, "health": 20,
}
# fmt: on


@dataclass(frozen=True, slots=True)
class PiiFinding:
    """A PII span with the label and validation detail that justify it."""

    span: PiiSpan
    label: str  # "card number"
    detail: str = ""  # "Luhn-valid"

    @property
    def reason(self) -> str:
        return f"{self.label} ({self.detail})" if self.detail else self.label

    @property
    def sensitive(self) -> bool:
        return self.span.type in SENSITIVE_PII_TYPES

    def describe(self) -> str:
        """Explanation line, e.g. ``sensitive: card number at 34-53 (Luhn-valid)``."""
        head = "sensitive" if self.sensitive else "pii"
        tail = f" ({self.detail})" if self.detail else ""
        return f"{head}: {self.label} at {self.span.start}-{self.span.end}{tail}"


def _finding(kind: str, start: int, end: int, label: str, detail: str = "") -> PiiFinding:
    return PiiFinding(PiiSpan(kind, start, end), label, detail)


@lru_cache(maxsize=32)
def _digits(text: str) -> int:
    """Number of digits in ``text``: most detectors need several to fire at all."""
    return sum(text.count(d) for d in "0123456789０１２３４５６７８９")


# --- email -------------------------------------------------------------------------

# ASCII neighbours only: an address glued to CJK text ("邮箱li.wei@qq.com吗") is still one.
_EMAIL_RE: Final = re.compile(
    r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9_-])"
)


def detect_emails(text: str, lang: str) -> Iterator[PiiFinding]:
    if "@" not in text:
        return
    for m in _EMAIL_RE.finditer(text):
        local = m.group().split("@", 1)[0]
        if ".." not in local and not local.endswith("."):
            yield _finding("email", m.start(), m.end(), "email address")


# --- payment card --------------------------------------------------------------------

# neighbours are checked against ASCII only: "卡号3730..." or "电话138..." glue CJK to digits
_CARD_RE: Final = re.compile(
    r"(?<![A-Za-z0-9_+.,/-])\d{4}(?:[ -]?\d){9,15}(?![A-Za-z0-9_/-]|[.,]\d)"
)


_IBAN_HEAD_RE: Final = re.compile(r"[A-Za-z]{2}\d{2}[ -]?\Z")


def _card_groups_ok(raw: str) -> bool:
    """Digits typed as one run or in the groups printed on cards (4-4-4-4, 4-6-5, ...)."""
    if len(set(re.findall(r"[ -]", raw))) > 1:
        return False
    groups = [len(g) for g in re.split(r"[ -]", raw)]
    if len(groups) == 1:
        return True
    if groups in ([4, 6, 5], [4, 6, 4]):
        return True
    return all(g == 4 for g in groups[:-1]) and 3 <= groups[-1] <= 4


def detect_cards(text: str, lang: str) -> Iterator[PiiFinding]:
    if _digits(text) < 13:
        return
    for m in _CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if (
            13 <= len(digits) <= 19
            and len(set(digits)) > 1
            and _card_groups_ok(m.group())
            and not _IBAN_HEAD_RE.search(text, max(0, m.start() - 5), m.start())
            and luhn.is_valid(digits)
            and not (len(digits) == 13 and _ean_valid(digits))  # EAN-13 barcode, not a card
        ):
            yield _finding("card", m.start(), m.end(), "card number", "Luhn-valid")


# --- IBAN ----------------------------------------------------------------------------

_IBAN_RE: Final = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])"
)


def detect_ibans(text: str, lang: str) -> Iterator[PiiFinding]:
    if _digits(text) < 8:
        return
    for m in _IBAN_RE.finditer(text):
        parts = m.group().split(" ")
        # the pattern may run into following words: try the longest valid prefix
        for count in range(len(parts), 0, -1):
            candidate = " ".join(parts[:count])
            if len(candidate.replace(" ", "")) < 15:
                break
            if stdnum_iban.is_valid(candidate):
                end = m.start() + len(candidate)
                yield _finding("iban", m.start(), end, "IBAN", "checksum valid")
                break


# --- labelled values: account, order, booking reference, password, ... ------------

_LABEL_MATCHER: Final = PhraseMatcher(
    (phrase, kind) for kind, phrases in pat.LABELS.items() for phrase in phrases
)


@dataclass(frozen=True, slots=True)
class _Label:
    kind: str
    start: int
    end: int


# labels whose values need no digits: without a digit in the post, only these matter
# fmt: off
_DIGITLESS_STEMS: Final = tuple(fold(stem) for stem in (
    "pass", "pw", "pin", "contraseña", "clave", "kennwort", "mdp", "senha", "パスワード", "暗証",
    "密码", "密碼", "salasan", "κωδικ", "booking", "pnr", "confirmation", "locator",
    "localizador", "reserva", "buchung", "réservation", "prenotazione", "varaus", "予約",
    "预订", "預訂", "ref", "ticket", "κρατη", "訂位", "订位", "订票", "訂票", "訂單", "订单",
    "bilhete",
    "passagem", "billet", "résa", "vahvistus", "bestätigung", "confirmaci",
))
# fmt: on


@lru_cache(maxsize=32)
def _folded(text: str) -> str:
    """``fold(text)``, cached: several detectors read the folded post."""
    return fold(text)


@lru_cache(maxsize=32)
def _labels(text: str) -> tuple[_Label, ...]:
    """Value-announcing labels in ``text`` (cached: every detector asks)."""
    folded = _folded(text)
    if not _digits(text) and not any(stem in folded for stem in _DIGITLESS_STEMS):
        return ()
    size = len(text)
    return tuple(
        _Label(kind, m.start, m.end)
        for m in _LABEL_MATCHER.find(folded)
        if m.end <= size
        for kind in m.payloads
    )


def _after(kind: str, text: str, value: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of ``value`` right after each ``kind`` label."""
    for label in _labels(text):
        if label.kind == kind:
            m = value.match(text, label.end)
            if m is not None:
                yield m


_ID: Final = r"(?P<id>[A-Za-z0-9](?:[A-Za-z0-9-]{0,28}[A-Za-z0-9])?)(?![A-Za-z0-9-])"
_LABELLED_ID_RE: Final = re.compile(pat.CONNECTOR + _ID, re.IGNORECASE)
_ENDING_RE: Final = re.compile(
    r"\s*(?:(?:is|are|es|son|ist|sind|est|sont|é|são|on|ovat|είναι|是|为|為|は)(?![^\W\d_])\s*)?"
    r"[:：]?\s*[*•xX.\s]*(?P<id>\d{4})(?!\d)"
)
_BOOKING_REF_RE: Final = re.compile(
    pat.CONNECTOR + r"(?-i:(?P<id>[A-Z0-9]{5,8}))(?![A-Za-z0-9])", re.IGNORECASE
)
_YEAR_RE: Final = re.compile(r"(?:19|20)\d\d")


def _looks_like_id(value: str, min_digits: int) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    if digits < min_digits or _YEAR_RE.fullmatch(value):
        return False
    letters = sum(ch.isalpha() for ch in value)
    if letters <= digits + 3:
        return True
    # long carrier/shop codes mix letters and digits ("1ZGG6T5VA6N05EU", "FK4X5GP1YF"):
    # upper case, several digits, and digits not only at one end as in "Model3" words
    return (
        len(value) >= 8
        and digits >= 3
        and value.isupper()
        and value.isalnum()
        and _INNER_DIGIT_RE.search(value) is not None
    )


_INNER_DIGIT_RE: Final = re.compile(r"[A-Z]\d+[A-Z]")

# carrier tracking and shop order numbers recognisable without a label: UPS "1Z" + 16,
# UPU S10 ("RR123456785CN"), DHL eCommerce "JJD" + digits, marketplace "123-1234567-1234567"
_TRACKING_RE: Final = re.compile(
    r"(?<![A-Za-z0-9-])(?:1Z[0-9A-Z]{16}|[A-Z]{2}\d{9}[A-Z]{2}|JJD\d{10,20}|\d{3}-\d{7}-\d{7})"
    r"(?![A-Za-z0-9-])"
)
# a PNR-like code near a booking word: six capitals/digits with both present
_PNR_RE: Final = re.compile(r"(?<![A-Za-z0-9])(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{6}(?![A-Za-z0-9])")
# flight numbers ("IB3456", "U2 1234") and models shaped like them are not PNRs
_FLIGHT_RE: Final = re.compile(r"(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])\d{1,4}[A-Z]?")
_FLIGHT_LIKE_RE: Final = re.compile(_FLIGHT_RE.pattern + r"|\d+[A-Z]{1,2}")
# a code right after these names a product, not a booking
_PRODUCT_WORD_RE: Final = re.compile(
    r"model|modell|modele|modelo|malli|μοντελο|型番|型号|型號|firmware|version|versao|versio"
    r"|room|zimmer|chambre|quarto|habitacion|huone|δωματιο|部屋|房间|房間|seat|asiento|sitz|siege"
)
_PNR_WINDOW: Final = 60
_FLIGHT_WORD_RE: Final = re.compile(
    r"flight|vuelo|flug|\bvol\b|\bvoo\b|\bvolo\b|便|航班|lento|πτηση"
)
_PNR_STOP_RE: Final = re.compile(r"[\n!?！？]")
# six capitals standing alone (ASCII neighbours only: "予約GNCGVE。" is glued to kana)
_LETTER_PNR_RE: Final = re.compile(r"(?<![A-Za-z0-9])[A-Z]{6}(?![A-Za-z0-9])")
_LETTER_PNR_WINDOW: Final = 24
# six-letter words shouted after a booking word are not record locators
# fmt: off
_SHOUTED_WORDS: Final = frozenset({
    "PLEASE", "CANCEL", "REFUND", "URGENT", "THANKS", "ANSWER", "CHANGE", "BROKEN", "NEEDED",
    "LONDON", "MADRID", "BERLIN", "ATHENS", "LISBOA", "LISBON", "GENEVA", "VIENNA", "DUBLIN",
    "AYUDAA", "AJUDEM", "DRINGD", "BITTEE", "MERCII", "DANKEE", "KIITOS", "ASAPPP",
})
# fmt: on


def detect_account_ids(text: str, lang: str) -> Iterator[PiiFinding]:
    for m in _after("ending", text, _ENDING_RE):
        yield _finding("account_id", m.start("id"), m.end("id"), "account number", "last digits")
    for m in _after("account", text, _LABELLED_ID_RE):
        if _looks_like_id(m.group("id"), 4):
            yield _finding("account_id", m.start("id"), m.end("id"), "account number")


def _flight_context(text: str) -> frozenset[int]:
    """Ends of booking-word labels, or every label end when the post names a flight: a
    flight-number-shaped value there ("booking on BA0117") is a flight, not a reference."""
    labels = _labels(text)
    if _FLIGHT_WORD_RE.search(_folded(text)):
        return frozenset(label.end for label in labels)
    return frozenset(label.end for label in labels if label.kind == "booking_near")


def _shop_code(value: str) -> bool:
    """A shop's order code of capitals with a digit or two inside ("WC1VQTDJAM")."""
    letters = sum(ch.isalpha() for ch in value)
    return (
        8 <= len(value) <= 20
        and value.isascii()
        and value.isalnum()
        and value.isupper()
        and letters >= 4
        and len(value) - letters >= 1
        and _SHOP_CODE_RE.search(value) is not None
    )


_SHOP_CODE_RE: Final = re.compile(r"[A-Z]\d|\d[A-Z]")


def _shouting(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` are capitals too (a shouted post)."""
    around = text[max(0, start - 30) : start] + " " + text[end : end + 30]
    letters = [ch for ch in around if ch.isascii() and ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) * 2 > len(letters)


def detect_order_ids(text: str, lang: str) -> Iterator[PiiFinding]:
    flight_labels: frozenset[int] | None = None
    for m in _after("order", text, _LABELLED_ID_RE):
        value = m.group("id")
        if _FLIGHT_RE.fullmatch(value.upper()):
            if flight_labels is None:
                flight_labels = _flight_context(text)
            if m.start() in flight_labels:
                continue
        if (len(value) >= 5 and _looks_like_id(value, 5 if value.isdigit() else 3)) or _shop_code(
            value
        ):
            yield _finding("order_id", m.start("id"), m.end("id"), "order reference")
    for m in _after("booking", text, _BOOKING_REF_RE):
        yield _finding("order_id", m.start("id"), m.end("id"), "booking reference")
    if "1Z" in text or _digits(text) >= 9:
        for m in _TRACKING_RE.finditer(text):
            yield _finding("order_id", m.start(), m.end(), "tracking number", "carrier format")
    yield from _leading_reference(text)
    near = [label for label in _labels(text) if label.kind == "booking_near"]
    for label in near:
        window = text[label.end : label.end + _PNR_WINDOW]
        stop = _PNR_STOP_RE.search(window)
        if stop is not None:
            window = window[: stop.start()]
        for m in _PNR_RE.finditer(window):
            before = fold(window[max(0, m.start() - 16) : m.start()])
            if not _FLIGHT_LIKE_RE.fullmatch(m.group()) and not _PRODUCT_WORD_RE.search(before):
                start = label.end + m.start()
                yield _finding("order_id", start, start + 6, "booking reference", "near label")
        yield from _letter_locators(text, label.end, window)


# a reference pasted at the very start of a post ("A393057 - desk still not here",
# "5GRPSW3KFC ¿sigue en pie la entrega?", "請問W7UYPNN123這筆..."), after any @handles
_LEADING_REF_RE: Final = re.compile(
    r"\A(?:\s*@\w+)*\s*(?:請問|请问|关于|關於)?(?P<id>[A-Z0-9]{6,14})(?=\s*[-–—:,]?\s|[^\x00-\x7f])"
)
_REF_CONTEXT_RE: Final = re.compile(pat.ORDER_CONTEXT)
_VOUCHER_SHAPE_RE: Final = re.compile(r"[A-Z]{4,}\d{2,3}")
_CODE_WORD_RE: Final = re.compile(
    r"\W{0,3}(?:code|codigo|kod|gutschein|coupon|cupon|voucher|promo)"
)


def _leading_reference(text: str) -> Iterator[PiiFinding]:
    if not _digits(text):
        return
    m = _LEADING_REF_RE.match(text)
    if m is None:
        return
    value = m.group("id")
    digits = sum(ch.isdigit() for ch in value)
    letters = len(value) - digits
    if (
        not digits
        or _FLIGHT_LIKE_RE.fullmatch(value)
        or _PRODUCT_TOKEN_RE.match(value)
        or (value.isdigit() and (len(value) < 7 or _barcode(value, "")))
    ):
        return
    after = _folded(text)[m.end("id") : m.end("id") + 12]
    if _VOUCHER_SHAPE_RE.fullmatch(value) or _CODE_WORD_RE.match(after):
        return  # "SUMMER25 code doesn't work": a voucher, not an order
    numeric = digits >= 6 and letters <= 2
    pnr = len(value) == 6 and letters >= 3
    if not (numeric or pnr or _shop_code(value)):
        return
    folded = _folded(text)
    if _REF_CONTEXT_RE.search(folded) and not _COUPON_RE.search(folded):
        yield _finding("order_id", m.start("id"), m.end("id"), "order reference", "leading")


def _letter_locators(text: str, offset: int, window: str) -> Iterator[PiiFinding]:
    """Record locators may be letters only ("varaus BEPKKC", "予約GNCGVE"): only close to
    the label, not a shouted word, and not in a post written in capitals."""
    for m in _LETTER_PNR_RE.finditer(window[:_LETTER_PNR_WINDOW]):
        start = offset + m.start()
        before = fold(window[max(0, m.start() - 16) : m.start()])
        if (
            m.group() not in _SHOUTED_WORDS
            and not _shouting(text, start, start + 6)
            and not _PRODUCT_WORD_RE.search(before)
        ):
            yield _finding("order_id", start, start + 6, "booking reference", "near label")


# --- password -----------------------------------------------------------------------

_PASSWORD_RE: Final = re.compile(
    pat.VALUE_VERB + r"[\"'“‘«]?(?P<secret>[^\s\"'“”‘’«»]{3,64})", re.IGNORECASE
)
_CJK_TAIL_RE: Final = re.compile(r"(?:です|だ|でした|だった|です。|了|的)$|[。，、！？]+.*$")
_TRAILING_PUNCT: Final = ".,;:!?)\"'”’»"
_GLUED_CJK_RE: Final = re.compile(r"([\x21-\x7e]{3,})[\u3000-\u9fff\uff00-\uffef]")


_PASSWORD_STOPWORDS: Final = frozenset(fold(word) for word in pat.PASSWORD_STOPWORDS)
# after a plain lower-case word, these show the sentence goes on about the password
# ("le mot de passe est toujours expiré"); a password is usually last or quoted
_CLAUSE_END_RE: Final = re.compile(
    r"\s*(?:$|[.,;:!?)\"'”’»]|(?:and|but|y|pero|und|aber|et|mais|e|mas|ja|mutta|και|αλλά|但是?)"
    r"(?![^\W\d_]))",
    re.IGNORECASE,
)


def _plausible_secret(text: str, secret: str, end: int, quoted: bool) -> bool:
    folded = fold(secret)
    if len(secret) < 4 or folded in _PASSWORD_STOPWORDS:
        return False
    if quoted or not secret.isalpha() or not secret.islower():
        return True
    return _CLAUSE_END_RE.match(text, end) is not None


# a token shaped like a chosen password: letters and digits, maybe joined by a symbol
# ("mavi.7157", "Tiger_9473", "Stern3994"); ASCII neighbours only, as CJK text is glued on
_SECRET_TOKEN_RE: Final = re.compile(
    r"(?<![A-Za-z0-9_@./+#$%&*-])[A-Za-z0-9][A-Za-z0-9._!#$%&*+-]{3,38}[A-Za-z0-9!#$%&*]"
    r"(?![A-Za-z0-9_@/#$%&*-]|[.,]\w)"
)
_SECRET_CUE_RE: Final = re.compile(pat.CREDENTIAL_CUE, re.IGNORECASE)
_NOT_SECRET_RE: Final = re.compile(pat.NOT_CREDENTIAL_CONTEXT, re.IGNORECASE)
_COUPON_RE: Final = re.compile(pat.COUPON_WORDS)
_VERSION_RE: Final = re.compile(r"[A-Za-z]{0,2}\d+(?:[._-]\d+)+[A-Za-z]?")
# how far after the password noun a cued secret may follow ("the password is wrong, but I
# typed it here so there's no typo: Tiger.4664"), and the marks that end the search
_SECRET_WINDOW: Final = 100
_SECRET_STOP_RE: Final = re.compile(r"\n")
_SECRET_GAP_RE: Final = re.compile(r"\s*[:=：]?\s*[\"'“‘«「『]?\Z")


# devices and software named with a number ("iPhone15", "Android14", "Win11")
_PRODUCT_TOKEN_RE: Final = re.compile(
    r"(?:iphone|ipad|ios|android|galaxy|pixel|windows|win|macos|xbox|playstation|ps|switch"
    r"|redmi|xiaomi|huawei|mate|honor|oppo|vivo|moto|nokia|kindle|echo|surface|macbook"
    r"|airpods|watch|series|model|version|ver|build|fw|firmware|wifi|covid|chrome|firefox"
    r"|office|excel)[\s._-]?\d",
    re.IGNORECASE,
)


def _secret_shaped(token: str) -> bool:
    """Letters and digits mixed as in a chosen password, not a version, device or flight."""
    letters = sum(ch.isalpha() for ch in token)
    digits = sum(ch.isdigit() for ch in token)
    return (
        len(token) >= 6
        and letters >= 3
        and digits >= 2
        and not _VERSION_RE.fullmatch(token)
        and not _FLIGHT_LIKE_RE.fullmatch(token.upper())
        and not _PRODUCT_TOKEN_RE.match(token)
    )


def _shaped_secrets(text: str, label_end: int, other_ends: frozenset[int]) -> Iterator[PiiFinding]:
    """Secret-shaped tokens after a password noun: right after it ("Passwort sunny2899",
    "新密码Stern3994"), or a little later after a verb or colon ("a nova é Tiger_5448")."""
    window = text[label_end : label_end + _SECRET_WINDOW]
    stop = _SECRET_STOP_RE.search(window)
    if stop is not None:
        window = window[: stop.start()]
    for m in _SECRET_TOKEN_RE.finditer(window):
        token = m.group()
        start = label_end + m.start()
        if not _secret_shaped(token):
            continue
        gap = text[label_end:start]
        head = gap[-24:]
        if (
            any(start - len(head) <= end <= start for end in other_ends)  # "order AB12345"
            or _NOT_SECRET_RE.search(head)  # "user tom99", "Android14"
            or _COUPON_RE.search(fold(gap))  # "κωδικός έκπτωσης είναι SUMMER25"
        ):
            continue
        if _SECRET_GAP_RE.fullmatch(gap) or _SECRET_CUE_RE.search(head):
            yield _finding("password", start, start + len(token), "password disclosed", "shape")


# a PIN typed out: 4-8 digits, or single digits spoken one by one ("7 7 3 9 1")
_PIN_RE: Final = re.compile(
    r"(?<![\d.,/:#€$£-])(?:\d{4,8}|\d(?: \d){3,7})"
    r"(?![\d/:%€$£-]|[.,]\d|\s?(?:€|\$|£|eur|euro|usd|x\b|digit|dígito|stellig|chiffre|numer|ψηφ|桁|位|元|times|veces"
    r"|mal\b|fois|vezes|kertaa|φορές|回|次|char|caract|zeichen|merki|χαρακτ|文字|字))",
    re.IGNORECASE,
)
_PIN_WINDOW: Final = 48
_PIN_STOP_RE: Final = re.compile(r"[.!?！？。\n](?!\d)")
# the PIN is named right before ("PIN 4618", "暗証番号5820"), after a colon, or after a verb
# ("which is 8305", "pongo 2580", "ich sag 7 7 3 9 1", "改成802613")
_PIN_GAP_RE: Final = re.compile(r"\s*(?:[:=：]\s*)?[\"'“‘«「]?\Z")
_PIN_YEAR_RE: Final = re.compile(r"(?:19[5-9]|20[0-3])\d")
_PIN_NOT_RE: Final = re.compile(
    r"(?<![^\W\d_])(?:in|since|seit|desde|depuis|em|vuonna|από|from|until|bis|hasta|jusqu|"
    r"times|veces|mal|fois|vezes|kertaa|φορές|attempts|intentos|versuche|essais|tentativas|"
    r"postal|postale|zip|promo|client|cliente|kunde|commande|pedido|order|suivi|tracking|"
    r"rabatt|descuento|réduction|desconto|gutschein|voucher|coupon|cupón|cupom)"
    r"(?![^\W\d_])|年|次",
    re.IGNORECASE,
)


def _pins(text: str, label_end: int, other_ends: frozenset[int]) -> Iterator[PiiFinding]:
    """A PIN in digits shortly after a PIN or password word."""
    window = text[label_end : label_end + _PIN_WINDOW]
    stop = _PIN_STOP_RE.search(window)
    if stop is not None:
        window = window[: stop.start()]
    for m in _PIN_RE.finditer(window):
        start = label_end + m.start()
        gap = text[label_end:start]
        head = gap[-24:]
        direct = _PIN_GAP_RE.fullmatch(gap) is not None
        if any(start - len(head) <= end <= start for end in other_ends) or _PIN_NOT_RE.search(head):
            continue
        if direct and _PIN_YEAR_RE.fullmatch(m.group()) and not gap.strip():
            continue  # "PIN 2019 update" more likely names a year
        if direct or _SECRET_CUE_RE.search(head):
            yield _finding("password", start, start + len(m.group()), "PIN disclosed", "digits")
        break


# "login's tom.k / Bolt_8887": a user name and a secret-shaped token joined by a slash
_LOGIN_PAIR_RE: Final = re.compile(
    r"[^\n]{0,30}?(?<![\w.@+-])[\w.@+-]{2,40}\s?[/|]\s?(?P<secret>[A-Za-z0-9][A-Za-z0-9._!#$%&*+-]{3,38}"
    r"[A-Za-z0-9!#$%&*])(?![\w/])"
)


def detect_passwords(text: str, lang: str) -> Iterator[PiiFinding]:
    labels = _labels(text)
    if not labels:
        return
    if _digits(text) >= 4:
        pin_other = frozenset(
            label.end for label in labels if label.kind not in ("password", "pin")
        )
        for label in labels:
            if label.kind in ("password", "pin"):
                yield from _pins(text, label.end, pin_other)
            elif label.kind == "login":
                m = _LOGIN_PAIR_RE.match(text, label.end)
                if m is not None and _secret_shaped(m.group("secret")):
                    yield _finding(
                        "password",
                        m.start("secret"),
                        m.end("secret"),
                        "password disclosed",
                        "login pair",
                    )
    for m in _after("password", text, _PASSWORD_RE):
        secret = m.group("secret").rstrip(_TRAILING_PUNCT)
        # a CJK sentence ending glued to the secret: "パスワードはabc123です"
        secret = _CJK_TAIL_RE.sub("", secret) or secret
        # an ASCII secret glued to CJK text: "パスワードはneko2231なのに"
        glued = _GLUED_CJK_RE.match(secret)
        if glued is not None:
            secret = glued.group(1)
        start = m.start("secret")
        quoted = start > 0 and text[start - 1] in "\"'“‘«"
        if not _plausible_secret(text, secret, start + len(secret), quoted):
            continue
        yield _finding("password", start, start + len(secret), "password disclosed")
    if not _digits(text) >= 2:
        return
    other_ends = frozenset(label.end for label in labels if label.kind != "password")
    for label in labels:
        if label.kind == "password":
            yield from _shaped_secrets(text, label.end, other_ends)


# --- phone --------------------------------------------------------------------------

# digit runs shaped like phone numbers; phonenumbers then validates each one
_PHONE_CANDIDATE_RE: Final = re.compile(
    r"(?<![A-Za-z0-9_+/.-])(?:\+|00)?\(?\d(?:[ .()/-]{0,2}\d){6,16}(?![A-Za-z0-9_/-]|[.,]\d)"
)
_HOTLINE_TYPES: Final = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
        PhoneNumberType.VOICEMAIL,
    }
)
# fmt: off
PHONE_REGIONS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("US", "GB"), "es": ("ES", "MX"), "de": ("DE", "AT"), "fr": ("FR",),
    "pt": ("BR", "PT"), "it": ("IT",), "ja": ("JP",), "zh": ("CN", "TW"), "fi": ("FI",),
    "el": ("GR",), "nl": ("NL",), "sv": ("SE",), "da": ("DK",), "no": ("NO",),
    "pl": ("PL",), "tr": ("TR",), "ko": ("KR",),
}
# fmt: on
_CONTEXT_WINDOW: Final = 40
_DATE_RE: Final = re.compile(pat.DATE)


# regions tried after the post language's own when a number is written in a national
# format with separators ("0151 2345 6789", "090-1234-5678", "(11) 98765-4321")
FALLBACK_REGIONS: Final = (
    "US",
    "GB",
    "DE",
    "ES",
    "FR",
    "BR",
    "PT",
    "JP",
    "CN",
    "TW",
    "FI",
    "GR",
    "MX",
    "AT",
    "IT",
)
_THOUSANDS_RE: Final = re.compile(r"\d{1,3}(?:[ .,]\d{3})+")


def _phone_regions(raw: str, lang: str) -> tuple[str, ...]:
    own = PHONE_REGIONS.get(lang, ("US",))
    digits = re.sub(r"\D", "", raw)
    if (
        raw.startswith("+")
        or not re.search(r"[ ().-]", raw.strip())
        or _THOUSANDS_RE.fullmatch(raw.strip())
        or not 9 <= len(digits) <= 12
        or (len(digits) in (12, 13) and _ean_valid(digits))
    ):
        return own
    return own + tuple(r for r in FALLBACK_REGIONS if r not in own)


def _ean_valid(digits: str) -> bool:
    """GTIN check digit (EAN-13, UPC-A): barcodes are not phone numbers."""
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def _parse_phone(raw: str, regions: tuple[str, ...]) -> phonenumbers.PhoneNumber | None:
    if raw.startswith("00"):
        raw = "+" + raw[2:]  # international prefix written out
    for region in regions:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
        if raw.startswith("+"):
            return None  # the region played no part
    return None


_HOTLINE_BEFORE_RE: Final = re.compile(pat.HOTLINE_BEFORE)
_HOTLINE_AFTER_RE: Final = re.compile(pat.HOTLINE_AFTER)
_HOTLINE_WEAK_RE: Final = re.compile(pat.HOTLINE_BEFORE_WEAK)
_BARCODE_WORD_RE: Final = re.compile(pat.BARCODE_WORDS)


def _barcode(raw: str, folded: str) -> bool:
    """A GTIN typed as one run: 13 digits not starting with a trunk 0, or any length
    when the post talks about a barcode."""
    if not raw.isdigit() or len(raw) not in (8, 12, 13, 14) or not _ean_valid(raw):
        return False
    return (len(raw) == 13 and raw[0] != "0") or _BARCODE_WORD_RE.search(folded) is not None


def _brand_line(folded: str, start: int, end: int, mobile: bool = False) -> bool:
    """Whether the number is named as a service line or asked about as the right one."""
    before = folded[max(0, start - 40) : start]
    return (
        _HOTLINE_BEFORE_RE.search(before) is not None
        or (not mobile and _HOTLINE_WEAK_RE.search(before) is not None)
        or _HOTLINE_AFTER_RE.match(folded[end : end + 50]) is not None
    )


def detect_phones(text: str, lang: str) -> Iterator[PiiFinding]:
    if _digits(text) < 7:
        return
    folded = _folded(text)
    for m in _PHONE_CANDIDATE_RE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if not 7 <= digits <= 15 or _DATE_RE.fullmatch(m.group()) or _barcode(m.group(), folded):
            continue
        number = _parse_phone(m.group(), _phone_regions(m.group(), lang))
        if number is None:
            continue
        personal = any(
            label.kind == "personal_phone" and m.start() - _CONTEXT_WINDOW <= label.end <= m.start()
            for label in _labels(text)
        )
        kind = phonenumbers.number_type(number)
        if not personal and (
            kind in _HOTLINE_TYPES
            or _brand_line(folded, m.start(), m.end(), kind == PhoneNumberType.MOBILE)
        ):
            continue  # a brand hotline, not the customer's number
        yield _finding("phone", m.start(), m.end(), "phone number")


# --- national identity numbers -------------------------------------------------------


def taiwan_id_valid(value: str) -> bool:
    """Taiwan national ID: a letter for the place of issue, 1/2 (sex) or 8/9 (resident
    certificate), 8 digits; weighted check over the letter's two-digit code and the digits."""
    value = value.upper()
    if not re.fullmatch(r"[A-Z][1289]\d{8}", value):
        return False
    code = "ABCDEFGHJKLMNPQRSTUVXYWZIO".index(value[0]) + 10
    digits = [code // 10, code % 10] + [int(d) for d in value[1:]]
    weights = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)
    return sum(d * w for d, w in zip(digits, weights, strict=True)) % 10 == 0


def hkid_valid(value: str) -> bool:
    """Hong Kong identity card: 1-2 letters, 6 digits, check digit (0-9 or A) in brackets."""
    m = re.fullmatch(r"([A-Z]{1,2})(\d{6})\s?\(?([0-9A])\)?", value.upper())
    if m is None:
        return False
    letters, digits, check = m.groups()
    values = [36] * (2 - len(letters)) + [ord(ch) - 55 for ch in letters] + [int(d) for d in digits]
    total = sum(v * w for v, w in zip(values, range(9, 1, -1), strict=True))
    expected = (11 - total % 11) % 11
    return check == ("A" if expected == 10 else str(expected))


# fmt: off
_NATIONAL_IDS: Final[tuple[tuple[str, Callable[[str], bool], str], ...]] = (
    (r"\d{3}-\d{2}-\d{4}", ssn.is_valid, "US SSN"),
    (r"\d{8}-?[A-Za-z]", dni.is_valid, "Spanish DNI"),
    (r"[XYZxyz]-?\d{7}-?[A-Za-z]", nie.is_valid, "Spanish NIE"),
    (r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]", hetu.is_valid, "Finnish personal identity code"),
    (r"[A-Za-z]{6}\d{2}[A-Za-z]\d{2}[A-Za-z]\d{3}[A-Za-z]", codicefiscale.is_valid,
     "Italian codice fiscale"),
    (r"\d{3}\.\d{3}\.\d{3}-\d{2}", cpf.is_valid, "Brazilian CPF"),
    (r"[12] ?\d{2} ?\d{2} ?\d{2} ?\d{3} ?\d{3} ?\d{2}", nir.is_valid,
     "French social security number"),
    (r"\d{17}[\dXx]", ric.is_valid, "Chinese resident ID"),
    (r"756[. ]?\d{4}[. ]?\d{4}[. ]?\d{2}", ch_ssn.is_valid, "Swiss AHV number"),
    (r"[A-Z]{1,2}\d{6}\([0-9A]\)", hkid_valid, "Hong Kong identity card"),
)
# formats too plain to report without a national-ID word earlier in the post
_LABELLED_ONLY_IDS: Final[tuple[tuple[re.Pattern[str], Callable[[str], bool], str], ...]] = (
    (re.compile(r"(?<![A-Za-z0-9])[A-Z][12]\d{8}(?![A-Za-z0-9])"), taiwan_id_valid,
     "Taiwan national ID"),
    (re.compile(r"(?<![\d.,/-])\d{11}(?![\d/-]|[.,]\d)"), amka.is_valid, "Greek AMKA"),
    (re.compile(r"(?<![\d.,/-])\d{4} ?\d{4} ?\d{4}(?![\d/-]|[.,]\d)"), jp_in.is_valid,
     "Japanese My Number"),
    (re.compile(r"(?<![\d.,/-])\d{3} ?\d{3} ?\d{3}(?![\d/-]|[.,]\d)"), pt_nif.is_valid,
     "Portuguese NIF"),
)
_ID_LABEL_REACH: Final = 80
# fmt: on
# one scan for all formats; the named group tells which validator applies
_NATIONAL_ID_RE: Final = re.compile(
    r"(?<![A-Za-z0-9_.-])(?:"
    + "|".join(f"(?P<n{i}>{regex})" for i, (regex, _, _) in enumerate(_NATIONAL_IDS))
    + r")(?![A-Za-z0-9_-])"
)
_LABELLED_NATIONAL_ID_RE: Final = re.compile(
    pat.CONNECTOR + r"(?P<id>[A-Za-z0-9](?:[A-Za-z0-9 -]{4,18}[A-Za-z0-9]))(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def detect_national_ids(text: str, lang: str) -> Iterator[PiiFinding]:
    if _digits(text) < 7:
        return
    for m in _NATIONAL_ID_RE.finditer(text):
        _, is_valid, kind = _NATIONAL_IDS[int(str(m.lastgroup)[1:])]
        if is_valid(m.group()):
            yield _finding("national_id", m.start(), m.end(), "national ID", kind)
    for m in _after("national_id", text, _LABELLED_NATIONAL_ID_RE):
        if sum(ch.isdigit() for ch in m.group("id")) >= 6:
            yield _finding("national_id", m.start("id"), m.end("id"), "national ID", "labelled")
    ends = [label.end for label in _labels(text) if label.kind == "national_id"]
    if not ends:
        return
    for regex, is_valid, kind in _LABELLED_ONLY_IDS:
        for m in regex.finditer(text):
            if any(0 <= m.start() - end <= _ID_LABEL_REACH for end in ends) and is_valid(m.group()):
                yield _finding("national_id", m.start(), m.end(), "national ID", kind)


# --- date of birth --------------------------------------------------------------------

# the date may follow a few words: "date of birth on the booking is wrong, should be 08/05/1976"
_DOB_VALUE_RE: Final = re.compile(
    r"[^\d\n.!?。！？]{0,45}?(?<![\d/.-])(?P<date>" + pat.DATE + ")",
    re.IGNORECASE,
)


# or in the next sentence ("fails on date of birth. I'm typing 11/11/1972"), when the
# year is one a customer was born in
_DOB_NEXT_RE: Final = re.compile(
    r"[^\d\n.!?。！？]{0,30}[.!?。！？]\s*[^\d\n.!?。！？]{0,30}?(?<![\d/.-])(?P<date>"
    + pat.DATE
    + ")",
    re.IGNORECASE,
)
_BIRTH_YEAR_RE: Final = re.compile(r"(?:19[2-9]\d|200\d|201[0-5])(?!\d)")


def detect_dobs(text: str, lang: str) -> Iterator[PiiFinding]:
    for m in _after("dob", text, _DOB_VALUE_RE):
        yield _finding("dob", m.start("date"), m.end("date"), "date of birth")
    for m in _after("dob", text, _DOB_NEXT_RE):
        if _BIRTH_YEAR_RE.search(m.group("date")):
            yield _finding("dob", m.start("date"), m.end("date"), "date of birth", "next sentence")


# --- postal address -------------------------------------------------------------------

# (words one of which must occur, pattern): the cheap word test skips most posts
# fmt: off
_ADDRESS_RES: Final[tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]] = (
    # 221B Baker Street / 12 Main St.
    (("street", " st", "avenue", " ave", "road", " rd", "lane", " ln", "boulevard", "blvd",
      "drive", " dr", "court", " ct", " way", "place", " pl", "terrace", "close", "crescent",
      "square", " sq"),
     re.compile(
         r"(?<![\w-])\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\.?\s+){1,3}"
         r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Court|Ct|Way|"
         r"Place|Pl|Terrace|Close|Crescent|Square|Sq)\b\.?")),
    # Hauptstraße 12a / Berliner Allee 3
    (("straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer"),
     re.compile(
         r"(?<!\w)(?:[A-ZÄÖÜ][a-zäöüß]+\s+){0,2}[A-ZÄÖÜ][a-zäöüß]*"
         r"(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|"
         r" Straße| Strasse| Str\.| Weg| Platz| Allee| Gasse)\s+\d{1,4}\s?[a-z]?(?!\w)")),
    # Calle Mayor 5 / Rua Augusta, 120 / Via Roma 10
    (("calle", "c/", "avenida", "avda", "plaza", "paseo", "camino", "carrer", "rua ",
      "travessa", "largo", "via ", "viale", "piazza", "corso", "vicolo"),
     re.compile(
         r"(?<!\w)(?:Calle|C/|Avenida|Avda\.|Plaza|Paseo|Camino|Carrer|Rua|Travessa|Largo|"
         r"Via|Viale|Piazza|Corso|Vicolo)\s+(?:(?:de|del|la|las|los|da|do|dos|das|di|della)\s+)*"
         r"[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\wÀ-ÿ'-]*(?:\s+(?:(?:de|del|la|da|do|di|della)\s+)?"
         r"[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\wÀ-ÿ'-]*){0,3},?\s*(?:n[º°.]\s*)?\d{1,5}[A-Za-z]?(?!\w)")),
    # 12 rue de la Paix
    (("rue ", "avenue", "boulevard", "bd ", "allée", "place", "impasse", "chemin", "quai",
      "cours"),
     re.compile(
         r"(?<![\w-])\d{1,4}(?:\s?(?:bis|ter))?,?\s+"
         r"(?:rue|avenue|boulevard|bd|allée|place|impasse|chemin|quai|cours)\s+"
         r"(?:(?:de|du|des|la|le)\s+|l')*[A-ZÉÈ][\w'-]*"
         r"(?:\s+(?:(?:de|du|des|la|le)\s+|l')*[A-ZÉÈ][\w'-]*){0,3}")),
    # Mannerheimintie 12 A 5 / Hämeenkatu 3
    (("katu", "tie ", "tie,", "kuja", "polku", "väylä", "ranta", "tori"),
     re.compile(
         r"(?<!\w)[A-ZÄÖÅ][a-zäöå-]*(?:katu|tie|kuja|polku|väylä|ranta|tori)\s+\d{1,4}"
         r"(?:\s?[A-Za-z](?:\s?\d{1,3})?)?(?!\w)")),
    # οδός Ερμού 25 / Λεωφ. Κηφισίας 120 / Πατησίων 45, 104 34 Αθήνα
    (("οδός", "οδο", "οδ.", "λεωφ", "πλατεία", "τκ", "τ.κ."),
     re.compile(
         r"(?<!\w)(?:[Οο]δός|[Οο]δό|[Οο]δ\.|Λεωφ(?:όρος|όρο|\.)|Πλατεία)\s+"
         r"[Α-ΩΆ-Ώ][α-ωά-ώϊϋΐΰ]+(?:\s+[Α-ΩΆ-Ώ][α-ωά-ώϊϋΐΰ]+)?\s+\d{1,4}(?!\w)")),
    (("οδός", "οδο", "οδ.", "λεωφ", "τκ", "τ.κ.", "αθήνα", "θεσσαλονίκη"),
     re.compile(r"(?<!\w)[Α-ΩΆ-Ώ][α-ωά-ώϊϋΐΰ]+\s+\d{1,4},\s*(?:Τ\.?Κ\.?\s*)?\d{3}\s?\d{2}(?!\d)")),
    # Av. Paulista, 1000 / Avda. de América 12
    (("av.", "avda", "r.", "estrada"),
     re.compile(
         r"(?<!\w)(?:Av\.|Avda\.?|R\.|Estrada)\s+(?:(?:de|da|do|dos|das|del)\s+)*"
         r"[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\wÀ-ÿ'-]*(?:\s+[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\wÀ-ÿ'-]*){0,3},?\s*"
         r"(?:n[º°.]\s*)?\d{1,5}(?!\w)")),
    # 東京都千代田区丸の内1-2-3
    (("都", "道", "府", "県"),
     re.compile(
         r"(?:東京都|北海道|大阪府|京都府|[一-龥]{2,3}県)[一-龥ぁ-んァ-ン]{1,12}?[市区町村郡]"
         r"[一-龥ぁ-んァ-ン]{0,12}?[0-9０-９]{1,4}(?:丁目|[-−‐ー])[0-9０-９]{1,4}"
         r"(?:(?:番地?|[-−‐ー])[0-9０-９]{1,4}号?)?")),
    # 上海市浦东新区世纪大道100号
    (("号", "號"),
     re.compile(r"[一-龥]{2,8}?[省市区區县縣][一-龥]{0,12}?[路街道巷][一-龥]{0,6}?\d{1,5}[号號]")),
    # 新界沙田安群街3號...12樓B室 / 台北市信義路五段7號8樓: street and number, then a floor
    (("樓", "楼", "室"),
     re.compile(r"[一-龥]{2,14}?[路街道巷里][一-龥]{0,6}?\d{1,5}[号號]"
                r"[一-龥A-Za-z0-9]{0,12}?\d{1,3}\s*(?:[樓楼层層]|/F|F)(?:\s*[A-Za-z0-9]{1,3}\s*室)?")),
)
# fmt: on
_ADDRESS_GATES: Final = tuple(
    (re.compile("|".join(map(re.escape, words))), regex) for words, regex in _ADDRESS_RES
)
_ADDRESS_VALUE_RE: Final = re.compile(
    r"\s*:?\s*(?P<addr>[^.!?\n]{0,60}?\d[^.!?\n]{0,40}?)(?=\s*(?:[.!?\n]|$))"
)


# a house number next to a capitalised word, or CJK text with a number: "Elm Street 5",
# "5 Elm", "12, Rue", "中山路100号"
_ADDRESS_SHAPE_RE: Final = re.compile(
    r"[A-ZÀ-ÖØ-ÞΑ-ΩΆ-Ώ][^\W\d_]+\.?,?\s+\d{1,5}[a-zA-Z]?(?!\d)"
    r"|(?<!\d)\d{1,5}[a-zA-Z]?,?\s+[A-ZÀ-ÖØ-ÞΑ-ΩΆ-Ώ][^\W\d_]+"
    r"|[一-龥ぁ-んァ-ン].{0,12}\d{1,5}\s*(?:号|號|番地?|丁目|[-−‐])"
)


def detect_addresses(text: str, lang: str) -> Iterator[PiiFinding]:
    if not _digits(text):
        return
    lowered = text.lower()
    for gate, regex in _ADDRESS_GATES:
        if not gate.search(lowered):
            continue
        for m in regex.finditer(text):
            yield _finding("address", m.start(), m.end(), "postal address")
    for m in _after("address", text, _ADDRESS_VALUE_RE):
        yield _finding("address", m.start("addr"), m.end("addr"), "postal address")
    for m in _after("address_near", text, _ADDRESS_VALUE_RE):
        if _ADDRESS_SHAPE_RE.search(m.group("addr")):
            yield _finding("address", m.start("addr"), m.end("addr"), "postal address")


# --- orchestration ----------------------------------------------------------------------

Detector = Callable[[str, str], Iterable[PiiFinding]]
DETECTORS: Final[tuple[Detector, ...]] = (
    detect_emails,
    detect_cards,
    detect_ibans,
    detect_account_ids,
    detect_order_ids,
    detect_passwords,
    detect_phones,
    detect_national_ids,
    detect_dobs,
    detect_addresses,
)


def resolve_overlaps(findings: Iterable[PiiFinding]) -> list[PiiFinding]:
    """Keep the highest-priority (then longest) finding wherever spans overlap."""
    ranked = sorted(
        findings,
        key=lambda f: (-PRIORITY.get(f.span.type, 0), f.span.start - f.span.end, f.span.start),
    )
    kept: list[PiiFinding] = []
    for finding in ranked:
        span = finding.span
        if span.end > span.start and all(
            span.end <= k.span.start or span.start >= k.span.end for k in kept
        ):
            kept.append(finding)
    kept.sort(key=lambda f: f.span.start)
    return kept


def detect_pii(
    text: str,
    lang: str = "und",
    *,
    extra: Iterable[PiiFinding] = (),
    detectors: Iterable[Detector] = DETECTORS,
) -> list[PiiFinding]:
    """All PII in ``text``: sorted by start, non-overlapping, outside URLs/@handles.

    ``extra`` adds findings made elsewhere (health terms from the sensitive-topic
    lexicon) so that they take part in overlap resolution.
    """
    noise = noise_spans(text)
    found: list[PiiFinding] = list(extra)
    for detector in detectors:
        found.extend(detector(text, lang))
    if noise:
        found = [f for f in found if all(f.span.end <= s or f.span.start >= e for s, e in noise)]
    return resolve_overlaps(found)
