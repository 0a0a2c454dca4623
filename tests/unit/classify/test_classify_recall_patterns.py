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
