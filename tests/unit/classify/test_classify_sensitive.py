"""Sensitive topics without digits: hacked accounts, fraud, bereavement, health, ..."""

from __future__ import annotations

import pytest

from carerouter.classify.domain import Classifier
from carerouter.classify.domain.sensitive import (
    ACCOUNT_COMPROMISED,
    BEREAVEMENT,
    CARD_DETAILS,
    DATA_OFFER,
    FRAUD,
    HARDSHIP,
    HEALTH,
    SELF_HARM,
    SENSITIVE_TOPICS,
    SensitiveTopics,
)
from carerouter.classify.domain.text import prepare

CLASSIFIER = Classifier()


def reasons(text: str) -> tuple[str, ...]:
    result = CLASSIFIER.classify(text)
    assert result.sensitive == bool(result.sensitive_reasons)
    return result.sensitive_reasons


class TestTopics:
    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("someone hacked my account and changed the email", ACCOUNT_COMPROMISED),
            ("me hackearon la cuenta", ACCOUNT_COMPROMISED),
            ("mein Konto wurde gehackt", ACCOUNT_COMPROMISED),
            ("アカウントが乗っ取られました", ACCOUNT_COMPROMISED),
            ("我的账号被盗了", ACCOUNT_COMPROMISED),
            ("there are unauthorized charges on my statement", FRAUD),
            ("cargo no autorizado en mi tarjeta", FRAUD),
            ("prélèvement non autorisé sur mon compte", FRAUD),
            ("信用卡被盗刷了", FRAUD),
            ("my mother passed away, how do I close her account", BEREAVEMENT),
            ("mi padre falleció el mes pasado", BEREAVEMENT),
            ("mein Vater ist verstorben", BEREAVEMENT),
            ("父が亡くなりました", BEREAVEMENT),
            ("I'm on chemo and can't make the appointment", HEALTH),
            ("estoy embarazada y necesito cambiar el vuelo", HEALTH),
            ("I want to die, nobody helps", SELF_HARM),
            ("I lost my job and can't afford the bill", HARDSHIP),
            ("perdí mi trabajo y no puedo pagar", HARDSHIP),
            ("Ich bin arbeitslos und kann nicht zahlen", HARDSHIP),
            ("should I post my card number here?", CARD_DETAILS),
            ("¿les paso el número de tarjeta por aquí?", CARD_DETAILS),
            ("カード番号をここに書けばいいですか", CARD_DETAILS),
        ],
    )
    def test_topic_is_sensitive_with_reason(self, text: str, reason: str) -> None:
        """Each sensitive topic marks the post sensitive and records its reason."""
        assert reason in reasons(text)

    @pytest.mark.parametrize(
        "text",
        [
            "my phone died, battery is dead",
            "the app is not working",
            "where is my order?",
            "thanks for the quick help",
            "my account was disabled after the update",
        ],
    )
    def test_ordinary_posts_are_not_sensitive(self, text: str) -> None:
        """Everyday posts without sensitive content are not flagged."""
        assert reasons(text) == ()

    def test_reasons_are_unique(self) -> None:
        """A reason matched several times is recorded once."""
        assert reasons("hacked, hacked, hacked!") == (ACCOUNT_COMPROMISED,)

    def test_explanation_names_the_phrase(self) -> None:
        """The explanation says which phrase triggered sensitivity, and in which language."""
        result = CLASSIFIER.classify("my account was hacked")
        assert 'sensitive: account compromised: matched "hacked" (en)' in result.explanation

    def test_several_topics(self) -> None:
        """Several topics in one post all appear, PII reasons first."""
        text = "card 4111 1111 1111 1111 was stolen card, fraud, and I lost my job"
        found = reasons(text)
        assert found[0] == "card number (Luhn-valid)"
        assert FRAUD in found
        assert HARDSHIP in found


class TestDetector:
    def test_hits_carry_original_offsets(self) -> None:
        """Topic hits point into the original text, accents and case preserved."""
        text = "Mi MADRE falleció ayer"
        hits = SensitiveTopics().detect(prepare(text), "es")
        assert [(h.reason, text[h.start : h.end], h.lang) for h in hits] == [
            (BEREAVEMENT, "falleció", "es")
        ]

    def test_health_hits_become_pii(self) -> None:
        """Only health hits convert into PII findings."""
        detector = SensitiveTopics()
        health = detector.detect(prepare("diabetic and hacked"), "en")
        kinds = {h.reason: h.as_pii() for h in health}
        assert kinds[ACCOUNT_COMPROMISED] is None
        finding = kinds[HEALTH]
        assert finding is not None
        assert finding.span.type == "health"


class TestRealPostTopics:
    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            (
                "a login code I didn't request arrived, then the password was changed",
                ACCOUNT_COMPROMISED,
            ),
            ("someone claiming to be from your bank asked for my password", ACCOUNT_COMPROMISED),
            ("is this sms with a link from you or a scam?", ACCOUNT_COMPROMISED),
            ("有个冒充客服的人要我的支付密码", ACCOUNT_COMPROMISED),
            ("three purchases on my card that I didn't make", FRAUD),
            ("compras en mi cuenta que yo no hice", FRAUD),
            ("信用卡有一筆從來沒買過的消費", FRAUD),
            ("perdi minha esposa e preciso cancelar a linha", BEREAVEMENT),
            ("olen sairauslomalla ja lasku erääntyy", HEALTH),
            ("je suis en arrêt maladie", HEALTH),
            ("perintätoimisto soittelee joka päivä", HARDSHIP),
            ("請點擊連結輸入信用卡資料", CARD_DETAILS),
        ],
    )
    def test_real_post_phrasings(self, text: str, reason: str) -> None:
        """Phrasings of real posts mark the post sensitive with the right reason."""
        assert reason in reasons(text)

    @pytest.mark.parametrize(
        "text",
        [
            "a fee for a plan I never ordered is on my bill",  # billing dispute
            "Rechnung mit einem Tarif, den ich nie bestellt habe",
            "what a scam, prices up again",  # complaint, not a scam report
            "my phone died on the train",  # a device, not a person
            "se me murió el móvil",
            "akku kuoli kesken matkan",
            "le train est en arrêt en pleine voie",  # a stopped train, not sick leave
            "me quedé sin batería",  # not hardship
            "I never received the verification code",  # login trouble, not takeover
        ],
    )
    def test_lookalikes_stay_negative(self, text: str) -> None:
        """Billing disputes, complaints and devices that "died" are not sensitive topics."""
        assert reasons(text) == ()

    def test_lexicons_are_merged_without_duplicates(self) -> None:
        """Every language list holds each phrase once after merging the lexicons."""
        for by_lang in SENSITIVE_TOPICS.values():
            for phrases in by_lang.values():
                assert len(phrases) == len(set(phrases))


class TestFreeFormOffers:
    def detect(self, text: str) -> list[str]:
        return [hit.reason for hit in SensitiveTopics().detect(prepare(text), "und")]

    @pytest.mark.parametrize(
        "text",
        [
            "¿os puedo mandar por aquí mi DNI y la fecha de nacimiento?",
            "να σας στείλω εδώ την ημερομηνία γέννησης;",
            "DMで生年月日と口座番号送ればいいですか？",
            "核实身份要把身份证号发在这里吗？",
            "ταυτότητα και λογαριασμό, πού είναι ασφαλές να τα στείλω;",
        ],
    )
    def test_verb_and_noun_in_one_asked_sentence(self, text: str) -> None:
        """Verb and data noun in either order, with words between, asked of the brand."""
        assert DATA_OFFER in self.detect(text)

    @pytest.mark.parametrize(
        "text",
        [
            "I sent my passport scan last week",  # told, not asked
            "I will post the passport renewal form to you tomorrow",  # told, not asked
            "can I share the passport photo tips with friends?",  # not addressed to the brand
            "can I send it here? also, my passport expires soon",  # different sentences
            "can I change my date of birth on the booking here?",  # no offering verb
        ],
    )
    def test_offer_needs_question_addressee_and_one_sentence(self, text: str) -> None:
        """Without a question, an addressee, or with verb and noun apart, no offer."""
        assert DATA_OFFER not in self.detect(text)


@pytest.mark.parametrize(
    "text",
    [
        "how do I activate my new eSIM on the second phone?",
        "can I pay with my saved card next time?",
        "esto es una burla, llevo semanas esperando",
        "je n'ai rien demandé de spécial pour la livraison, juste la porte",
        "akku kuoli kesken puhelun",
        "¿cómo activo la verificación en dos pasos?",
        "the line was busy for an hour",
        "Kann ich die neue SIM-Karte im Shop aktivieren?",
    ],
)
def test_takeover_words_need_context(text: str) -> None:
    """Plain SIM, card, 'in my name' and 'died' wording stays clean without a takeover,
    scam or loss."""
    assert not CLASSIFIER.classify(text).sensitive, reasons(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("the bank says my number was ported out without my request", ACCOUNT_COMPROMISED),
        ("su cuenta será suspendida, verifique su identidad en este enlace", ACCOUNT_COMPROMISED),
        ("crédit à mon nom que je n'ai jamais fait", ACCOUNT_COMPROMISED),
        ("tenho doença celíaca, o menu tem opção?", HEALTH),
        ("perdimos al bebé y seguís mandando ofertas de carritos", BEREAVEMENT),
        ("返済額を減らす相談はどこですか", HARDSHIP),
    ],
)
def test_takeover_and_care_reasons(text: str, reason: str) -> None:
    """New takeover, health, loss and hardship phrasings carry their reason."""
    assert reason in reasons(text), reasons(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("there's a device I don't own signed in to my wallet", ACCOUNT_COMPROMISED),
        ("someone's been in my email, the recovery phone is different", ACCOUNT_COMPROMISED),
        ("alguien ha cambiado el correo de mi cuenta y ya no entro", ACCOUNT_COMPROMISED),
        ("ein fremdes Gerät steht in meiner Geräteliste", ACCOUNT_COMPROMISED),
        ("im Postfach gibt es eine Regel, die ich nie angelegt habe", ACCOUNT_COMPROMISED),
        ("mon ex a encore accès à mon compte de streaming", ACCOUNT_COMPROMISED),
        ("fizeram uma linha no meu CPF sem autorização", ACCOUNT_COMPROMISED),
        ("joku kirjautui tililleni ja käyttää mun tietoja", ACCOUNT_COMPROMISED),
        ("账号被人顶了，头像都换了", ACCOUNT_COMPROMISED),
        ("我的帳號被登入了，我自己進不去", ACCOUNT_COMPROMISED),
        ("βλέπω μια συσκευή Xiaomi που δεν είχα ποτέ στον λογαριασμό", ACCOUNT_COMPROMISED),
        ("ein Konto wurde in meinem Namen bei einem Shop eröffnet", ACCOUNT_COMPROMISED),
        ("the courier wants a photo of my passport before delivery?", DATA_OFFER),
        ("me piden una foto del DNI por mensaje privado", DATA_OFFER),
        ("der Support will ein Foto von meinem Ausweis", DATA_OFFER),
        ("客服让我拍手持身份证照片", DATA_OFFER),
        ("ζητάνε φωτογραφία ταυτότητας για την ενεργοποίηση", DATA_OFFER),
        ("my wife died in spring and the contract is still in her name", BEREAVEMENT),
        ("mi madre murió el año pasado y sigue llegando su factura", BEREAVEMENT),
        ("minha avó se foi e o plano continua ativo", BEREAVEMENT),
        ("mon père nous a quittés, comment résilier sa ligne ?", BEREAVEMENT),
        ("έφυγε ο παππούς μου και θέλουμε να κλείσουμε τη σύνδεση", BEREAVEMENT),
        ("我奶奶上周过世，她的手机号怎么注销", BEREAVEMENT),
        ("mummo kuoli, miten liittymä lopetetaan", BEREAVEMENT),
        ("Meine Schwester ist hochschwanger, gibt es Sitzplätze?", HEALTH),
        ("mon fils est autiste, y a-t-il une file calme ?", HEALTH),
        ("sou ostomizada, posso levar o material na bagagem?", HEALTH),
        ("刚出院，腿还不方便，能送上楼吗", HEALTH),
        ("I've been made redundant and need a cheaper plan", HARDSHIP),
        ("Ich bin seit März ohne Job und die Rate ist zu hoch", HARDSHIP),
        ("公司倒闭了，房租都交不上", HARDSHIP),
        ("με απέλυσαν, μπορώ να πληρώσω σε δόσεις;", HARDSHIP),
        ("仕事切られて支払いが遅れそうです", HARDSHIP),
        ("saw it on the news but I got scammed by a fake courier anyway", FRAUD),
        ("在新闻上看过，没想到我自己也被骗了", FRAUD),
    ],
)
def test_indirect_phrasings(text: str, reason: str) -> None:
    """Takeover told through its traces, ID-photo requests, everyday bereavement,
    plainly named conditions and job loss carry their reason."""
    assert reason in reasons(text), reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "this queue is going to kill me",
        "cette attente va me tuer",
        "essa fila vai me matar",
        "辣到我想死，下次还点",
        "好吃到想原地去世",
        "me da un infarto cada vez que veo la tarifa",
        "€7 for a sandwich, absolute scam",
        "一份炒饭卖98，这不是诈骗是什么",
        "ihan huijausta noi toimitusmaksut",
        "your fraud prevention blocked my own payment again",
        "saw on the news that scam texts are everywhere, how can I tell yours?",
        "Man liest grad viel über Phishing, woran erkenne ich eure echten Mails?",
        "新闻说冒充客服的诈骗很多，你们会主动打电话吗？",
        "支付密码忘了怎么改",
        "Mein Handy ist gestorben, kann ich es reparieren lassen?",
        "my phone passed away last night lol",
        "my mum passed the phone to me so I could ask",
        "我爸走了过来帮我拿快递",
        "wie richte ich eine Weiterleitungsregel ein?",
        "how do I add a new device to my account?",
    ],
)
def test_figurative_and_general_talk_is_not_sensitive(text: str) -> None:
    """Hyperbole, 'scam' meaning overpriced, a bank's own fraud checks, fraud in the
    news, password-reset how-to and dead devices stay clean."""
    assert not CLASSIFIER.classify(text).sensitive, reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "@Uber someone took a ride on my account in Paris, I've never been there",
        "@DoorDash 3 orders I never placed on my card",
        "@AmericanAir someone redeemed my miles for a flight to Miami",
        "Cabify me cobra viajes que no hice",
        "Uber berechnet mir Fahrten, die ich nie gemacht habe",
        "quelqu'un a utilisé mes miles sans mon accord",
    ],
)
def test_use_by_someone_else_is_fraud(text: str) -> None:
    assert FRAUD in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "I redeemed my miles for a flight and it's not showing",
        "I took a ride on my bike instead, thanks to your strike",
        "j'ai utilisé mes miles pour un vol, rien reçu",
        "ich habe meine Meilen eingelöst, Flug fehlt",
        "@Uber rides I took last week were great",
    ],
)
def test_own_use_is_not_fraud(text: str) -> None:
    assert reasons(text) == ()
