"""Meta deliveries: batching, feed verbs and items, Messenger and Instagram messaging."""

from __future__ import annotations

import json
from typing import Any

import pytest
from channels_support import BRAND, sample_json

from carerouter.ingest.channels import BrandConfig, DeliveryError, meta

PAGE = "104857600012345"


def body(obj: str, *entries: dict[str, Any]) -> bytes:
    return json.dumps({"object": obj, "entry": list(entries)}, separators=(",", ":")).encode()


def feed(value: dict[str, Any], field: str = "feed") -> dict[str, Any]:
    return {"id": PAGE, "time": 1773480416, "changes": [{"field": field, "value": value}]}


def comment(comment_id: str, text: str = "hello", **extra: Any) -> dict[str, Any]:
    return {
        "from": {"id": "7001", "name": "Jamie"},
        "item": "comment",
        "verb": "add",
        "comment_id": comment_id,
        "post_id": f"{PAGE}_9876",
        "parent_id": f"{PAGE}_9876",
        "message": text,
        "created_time": 1773480413,
        **extra,
    }


def dm(mid: str, text: str = "hi", **message: Any) -> dict[str, Any]:
    return {
        "sender": {"id": "6543"},
        "recipient": {"id": PAGE},
        "timestamp": 1773480665123,
        "message": {"mid": mid, "text": text, **message},
    }


class TestBatching:
    def test_batched_delivery_yields_every_event_once(self) -> None:
        """Several entries, each with several changes or messages: one event each, in time
        order; a repeated item in the batch is emitted once."""
        entry1 = feed(comment("c1", created_time=1773480500))
        entry1["changes"].append({"field": "feed", "value": comment("c2", created_time=1773480400)})
        entry1["changes"].append(
            {"field": "feed", "value": {**comment("c3"), "item": "reaction", "verb": "add"}}
        )
        entry2 = {"id": PAGE, "time": 1773480665334, "messaging": [dm("m1"), dm("m2"), dm("m1")]}
        entry2["messaging"].append(
            {"sender": {"id": "6543"}, "recipient": {"id": PAGE}, "read": {"watermark": 1}}
        )
        delivery = meta.normalize(body("page", entry1, entry2, feed(comment("c4"))), brand=BRAND)
        ids = [event.message_id for event in delivery.events]
        assert sorted(ids) == ["c1", "c2", "c4", "m1", "m2"]
        assert len(ids) == len(set(ids))
        times = [event.created_at for event in delivery.events]
        assert times == sorted(times)
        assert delivery.dropped == {"reaction": 1, "read": 1}

    def test_entries_from_samples_combined(self) -> None:
        """The Messenger samples batched into one delivery give the same four events."""
        names = ["text", "attachments", "reply_to", "echo"]
        entries = [sample_json(f"meta/messenger_message_{n}.json")["entry"][0] for n in names]
        delivery = meta.normalize(body("page", *entries), brand=BrandConfig())
        assert len(delivery.events) == 4
        assert [e.direction for e in delivery.events].count("outbound") == 1


class TestFeed:
    def test_edit_and_remove(self) -> None:
        """verb edited is an edit with the new text; remove is a delete without text."""
        delivery = meta.normalize(
            body(
                "page",
                feed(comment("c1", "fixed text", verb="edited")),
                feed(comment("c1", verb="remove")),
            ),
            brand=BRAND,
        )
        assert [(e.operation, e.text) for e in delivery.events] == [
            ("edit", "fixed text"),
            ("delete", ""),
        ]

    def test_hide_and_unknown_items_are_dropped_by_type(self) -> None:
        """Moderation verbs, reactions, albums and other fields are counted, not emitted."""
        delivery = meta.normalize(
            body(
                "page",
                feed(comment("c1", verb="hide")),
                feed({**comment("c2"), "item": "like"}),
                feed({"item": "album", "verb": "add"}),
                feed({"anything": 1}, field="ratings"),
            ),
            brand=BRAND,
        )
        assert delivery.events == []
        assert delivery.dropped == {"comment.hide": 1, "like": 1, "album": 1, "ratings": 1}

    def test_legacy_sender_id_number(self) -> None:
        """Older deliveries: ``sender_id`` as a JSON number and ``sender_name``."""
        value = comment("c1")
        del value["from"]
        value.update(sender_id=7001002003004005, sender_name="Jamie Rivera")
        (event,) = meta.normalize(body("page", feed(value)), brand=BRAND).events
        assert (event.author.id, event.author.name) == ("7001002003004005", "Jamie Rivera")

    def test_photo_comment_without_text(self) -> None:
        """A photo-only comment keeps the photo URL and gets a stand-in text."""
        value = comment("c1", "", photo="https://scontent.example/p.jpg")
        (event,) = meta.normalize(body("page", feed(value)), brand=BRAND).events
        assert event.text == "[comment]"
        assert event.attachments == ["https://scontent.example/p.jpg"]

    def test_page_author_is_outbound_even_without_brand_config(self) -> None:
        """The Page (entry.id) authoring a comment is outbound without any configuration."""
        value = {**comment("c1"), "from": {"id": PAGE, "name": "Acme"}}
        (event,) = meta.normalize(body("page", feed(value)), brand=BrandConfig()).events
        assert event.direction == "outbound"

    def test_page_mention_with_and_without_text(self) -> None:
        """A Page mention with text is an event; one without text must be fetched."""
        with_text = {
            "item": "post",
            "verb": "add",
            "post_id": "55_66",
            "message": "Acme rocks",
            "created_time": 1773480413,
        }
        without = {
            "item": "comment",
            "verb": "add",
            "post_id": "55_66",
            "comment_id": "66_77",
            "created_time": 1773480413,
        }
        delivery = meta.normalize(
            body("page", feed(with_text, "mention"), feed(without, "mention")), brand=BRAND
        )
        (event,) = delivery.events
        assert (event.kind, event.author.id, event.text) == ("mention", "unknown", "Acme rocks")
        (fetch,) = delivery.pending
        assert (fetch.message_id, fetch.thread_id, fetch.parent_id) == ("66_77", "55_66", "55_66")


class TestMessaging:
    def test_messaging_kinds_are_dropped_and_counted(self) -> None:
        """Reads, deliveries, reactions and postbacks are counted by type."""
        base = {"sender": {"id": "6543"}, "recipient": {"id": PAGE}, "timestamp": 1773480665123}
        items = [
            {**base, "read": {"watermark": 1}},
            {**base, "delivery": {"mids": ["m"]}},
            {**base, "reaction": {"mid": "m", "action": "react", "reaction": "love"}},
            {**base, "postback": {"title": "Start", "payload": "GET_STARTED"}},
            {**base, "reaction": {"mid": "m2", "action": "unreact"}},
        ]
        delivery = meta.normalize(
            body("page", {"id": PAGE, "time": 1, "messaging": items}), brand=BRAND
        )
        assert delivery.events == []
        assert delivery.dropped == {"read": 1, "delivery": 1, "reaction": 2, "postback": 1}

    def test_instagram_unsend_edit_and_story_reply(self) -> None:
        """IG unsend is a delete, message_edit an edit, a story reply's parent is the story, echoes are outbound."""
        ig = "17841400000000001"
        items = [
            {
                "sender": {"id": "9876"},
                "recipient": {"id": ig},
                "timestamp": 1773482539456,
                "message": {"mid": "a1", "is_deleted": True},
            },
            {
                "sender": {"id": "9876"},
                "recipient": {"id": ig},
                "timestamp": 1773482539457,
                "message_edit": {"mid": "a2", "text": "new words", "num_edit": 1},
            },
            {
                "sender": {"id": "9876"},
                "recipient": {"id": ig},
                "timestamp": 1773482539458,
                "message": {
                    "mid": "a3",
                    "text": "love this",
                    "reply_to": {"story": {"url": "https://cdn.example/s", "id": "st1"}},
                },
            },
            {
                "sender": {"id": ig},
                "recipient": {"id": "9876"},
                "timestamp": 1773482539459,
                "message": {"mid": "a4", "text": "thanks!", "is_echo": True},
            },
        ]
        delivery = meta.normalize(
            body("instagram", {"id": ig, "time": 1, "messaging": items}), brand=BRAND
        )
        got = [
            (e.message_id, e.operation, e.parent_id, e.direction, e.thread_id)
            for e in delivery.events
        ]
        assert got == [
            ("a1", "delete", None, "inbound", f"{ig}:9876"),
            ("a2", "edit", None, "inbound", f"{ig}:9876"),
            ("a3", "create", "st1", "inbound", f"{ig}:9876"),
            ("a4", "create", None, "outbound", f"{ig}:9876"),
        ]
        assert all(e.platform == "instagram" and e.kind == "dm" for e in delivery.events)

    def test_old_style_fallback_attachment_and_empty_message(self) -> None:
        """Older fallbacks keep url/title at the top level; contentless messages are counted."""
        items = [
            dm(
                "m1",
                "",
                attachments=[
                    {
                        "type": "fallback",
                        "title": "Tracking",
                        "url": "https://t.example/1",
                        "payload": None,
                    }
                ],
            ),
            dm("m2", ""),
            dm("m3", "", is_unsupported=True),
        ]
        for item in items[1:]:
            del item["message"]["text"]
        delivery = meta.normalize(
            body("page", {"id": PAGE, "time": 1, "messaging": items}), brand=BRAND
        )
        (event,) = delivery.events
        assert event.attachments == ["https://t.example/1"]
        assert event.text == "[fallback: Tracking]"
        assert delivery.dropped == {"message.empty": 1, "unsupported": 1}

    def test_standby_is_read_like_messaging(self) -> None:
        """Messages under handover (standby) are read like messaging."""
        delivery = meta.normalize(
            body("page", {"id": PAGE, "time": 1, "standby": [dm("s1")]}), brand=BRAND
        )
        assert [e.message_id for e in delivery.events] == ["s1"]


class TestInstagramChanges:
    def test_flat_field_value_form_is_tolerated(self) -> None:
        """Instagram's examples page draws field/value directly under the entry."""
        entry = {
            "id": "17841400000000001",
            "time": 1773481212,
            "field": "comments",
            "value": {
                "id": "c1",
                "text": "hi",
                "from": {"id": "5701", "username": "u"},
                "media": {"id": "m1"},
            },
        }
        (event,) = meta.normalize(body("instagram", entry), brand=BRAND).events
        assert (event.message_id, event.thread_id, event.kind) == ("c1", "m1", "comment")

    def test_own_comment_is_outbound(self) -> None:
        """The IG account replying to a comment is outbound, and a reply."""
        entry = {
            "id": "17841400000000001",
            "time": 1773481212,
            "changes": [
                {
                    "field": "comments",
                    "value": {
                        "id": "c1",
                        "text": "DM us!",
                        "from": {"id": "17841400000000001", "username": "acmeoutfitters.example"},
                        "media": {"id": "m1"},
                        "parent_id": "c0",
                    },
                }
            ],
        }
        (event,) = meta.normalize(body("instagram", entry), brand=BRAND).events
        assert (event.direction, event.kind, event.parent_id) == ("outbound", "reply", "c0")

    def test_caption_mention_without_comment(self) -> None:
        """A caption mention (media_id only) fetches the mentioned media."""
        entry = {
            "id": "17841400000000001",
            "time": 1773481512,
            "changes": [{"field": "mentions", "value": {"media_id": "m9"}}],
        }
        (fetch,) = meta.normalize(body("instagram", entry), brand=BRAND).pending
        assert "mentioned_media.media_id(m9)" in fetch.resource


class TestInvalidDeliveries:
    @pytest.mark.parametrize(
        ("doc", "field"),
        [
            ({"entry": []}, "object"),
            ({"object": "page"}, "entry"),
            ({"object": "page", "entry": {}}, "entry"),
            ({"object": "page", "entry": [{"time": 1}]}, "entry[0].id"),
            (
                {
                    "object": "page",
                    "entry": [
                        feed(comment("c1")),
                        {
                            "id": PAGE,
                            "time": 1,
                            "changes": [
                                {"field": "feed", "value": {**comment("c2"), "from": {"name": "x"}}}
                            ],
                        },
                    ],
                },
                "entry[1].changes[0].value.from.id",
            ),
            (
                {
                    "object": "page",
                    "entry": [
                        {
                            "id": PAGE,
                            "time": 1,
                            "changes": [
                                {"field": "feed", "value": comment("c1")},
                                {"field": "feed", "value": {**comment("c2"), "from": {"id": True}}},
                            ],
                        }
                    ],
                },
                "entry[0].changes[1].value.from.id",
            ),
            (
                {
                    "object": "page",
                    "entry": [
                        {
                            "id": PAGE,
                            "time": 1,
                            "messaging": [
                                {
                                    "sender": {"id": "1"},
                                    "recipient": {"id": PAGE},
                                    "timestamp": "soon",
                                    "message": {"mid": "m", "text": "t"},
                                }
                            ],
                        }
                    ],
                },
                "entry[0].messaging[0].timestamp",
            ),
            (
                {"object": "page", "entry": [feed(comment("c1", created_time=99999999999999999))]},
                "entry[0].changes[0].value.created_time",
            ),
        ],
    )
    def test_error_names_the_json_path(self, doc: dict[str, Any], field: str) -> None:
        """Each invalid delivery names the JSON path of its problem."""
        with pytest.raises(DeliveryError) as info:
            meta.normalize(json.dumps(doc).encode(), brand=BRAND)
        assert info.value.field == field

    def test_unrouted_object_is_dropped(self) -> None:
        """A topic we do not route is acknowledged and counted, not an error."""
        delivery = meta.normalize(
            body("whatsapp_business_account", {"id": "1", "changes": []}), brand=BRAND
        )
        assert delivery.dropped == {"object:whatsapp_business_account": 1}
