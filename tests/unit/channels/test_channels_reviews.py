"""Trustpilot and Google Business Profile review deliveries."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from channels_support import BRAND, RECEIVED, instant, sample_json

from carerouter.ingest.channels import DeliveryError, google, trustpilot


class TestTrustpilot:
    def test_updated_review_is_an_edit(self) -> None:
        """service-review-updated is an edit, dated by updatedAt, with the new stars."""
        doc = sample_json("reviews/trustpilot_service_review_created.json")
        event = doc["events"][0]
        event["eventName"] = "service-review-updated"
        event["eventData"].update(
            stars=3, updatedAt="2026-03-15T08:00:00Z", title="", text="Refund came"
        )
        (out,) = trustpilot.normalize(json.dumps(doc).encode(), brand=BRAND).events
        assert (out.operation, out.rating, out.text) == ("edit", 3, "Refund came")
        assert out.created_at == instant("2026-03-15T08:00:00Z")

    def test_deleted_review_uses_received_at(self) -> None:
        """A deletion carries only the id: dated by received_at, no text."""
        raw = json.dumps(
            {"events": [{"eventName": "service-review-deleted", "eventData": {"id": "r1"}}]}
        )
        (out,) = trustpilot.normalize(raw.encode(), brand=BRAND, received_at=RECEIVED).events
        assert (out.operation, out.created_at, out.text) == ("delete", RECEIVED, "")

    def test_other_events_are_dropped(self) -> None:
        """Unknown event names are counted, not emitted."""
        raw = json.dumps({"events": [{"eventName": "product-review-created", "eventData": {}}]})
        assert trustpilot.normalize(raw.encode(), brand=BRAND).dropped == {
            "product-review-created": 1
        }

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            (
                {"id": "r1", "stars": 9, "text": "x", "createdAt": "2026-03-14T09:34:44Z"},
                "events[0].eventData",
            ),
            (
                {"stars": 1, "text": "x", "createdAt": "2026-03-14T09:34:44Z"},
                "events[0].eventData.id",
            ),
            ({"id": "r1", "text": "x"}, "events[0].eventData.createdAt"),
        ],
    )
    def test_invalid(self, data: dict[str, Any], field: str) -> None:
        """Out-of-range stars, a missing id or time name where the problem is."""
        raw = json.dumps({"events": [{"eventName": "service-review-created", "eventData": data}]})
        with pytest.raises(DeliveryError) as info:
            trustpilot.normalize(raw.encode(), brand=BRAND)
        assert info.value.field == field


def push(notification: dict[str, Any], **message: Any) -> bytes:
    data = base64.b64encode(json.dumps(notification).encode()).decode()
    return json.dumps(
        {
            "message": {
                "data": data,
                "messageId": "1",
                "publishTime": "2026-03-14T10:20:31.512Z",
                **message,
            },
            "subscription": "projects/p/subscriptions/s",
        }
    ).encode()


REVIEW = "accounts/1/locations/2/reviews/R1"


class TestGoogle:
    @pytest.mark.parametrize(
        "notification",
        [
            {"type": "NEW_REVIEW", "review": REVIEW, "location": "accounts/1/locations/2"},
            {"notificationType": "NEW_REVIEW", "reviewName": REVIEW},
            {"notification_type": "NEW_REVIEW", "review_name": REVIEW, "location_name": "x"},
            {"notificationType": "UPDATED_REVIEW", "reviewResourceName": REVIEW},
        ],
    )
    def test_notification_key_variants(self, notification: dict[str, Any]) -> None:
        """Every documented and observed key spelling of the notification is read."""
        (fetch,) = google.normalize(push(notification), brand=BRAND).pending
        assert (fetch.resource, fetch.message_id) == (REVIEW, "R1")
        assert fetch.operation == ("edit" if "UPDATED" in json.dumps(notification) else "create")

    def test_other_notification_types_are_dropped(self) -> None:
        """Questions, answers and media notifications are counted by type."""
        delivery = google.normalize(push({"type": "NEW_QUESTION", "question": "q"}), brand=BRAND)
        assert (delivery.pending, delivery.dropped) == ([], {"NEW_QUESTION": 1})

    def test_bad_base64_and_bad_json_name_message_data(self) -> None:
        """Broken base64 or JSON inside message.data names message.data."""
        for raw in (
            json.dumps({"message": {"data": "!!!"}}).encode(),
            json.dumps({"message": {"data": base64.b64encode(b"not json").decode()}}).encode(),
        ):
            with pytest.raises(DeliveryError) as info:
                google.normalize(raw, brand=BRAND)
            assert info.value.field.startswith("message.data")

    def test_review_with_reply_translation_and_edit(self) -> None:
        """An updated review is an edit in the original language; the business reply is outbound."""
        review = sample_json("reviews/gbp_review_resource.json")
        review.update(
            updateTime="2026-03-15T09:00:00Z",
            comment="(Translated by Google) The zip broke\n\n(Original)\nDer Reißverschluss ist kaputt",
            reviewReply={"comment": "Sorry! Please DM us.", "updateTime": "2026-03-15T10:00:00Z"},
        )
        review["reviewer"]["isAnonymous"] = True
        events = google.normalize(json.dumps({"reviews": [review]}).encode(), brand=BRAND).events
        assert [(e.kind, e.operation, e.direction) for e in events] == [
            ("review", "edit", "inbound"),
            ("reply", "create", "outbound"),
        ]
        assert events[0].text == "Der Reißverschluss ist kaputt"
        assert events[0].author.name == ""
        assert events[1].parent_id == review["reviewId"]

    def test_rating_only_review_is_dropped(self) -> None:
        """A star rating without a comment is counted, not emitted."""
        review = sample_json("reviews/gbp_review_resource.json")
        del review["comment"]
        delivery = google.normalize(json.dumps(review).encode(), brand=BRAND)
        assert (delivery.events, delivery.dropped) == ([], {"review.rating_only": 1})
