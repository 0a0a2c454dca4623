"""Language identification: script rules, py3langid, hints, short text."""

from __future__ import annotations

import pytest

from carerouter.classify.domain import Classifier
from carerouter.classify.domain.language import (
    LanguageDetector,
    greeklish_score,
    is_greeklish,
    normalise_hint,
    script_counts,
)

DETECTOR = LanguageDetector()


class TestDetection:
    @pytest.mark.parametrize(
        ("text", "lang"),
        [
            ("My package was supposed to arrive on Monday but it is still at the depot", "en"),
            ("Mi paquete debía llegar el lunes pero sigue en el almacén", "es"),
            ("Mein Paket sollte am Montag ankommen, ist aber noch im Lager", "de"),
            ("Mon colis devait arriver lundi mais il est toujours à l'entrepôt", "fr"),
            ("Minha encomenda deveria chegar na segunda mas ainda está no armazém", "pt"),
            ("Il mio pacco doveva arrivare lunedì ma è ancora in magazzino", "it"),
            ("Pakettini piti saapua maanantaina, mutta se on yhä varastossa", "fi"),
            ("Το δέμα μου έπρεπε να φτάσει τη Δευτέρα", "el"),
            ("注文した荷物が月曜日に届くはずでした", "ja"),
            ("我的包裹应该星期一到的", "zh"),
            ("我的包裹應該星期一到的", "zh"),
        ],
    )
    def test_language_of_post(self, text: str, lang: str) -> None:
        """Posts in each supported language are identified."""
        assert DETECTOR.detect(text) == lang

    def test_kana_means_japanese_even_with_kanji(self) -> None:
        """Any kana alongside Han characters means Japanese."""
        assert DETECTOR.detect("最悪です") == "ja"

    def test_han_only_means_chinese(self) -> None:
        """Han characters without kana mean Chinese."""
        assert DETECTOR.detect("谢谢") == "zh"

    def test_greek_script_short(self) -> None:
        """Greek script decides even for a one-word post."""
        assert DETECTOR.detect("Ευχαριστώ!") == "el"

    def test_urls_and_handles_do_not_vote(self) -> None:
        """URLs and @handles are removed before identification."""
        text = "@DeutscheBahn https://www.example.com/english-words-here Zug fällt schon wieder aus"
        assert DETECTOR.detect(text) == "de"


class TestShortText:
    @pytest.mark.parametrize("text", ["ok", "thx!", "lol", "", "   ", "👍👍", "12345"])
    def test_too_short_is_undetermined(self, text: str) -> None:
        """Latin-script text with too few letters is 'und' without a hint."""
        assert DETECTOR.detect(text) == "und"

    def test_short_text_takes_the_hint(self) -> None:
        """With a hint, short text takes the hint's language."""
        assert DETECTOR.detect("ok", "de") == "de"
        assert DETECTOR.detect("👍", "es") == "es"


class TestHints:
    def test_plausible_hint_wins(self) -> None:
        """A hint whose script matches the text overrides the statistical guess."""
        assert DETECTOR.detect("Thanks for the help with my order", "de") == "de"

    def test_hint_for_other_script_is_ignored(self) -> None:
        """A hint that cannot be right for the script is ignored."""
        assert DETECTOR.detect("Η παραγγελία μου δεν ήρθε", "en") == "el"
        assert DETECTOR.detect("我的订单还没到", "en") == "zh"

    def test_chinese_hint_with_kana_is_ignored(self) -> None:
        """Kana rule out Chinese even if the hint says zh."""
        assert DETECTOR.detect("ありがとうございます", "zh") == "ja"

    def test_japanese_hint_for_kanji_only_text(self) -> None:
        """Kanji-only text is plausible Japanese, so a ja hint wins."""
        assert DETECTOR.detect("最悪", "ja") == "ja"

    @pytest.mark.parametrize(
        ("hint", "code"),
        [("en-US", "en"), ("pt_BR", "pt"), ("zh-Hant", "zh"), ("EN", "en"), ("nb", "no")],
    )
    def test_hint_normalisation(self, hint: str, code: str) -> None:
        """Region and script subtags are dropped and codes lower-cased."""
        assert normalise_hint(hint) == code

    @pytest.mark.parametrize("hint", [None, "", "und", "english", "12", "x"])
    def test_unusable_hints(self, hint: str | None) -> None:
        """Empty, 'und' and non-codes are not hints."""
        assert normalise_hint(hint) is None

    def test_classifier_passes_hint(self) -> None:
        """Classifier.classify forwards lang_hint to language detection."""
        result = Classifier().classify("ok", lang_hint="fr-CA")
        assert result.lang == "fr"


class TestScripts:
    def test_counts_letters_per_script(self) -> None:
        """Letters are counted per writing system; digits, emoji and spaces are not."""
        counts = script_counts("Hello Wörld 注文した商品 Η εφαρμογή 123 🙃")
        assert counts["latin"] == 10
        assert counts["han"] == 4
        assert counts["kana"] == 2
        assert counts["greek"] == 9


# Greek in Latin letters, in the spellings people use (x/h/ch for χ, th/8 for θ, w/o for ω...)
GREEKLISH = [
    "kalispera, to paketo mou den exei erthei akoma",
    "eimai poly apogoitevmenos me tin eksipiretisi sas",
    "ti ginetai me tin paraggelia mou??",
    "efxaristo poli!!",
    "den leitourgei to internet apo xthes",
    "pote tha erthei o texnikos? perimenw 3 meres",
    "eyxaristw poly gia thn boh8eia",
    "to router kleinei kathe 2 ores, ti na kanw?",
    "mporeite na mou steilete ton kwdiko?",
    "exw kanei 2 paraggelies kai den exei erthei kamia",
    "h efarmogh kollaei sinexeia",
    "apaisia eksipiretisi, pote ksana",
    "geia sas, thelw na akyrwsw tin syndromi mou",
    "parakalw apanthste mou sto inbox",
    "giati den apantate sta mhnymata?",
    "akoma perimenw thn epistrofh xrhmatwn",
    "mou xrewsate dyo fores to idio poso",
    "bravo sas, poly grigori paradosi",
    "pws mporw na allaksw ton kwdiko mou?",
    "to dema einai sto katastima h oxi?",
    "den mporw na mpw sto logariasmo mou",
    "ekana paraggelia prin 10 meres kai tipota",
    "kanenas den sikwnei to thlefwno",
    "to wifi peftei synexeia, ti ginetai re paidia?",
    "8a ithela na rwthsw an exete to iPhone 15",
    "kalhmera, exete anoixta simera?",
    "h kartela mou exei mplokarei",
    "oi times sas einai panakrives",
    "perimena 2 wres sthn anamonh",
    "ola kala, efxaristoume gia tin voitheia",
    "mou irthe lathos megethos, pws to epistrefw?",
    "den douleuei to app apo to prwi",
    "o dianomeas den hrthe pote",
    "mou leei oti h karta einai blocked",
    "ti wra kleinete avrio?",
    "ntropi sas, 3 evdomades kai akoma tipota",
    "to site einai peswmeno edw kai mia wra",
    "thelo na kanw epistrofi enos proiontos",
    "eixa paraggeilei ena laptop kai mou steilate allo",
    "kalo mina se olous",
    "to paketo den eftase pote",
    "giati xrewthika 2 fores?",
]

# Latin-script posts in other languages with words that are also Greeklish particles
# ("to", "me", "ti", "pos", "kai", "gia", "mou", "den"...) or Greek names and places
LOOKALIKES = [
    ("Can you send me to the right department please?", "en"),
    ("My order from Kai's shop still hasn't arrived", "en"),
    ("I want to talk to a manager, tell me what to do", "en"),
    ("Me and my wife had to wait two hours at the gate", "en"),
    ("Ti Amo is the name of the restaurant, book me a table", "en"),
    ("PoS terminal at the store keeps failing, cannot pay", "en"),
    ("Thanks to Nikos and Eleni at the Athens office!", "en"),
    ("Booked a trip to Mykonos and Santorini, flight got cancelled", "en"),
    ("Ordered pita and gyros from Kostas, delivery took an hour", "en"),
    ("Sent it to Panos Papadopoulos at Kifisia, he never got it", "en"),
    ("Me llegó el paquete roto, quiero la devolución", "es"),
    ("Ya te dije que no funciona la app", "es"),
    ("Se me cayó la conexión otra vez, pos qué pasa", "es"),
    ("Ke onda, mi pedido no ha llegado todavia", "es"),
    ("A mí me da igual, pero el envío tarda mucho", "es"),
    ("Gracias por todo, ta bueno el servicio", "es"),
    ("Sou cliente há anos e nunca me trataram assim", "pt"),
    ("Ta demorando muito a entrega, já faz uma semana", "pt"),
    ("Me ajudem, não consigo entrar na conta", "pt"),
    ("O pedido ta parado na transportadora desde segunda", "pt"),
    ("Paguei mas nao recebi nada, alguem me ajuda", "pt"),
    ("Fora do ar de novo, que vergonha", "pt"),
    ("Ti ho scritto tre volte e nessuno risponde", "it"),
    ("Gia fatto il reso, quando arriva il rimborso?", "it"),
    ("Mi hanno addebitato due volte, sto aspettando da una settimana", "it"),
    ("Sta arrivando il pacco o no? Alla fine ho perso la pazienza", "it"),
    ("Mia madre ha ordinato un regalo ma non e arrivato", "it"),
    ("Ora basta, il treno e in ritardo per la terza volta", "it"),
    ("Tilaus on kai jo matkalla, mutta seuranta ei toimi", "fi"),
    ("Se on kai rikki taas, en pääse kirjautumaan", "fi"),
    ("Kiitos Kai, asia hoitui nopeasti", "fi"),
    ("Paketti tuli vihdoin, kaikki ok", "fi"),
    ("Onko teillä tätä tuotetta varastossa", "fi"),
    ("Den Zug habe ich verpasst, weil die App nicht ging", "de"),
    ("Ich warte seit Tagen auf den Techniker", "de"),
    ("Kai von der Hotline war super nett, danke", "de"),
    ("Mein Paket ist immer noch nicht da", "de"),
    ("Tout est mou dans ce colis, le carton était écrasé", "fr"),
    ("Je veux parler à un conseiller, pas à un robot", "fr"),
    ("Mon pote a reçu sa commande mais pas moi", "fr"),
    ("Merci pour tout, service au top", "fr"),
]


class TestGreeklish:
    @pytest.mark.parametrize("text", GREEKLISH)
    def test_greeklish_is_greek(self, text: str) -> None:
        """Greek written in Latin letters is detected as Greek."""
        assert DETECTOR.detect(text) == "el"

    @pytest.mark.parametrize(("text", "lang"), LOOKALIKES)
    def test_lookalikes_keep_their_language(self, text: str, lang: str) -> None:
        """Posts with Greek-looking particles or Greek names are not taken for Greeklish."""
        assert not is_greeklish(text)
        assert DETECTOR.detect(text) == lang

    @pytest.mark.parametrize(
        "text", ["me to", "ti amo", "to paketo", "Kai to the rescue again", "Ola ke ti amo"]
    )
    def test_shared_particles_are_not_enough(self, text: str) -> None:
        """Words shared with other languages do not make a post Greeklish on their own."""
        assert not is_greeklish(text)

    def test_score_counts_greek_and_foreign_words(self) -> None:
        """Greek words, a particle + article pair and foreign words are counted."""
        assert greeklish_score("den exei erthei") == (2.5, 0.0, 3)
        assert greeklish_score("me to") == (1.25, 0.0, 2)
        assert greeklish_score("send me to the shop") == (1.25, 1.0, 5)
        assert greeklish_score("le pire café") == (0.0, 2.0, 3)

    def test_plausible_hint_still_wins(self) -> None:
        """A Latin-script language hint beats the Greeklish word count."""
        text = "kalispera, to paketo mou den exei erthei akoma"
        assert DETECTOR.detect(text, "en") == "en"
        assert DETECTOR.detect(text, "pt-BR") == "pt"

    def test_greek_hint_lowers_the_bar(self) -> None:
        """With a Greek hint one Greeklish word is enough, even in a short post."""
        assert DETECTOR.detect("efxaristw!!") == "und"
        assert DETECTOR.detect("efxaristw!!", "el") == "el"
        assert DETECTOR.detect("mpravo", "el-GR") == "el"

    def test_greek_hint_does_not_make_english_greek(self) -> None:
        """A Greek hint on a post without Greeklish words leaves it to py3langid."""
        assert DETECTOR.detect("Thanks for the help with my order", "el") == "en"
        assert DETECTOR.detect("Kai to the rescue again", "el") == "en"

    def test_greek_script_beside_latin_brand_names(self) -> None:
        """A third of the letters in Greek script make a post Greek."""
        text = "🛍️ BLACK FRIDAY ξεκίνησε! -40% σε όλα μόνο σήμερα 👉 prosfores-tora.gr"
        assert DETECTOR.detect(text) == "el"

    def test_classifier_uses_greek_cues_for_greeklish(self) -> None:
        """Greeklish posts reach the Greek lexicon through the detected language."""
        result = Classifier().classify("ti ginetai me tin paraggelia mou??")
        assert result.lang == "el"
        assert result.intent == "order"
