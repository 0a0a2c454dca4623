"""The ingest input contract: ``EventIn`` validation and its mapping to ``SocialEvent``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from carerouter.ingest.schema import MAX_TEXT_CHARS, EventIn, proto_to_input
from carerouter.v1 import events_pb2

RECEIVED = datetime(2026, 11, 23, 10, 16, 30, tzinfo=UTC)


def raw_event(**overrides: Any) -> dict[str, Any]:
    """A valid JSON-like event; keyword arguments replace (or, with None, drop) fields."""
    data: dict[str, Any] = {
        "platform": "x",
        "kind": "mention",
        "message_id": "1790000000000000001",
        "author": {"id": "u-1", "handle": "@ana", "name": "Ana Lima", "followers_count": 12},
        "brand_handle": "@acme",
        "text": "My order never arrived",
        "created_at": "2026-11-23T10:15:00Z",
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def error_fields(exc: ValidationError) -> set[str]:
    return {".".join(str(part) for part in error["loc"]) for error in exc.errors()}


class TestRequiredFields:
    @pytest.mark.parametrize(
        "missing", ["platform", "kind", "message_id", "author", "text", "created_at"]
    )
    def test_missing_required_field_is_rejected(self, missing: str) -> None:
        """Each required field, when absent, is reported by name."""
        data = raw_event()
        del data[missing]
        with pytest.raises(ValidationError) as info:
            EventIn.model_validate(data)
        assert missing in error_fields(info.value)

    def test_missing_author_id_is_rejected(self) -> None:
        """The author must carry an id."""
        with pytest.raises(ValidationError) as info:
            EventIn.model_validate(raw_event(author={"handle": "@ana"}))
        assert "author.id" in error_fields(info.value)

    def test_minimal_valid_event_gets_defaults(self) -> None:
        """Optional fields default to inbound, no thread, no rating, no attachments."""
        event = EventIn.model_validate(raw_event())
        assert event.direction == "inbound"
        assert event.thread_id is None
        assert event.parent_id is None
        assert event.rating is None
        assert event.attachments == []
        assert event.lang is None


class TestFieldValidation:
    def test_naive_datetime_is_rejected(self) -> None:
        """A created_at without a time zone offset is refused with an RFC 3339 hint."""
        with pytest.raises(ValidationError) as info:
            EventIn.model_validate(raw_event(created_at="2026-11-23T10:15:00"))
        assert "created_at" in error_fields(info.value)
        assert "time zone" in str(info.value)

    def test_naive_python_datetime_is_rejected(self) -> None:
        """A naive datetime object is refused too, not only naive strings."""
        with pytest.raises(ValidationError):
            EventIn.model_validate(raw_event(created_at=datetime(2026, 11, 23, 10, 15)))

    def test_offset_datetime_is_normalised_to_utc(self) -> None:
        """An aware created_at is converted to UTC, keeping the same instant."""
        event = EventIn.model_validate(raw_event(created_at="2026-11-23T12:15:00+02:00"))
        assert event.created_at == datetime(2026, 11, 23, 10, 15, tzinfo=UTC)
        assert event.created_at.utcoffset() == timedelta(0)

    @pytest.mark.parametrize("text", ["", "   ", "\n\t "])
    def test_blank_text_is_rejected(self, text: str) -> None:
        """Empty or whitespace-only text is refused."""
        with pytest.raises(ValidationError) as info:
            EventIn.model_validate(raw_event(text=text))
        assert "text" in error_fields(info.value)

    def test_text_longer_than_limit_is_rejected(self) -> None:
        """Text above MAX_TEXT_CHARS is refused; exactly the limit is accepted."""
        EventIn.model_validate(raw_event(text="a" * MAX_TEXT_CHARS))
        with pytest.raises(ValidationError):
            EventIn.model_validate(raw_event(text="a" * (MAX_TEXT_CHARS + 1)))

    @pytest.mark.parametrize("field,value", [("platform", "myspace"), ("kind", "story")])
    def test_unknown_platform_or_kind_is_rejected(self, field: str, value: str) -> None:
        """Only the enumerated platforms and kinds are accepted."""
        with pytest.raises(ValidationError) as info:
            EventIn.model_validate(raw_event(**{field: value}))
        assert field in error_fields(info.value)

    def test_extra_field_is_rejected(self) -> None:
        """Unknown top-level fields are refused rather than silently dropped."""
        with pytest.raises(ValidationError) as info:
            EventIn.model_validate(raw_event(sentiment="angry"))
        assert "sentiment" in error_fields(info.value)

    def test_extra_author_field_is_rejected(self) -> None:
        """Unknown author fields are refused too."""
        author = {"id": "u-1", "email": "ana@example.com"}
        with pytest.raises(ValidationError) as info:
            EventIn.model_validate(raw_event(author=author))
        assert "author.email" in error_fields(info.value)

    @pytest.mark.parametrize("message_id", ["", "   "])
    def test_blank_message_id_is_rejected(self, message_id: str) -> None:
        """message_id is stripped and must not be empty."""
        with pytest.raises(ValidationError):
            EventIn.model_validate(raw_event(message_id=message_id))

    def test_message_id_is_stripped(self) -> None:
        """Surrounding whitespace of ids is removed."""
        assert EventIn.model_validate(raw_event(message_id="  m1  ")).message_id == "m1"

    @pytest.mark.parametrize("rating", [0, 6])
    def test_rating_out_of_range_is_rejected(self, rating: int) -> None:
        """Ratings are 1..5."""
        with pytest.raises(ValidationError):
            EventIn.model_validate(raw_event(kind="review", rating=rating))

    def test_negative_follower_count_is_rejected(self) -> None:
        """followers_count cannot be negative."""
        with pytest.raises(ValidationError):
            EventIn.model_validate(raw_event(author={"id": "u", "followers_count": -1}))

    def test_unknown_direction_is_rejected(self) -> None:
        """direction is inbound or outbound."""
        with pytest.raises(ValidationError):
            EventIn.model_validate(raw_event(direction="sideways"))

    def test_event_is_frozen(self) -> None:
        """Validated events are immutable."""
        event = EventIn.model_validate(raw_event())
        with pytest.raises(ValidationError):
            event.text = "changed"  # type: ignore[misc]


class TestDerivedIds:
    def test_event_id_is_platform_and_message_id(self) -> None:
        """event_id is '<platform>:<message_id>'."""
        event = EventIn.model_validate(raw_event(platform="facebook", message_id="m-9"))
        assert event.event_id == "facebook:m-9"

    def test_conversation_key_defaults_to_message_id(self) -> None:
        """Without thread_id the message is its own conversation root."""
        event = EventIn.model_validate(raw_event(message_id="m-9"))
        assert event.conversation_key == "x:m-9"

    def test_conversation_key_uses_thread_id(self) -> None:
        """A reply's conversation key is its thread's root."""
        event = EventIn.model_validate(raw_event(message_id="m-9", thread_id="root-1"))
        assert event.conversation_key == "x:root-1"
        assert event.event_id == "x:m-9"


class TestToProto:
    def test_all_fields_are_mapped(self) -> None:
        """Every input field lands in the SocialEvent, with derived ids and timestamps."""
        event = EventIn.model_validate(
            raw_event(
                platform="instagram",
                kind="comment",
                message_id="c-2",
                thread_id="p-1",
                parent_id="p-1",
                lang="pt",
                rating=None,
                attachments=["https://img.example/1.jpg"],
                author={
                    "id": "u-7",
                    "handle": "@bea",
                    "name": "Bea",
                    "followers_count": 15000,
                    "verified": True,
                },
            )
        )
        proto = event.to_proto(RECEIVED)
        assert proto.event_id == "instagram:c-2"
        assert proto.conversation_key == "instagram:p-1"
        assert proto.platform == events_pb2.PLATFORM_INSTAGRAM
        assert proto.kind == events_pb2.KIND_COMMENT
        assert proto.surface == events_pb2.SURFACE_PUBLIC
        assert proto.direction == events_pb2.DIRECTION_INBOUND
        assert proto.message_id == "c-2"
        assert proto.thread_id == "p-1"
        assert proto.parent_id == "p-1"
        assert proto.author == events_pb2.Author(
            id="u-7", handle="@bea", name="Bea", followers_count=15000, verified=True
        )
        assert proto.brand_handle == "@acme"
        assert proto.text == "My order never arrived"
        assert proto.lang_hint == "pt"
        assert proto.rating == 0
        assert list(proto.attachments) == ["https://img.example/1.jpg"]
        assert proto.created_at.ToDatetime(tzinfo=UTC) == datetime(2026, 11, 23, 10, 15, tzinfo=UTC)
        assert proto.received_at.ToDatetime(tzinfo=UTC) == RECEIVED

    def test_thread_id_defaults_to_message_id(self) -> None:
        """Without a thread the proto's thread_id is the message id; parent empty."""
        proto = EventIn.model_validate(raw_event(message_id="m1")).to_proto(RECEIVED)
        assert proto.thread_id == "m1"
        assert proto.parent_id == ""
        assert proto.lang_hint == ""

    def test_dm_is_private_surface(self) -> None:
        """Direct messages are on the private surface."""
        proto = EventIn.model_validate(raw_event(kind="dm")).to_proto(RECEIVED)
        assert proto.surface == events_pb2.SURFACE_PRIVATE
        assert proto.kind == events_pb2.KIND_DM

    @pytest.mark.parametrize("kind", ["post", "mention", "comment", "reply", "review"])
    def test_other_kinds_are_public_surface(self, kind: str) -> None:
        """Every kind other than dm is public."""
        proto = EventIn.model_validate(raw_event(kind=kind)).to_proto(RECEIVED)
        assert proto.surface == events_pb2.SURFACE_PUBLIC

    def test_outbound_direction(self) -> None:
        """direction=outbound maps to DIRECTION_OUTBOUND."""
        proto = EventIn.model_validate(raw_event(direction="outbound")).to_proto(RECEIVED)
        assert proto.direction == events_pb2.DIRECTION_OUTBOUND

    def test_review_rating_is_kept(self) -> None:
        """A review's rating is carried over."""
        proto = EventIn.model_validate(
            raw_event(platform="trustpilot", kind="review", rating=2)
        ).to_proto(RECEIVED)
        assert proto.rating == 2
        assert proto.platform == events_pb2.PLATFORM_TRUSTPILOT
        assert proto.kind == events_pb2.KIND_REVIEW

    def test_offset_created_at_is_stored_as_the_same_instant(self) -> None:
        """A non-UTC offset is converted, not reinterpreted."""
        tz = timezone(timedelta(hours=-5))
        event = EventIn.model_validate(
            raw_event(created_at=datetime(2026, 11, 23, 5, 15, tzinfo=tz))
        )
        proto = event.to_proto(RECEIVED)
        assert proto.created_at.ToDatetime(tzinfo=UTC) == datetime(2026, 11, 23, 10, 15, tzinfo=UTC)


class TestProtoToInput:
    @pytest.mark.parametrize(
        "overrides",
        [
            {"thread_id": "root"},
            {"thread_id": "root", "kind": "dm", "direction": "outbound"},
            {"thread_id": "root", "parent_id": "root", "lang": "de"},
            {"thread_id": "r", "platform": "google_reviews", "kind": "review", "rating": 4},
            {"thread_id": "r", "platform": "youtube", "attachments": ["a", "b"]},
            {"thread_id": "r", "author": {"id": "u", "name": "Zoë", "verified": True}},
        ],
    )
    def test_round_trip_preserves_the_event(self, overrides: dict[str, Any]) -> None:
        """EventIn -> SocialEvent -> dict -> EventIn yields an equal event."""
        original = EventIn.model_validate(raw_event(**overrides))
        again = EventIn.model_validate(proto_to_input(original.to_proto(RECEIVED)))
        assert again == original

    def test_round_trip_without_thread_yields_the_same_social_event(self) -> None:
        """A root message comes back with thread_id = message_id: same ids, same proto."""
        original = EventIn.model_validate(raw_event(message_id="m1"))
        again = EventIn.model_validate(proto_to_input(original.to_proto(RECEIVED)))
        assert again.thread_id == "m1"
        assert again.conversation_key == original.conversation_key
        assert again.event_id == original.event_id
        assert again.to_proto(RECEIVED) == original.to_proto(RECEIVED)

    def test_unspecified_platform_and_kind_are_rejected(self) -> None:
        """A SocialEvent with unset enums maps to names EventIn refuses."""
        proto = EventIn.model_validate(raw_event()).to_proto(RECEIVED)
        proto.platform = events_pb2.PLATFORM_UNSPECIFIED
        proto.kind = events_pb2.KIND_UNSPECIFIED
        data = proto_to_input(proto)
        assert data["platform"] == "unknown(0)"
        assert data["kind"] == "unknown(0)"
        with pytest.raises(ValidationError) as info:
            EventIn.model_validate(data)
        assert {"platform", "kind"} <= error_fields(info.value)

    def test_missing_created_at_is_rejected(self) -> None:
        """A SocialEvent without created_at leaves the field out, so validation fails."""
        proto = EventIn.model_validate(raw_event()).to_proto(RECEIVED)
        proto.ClearField("created_at")
        data = proto_to_input(proto)
        assert "created_at" not in data
        with pytest.raises(ValidationError) as info:
            EventIn.model_validate(data)
        assert "created_at" in error_fields(info.value)

    def test_derived_fields_are_ignored(self) -> None:
        """event_id, conversation_key, surface and received_at of the proto are not inputs."""
        proto = EventIn.model_validate(raw_event()).to_proto(RECEIVED)
        proto.event_id = "forged"
        proto.conversation_key = "forged"
        data = proto_to_input(proto)
        assert "event_id" not in data
        assert "conversation_key" not in data
        assert EventIn.model_validate(data).event_id == "x:1790000000000000001"
