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


SENSITIVE_TOPICS: Final[TopicLexicon] = {**_TOPICS, DATA_OFFER: _offer_phrases()}
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
