"""Sensitive topics without digits: hacked accounts, fraud, bereavement, health, ..."""

from __future__ import annotations

import pytest

from carerouter.classify.domain import Classifier
from carerouter.classify.domain.sensitive import (
    ACCOUNT_COMPROMISED,
    BEREAVEMENT,
    CARD_DETAILS,
    FRAUD,
    HARDSHIP,
    HEALTH,
    SELF_HARM,
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
