"""Google Business Profile reviews: Pub/Sub push notifications and review resources.

A notification (``{"message": {"data": <base64 JSON>, "messageId", "publishTime"}}``) names a
review without its content: it becomes a :class:`PendingFetch` of the review resource
(``GET https://mybusiness.googleapis.com/v4/{name}``). The fetched resource (or a
``reviews.list`` page) becomes the events: the review, and the business's reply as an outbound
event. Google exposes no reviewer id, so the author id is unknown (``UNKNOWN_AUTHOR``).
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Final

from carerouter.ingest.channels import _time
from carerouter.ingest.channels._build import finish, make_event
from carerouter.ingest.channels._json import Node, opt_ident, opt_text, parse_json
from carerouter.ingest.channels.model import BrandConfig, Delivery, Operation, PendingFetch
from carerouter.ingest.schema import PlatformName

PLATFORM: Final[PlatformName] = "google_reviews"
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
REVIEW_TYPES: dict[str, Operation] = {"NEW_REVIEW": "create", "UPDATED_REVIEW": "edit"}
# The notification's keys differ by source: v1 reference, v4 reference, captures, integrations.
TYPE_KEYS = ("type", "notificationType", "notification_type")
REVIEW_KEYS = ("review", "review_name", "reviewName", "reviewResourceName")
TRANSLATED = "(Translated by Google)"
ORIGINAL = "(Original)"


def normalize(raw: bytes, *, brand: BrandConfig, received_at: datetime | None = None) -> Delivery:
    """A Pub/Sub push body (a pending fetch), a review resource or a ``reviews.list`` page."""
    root = parse_json(raw)
    delivery = Delivery(PLATFORM)
    if root.has("message"):
        _notification(root.req("message"), delivery)
    elif root.has("reviews"):
        for review in root.req("reviews").items():
            _review(review, brand, delivery)
    else:
        _review(root, brand, delivery)
    return finish(delivery)


def _decode_data(message: Node) -> Node:
    data = message.req("data")
    text = data.string().strip()
    try:
        decoded = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        try:
            decoded = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            data.fail("not base64")
    return parse_json(decoded, data.path)


def _notification(message: Node, delivery: Delivery) -> None:
    body = _decode_data(message)
    attributes = message.opt("attributes")
    type_node = body.first(*TYPE_KEYS) or (
        attributes.first(*TYPE_KEYS) if attributes is not None else None
    )
    review = body.first(*REVIEW_KEYS)
    if type_node is None and review is None:
        body.fail("missing", "type")
    kind = type_node.string().strip() if type_node is not None else "NEW_REVIEW"
    operation = REVIEW_TYPES.get(kind)
    if operation is None:  # questions, answers, media, Google updates ...
        delivery.drop(kind)
        return
    if review is None:
        body.fail("missing", "review")
    name = review.string().strip()
    review_id = name.rstrip("/").rsplit("/", 1)[-1]
    if "/reviews/" not in name or not review_id:
        review.fail("expected a review name (accounts/…/locations/…/reviews/…)")
    published = message.first("publishTime", "publish_time")
    delivery.pending.append(
        PendingFetch(
            platform=PLATFORM,
            kind="review",
            resource=name,
            message_id=review_id,
            thread_id=review_id,
            operation=operation,
            notified_at=_time.any_time(published) if published is not None else None,
        )
    )


def original_text(comment: str) -> str:
    """The reviewer's own words of a comment Google machine-translated.

    Translated comments read ``(Translated by Google) <translation>\\n\\n(Original)\\n<text>``.
    """
    if ORIGINAL in comment:
        return comment.split(ORIGINAL, 1)[1].strip()
    if TRANSLATED in comment and not comment.lstrip().startswith(TRANSLATED):
        return comment.split(TRANSLATED, 1)[0].strip()
    return comment.strip()


def _rating(node: Node | None) -> int | None:
    if node is None:
        return None
    if isinstance(node.value, str) and not node.value.strip().isdigit():
        return STARS.get(node.value.strip().upper())  # STAR_RATING_UNSPECIFIED: no rating
    return node.integer()


def _review(review: Node, brand: BrandConfig, delivery: Delivery) -> None:
    name_node = review.opt("name")
    name = name_node.string().strip() if name_node is not None else ""
    review_id = opt_ident(review, "reviewId") or (
        name.rstrip("/").rsplit("/", 1)[-1] if "/reviews/" in name else None
    )
    if not review_id:
        review.fail("missing (and no review name)", "reviewId")
    reviewer = review.opt("reviewer")
    anonymous = reviewer.opt("isAnonymous") if reviewer is not None else None
    display = opt_text(reviewer, "displayName") if reviewer is not None else ""
    if anonymous is not None and anonymous.boolean():
        display = ""
    created = _time.any_time(review.req("createTime"))
    updated_node = review.opt("updateTime")
    updated = _time.any_time(updated_node) if updated_node is not None else created
    edited = updated > created
    text = original_text(opt_text(review, "comment"))
    if text:
        delivery.events.append(
            make_event(
                review.path,
                platform=PLATFORM,
                kind="review",
                message_id=review_id,
                author_id=None,
                name=display,
                brand_handle=brand.handle_for(PLATFORM),
                operation="edit" if edited else "create",
                text=text,
                created_at=updated if edited else created,
                rating=_rating(review.opt("starRating")),
            )
        )
    else:  # a star rating without words: nothing a person can answer in text
        delivery.drop("review.rating_only")
    reply = review.opt("reviewReply")
    reply_text = opt_text(reply, "comment").strip() if reply is not None else ""
    if reply is not None and reply_text:
        location = name.split("/reviews/", 1)[0] if "/reviews/" in name else None
        reply_time = reply.opt("updateTime")
        delivery.events.append(
            make_event(
                reply.path,
                platform=PLATFORM,
                kind="reply",
                message_id=f"{review_id}/reply",
                thread_id=review_id,
                parent_id=review_id,
                author_id=location,
                brand_handle=brand.handle_for(PLATFORM),
                text=reply_text,
                created_at=_time.any_time(reply_time) if reply_time is not None else updated,
                direction="outbound",
            )
        )
