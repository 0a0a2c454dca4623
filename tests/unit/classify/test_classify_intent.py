"""Intent scoring: the six labels across languages, question and sarcasm rules."""

from __future__ import annotations

import pytest

from carerouter.classify.domain import Classifier
from carerouter.classify.domain.intent import IntentModel, softmax
from carerouter.classify.domain.text import prepare

CLASSIFIER = Classifier(use_encoder=False)  # the lexicon model on its own


def intent_of(text: str, lang_hint: str | None = None) -> str:
    return CLASSIFIER.classify(text, lang_hint=lang_hint).intent


class TestDefect:
    @pytest.mark.parametrize(
        "text",
        [
            "The app keeps crashing when I open my cart",
            "Your website is down again, error 500 everywhere",
            "I can't log in to my account since this morning",
            "The TV arrived damaged, the screen is cracked",
            "La aplicación no funciona desde la actualización",
            "Die App stürzt ständig ab und lädt nicht",
            "L'application ne marche plus depuis hier",
            "O aplicativo parou de funcionar",
            "L'app non funziona da ieri sera",
            "アプリが起動しません",
            "应用一直闪退，打不开",
            "應用程式一直閃退",
            "Sovellus ei toimi päivityksen jälkeen",
            "Η εφαρμογή δεν λειτουργεί από χθες",
        ],
    )
    def test_broken_product_or_service(self, text: str) -> None:
        """Something broken, down, crashing or unreachable is a defect, in any language."""
        assert intent_of(text) == "defect"

    def test_account_access_failure(self) -> None:
        """A hacked account that locks the customer out is a defect (access failing)."""
        assert intent_of("my account got hacked and I'm locked out") == "defect"

    def test_failure_beats_question_mark(self) -> None:
        """A question that reports a failure stays a defect."""
        assert intent_of("Why is the app not working again?") == "defect"


class TestOrder:
    @pytest.mark.parametrize(
        "text",
        [
            "Where is my order? It still hasn't arrived",
            "I want a refund for the wrong item you sent",
            "I was charged twice for the same booking",
            "My luggage was lost on the flight from Madrid",
            "Mi pedido no ha llegado todavía",
            "Wo ist meine Bestellung? Noch nicht angekommen",
            "Ma commande n'est toujours pas arrivée",
            "Meu pedido ainda não chegou",
            "Il mio ordine non è ancora arrivato",
            "注文した商品がまだ届きません",
            "我的订单还没到，快递也查不到",
            "Tilaukseni ei ole vielä saapunut",
            "Η παραγγελία μου δεν έχει έρθει ακόμα",
        ],
    )
    def test_purchase_logistics_and_money(self, text: str) -> None:
        """Delivery, tracking, refunds, charges, bookings and baggage are 'order'."""
        assert intent_of(text) == "order"

    def test_in_order_to_is_not_an_order(self) -> None:
        """The phrase "in order to" does not count as order evidence."""
        result = CLASSIFIER.classify("I called in order to ask something")
        assert result.intent != "order"


class TestComplaint:
    @pytest.mark.parametrize(
        "text",
        [
            "Worst customer service ever, nobody answers",
            "Your staff were so rude to me today",
            "Prices went up again, what a rip-off",
            "Pésimo servicio, nadie contesta",
            "Unverschämt, seit Stunden in der Warteschleife",
            "Service client lamentable, personne ne répond",
            "Péssimo atendimento, que vergonha",
            "Servizio clienti pessimo, nessuno risponde",
            "対応が最悪です",
            "客服态度太差了，太失望",
            "Surkea asiakaspalvelu, kukaan ei vastaa",
            "Απαράδεκτη εξυπηρέτηση, κανείς δεν απαντά",
        ],
    )
    def test_dissatisfaction(self, text: str) -> None:
        """Dissatisfaction with service, staff, waits or prices is a complaint."""
        assert intent_of(text) == "complaint"

    def test_sarcasm_with_emoji(self) -> None:
        """Praise words with a sarcasm cue count as complaint ("great ... 🙃")."""
        result = CLASSIFIER.classify("great, another 3 hours on hold 🙃")
        assert result.intent == "complaint"
        assert result.scores["praise"] < 0.05
        assert any("sarcasm" in line for line in result.explanation)

    def test_repeated_sarcasm_emoji_counts_once(self) -> None:
        """ "🙃🙃🙃" is one cue said loudly: the same evidence as a single "🙃"."""
        once = CLASSIFIER.classify("the new app is nice 🙃")
        thrice = CLASSIFIER.classify("the new app is nice 🙃🙃🙃")
        assert once.scores == thrice.scores
        assert sum("sarcasm" in line for line in thrice.explanation) == sum(
            "sarcasm" in line for line in once.explanation
        )

    def test_sarcastic_thanks(self) -> None:
        """'Thanks for nothing' is a complaint, not praise."""
        assert intent_of("Thanks for nothing @Acme") == "complaint"

    def test_hashtag_is_read_as_words(self) -> None:
        """A camel-case hashtag is split into words before matching (#NeverAgain)."""
        result = CLASSIFIER.classify("#NeverAgain")
        assert result.intent == "complaint"
        assert '"#neveragain"' in result.explanation[0]


class TestPraise:
    @pytest.mark.parametrize(
        "text",
        [
            "Thank you so much, great service!",
            "Huge shout out to Maria in support, so helpful ❤️",
            "Muchas gracias por la ayuda, excelente servicio",
            "Vielen Dank, toller Service!",
            "Merci beaucoup, service au top",
            "Muito obrigado, atendimento excelente",
            "Grazie mille, ottimo servizio",
            "丁寧な対応ありがとうございます",
            "谢谢你们，服务很好",
            "謝謝你們，很滿意",
            "Kiitos, erinomaista palvelua!",
            "Ευχαριστώ πολύ, εξαιρετική εξυπηρέτηση",
        ],
    )
    def test_thanks_and_compliments(self, text: str) -> None:
        """Thanks and compliments are praise, in any language."""
        assert intent_of(text) == "praise"

    def test_emoji_count_in_every_language(self) -> None:
        """Emoji evidence is language-neutral: not down-weighted as foreign."""
        result = CLASSIFIER.classify("🙏", lang_hint="es")
        assert result.intent == "praise"
        assert 'intent=praise: matched "🙏" (*, +1.0)' in result.explanation


class TestQuestion:
    @pytest.mark.parametrize(
        "text",
        [
            "Do you ship to Canada?",
            "Is the X200 compatible with iPhone 15?",
            "How do I reset my password?",
            "¿Tienen stock de la talla M?",
            "Gibt es das Modell auch in Schwarz?",
            "Est-ce que ce modèle est disponible en magasin ?",
            "Vocês têm esse produto em estoque?",
            "Quanto costa la spedizione in Italia?",
            "この商品は在庫ありますか？",
            "请问这款有货吗？",
            "Onko tätä tuotetta saatavilla?",
            "Πόσο κοστίζει η αποστολή;",
        ],
    )
    def test_presales_and_how_to(self, text: str) -> None:
        """Pre-sales, availability and how-to questions without a failure are questions."""
        assert intent_of(text) == "question"

    def test_question_mark_explained(self) -> None:
        """The question-mark rule appears in the explanation."""
        result = CLASSIFIER.classify("Do you ship to Canada?")
        assert any('"?" with no failure reported' in line for line in result.explanation)

    def test_question_words_apply_only_in_their_language(self) -> None:
        """Short function words are cues only in their own language (Italian 'come')."""
        model = IntentModel()
        as_english = model.score(prepare("come back soon"), "en")
        as_italian = model.score(prepare("come back soon"), "it")
        assert as_english.scores["question"] < as_italian.scores["question"]


class TestOther:
    @pytest.mark.parametrize(
        "text",
        [
            "Follow back and check out my channel lol",
            "Happy Friday everyone!",
            "Win a free iPhone, click the link in bio",
            "Sorteo: sígueme y gana",
            "Guten Morgen zusammen",
        ],
    )
    def test_spam_promos_chitchat(self, text: str) -> None:
        """Spam, promotions and chit-chat are 'other'."""
        assert intent_of(text) == "other"

    def test_no_evidence_falls_back_to_other(self) -> None:
        """Without any evidence the 'other' prior wins."""
        result = CLASSIFIER.classify("lorem ipsum dolor")
        assert result.intent == "other"


class TestNormalisation:
    def test_case_insensitive(self) -> None:
        """Matching ignores case."""
        assert intent_of("THE APP IS NOT WORKING") == "defect"

    def test_accents_optional(self) -> None:
        """Matching ignores accents (users often drop them)."""
        assert intent_of("Mi pedido no llego, donde esta mi pedido") == "order"

    def test_apostrophes_optional_and_typographic(self) -> None:
        """The spellings doesn't, doesnt and doesn’t all match."""
        for text in ("it doesn't work", "it doesnt work", "it doesn’t work"):
            assert intent_of(text, "en") == "defect", text

    def test_handles_and_urls_are_ignored(self) -> None:
        """Words inside @handles and URLs do not count as evidence."""
        result = CLASSIFIER.classify("@refund_team https://example.com/refund-order-status")
        assert result.intent == "other"

    def test_hashtag_mark_is_dropped(self) -> None:
        """'#fail' counts like 'fail'."""
        result = CLASSIFIER.classify("delivery late again #fail", lang_hint="en")
        assert any('"#fail"' in line or '"fail"' in line for line in result.explanation)


class TestSoftmax:
    def test_sums_to_one(self) -> None:
        """softmax returns a distribution over the given labels."""
        scores = softmax({"a": 1.0, "b": 2.0, "c": 0.0}, 1.5)
        assert sum(scores.values()) == pytest.approx(1.0)
        assert scores["b"] > scores["a"] > scores["c"]

    def test_stable_for_large_values(self) -> None:
        """Very large raw scores do not overflow."""
        scores = softmax({"a": 1e6, "b": 0.0}, 1.5)
        assert scores["a"] == pytest.approx(1.0)

    def test_more_evidence_means_more_confidence(self) -> None:
        """Adding evidence for the winning intent raises its confidence."""
        one = CLASSIFIER.classify("the app is not working").confidence
        two = CLASSIFIER.classify("the app is not working and keeps crashing").confidence
        assert two > one


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Top Verkäufer, schnelle Lieferung, gerne wieder!", "praise"),
        ("arrived fast, exactly as pictured, would buy again", "praise"),
        ("rien à dire, envoi rapide, je rachèterai", "praise"),
        ("muy contenta con la compra, volveré a comprar", "praise"),
        ("物超所值，还会再买", "praise"),
        ("zero stars. stay away from this seller", "complaint"),
        ("Finger weg von diesem Shop", "complaint"),
        ("vendeur à éviter", "complaint"),
        ("再也不买了，不推荐", "complaint"),
    ],
)
def test_review_verdicts(text: str, intent: str) -> None:
    """Shop-review verdicts that name no failure still say praise or complaint."""
    assert intent_of(text) == intent


def test_a_number_of_trips_is_not_a_rating() -> None:
    assert intent_of("¿el bono de 10 viajes vale también para el bus del aeropuerto?") == (
        "question"
    )
