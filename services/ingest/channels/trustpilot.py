"""Trustpilot service-review webhooks: ``{"events": [{"eventName", "eventData"}]}``.

Trustpilot signs nothing (see :func:`verify_trustpilot_token`). A review is its own thread;
the text is the title, a blank line, and the body.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

from carerouter.ingest.channels import _time
from carerouter.ingest.channels._build import finish, make_event
from carerouter.ingest.channels._json import Node, opt_text, parse_json
from carerouter.ingest.channels.model import BrandConfig, Delivery, Operation
from carerouter.ingest.schema import PlatformName

PLATFORM: Final[PlatformName] = "trustpilot"
OPERATIONS: dict[str, Operation] = {
    "service-review-created": "create",
    "service-review-updated": "edit",
    "service-review-deleted": "delete",
}


def normalize(raw: bytes, *, brand: BrandConfig, received_at: datetime | None = None) -> Delivery:
    """One webhook POST body to events. A deletion carries only the review id: its
    ``created_at`` is ``received_at`` (default: now), its author unknown."""
    root = parse_json(raw)
    delivery = Delivery(PLATFORM)
    events = list(root.req("events").items()) if not root.has("eventName") else [root]
    for event in events:
        name = event.req("eventName").string()
        operation = OPERATIONS.get(name)
        if operation is None:  # product reviews, future event types
            delivery.drop(name)
            continue
        _review(event.req("eventData"), operation, brand, delivery, received_at)
    return finish(delivery)


def _review(
    data: Node,
    operation: Operation,
    brand: BrandConfig,
    delivery: Delivery,
    received_at: datetime | None,
) -> None:
    review_id = data.req("id").ident()
    consumer = data.opt("consumer")
    consumer_id = consumer.opt("id") if consumer is not None else None
    title, body = opt_text(data, "title").strip(), opt_text(data, "text").strip()
    text = "\n\n".join(part for part in (title, body) if part)
    stars = data.opt("stars")
    stamp = data.first("updatedAt", "createdAt") if operation == "edit" else data.opt("createdAt")
    if stamp is not None:
        created_at = _time.any_time(stamp)
    elif operation == "delete":
        created_at = received_at or datetime.now(UTC)
    else:
        created_at = _time.any_time(data.req("createdAt"))
    if operation == "delete":
        text = ""
    elif not text:
        delivery.drop("review.empty")
        return
    delivery.events.append(
        make_event(
            data.path,
            platform=PLATFORM,
            kind="review",
            message_id=review_id,
            author_id=consumer_id.ident() if consumer_id is not None else None,
            name=opt_text(consumer, "name") if consumer is not None else "",
            brand_handle=brand.handle_for(PLATFORM),
            operation=operation,
            text=text,
            lang=opt_text(data, "language") or None,
            created_at=created_at,
            rating=stars.integer() if stars is not None and operation != "delete" else None,
        )
    )
