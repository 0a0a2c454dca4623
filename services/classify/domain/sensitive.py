"""Sensitive topics that need no digits: hacked accounts, fraud, bereavement,
health, self-harm, financial hardship, and offers to post card details.

``SENSITIVE_TOPICS[reason][lang]`` lists phrases (syntax of :mod:`.matcher`). All
languages are matched on every post: the phrases are specific enough, and a
bereavement mentioned in a second language must still be caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from .matcher import PhraseMatcher
from .pii import PiiFinding
from .results import PiiSpan
from .text import Prepared, fold

ACCOUNT_COMPROMISED: Final = "account compromised"
FRAUD: Final = "fraud / unauthorised charge"
BEREAVEMENT: Final = "bereavement"
HEALTH: Final = "health information"
SELF_HARM: Final = "self-harm risk"
HARDSHIP: Final = "financial hardship"
CARD_DETAILS: Final = "asks to post card details"
DATA_OFFER: Final = "offers or asks to post personal data"

TopicLexicon = Mapping[str, Mapping[str, tuple[str, ...]]]

# fmt: off
_TOPICS: Final[TopicLexicon] = {
    ACCOUNT_COMPROMISED: {
        "en": ("hacked", "hacker*", "compromised", "someone logged into my account",
               "someone accessed my account", "someone changed my password",
               "account taken over", "account takeover", "unauthorised login*",
               "unauthorized login*", "unauthorised access", "unauthorized access",
               "suspicious login*", "phishing", "sim swap*",
               "someone used my account", "someone is using my account",
               "someone else is using my account", "my email was changed",
               "i didn't change my password", "strange login*", "entered my details",
               "gave my details", "gave them my details", "fake website", "fake text",
               "account stolen", "stole my account"),
        "es": ("hackeado", "hackeada", "hackearon", "me hackearon", "pirateado", "pirateada",
               "alguien entró en mi cuenta", "accedieron a mi cuenta",
               "acceso no autorizado", "suplantación",
               "alguien usó mi cuenta", "alguien está usando mi cuenta", "cambiaron mi contraseña",
               "me robaron la cuenta", "robaron mi cuenta", "metí mis datos", "puse mis datos",
               "inicio de sesión sospechoso", "phishing", "cuenta robada"),
        "de": ("gehackt", "kompromittiert", "fremder zugriff", "unbefugter zugriff",
               "jemand hat sich in mein konto eingeloggt",
               "jemand hat mein passwort geändert", "konto übernommen", "gekapert",
               "meine daten eingegeben", "phishing", "verdächtige anmeldung",
               "jemand nutzt mein konto", "jemand hat mein konto"),
        "fr": ("piraté", "piratée", "piratage", "hacké", "compte compromis",
               "accès non autorisé", "quelqu'un s'est connecté",
               "quelqu'un a utilisé mon compte", "quelqu'un utilise mon compte",
               "mon mot de passe a été changé", "donné mes coordonnées", "entré mes informations",
               "connexion suspecte", "hameçonnage", "phishing", "on m'a volé mon compte",
               "compte volé"),
        "pt": ("hackeado", "hackeada", "conta invadida", "invadiram minha conta",
               "acesso não autorizado", "clonaram", "clonado",
               "roubaram minha conta", "roubaram a minha conta", "alguém entrou na minha conta",
               "alguém está usando minha conta", "login suspeito", "pus os meus dados",
               "pus meus dados", "coloquei meus dados", "coloquei os meus dados", "era golpe",
               "foi golpe", "phishing"),
        "it": ("hackerato", "hackerata", "account violato", "accesso non autorizzato",
               "qualcuno è entrato nel mio account"),
        "ja": ("乗っ取られ", "乗っ取り", "不正アクセス", "不正ログイン", "ハッキング",
               "ログインされ", "身に覚えのないログイン", "フィッシング", "パスワードを勝手に変更",
               "パスワードが勝手に変更", "アカウントを盗まれ",
               "リンクを押してしま", "リンクをクリックしてしま"),
        "zh": ("被盗", "被盜", "被黑", "盗号", "盜號", "异常登录", "異常登入", "被入侵",
               "账号被盗", "帳號被盜", "被人登录", "被人登入", "钓鱼", "釣魚", "密码被改",
               "密碼被改"),
        "fi": ("hakkeroitu", "hakkeroitiin", "murrettu", "tietomurto", "luvaton kirjautuminen",
               "joku kirjautui", "kaapattu", "kaappasi", "tietojenkalastelu", "huijausviesti",
               "annoin tietoni", "salasanaa vaihdettu", ),
        "el": ("χακαρ*", "παραβιάστηκε", "παραβίαση λογαριασμού",
               "μη εξουσιοδοτημένη πρόσβαση",
               "μου έκλεψαν τον λογαριασμό", "κάποιος μπήκε στον λογαριασμό μου", "ύποπτη σύνδεση",
               "έδωσα τα στοιχεία μου", "phishing", "ψάρεμα"),
    },
    FRAUD: {
        "en": ("fraud", "fraudulent", "unauthorised charge*", "unauthorized charge*",
               "unauthorised transaction*", "unauthorized transaction*",
               "unauthorised payment*", "unauthorized payment*", "i didn't make this purchase",
               "didn't authorise", "didn't authorize", "stolen card", "card was stolen",
               "card stolen", "identity theft", "scammed", "scammer*", "chargeback",
               "charge i don't recognise", "charge i don't recognize", "charges i don't recognise",
               "charges i don't recognize", "don't recognise this charge",
               "don't recognize this charge", "money was taken from my account",
               "money taken from my account", "someone used my card", "used my card without"),
        "es": ("fraude", "fraudulento", "cargo no autorizado", "cargos no autorizados",
               "compra no autorizada", "me estafaron", "robo de identidad", "tarjeta robada",
               "no reconozco este cargo", "no reconozco el cargo",
               "alguien usó mi tarjeta", "cargo que no reconozco", "cargos que no reconozco",
               "no autoricé", "me robaron la tarjeta", "compra que no hice", "compras que no hice"),
        "de": ("betrug", "betrüger", "nicht autorisiert", "unberechtigte abbuchung",
               "nicht autorisierte zahlung", "karte gestohlen", "identitätsdiebstahl",
               "unbekannte abbuchung", "jemand hat meine karte benutzt", "karte wurde gestohlen",
               "unberechtigt abgebucht", "unerlaubte abbuchung", "abbuchung die ich nicht",
               "nicht von mir getätigt"),
        "fr": ("fraude", "frauduleux", "frauduleuse", "prélèvement non autorisé",
               "paiement non autorisé", "escroquerie", "carte volée", "usurpation d'identité",
               "je ne reconnais pas ce paiement",
               "je n'ai pas autorisé", "débit inconnu", "prélèvement inconnu",
               "quelqu'un a utilisé ma carte", "paiement que je n'ai pas fait",
               "achat que je n'ai pas fait", "je ne reconnais pas ce prélèvement",
               "on m'a volé ma carte"),
        "pt": ("fraude", "caí num golpe", "sofri um golpe", "cobrança não autorizada",
               "compra não autorizada", "cartão roubado", "cartão clonado",
               "clonaram meu cartão", "não reconheço essa compra",
               "não autorizei", "alguém usou meu cartão", "compra que não fiz",
               "compras que não fiz", "caí no golpe", "golpista*", "roubaram meu cartão"),
        "it": ("frode", "truffato", "truffata", "ho subito una truffa",
               "addebito non autorizzato", "pagamento non autorizzato", "carta rubata",
               "carta clonata", "furto d'identità"),
        "ja": ("不正利用", "身に覚えのない", "不正請求",
               "不正に引き落と", "カードを盗まれ", "勝手に引き落と", "詐欺被害", "詐欺に遭",
               "詐欺にあっ", "騙され", "だまされ", "覚えのない請求",
               "覚えのない引き落とし"),
        "zh": ("诈骗", "詐騙", "欺诈", "欺詐", "盗刷", "盜刷", "被盗刷", "被盜刷", "被骗", "被騙",
               "未经授权", "未經授權",
               "不是我买的", "不是我買的", "不是我本人", "莫名扣款", "莫名其妙扣", "陌生扣款",
               "被人盗用", "被人盜用"),
        "fi": ("petos", "huijattu", "luvaton veloitus", "varastettu kortti",
               "identiteettivarkaus",
               "en ole tehnyt tätä ostoa", "tuntematon veloitus", "joku käytti korttiani",
               "kortti varastettiin", "huijauksen uhri", "jouduin huijauksen"),
        "el": ("απάτη", "απατεώνες", "μη εξουσιοδοτημένη χρέωση", "κλεμμένη κάρτα",
               "χρέωση που δεν αναγνωρίζω", "δεν την έκανα εγώ",
               "κάποιος χρησιμοποίησε την κάρτα μου", "έκλεψαν την κάρτα", "εξαπάτηση",
               "με εξαπάτησαν"),
    },
    BEREAVEMENT: {
        "en": ("passed away", "death of my", "funeral", "bereavement", "bereaved",
               "deceased", "my late husband", "my late wife", "my late mother",
               "my late father", "my late mum", "my late dad", "lost my husband",
               "lost my wife", "lost my mother", "lost my father", "lost my mum",
               "lost my dad", "lost my son", "lost my daughter", "my mother died",
               "my father died", "my husband died", "my wife died", "my mum died",
               "my dad died",
               "death in the family", "mother's death", "father's death", "husband's death",
               "wife's death", "condolences", "probate", "executor of", "widowed", "who died", ),
        "es": ("falleció", "ha fallecido", "fallecimiento", "murió mi", "funeral", "entierro",
               "luto", "mi difunto", "mi difunta",
               "muerte de mi", "fallecida", "fallecido", "viuda", "viudo", "condolencias",
               "herencia", "perdí a mi"),
        "de": ("verstorben", "gestorben", "todesfall", "beerdigung", "trauerfall",
               "tod meines", "tod meiner", "verstarb", "verstorbenen", "nachlass", "erbschein",
               "trauer", "beileid", "witwe", "witwer"),
        "fr": ("décédé", "décédée", "décès", "obsèques", "enterrement", "deuil",
               "mort de mon", "mort de ma", "succession", "condoléances", "veuve", "veuf",
               "perdu mon père", "perdu ma mère", "perdu mon mari", "perdu ma femme",
               "disparition de mon", "disparition de ma"),
        "pt": ("faleceu", "falecido", "falecida", "falecimento", "óbito", "morreu minha",
               "morreu meu", "enterro", "luto",
               "morte do meu", "morte da minha", "viúva", "viúvo", "herança", "inventário",
               "perdi meu pai", "perdi minha mãe", "perdi o meu pai", "perdi a minha mãe",
               "meu falecido", "minha falecida"),
        "it": ("deceduto", "deceduta", "decesso", "è venuto a mancare",
               "è venuta a mancare", "funerale", "lutto"),
        "ja": ("亡くなり", "亡くなった", "他界", "死去", "葬儀", "葬式", "逝去",
               "死亡", "亡くな", "遺族", "相続", "喪中", "父が他界", "母が他界"),
        "zh": ("去世", "过世", "過世", "逝世", "葬礼", "葬禮", "丧事", "喪事", "离世", "離世",
               "病逝", "遗产", "遺產", "遗属", "遺屬", "家人走了", "父亲走了", "母亲走了",
               "父親走了", "母親走了", "死亡证明",
               "死亡證明"),
        "fi": ("menehtyi", "kuolema", "kuolinpesä", "hautajaiset", "isäni kuoli",
               "äitini kuoli", "mieheni kuoli", "vaimoni kuoli",
               "kuoleman", "kuolemasta", "kuolleen", "isä kuoli", "äiti kuoli", "perunkirjoitu*",
               "leski", "menehtynyt", "poismeno*", "surun"),
        "el": ("πέθανε ο", "πέθανε η", "απεβίωσε", "θάνατος", "κηδεία", "πένθος",
               "θάνατο", "θανάτου", "χήρα", "χήρος", "συλλυπητήρια", "κληρονομ*",
               "έφυγε από τη ζωή", "πέθανε ο πατέρας", "πέθανε η μητέρα"),
    },
    HEALTH: {
        "en": ("cancer", "chemo", "chemotherapy", "diabetes", "diabetic", "hiv", "pregnant",
               "pregnancy", "miscarriage", "depression", "disability",
               "wheelchair", "dialysis", "surgery", "hospitalised", "hospitalized",
               "in hospital", "in the hospital", "heart attack", "epilepsy", "autism",
               "autistic", "dementia", "alzheimer*", "terminally ill", "terminal illness",
               "mental health", "insulin",
               "i'm blind", "i am blind", "i'm deaf", "i am deaf", "registered blind",
               "partially sighted", "visually impaired", "hearing impaired", "my disabled",
               "i'm disabled", "i am disabled", "as a disabled", "disabled passenger",
               "disabled customer", "wheelchair user", "guide dog", "mobility aid",
               "chronic illness", "chronically ill", "mental illness", "anxiety disorder",
               "panic attacks", "my medication", "medical condition"),
        "es": ("cáncer", "quimioterapia", "quimio", "diabetes", "diabético", "diabética",
               "embarazada", "embarazo", "depresión", "discapacidad", "discapacitado",
               "silla de ruedas", "diálisis", "cirugía", "hospitalizado", "hospitalizada",
               "en el hospital", "infarto", "epilepsia", "autismo", "demencia",
               "salud mental", "insulina",
               "ciego", "ciega", "sordo", "sorda", "discapacidad visual", "movilidad reducida",
               "enfermedad crónica", "mi medicación", "me operaron"),
        "de": ("krebs", "chemotherapie", "diabetes", "diabetiker", "schwanger",
               "schwangerschaft", "fehlgeburt", "depression", "depressionen", "behinderung",
               "rollstuhl", "dialyse", "im krankenhaus", "herzinfarkt", "schlaganfall",
               "epilepsie", "autismus", "demenz",
               "gehörlos", "sehbehindert", "schwerbehindert", "schwerbehinderung",
               "chronisch krank", "operiert", "im rollstuhl", "rollstuhlfahrer*",
               "krankenhausaufenthalt", "meine medikamente", "blindenhund"),
        "fr": ("cancer", "chimiothérapie", "chimio", "diabète", "diabétique", "enceinte",
               "grossesse", "fausse couche", "dépression", "handicap", "handicapé",
               "fauteuil roulant", "dialyse", "hospitalisé", "hospitalisée", "à l'hôpital",
               "infarctus", "épilepsie", "autisme", "démence",
               "aveugle", "malvoyant", "malvoyante", "sourd", "sourde", "mobilité réduite",
               "maladie chronique", "mes médicaments", "en fauteuil"),
        "pt": ("câncer", "cancro", "quimioterapia", "diabetes", "diabético", "grávida",
               "gravidez", "depressão", "deficiência", "cadeira de rodas", "diálise",
               "cirurgia", "internado", "internada", "no hospital", "infarto", "epilepsia",
               "autismo", "demência",
               "cego", "cega", "surdo", "surda", "mobilidade reduzida", "doença crônica",
               "doença crónica", "cadeirante", "pcd", "quimio",
               "meus remédios"),
        "it": ("cancro", "tumore", "chemioterapia", "diabete", "diabetico", "incinta",
               "gravidanza", "depressione", "disabilità", "disabile", "sedia a rotelle",
               "dialisi", "intervento chirurgico", "ricoverato", "ricoverata", "in ospedale",
               "infarto", "ictus", "epilessia", "autismo", "demenza"),
        "ja": ("癌", "がん", "抗がん剤", "糖尿病", "妊娠", "流産", "うつ病", "鬱病", "障害者",
               "障がい者", "車椅子", "車いす", "透析", "手術", "入院", "心筋梗塞", "脳梗塞",
               "てんかん", "認知症",
               "目が見えない", "耳が聞こえない", "視覚障害", "聴覚障害", "持病", "闘病", "治療中",
               "入院中", "病気"),
        "zh": ("癌症", "癌", "化疗", "化療", "糖尿病", "怀孕", "懷孕", "流产", "流產", "抑郁症",
               "憂鬱症", "残疾", "殘疾", "轮椅", "輪椅", "透析", "手术", "手術", "住院", "心脏病",
               "心臟病", "中风", "中風", "癫痫", "癲癇", "失智",
               "盲人", "视障", "視障", "听障", "聽障", "残障", "殘障", "慢性病", "重病", "生病",
               "病了", "住院了"),
        "fi": ("syöpä", "syöpää", "kemoterapia", "diabetes", "raskaana", "keskenmeno",
               "masennus", "vammainen", "pyörätuoli", "dialyysi", "leikkaus", "sairaalassa",
               "sydänkohtaus", "aivoinfarkti", "epilepsia", "dementia",
               "sokea", "näkövammainen", "kuuro", "kuulovammainen", "liikuntarajoit*",
               "pyörätuolia", "pyörätuolin", "sairauden", "sairaus", "leikkauksen", "syöpähoido*",
               "vammaisena", "sairaalaan"),
        "el": ("καρκίνο*", "χημειοθεραπεί*", "διαβήτη*", "έγκυος", "εγκυμοσύνη", "κατάθλιψη",
               "αναπηρία", "αναπηρικό αμαξίδιο", "αιμοκάθαρση", "χειρουργείο",
               "στο νοσοκομείο", "έμφραγμα", "εγκεφαλικό", "επιληψία", "άνοια",
               "τυφλός", "τυφλή", "κωφός", "κωφή", "αμεα", "κινητικά προβλήματα", "χρόνια πάθηση",
               "ασθένεια", "νοσηλεύομαι", "νοσηλεία", "αναπηρ*"),
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
               "food bank",
               "lost my income", "on benefits", "universal credit", "can't make the payment",
               "can't make rent", "skint", "struggling with money", "behind on bills", "arrears",
               "i'm broke", "i am broke"),
        "es": ("no puedo pagar", "no me alcanza", "perdí mi trabajo",
               "me quedé sin trabajo", "desempleado", "desempleada", "en paro", "deudas",
               "desahucio", "dificultades económicas",
               "no tengo dinero", "sin dinero", "no llego a fin de mes", "estoy en la ruina",
               "atrasado en los pagos", "me despidieron", "erte"),
        "de": ("kann nicht zahlen", "kann nicht bezahlen", "kann mir das nicht leisten",
               "arbeitslos", "job verloren", "schulden", "pleite", "insolvenz",
               "privatinsolvenz", "zahlungsschwierigkeiten", "inkasso",
               "kein geld", "knapp bei kasse", "zahlungsunfähig", "jobverlust", "bürgergeld",
               "hartz", "mir wurde gekündigt"),
        "fr": ("je ne peux pas payer", "pas les moyens", "au chômage", "chômage",
               "perdu mon emploi", "perdu mon travail", "dettes", "surendettement",
               "expulsion", "difficultés financières", "huissier",
               "plus d'argent", "pas d'argent", "fins de mois difficiles", "licencié", "licenciée",
               "à découvert"),
        "pt": ("não consigo pagar", "não tenho como pagar", "desempregado",
               "desempregada", "perdi meu emprego", "perdi o emprego", "dívidas",
               "endividado", "endividada", "falência", "dificuldades financeiras",
               "nome sujo",
               "sem dinheiro", "não tenho dinheiro", "fui demitido", "fui demitida", "desemprego",
               "negativado", "negativada", "parcelar a dívida"),
        "it": ("non posso pagare", "non riesco a pagare", "disoccupato", "disoccupata",
               "perso il lavoro", "debiti", "pignoramento", "sfratto",
               "difficoltà economiche"),
        "ja": ("払えない", "支払えない", "失業", "借金", "破産", "生活が苦しい", "生活苦",
               "お金がない", "金がない", "生活保護", "収入がない", "リストラ", "解雇され", "無職"),
        "zh": ("付不起", "交不起", "还不起", "還不起", "失业", "失業", "欠债", "欠債", "破产",
               "破產", "没钱", "沒錢",
               "没有钱", "沒有錢", "被裁员", "被裁員", "失去工作", "低保", "经济困难", "經濟困難",
               "欠款还不上", "欠款還不上"),
        "fi": ("en pysty maksamaan", "en voi maksaa", "työtön", "työttömäksi",
               "menetin työni", "velat", "ulosotto", "maksuvaikeu*", "konkurssi",
               "rahaton", "rahat loppu", "ei ole rahaa", "ei ole varaa", "toimeentulotuki",
               "lomautettu", "irtisanottiin", "velkaa"),
        "el": ("δεν μπορώ να πληρώσω", "άνεργος", "άνεργη", "έχασα τη δουλειά μου",
               "χρέη", "χρεοκοπία", "οικονομικές δυσκολίες",
               "δεν έχω χρήματα", "δεν έχω λεφτά", "απολύθηκα", "ανεργία", "χρέος",
               "οικονομική δυσκολία", "οικονομικά προβλήματα"),
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

# Offers or requests to send personal data ("can I DM you my date of birth?"): an offering
# verb phrase followed by a data noun. Japanese puts the noun first ("生年月日をDMで送").
_OFFER_VERBS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("dm you", "send you", "message you", "pm you", "give you", "email you", "text you",
           "post", "share", "put", "dm", "send"),
    "es": ("te mando", "te envío", "les mando", "les envío", "le mando", "le envío", "te paso",
           "les paso", "le paso", "pongo", "publico", "mando", "envío", "mandar", "enviar",
           "poner", "publicar", "dar"),
    "de": ("ihnen", "euch", "dir", "hier", "schicke", "sende", "poste", "gebe"),
    "fr": ("vous envoyer", "vous envoie", "vous donner", "vous transmettre", "t'envoyer",
           "te donner", "poster", "publier", "envoyer", "donner"),
    "pt": ("te mando", "te envio", "lhe envio", "mandar", "enviar", "postar", "passar",
           "mando", "envio", "passo"),
    "fi": ("lähetänkö", "lähetän", "lähettää", "laitanko", "laitan", "laittaa", "kirjoitanko",
           "kirjoittaa", "annanko", "antaa"),
    "el": ("να σας στείλω", "σας στέλνω", "να στείλω", "να γράψω", "να δώσω", "να σας δώσω",
           "στέλνω"),
    "zh": ("私信你", "私訊你", "私信", "私訊", "发给你", "發給你", "告诉你", "告訴你", "发", "發",
           "贴出", "貼出", "提供"),
}
_DATA_NOUNS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("my card number", "my card details", "my date of birth", "my dob", "my birthday",
           "my account number", "my passport", "my passport number", "my bank details",
           "my address", "my home address", "my phone number", "my number", "my password",
           "my pin", "my ssn", "my social security number", "my details", "my iban",
           "my sort code", "my id"),
    "es": ("mi número de tarjeta", "los datos de mi tarjeta", "mi fecha de nacimiento",
           "mi número de cuenta", "mi dni", "mi pasaporte", "mi dirección", "mi teléfono",
           "mi número", "mi iban", "mis datos", "mis datos bancarios"),
    "de": ("meine kartennummer", "meine kreditkartennummer", "mein geburtsdatum",
           "meine kontonummer", "meine iban", "meine adresse", "meine anschrift",
           "meine telefonnummer", "meine handynummer", "meine ausweisnummer", "meine kundennummer",
           "meine daten", "meine bankdaten"),
    "fr": ("mon numéro de carte", "ma date de naissance", "mon numéro de compte", "mon iban",
           "mon rib", "mon adresse", "mon numéro de téléphone", "mon numéro",
           "mon numéro de passeport", "mon numéro de sécurité sociale", "mes coordonnées",
           "mes coordonnées bancaires"),
    "pt": ("meu número do cartão", "o número do cartão", "minha data de nascimento",
           "meu cpf", "o meu cpf", "meu endereço", "minha morada", "meu número", "meu telefone",
           "meus dados", "os meus dados", "os dados do cartão",
           "meu número de conta", "meu iban", "meu nif"),
    "fi": ("korttini numeron", "kortin numeron", "korttinumeroni", "syntymäaikani",
           "osoitteeni", "tilinumeroni", "henkilötunnukseni", "puhelinnumeroni",
           "tietoni", "pankkitietoni"),
    "el": ("τον αριθμό της κάρτας", "τον αριθμό κάρτας", "την ημερομηνία γέννησης",
           "τη διεύθυνσή μου", "τη διεύθυνση μου", "τον αριθμό λογαριασμού", "το αφμ μου",
           "το τηλέφωνό μου", "τα στοιχεία μου", "τα στοιχεία της κάρτας",
           "το iban μου"),
    "zh": ("我的卡号", "我的卡號", "卡号", "卡號", "我的出生日期", "我的生日", "我的地址",
           "我的身份证号", "我的身份证", "我的身分證字號", "我的账号", "我的帳號", "我的手机号",
           "我的手機號", "我的银行卡号", "我的銀行卡號"),
}
_JA_DATA_NOUNS: Final = ("カード番号", "生年月日", "住所", "口座番号", "電話番号",
                         "マイナンバー", "個人情報")
_JA_OFFER_VERBS: Final = ("をdmで送", "をdmします", "を送っても", "を送れば", "を送りま",
                          "をここに書",
                          "を書いても", "を教えれば", "を載せ", "を投稿")


# card numbers have their own reason (CARD_DETAILS matches the noun alone)
_CARD_STEMS: Final = ("card", "tarjeta", "karten", "carte", "cartão", "kortt", "kortin", "κάρτα",
                      "卡号", "卡號", "カード")


def _offer_phrases() -> dict[str, tuple[str, ...]]:
    def keep(noun: str) -> bool:
        return not any(stem in noun for stem in _CARD_STEMS)

    phrases = {
        lang: tuple(f"{verb} {noun}" for verb in verbs for noun in _DATA_NOUNS[lang] if keep(noun))
        for lang, verbs in _OFFER_VERBS.items()
    }
    phrases["ja"] = tuple(
        noun + verb for noun in _JA_DATA_NOUNS if keep(noun) for verb in _JA_OFFER_VERBS
    )
    return phrases


# Phrasings of real posts, kept apart from the core lists above: account takeover told as
# what happened ("login codes I didn't request", "someone logged in from elsewhere"),
# purchases disowned ("orders I didn't make", "nunca comprei"), impersonation and
# phishing ("claiming to be support", "is this text from you or a scam?"), and more
# health, hardship and bereavement words. Billing disputes ("a plan I never ordered")
# stay out: they are not fraud.
# fmt: off
_REAL_POST_TOPICS: Final[TopicLexicon] = {
    ACCOUNT_COMPROMISED: {
        "en": ("someone logged in", "someone logged into", "someone has logged into",
               "someone got into my account", "someone accessed", "logged in from another",
               "login from another country", "login from another device", "codes i didn't request",
               "code i didn't request", "codes i didn't ask for", "code i didn't ask for",
               "codes i never requested", "code i never requested", "password was changed",
               "password has been changed", "changed my password without",
               "changed my email without", "changed my phone number", "wasn't me who changed",
               "password reset i didn't request", "reset i didn't request", "typed my bank login",
               "entered my bank login", "typed my login", "entered my login",
               "entered my password on", "typed my password into", "gave them my password",
               "gave my password", "gave away my", "fake delivery text", "fake sms", "fake email",
               "fake message", "scam text", "scam sms", "scam call", "scam email", "or a scam",
               "is this a scam", "is it a scam", "claiming to be from", "claiming to be your",
               "claiming to be support", "pretending to be from", "pretending to be your",
               "said they were from", "says they're from", "asked for my password",
               "asked me for my password", "asked for my pin", "asked me for my pin",
               "asked for my cvv", "emptied my wallet", "wallet was emptied", "emptied my account"),
        "es": ("alguien entró", "alguien ha entrado", "alguien accedió", "entraron en mi cuenta",
               "se metieron en mi cuenta", "me cambiaron la contraseña", "cambiaron la contraseña",
               "me cambiaron el correo", "me cambiaron el número", "códigos que no pedí",
               "código que no pedí", "códigos que no he pedido", "código que no he pedido",
               "no he pedido ningún código", "me vaciaron", "vaciaron mi cuenta",
               "vaciaron el monedero", "sms falso", "mensaje falso", "correo falso",
               "o es una estafa", "o es estafa", "haciéndose pasar por", "se hizo pasar por",
               "se hacen pasar por", "diciendo ser de", "dice ser de", "decía ser de",
               "me pidió la contraseña", "me pidieron la contraseña", "me pidió el pin",
               "me pidieron el pin", "me pidieron el código", "metí mis claves", "puse mis claves",
               "metí la contraseña en"),
        "de": ("jemand hat sich eingeloggt", "jemand hat sich angemeldet", "jemand war in meinem",
               "von einem fremden gerät", "fremden gerät", "codes die ich nicht angefordert",
               "code den ich nicht angefordert", "wurde mein passwort geändert",
               "passwort wurde geändert", "mein passwort geändert", "e-mail-adresse geändert",
               "zugangsdaten eingegeben", "meine zugangsdaten", "passwort eingegeben auf",
               "gefälschte sms", "fake-sms", "fake sms", "phishing-sms", "gefälschte e-mail",
               "oder betrug", "ist das betrug", "oder fake", "gab sich als", "gaben sich als",
               "angeblich vom kundenservice", "angeblich von euch", "angeblich von ihnen",
               "nach meinem passwort gefragt", "wollte mein passwort", "wollte meine pin",
               "konto leergeräumt", "leergeräumt", "geplündert"),
        "fr": ("quelqu'un s'est connecté", "connexion depuis un autre", "connecté depuis",
               "codes que je n'ai pas demandés", "code que je n'ai pas demandé",
               "codes que j'ai pas demandés", "code que j'ai pas demandé",
               "mot de passe a été modifié", "on a changé mon mot de passe",
               "changé mon mot de passe sans", "faux sms", "faux mail", "faux e-mail",
               "faux message", "tapé mes identifiants", "entré mes identifiants",
               "saisi mes identifiants", "donné mes identifiants", "mis mes identifiants",
               "ou une arnaque", "est-ce une arnaque", "ou arnaque", "se faisant passer pour",
               "se faisait passer pour", "prétendant être", "soi-disant du service",
               "m'a demandé mon mot de passe", "demandé mon code", "vidé mon compte",
               "vidé mon portefeuille", "vidé ma cagnotte"),
        "pt": ("entraram na minha conta", "entraram na conta", "acessaram minha conta",
               "acessaram a minha conta", "alguém acessou", "alguém entrou", "senha que não pedi",
               "código que não pedi", "códigos que não pedi", "alteração de senha que não",
               "mudaram minha senha", "mudaram a minha senha", "trocaram minha senha",
               "trocaram a senha", "alteraram minha senha", "sms falso", "mensagem falsa",
               "e-mail falso", "email falso", "ou é golpe", "ou golpe", "se passando por",
               "se passou por", "dizendo ser da", "dizendo ser do", "fingindo ser",
               "pediu minha senha", "pediram minha senha", "pediu a senha", "esvaziaram",
               "limparam minha conta"),
        "ja": ("知らない端末", "別の端末からログイン", "ログインされた", "勝手にログイン",
               "身に覚えのない認証コード", "勝手に変更", "勝手に変えられ", "名乗る", "を装った",
               "なりすまし", "偽のsms", "偽sms", "偽メール", "偽サイト", "詐欺メール", "詐欺sms",
               "入力してしまい", "入力してしまった", "入力しちゃった", "教えてしまった",
               "パスワードを聞かれ", "暗証番号を聞かれ"),
        "zh": ("登录了我的账号", "登入了我的帳號", "登录我的账号", "登入我的帳號", "在外地登录",
               "在外地登入", "异地登录", "異地登入", "改了绑定手机", "改了綁定手機", "绑定手机被改",
               "綁定手機被改", "改了我的密码", "改了我的密碼", "密码被人改", "密碼被人改",
               "不是我操作", "不是我本人操作", "自称客服", "自稱客服", "冒充客服", "假冒客服",
               "假客服", "说是你们客服", "說是你們客服", "说是客服", "說是客服", "支付密码",
               "支付密碼", "钓鱼短信", "釣魚簡訊", "诈骗短信", "詐騙簡訊", "是不是诈骗",
               "是不是詐騙", "还是诈骗", "還是詐騙", "余额被", "餘額被"),
        "fi": ("joku kirjautui", "kirjautunut joku", "salasana vaihdettu", "salasanani vaihdettiin",
               "vaihtoi salasanan", "vaihtoi salasanani", "syötin pankkitunnukse*",
               "syötin tunnukse*", "annoin tunnukse*", "huijaustekstiviesti", "koodeja joita en",
               "koodin jota en", "feikki tekstiviest*", "feikki pakettitekstiviest*",
               "feikkiviest*", "feikki sms", "feikki linkki*", "huijausviestin", "vai huijaus",
               "onko huijaus", "onko tämä huijaus", "onks tää huijaus", "huijausyritys",
               "huijaussoitto", "esiintyi asiakaspalveluna", "väitti olevansa", "tyhjensi tilini",
               "tyhjennettiin"),
        "el": ("κάποιος μπήκε", "μπήκαν στον λογαριασμό", "άλλαξε ο κωδικός μου",
               "άλλαξαν τον κωδικό μου", "άλλαξε τον κωδικό μου", "δεν το έκανα εγώ", "ψεύτικο sms",
               "ψεύτικο μήνυμα", "ψεύτικο email", "ψεύτικο λινκ", "έβαλα τους κωδικούς μου",
               "έβαλα τον κωδικό μου", "έδωσα τον κωδικό μου", "έδωσα τους κωδικούς μου", "ή απάτη",
               "παριστάνοντας", "δήθεν από την εξυπηρέτηση", "μου ζήτησε τον κωδικό",
               "μου ζήτησαν τον κωδικό", "άδειασαν τον λογαριασμό"),
    },
    FRAUD: {
        "en": ("charges i didn't make", "charge i didn't make", "that i didn't make",
               "purchases i didn't make", "purchase i didn't make", "orders i didn't make",
               "orders i didn't place", "order i didn't place", "payments i didn't make",
               "payment i didn't make", "transactions i didn't make", "on my account i didn't make",
               "on my card i didn't make", "i didn't make them", "that i never made",
               "i never made them", "i didn't place", "never made these", "i didn't authorise",
               "i didn't authorize", "someone's testing the card", "someone is using my card",
               "unknown charges", "unknown transactions", "charges i don't know",
               "charges i do not recognise", "charges i do not recognize"),
        "es": ("que no hice", "que yo no hice", "que no he hecho", "que yo no he hecho",
               "pedidos que no hice", "compras que no he hecho", "cargos que no hice",
               "que no realicé", "que yo no realicé", "no fui yo", "alguien usó mi",
               "alguien ha usado mi", "cargos desconocidos", "compra desconocida",
               "compras desconocidas"),
        "de": ("die ich nicht getätigt", "den ich nicht getätigt", "nicht von mir",
               "habe ich nicht gemacht", "hab ich nicht gemacht", "nicht ich war",
               "jemand hat mit meiner karte", "unbekannte buchungen", "unbekannte zahlungen",
               "unbekannte abbuchungen", "fremde abbuchungen", "fremde buchungen",
               "bestellungen die ich nicht", "einkäufe die ich nicht"),
        "fr": ("que je n'ai pas faits", "que je n'ai pas faites", "que j'ai pas faits",
               "que j'ai pas faites", "que je n'ai pas fait", "que j'ai pas fait",
               "que je n'ai pas passée", "que je n'ai pas passées", "ce n'est pas moi",
               "c'est pas moi", "paiements inconnus", "achats inconnus", "débits inconnus",
               "quelqu'un a utilisé", "je n'ai jamais effectué"),
        "pt": ("que eu não fiz", "que não fiz", "que eu nao fiz", "não fui eu", "nao fui eu",
               "nunca comprei", "nunca fiz essa compra", "alguém usou meu", "alguém usou o meu",
               "alguém usou minha", "compras desconhecidas", "compra desconhecida",
               "cobranças desconhecidas", "não reconheço"),
        "ja": ("覚えのない", "心当たりのない", "してない注文", "していない注文", "してない決済",
               "していない決済", "してない購入", "勝手に使われ", "勝手に購入", "勝手に決済",
               "知らない請求", "知らない決済", "知らない引き落とし", "不正な請求", "不正な決済"),
        "zh": ("从来没买过", "從來沒買過", "从没买过", "從沒買過", "不是我消费", "不是我消費",
               "不是我刷的", "不是我付的", "陌生消费", "陌生消費", "不明扣款", "不明消费",
               "不明消費", "被人刷", "信用卡被刷", "卡被刷", "被扣了不明"),
        "fi": ("joita en tehnyt", "jota en tehnyt", "joita en ole tehnyt", "jota en ole tehnyt",
               "en tehnyt näitä", "en ole tilannut näitä", "tuntemattomia veloituksia",
               "tuntematon ostos", "tuntemattomia ostoksia", "joku käytti", "joku on käyttänyt",
               "luvattomia veloituksia", "luvaton ostos"),
        "el": ("δεν τις έκανα", "δεν έκανα εγώ", "άγνωστες χρεώσεις", "άγνωστη χρέωση",
               "άγνωστες αγορές", "άγνωστη αγορά", "κάποιος χρησιμοποίησε", "δεν τις αναγνωρίζω",
               "δεν την αναγνωρίζω"),
    },
    BEREAVEMENT: {
        "en": ("lost my partner", "lost my brother", "lost my sister", "lost my grandmother",
               "lost my grandfather", "my husband passed", "my wife passed", "mum passed",
               "mom passed", "mother passed", "dad passed", "father passed", "husband passed",
               "wife passed", "son passed", "daughter passed", "his death", "her death"),
        "es": ("fallec*", "perdí a mi", "perdi a mi", "murió mi", "nos dejó", "mi difunto",
               "su muerte"),
        "de": ("verstorben*", "meines verstorbenen", "meiner verstorbenen", "ist verstorben",
               "verlust meines", "verlust meiner"),
        "fr": ("décéd*", "sa mort", "son décès", "perdu mon fils", "perdu ma fille",
               "perdu mon frère", "perdu ma sœur", "perdu mon conjoint", "perdu mon compagnon"),
        "pt": ("perdi meu marido", "perdi o meu marido", "perdi minha esposa",
               "perdi a minha esposa", "perdi minha mulher", "perdi meu filho", "perdi minha filha",
               "perdi meu irmão", "perdi minha irmã", "perdi minha avó", "perdi meu avô", "falec*",
               "morte dele", "morte dela"),
        "ja": ("亡くなっ", "亡くなり", "亡き", "急逝", "永眠"),
        "zh": ("去了世", "过世了", "過世了", "去世了", "身故"),
        "fi": ("menehtyi", "menetin mieheni", "menetin vaimoni", "menetin isäni", "menetin äitini",
               "kuolinpes*"),
        "el": ("απεβίωσε", "έχασα το παιδί", "θανάτου", "έχασα τον πατέρα", "έχασα τη μητέρα",
               "έχασα τον άντρα μου", "έχασα τη γυναίκα μου"),
    },
    HEALTH: {
        "en": ("diabetic", "epileptic", "epilepsy", "seizure*", "allergy", "allergies", "allergic",
               "anaphylaxis", "anaphylactic", "pregnant", "expecting a baby", "crutches",
               "on crutches", "sick leave", "sick note", "medical leave", "on medication",
               "chronic pain", "mobility impaired", "reduced mobility", "in a wheelchair",
               "cancer treatment", "radiotherapy", "diagnosed with", "was diagnosed",
               "my diagnosis"),
        "es": ("diabétic*", "epilépti*", "alergia", "alergias", "alérgic*", "muletas",
               "baja médica", "de baja por", "estoy de baja", "embarazo de", "estoy embarazada",
               "tratamiento contra el", "radioterapia", "usuaria de silla", "usuario de silla"),
        "de": ("diabetiker*", "epileptiker*", "allergie*", "allergisch", "schwanger*", "krücken",
               "gehbehindert*", "körperbehindert*", "sehbehindert*", "im rollstuhl sitze",
               "auf den rollstuhl angewiesen", "krankgeschrieben", "krankschreibung",
               "krank geschrieben", "krankenstand", "chemo", "bestrahlung"),
        "fr": ("diabétique*", "épileptique*", "allergie*", "allergique*", "enceinte", "béquilles",
               "arrêt maladie", "congé maladie", "congé maternité", "radiothérapie",
               "traitement contre le", "à mobilité réduite"),
        "pt": ("diabétic*", "epilétic*", "alergia", "alergias", "alérgic*", "muletas",
               "ando de muletas", "licença médica", "atestado médico", "de atestado",
               "licença maternidade", "radioterapia", "grávida", "gestante", "estou doente",
               "fiquei doente", "cadeira de rodas"),
        "ja": ("アレルギー", "てんかん", "妊婦", "妊娠中", "松葉杖", "病気療養", "病気休職",
               "療養中", "糖尿病", "身体障害", "障害があり", "車椅子"),
        "zh": ("孕妇", "孕婦", "怀孕", "懷孕", "过敏", "過敏", "拐杖", "病假", "身障", "残障人士",
               "殘障人士", "癫痫", "癲癇", "糖尿病", "坐轮椅", "坐輪椅", "化疗", "化療"),
        "fi": ("sairausloma*", "sairaslomalla", "sairaslomaa", "allergia*", "allerginen",
               "raskaana", "raskaus*", "pyörätuolissa", "pyörätuolilla liikkuva",
               "pyörätuolin käyttäjä*", "kyynärsauvo*", "kainalosauvo*", "epilepti*",
               "diabeetikko*", "syöpähoid*", "sairastan", "sairastunut", "sairastuin",
               "liikuntarajoittei*", "näkövammai*", "kuulovammai*"),
        "el": ("αλλεργία", "αλλεργίες", "αλλεργικ*", "έγκυος", "εγκυμοσύνη", "πατερίτσες",
               "αναρρωτική", "αναρρωτική άδεια", "επιληπτικ*", "διαβητικ*", "χημειοθεραπεί*",
               "ακτινοθεραπεί*", "αναπηρικό", "καρκίνο*"),
    },
    HARDSHIP: {
        "en": ("sick pay", "lost my job", "debt collection", "debt collectors",
               "behind on my bills"),
        "es": ("sin trabajo", "cobradores", "empresa de recobro", "recobro"),
        "de": ("inkassobüro", "inkasso", "ratenzahlung weil", "kein einkommen", "krankengeld"),
        "fr": ("recouvrement", "société de recouvrement", "plus de salaire", "sans revenus"),
        "pt": ("cobrança judicial", "empresa de cobrança", "sem renda", "sem salário"),
        "ja": ("取り立て", "収入が途絶"),
        "zh": ("催收", "催债", "催債", "收入中断", "收入中斷"),
        "fi": ("perintätoimisto", "perintä", "perinnässä", "maksuaikaa", "ei ole tuloja",
               "lomautus*", "työttömänä"),
        "el": ("εισπρακτική", "εισπρακτικές", "δεν έχω εισόδημα"),
    },
    CARD_DETAILS: {
        "en": ("card information", "card info", "card data", "the long number on my card",
               "expiry date and cvv", "the 3 digits on the back", "three digits on the back"),
        "es": ("número de la tarjeta", "numero de la tarjeta", "número de mi tarjeta",
               "datos de tu tarjeta", "datos de su tarjeta", "datos de tarjeta",
               "los datos de la tarjeta", "cvv", "los tres números de atrás"),
        "de": ("kartendaten", "kreditkarteninformationen", "karteninformationen",
               "kreditkartendaten", "prüfziffer", "prüfnummer"),
        "fr": ("numéro de la carte", "informations de carte", "informations bancaires",
               "données bancaires", "coordonnées de carte"),
        "pt": ("número do meu cartão", "número do seu cartão", "dados do seu cartão",
               "dados do meu cartão", "dados de cartão", "cvv"),
        "ja": ("カード情報", "クレジットカード情報", "カードの番号", "カードの裏の",
               "セキュリティーコード"),
        "zh": ("信用卡资料", "信用卡資料", "信用卡信息", "信用卡資訊", "银行卡信息", "銀行卡資訊",
               "卡片资料", "卡片資料", "背面三码", "背面三碼", "背面的三位", "背面三位", "cvv码",
               "cvv碼", "安全码", "安全碼"),
        "fi": ("korttinumero*", "kortin numero*", "korttitiedot", "korttitietoja", "kortin tiedot",
               "kortin tietoja", "verkkopankkitunnukse*", "turvakoodi*"),
        "el": ("αριθμό της κάρτας", "αριθμός της κάρτας", "στοιχεία της κάρτας", "στοιχεία κάρτας",
               "cvv"),
    },
}
# fmt: on


# a second round from later real-post training rows: "suspicious activity" notices, logins
# by others told casually, fraud adjectives in thank-you posts, named chronic conditions
# fmt: off
_REAL_POST_TOPICS_2: Final[TopicLexicon] = {
    ACCOUNT_COMPROMISED: {
        "en": ("suspicious activity", "someone been in my account", "someone has been in my",
               "without me doing anything"),
        "es": ("actividad sospechosa", "alguien ha entrado en mi cuenta", "sin hacer nada yo"),
        "de": ("verdächtige aktivität", "verdächtiger aktivität", "war da jemand drin",
               "jemand drin", "ohne dass ich etwas"),
        "fr": ("activité suspecte", "quelqu'un est entré", "sans que je fasse rien"),
        "pt": ("atividade suspeita", "alguém entrou na minha conta", "sem eu fazer nada"),
        "ja": ("不審なアクティビティ", "不審なログイン", "不審な操作", "誰かにログイン"),
        "zh": ("可疑活动", "可疑活動", "被人登", "绑到别人的手机", "綁到別人的手機",
               "手机也被改", "手機也被改", "绑定手机也被改", "綁定手機也被改"),
        "fi": ("joku on päässy", "joku on päässyt", "joku pääsi", "epäilyttävää toimintaa",
               "epäilyttävän toiminnan", "sähköposti vaihdettu"),
        "el": ("ύποπτη δραστηριότητα", "ύποπτης δραστηριότητας", "χωρίς να κάνω τίποτα"),
    },
    FRAUD: {
        "en": ("dodgy payments", "dodgy payment", "dodgy charges", "dodgy transactions",
               "fraudulent charges", "fraudulent payments", "fraudulent transactions"),
        "es": ("fraudulent*",),
        "de": ("betrügerisch*",),
        "fr": ("frauduleu*",),
        "pt": ("fraudulent*",),
        "fi": ("vilpilli*",),
        "el": ("δόλι*",),
    },
    HEALTH: {
        "en": ("multiple sclerosis", "asthma", "asthmatic", "burnout", "burn-out",
               "hard of hearing", "parkinson's", "copd", "long covid"),
        "es": ("esclerosis múltiple", "asma", "asmático", "asmática", "burnout", "parkinson",
               "deficiencia visual", "deficiente visual"),
        "de": ("multiple sklerose", "asthma", "asthmatiker*", "schwerhörig*", "burnout",
               "burn-out", "parkinson"),
        "fr": ("sclérose en plaques", "asthme", "asthmatique", "burn-out", "burnout",
               "malentendant", "malentendante", "parkinson"),
        "pt": ("esclerose múltipla", "asma", "asmático", "asmática", "burnout",
               "deficiente visual", "deficiente auditivo", "deficiente auditiva", "parkinson"),
        "ja": ("多発性硬化症", "喘息", "難聴", "パーキンソン", "適応障害"),
        "zh": ("多发性硬化", "多發性硬化", "气喘", "氣喘", "哮喘", "听力不好", "聽力不好",
               "帕金森", "抑郁"),
        "fi": ("ms-tauti*", "astma*", "huonokuuloi*", "dementoitu*", "muistisairau*",
               "burnout", "uupumus", "loppuunpala*", "parkinson*"),
        "el": ("σκλήρυνση κατά πλάκας", "άσθμα", "βαρήκο*", "πάρκινσον", "burnout"),
    },
}
# fmt: on


# Account takeover by SIM swap or number port-out, loans and accounts opened in the
# customer's name, scam messages quoted or asked about, casual hardship, and conditions
# named in everyday words (food intolerances, stoma, hearing loss, pregnancy loss)
# fmt: off
_TAKEOVER_AND_CARE_TOPICS: Final[TopicLexicon] = {
    ACCOUNT_COMPROMISED: {
        "en": ("ported to another network", "ported out", "port-out", "port out fraud",
               "number was ported", "number has been ported", "sim i didn't order",
               "sim i never ordered",
               "didn't order a new sim", "never ordered a new sim", "isn't mine anymore",
               "is not mine anymore", "no longer mine",
               "someone's been buying", "someone has been buying", "someone's been using",
               "new device i don't recognise", "device i don't recognise",
               "device i don't recognize", "verify your identity", "account will be suspended",
               "account has been suspended", "read out the code",
               "read out a code", "asked me for the code", "opened in my name", "loan in my name",
               "took out a loan in my name",
               "credit in my name", "contract in my name"),
        "es": ("pidió un duplicado", "duplicado de mi sim", "duplicado de la sim",
               "duplicado de mi tarjeta sim", "duplicado con mi nombre", "sim duplicada",
               "portabilidad que no pedí", "portaron mi número", "verifique su identidad",
               "su cuenta será suspendida",
               "préstamo a mi nombre",
               "crédito a mi nombre", "alguien ha activado", "alguien activó"),
        "de": ("jemand hat in meinem", "keine neue sim bestellt", "keine sim bestellt",
               "nie eine neue sim",
               "sim-tausch", "sim-swap", "rufnummer portiert",
               "nummer portiert", "angeblich eurer", "angeblich ihrer", "tan vorlesen",
               "tan durchgeben", "tan nennen", "tan sagen", "mein passwort geändert",
               "die profile umbenannt", "kredit auf meinen namen", "vertrag auf meinen namen",
               "konto wird gesperrt",
               "bestätigen sie ihre identität"),
        "fr": ("duplicata de ma sim", "portabilité que je n'ai pas",
               "quelqu'un est dans mon compte", "appareil que je ne connais pas",
               "appareil inconnu", "jamais créé de compte",
               "crédit à mon nom", "prêt à mon nom", "vérifiez votre identité",
               "votre compte sera suspendu"),
        "pt": ("foi trocado sem eu pedir", "sem eu pedir", "trocaram o email", "trocaram meu email",
               "chip clonado", "clonaram meu chip", "portabilidade que não pedi",
               "empréstimo no meu nome", "empréstimo em meu nome", "fizeram um empréstimo",
               "crédito no meu nome", "token de segurança vai pra outro",
               "verifique sua identidade", "sua conta será suspensa"),
        "ja": ("simが勝手に", "simを再発行", "身に覚えのないsim", "知らない端末",
               "アカウントを停止", "お支払い方法に問題", "本人確認のため", "認証コードを教えて",
               "勝手にmnp", "乗っ取"),
        "zh": ("被人补办", "被人補辦", "被补办", "被補辦", "补办了我的", "補辦了我的", "被人转走",
               "被人轉走", "被转走", "被轉走", "门号被人转", "門號被人轉", "没申请携号",
               "沒申請攜碼",
               "没申请携号转网", "被人携号", "俾人hack*", "被人hack*", "被hack*", "hack咗",
               "自称是", "自稱是", "自稱係", "自称係", "可疑交易", "撳link", "点链接登录",
               "點連結登入",
               "冒用我的名", "冒用我", "用我的名义", "用我的名義", "用我个名", "用我個名"),
        "fi": ("kaapat*", "kaappas*", "en ole tilannut uutta", "tunnuksesi vanhenevat",
               "vahvista tästä", "huijaus*", "huijari*", "lainaa minun nimissäni"),
        "el": ("αντίγραφο της sim", "πλαστή ταυτότητα", "άλλαξαν email",
               "άλλαξαν το email", "άλλαξαν τον κωδικό", "μας πήραν τον λογαριασμό",
               "μου πήραν τον λογαριασμό", "επιβεβαιώστε την ταυτότητά σας",
               "δάνειο στο όνομά μου"),
    },
    FRAUD: {
        "en": ("flights i never booked", "i never booked", "never authorised", "never authorized",
               "i didn't approve",
               "payment i didn't approve", "money transferred out"),
        "es": ("no autoricé", "no lo autoricé",
               "transferencia que no hice", "me sacaron dinero"),
        "fr": ("sms premium", "sans mon accord", "je n'ai jamais créé",
               "jamais commandé"),
        "pt": ("isto é burla", "é burla", "burlão", "burlões", "nunca pedi nada",
               "sms premium"),
        "ja": ("知らないお店", "知らない店", "覚えがない支払い", "身に覚えがない", "勝手に支払",
               "勝手に決済", "不正送金"),
        "zh": ("莫名其妙被", "被转走了", "被轉走了", "钱被转", "錢被轉", "根本没买过", "根本沒買過",
               "我根本沒買", "我根本没买", "不是我办的", "不是我辦的"),
        "fi": ("jollekin tuntemattomalle", "en oo hyväksyny*", "en ole hyväksynyt",
               "tuntematon maksu"),
        "el": ("δεν την έχω κάνει", "δεν τις έχω κάνει"),
    },
    BEREAVEMENT: {
        "en": ("lost my baby", "lost the baby", "stillborn", "stillbirth", "grandad's funeral",
               "grandma's funeral", "since he died", "since she died"),
        "es": ("perdí al bebé", "perdí a mi bebé", "perdimos al bebé", "su fallecimiento"),
        "de": ("mein baby verloren", "baby verloren", "totgeburt", "beerdigung meines",
               "beerdigung meiner"),
        "fr": ("perdu mon bébé", "perdu notre bébé", "perdu le bébé"),
        "pt": ("perdi meu bebê", "perdi o bebê", "perdi o meu bebé", "perdemos o bebê"),
        "ja": ("赤ちゃんを亡く", "死産", "亡くした"),
        "zh": ("头七", "頭七", "阿爸走咗", "阿媽走咗", "老豆走咗", "老爸走咗", "媽咪走咗",
               "爺爺走咗",
               "嫲嫲走咗", "百日祭", "守灵", "守靈", "奔丧", "奔喪"),
        "fi": ("hautaja*", "menetin vauvan", "keskenmeno*"),
        "el": ("έχασα το μωρό", "χάσαμε το μωρό", "αποβολή"),
    },
    HEALTH: {
        "en": ("ibs", "crohn's", "crohns", "colitis", "coeliac", "celiac", "stoma", "colostomy",
               "ileostomy", "fibromyalgia", "lupus", "arthritis", "my stroke", "his stroke",
               "her stroke", "had a stroke", "after a stroke", "husband's stroke", "wife's stroke",
               "mum's stroke", "dad's stroke", "nut allergy", "peanut allergy",
               "lactose intolerant",
               "hearing loss", "hearing aid", "hearing aids", "sign language interpreter",
               "adhd", "ptsd", "bipolar", "schizophrenia", "eating disorder", "ivf"),
        "es": ("celíac*", "celiaquía", "intolerante a la lactosa", "colostomía", "ostomía",
               "fibromialgia", "lupus", "artritis", "ictus", "me dio un ictus", "crohn",
               "audífono*", "pérdida auditiva", "tdah", "bipolar", "fiv"),
        "de": ("nussallergie", "erdnussallergie", "laktoseintoleranz", "zöliakie",
               "glutenunverträglichkeit", "stoma", "künstlicher darmausgang", "fibromyalgie",
               "rheuma", "morbus crohn", "colitis", "hörgerät*", "hörverlust", "adhs",
               "schlaganfall"),
        "fr": ("cœliaque", "coeliaque", "maladie cœliaque", "intolérant au lactose",
               "intolérante au lactose", "stomie", "fibromyalgie", "polyarthrite",
               "maladie de crohn",
               "avc", "appareil auditif", "appareils auditifs", "tdah", "allergie aux arachides"),
        "pt": ("celíac*", "doença celíaca", "intolerante à lactose", "ostomia", "colostomia",
               "bolsa de colostomia", "fibromialgia", "lúpus", "artrite", "avc", "crohn",
               "aparelho auditivo", "tdah"),
        "ja": ("人工肛門", "ストーマ", "オストメイト", "セリアック", "乳糖不耐", "線維筋痛症",
               "リウマチ",
               "補聴器", "難聴", "聴覚障がい", "発達障害", "adhd", "パニック障害", "不妊治療",
               "脳卒中", "アトピー", "食物アレルギー"),
        "zh": ("听力障碍", "聽力障礙", "视力障碍", "視力障礙", "听障人士", "聽障人士", "助听器",
               "助聽器",
               "造口", "乳糖不耐", "麸质过敏", "麩質過敏", "纤维肌痛", "纖維肌痛",
               "类风湿", "類風濕", "中风了", "中風了", "自闭症", "自閉症", "多动症", "過動症",
               "试管婴儿",
               "試管嬰兒", "坐月子", "孕期"),
        "fi": ("keliaak*", "keliakia", "laktoosi-intolerant*", "avanne*", "fibromyalgia",
               "nivelreuma", "reuma", "syöpä*", "aivohalvau*", "kuulolaite*", "adhd", "autisti*",
               "raskau*", "gluteeniton ruokavalio"),
        "el": ("κοιλιοκάκη", "δυσανεξία στη λακτόζη", "στομία", "ινομυαλγία", "αρθρίτιδα",
               "ρευματοειδή", "ακουστικό βαρηκοΐας", "ακουστικά βαρηκοΐας", "εγκεφαλικό επεισόδιο"),
    },
    HARDSHIP: {
        "en": ("made redundant", "collections team", "collections agency", "debt collection agency",
               "payment holiday", "can't keep up with payments", "can't keep up with the payments",
               "struggling to make ends meet", "money is tight", "tight this month"),
        "es": ("me han despedido", "no llego a pagar", "no puedo hacer frente",
               "empresa de cobros", "recobros", "ando justo de dinero"),
        "de": ("gekündigt worden", "betriebsbedingt gekündigt", "zahlungsaufschub", "stundung",
               "kann die raten nicht"),
        "fr": ("fin de mois très serrée", "fin de mois serrée", "fins de mois serrées",
               "je suis à découvert", "licenciement"),
        "pt": ("fiquei desempregad*", "estou desempregad*", "não consigo pagar as prestações",
               "negociar a dívida"),
        "ja": ("返せなく", "返済が苦し", "返済額を減らす", "返済に困", "支払いが苦し",
               "リボ払いが膨ら",
               "債務整理", "滞納"),
        "zh": ("还不上", "還不上", "还不起了", "延期还款", "延期還款", "分期还不", "交不出",
               "手头紧",
               "手頭緊"),
        "fi": ("ulosot*", "velkoj*", "maksuhäiriö*", "luottotiedot", "luottotiedo*", "työttömäks*",
               "rahat on tiukilla"),
        "el": ("στα χρέη", "χρωστάω", "δεν βγαίνω", "ρύθμιση οφειλής", "απλήρωτ*"),
    },
    CARD_DETAILS: {
        "en": ("photo of my card", "picture of my card", "front and back of my card",
               "both sides of my card", "photo of the card", "copy of my card",
               "screenshot of my card"),
        "es": ("foto de mi tarjeta", "foto de la tarjeta", "las dos caras de la tarjeta",
               "copia de mi tarjeta"),
        "de": ("foto meiner karte", "foto von meiner karte", "kopie meiner karte",
               "kopie von meiner ec-karte", "meiner ec-karte machen", "vorder- und rückseite"),
        "fr": ("photo de ma carte", "photo de la carte", "recto verso de ma carte",
               "copie de ma carte"),
        "pt": ("foto do meu cartão", "foto do cartão", "frente e verso do cartão",
               "cópia do meu cartão"),
        "ja": ("カードの写真", "カードの表と裏", "カードのコピー"),
        "zh": ("卡片照片", "银行卡照片", "銀行卡照片", "卡的正反面", "信用卡正反面"),
        "fi": ("kuva kortista", "kuvan kortista", "kortin kuva*", "kortin molemmat puolet"),
        "el": ("φωτογραφία της κάρτας", "φωτογραφία της κάρτας μου", "και τις δύο όψεις"),
    },
}
# fmt: on


# Indirect phrasings from later writers: takeover told through its traces (a device or
# login that is not theirs, forwarding or contact details changed, orders they never
# placed, data used in their name), phishing lures quoted whole, being asked for an ID
# photo, bereavement in everyday wording (kin + "passed", "nous a quittés", "se foi",
# "έφυγε ο πατέρας"), treatment and conditions named plainly, and job loss.
# fmt: off
_INDIRECT_TOPICS: Final[TopicLexicon] = {
    ACCOUNT_COMPROMISED: {
        "en": ("someone's been in my", "someones been in my", "someone's been on my",
               "someone has been on my", "added to apple pay on", "trusted device called",
               "a device i've never", "device i never had", "device i don't own",
               "phone that isn't mine", "a phone i don't own", "forwarding rule i",
               "still has access to my account", "confirm your details", "confirm my details on",
               "verify your details", "update your payment details", "or am i being had",
               "am i being scammed"),
        "es": ("alguien ha cambiado el", "alguien cambió el", "sin que yo tocara",
               "sin que yo hiciera", "un móvil que no es mío", "un dispositivo que no es mío",
               "un teléfono que no es mío", "que yo no he puesto",
               "han iniciado sesión en mi", "iniciaron sesión en mi", "usando mis datos",
               "un supuesto técnico", "falso técnico", "técnico de microsoft",
               "rellenar tus datos", "y los de tu tarjeta", "confirma tus datos"),
        "de": ("fremdes gerät", "fremdes handy", "fremde adresse",
               "nie angelegt", "nie eingerichtet", "passwort passt nicht mehr",
               "in meinem namen inseriert", "in meinem namen bestellt",
               "bestätigen sie ihre daten"),
        "fr": ("que je possède pas", "que je ne possède pas", "encore accès à mon compte",
               "toujours accès à mon compte", "fait avoir", "faux conseiller",
               "faux technicien", "faux banquier"),
        "pt": ("no meu cpf sem", "associado a outro telemóvel",
               "associado a outro celular", "não associei", "ser enganad*", "fui enganad*",
               "informe cpf", "informe seu cpf", "cpf e senha", "senha do app no link"),
        "ja": ("別の端末でログインしました", "別の端末でログインされ", "不正に使われ",
               "お支払い情報の確認", "支払い情報の確認はこちら"),
        "zh": ("被登入", "被登录", "登入咗", "另一部機登入", "号被顶", "號被頂", "被人顶", "被人頂",
               "被换绑", "被換綁", "也换绑了", "也換綁了", "设备里多了", "裝置裡多了",
               "不认识的设备", "不認識的裝置", "根本沒下過", "根本没下过", "拿我資料",
               "拿我资料", "用我的资料", "用我的資料", "打了帳密", "打了账密", "网址怪怪的",
               "網址怪怪的", "按人家说的", "按人家說的", "资料外泄", "資料外洩",
               "内点击链接", "內點擊連結", "补填资料", "補填資料"),
        "fi": ("joku kirjautu*", "joku oli kirjautu*", "en oo ikinä tehny", "en oo ikinä tilannu",
               "käyttää mun tietoja", "käyttää minun tietojani", "mun nimellä on tehty",
               "minun nimelläni", "mun pankkitunnukset", "pankkitunnuksesi",
               "ilman luottotietojen tarkistusta"),
        "el": ("συσκευή που δεν", "κάποιος έχει τα στοιχεία μου",
               "μου πήραν το fb", "μου πήραν το προφίλ", "mou pirane to fb", "mou pirane to profil",
               "mou pirane to insta", "allaksan kai to email", "allaksan to email",
               "δεν έχω κατεβάσει ποτέ", "epivevaiwste ta stoixeia", "stoixeia tis kartas",
               "logariasmos sas exei anastalei", "επιβεβαιώστε τα στοιχεία",
               "ο λογαριασμός σας έχει ανασταλεί"),
    },
    DATA_OFFER: {
        "en": ("photo of my passport", "picture of my passport", "photo of my id",
               "photo of my driving licence", "photo of my driver's license", "selfie with my id",
               "selfie with my passport", "selfie holding my"),
        "es": ("foto del dni", "foto de mi dni", "foto del pasaporte", "foto de mi pasaporte",
               "captura de la app del banco", "captura del saldo", "selfie con mi dni"),
        "de": ("foto von meinem perso", "foto von meinem ausweis", "foto meines ausweises",
               "foto vom perso", "foto vom ausweis", "perso vorne und hinten",
               "ausweis vorne und hinten"),
        "fr": ("photo de ma carte d'identité", "selfie avec ma carte", "selfie avec ma pièce",
               "photo de votre carte vitale", "photo de mon passeport", "photo de ma pièce",
               "votre rib en mp"),
        "pt": ("fotografia ao meu cartão de cidadão", "fotografia do meu cartão de cidadão",
               "foto do meu rg", "foto do meu documento", "foto da minha identidade",
               "selfie com o documento"),
        "ja": ("身分証の写真", "免許証の写真", "マイナンバーカードの写真", "保険証の写真",
               "ここのリプに書", "リプに書いちゃ"),
        "zh": ("手持身分證", "手持身份证", "手持身份證", "身份证正反面", "身分證正反面",
               "身份證正反面", "发身份证", "發身分證", "拍身份证"),
        "fi": ("kuva passista", "kuvan passista", "kuva henkilökortista", "kuvan henkilökortista",
               "kuvan henkkarista"),
        "el": ("φωτογραφία ταυτότητας", "φωτογραφία της ταυτότητας", "fwtografia taftotitas",
               "fotografia taftotitas"),
    },
    HEALTH: {
        "en": ("can't walk far", "cannot walk far", "bad anxiety", "severe anxiety",
               "i have anxiety", "suffer from anxiety", "my anxiety", "panic attack",
               "heavily pregnant", "morning sickness", "on dialysis"),
        "es": ("parálisis cerebral", "paralisis cerebral", "ataque de pánico", "ataques de pánico",
               "estoy en tratamiento de"),
        "de": ("hochschwanger", "querschnittsgelähmt", "gelähmt", "panikattacke*",
               "angststörung"),
        "fr": ("autiste", "curatelle", "ma curatrice", "mon curateur", "crise d'angoisse"),
        "pt": ("ostomizad*", "leucemia", "diagnosticado com", "diagnosticada com",
               "crise de pânico", "ataque de pânico"),
        "ja": ("つわり", "心が折れ", "休職", "通院中", "抗がん"),
        "zh": ("出院", "從醫院回家", "从医院回家", "医院打针", "醫院打針", "读屏", "讀屏",
               "看不见的人", "看不見的人", "天天吃药", "天天吃藥", "肚子里这个", "肚子裡這個",
               "预产期", "預產期"),
        "fi": ("vauva tulossa", "lääkäri kielsi", "kuulokoje*", "veriarvo*", "hoidoissa",
               "paniikkikohtau*"),
        "el": ("φάσμα του αυτισμού", "αυτισμ*", "κάνω θεραπείες", "κάνω θεραπεία",
               "όγδοο μήνα", "έβδομο μήνα", "ένατο μήνα", "βαρύ χειμώνα ψυχολογικά",
               "ψυχολογικά προβλήματα"),
    },
    HARDSHIP: {
        "en": ("made redund*", "behind on everything", "out of work", "lost my income"),
        "es": ("me quedé en paro", "sin empleo"),
        "de": ("ohne job", "ohne arbeit", "finanziell am ende", "finanziell grad am ende",
               "finanziell echt am ende", "finanziell grad echt am ende", "job verloren",
               "gestundet", "ratenplan weil"),
        "fr": ("perdu mon boulot", "sans boulot", "sans emploi"),
        "pt": ("perdi o trabalho", "fiquei sem trabalho", "sem emprego"),
        "ja": ("仕事切られ", "仕事を切られ", "収入ゼロ", "収入が無", "仕事を失", "クビになっ",
               "職を失"),
        "zh": ("公司倒闭", "公司倒閉", "工资拖", "工資拖", "拖欠工资", "拖欠工資", "交不上",
               "刚被裁", "剛被裁", "被裁了", "失咗業", "失咗份工", "等着用钱", "等著用錢"),
        "fi": ("jäin työttömäksi", "menetin työpaikan*"),
        "el": ("με απέλυσαν", "μας απέλυσαν", "me apelysan"),
    },
    BEREAVEMENT: {
        "en": ("since mum passed", "since dad passed", "since mom passed"),
        "de": ("wär papa", "wäre papa", "wär mama", "wäre mama", "wär opa", "wäre opa",
               "wär oma", "wäre oma"),
        "fr": ("rapatriement du corps",),
        "fi": ("haudalla", "haudalle", "muistotilaisuu*"),
        "zh": ("過咗身", "过咗身", "殡仪馆", "殯儀館", "追悼会", "追悼會", "花圈"),
        "ja": ("お通夜", "告別式", "四十九日"),
    },
}
# fmt: on

# Kin words and the everyday verbs of dying, paired per language ("mi abuela murió",
# "meu pai se foi", "έφυγε ο πατέρας μου"): a person, never a phone or a battery.
# fmt: off
_KIN: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("mum", "mom", "dad", "mother", "father", "husband", "wife", "partner", "son",
           "daughter", "brother", "sister", "grandma", "grandad", "grandpa", "nan", "nana"),
    "es": ("madre", "padre", "mamá", "papá", "abuela", "abuelo", "marido", "esposo", "esposa",
           "mujer", "hermano", "hermana", "hijo", "hija"),
    "pt": ("pai", "mãe", "avó", "avô", "marido", "esposa", "mulher", "irmão", "irmã", "filho",
           "filha"),
    "fr": ("mère", "père", "mari", "femme", "frère", "sœur", "fils", "fille", "grand-mère",
           "grand-père", "mamie", "papi"),
    "de": ("vater", "mutter", "papa", "mama", "mann", "frau", "bruder", "schwester", "sohn",
           "tochter", "oma", "opa"),
}
_KIN_DEATH: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("my {k} died", "my {k} passed", "since my {k} died", "my {k} has died",
           "lost my {k}"),
    "es": ("mi {k} murió", "mi {k} se fue", "se murió mi {k}",
           "perdimos a mi {k}", "mi {k} ha muerto"),
    "pt": ("meu {k} se foi", "minha {k} se foi", "meu {k} morreu", "minha {k} morreu",
           "o meu {k} morreu", "a minha {k} morreu", "perdemos o meu {k}", "perdemos a minha {k}"),
    "fr": ("rapatriement de mon {k}", "rapatriement de ma {k}",
           "mon {k} est mort", "ma {k} est morte", "mon {k} nous a", "ma {k} nous a",
           "mon {k} est parti", "ma {k} est partie"),
    "de": ("mein {k} ist tot", "meine {k} ist tot", "seit {k} tot ist"),
}
_KIN_DEATH_EXTRA: Final[Mapping[str, tuple[str, ...]]] = {
    "el": ("έφυγε ο πατέρας", "έφυγε η μητέρα", "έφυγε η μάνα", "έφυγε ο μπαμπάς",
           "έφυγε η μαμά", "έφυγε ο άντρας μου", "έφυγε η γυναίκα μου", "έφυγε ο παππούς",
           "έφυγε η γιαγιά", "χάσαμε τη μάνα", "χάσαμε τη μητέρα", "χάσαμε τον πατέρα",
           "χάσαμε τον μπαμπά", "χάσαμε τη μαμά", "χάσαμε τον παππού", "χάσαμε τη γιαγιά",
           "πέθανε ο μπαμπάς", "πέθανε η μαμά", "πέθανε η γιαγιά", "πέθανε ο παππούς"),
    "fi": ("isä kuoli", "äiti kuoli", "mummo kuoli", "pappa kuoli", "vaari kuoli", "isäni kuoli",
           "äitini kuoli", "mieheni kuoli", "vaimoni kuoli", "isä nukkui pois",
           "äiti nukkui pois", "nukkui pois"),
    "ja": ("父が亡", "母が亡", "祖母が亡", "祖父が亡", "夫が亡", "妻が亡", "父を亡", "母を亡"),
}
# fmt: on


def _kin_phrases() -> dict[str, tuple[str, ...]]:
    out = {
        lang: tuple(t.format(k=k) for t in templates for k in _KIN[lang])
        for lang, templates in _KIN_DEATH.items()
    }
    for lang, phrases in _KIN_DEATH_EXTRA.items():
        out[lang] = out.get(lang, ()) + phrases
    return out


# Phrases that look sensitive but are not: hyperbole ("this queue will kill me", 好吃到想死),
# figurative health ("me da un infarto"), "scam"/"fraud" meaning overpriced or a bank's
# own checks, and password-reset how-to. Being longer than the phrase they contain, they
# win the match at that position and their hits are dropped.
NOT_SENSITIVE: Final = "not sensitive"
# fmt: off
_NOT_SENSITIVE: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("fraud prevention", "fraud detection", "fraud check", "fraud checks",
           "fraud filter", "absolute scam", "total scam", "such a scam", "a scam for",
           "kill me", "killing me", "i'm dying", "im dying", "died laughing", "dying laughing",
           "gives me a heart attack", "give me a heart attack", "nearly had a heart attack",
           "almost had a heart attack"),
    "es": ("me da un infarto", "me va a dar un infarto", "me dio un infarto al ver",
           "casi me da un infarto", "me va a matar", "me van a matar", "esto es un robo"),
    "de": ("kein geld zurück", "bringt mich um", "bringen mich um", "ist betrug am kunden",
           "reiner betrug",
           "kriege einen herzinfarkt", "krieg einen herzinfarkt"),
    "fr": ("va me tuer", "vont me tuer", "me tue", "crise cardiaque en voyant"),
    "pt": ("vai me matar", "vão me matar", "vai matar-me", "me mata", "quase tive um infarto"),
    "zh": ("到我想死", "到我想原地去世", "我想原地去世", "原地去世", "想原地去世", "这不是诈骗",
           "這不是詐騙", "根本詐騙", "根本诈骗", "简直是诈骗", "簡直是詐騙", "支付密码忘",
           "支付密碼忘", "要死了", "笑死", "累死"),
    "ja": ("死ぬほど", "死にそう", "笑い死"),
    "fi": ("ihan huijausta", "täyttä huijausta", "silkkaa huijausta", "aivan huijausta"),
    "el": ("με πέθανε", "πέθανα στα γέλια"),
}
# fmt: on

# Scam and takeover words used about scams in general (news, "how do I spot one?"):
# dropped when the post talks about them in general and nothing else marks the writer
# as a victim.
# the noun itself (and its plural); "scammed" or "被骗" tell of the writer and stay
_GENERIC_SCAM_WORDS: Final = frozenset(
    fold(w)
    for w in (
        "fraud", "scam", "scams", "phishing", "fraude", "fraudes", "betrug", "arnaque",
        "arnaques", "golpe", "golpes", "huijaus", "huijausta", "απάτη", "απάτες", "诈骗", "詐騙",
        "なりすまし", "冒充客服", "假冒客服", "俾人hack", "被人hack", "被hack", "faux conseiller",
        "estafa", "estafas",
    )
)  # fmt: skip
# inflected generic nouns (Finnish cases, "phishing-mails")
_GENERIC_SCAM_STEMS: Final = (fold("huijausviest"), fold("phishing"))
_GENERAL_TALK_RE: Final = re.compile(
    fold(
        r"(?<!\w)(?:news|bbc|reckons|in the papers|article|how (?:do|can) i (?:tell|spot|know)"
        r"|what (?:do )?yours look like|nachrichten|liest (?:man )?(?:grad )?viel|woran erkenn"
        r"|wie erkenne|démantèlement|interpellations?|on entend parler|comment reconnaître"
        r"|noticias|cómo (?:distingo|reconozco|sé si)|notícias?|como (?:saber|identificar)"
        r"|uutisissa|uutiset|miten tunnistan|ειδήσεις|πώς καταλαβαίνω)(?!\w)"
        r"|ニュース|見分け|新闻|新聞|警方|反诈|反詐|聽人講|听人讲|预防|預防|會主動|会主动|怎么分辨"
        r"|點樣分|怎麼分辨"
    )
)


# Use of the account told through what was taken: rides, trips and orders the customer never
# made (ride-hailing and delivery apps), miles and points spent by someone else (airline
# loyalty). Probed with airline and app complaints written for this list, not tuned on a split.
# fmt: off
_USE_BY_SOMEONE_ELSE: Final[TopicLexicon] = {
    FRAUD: {
        "en": ("ride on my account", "rides on my account", "trip on my account",
               "trips on my account", "ordered on my account", "booked on my account",
               "rides i never took", "ride i never took", "rides i didn't take",
               "ride i didn't take", "trips i never took", "trip i never took",
               "trips i didn't take", "trip i didn't take", "orders i never placed",
               "order i never placed", "orders i didn't place", "bookings i never made",
               "booking i never made", "someone used my miles", "someone redeemed my",
               "someone used my points", "miles were stolen", "points were stolen",
               "stole my miles", "stole my points"),
        "es": ("viajes que no hice", "viaje que no hice", "viajes que nunca hice",
               "pedidos que no hice", "pedido que no hice", "pedidos que nunca hice",
               "usaron mis millas", "canjearon mis millas", "canjearon mis puntos",
               "usaron mis puntos", "me robaron las millas", "me robaron los puntos"),
        "de": ("fahrten, die ich nie", "fahrt, die ich nie", "fahrten die ich nie",
               "fahrt die ich nie", "bestellungen, die ich nie", "bestellung, die ich nie",
               "bestellungen die ich nie", "jemand hat meine meilen", "jemand hat meine punkte",
               "meilen wurden gestohlen", "punkte wurden gestohlen"),
        "fr": ("courses que je n'ai jamais", "course que je n'ai jamais",
               "courses que je n'ai pas faites", "course que je n'ai pas faite",
               "commandes que je n'ai jamais", "commande que je n'ai jamais",
               "quelqu'un a utilisé mes miles", "quelqu'un a utilisé mes points",
               "on m'a volé mes miles", "on m'a volé mes points"),
        "pt": ("corridas que não fiz", "corrida que não fiz", "viagens que não fiz",
               "pedidos que não fiz", "pedido que não fiz", "usaram minhas milhas",
               "resgataram minhas milhas", "usaram meus pontos"),
    },
}
# fmt: on


def _merged(*lexicons: TopicLexicon) -> dict[str, dict[str, tuple[str, ...]]]:
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for lexicon in lexicons:
        for reason, by_lang in lexicon.items():
            slot = out.setdefault(reason, {})
            for lang, phrases in by_lang.items():
                slot[lang] = tuple(dict.fromkeys(slot.get(lang, ()) + phrases))
    return out


SENSITIVE_TOPICS: Final[TopicLexicon] = _merged(
    _TOPICS,
    _REAL_POST_TOPICS,
    _REAL_POST_TOPICS_2,
    _TAKEOVER_AND_CARE_TOPICS,
    _INDIRECT_TOPICS,
    _USE_BY_SOMEONE_ELSE,
    {DATA_OFFER: _offer_phrases(), BEREAVEMENT: _kin_phrases(), NOT_SENSITIVE: _NOT_SENSITIVE},
)
# fmt: on


# Offers to send data written more freely than "verb + my noun": the verb and a data noun
# in one sentence, either order ("os puedo pasar por aquí mi DNI", "生年月日と口座番号送れば",
# "ταυτότητα ... πού είναι ασφαλές να τα στείλω;"), addressed to the brand (here, DM, you)
# and asked (a question mark or "can I"). Nouns are the data that must never be posted;
# an address or a phone number is left to the typed detectors ("send it to my address").
# fmt: off
_OFFER_VERB_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("send", "sending", "dm", "pm", "post", "share", "put", "give", "message", "email",
           "upload", "type", "write", "paste", "attach", "screenshot", "photo"),
    "es": ("pasar", "paso", "pasaros", "pasarte", "pasarles", "mandar", "mando", "mandaros",
           "mandarte", "enviar", "envío", "enviaros", "poner", "pongo", "dar", "doy", "escribir",
           "subir", "adjuntar", "compartir", "publicar"),
    "de": ("schicken", "schicke", "senden", "sende", "posten", "geben", "gebe", "schreiben",
           "hochladen", "mitteilen", "durchgeben", "nennen", "reinschreiben", "schick"),
    "fr": ("envoyer", "envoie", "envoyer", "donner", "donne", "poster", "mettre", "mets",
           "écrire", "transmettre", "communiquer", "partager", "filer"),
    "pt": ("mandar", "mando", "enviar", "envio", "passar", "passo", "postar", "colocar",
           "coloco", "dar", "escrever", "compartilhar", "informar", "mandarei"),
    "fi": ("lähettää", "lähetän", "lähetänkö", "lähetä", "laittaa", "laitan", "laitanko",
           "kirjoittaa", "kirjoitan", "kirjoitanko", "antaa", "annan", "annanko", "jakaa"),
    "el": ("στείλω", "στέλνω", "γράψω", "δώσω", "ανεβάσω", "ανεβάζω", "βάλω", "στείλουμε"),
    "zh": ("打在", "打上", "输入", "輸入", "打我的", "发给", "發給", "发在", "發在",
           "发到", "發到", "发过去", "發過去", "私信", "私訊",
           "告诉你", "告訴你", "提供给", "提供給", "贴在", "貼在", "传给", "傳給", "填在"),
    "ja": ("貼れば", "貼って", "貼り", "載せれば",
           "送れば", "送って", "送り", "送る", "送っ", "書いて", "書け", "書き込", "載せ",
           "教えれば", "伝えれば", "dmで送", "貼っ"),
}
_OFFER_NOUN_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("date of birth", "dob", "birth date", "account number", "passport", "passport number",
           "id card", "photo id", "my id", "driving licence", "driver's license", "bank details",
           "iban", "sort code", "password", "pin", "ssn", "social security number",
           "national insurance number", "cvv", "card number", "card details", "login details",
           "bank statement", "bank statements", "payslip", "payslips", "pay slip",
           "account details",
           "tax return", "medical certificate", "medical records"),
    "es": ("fecha de nacimiento", "número de cuenta", "dni", "nie", "pasaporte", "iban",
           "datos bancarios", "contraseña", "pin", "documento de identidad", "número de tarjeta",
           "número de la tarjeta", "datos de la tarjeta", "carnet de conducir",
           "extracto bancario", "extractos", "nómina", "nóminas", "declaración de la renta"),
    "de": ("geburtsdatum", "kontonummer", "iban", "ausweis", "personalausweis",
           "ausweisnummer", "reisepass", "passwort", "pin", "bankdaten", "steuer-id",
           "kartennummer", "führerschein", "zugangsdaten", "kontoauszug", "kontoauszüge",
           "lohnzettel", "gehaltsabrechnung*", "lohnabrechnung*", "steuerbescheid", "attest"),
    "fr": ("date de naissance", "numéro de compte", "iban", "rib", "passeport",
           "carte d'identité", "pièce d'identité", "mot de passe", "numéro de sécurité sociale",
           "numéro de carte", "code pin", "permis de conduire", "relevé bancaire",
           "relevés bancaires", "relevé de compte", "fiche de paie", "fiches de paie",
           "bulletin de salaire", "avis d'imposition", "carte vitale", "cni"),
    "pt": ("data de nascimento", "cpf", "rg", "nif", "número da conta", "iban", "passaporte",
           "senha", "documento", "número do cartão", "dados do cartão", "cartão de cidadão",
           "extrato bancário", "extrato", "holerite", "contracheque", "recibo de vencimento"),
    "fi": ("syntymäai*", "tilinumero*", "henkilötunnu*", "hetu*", "passi*",
           "henkilöllisyystodistu*", "henkkari*", "salasana*", "pankkitied*", "korttinumero*",
           "kortin numero*", "ajokortti*", "tiliote*", "tiliott*", "palkkakuitti*",
           "palkkalaskelm*", "verotodistu*"),
    "el": ("ημερομηνία γέννησης", "αριθμό λογαριασμού", "αριθμό κάρτας", "ταυτότητα*",
           "διαβατήριο", "αφμ", "αμκα", "iban", "κωδικό μου", "κωδικούς μου", "δίπλωμα οδήγησης",
           "αντίγραφο κίνησης", "κίνηση λογαριασμού", "μισθοδοσία", "εκκαθαριστικό"),
    "zh": ("身份证号", "身份证", "身分證", "身份證", "生日", "出生日期", "卡号", "卡號", "银行卡号",
           "銀行卡號", "银行账号", "銀行帳號", "密码", "密碼", "护照", "護照", "验证码", "驗證碼",
           "银行流水", "銀行流水", "对账单", "對帳單", "工资单", "薪資單", "存折", "存摺"),
    "ja": ("生年月日", "口座番号", "カード番号", "マイナンバー", "パスワード", "暗証番号",
           "免許証", "パスポート", "身分証", "保険証", "認証コード", "通帳", "給与明細",
           "源泉徴収票",
           "明細書", "取引明細"),
}
# the brand is addressed: here, a private message, "you", or whether it is safe
_OFFER_ADDRESSEE_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("here", "messenger", "chat", "comments", "dm", "dms", "pm", "inbox",
           "private message", "privately", "you", "u", "want me to", "where",
           "safe"),
    "es": ("aquí", "aqui", "por aquí", "privado", "md", "dm", "os", "te", "les", "vosotros",
           "seguro", "dónde", "a dónde"),
    "de": ("hier", "privat", "pn", "dm", "euch", "ihnen", "dir", "sicher", "wohin"),
    "fr": ("ici", "privé", "mp", "dm", "vous", "te", "sûr", "où"),
    "pt": ("aqui", "por aqui", "privado", "dm", "inbox", "vocês", "te", "lhe", "seguro", "onde"),
    "fi": ("tässä", "messenger*", "tähän", "täällä", "tänne", "yksityisviesti*", "yv", "dm",
           "teille", "sinulle", "minne", "mihin",
           "turvallista"),
    "el": ("εδώ", "μήνυμα", "inbox", "dm", "σας", "ασφαλές", "πού"),
    "zh": ("评论区", "評論區", "留言", "这里", "這裡", "这儿", "這兒", "私信", "私訊",
           "你们", "你們", "安全"),
    "ja": ("リプ欄", "コメント欄", "ここ", "dm", "dmで", "dmに", "こちら", "御社", "安全", "line",
           "lineで", "メール", "どこに", "もらえ"),
}
# fmt: on
# asked, not told: a question mark (Greek ";") or "can I" (matched on folded text)
_QUESTION_RE: Final = re.compile(
    fold(
        r"[?？;;]|吗|嗎|ですか|でしょうか|(?<!\w)(?:can i|could i|should i|may i|shall i|do i"
        r"|puedo|podría|debo|kann ich|soll ich|darf ich|muss ich|puis-je|je peux|dois-je|posso"
        r"|devo|voinko|saanko|pitääkö|μπορώ|πρέπει|να σας)(?!\w)"
    )
)
_SENTENCE_END_RE: Final = re.compile(r"[.!?？;;。！\n]+")
_OFFER_SPAN: Final = 60  # most characters between an offering verb and its data noun


def _offer_entries() -> Iterable[tuple[str, tuple[str, str]]]:
    for kind, table in (
        ("verb", _OFFER_VERB_WORDS),
        ("noun", _OFFER_NOUN_WORDS),
        ("to", _OFFER_ADDRESSEE_WORDS),
    ):
        for lang, words in table.items():
            for word in words:
                yield word, (kind, lang)


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


# Phrasings with a few free words in the middle ("我爸上个月走了", "in meinem Namen ein Auto
# inseriert", "συσκευή Samsung που δεν είχα"), matched on folded text.
_ZH_KIN: Final = (
    "爸|妈|媽|爸爸|妈妈|媽媽|奶奶|爷爷|爺爺|外婆|外公|老公|老婆|父亲|母亲|父親|母親|阿嬤|阿公"
)
_PATTERN_TOPICS: Final[tuple[tuple[str, str, re.Pattern[str]], ...]] = tuple(
    (reason, lang, re.compile(fold(pattern)))
    for reason, lang, pattern in (
        (
            BEREAVEMENT,
            "zh",
            rf"(?:我|我的|我们|我們)?(?:{_ZH_KIN})[^，。！？,.!?\s]{{0,6}}(?:走了|走咗|过世|過世|去世)"
            r"(?!过来|過來|过去|過去|进|進|出|路|一趟|公里|了过|了過|开|開)",
        ),
        (
            ACCOUNT_COMPROMISED,
            "de",
            r"in meinem namen (?:\w+ ){0,3}(?:inseriert|bestellt|eröffnet"
            r"|abgeschlossen|angemeldet)",
        ),
        (ACCOUNT_COMPROMISED, "el", r"συσκευ\w*[^.;!;\n]{0,30}που δεν (?:είχα|έχω|ξέρω)"),
        (ACCOUNT_COMPROMISED, "zh", r"(?:设备|設備|裝置)\W{0,2}(?:里|裡)多了"),
        (HEALTH, "zh", r"(?:去|跑)(?:医院|醫院)打(?:针|針|那个针|那個針)|下不了床"),
    )
)


def _pattern_hits(prepared: Prepared) -> Iterable[TopicHit]:
    folded = prepared.folded[: len(prepared.original)]
    for reason, lang, pattern in _PATTERN_TOPICS:
        found = pattern.search(folded)
        if found is not None:
            start, end = prepared.original_span(found.start(), found.end())
            yield TopicHit(reason, prepared.original[start:end].lower(), lang, start, end)


# a death word said of a device ("Handy ist gestorben", "battery died"), and "mum passed
# the phone to me": not a bereavement
_DEVICE_BEFORE_RE: Final = re.compile(
    fold(
        r"(?:phone|battery|laptop|router|charger|handy|akku|laptop|telefon|router|batterie"
        r"|portable|téléphone|ordi|celular|bateria|telemóvel|móvil|movil|puhelin|akku|läppäri"
        r"|κινητό|μπαταρία|手机|手機|电池|電池|电脑|電腦|スマホ|携帯|バッテリー)"
        r"[^.!?。！？\n]{0,12}$"
    )
)
_PASSED_OBJECT_RE: Final = re.compile(
    r"\s+(?:the|me|him|her|it|us|them|my|his|a|an|on|by|through|out|over|all|her|its)(?!\w)"
)


def _figurative_death(hit: TopicHit, original: str) -> bool:
    if hit.reason != BEREAVEMENT:
        return False
    if _DEVICE_BEFORE_RE.search(fold(original[max(0, hit.start - 30) : hit.start])):
        return True
    return hit.text.endswith("passed") and bool(_PASSED_OBJECT_RE.match(original, hit.end))


def _generic_scam_talk(hit: TopicHit) -> bool:
    """A scam or takeover word that names the thing rather than what happened to the writer."""
    if hit.reason not in (FRAUD, ACCOUNT_COMPROMISED):
        return False
    text = fold(hit.text)
    return text in _GENERIC_SCAM_WORDS or text.startswith(_GENERIC_SCAM_STEMS)


class SensitiveTopics:
    """Finds sensitive topics in prepared post text."""

    def __init__(self, topics: TopicLexicon = SENSITIVE_TOPICS) -> None:
        self._matcher = PhraseMatcher(_entries(topics))
        self._offers: PhraseMatcher[tuple[str, str]] = PhraseMatcher(_offer_entries())

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
            if NOT_SENSITIVE in langs:
                continue  # hyperbole, "scam" = overpriced, a bank's own fraud checks
            for reason, entry_lang in langs.items():
                hits.append(TopicHit(reason, surface, entry_lang, start, end))
        if not hits:
            hits.extend(_pattern_hits(prepared))
        hits = [hit for hit in hits if not _figurative_death(hit, prepared.original)]
        if hits and _GENERAL_TALK_RE.search(prepared.folded) is not None:
            hits = [hit for hit in hits if not _generic_scam_talk(hit)]
        if not any(hit.reason in (DATA_OFFER, CARD_DETAILS) for hit in hits):
            offer = self._offer(prepared)
            if offer is not None:
                hits.append(offer)
        return hits

    def _offer(self, prepared: Prepared) -> TopicHit | None:
        """An offer to send personal data, phrased freely (see ``_OFFER_VERB_WORDS``)."""
        folded = prepared.folded[: len(prepared.original)]
        if _QUESTION_RE.search(folded) is None:
            return None  # only questions offer (cheap test before the phrase scan)
        found = self._offers.find(folded)
        if len(found) < 2:
            return None
        ends = [m.end() for m in _SENTENCE_END_RE.finditer(folded)] + [len(folded)]
        sentences: dict[int, list[tuple[str, str, int, int]]] = {}
        for match in found:
            sentence = next(i for i, end in enumerate(ends) if match.start < end)
            for kind, lang in match.payloads:
                sentences.setdefault(sentence, []).append((kind, lang, match.start, match.end))
        for index, items in sentences.items():
            kinds = {kind for kind, _, _, _ in items}
            if not {"verb", "noun", "to"} <= kinds:
                continue
            start = ends[index - 1] if index else 0
            if not _QUESTION_RE.search(folded, start, min(len(folded), ends[index] + 1)):
                continue
            verbs = [item for item in items if item[0] == "verb"]
            nouns = [item for item in items if item[0] == "noun"]
            for _, _, v_start, v_end in verbs:
                for _, lang, n_start, n_end in nouns:
                    if v_start == n_start:
                        continue
                    if max(v_start, n_start) - min(v_end, n_end) <= _OFFER_SPAN:
                        lo, hi = prepared.original_span(min(v_start, n_start), max(v_end, n_end))
                        text = prepared.original[lo:hi].lower()
                        return TopicHit(DATA_OFFER, text, lang, lo, hi)
        return None
