"""RecordingSender: one JSON line per delivery, never the same delivery id twice, also
across a restart; and how OutboundActions become deliveries."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from carerouter.notify.outbound import (
    OutboundDelivery,
    RecordingSender,
    SendResult,
    deliveries,
    send_action,
)
from carerouter.v1 import events_pb2 as pb

AT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def handoff_action(action_id: str = "case-9/handoff") -> pb.OutboundAction:
    return pb.OutboundAction(
        action_id=action_id,
        case_id="case-9",
        platform=pb.PLATFORM_FACEBOOK,
        conversation_key="facebook:1000001_2000001",
        messages=[
            pb.OutboundMessage(
                kind=pb.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT,
                surface=pb.SURFACE_PUBLIC,
                reply_to_message_id="1000001_2000001_3000001",
                text="Hi Ana, we'll help you in private ^RP",
                lang="en",
            ),
            pb.OutboundMessage(
                kind=pb.OUTBOUND_KIND_PRIVATE_MESSAGE,
                recipient_author_id="6100001",
                text="Hola Ana, cuéntanos tu número de pedido",
                lang="es",
            ),
        ],
    )


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


class TestDeliveries:
    """OutboundAction -> OutboundDelivery."""

    def test_each_message_gets_a_stable_delivery_id_and_its_fields(self) -> None:
        """delivery_id = action_id/index; platform by name; unspecified surface follows
        the kind."""
        first, second = deliveries(handoff_action())
        assert (first.delivery_id, second.delivery_id) == ("case-9/handoff/0", "case-9/handoff/1")
        assert first.platform == second.platform == "facebook"
        assert first.kind == "public_acknowledgement" and first.surface == "public"
        assert second.kind == "private_message" and second.surface == "private"
        assert second.recipient_author_id == "6100001" and second.lang == "es"
        assert first.case_id == "case-9" and first.conversation_key.startswith("facebook:")
        assert deliveries(handoff_action()) == [first, second]

    def test_an_action_without_id_is_refused(self) -> None:
        """No action_id: no stable delivery ids, so no deliveries."""
        with pytest.raises(ValueError, match="action_id"):
            deliveries(handoff_action(action_id=""))

    async def test_send_action_dead_letters_what_has_no_sender(self) -> None:
        """A platform without a sender gives dead_lettered results, not an exception."""
        results = await send_action(handoff_action(), {})
        assert [r.status for r in results] == ["dead_lettered", "dead_lettered"]
        assert "no sender for platform facebook" in results[0].reason
        results = await send_action(handoff_action(action_id=""), {})
        assert [r.reason for r in results] == ["action without action_id"] * 2


class TestRecordingSender:
    """What the recording sender writes, and what it refuses to write twice."""

    async def test_writes_one_json_line_with_what_would_be_sent(self, tmp_path: Path) -> None:
        """Every field the demo needs, in UTF-8."""
        path = tmp_path / "out" / "outbound.jsonl"
        recorder = RecordingSender(path, now=lambda: AT)
        results = await send_action(handoff_action(), {"facebook": recorder})
        assert [r.status for r in results] == ["sent", "sent"]
        assert results[0] == SendResult("case-9/handoff/0", "sent", None, 1, "recorded")
        public, private = lines(path)
        assert public == {
            "delivery_id": "case-9/handoff/0",
            "action_id": "case-9/handoff",
            "case_id": "case-9",
            "conversation_key": "facebook:1000001_2000001",
            "platform": "facebook",
            "kind": "public_acknowledgement",
            "surface": "public",
            "reply_to": "1000001_2000001_3000001",
            "recipient": None,
            "text": "Hi Ana, we'll help you in private ^RP",
            "lang": "en",
            "at": "2026-11-23T09:30:00Z",
        }
        assert private["recipient"] == "6100001" and private["reply_to"] is None
        assert "cuéntanos" in path.read_text(encoding="utf-8")

    async def test_the_same_delivery_is_written_once(self, tmp_path: Path) -> None:
        """A repeated action answers duplicate and adds nothing."""
        path = tmp_path / "outbound.jsonl"
        recorder = RecordingSender(path)
        await send_action(handoff_action(), {"facebook": recorder})
        again = await send_action(handoff_action(), {"facebook": recorder})
        assert [r.status for r in again] == ["duplicate", "duplicate"]
        assert all(r.attempts == 0 for r in again)
        assert len(lines(path)) == 2

    async def test_no_duplicate_across_a_restart(self, tmp_path: Path) -> None:
        """A new sender on the same file knows what the old one wrote."""
        path = tmp_path / "outbound.jsonl"
        await send_action(handoff_action(), {"facebook": RecordingSender(path)})
        restarted = RecordingSender(path)
        assert restarted.recorded == {"case-9/handoff/0", "case-9/handoff/1"}
        again = await send_action(handoff_action(), {"facebook": restarted})
        assert [r.status for r in again] == ["duplicate", "duplicate"]
        fresh = await send_action(handoff_action("case-9/auto-ack"), {"facebook": restarted})
        assert [r.status for r in fresh] == ["sent", "sent"]
        assert len(lines(path)) == 4

    async def test_a_line_cut_short_by_a_crash_is_skipped_and_not_glued_to(
        self, tmp_path: Path
    ) -> None:
        """A partial last line does not stop the start, and the next record starts on a
        line of its own."""
        path = tmp_path / "outbound.jsonl"
        await send_action(handoff_action(), {"facebook": RecordingSender(path)})
        with path.open("a", encoding="utf-8") as out:
            out.write('{"delivery_id": "case-1/x/0", "te')
        restarted = RecordingSender(path)
        assert restarted.skipped_lines == 1
        assert "case-1/x/0" not in restarted.recorded
        [one] = deliveries(handoff_action("case-2/auto-ack"))[:1]
        assert (await restarted.send(one)).status == "sent"
        raw = path.read_text(encoding="utf-8").splitlines()
        assert json.loads(raw[-1])["delivery_id"] == "case-2/auto-ack/0"
        assert len(raw) == 4

    async def test_concurrent_sends_of_one_delivery_write_one_line(self, tmp_path: Path) -> None:
        """Ten concurrent sends of the same delivery: one sent, nine duplicates."""
        path = tmp_path / "outbound.jsonl"
        recorder = RecordingSender(path)
        message: OutboundDelivery = deliveries(handoff_action())[0]
        results = await asyncio.gather(*(recorder.send(message) for _ in range(10)))
        assert sorted(r.status for r in results) == ["duplicate"] * 9 + ["sent"]
        assert len(lines(path)) == 1
