"""Lexicon-based sentiment: sign across languages, emoji, negation, sarcasm."""

from __future__ import annotations

import pytest

from carerouter.classify.domain import Classifier
from carerouter.classify.domain.sentiment import SentimentModel
from carerouter.classify.domain.text import prepare

CLASSIFIER = Classifier()
MODEL = SentimentModel()


def score(text: str, lang: str = "en", *, sarcastic: bool = False) -> float:
    return MODEL.score(prepare(text), lang, sarcastic=sarcastic).score


class TestSign:
    @pytest.mark.parametrize(
        "text",
        [
            "Thank you, great service, really happy!",
            "Muchas gracias, excelente servicio",
            "Vielen Dank, super schnell und freundlich",
            "Merci beaucoup, parfait",
            "Muito obrigado, ótimo atendimento",
            "Grazie mille, ottimo",
            "ありがとう、最高です",
            "谢谢，很满意",
            "Kiitos, loistava palvelu",
            "Ευχαριστώ, τέλεια",
        ],
    )
    def test_positive(self, text: str) -> None:
        """Thanks and compliments are positive in every supported language."""
        result = CLASSIFIER.classify(text)
        assert result.sentiment == "positive"
        assert result.sentiment_score > 0

    @pytest.mark.parametrize(
        "text",
        [
            "Terrible service, I'm so disappointed and angry",
            "Servicio pésimo, qué vergüenza",
            "Schrecklich, ich bin enttäuscht",
            "Service nul, je suis déçu",
            "Atendimento péssimo, que vergonha",
            "Servizio pessimo, sono deluso",
            "最悪です、がっかり",
            "太差了，很失望",
            "Surkea palvelu, olen pettynyt",
            "Απαράδεκτο, άθλια εξυπηρέτηση",
        ],
    )
    def test_negative(self, text: str) -> None:
        """Insults and disappointment are negative in every supported language."""
        result = CLASSIFIER.classify(text)
        assert result.sentiment == "negative"
        assert result.sentiment_score < 0

    @pytest.mark.parametrize("text", ["Where is the store on Main street", "ok", ""])
    def test_neutral(self, text: str) -> None:
        """Plain statements without polar words are neutral with score 0."""
        result = CLASSIFIER.classify(text)
        assert result.sentiment == "neutral"
        assert result.sentiment_score == 0.0

    def test_score_is_bounded(self) -> None:
        """Many polar words saturate towards ±1 but never exceed it."""
        assert 0.9 < score("great " * 40) <= 1.0
        assert -1.0 <= score("awful " * 40) < -0.9


class TestEmoji:
    def test_positive_emoji(self) -> None:
        """Happy emoji alone make a post positive."""
        assert score("😍🙌") > 0

    def test_negative_emoji(self) -> None:
        """Angry emoji alone make a post negative."""
        assert score("😡👎") < 0

    def test_variation_selector(self) -> None:
        """A heart with an emoji variation selector still counts."""
        assert score("❤️") > 0


class TestNegation:
    def test_negated_positive_is_negative(self) -> None:
        """'not good' is negative."""
        assert score("this is not good") < 0

    def test_negated_negative_is_positive(self) -> None:
        """'no problem' is mildly positive."""
        assert score("no problem at all") > 0

    def test_negation_in_other_languages(self) -> None:
        """Negators of the post's language apply ('nicht gut')."""
        assert score("das ist nicht gut", "de") < 0
        assert score("ce n'est pas bien", "fr") < 0


class TestSarcasm:
    def test_sarcasm_flips_positive_words(self) -> None:
        """With a sarcasm flag positive words count as negative."""
        assert score("great, just great", sarcastic=True) < 0

    def test_classifier_detects_sarcasm(self) -> None:
        """The classifier passes its sarcasm cue through to sentiment."""
        result = CLASSIFIER.classify("love waiting 3 hours on hold 🙃")
        assert result.sentiment == "negative"
