"""Dead-letter payloads keep their structure but never the personal data in free text."""

from __future__ import annotations

from carerouter.common.streams import masked_payload
from carerouter.v1 import events_pb2

CARD = "4539 1488 0343 6467"
EMAIL = "ana.lopez@example.com"


class TestMaskedPayload:
    def test_text_fields_of_nested_messages_are_masked(self) -> None:
        """A decodable ClassifiedEvent keeps its ids; the event text loses card and e-mail."""
        item = events_pb2.ClassifiedEvent(
            event=events_pb2.SocialEvent(
                event_id="x:123", conversation_key="x:9", text=f"card {CARD} mail {EMAIL}"
            )
        )
        masked = events_pb2.ClassifiedEvent.FromString(
            masked_payload(item.SerializeToString(), events_pb2.ClassifiedEvent)
        )
        assert masked.event.event_id == "x:123" and masked.event.conversation_key == "x:9"
        assert CARD not in masked.event.text and EMAIL not in masked.event.text
        assert "[email]" in masked.event.text

    def test_undecodable_bytes_are_kept_as_masked_text(self) -> None:
        """Bytes that are no protobuf message are stored as masked UTF-8 text."""
        raw = f"\xff not a message {CARD}".encode()
        masked = masked_payload(raw, events_pb2.SocialEvent)
        assert CARD.encode() not in masked and b"not a message" in masked

    def test_unknown_topic_payload_is_masked_as_text(self) -> None:
        """Without a known message type the payload is masked as text."""
        assert EMAIL.encode() not in masked_payload(EMAIL.encode(), None)
