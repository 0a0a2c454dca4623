"""Recall patterns added for sensitivity: booking/tracking references, PNR codes near a
booking word, passwords, offers to send personal data, digit-free topics, dates of birth,
addresses and phone numbers, in each supported language, with hard negatives."""

from __future__ import annotations

import pytest

from carerouter.classify.domain import Classifier

CLASSIFIER = Classifier(use_encoder=False)


def spans(text: str) -> list[tuple[str, str]]:
    result = CLASSIFIER.classify(text)
    return [(span.type, text[span.start : span.end]) for span in result.pii]


def reasons(text: str) -> str:
    return "\n".join(CLASSIFIER.classify(text).explanation)


# (post, PII type, covered text)
REFERENCES = [
    ("my reservation is under QW7T2M, flying friday", "order_id", "QW7T2M"),
    ("booking made last week, code is 9HDK3P", "order_id", "9HDK3P"),
    ("la reserva a mi nombre H8XP2A tiene un error", "order_id", "H8XP2A"),
    ("código de reserva: ZT4KQ9", "order_id", "ZT4KQ9"),
    ("meine Buchung R2D7XK wurde storniert", "order_id", "R2D7XK"),
    ("ma réservation 7YHM3C n'apparaît plus", "order_id", "7YHM3C"),
    ("réf. dossier K5PW8N, merci de vérifier", "order_id", "K5PW8N"),
    ("minha reserva B6RT4Q sumiu do app", "order_id", "B6RT4Q"),
    ("予約番号はM3KD7Xです", "order_id", "M3KD7X"),
    ("我的订票 P7QW2Z 显示取消了", "order_id", "P7QW2Z"),
    ("varaukseni J4NB8T katosi sovelluksesta", "order_id", "J4NB8T"),
    ("η κράτησή μου με κωδικό κράτησης W2ER5T ακυρώθηκε", "order_id", "W2ER5T"),
    ("parcel 1Z94F7A20316628841 stuck for a week", "order_id", "1Z94F7A20316628841"),
    ("el paquete LX482913305ES no se mueve", "order_id", "LX482913305ES"),
    ("Sendungsverfolgung zeigt nichts für RB774120356DE", "order_id", "RB774120356DE"),
    ("la lettre suivie RP123098765FR est bloquée", "order_id", "RP123098765FR"),
    ("o objeto NL556677889BR não saiu de Curitiba", "order_id", "NL556677889BR"),
    ("荷物 EA987650123JP が届かない", "order_id", "EA987650123JP"),
    ("订单号KD93JX7Q2M一直没发货", "order_id", "KD93JX7Q2M"),
    ("paketin seuranta JJD00049912345678 ei päivity", "order_id", "JJD00049912345678"),
    ("η αποστολή 1Z3X57Y90499123456 δεν έχει έρθει", "order_id", "1Z3X57Y90499123456"),
    ("where is 402-7788123-5566771? paid two weeks ago", "order_id", "402-7788123-5566771"),
    ("退款到尾号7731的卡", "account_id", "7731"),
]

# (post, secret)
PASSWORDS = [
    ("my password is Tulip!88 please fix my login", "Tulip!88"),
    ("the password, it's otterhouse, still can't log in", "otterhouse"),
    ("mi contraseña era Girasol2020 y ya no entra", "Girasol2020"),
    ("mein Passwort ist Sommerzeit_19", "Sommerzeit_19"),
    ("mon mot de passe était soleil44 avant le reset", "soleil44"),
    ("minha senha é Cajueiro#7", "Cajueiro#7"),
    ("パスワードはsakura2024です", "sakura2024"),
    ("我的密码是huoguo888，登不上", "huoguo888"),
    ("salasanani on Mökki2023", "Mökki2023"),
    ("ο κωδικός μου είναι θάλασσα77", "θάλασσα77"),
]

# (post, reason phrase in the explanation)
TOPICS = [
    ("can I DM you my date of birth to verify?", "personal data"),
    ("shall I post my home address here?", "personal data"),
    ("¿les paso mi número de cuenta por aquí?", "personal data"),
    ("kann ich Ihnen meine Kontonummer per DM schicken?", "personal data"),
    ("je peux vous envoyer ma date de naissance en privé ?", "personal data"),
    ("posso te mandar meu cpf por dm?", "personal data"),
    ("生年月日をDMで送ればいいですか", "personal data"),
    ("可以私信你我的身份证号吗", "personal data"),
    ("lähetänkö syntymäaikani yksityisviestillä?", "personal data"),
    ("να σας στείλω την ημερομηνία γέννησης σε μήνυμα;", "personal data"),
    ("someone is using my account and ordering stuff", "account compromised"),
    ("me robaron la cuenta anoche", "account compromised"),
    ("mein Konto wurde gekapert", "account compromised"),
    ("connexion suspecte depuis un autre pays", "account compromised"),
    ("roubaram minha conta do app", "account compromised"),
    ("アカウントを盗まれました", "account compromised"),
    ("账号被盗了，快帮我", "account compromised"),
    ("tilini on kaapattu", "account compromised"),
    ("κάποιος μπήκε στον λογαριασμό μου", "account compromised"),
    ("there are charges I don't recognise on my statement", "fraud"),
    ("hay cargos que no reconozco", "fraud"),
    ("unerlaubte Abbuchung auf meinem Konto", "fraud"),
    ("quelqu'un a utilisé ma carte hier", "fraud"),
    ("alguém usou meu cartão no exterior", "fraud"),
    ("身に覚えのない請求が来た", "fraud"),
    ("莫名扣款两百块", "fraud"),
    ("joku käytti korttiani", "fraud"),
    ("κάποιος χρησιμοποίησε την κάρτα μου", "fraud"),
    ("after my father's death I need to close his line", "bereavement"),
    ("tras la muerte de mi madre quiero cancelar", "bereavement"),
    ("nach dem Tod meines Vaters kündigen", "bereavement"),
    ("suite à la disparition de ma mère", "bereavement"),
    ("depois da morte do meu avô", "bereavement"),
    ("父が亡くなったので解約したい", "bereavement"),
    ("我父亲病逝了，要注销账户", "bereavement"),
    ("isäni kuoleman jälkeen haluan sulkea liittymän", "bereavement"),
    ("μετά τον θάνατο της μητέρας μου", "bereavement"),
    ("I'm blind and the app doesn't work with my screen reader", "health"),
    ("soy sorda y no puedo llamar", "health"),
    ("ich bin sehbehindert und brauche Hilfe", "health"),
    ("je suis malvoyante, le site est illisible", "health"),
    ("sou cadeirante e o elevador não funciona", "health"),
    ("目が見えないので電話しかできない", "health"),
    ("我是视障人士", "health"),
    ("olen näkövammainen", "health"),
    ("είμαι τυφλός και χρειάζομαι βοήθεια", "health"),
    ("I'm broke until payday, can I pay later?", "hardship"),
    ("no llego a fin de mes este mes", "hardship"),
    ("ich bin knapp bei Kasse", "hardship"),
    ("je n'ai plus d'argent ce mois-ci", "hardship"),
    ("fui demitido e estou sem dinheiro", "hardship"),
    ("リストラされて払えない", "hardship"),
    ("被裁员了，没有钱交费", "hardship"),
    ("rahat loppu tältä kuulta", "hardship"),
    ("δεν έχω λεφτά αυτόν τον μήνα", "hardship"),
]

# (post, PII type, covered text)
VALUES = [
    ("date of birth on the ticket is wrong, it should be 14/02/1988", "dob", "14/02/1988"),
    ("fecha de nacimiento mal puesta, la correcta 3/9/1979", "dob", "3/9/1979"),
    ("Geburtsdatum im Profil stimmt nicht: 22.07.1990", "dob", "22.07.1990"),
    ("syntymäaika väärin, oikea 05.11.1984", "dob", "05.11.1984"),
    ("asun osoitteessa Pihlajakatu 14 B 7", "address", "Pihlajakatu 14 B 7"),
    ("στείλτε το στην οδός Αιόλου 31", "address", "οδός Αιόλου 31"),
    ("entreguem na Av. Atlântica, 1702", "address", "Av. Atlântica, 1702"),
    ("call me on 0044 7911 123456", "phone", "0044 7911 123456"),
    ("ruf mich an: 0151 23456789", "phone", "0151 23456789"),
    ("mon numéro 06 12 34 56 78", "phone", "06 12 34 56 78"),
    ("my Greek number is 694 123 4567", "phone", "694 123 4567"),
    ("call me, 090-1234-5678", "phone", "090-1234-5678"),
    ("电话13812345678", "phone", "13812345678"),
]

# hard negatives: never sensitive
NEGATIVES = [
    "how do I reset my password?",
    "the password reset link is still expired",
    "le lien de réinitialisation du mot de passe est toujours expiré",
    "¿cómo cambio la contraseña?",
    "my booking for flight IB3456 was moved",
    "reserva del vuelo UX1094 retrasada, 45 EUR de compensación?",
    "Buchung für LH2034 im Jahr 2024",
    "réservation vol AF1234 annulée",
    "予約した便 NH0106 が欠航",
    "预订的 CA1234 航班延误",
    "varaus lennolle AY1337 peruttiin",
    "η κράτηση για την πτήση A3 602 άλλαξε",
    "booking for the XPS13 laptop, firmware 2.4.1",
    "barcode 4006381333931 on the box",
    "箱のバーコード 4912345678904 です",
    "the price was 1 299 000 won",
    "your hotline 0800 123 4567 never answers",
    "my phone died, battery is dead",
    "se me murió la batería del móvil",
    "o celular morreu de novo",
    "akku kuoli taas",
    "vuelo operado por otra aerolínea",
    "this plan is a scam, 20GB and throttled",
    "無制限プランなのに制限、ひどい",
    "do you offer a payment plan for the TV?",
    "model SM-A546B firmware A546BXXU3",
    "my late delivery finally arrived",
    "the feature is disabled on my account",
    "通信障害が起きています",
    "every time I type my password the app crashes",
    "my address changed in 2023, how do I update it?",
    "opened a ticket about my 55UQ75 TV",
    "my booking on BA0117 got cancelled",
    "reserva para el modelo X5PRO2",
    "Bestellung vom 12.03.2024 über 49,99 €",
    "booking for room 4B2C7D please",
]


@pytest.mark.parametrize(("text", "kind", "value"), REFERENCES + VALUES)
def test_labelled_and_formatted_values(text: str, kind: str, value: str) -> None:
    """References, tracking numbers, dates, addresses and phones are found with their span."""
    assert (kind, value) in spans(text)


@pytest.mark.parametrize(("text", "secret"), PASSWORDS)
def test_password_phrasings(text: str, secret: str) -> None:
    """A stated password is found in each language, including non-ASCII ones."""
    assert ("password", secret) in spans(text)


@pytest.mark.parametrize(("text", "reason"), TOPICS)
def test_topics(text: str, reason: str) -> None:
    """Digit-free sensitive topics and offers to send data are flagged with a reason."""
    result = CLASSIFIER.classify(text)
    assert result.sensitive
    assert reason in reasons(text).lower()


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negatives(text: str) -> None:
    """Flight numbers, models, barcodes, prices, hotlines and lookalike words stay negative."""
    result = CLASSIFIER.classify(text)
    assert not result.sensitive, (text, spans(text), result.explanation)


# --- real-post phrasings: secrets by shape, takeover, disowned purchases, scams, offers ----

# (post, secret): a letters-and-digits token right after the password noun, or a few words
# later after a verb, "but" or a colon
SHAPED_PASSWORDS = [
    ("can't log in, username mike_r password Falcon.2291, what's wrong", "Falcon.2291"),
    ("says wrong password but it's definitely Harbor_5512", "Harbor_5512"),
    ("usuario pepa_g y contraseña nube.6620, no entra", "nube.6620"),
    ("la contraseña falla pero es Rayo4471, la copié bien", "Rayo4471"),
    ("Login klappt nicht, Passwort Wolke_3318, Feststelltaste aus", "Wolke_3318"),
    ("Passwort falsch laut App, ist aber jetzt Birke.7740", "Birke.7740"),
    ("identifiant lea.m, mot de passe Ecureuil_4410, refusé", "Ecureuil_4410"),
    ("troquei a senha, agora é Onda_8832 e não aceita", "Onda_8832"),
    ("新しいパスワードはumi4482にしたのに入れない", "umi4482"),
    ("改了密码，新密码Yun8817还是登不上", "Yun8817"),
    ("密碼改成Shan.5529了還是不行", "Shan.5529"),
    ("salasana ei toimi vaikka kirjoitin sen näin: Koivu.6621", "Koivu.6621"),
    ("ο κωδικός βγάζει λάθος αλλά είναι thalassa8841", "thalassa8841"),
    ("パスワードはneko2231なのにログインできません", "neko2231"),
]

# (post, reason phrase in the explanation)
REAL_POST_TOPICS = [
    ("I keep getting login codes I didn't request, then my email was changed", "compromised"),
    ("someone logged in from another country last night", "compromised"),
    ("a man claiming to be from your support asked for my card PIN", "compromised"),
    ("got a text about a parcel fee with a link, is this from you or a scam?", "compromised"),
    ("me cambiaron la contraseña y el correo sin que yo hiciera nada", "compromised"),
    ("llamó alguien haciéndose pasar por vosotros pidiendo el código", "compromised"),
    ("jemand hat sich von einem fremden Gerät angemeldet", "compromised"),
    ("auf eine gefälschte SMS reingefallen und Zugangsdaten eingegeben", "compromised"),
    ("j'ai tapé mes identifiants sur un faux sms de livraison", "compromised"),
    ("quelqu'un se faisant passer pour le service client m'a appelé", "compromised"),
    ("entraram na minha conta e mudaram minha senha", "compromised"),
    ("recebi uma mensagem dizendo ser da loja, é golpe ou não? ou golpe?", "compromised"),
    ("運送会社を名乗るSMSでIDを入力してしまった", "compromised"),
    ("有人异地登录了我的账号", "compromised"),
    ("自稱客服的人要我提供支付密碼", "compromised"),
    ("joku kirjautui tililleni ja vaihtoi salasanani", "compromised"),
    ("tuli tekstiviesti linkillä, onko tämä huijaus vai teiltä?", "compromised"),
    ("άλλαξε ο κωδικός μου και δεν το έκανα εγώ", "compromised"),
    ("there are 4 orders on my account I didn't place", "fraud"),
    ("two charges on my card that I didn't make", "fraud"),
    ("aparecen tres compras que yo no hice", "fraud"),
    ("Bestellungen, die ich nicht getätigt habe, sind im Konto", "fraud"),
    ("des achats que je n'ai pas faits sur ma carte", "fraud"),
    ("cobraram uma loja onde nunca comprei", "fraud"),
    ("カードに身に覚えのない決済があります", "fraud"),
    ("帳單上有一筆我從來沒買過的消費", "fraud"),
    ("tilillä on veloituksia joita en tehnyt", "fraud"),
    ("δύο άγνωστες χρεώσεις στην κάρτα μου", "fraud"),
    ("¿puedo mandaros por privado mi DNI para verificar?", "personal data"),
    ("kann ich euch hier meine Ausweisnummer schicken?", "personal data"),
    ("je peux vous envoyer ma pièce d'identité ici ?", "personal data"),
    ("posso enviar meu CPF aqui?", "personal data"),
    ("ここにマイナンバーを書いてもいいですか？", "personal data"),
    ("可以把身份证号私信给你们吗？", "personal data"),
    ("voinko lähettää henkilötunnukseni tähän?", "personal data"),
    ("πρέπει να ανεβάσω ταυτότητα, πού είναι ασφαλές να τη στείλω;", "personal data"),
    ("is it safe to send my passport number here?", "personal data"),
    ("¿os paso por aquí el número de la tarjeta?", "card details"),
    ("posso mandar o número do meu cartão por DM?", "card details"),
    ("voinko laittaa korttinumeroni tähän?", "card details"),
    ("信用卡資料要填在哪裡？", "card details"),
    ("my mum passed last month, please close her account", "bereavement"),
    ("perdi meu marido em março e preciso trocar o titular", "bereavement"),
    ("tras el fallecimiento de mi madre", "bereavement"),
    ("I'm epileptic and the strobe lights were a problem", "health"),
    ("ich bin Diabetikerin und brauche eine Mahlzeit", "health"),
    ("je suis en arrêt maladie depuis deux mois", "health"),
    ("我是孕妇，需要座位", "health"),
    ("olen ollut sairauslomalla kuukauden", "health"),
    ("το παιδί έχει αλλεργία στα φιστίκια", "health"),
    ("ando de muletas e o elevador está parado", "health"),
    ("perintätoimisto soittaa joka päivä", "hardship"),
]

# (post, PII type, covered text)
REAL_POST_REFERENCES = [
    ("Aktenzeichen #884213 und seit Tagen keine Antwort", "order_id", "884213"),
    ("expediente RX55123890, ¿cómo va la reclamación?", "order_id", "RX55123890"),
    ("tapausnumero INC55120987 ei etene", "order_id", "INC55120987"),
    ("υπόθεση 55123344 ακόμα ανοιχτή", "order_id", "55123344"),
    ("my claim number is CLM-88213 and still no answer", "order_id", "CLM-88213"),
    ("pedido QK7TRNXWLM sigue sin llegar", "order_id", "QK7TRNXWLM"),
    ("Bestellung PX1VQRTDAM hängt seit einer Woche", "order_id", "PX1VQRTDAM"),
    ("varaus KJHQWE, voiko vaihtaa päivää?", "order_id", "KJHQWE"),
    ("予約HGFQWZの変更をお願いします", "order_id", "HGFQWZ"),
    ("colis 1ZXKQPTRWBCNMLASDF bloqué en douane", "order_id", "1ZXKQPTRWBCNMLASDF"),
    ("nimi väärin varauksessa, lähtö perjantaina QX72KD", "order_id", "QX72KD"),
    ("kortti jonka loppunumerot on 6634", "account_id", "6634"),
    ("退款到信用卡尾數5521", "account_id", "5521"),
    ("estorno no cartão final 8812 por favor", "account_id", "8812"),
    ("tilinumeroni on 558812345", "account_id", "558812345"),
]

# never sensitive: password talk without a secret, coupons, devices, billing disputes,
# scam-as-complaint, shouted words after "booking", support tickets, the brand's own lines
REAL_POST_NEGATIVES = [
    "forgot my password again, the reset link never arrives",
    "パスワードを変更したけどiPhone15でログインできない",
    "I changed my password but Windows11 still asks for the old one",
    "the password reset link says error E40023",
    "新密码设置不了，提示错误代码ERR5003",
    "ο κωδικός έκπτωσης είναι SUMMER25 αλλά δεν περνάει",
    "el código de descuento es VERANO2024 y no funciona",
    "der Gutscheincode ist SOMMER2024, geht nicht",
    "la contraseña del wifi es la del router HG8245H?",
    "Rechnung über 9,99 € für einen Tarif, den ich nie bestellt habe",
    "un cargo de 3,99 por un servicio que nunca contraté",
    "your prices are a scam, never again",
    "esto es una estafa, 50 euros por una maleta",
    "my booking PLEASE fix it",
    "opened a support ticket about my 55UQ75 TV",
    "order 3 items yesterday, only two arrived, room 204",
    "is 210 3456789 the correct number for technical support?",
    "customer service 0345 123 4567 never answers",
    "strichcode 4006381333931 auf der Packung, EU-Version?",
    "can you send the new card to my address?",
    "can I change my date of birth on the booking?",
    "le train est en arrêt depuis 40 minutes",
    "me quedé sin batería y no pude enseñar el billete",
]


@pytest.mark.parametrize(("text", "secret"), SHAPED_PASSWORDS)
def test_secret_shaped_passwords(text: str, secret: str) -> None:
    """A secret-shaped token after a password noun is a disclosed password."""
    assert ("password", secret) in spans(text)


@pytest.mark.parametrize(("text", "reason"), REAL_POST_TOPICS)
def test_real_post_topics(text: str, reason: str) -> None:
    """Takeover, disowned purchases, scams, free-form offers and more health words."""
    result = CLASSIFIER.classify(text)
    assert result.sensitive, (text, result.explanation)
    assert reason in reasons(text).lower()


@pytest.mark.parametrize(("text", "kind", "value"), REAL_POST_REFERENCES)
def test_real_post_references(text: str, kind: str, value: str) -> None:
    """Case files, shop codes, letter-only locators and partial cards are found."""
    assert (kind, value) in spans(text)


@pytest.mark.parametrize("text", REAL_POST_NEGATIVES)
def test_real_post_negatives(text: str) -> None:
    """Lookalikes of the new patterns stay negative."""
    result = CLASSIFIER.classify(text)
    assert not result.sensitive, (text, spans(text), result.explanation)


# second round: suspicious-activity notices, casual logins by others, fraud adjectives,
# named chronic conditions, offers to post an ID image in the comments
REAL_POST_TOPICS_2 = [
    ("got an sms about suspicious activity and now my PIN is refused", "compromised"),
    ("reçu un sms pour activité suspecte, quelqu'un est entré ?", "compromised"),
    ("joku on päässyt mun tilille ja sähköposti vaihdettu", "compromised"),
    ("我的账号被人登了，手机也被改了", "compromised"),
    ("thanks for reversing the fraudulent charges so fast", "fraud"),
    ("gracias por devolverme los cargos fraudulentos", "fraud"),
    ("danke, die betrügerischen Abbuchungen sind zurück", "fraud"),
    ("tengo esclerosis múltiple y nadie me ayudó", "health"),
    ("ich bin schwerhörig, bitte per Mail", "health"),
    ("我有氣喘，需要無菸房", "health"),
    ("mummi on dementoitunut, tarvitsen valtakirjan", "health"),
    ("マイナンバーカードの画像をこのリプ欄に貼ればいいですか？", "personal data"),
    ("身份证正反面直接发在评论区可以吗？", "personal data"),
    ("voinko lähettää henkilötunnuksen tässä messengerissä?", "personal data"),
]


@pytest.mark.parametrize(("text", "reason"), REAL_POST_TOPICS_2)
def test_real_post_topics_second_round(text: str, reason: str) -> None:
    """Later real-post phrasings are flagged with their reason."""
    result = CLASSIFIER.classify(text)
    assert result.sensitive, (text, result.explanation)
    assert reason in reasons(text).lower()


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("el paquete 795057442211 lleva días parado", "order_id", "795057442211"),
        ("billet annulé, dossier 5LWQ5Q, remboursement ?", "order_id", "5LWQ5Q"),
        ("maksettu kortilla jonka loppu 4480", "account_id", "4480"),
    ],
)
def test_real_post_references_second_round(text: str, kind: str, value: str) -> None:
    """Parcel labels, reservation files and "loppu" partial cards are found."""
    assert (kind, value) in spans(text)


# PINs typed as digits, secrets after a plain verb, "user / secret" pairs
PIN_AND_SECRET_POSTS = [
    ("the new PIN 7391 gets rejected at every till", "7391"),
    ("the app wants my PIN, which is 6624, and still says wrong", "6624"),
    ("el cajero pide el PIN, pongo 1593 y nada", "1593"),
    ("die Hotline will meine Telefon-PIN, ich sag 4 8 2 6 0 und nichts passiert", "4 8 2 6 0"),
    ("carte reçue, mon code c'est 3184 et le terminal refuse", "3184"),
    ("o app pede a senha de 4 dígitos, coloco 7752 e diz bloqueada", "7752"),
    ("ATMで暗証番号6402を入れたらエラー", "6402"),
    ("我把取款密码改成550917，转账还是提示错误", "550917"),
    ("uusi PIN-koodi 8830 ei kelpaa kaupassa", "8830"),
    ("το PIN 6093 της νέας κάρτας δεν περνάει", "6093"),
    ("la contraseña la cambié ayer, la que puse fue Nube_7710 y no entra", "Nube_7710"),
    ("mot de passe de la box refusé, j'ai mis lune.4821 comme indiqué", "lune.4821"),
    ("mudei a senha do app e eu mandei sol_5521 pro técnico", "sol_5521"),
    ("網上理財密碼改咗做Panda7781，登入唔到", "Panda7781"),
    ("family plan question, login's anna.k / Maple_9913 if you need it", "Maple_9913"),
    ("wifi-salasana unohtui? nykyinen on kettu4471 ja se ei toimi", "kettu4471"),
]


@pytest.mark.parametrize(("text", "value"), PIN_AND_SECRET_POSTS)
def test_pins_and_secrets(text: str, value: str) -> None:
    """PINs in digits and secrets after a verb or in a login pair are passwords."""
    assert ("password", value) in spans(text)
    assert CLASSIFIER.classify(text).sensitive


# endings named as nouns, customer numbers, unlabelled leading references
ACCOUNT_AND_REFERENCE_POSTS = [
    ("double charge on the Visa with the Endziffern 5521, bitte erstatten", "account_id", "5521"),
    ("Abbuchung vom alten Konto (Endung 3308), bitte ändern", "account_id", "3308"),
    ("cobro doble en la tarjeta con terminación 6612", "account_id", "6612"),
    ("débité sur ma carte, celle qui finit en 2290, au lieu de l'autre", "account_id", "2290"),
    ("kortilta (loppuosa 7781) lähti veloitus kahdesti", "account_id", "7781"),
    ("χρέωση δύο φορές στην κάρτα με τελευταία ψηφία 4406", "account_id", "4406"),
    ("n° client 55102938 : facture en double ce mois-ci", "account_id", "55102938"),
    ("cliente nº 00442197: mudaram o meu tarifário", "account_id", "00442197"),
    ("K552019 - sofa ordered last month, delivery moved again", "order_id", "K552019"),
    ("7HQPZM4XRT ¿llega el pedido mañana o no?", "order_id", "7HQPZM4XRT"),
    ("0733912846 commande toujours pas expédiée", "order_id", "0733912846"),
    ("請問Q8RTZK5521這筆訂單什麼時候出貨？", "order_id", "Q8RTZK5521"),
    ("報修案件編號558201，技師還沒來", "order_id", "558201"),
]


@pytest.mark.parametrize(("text", "kind", "value"), ACCOUNT_AND_REFERENCE_POSTS)
def test_account_endings_and_references(text: str, kind: str, value: str) -> None:
    """Card endings in every language, customer numbers and pasted references."""
    assert (kind, value) in spans(text)


NATIONAL_ID_DOB_ADDRESS_POSTS = [
    (
        "die Krankenkasse will meine AHV-Nummer 756.1234.5678.97, ist das nötig?",
        "national_id",
        "756.1234.5678.97",
    ),
    ("έγραψαν λάθος ΑΜΚΑ, ο σωστός είναι 15078500004", "national_id", "15078500004"),
    ("身分證字號打錯了，正確是A123456789", "national_id", "A123456789"),
    ("我HKID係A123456(3)，幫我改返", "national_id", "A123456(3)"),
    ("マイナンバーは1234 5678 9018です、登録できません", "national_id", "1234 5678 9018"),
    ("check fails on date of birth. I enter 03/04/1981 every time", "dob", "03/04/1981"),
    ("ostaja pyytää syntymäaikaa 14.06.1990 ennen maksua", "dob", "14.06.1990"),
    ("請改送貨地址去九龍旺角彌敦道600號8樓A室", "address", "九龍旺角彌敦道600號8樓A室"),
]


@pytest.mark.parametrize(("text", "kind", "value"), NATIONAL_ID_DOB_ADDRESS_POSTS)
def test_national_ids_dobs_addresses(text: str, kind: str, value: str) -> None:
    """Validated national ids, dates of birth in the next sentence, HK/TW addresses."""
    found = spans(text)
    assert any(k == kind and value in v for k, v in found), found


def test_mobile_after_the_line_is_personal() -> None:
    """'The line' names a service line only for fixed or special numbers."""
    text = "η γραμμή +30 694 123 4567 δεν έχει σήμα από χθες"
    assert ("phone", "+30 694 123 4567") in spans(text)


TAKEOVER_AND_CARE_TOPICS = [
    ("got a letter saying my number was ported to another network, never asked", "compromised"),
    ("SMS: neue SIM aktiv. Ich habe keine neue SIM bestellt!", "compromised"),
    ("la tienda dice que alguien pidió un duplicado de mi SIM ayer", "compromised"),
    ("卡昨晚被人补办了，我根本没去营业厅", "compromised"),
    ("門號被人轉走，我沒申請攜碼", "compromised"),
    ("我個IG帳戶俾人hack咗", "compromised"),
    ("a call angeblich eurer Bank, ich sollte eine TAN vorlesen", "compromised"),
    ("fizeram um empréstimo no meu nome pelo app", "compromised"),
    ("mun pelitili kaapattiin eilen", "compromised"),
    ("someone's been buying vouchers on my account all night", "compromised"),
    ("PayPayで知らないお店への支払いが何件も", "fraud"),
    ("零钱莫名其妙被转走了", "fraud"),
    ("recebi um SMS a pedir pagamento, isto é burla?", "fraud"),
    ("i was made redundant and can't keep up with the payments", "hardship"),
    ("lainat on ulosotossa ja velkojat soittelee", "hardship"),
    ("リボ払いが膨らんで返せなくなりそう", "hardship"),
    ("ρε παιδιά, έχασα το μωρό μου και μου στέλνετε προσφορές για βρεφικά", "bereavement"),
    ("今天是外婆头七，看到广告哭了", "bereavement"),
    ("mummon hautajaisiin piti päästä nopeasti", "bereavement"),
    ("soy celíaca, ¿separáis la cocina?", "health"),
    ("mein Sohn hat eine Erdnussallergie", "health"),
    ("aisle seat please, my IBS is bad on long flights", "health"),
    ("人工肛門なので多目的トイレが必要です", "health"),
    ("我有听力障碍，只能文字沟通", "health"),
    ("tenho fibromialgia e preciso de assistência", "health"),
    ("oon keliaakikko, onko annos gluteeniton?", "health"),
    ("asked me to send a photo of the front and back of my card", "card"),
]


@pytest.mark.parametrize(("text", "reason"), TAKEOVER_AND_CARE_TOPICS)
def test_takeover_and_care_topics(text: str, reason: str) -> None:
    """SIM swap, port-out, loans in the customer's name, hardship, pregnancy loss and
    everyday health words are flagged with their reason."""
    result = CLASSIFIER.classify(text)
    assert result.sensitive, (text, result.explanation)
    assert reason in reasons(text).lower()


@pytest.mark.parametrize(
    "text",
    [
        "Kann ich euch meine Kontoauszüge hier als Foto schicken?",
        "le conseiller veut une photo de ma carte Vitale, je peux vous l'envoyer ici ?",
        "voin lähettää tiliotteen kuvana, minne sen laitan?",
        "通帳の写真をLINEで送れば確認してもらえますか？",
        "want me to screenshot the bank statement for you?",
    ],
)
def test_offers_of_documents(text: str) -> None:
    """Offers to send bank statements, payslips or identity cards are sensitive."""
    result = CLASSIFIER.classify(text)
    assert result.sensitive, (text, result.explanation)


@pytest.mark.parametrize(
    "text",
    [
        "SUMMER25 code doesn't work at checkout, the order total stays the same",
        "RTX4090 delivery was late and the box arrived broken",
        "IB3456 delayed again, will my booking be refunded?",
        "I typed my PIN 3 times and the card got blocked",
        "the PIN since 2019 never changed, why now?",
        "password must have 8 characters, I tried 12345 times",
        "mon code postal c'est 75011 et la livraison ne passe pas",
        "called the line 0800 123 4567 and nobody answered",
        "le service client 3635 ne répond pas",
        "Le code promo BIENVENUE10 ne marche pas sur ma commande",
        "wifi-salasana ei toimi? nykyinen reititin on malli AX3000",
        "how do I activate a new SIM for my second phone?",
        "my phone died and I can't log in",
        "esto es una burla, tres semanas esperando el pedido",
        "A123456789 is the sample ID shown in your form",
        "the 2024 final price 1999 on the order was wrong",
    ],
)
def test_new_rules_leave_hard_negatives_alone(text: str) -> None:
    """Vouchers, flights, models, counts, postal codes, hotlines and plain SIM questions
    stay clean."""
    result = CLASSIFIER.classify(text)
    assert not result.sensitive, (text, result.explanation, result.pii)
