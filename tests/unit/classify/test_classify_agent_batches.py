"""The classify stream's batch step: one failing post fails only itself."""

from __future__ import annotations

from collections.abc import Sequence

from carerouter.classify.agent import classify_all
from carerouter.classify.domain import ClassificationResult, Classifier
from carerouter.v1 import events_pb2


class _FailsOn(Classifier):
    """The real classifier, except that one text raises (as a bug would)."""

    def __init__(self, bad: str) -> None:
        super().__init__(use_encoder=False)
        self.bad = bad
        self.batches = 0

    def classify_batch(
        self, texts: Sequence[str], lang_hints: Sequence[str | None] | None = None
    ) -> list[ClassificationResult]:
        self.batches += 1
        if self.bad in texts:
            raise RuntimeError("boom")
        return super().classify_batch(texts, lang_hints)


def _posts(*texts: str) -> list[events_pb2.SocialEvent]:
    return [events_pb2.SocialEvent(event_id=str(i), text=t) for i, t in enumerate(texts)]


def test_a_batch_is_classified_in_one_call() -> None:
    clf = _FailsOn("never")
    out = classify_all(clf, _posts("wifi down", "thanks!!", "where is my parcel?"))
    assert clf.batches == 1
    assert [r.intent for r in out if isinstance(r, ClassificationResult)] == [
        "defect",
        "praise",
        "order",
    ]


def test_a_failing_post_fails_alone() -> None:
    clf = _FailsOn("poison")
    out = classify_all(clf, _posts("wifi down", "poison", "thanks!!"))
    assert isinstance(out[1], RuntimeError)
    assert isinstance(out[0], ClassificationResult) and out[0].intent == "defect"
    assert isinstance(out[2], ClassificationResult) and out[2].intent == "praise"


def test_language_hints_are_passed_on() -> None:
    posts = _posts("ok")
    posts[0].lang_hint = "fi"
    (result,) = classify_all(Classifier(use_encoder=False), posts)
    assert isinstance(result, ClassificationResult)
    assert result.lang == "fi"
