"""Evaluation metrics, the development set and its test-split guard, the trained head."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import numpy as np
import pytest

from carerouter.classify.domain.dataset import (
    TestSplitAccessError,
    default_path,
    load_evaluation,
    load_training,
    parse_example,
)
from carerouter.classify.domain.encoder import (
    EMBEDDING_DIM,
    HEAD_PATH,
    LEXICON_FEATURES,
    IntentHead,
)
from carerouter.classify.domain.results import INTENTS, PiiSpan
from carerouter.classify.eval import (
    binary_pr,
    calibration_error,
    confusion_matrix,
    hard_negative_fps,
    language_accuracy,
    macro_f1,
    per_label,
    pii_recall,
)


class TestMetrics:
    def test_per_label_and_macro(self) -> None:
        gold = ["order", "order", "defect", "praise"]
        pred = ["order", "defect", "defect", "praise"]
        table = per_label(gold, pred)
        assert table["order"]["precision"] == 1.0
        assert table["order"]["recall"] == 0.5
        assert table["defect"]["precision"] == 0.5
        assert table["praise"]["f1"] == 1.0
        expected = (2 / 3 + 2 / 3 + 1.0) / 3  # labels absent from gold are not averaged
        assert macro_f1(gold, pred) == pytest.approx(expected)

    def test_confusion(self) -> None:
        m = confusion_matrix(["order", "defect"], ["defect", "defect"])
        assert m["order"]["defect"] == 1
        assert m["defect"]["defect"] == 1
        assert sum(sum(row.values()) for row in m.values()) == 2
        assert set(m) == set(INTENTS)

    def test_calibration_error(self) -> None:
        # calibrated: 0.8 confidence, 8 of 10 right
        assert calibration_error([0.8] * 10, [True] * 8 + [False] * 2) == pytest.approx(0.0)
        # over-confident: 0.95 confidence, half right
        assert calibration_error([0.95] * 4, [True, False, True, False]) == pytest.approx(0.45)
        # two bins weighted by their size; confidence 1.0 falls in the top bin
        value = calibration_error([1.0, 1.0, 0.3], [True, False, False])
        assert value == pytest.approx((2 * 0.5 + 1 * 0.3) / 3)
        assert calibration_error([], []) == 0.0

    def test_binary(self) -> None:
        r = binary_pr([True, True, False, False], [True, False, True, False])
        assert r["precision"] == 0.5
        assert r["recall"] == 0.5

    def test_pii_recall_needs_type_and_overlap(self) -> None:
        gold = [[PiiSpan("card", 0, 16), PiiSpan("email", 20, 30)]]
        pred = [[PiiSpan("card", 2, 10), PiiSpan("phone", 20, 30)]]
        r = pii_recall(gold, pred)
        assert r["card"]["recall"] == 1.0
        assert r["email"]["recall"] == 0.0

    def test_hard_negatives(self) -> None:
        neg = [[PiiSpan("flight", 5, 10), PiiSpan("price", 20, 25)]]
        pred = [[PiiSpan("phone", 4, 8)]]
        r = hard_negative_fps(neg, pred)
        assert r["flight"] == {"false_positives": 1.0, "total": 1.0}
        assert r["price"]["false_positives"] == 0.0

    def test_language_accuracy(self) -> None:
        gold = ["el", "el", "el", "en", "fi"]
        pred = ["el", "und", "fi", "en", "fi"]
        r = language_accuracy(gold, pred)
        assert r["accuracy"] == pytest.approx(0.6)
        assert r["per_language"] == {"el": pytest.approx(1 / 3), "en": 1.0, "fi": 1.0}
        assert r["mistakes"] == {"el->fi": 1, "el->und": 1}


class TestDataset:
    def test_training_loader_refuses_held_out_splits(self) -> None:
        with pytest.raises(TestSplitAccessError):
            load_training(("train", "test"))
        with pytest.raises(TestSplitAccessError):
            load_training(["test"])
        with pytest.raises(TestSplitAccessError, match="fresh"):
            load_training(("dev", "fresh"))
        with pytest.raises(TestSplitAccessError, match="fresh2"):
            load_training(("train", "fresh2"))
        with pytest.raises(TestSplitAccessError, match="fresh3"):
            load_training(("train", "fresh3"))

    def test_unknown_split(self) -> None:
        with pytest.raises(ValueError, match="unknown split"):
            load_training(("holdout",))

    def test_development_set_shape(self) -> None:
        rows = [json.loads(line) for line in default_path().read_text("utf-8").splitlines()]
        assert len(rows) >= 1800
        langs: dict[str, int] = {}
        for r in rows:
            langs[r["lang"]] = langs.get(r["lang"], 0) + 1
            ex = parse_example(json.dumps(r))
            for span in ex.pii:
                assert ex.text[span.start : span.end].strip() == ex.text[span.start : span.end]
        for lang in ("en", "es", "de", "fr", "pt", "zh", "ja", "fi", "el"):
            assert langs[lang] >= 150, lang
        assert {r["split"] for r in rows} == {
            "train",
            "dev",
            "dev2",
            "test",
            "fresh",
            "fresh2",
            "fresh3",
        }
        # a post and its style variant never straddle splits
        split_of: dict[str, str] = {}
        for r in rows:
            assert split_of.setdefault(r["group"], r["split"]) == r["split"]

    def test_evaluation_loader_reads_held_out_splits(self) -> None:
        for split in ("test", "fresh", "fresh2", "fresh3"):
            examples = load_evaluation(split)
            assert examples
            assert all(e.split == split for e in examples)

    def test_bad_span_rejected(self, tmp_path: Path) -> None:
        row = {
            "id": "x",
            "text": "hi",
            "lang": "en",
            "intent": "other",
            "sensitive": False,
            "pii": [{"type": "email", "start": 0, "end": 9}],
            "split": "dev",
        }
        with pytest.raises(ValueError, match="bad PII span"):
            parse_example(json.dumps(row))


# Pinned when the training-only sources (data/classify/source/*_train_extra.txt) were added:
# the dev and test splits (ids, texts, labels) and every stratified post's split must never
# change when training posts are added. Update only with a deliberate, documented re-split.
EVAL_SPLITS_SHA256 = "5dfbd5aa236a4679a015344f4e18625923f8fd1afe512d449b5ca9cfef34e9f7"
EVAL_SPLITS_N = 725
STRATIFIED_SPLITS_SHA256 = "4293e8e1a11159994a417cd0467680bf211f5646c9386276813eab971d044362"
STRATIFIED_N = 1844
EXTRA_ID = re.compile(r"^[a-z]{2}(-han[st])?-x\d{3}(-v)?$")


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in default_path().read_text("utf-8").splitlines()]


class TestSplitsFrozen:
    def test_dev_and_test_contents_unchanged(self) -> None:
        rows = sorted(
            (r for r in _rows() if r["split"] in ("dev", "test")), key=lambda r: str(r["id"])
        )
        digest = hashlib.sha256()
        for r in rows:
            item = [r["id"], r["split"], r["text"], r["intent"], r["sensitive"]]
            digest.update(json.dumps(item, ensure_ascii=False).encode() + b"\n")
        assert len(rows) == EVAL_SPLITS_N
        assert digest.hexdigest() == EVAL_SPLITS_SHA256

    def test_stratified_posts_keep_their_split(self) -> None:
        rows = sorted(
            (r for r in _rows() if not EXTRA_ID.match(str(r["id"]))), key=lambda r: str(r["id"])
        )
        digest = hashlib.sha256()
        for r in rows:
            digest.update(f"{r['id']}\t{r['split']}\n".encode())
        assert len(rows) == STRATIFIED_N
        assert digest.hexdigest() == STRATIFIED_SPLITS_SHA256

    def test_extra_posts_are_training_or_fresh(self) -> None:
        extra = [r for r in _rows() if EXTRA_ID.match(str(r["id"]))]
        assert extra
        assert {r["split"] for r in extra} == {"train", "dev2", "fresh", "fresh2", "fresh3"}
        langs = {str(r["lang"]) for r in extra}
        assert {"en", "es", "de", "fr", "pt", "zh", "ja", "fi", "el"} <= langs
        for split in ("train", "fresh"):
            assert langs <= {str(r["lang"]) for r in extra if r["split"] == split}, split
        # no training post repeats a held-out text
        held_out = {
            r["text"] for r in _rows() if r["split"] in ("dev", "test", "fresh", "fresh2", "fresh3")
        }
        assert not [r["id"] for r in _rows() if r["split"] == "train" and r["text"] in held_out]

    def test_fresh_groups_were_never_read_for_tuning(self) -> None:
        # the half of the fresh posts read while writing rules was chosen by row id (even
        # sha1): a held-out group has only odd rows
        for r in _rows():
            if r["split"] == "fresh":
                digest = hashlib.sha1(str(r["id"]).encode()).hexdigest()
                assert int(digest, 16) % 2 == 1, r["id"]


class TestHead:
    def test_shipped_head_loads(self) -> None:
        head = IntentHead.load(HEAD_PATH)
        assert head.weights.shape == (EMBEDDING_DIM + LEXICON_FEATURES, len(INTENTS))
        assert head.temperature > 0.0
        x = np.zeros((2, EMBEDDING_DIM + LEXICON_FEATURES))
        p = head.predict_proba(x)
        assert p.shape == (2, len(INTENTS))
        assert np.allclose(p.sum(axis=1), 1.0)

    def test_round_trip(self, tmp_path: Path) -> None:
        head = IntentHead.load(HEAD_PATH)
        path = tmp_path / "h.npz"
        head.save(path)
        again = IntentHead.load(path)
        assert again.cascade_threshold == head.cascade_threshold
        assert np.allclose(again.weights, head.weights, atol=1e-6)

    def test_wrong_shape_rejected(self, tmp_path: Path) -> None:
        head = IntentHead.load(HEAD_PATH)
        bad = IntentHead(
            np.zeros((3, len(INTENTS))), head.bias, head.mean[:3], head.scale[:3], 1.0, 0.7
        )
        path = tmp_path / "bad.npz"
        bad.save(path)
        with pytest.raises(ValueError, match="weight shape"):
            IntentHead.load(path)

    def test_head_small_enough_to_ship(self) -> None:
        assert HEAD_PATH.stat().st_size < 1_000_000
