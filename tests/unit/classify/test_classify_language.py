"""Language identification: script rules, py3langid, hints, short text."""

from __future__ import annotations

import pytest

from carerouter.classify.domain import Classifier
from carerouter.classify.domain.language import (
    LanguageDetector,
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
