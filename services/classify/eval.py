"""Evaluate the classifier on the labelled development set.

``python -m carerouter.classify.eval [--json] [--splits dev,test] [--no-lolo]`` prints, per
split: per-intent precision/recall/F1, macro-F1, sensitivity precision/recall, PII recall
per type, false positives on hard negatives (flight numbers, prices, hotlines...),
per-language macro-F1, language-detection accuracy and the confusion matrix, for the
lexicon-only baseline and the full model; then leave-one-language-out figures for the
trained head (train without language L on the train split, evaluate on L's dev and test
posts).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from .domain.dataset import Example, load_evaluation
from .domain.results import INTENTS, PII_TYPES, ClassificationResult, PiiSpan

LANGS = ("en", "es", "de", "fr", "pt", "zh", "ja", "fi", "el")


@dataclass(frozen=True, slots=True)
class Prediction:
    intent: str
    sensitive: bool
    pii: tuple[PiiSpan, ...]
    confidence: float = 1.0  # the probability given to ``intent``
    lang: str = ""  # detected language ("" when the predictor does not detect one)


Predictor = Callable[[Sequence[Example]], list[Prediction]]

# ------------------------------------------------------------------ metrics


def confusion_matrix(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = INTENTS
) -> dict[str, dict[str, int]]:
    """``m[gold][pred]`` counts."""
    m = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, pred, strict=True):
        m[g][p] += 1
    return m


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def per_label(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = INTENTS
) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per label."""
    out: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        p_, r_, f_ = _prf(tp, fp, fn)
        out[lab] = {"precision": p_, "recall": r_, "f1": f_, "support": float(tp + fn)}
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = INTENTS) -> float:
    """Mean F1 over the labels present in ``gold`` (absent labels would only add noise)."""
    present = [lab for lab in labels if lab in set(gold)]
    if not present:
        return 0.0
    table = per_label(gold, pred, present)
    return sum(table[lab]["f1"] for lab in present) / len(present)


def binary_pr(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    p_, r_, f_ = _prf(tp, fp, fn)
    return {"precision": p_, "recall": r_, "f1": f_, "support": float(tp + fn)}


def _overlaps(a: PiiSpan, b: PiiSpan) -> bool:
    return a.start < b.end and b.start < a.end


def pii_recall(
    gold: Sequence[Sequence[PiiSpan]], pred: Sequence[Sequence[PiiSpan]]
) -> dict[str, dict[str, float]]:
    """Per type: gold spans found (a predicted span of the same type overlaps them)."""
    found = dict.fromkeys(PII_TYPES, 0)
    total = dict.fromkeys(PII_TYPES, 0)
    for g_spans, p_spans in zip(gold, pred, strict=True):
        for g in g_spans:
            total[g.type] += 1
            if any(p.type == g.type and _overlaps(p, g) for p in p_spans):
                found[g.type] += 1
    return {
        t: {"found": float(found[t]), "total": float(total[t]), "recall": found[t] / total[t]}
        for t in PII_TYPES
        if total[t]
    }


def hard_negative_fps(
    negatives: Sequence[Sequence[PiiSpan]], pred: Sequence[Sequence[PiiSpan]]
) -> dict[str, dict[str, float]]:
    """Per hard-negative kind: how many were (partly) reported as PII."""
    out: dict[str, dict[str, float]] = {}
    for n_spans, p_spans in zip(negatives, pred, strict=True):
        for n in n_spans:
            row = out.setdefault(n.type, {"false_positives": 0.0, "total": 0.0})
            row["total"] += 1
            if any(_overlaps(p, n) for p in p_spans):
                row["false_positives"] += 1
    return out


def calibration_error(
    confidence: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> float:
    """Expected calibration error: over equal-width confidence bins, the gap between mean
    confidence and accuracy, weighted by the share of posts in the bin (0 = calibrated)."""
    if not confidence:
        return 0.0
    total = 0.0
    for b in range(bins):
        idx = [i for i, c in enumerate(confidence) if min(int(c * bins), bins - 1) == b]
        if idx:
            mean_conf = sum(confidence[i] for i in idx) / len(idx)
            accuracy = sum(1 for i in idx if correct[i]) / len(idx)
            total += abs(mean_conf - accuracy) * len(idx)
    return total / len(confidence)


def language_accuracy(
    gold: Sequence[str], pred: Sequence[str]
) -> dict[str, float | dict[str, float] | dict[str, int]]:
    """Share of posts whose detected language is the one they are written in, overall and per
    language, and the most frequent mistakes ("el->und")."""
    per: dict[str, float] = {}
    for lang in sorted(set(gold)):
        idx = [i for i, g in enumerate(gold) if g == lang]
        per[lang] = sum(1 for i in idx if pred[i] == lang) / len(idx)
    mistakes: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        if g != p:
            mistakes[f"{g}->{p}"] = mistakes.get(f"{g}->{p}", 0) + 1
    top = dict(sorted(mistakes.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
    hits = sum(1 for g, p in zip(gold, pred, strict=True) if g == p)
    return {"accuracy": hits / len(gold) if gold else 0.0, "per_language": per, "mistakes": top}


def report(examples: Sequence[Example], preds: Sequence[Prediction]) -> dict[str, Any]:
    """All figures for one split and one model."""
    gold = [e.intent for e in examples]
    pred = [p.intent for p in preds]
    by_lang: dict[str, float] = {}
    for lang in sorted({e.lang for e in examples}):
        idx = [i for i, e in enumerate(examples) if e.lang == lang]
        by_lang[lang] = macro_f1([gold[i] for i in idx], [pred[i] for i in idx])
    hits = sum(1 for g, p in zip(gold, pred, strict=True) if g == p)
    return {
        "n": len(examples),
        "accuracy": hits / len(examples) if examples else 0.0,
        "macro_f1": macro_f1(gold, pred),
        "calibration_error": calibration_error(
            [p.confidence for p in preds], [g == p for g, p in zip(gold, pred, strict=True)]
        ),
        "per_label": per_label(gold, pred),
        "per_language_macro_f1": by_lang,
        "sensitivity": binary_pr([e.sensitive for e in examples], [p.sensitive for p in preds]),
        "pii_recall": pii_recall([e.pii for e in examples], [p.pii for p in preds]),
        "hard_negative_fp": hard_negative_fps(
            [e.negatives for e in examples], [p.pii for p in preds]
        ),
        "confusion": confusion_matrix(gold, pred),
        "language": language_accuracy([e.lang for e in examples], [p.lang for p in preds]),
    }


# ------------------------------------------------------------------ models


def _from_result(r: ClassificationResult) -> Prediction:
    return Prediction(r.intent, r.sensitive, r.pii, r.confidence, r.lang)


def classifier_predictor(
    use_encoder: bool | None, cascade_threshold: float | None = None
) -> Predictor:
    from .domain.classifier import Classifier  # noqa: PLC0415

    clf = Classifier(use_encoder=use_encoder, cascade_threshold=cascade_threshold)

    def predict(examples: Sequence[Example]) -> list[Prediction]:
        return [_from_result(r) for r in clf.classify_batch([e.text for e in examples])]

    return predict


def lolo(splits: Sequence[str] = ("dev", "test")) -> dict[str, dict[str, float]]:
    """Leave-one-language-out: head trained on the train split without language L
    (other settings as shipped), evaluated on L's posts of ``splits``; the lexicon-only
    baseline on the same posts for comparison."""
    from .domain import training  # noqa: PLC0415

    data = training.TrainingData.build()
    evaluation = [e for s in splits for e in load_evaluation(s)]
    out: dict[str, dict[str, float]] = {}
    for lang in LANGS:
        target = [e for e in evaluation if e.lang == lang]
        if not target:
            continue
        head = training.fit_head(data.without_language(lang))
        pred = training.predict_with_head(head, target)
        base = training.predict_lexicon(target)
        gold = [e.intent for e in target]
        out[lang] = {
            "n": float(len(target)),
            "head_macro_f1": macro_f1(gold, pred),
            "lexicon_macro_f1": macro_f1(gold, base),
        }
    return out


# ------------------------------------------------------------------ printing


def _print_report(name: str, r: dict[str, Any], out: TextIO) -> None:
    w = out.write
    w(
        f"\n=== {name}: n={r['n']}  macro-F1={r['macro_f1']:.3f}  accuracy={r['accuracy']:.3f}"
        f"  calibration error={r['calibration_error']:.3f}\n"
    )
    w(f"{'intent':<10} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>5}\n")
    for lab, m in r["per_label"].items():
        w(
            f"{lab:<10} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}"
            f" {int(m['support']):>5}\n"
        )
    s = r["sensitivity"]
    w(
        f"sensitive: precision={s['precision']:.3f} recall={s['recall']:.3f}"
        f" (n={int(s['support'])})\n"
    )
    pii = ", ".join(f"{t} {int(m['found'])}/{int(m['total'])}" for t, m in r["pii_recall"].items())
    w(f"PII recall: {pii}\n")
    neg = r["hard_negative_fp"]
    fps = sum(int(m["false_positives"]) for m in neg.values())
    tot = sum(int(m["total"]) for m in neg.values())
    detail = ", ".join(
        f"{k} {int(m['false_positives'])}/{int(m['total'])}" for k, m in sorted(neg.items())
    )
    w(f"hard-negative false positives: {fps}/{tot} ({detail})\n")
    langs = "  ".join(f"{k} {v:.2f}" for k, v in r["per_language_macro_f1"].items())
    w(f"macro-F1 per language: {langs}\n")
    lid = r["language"]
    per = "  ".join(f"{k} {v:.2f}" for k, v in lid["per_language"].items())
    top = ", ".join(f"{k} {v}" for k, v in lid["mistakes"].items()) or "none"
    w(f"language detected right: {lid['accuracy']:.3f} ({per}); most frequent mistakes: {top}\n")
    w("confusion (rows gold, columns predicted):\n")
    w(" " * 10 + "".join(f"{lab[:8]:>9}" for lab in INTENTS) + "\n")
    for g, row in r["confusion"].items():
        w(f"{g:<10}" + "".join(f"{row[p]:>9}" for p in INTENTS) + "\n")


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(prog="python -m carerouter.classify.eval")
    parser.add_argument("--json", action="store_true", help="one JSON document")
    parser.add_argument("--splits", default="dev,dev2,test,fresh,fresh2,fresh3")
    parser.add_argument("--no-lolo", action="store_true", help="skip leave-one-language-out")
    parser.add_argument(
        "--cascade-threshold",
        type=float,
        default=None,
        help="evaluate the full model at this cascade threshold instead of the trained one",
    )
    args = parser.parse_args(argv)
    splits = [s for s in args.splits.split(",") if s]

    from .domain.encoder import load_head  # noqa: PLC0415

    models: dict[str, Predictor] = {"lexicon": classifier_predictor(False)}
    if load_head() is not None:
        models["full"] = classifier_predictor(None, args.cascade_threshold)
    result: dict[str, Any] = {"splits": {}}
    for split in splits:
        examples = load_evaluation(split)
        result["splits"][split] = {
            name: report(examples, predict(examples)) for name, predict in models.items()
        }
    if not args.no_lolo and "full" in models:
        result["lolo"] = lolo(("dev", "test", "fresh", "fresh2", "fresh3"))
    if args.json:
        json.dump(result, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    for split, by_model in result["splits"].items():
        for name, r in by_model.items():
            _print_report(f"{split} / {name}", r, out)
    if "lolo" in result:
        out.write(
            "\n=== leave-one-language-out (held-out and dev posts of L; head trained without L)\n"
        )
        for lang, m in result["lolo"].items():
            out.write(
                f"{lang}: head {m['head_macro_f1']:.3f}  lexicon-only"
                f" {m['lexicon_macro_f1']:.3f}  (n={int(m['n'])})\n"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
