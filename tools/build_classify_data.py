#!/usr/bin/env python3
"""Build the labelled classifier development set from hand-written sources.

Sources: ``data/classify/source/<lang>.txt``, one post per line::

    <code>[!] <text>

``code`` is the intent (def, ord, com, pra, que, oth); ``!`` marks a post as sensitive
even when it holds no personal data (hacked account, fraud, bereavement...). A post with
any personal-data span is always sensitive. Lines starting with ``#`` are comments.

Markup inside the text:

* ``{email}``, ``{phone}``, ``{card}``, ``{iban}``, ``{acct}``, ``{last4}``, ``{order}``,
  ``{booking}``, ``{tracking}``, ``{case}``, ``{password}``, ``{natid}``, ``{dob}``:
  generated, valid values (Luhn cards, checksum IBANs, valid phone numbers...) with a span;
* ``[[type|surface]]``: a literal personal-data span (address, health, ...);
* ``[[neg:kind|surface]]``: a hard negative (flight number, price, model, hotline...);
  it is recorded in ``negatives`` so the evaluation can count false positives on it.

About 40% of the posts also get a style variant (lower-cased, accents dropped, typo,
brand @handle, hashtag, URL, emoji, truncation); a variant always shares its post's split.
Splits are stratified by language and intent, ~60/20/20, deterministic.
``data/classify/source/<lang>_train_extra.txt`` (same format) holds training-only posts:
they always go to the train split (ids ``<lang>-xNNN``) and never change the other posts,
except the posts after a ``#@fresh`` line: those were written later, by another hand, in the
styles of real public posts (airline and brand tweets, rail feedback, ISP posts, shop and
food-delivery reviews), and half of them form the held-out ``fresh`` split. The half kept
for training (and read while writing detector rules) was chosen by row id when the posts
were added, so a post group is held out only when every one of its rows (the post and its
style variant) hashes odd. Posts after a ``#@train`` line are training-only again; they are
rendered after all the others, with their own random stream, so adding them never changes
an earlier post's variant, id or split. Posts after a ``#@fresh2`` line form the held-out
``fresh2`` split whole (real-post styles with real brand names, written after the others and
scored before anything was tuned on them); they are rendered last, with their own stream.
Posts after a ``#@dev2`` line form the ``dev2`` split (a second development set, by later
writers, for choices the first dev split is too small or too close to the lexicons for).
Posts after a ``#@fresh3`` line form the held-out ``fresh3`` split whole (a third session's
round in el, fi, zh and ja: scored once unseen, then kept out of training because training on
it lowered dev2).

Run: ``python tools/build_classify_data.py`` (rewrites ``data/classify/messages.jsonl``).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "classify" / "source"
OUT = ROOT / "data" / "classify" / "messages.jsonl"

CODES = {
    "def": "defect",
    "ord": "order",
    "com": "complaint",
    "pra": "praise",
    "que": "question",
    "oth": "other",
}
PLACEHOLDER_TYPE = {
    "email": "email",
    "phone": "phone",
    "card": "card",
    "iban": "iban",
    "acct": "account_id",
    "last4": "account_id",
    "order": "order_id",
    "booking": "order_id",
    "tracking": "order_id",
    "case": "order_id",
    "password": "password",
    "natid": "national_id",
    "dob": "dob",
}
EXTRA_SUFFIX = "_train_extra"  # <lang>_train_extra.txt: training-only posts
FRESH_MARK = "#@fresh"  # in a _train_extra file: the posts below are half held out
LATE_MARK = "#@train"  # ... and the posts below this one are training-only, rendered last
FRESH2_MARK = "#@fresh2"  # ... and the posts below this one are held out whole
DEV2_MARK = "#@dev2"  # ... and the posts below this one form a second development split
FRESH3_MARK = "#@fresh3"  # ... and the posts below this one are held out whole (third set)
MARKUP_RE = re.compile(r"\{(\w+)\}|\[\[([\w:]+)\|([^\]]+)\]\]")

# ---------------------------------------------------------------- value generators

NAMES = {
    "en": ["jess.m", "tom_harris", "kelly.oconnor", "mike1987", "sarah.w", "dan.b"],
    "es": ["lucia.gomez", "javi_martin", "mariajose.r", "pablo.ortiz", "carmen77"],
    "de": ["jonas.mueller", "lena.schmidt", "k.wagner", "tim_becker", "anna.hoff"],
    "fr": ["camille.durand", "julien.b", "manon.petit", "lucas_moreau", "c.lefebvre"],
    "pt": ["joao.silva", "ana_costa", "rafa.oliveira", "beatriz.santos", "tiago.p"],
    "zh": ["wangfang88", "li.wei", "zhangmin", "chenjie.hk", "liu_yang"],
    "ja": ["tanaka.yuki", "sato_haruka", "k.suzuki", "mei.takahashi", "ren.ito"],
    "fi": ["mikko.virtanen", "anna.korhonen", "jussi_n", "laura.makinen", "eero.h"],
    "el": ["giorgos.pap", "maria.k", "nikos_ant", "eleni.dim", "kostas.g"],
}
DOMAINS = {
    "en": ["gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com"],
    "es": ["gmail.com", "hotmail.es", "yahoo.es", "outlook.es"],
    "de": ["gmx.de", "web.de", "gmail.com", "t-online.de"],
    "fr": ["orange.fr", "gmail.com", "free.fr", "laposte.net"],
    "pt": ["gmail.com", "sapo.pt", "hotmail.com", "uol.com.br"],
    "zh": ["qq.com", "163.com", "gmail.com", "yahoo.com.hk"],
    "ja": ["docomo.ne.jp", "gmail.com", "yahoo.co.jp", "ezweb.ne.jp"],
    "fi": ["gmail.com", "luukku.com", "outlook.com", "kolumbus.fi"],
    "el": ["gmail.com", "yahoo.gr", "hotmail.com", "otenet.gr"],
}
PHONE_REGION = {
    "en": ["US", "GB"],
    "es": ["ES", "MX"],
    "de": ["DE", "AT"],
    "fr": ["FR"],
    "pt": ["PT", "BR"],
    "zh": ["CN", "HK", "TW"],
    "ja": ["JP"],
    "fi": ["FI"],
    "el": ["GR"],
}
IBAN_COUNTRY = {
    "en": ("GB", "NWBK", 14),
    "es": ("ES", "", 20),
    "de": ("DE", "", 18),
    "fr": ("FR", "", 23),
    "pt": ("PT", "", 21),
    "zh": ("DE", "", 18),
    "ja": ("FR", "", 23),
    "fi": ("FI", "", 14),
    "el": ("GR", "", 23),
}


def _phone(rng: random.Random, lang: str) -> str:
    for _ in range(1000):
        region = rng.choice(PHONE_REGION[lang])
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        if example is None:
            continue
        digits = str(example.national_number)
        keep = 3 if len(digits) > 6 else 1
        candidate = digits[:keep] + "".join(str(rng.randrange(10)) for _ in digits[keep:])
        number = phonenumbers.parse(candidate, region)
        if not phonenumbers.is_valid_number(number):
            continue
        style = rng.random()
        if style < 0.4:
            fmt = phonenumbers.PhoneNumberFormat.INTERNATIONAL
        elif style < 0.8:
            fmt = phonenumbers.PhoneNumberFormat.NATIONAL
        else:
            fmt = phonenumbers.PhoneNumberFormat.E164
        return phonenumbers.format_number(number, fmt)
    raise RuntimeError(f"no valid phone for {lang}")


def _card(rng: random.Random) -> str:
    head = rng.choice(["4", "51", "52", "55", "37"])
    length = 15 if head == "37" else 16
    body = head + "".join(str(rng.randrange(10)) for _ in range(length - len(head) - 1))
    number = body + luhn.calc_check_digit(body)
    if rng.random() < 0.5 and length == 16:
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))
    if rng.random() < 0.3 and length == 16:
        return "-".join(number[i : i + 4] for i in range(0, 16, 4))
    return number


def _iban(rng: random.Random, lang: str) -> str:
    country, bank, n = IBAN_COUNTRY[lang]
    for _ in range(20000):  # some countries add national check digits: draw until valid
        bban = bank + "".join(str(rng.randrange(10)) for _ in range(n))
        check = stdnum_iban.calc_check_digits(country + "00" + bban)
        number = country + check + bban
        if stdnum_iban.is_valid(number):
            break
    else:
        raise RuntimeError(f"no valid IBAN for {country}")
    if rng.random() < 0.6:
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    return number


def _natid(rng: random.Random, lang: str) -> str:
    digits = "".join(str(rng.randrange(10)) for _ in range(8))
    if lang == "es":
        return digits + "TRWAGMYFPDXBNJZSQVHLCKE"[int(digits) % 23]
    if lang == "fi":
        day, month, year = rng.randrange(1, 28), rng.randrange(1, 13), rng.randrange(50, 99)
        ind = rng.randrange(2, 899)
        base = f"{day:02d}{month:02d}{year:02d}{ind:03d}"
        check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(base[:6] + base[6:]) % 31]
        return f"{day:02d}{month:02d}{year:02d}-{ind:03d}{check}"
    if lang == "pt":
        base = [rng.randrange(10) for _ in range(9)]
        for _ in range(2):
            total = sum(d * w for d, w in zip(base, range(len(base) + 1, 1, -1)))
            base.append((total * 10 % 11) % 10)
        s = "".join(map(str, base))
        return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"
    if lang == "zh":
        area = rng.choice(["110101", "310104", "440305", "330106"])
        birth = f"{rng.randrange(1960, 2002)}{rng.randrange(1, 13):02d}{rng.randrange(1, 28):02d}"
        seq = f"{rng.randrange(1000):03d}"
        body = area + birth + seq
        weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
        return body + check
    if lang == "fr":
        body = f"{rng.choice('12')}{rng.randrange(50, 99)}{rng.randrange(1, 13):02d}"
        body += f"{rng.randrange(1, 96):02d}{rng.randrange(1, 999):03d}{rng.randrange(1, 999):03d}"
        key = 97 - int(body) % 97
        return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"
    area = rng.randrange(100, 665)
    return f"{area:03d}-{rng.randrange(10, 99):02d}-{rng.randrange(1000, 9999):04d}"


def _dob(rng: random.Random, lang: str) -> str:
    y, m, d = rng.randrange(1950, 2004), rng.randrange(1, 13), rng.randrange(1, 29)
    if lang in ("zh", "ja"):
        return f"{y}年{m}月{d}日" if rng.random() < 0.6 else f"{y}/{m:02d}/{d:02d}"
    if lang == "en" and rng.random() < 0.5:
        return f"{m:02d}/{d:02d}/{y}"
    sep = rng.choice(["/", ".", "-"]) if lang in ("de", "fi") else "/"
    if lang in ("de", "fi"):
        sep = "."
    return f"{d:02d}{sep}{m:02d}{sep}{y}"


def _password(rng: random.Random) -> str:
    words = ["sunny", "Bolt", "kissa", "gato", "Tiger", "mavi", "perro", "Stern", "luna"]
    return rng.choice(words) + rng.choice(["", "_", "."]) + str(rng.randrange(10, 9999))


def _order(rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 0:
        return "".join(str(rng.randrange(10)) for _ in range(rng.choice([8, 9, 10])))
    if style == 1:
        a = "".join(str(rng.randrange(10)) for _ in range(7))
        b = "".join(str(rng.randrange(10)) for _ in range(7))
        return f"{rng.randrange(100, 999)}-{a}-{b}"
    if style == 2:
        return rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + "".join(
            str(rng.randrange(10)) for _ in range(rng.choice([6, 7, 8]))
        )
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10))


def _booking(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "".join(rng.choice(letters + "23456789") for _ in range(6))


def _tracking(rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXY") for _ in range(16))
    if style == 1:
        return (
            rng.choice(["RR", "LX", "CP", "JD", "YT"])
            + "".join(str(rng.randrange(10)) for _ in range(9))
            + rng.choice(["CN", "DE", "ES", "PT", "FI", "GR", "FR"])
        )
    return "".join(str(rng.randrange(10)) for _ in range(12))


def _case(rng: random.Random) -> str:
    return rng.choice(["CAS-", "SR", "INC", "#", ""]) + "".join(
        str(rng.randrange(10)) for _ in range(rng.choice([6, 7, 8]))
    )


def _acct(rng: random.Random) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(rng.choice([8, 9, 10, 11])))


def generate(kind: str, rng: random.Random, lang: str) -> str:
    """A fresh, valid value for placeholder ``kind``."""
    if kind == "email":
        return f"{rng.choice(NAMES[lang])}@{rng.choice(DOMAINS[lang])}"
    if kind == "phone":
        return _phone(rng, lang)
    if kind == "card":
        return _card(rng)
    if kind == "iban":
        return _iban(rng, lang)
    if kind == "acct":
        return _acct(rng)
    if kind == "last4":
        return "".join(str(rng.randrange(10)) for _ in range(4))
    if kind == "order":
        return _order(rng)
    if kind == "booking":
        return _booking(rng)
    if kind == "tracking":
        return _tracking(rng)
    if kind == "case":
        return _case(rng)
    if kind == "password":
        return _password(rng)
    if kind == "natid":
        return _natid(rng, lang)
    if kind == "dob":
        return _dob(rng, lang)
    raise ValueError(f"unknown placeholder {{{kind}}}")


# ---------------------------------------------------------------- posts


@dataclass
class Segment:
    text: str
    kind: str | None = None  # PII type, "neg:<kind>", or None for plain text


@dataclass
class Post:
    id: str
    lang: str
    intent: str
    sensitive: bool
    segments: list[Segment]
    group: str
    variant: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def render(self) -> dict[str, object]:
        text = ""
        pii: list[dict[str, object]] = []
        negatives: list[dict[str, object]] = []
        for seg in self.segments:
            start = len(text)
            text += seg.text
            if seg.kind is None:
                continue
            span: dict[str, object] = {"start": start, "end": len(text)}
            if seg.kind.startswith("neg:"):
                negatives.append({"type": seg.kind[4:], **span})
            else:
                pii.append({"type": seg.kind, **span})
        return {
            "id": self.id,
            "text": text,
            "lang": self.lang,
            "intent": self.intent,
            "sensitive": self.sensitive or bool(pii),
            "pii": pii,
            "negatives": negatives,
            "group": self.group,
            **({"variant": self.variant} if self.variant else {}),
            **self.extra,
        }


def parse_line(line: str, lang: str, pid: str, rng: random.Random) -> Post:
    code, _, text = line.partition(" ")
    sensitive = code.endswith("!")
    intent = CODES[code.rstrip("!")]
    segments: list[Segment] = []
    pos = 0
    for m in MARKUP_RE.finditer(text):
        if m.start() > pos:
            segments.append(Segment(text[pos : m.start()]))
        if m.group(1):
            kind = m.group(1)
            segments.append(Segment(generate(kind, rng, lang), PLACEHOLDER_TYPE[kind]))
        else:
            segments.append(Segment(m.group(3), m.group(2)))
        pos = m.end()
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return Post(pid, lang, intent, sensitive, segments, pid)


# ---------------------------------------------------------------- style variants

HANDLES = {
    "en": ["@SkyJetAir", "@RailLinkUK", "@ZoomFibre", "@ShopHub_help", "@QuickBite", "@NovaBank"],
    "es": [
        "@AeroSolES",
        "@RenfeVia",
        "@MovistelAyuda",
        "@CompraYa",
        "@ComidaRapidaES",
        "@BancoNube",
    ],
    "de": ["@FlugBlau", "@BahnPlus", "@NetzKom_hilft", "@Kaufhaus24", "@LieferFix", "@GeldApp"],
    "fr": [
        "@AirAzurFR",
        "@TrainExpress",
        "@FibreMax_SAV",
        "@ColisVite",
        "@MiamLivraison",
        "@BanqueZen",
    ],
    "pt": ["@VoaBemPT", "@CombioAjuda", "@NetMais", "@LojaFacil", "@RangoJa", "@BancoLeve"],
    "zh": ["@东方快航", "@云购客服", "@速达外卖", "@華信電訊", "@易付銀行"],
    "ja": ["@SoraAir_JP", "@HikariNet_help", "@KaiMono_jp", "@DeliMeshi", "@MiraiBank"],
    "fi": ["@LentoNorth", "@RaideVR_apu", "@NettiTeleFi", "@KauppaNet", "@RuokaHeti", "@PankkiApp"],
    "el": [
        "@AegeanSky_GR",
        "@TrenoHellas",
        "@NetLinkGR",
        "@AgoraShop",
        "@FagitoTora",
        "@TrapezaApp",
    ],
}
TAGS = {
    "en": ["#fail", "#customerservice", "#help", "#smh", "#love", "#mondays"],
    "es": ["#fail", "#atencionalcliente", "#quejas", "#ayuda", "#gracias"],
    "de": ["#fail", "#kundenservice", "#ärgerlich", "#danke", "#hilfe"],
    "fr": ["#fail", "#serviceclient", "#merci", "#galère", "#sncfail"],
    "pt": ["#fail", "#atendimento", "#socorro", "#obrigado", "#reclamação"],
    "zh": ["#客服", "#吐槽", "#求助", "#点赞"],
    "ja": ["#拡散希望", "#神対応", "#困った", "#ありがとう"],
    "fi": ["#asiakaspalvelu", "#fail", "#kiitos", "#apua"],
    "el": ["#εξυπηρέτηση", "#fail", "#ευχαριστώ", "#βοήθεια"],
}
EMOJI = ["😡", "🙃", "😂", "🙏", "😭", "👍", "🤦", "💀", "❤️", "😤", "🤷", "🔥"]


def _strip_accents(s: str) -> str:
    out = []
    for ch in s:
        if "CJK" in unicodedata.name(ch, "") or "HIRAGANA" in unicodedata.name(ch, ""):
            out.append(ch)
            continue
        d = unicodedata.normalize("NFD", ch)
        kept = "".join(c for c in d if not unicodedata.combining(c) or c in "\u3099\u309a")
        out.append(unicodedata.normalize("NFC", kept) if kept else ch)
    return "".join(out)


def _typo(s: str, rng: random.Random) -> str:
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]{5,}", s)]
    if not words:
        return s
    a, b = rng.choice(words)
    i = rng.randrange(a + 1, b - 1)
    return s[:i] + s[i + 1] + s[i] + s[i + 2 :]


def variant(post: Post, rng: random.Random) -> Post | None:
    """A restyled copy of ``post`` (spans kept intact), or None if nothing applies."""
    segs = [Segment(s.text, s.kind) for s in post.segments]
    applied: list[str] = []
    plain = [s for s in segs if s.kind is None]
    ops = ["lower", "accents", "typo", "handle", "tag", "emoji", "url", "truncate"]
    rng.shuffle(ops)
    for op in ops[: rng.choice([1, 2, 2, 3])]:
        if op == "lower" and post.lang not in ("zh", "ja"):
            for s in segs:
                if not s.kind or s.kind in ("address", "health"):
                    s.text = s.text.lower()
        elif op == "accents" and post.lang in ("es", "de", "fr", "pt", "fi", "el"):
            for s in plain:
                s.text = _strip_accents(s.text)
        elif op == "typo" and plain:
            s = max(plain, key=lambda x: len(x.text))
            s.text = _typo(s.text, rng)
        elif op == "handle":
            segs.insert(0, Segment(rng.choice(HANDLES[post.lang]) + " "))
        elif op == "tag":
            segs.append(Segment(" " + rng.choice(TAGS[post.lang])))
        elif op == "emoji":
            segs.append(Segment(" " + rng.choice(EMOJI) * rng.choice([1, 1, 2, 3])))
        elif op == "url":
            segs.append(
                Segment(
                    " https://t.co/" + "".join(rng.choice("aBcD3fGh7kLmN9pQ") for _ in range(10))
                )
            )
        elif op == "truncate":
            last = segs[-1]
            if last.kind is not None or len(last.text) <= 40 or post.intent == "other":
                continue
            cut = int(len(last.text) * 0.8)
            last.text = last.text[:cut].rstrip() + "…"
        else:
            continue
        applied.append(op)
    if not applied:
        return None
    return Post(
        post.id + "-v",
        post.lang,
        post.intent,
        post.sensitive,
        segs,
        post.group,
        "+".join(applied),
        dict(post.extra),
    )


# ---------------------------------------------------------------- splits


def assign_splits(posts: list[Post]) -> dict[str, str]:
    """Stratified by (lang, intent, sensitive): 60% train, 20% dev, 20% test per stratum."""
    strata: dict[tuple[str, str, bool], list[str]] = {}
    for p in posts:
        strata.setdefault((p.lang, p.intent, p.sensitive), []).append(p.group)
    split: dict[str, str] = {}
    for key in sorted(strata):
        groups = sorted(strata[key], key=lambda g: hashlib.sha256(g.encode()).hexdigest())
        n = len(groups)
        n_dev = round(n * 0.2)
        n_test = round(n * 0.2)
        for i, g in enumerate(groups):
            split[g] = "test" if i < n_test else "dev" if i < n_test + n_dev else "train"
    return split


def read_source(
    path: Path,
    id_prefix: str,
    fresh: set[str] | None = None,
    late: set[str] | None = None,
    fresh2: set[str] | None = None,
    dev2: set[str] | None = None,
    fresh3: set[str] | None = None,
) -> list[Post]:
    """The posts of one source file; ids ``<id_prefix>NNN``. Raises ValueError on bad lines.
    The groups of posts after a ``#@fresh`` line are added to ``fresh``, those after a
    ``#@train`` line to ``late``, those after a ``#@fresh2`` line to ``fresh2``, those after
    a ``#@dev2`` line to ``dev2``, those after a ``#@fresh3`` line to ``fresh3``."""
    stem = path.stem  # "en", "zh-hans", "pt_train_extra", "zh-hant_train_extra"...
    base = stem.removesuffix(EXTRA_SUFFIX)
    lang = base.split("-")[0]
    rng = random.Random(stem)
    posts: list[Post] = []
    n = 0
    region = ""
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line in (FRESH_MARK, LATE_MARK, FRESH2_MARK, DEV2_MARK, FRESH3_MARK):
            region = line
        if not line or line.startswith("#"):
            continue
        n += 1
        try:
            post = parse_line(line, lang, f"{id_prefix}{n:03d}", rng)
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{path.name}:{lineno}: {exc}") from exc
        if base.startswith("zh-"):
            post.extra["script"] = base[3:]
        target = {
            FRESH_MARK: fresh,
            LATE_MARK: late,
            FRESH2_MARK: fresh2,
            DEV2_MARK: dev2,
            FRESH3_MARK: fresh3,
        }.get(region)
        if target is not None:
            target.add(post.group)
        posts.append(post)
    return posts


def _odd(row_id: str) -> bool:
    return int(hashlib.sha1(row_id.encode()).hexdigest(), 16) % 2 == 1


def hold_out_fresh(rows: list[dict[str, object]], fresh: set[str]) -> None:
    """Move to the ``fresh`` split the groups below a ``#@fresh`` mark whose rows all hash odd."""
    odd_groups: dict[str, bool] = {}
    for row in rows:
        group = str(row["group"])
        if group in fresh:
            odd_groups[group] = odd_groups.get(group, True) and _odd(str(row["id"]))
    for row in rows:
        if odd_groups.get(str(row["group"])):
            row["split"] = "fresh"


def _rows(posts: list[Post], split: dict[str, str], rng: random.Random) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for post in posts:
        rows = [post]
        if rng.random() < 0.42:
            v = variant(post, rng)
            if v is not None:
                rows.append(v)
        for row in rows:
            rendered = row.render()
            rendered["split"] = split[row.group]
            out.append(rendered)
    return out


def main() -> int:
    # The stratified sources are split train/dev/test; the ``*_train_extra.txt`` sources are
    # training-only and processed after them with their own random streams, so adding extra
    # posts never changes an existing post's text, variant or split.
    posts: list[Post] = []
    extra: list[Post] = []
    fresh: set[str] = set()
    late: set[str] = set()
    fresh2: set[str] = set()
    dev2: set[str] = set()
    fresh3: set[str] = set()
    try:
        for path in sorted(SOURCE.glob("*.txt")):
            if path.stem.endswith(EXTRA_SUFFIX):
                continue
            posts += read_source(path, f"{path.stem}-")
        for path in sorted(SOURCE.glob(f"*{EXTRA_SUFFIX}.txt")):
            prefix = f"{path.stem.removesuffix(EXTRA_SUFFIX)}-x"
            extra += read_source(path, prefix, fresh, late, fresh2, dev2, fresh3)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    split = assign_splits(posts)
    out = _rows(posts, split, random.Random(2024))
    train_only = {p.group: "train" for p in extra}
    extra_rows = _rows(
        [p for p in extra if p.group not in late | fresh2 | dev2 | fresh3],
        train_only,
        random.Random("train-extra"),
    )
    hold_out_fresh(extra_rows, fresh)
    out += extra_rows
    out += _rows(
        [p for p in extra if p.group in late], train_only, random.Random("train-extra-late")
    )
    out += _rows(
        [p for p in extra if p.group in fresh2],
        dict.fromkeys(fresh2, "fresh2"),
        random.Random("fresh2"),
    )
    out += _rows(
        [p for p in extra if p.group in dev2], dict.fromkeys(dev2, "dev2"), random.Random("dev2")
    )
    out += _rows(
        [p for p in extra if p.group in fresh3],
        dict.fromkeys(fresh3, "fresh3"),
        random.Random("fresh3"),
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    by_lang: dict[str, int] = {}
    by_split: dict[str, int] = {}
    for r in out:
        by_lang[str(r["lang"])] = by_lang.get(str(r["lang"]), 0) + 1
        by_split[str(r["split"])] = by_split.get(str(r["split"]), 0) + 1
    print(f"wrote {len(out)} posts to {OUT.relative_to(ROOT)}: {by_lang}, splits {by_split}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
