"""What-if replay: the services' domain code over a recorded stream, offline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from carerouter.route.policy import DEFAULT_POLICY_FILE
from carerouter.route.replay import ReplayError, replay

ROOT = Path(__file__).resolve().parents[3]


def write_stream(path: Path, items: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    return path


def event(message_id: str, text: str, at: str, thread: str | None = None) -> dict[str, object]:
    return {
        "type": "event",
        "event": {
            "platform": "x",
            "kind": "mention",
            "message_id": message_id,
            "thread_id": thread or message_id,
            "author": {"id": f"u-{message_id}", "name": "Ana"},
            "text": text,
            "lang": "en",
            "created_at": at,
        },
    }


def action(thread: str, kind: str, at: str) -> dict[str, object]:
    return {"type": "agent_action", "platform": "x", "thread_id": thread, "action": kind, "at": at}


@pytest.fixture
def slow_policy(tmp_path: Path) -> Path:
    """The default policy with a 3 h first-response target everywhere."""
    text = DEFAULT_POLICY_FILE.read_text(encoding="utf-8")
    for old in ("first_response: 15m", "first_response: 1h", "first_response: 4h"):
        text = text.replace(old, "first_response: 3h")
    path = tmp_path / "slow.yaml"
    path.write_text(text, encoding="utf-8")
    return path


class TestReplay:
    def test_a_slower_target_turns_breaches_into_attainment(
        self, tmp_path: Path, slow_policy: Path
    ) -> None:
        """A case answered after 2 h breaches the default 1 h target but meets a 3 h one;
        an unanswered one breaches both once the stream has run long enough."""
        stream = write_stream(
            tmp_path / "s.jsonl",
            [
                event("1", "my parcel never arrived, where is my order?", "2026-11-23T09:00:00Z"),
                event("2", "my parcel never arrived either, no tracking", "2026-11-23T09:05:00Z"),
                action("1", "first_response", "2026-11-23T11:00:00Z"),
                event("3", "thanks so much, great service!", "2026-11-23T14:00:00Z"),
            ],
        )
        current, new = replay(stream, [None, slow_policy])
        orders_now, orders_new = current.queues["orders"], new.queues["orders"]
        assert orders_now.cases == orders_new.cases == 2
        assert (orders_now.first_response_met, orders_now.first_response_missed) == (0, 2)
        assert (orders_new.first_response_met, orders_new.first_response_missed) == (1, 1)
        assert orders_now.breaches >= 2 and orders_new.breaches == 1

    def test_duplicates_and_unmatched_actions_are_counted(self, tmp_path: Path) -> None:
        """A repeated delivery joins nothing twice; an action for an unknown thread is counted."""
        first = event("1", "app crashes on login", "2026-11-23T09:00:00Z")
        stream = write_stream(
            tmp_path / "s.jsonl", [first, first, action("nope", "resolve", "2026-11-23T09:10:00Z")]
        )
        (result,) = replay(stream, [None])
        assert result.duplicates == 1 and result.unmatched_actions == 1
        assert sum(q.messages for q in result.queues.values()) == 1

    def test_bad_line_names_the_line(self, tmp_path: Path) -> None:
        """An unreadable line is reported with file and line number."""
        stream = tmp_path / "s.jsonl"
        stream.write_text(json.dumps(event("1", "hi", "2026-11-23T09:00:00Z")) + "\n{not json}\n")
        with pytest.raises(ReplayError, match=r"s\.jsonl:2"):
            replay(stream, [None])

    def test_cli_json_side_by_side_on_the_shipped_sample(self) -> None:
        """`carerouter replay --json` over the shipped recorded stream gives both policies."""
        output = subprocess.run(
            [
                sys.executable,
                "-m",
                "carerouter",
                "replay",
                "--json",
                "--policy",
                str(ROOT / "docs" / "examples" / "policy-business-hours.yaml"),
                str(ROOT / "services" / "carerouter" / "demo" / "recorded.jsonl"),
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        data = json.loads(output)
        assert set(data) == {"current", "new"}
        assert sum(q["messages"] for q in data["current"]["queues"].values()) > 500
        assert (
            data["new"]["queues"]["orders"]["escalations"]
            > 0
            == data["current"]["queues"]["orders"]["escalations"]
        )
