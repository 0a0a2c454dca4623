"""Building EventIn safely: platform values that break the input contract become
DeliveryErrors naming where they came from, never pydantic's ValidationError."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from pydantic import ValidationError

from carerouter.ingest.channels.errors import DeliveryError
from carerouter.ingest.channels.model import Delivery, Operation
from carerouter.ingest.schema import MAX_TEXT_CHARS, AuthorIn, EventIn, KindName, PlatformName

MAX_ATTACHMENTS = 50
MAX_LANG_CHARS = 16
# The author id of an event whose platform sends no author (a Trustpilot deletion, a Google
# review: Google exposes no reviewer id). Printed as null by the CLI.
UNKNOWN_AUTHOR = "unknown"


def text_or_attachments(text: str, labels: Sequence[str]) -> str:
    """The text, or for a message made only of attachments a short stand-in such as
    ``[image] [fallback: Order A-10442]`` (EventIn needs text on every create and edit)."""
    if text.strip() or not labels:
        return text
    return " ".join(f"[{label}]" for label in labels)


def clean_lang(lang: str | None) -> str | None:
    if lang is None:
        return None
    lang = lang.strip()
    if not lang or lang.lower() == "und" or len(lang) > MAX_LANG_CHARS:
        return None
    return lang


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        cleaned = value.strip()
        if cleaned and len(cleaned) <= 4096:
            seen.setdefault(cleaned, None)
    return list(seen)[:MAX_ATTACHMENTS]


def make_event(
    where: str,
    *,
    platform: PlatformName,
    kind: KindName,
    message_id: str,
    author_id: str | None,
    created_at: datetime,
    text: str = "",
    thread_id: str | None = None,
    parent_id: str | None = None,
    handle: str = "",
    name: str = "",
    followers_count: int | None = None,
    verified: bool | None = None,
    brand_handle: str = "",
    operation: Operation = "create",
    lang: str | None = None,
    direction: str = "inbound",
    rating: int | None = None,
    attachments: Iterable[str] = (),
) -> EventIn:
    """An EventIn; ``where`` is the JSON path of the platform object it comes from."""
    if operation != "delete" and not text.strip():
        raise DeliveryError(where, "message has neither text nor attachments")
    try:
        author = AuthorIn(
            id=author_id or UNKNOWN_AUTHOR,
            handle=handle.strip(),
            name=name.strip(),
            followers_count=followers_count or 0,
            verified=bool(verified),
        )
        return EventIn(
            platform=platform,
            kind=kind,
            message_id=message_id,
            thread_id=thread_id or message_id,
            parent_id=parent_id or None,
            author=author,
            brand_handle=brand_handle,
            operation=operation,
            # Platforms allow longer texts than the contract (X Premium: 25,000 characters);
            # the start of a message is what routing needs.
            text=text[:MAX_TEXT_CHARS],
            lang=clean_lang(lang),
            created_at=created_at,
            direction="outbound" if direction == "outbound" else "inbound",
            rating=rating,
            attachments=_unique(attachments),
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "event"
        raise DeliveryError(where, f"{field}: {first['msg']}") from None


def finish(delivery: Delivery) -> Delivery:
    """Each event once (Meta may repeat one in a batch), in the order they happened."""
    seen: set[tuple[str, str, str]] = set()
    unique: list[EventIn] = []
    for event in delivery.events:
        key = (event.message_id, event.operation, event.text)
        if key not in seen:
            seen.add(key)
            unique.append(event)
    unique.sort(key=lambda event: event.created_at)
    delivery.events = unique
    return delivery
