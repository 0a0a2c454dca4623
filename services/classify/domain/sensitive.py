"""Sensitive topics that need no digits: hacked accounts, fraud, bereavement,
health, self-harm, financial hardship, and offers to post card details.

``SENSITIVE_TOPICS[reason][lang]`` lists phrases (syntax of :mod:`.matcher`). All
languages are matched on every post: the phrases are specific enough, and a
bereavement mentioned in a second language must still be caught.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from .matcher import PhraseMatcher
from .pii import PiiFinding
from .results import PiiSpan
from .text import Prepared

ACCOUNT_COMPROMISED: Final = "account compromised"
FRAUD: Final = "fraud / unauthorised charge"
BEREAVEMENT: Final = "bereavement"
HEALTH: Final = "health information"
SELF_HARM: Final = "self-harm risk"
HARDSHIP: Final = "financial hardship"
CARD_DETAILS: Final = "asks to post card details"

TopicLexicon = Mapping[str, Mapping[str, tuple[str, ...]]]

# fmt: off
SENSITIVE_TOPICS: Final[TopicLexicon] = {
    ACCOUNT_COMPROMISED: {
        "en": ("hacked", "hacker*", "compromised", "someone logged into my account",
               "someone accessed my account", "someone changed my password",
               "account taken over", "account takeover", "unauthorised login*",
               "unauthorized login*", "unauthorised access", "unauthorized access",
               "suspicious login*", "phishing", "sim swap*"),
        "es": ("hackeado", "hackeada", "hackearon", "me hackearon", "pirateado", "pirateada",
               "alguien entró en mi cuenta", "accedieron a mi cuenta",
               "acceso no autorizado", "suplantación"),
        "de": ("gehackt", "kompromittiert", "fremder zugriff", "unbefugter zugriff",
               "jemand hat sich in mein konto eingeloggt"),
        "fr": ("piraté", "piratée", "piratage", "hacké", "compte compromis",
               "accès non autorisé", "quelqu'un s'est connecté"),
        "pt": ("hackeado", "hackeada", "conta invadida", "invadiram minha conta",
               "acesso não autorizado", "clonaram", "clonado"),
        "it": ("hackerato", "hackerata", "account violato", "accesso non autorizzato",
               "qualcuno è entrato nel mio account"),
        "ja": ("乗っ取られ", "乗っ取り", "不正アクセス", "不正ログイン", "ハッキング"),
        "zh": ("被盗", "被盜", "被黑", "盗号", "盜號", "异常登录", "異常登入", "被入侵"),
        "fi": ("hakkeroitu", "hakkeroitiin", "murrettu", "tietomurto", "luvaton kirjautuminen"),
        "el": ("χακαρ*", "παραβιάστηκε", "παραβίαση λογαριασμού",
               "μη εξουσιοδοτημένη πρόσβαση"),
    },
    FRAUD: {
        "en": ("fraud", "fraudulent", "unauthorised charge*", "unauthorized charge*",
               "unauthorised transaction*", "unauthorized transaction*",
               "unauthorised payment*", "unauthorized payment*", "i didn't make this purchase",
               "didn't authorise", "didn't authorize", "stolen card", "card was stolen",
               "card stolen", "identity theft", "scammed", "scammer*", "chargeback"),
        "es": ("fraude", "fraudulento", "cargo no autorizado", "cargos no autorizados",
               "compra no autorizada", "me estafaron", "robo de identidad", "tarjeta robada",
               "no reconozco este cargo", "no reconozco el cargo"),
        "de": ("betrug", "betrüger", "nicht autorisiert", "unberechtigte abbuchung",
               "nicht autorisierte zahlung", "karte gestohlen", "identitätsdiebstahl"),
        "fr": ("fraude", "frauduleux", "frauduleuse", "prélèvement non autorisé",
               "paiement non autorisé", "escroquerie", "carte volée", "usurpation d'identité",
               "je ne reconnais pas ce paiement"),
        "pt": ("fraude", "caí num golpe", "sofri um golpe", "cobrança não autorizada",
               "compra não autorizada", "cartão roubado", "cartão clonado",
               "clonaram meu cartão", "não reconheço essa compra"),
        "it": ("frode", "truffato", "truffata", "ho subito una truffa",
               "addebito non autorizzato", "pagamento non autorizzato", "carta rubata",
               "carta clonata", "furto d'identità"),
        "ja": ("不正利用", "詐欺", "身に覚えのない", "不正請求"),
        "zh": ("诈骗", "詐騙", "欺诈", "欺詐", "盗刷", "盜刷", "被盗刷", "被盜刷", "被骗", "被騙",
               "未经授权", "未經授權"),
        "fi": ("petos", "huijattu", "luvaton veloitus", "varastettu kortti",
               "identiteettivarkaus"),
        "el": ("απάτη", "απατεώνες", "μη εξουσιοδοτημένη χρέωση", "κλεμμένη κάρτα"),
    },
    BEREAVEMENT: {
        "en": ("passed away", "death of my", "funeral", "bereavement", "bereaved",
               "deceased", "my late husband", "my late wife", "my late mother",
               "my late father", "my late mum", "my late dad", "lost my husband",
               "lost my wife", "lost my mother", "lost my father", "lost my mum",
               "lost my dad", "lost my son", "lost my daughter", "my mother died",
               "my father died", "my husband died", "my wife died", "my mum died",
               "my dad died"),
        "es": ("falleció", "ha fallecido", "fallecimiento", "murió mi", "funeral", "entierro",
               "luto", "mi difunto", "mi difunta"),
        "de": ("verstorben", "gestorben", "todesfall", "beerdigung", "trauerfall"),
        "fr": ("décédé", "décédée", "décès", "obsèques", "enterrement", "deuil"),
        "pt": ("faleceu", "falecido", "falecida", "falecimento", "óbito", "morreu minha",
               "morreu meu", "enterro", "luto"),
        "it": ("deceduto", "deceduta", "decesso", "è venuto a mancare",
               "è venuta a mancare", "funerale", "lutto"),
        "ja": ("亡くなり", "亡くなった", "他界", "死去", "葬儀", "葬式", "逝去"),
        "zh": ("去世", "过世", "過世", "逝世", "葬礼", "葬禮", "丧事", "喪事", "离世", "離世"),
        "fi": ("menehtyi", "kuolema", "kuolinpesä", "hautajaiset", "isäni kuoli",
               "äitini kuoli", "mieheni kuoli", "vaimoni kuoli"),
        "el": ("πέθανε ο", "πέθανε η", "απεβίωσε", "θάνατος", "κηδεία", "πένθος"),
    },
    HEALTH: {
        "en": ("cancer", "chemo", "chemotherapy", "diabetes", "diabetic", "hiv", "pregnant",
               "pregnancy", "miscarriage", "depression", "disability",
               "wheelchair", "dialysis", "surgery", "hospitalised", "hospitalized",
               "in hospital", "in the hospital", "heart attack", "epilepsy", "autism",
               "autistic", "dementia", "alzheimer*", "terminally ill", "terminal illness",
               "mental health", "insulin"),
        "es": ("cáncer", "quimioterapia", "quimio", "diabetes", "diabético", "diabética",
               "embarazada", "embarazo", "depresión", "discapacidad", "discapacitado",
               "silla de ruedas", "diálisis", "cirugía", "hospitalizado", "hospitalizada",
               "en el hospital", "infarto", "epilepsia", "autismo", "demencia",
               "salud mental", "insulina"),
        "de": ("krebs", "chemotherapie", "diabetes", "diabetiker", "schwanger",
               "schwangerschaft", "fehlgeburt", "depression", "depressionen", "behinderung",
               "rollstuhl", "dialyse", "im krankenhaus", "herzinfarkt", "schlaganfall",
               "epilepsie", "autismus", "demenz"),
        "fr": ("cancer", "chimiothérapie", "chimio", "diabète", "diabétique", "enceinte",
               "grossesse", "fausse couche", "dépression", "handicap", "handicapé",
               "fauteuil roulant", "dialyse", "hospitalisé", "hospitalisée", "à l'hôpital",
               "infarctus", "épilepsie", "autisme", "démence"),
        "pt": ("câncer", "cancro", "quimioterapia", "diabetes", "diabético", "grávida",
               "gravidez", "depressão", "deficiência", "cadeira de rodas", "diálise",
               "cirurgia", "internado", "internada", "no hospital", "infarto", "epilepsia",
               "autismo", "demência"),
        "it": ("cancro", "tumore", "chemioterapia", "diabete", "diabetico", "incinta",
               "gravidanza", "depressione", "disabilità", "disabile", "sedia a rotelle",
               "dialisi", "intervento chirurgico", "ricoverato", "ricoverata", "in ospedale",
               "infarto", "ictus", "epilessia", "autismo", "demenza"),
        "ja": ("癌", "がん", "抗がん剤", "糖尿病", "妊娠", "流産", "うつ病", "鬱病", "障害者",
               "障がい者", "車椅子", "車いす", "透析", "手術", "入院", "心筋梗塞", "脳梗塞",
               "てんかん", "認知症"),
        "zh": ("癌症", "癌", "化疗", "化療", "糖尿病", "怀孕", "懷孕", "流产", "流產", "抑郁症",
               "憂鬱症", "残疾", "殘疾", "轮椅", "輪椅", "透析", "手术", "手術", "住院", "心脏病",
               "心臟病", "中风", "中風", "癫痫", "癲癇", "失智"),
        "fi": ("syöpä", "syöpää", "kemoterapia", "diabetes", "raskaana", "keskenmeno",
               "masennus", "vammainen", "pyörätuoli", "dialyysi", "leikkaus", "sairaalassa",
               "sydänkohtaus", "aivoinfarkti", "epilepsia", "dementia"),
        "el": ("καρκίνο*", "χημειοθεραπεί*", "διαβήτη*", "έγκυος", "εγκυμοσύνη", "κατάθλιψη",
               "αναπηρία", "αναπηρικό αμαξίδιο", "αιμοκάθαρση", "χειρουργείο",
               "στο νοσοκομείο", "έμφραγμα", "εγκεφαλικό", "επιληψία", "άνοια"),
    },
    SELF_HARM: {
        "en": ("suicide", "suicidal", "kill myself", "end my life", "want to die",
               "self harm", "self-harm"),
        "es": ("suicidio", "suicidarme", "quitarme la vida", "quiero morir", "me quiero morir"),
        "de": ("selbstmord", "suizid", "mich umbringen", "will sterben"),
        "fr": ("suicide", "me suicider", "me tuer", "envie de mourir"),
        "pt": ("suicídio", "me matar", "quero morrer", "tirar minha vida"),
        "it": ("suicidio", "uccidermi", "togliermi la vita", "voglio morire"),
        "ja": ("自殺", "死にたい", "消えたい"),
        "zh": ("自杀", "自殺", "想死", "轻生", "輕生"),
        "fi": ("itsemurha", "tappaa itseni", "haluan kuolla"),
        "el": ("αυτοκτονία", "να αυτοκτονήσω", "θέλω να πεθάνω"),
    },
    HARDSHIP: {
        "en": ("can't afford", "cannot afford", "can't pay", "cannot pay", "unable to pay",
               "lost my job", "unemployed", "laid off", "bankrupt", "bankruptcy", "in debt",
               "debt collector*", "struggling to pay", "struggling financially",
               "financial hardship", "behind on payments", "evicted", "eviction",
               "food bank"),
        "es": ("no puedo pagar", "no me alcanza", "perdí mi trabajo",
               "me quedé sin trabajo", "desempleado", "desempleada", "en paro", "deudas",
               "desahucio", "dificultades económicas"),
        "de": ("kann nicht zahlen", "kann nicht bezahlen", "kann mir das nicht leisten",
               "arbeitslos", "job verloren", "schulden", "pleite", "insolvenz",
               "privatinsolvenz", "zahlungsschwierigkeiten", "inkasso"),
        "fr": ("je ne peux pas payer", "pas les moyens", "au chômage", "chômage",
               "perdu mon emploi", "perdu mon travail", "dettes", "surendettement",
               "expulsion", "difficultés financières", "huissier"),
        "pt": ("não consigo pagar", "não tenho como pagar", "desempregado",
               "desempregada", "perdi meu emprego", "perdi o emprego", "dívidas",
               "endividado", "endividada", "falência", "dificuldades financeiras",
               "nome sujo"),
        "it": ("non posso pagare", "non riesco a pagare", "disoccupato", "disoccupata",
               "perso il lavoro", "debiti", "pignoramento", "sfratto",
               "difficoltà economiche"),
        "ja": ("払えない", "支払えない", "失業", "借金", "破産", "生活が苦しい", "生活苦"),
        "zh": ("付不起", "交不起", "还不起", "還不起", "失业", "失業", "欠债", "欠債", "破产",
               "破產", "没钱", "沒錢"),
        "fi": ("en pysty maksamaan", "en voi maksaa", "työtön", "työttömäksi",
               "menetin työni", "velat", "ulosotto", "maksuvaikeu*", "konkurssi"),
        "el": ("δεν μπορώ να πληρώσω", "άνεργος", "άνεργη", "έχασα τη δουλειά μου",
               "χρέη", "χρεοκοπία", "οικονομικές δυσκολίες"),
    },
    CARD_DETAILS: {
        "en": ("card number", "card details", "card info", "credit card number",
               "debit card number", "cvv", "cvv2", "cvc", "card security code",
               "bank details", "bank account details"),
        "es": ("número de tarjeta", "datos de la tarjeta", "datos de mi tarjeta",
               "código de seguridad de la tarjeta", "datos bancarios"),
        "de": ("kartennummer", "kreditkartennummer", "kartendaten", "kreditkartendaten",
               "bankdaten", "bankverbindung"),
        "fr": ("numéro de carte", "numéro de ma carte", "coordonnées bancaires",
               "cryptogramme", "données de carte"),
        "pt": ("número do cartão", "dados do cartão", "código de segurança do cartão",
               "dados bancários"),
        "it": ("numero della carta", "numero di carta", "dati della carta",
               "dati bancari", "coordinate bancarie"),
        "ja": ("カード番号", "クレジットカード番号", "セキュリティコード", "口座情報"),
        "zh": ("卡号", "卡號", "信用卡号", "信用卡號", "银行卡号", "銀行卡號", "安全码", "安全碼"),
        "fi": ("kortin numero", "korttinumero", "kortin tiedot", "turvakoodi",
               "pankkitiedot"),
        "el": ("αριθμό κάρτας", "αριθμός κάρτας", "στοιχεία κάρτας", "τραπεζικά στοιχεία"),
    },
}
# fmt: on


@dataclass(frozen=True, slots=True)
class TopicHit:
    """A sensitive-topic phrase found in a post (offsets into the original text)."""

    reason: str
    text: str
    lang: str
    start: int
    end: int

    def describe(self) -> str:
        return f'sensitive: {self.reason}: matched "{self.text}" ({self.lang})'

    def as_pii(self) -> PiiFinding | None:
        """Health terms are personal data in their own right and get masked."""
        if self.reason != HEALTH:
            return None
        return PiiFinding(PiiSpan("health", self.start, self.end), HEALTH)


def _entries(topics: TopicLexicon) -> Iterable[tuple[str, tuple[str, str]]]:
    for reason, by_lang in topics.items():
        for lang, phrases in by_lang.items():
            for phrase in phrases:
                yield phrase, (reason, lang)


class SensitiveTopics:
    """Finds sensitive topics in prepared post text."""

    def __init__(self, topics: TopicLexicon = SENSITIVE_TOPICS) -> None:
        self._matcher = PhraseMatcher(_entries(topics))

    def detect(self, prepared: Prepared, lang: str = "und") -> list[TopicHit]:
        """One hit per matched phrase and topic; the post's language is preferred
        when naming the lexicon that matched."""
        hits: list[TopicHit] = []
        for match in self._matcher.find(prepared.folded):
            start, end = prepared.original_span(match.start, match.end)
            surface = prepared.original[start:end].lower()
            langs: dict[str, str] = {}
            for reason, entry_lang in match.payloads:
                if reason not in langs or entry_lang == lang:
                    langs[reason] = entry_lang
            for reason, entry_lang in langs.items():
                hits.append(TopicHit(reason, surface, entry_lang, start, end))
        return hits
