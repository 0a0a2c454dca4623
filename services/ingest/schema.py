"""The input contract of ingest, validated with pydantic, and its mapping to SocialEvent.

One model validates both the JSON of ``POST /v1/events`` and the SocialEvent of
``IngestService.Publish`` (converted to a dict first), so both paths accept and reject
exactly the same events.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from carerouter.v1 import events_pb2

PlatformName = Literal["x", "facebook", "instagram", "youtube", "trustpilot", "google_reviews"]
KindName = Literal["post", "mention", "comment", "reply", "dm", "review"]
Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=256)]

PLATFORMS: dict[str, int] = {
    "x": events_pb2.PLATFORM_X,
    "facebook": events_pb2.PLATFORM_FACEBOOK,
    "instagram": events_pb2.PLATFORM_INSTAGRAM,
    "youtube": events_pb2.PLATFORM_YOUTUBE,
    "trustpilot": events_pb2.PLATFORM_TRUSTPILOT,
    "google_reviews": events_pb2.PLATFORM_GOOGLE_REVIEWS,
}
KINDS: dict[str, int] = {
    "post": events_pb2.KIND_POST,
    "mention": events_pb2.KIND_MENTION,
    "comment": events_pb2.KIND_COMMENT,
    "reply": events_pb2.KIND_REPLY,
    "dm": events_pb2.KIND_DM,
    "review": events_pb2.KIND_REVIEW,
}
OPERATIONS: dict[str, int] = {
    "create": events_pb2.OPERATION_CREATE,
    "edit": events_pb2.OPERATION_EDIT,
    "delete": events_pb2.OPERATION_DELETE,
}
OPERATION_NAMES = {v: k for k, v in OPERATIONS.items()}
PLATFORM_NAMES = {v: k for k, v in PLATFORMS.items()}
KIND_NAMES = {v: k for k, v in KINDS.items()}
MAX_TEXT_CHARS = 20_000


class AuthorIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id
    handle: str = ""
    name: str = ""
    followers_count: int = Field(0, ge=0, le=2**63 - 1)
    verified: bool = False


class EventIn(BaseModel):
    """One social event as a channel adapter or a client sends it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform: PlatformName
    kind: KindName
    message_id: Id
    thread_id: Id | None = Field(None, description="Conversation root; defaults to message_id.")
    parent_id: str | None = None
    author: AuthorIn
    brand_handle: str = ""
    operation: Literal["create", "edit", "delete"] = "create"
    text: str = Field("", max_length=MAX_TEXT_CHARS, validate_default=True)
    lang: str | None = Field(None, max_length=16)
    created_at: datetime
    direction: Literal["inbound", "outbound"] = "inbound"
    rating: int | None = Field(None, ge=1, le=5)
    attachments: list[str] = Field(default_factory=list, max_length=50)

    @field_validator("text")
    @classmethod
    def _text_unless_deleted(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("operation") != "delete" and not value.strip():
            raise ValueError("must contain text (only a delete may have none)")
        return value

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError(
                "must include a time zone offset (RFC 3339), e.g. 2026-11-23T10:15:00Z"
            )
        try:
            return value.astimezone(UTC)
        except OverflowError as exc:
            raise ValueError("is outside the representable range of timestamps") from exc

    @property
    def event_id(self) -> str:
        # An edit or a deletion is a new event about the same message: it must not be
        # dropped as a duplicate of the message itself (nor of an earlier edit).
        if self.operation == "create":
            return f"{self.platform}:{self.message_id}"
        stamp = int(self.created_at.timestamp())
        return f"{self.platform}:{self.message_id}:{self.operation}@{stamp}"

    @property
    def conversation_key(self) -> str:
        return f"{self.platform}:{self.thread_id or self.message_id}"

    def to_proto(self, received_at: datetime) -> events_pb2.SocialEvent:
        event = events_pb2.SocialEvent(
            event_id=self.event_id,
            platform=PLATFORMS[self.platform],  # type: ignore[arg-type]
            kind=KINDS[self.kind],  # type: ignore[arg-type]
            surface=events_pb2.SURFACE_PRIVATE if self.kind == "dm" else events_pb2.SURFACE_PUBLIC,
            direction=(
                events_pb2.DIRECTION_OUTBOUND
                if self.direction == "outbound"
                else events_pb2.DIRECTION_INBOUND
            ),
            message_id=self.message_id,
            thread_id=self.thread_id or self.message_id,
            parent_id=self.parent_id or "",
            author=events_pb2.Author(
                id=self.author.id,
                handle=self.author.handle,
                name=self.author.name,
                followers_count=self.author.followers_count,
                verified=self.author.verified,
            ),
            brand_handle=self.brand_handle,
            text=self.text,
            lang_hint=self.lang or "",
            rating=self.rating or 0,
            attachments=self.attachments,
            conversation_key=self.conversation_key,
            operation=OPERATIONS[self.operation],  # type: ignore[arg-type]
        )
        event.created_at.FromDatetime(self.created_at)
        event.received_at.FromDatetime(received_at)
        return event


def proto_to_input(event: events_pb2.SocialEvent) -> dict[str, object]:
    """The dict EventIn validates for a SocialEvent sent over gRPC (derived fields ignored)."""
    data: dict[str, object] = {
        "platform": PLATFORM_NAMES.get(event.platform, f"unknown({event.platform})"),
        "kind": KIND_NAMES.get(event.kind, f"unknown({event.kind})"),
        "message_id": event.message_id,
        "thread_id": event.thread_id or None,
        "parent_id": event.parent_id or None,
        "author": {
            "id": event.author.id,
            "handle": event.author.handle,
            "name": event.author.name,
            "followers_count": event.author.followers_count,
            "verified": event.author.verified,
        },
        "brand_handle": event.brand_handle,
        "text": event.text,
        "lang": event.lang_hint or None,
        "direction": "outbound" if event.direction == events_pb2.DIRECTION_OUTBOUND else "inbound",
        "rating": event.rating or None,
        "attachments": list(event.attachments),
        "operation": OPERATION_NAMES.get(event.operation, "create"),
    }
    if event.HasField("created_at"):
        data["created_at"] = event.created_at.ToDatetime(tzinfo=UTC)
    return data
