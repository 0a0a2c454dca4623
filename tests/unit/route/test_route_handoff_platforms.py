"""How the private conversation opens depends on what the platform allows."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from carerouter.route.cases import is_handoff, on_message
from carerouter.route.facts import facts_of
from carerouter.route.policy import load_policy
from carerouter.v1 import events_pb2 as pb

POLICY = load_policy()
TEXT = "charged twice, my card is 4539 1488 0343 6467"
CARD = (TEXT.index("4539"), len(TEXT))


def sensitive_post(platform: int, kind: int) -> pb.ClassifiedEvent:
    at = Timestamp()
    at.FromDatetime(datetime(2026, 11, 23, 10, tzinfo=UTC))
    return pb.ClassifiedEvent(
        event=pb.SocialEvent(
            event_id="p:1",
            platform=platform,  # type: ignore[arg-type]
            kind=kind,  # type: ignore[arg-type]
            surface=pb.SURFACE_PUBLIC,
            direction=pb.DIRECTION_INBOUND,
            message_id="m1",
            thread_id="t1",
            conversation_key="p:t1",
            author=pb.Author(id="u1", name="Ana Lima"),
            text=TEXT,
            created_at=at,
        ),
        classification=pb.Classification(
            event_id="p:1",
            intent=pb.INTENT_ORDER,
            sensitive=True,
            pii=[pb.PiiSpan(type="card", start=CARD[0], end=CARD[1])],
            lang="en",
            masked_text="charged twice, my card is [card]",
            confidence=0.9,
        ),
    )


class TestHandoffPerPlatform:
    @pytest.mark.parametrize(
        ("platform", "kind", "private"),
        [
            (pb.PLATFORM_X, pb.KIND_MENTION, "recipient"),
            (pb.PLATFORM_FACEBOOK, pb.KIND_COMMENT, "reply_to"),
            (pb.PLATFORM_INSTAGRAM, pb.KIND_COMMENT, "reply_to"),
            (pb.PLATFORM_TRUSTPILOT, pb.KIND_REVIEW, None),
            (pb.PLATFORM_GOOGLE_REVIEWS, pb.KIND_REVIEW, None),
            (pb.PLATFORM_YOUTUBE, pb.KIND_COMMENT, None),
        ],
    )
    def test_private_opening_only_where_possible(
        self, platform: int, kind: int, private: str | None
    ) -> None:
        """X opens a DM by user id, Meta a private reply to the comment; review sites and
        YouTube get the public acknowledgement only."""
        item = sensitive_post(platform, kind)
        outcome = on_message(None, item, POLICY.decide(facts_of(item)), POLICY, datetime.now(UTC))
        (action,) = outcome.outbound
        assert is_handoff(action)
        kinds = [m.kind for m in action.messages]
        assert kinds[0] == pb.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT
        if private is None:
            assert kinds == [pb.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT]
            return
        opening = action.messages[1]
        assert opening.kind == pb.OUTBOUND_KIND_PRIVATE_MESSAGE
        if private == "recipient":
            assert (opening.recipient_author_id, opening.reply_to_message_id) == ("u1", "")
        else:
            assert (opening.recipient_author_id, opening.reply_to_message_id) == ("", "m1")
