"""Checks on the bundled demo stream that ``make run`` replays."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DEMO_DIR = REPO_ROOT / "services" / "carerouter" / "demo"
STREAM = DEMO_DIR / "stream.jsonl"
SAMPLE = DEMO_DIR / "sample_small.jsonl"
GENERATOR = REPO_ROOT / "tools" / "make_demo_stream.py"

PLATFORM_FAMILIES = {
    "x": "x",
    "facebook": "facebook",
    "instagram": "instagram",
    "youtube": "youtube",
    "trustpilot": "reviews",
    "google_reviews": "reviews",
}
KINDS = {"mention", "comment", "reply", "dm", "review", "post"}
DM_PLATFORMS = {"x", "facebook", "instagram"}
REVIEW_PLATFORMS = {"trustpilot", "google_reviews"}
RFC3339_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$")
IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
# 16 digits in groups of four, Amex-style 4-6-5, or 15-16 digits in a row.
CARD_RE = re.compile(
    r"(?<![\w+])(?:\d{4}([ -])\d{4}\1\d{4}\1\d{4}|\d{4} \d{6} \d{5}|\d{15,16})(?!\w)"
)


def load(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return load(STREAM)


@pytest.fixture(scope="module")
def events(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r["event"] for r in rows if r["type"] == "event"]


class TestDemoStream:
    """The shipped ``services/carerouter/demo/stream.jsonl``."""

    def test_line_types(self, rows: list[dict[str, Any]]) -> None:
        """Every line is an event or an agent action with a numeric ``at``."""
        assert rows
        for row in rows:
            assert row["type"] in {"event", "agent_action"}
            assert isinstance(row["at"], (int, float))

    def test_enough_events(self, events: list[dict[str, Any]]) -> None:
        """The demo carries at least 500 inbound events."""
        assert len(events) >= 500

    def test_language_hints(self, events: list[dict[str, Any]]) -> None:
        """Language hints cover at least six languages and are missing on some events."""
        hints = Counter(e["lang"] for e in events if "lang" in e)
        assert len(hints) >= 6
        missing = sum(1 for e in events if "lang" not in e) / len(events)
        assert 0.15 < missing < 0.45

    def test_platform_families(self, events: list[dict[str, Any]]) -> None:
        """X, Facebook, Instagram, YouTube and a review site are all present."""
        families = {PLATFORM_FAMILIES[e["platform"]] for e in events}
        assert families == {"x", "facebook", "instagram", "youtube", "reviews"}

    def test_all_kinds(self, events: list[dict[str, Any]]) -> None:
        """Mentions, comments, replies, DMs, reviews and posts all occur."""
        assert {e["kind"] for e in events} == KINDS

    def test_kind_platform_rules(self, events: list[dict[str, Any]]) -> None:
        """Reviews only on review sites (with a 1-5 rating), DMs only where platforms have them."""
        for e in events:
            if e["kind"] == "review":
                assert e["platform"] in REVIEW_PLATFORMS
                assert e["rating"] in {1, 2, 3, 4, 5}
            else:
                assert "rating" not in e
                assert e["platform"] not in REVIEW_PLATFORMS
            if e["kind"] == "dm":
                assert e["platform"] in DM_PLATFORMS

    def test_event_shape(self, events: list[dict[str, Any]]) -> None:
        """Events carry the ingest fields and no classification labels."""
        required = {
            "platform",
            "kind",
            "message_id",
            "thread_id",
            "parent_id",
            "author",
            "brand_handle",
            "text",
            "created_at",
        }
        allowed = required | {"lang", "rating"}
        for e in events:
            assert required <= e.keys() <= allowed
            assert e["author"]["handle"].startswith("@")
            assert e["brand_handle"].startswith("@acme")
            assert isinstance(e["author"]["followers_count"], int)
            assert isinstance(e["author"]["verified"], bool)
            assert e["text"].strip()

    def test_at_non_decreasing(self, rows: list[dict[str, Any]]) -> None:
        """Lines are ordered by ``at`` and the stream spans roughly 40 seconds."""
        ats = [r["at"] for r in rows]
        assert ats == sorted(ats)
        assert 30.0 <= ats[-1] <= 45.0

    def test_agent_actions_follow_events(self, rows: list[dict[str, Any]]) -> None:
        """Each agent action targets a conversation that already had an event, ~4 s or more before."""
        first_seen: dict[tuple[str, str], float] = {}
        actions: Counter[str] = Counter()
        for row in rows:
            if row["type"] == "event":
                key = (row["event"]["platform"], row["event"]["thread_id"])
                first_seen.setdefault(key, row["at"])
                continue
            key = (row["platform"], row["thread_id"])
            assert key in first_seen, row
            assert row["at"] - first_seen[key] >= 3.9, row
            assert row["action"] in {"first_response", "reply", "resolve", "reopen"}
            assert re.fullmatch(r"[A-Z]{2}", row["agent"])
            actions[row["action"]] += 1
        assert actions["first_response"] and actions["resolve"] and actions["reopen"]

    def test_some_threads_have_no_agent(self, rows: list[dict[str, Any]]) -> None:
        """Roughly half the conversations get no agent at all, so SLA timers fire."""
        threads = {
            (r["event"]["platform"], r["event"]["thread_id"]) for r in rows if r["type"] == "event"
        }
        handled = {(r["platform"], r["thread_id"]) for r in rows if r["type"] == "agent_action"}
        assert 0.3 < len(handled) / len(threads) < 0.7

    def test_multi_message_threads(self, events: list[dict[str, Any]]) -> None:
        """Some conversations hold several messages chained by parent_id."""
        ids = {(e["platform"], e["message_id"]) for e in events}
        sizes = Counter(
            (e["platform"], e["thread_id"])
            for e in {(e["platform"], e["message_id"]): e for e in events}.values()
        )
        assert sum(1 for n in sizes.values() if n > 1) >= 1
        replies = [e for e in events if e["kind"] == "reply"]
        assert replies
        assert all((e["platform"], e["parent_id"]) in ids for e in replies)

    def test_duplicates_are_exact(self, events: list[dict[str, Any]]) -> None:
        """A repeated message_id is a byte-identical redelivery, never a different message."""
        by_id: dict[tuple[str, str], dict[str, Any]] = {}
        repeats = 0
        for e in events:
            key = (e["platform"], e["message_id"])
            if key in by_id:
                assert by_id[key] == e
                repeats += 1
            by_id[key] = e
        assert 1 <= repeats <= 10

    def test_card_numbers_are_luhn_valid(self, events: list[dict[str, Any]]) -> None:
        """Anything in a text that looks like a payment card passes the Luhn check."""
        found = 0
        for e in events:
            text = IBAN_RE.sub(" ", e["text"])
            for match in CARD_RE.finditer(text):
                digits = re.sub(r"\D", "", match.group(0))
                assert luhn_ok(digits), (match.group(0), e["text"])
                found += 1
        assert found >= 3

    def test_ibans_are_valid(self, events: list[dict[str, Any]]) -> None:
        """IBANs in texts carry correct mod-97 check digits."""
        found = [m.group(0) for e in events for m in IBAN_RE.finditer(e["text"])]
        assert found
        for iban in found:
            assert iban_ok(iban), iban

    def test_created_at_is_rfc3339_utc(self, events: list[dict[str, Any]]) -> None:
        """created_at is RFC 3339 in UTC ("Z") and parses."""
        for e in events:
            assert RFC3339_UTC.match(e["created_at"]), e["created_at"]
            parsed = datetime.fromisoformat(e["created_at"])
            assert parsed.tzinfo is not None
            assert parsed.utcoffset() == UTC.utcoffset(None)


class TestSmallSample:
    """The small recorded sample used by fast tests."""

    def test_sample_size_and_order(self) -> None:
        """About 50 events in about 60 lines, ordered by ``at``."""
        rows = load(SAMPLE)
        events = [r for r in rows if r["type"] == "event"]
        assert 50 <= len(rows) <= 80
        assert 35 <= len(events) <= 65
        ats = [r["at"] for r in rows]
        assert ats == sorted(ats)


class TestGenerator:
    """``tools/make_demo_stream.py`` is deterministic."""

    @pytest.mark.parametrize(
        ("args", "shipped"),
        [([], STREAM), (["--small"], SAMPLE)],
        ids=["full", "small"],
    )
    def test_regenerates_byte_for_byte(
        self, tmp_path: Path, args: list[str], shipped: Path
    ) -> None:
        """Running the generator again reproduces the shipped file exactly."""
        out = tmp_path / shipped.name
        subprocess.run(
            [sys.executable, str(GENERATOR), *args, "--out", str(out)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        assert out.read_bytes() == shipped.read_bytes()
