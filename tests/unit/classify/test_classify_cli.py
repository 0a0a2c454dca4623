"""``carerouter classify`` logic: readable output and JSON lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from carerouter.classify.cli import classify_jsonl, classify_text
from carerouter.classify.domain.results import INTENTS

KEYS = {
    "id",
    "intent",
    "scores",
    "sensitive",
    "pii",
    "lang",
    "sentiment",
    "confidence",
    "needs_review",
    "explanation",
    "masked_text",
}


def test_classify_text_readable() -> None:
    out = io.StringIO()
    assert classify_text("my parcel never arrived, email me at jo@example.org", out) == 0
    text = out.getvalue()
    assert "intent:" in text
    assert "why:" in text
    assert "email" in text
    assert "[email]" in text


def test_jsonl_in_order_with_errors(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps(
                    {"id": "a", "text": "wifi down again since this morning", "platform": "x"}
                ),
                "{not json",
                json.dumps({"id": "b"}),
                json.dumps(
                    {"id": "c", "text": "¿hacéis envíos a Canarias?", "lang": "es", "kind": "dm"}
                ),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert classify_jsonl(src, out) == 1
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "b", "c"]
    assert rows[1]["line"] == 2
    assert "error" in rows[1]
    assert "error" in rows[2]
    for r in (rows[0], rows[3]):
        assert set(r) >= KEYS
        assert set(r["scores"]) == set(INTENTS)
        assert sum(r["scores"].values()) == pytest.approx(1.0, abs=1e-3)
    assert rows[3]["lang"] == "es"


def test_jsonl_stream_masks_and_succeeds() -> None:
    card = "4111 1111 1111 1111"
    stream = io.StringIO(json.dumps({"id": 7, "text": f"charged twice on card {card}"}) + "\n\n")
    out = io.StringIO()
    assert classify_jsonl(stream, out) == 0
    (row,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert row["sensitive"] is True
    assert row["pii"][0]["type"] == "card"
    assert card not in row["masked_text"]
