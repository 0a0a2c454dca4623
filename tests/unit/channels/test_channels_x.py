"""X deliveries: AAA tweets, DMs, deletes and engagement; XAA v2 posts and DMs."""

from __future__ import annotations

import json
from typing import Any

import pytest
from channels_support import BRAND, instant, sample_json

from carerouter.ingest.channels import BrandConfig, DeliveryError, x

BRAND_ID = "1500000000000000001"


def aaa(**events: Any) -> bytes:
    return json.dumps({"for_user_id": BRAND_ID, **events}).encode()


def tweet(**overrides: Any) -> dict[str, Any]:
    base = sample_json("x/aaa_tweet_create_mention.json")["tweet_create_events"][0]
    base.update(overrides)
    return base


class TestTweets:
    def test_extended_tweet_full_text_when_truncated(self) -> None:
        """A truncated tweet's text is extended_tweet.full_text."""
        long_text = "@AcmeCareSample " + "the zip broke again " * 20
        event = tweet(
            truncated=True,
            text="@AcmeCareSample the zip broke again the zip… https://t.co/x",
            extended_tweet={"full_text": long_text, "entities": {}},
        )
        (out,) = x.normalize(aaa(tweet_create_events=[event]), brand=BRAND).events
        assert out.text == long_text

    def test_html_escapes_of_v1_text_are_undone(self) -> None:
        """v1.1 escapes &, < and > as HTML entities; they are undone once."""
        (out,) = x.normalize(
            aaa(tweet_create_events=[tweet(text="@AcmeCareSample R&amp;D &lt;3 &gt; &amp;amp;")]),
            brand=BRAND,
        ).events
        assert out.text == "@AcmeCareSample R&D <3 > &amp;"

    def test_created_at_string_without_timestamp_ms(self) -> None:
        """Without timestamp_ms, created_at (X's date format) dates the tweet."""
        event = tweet()
        del event["timestamp_ms"]
        (out,) = x.normalize(aaa(tweet_create_events=[event]), brand=BRAND).events
        assert out.created_at == instant("2026-03-14T11:15:42Z")

    def test_listening_untagged_post_naming_the_brand_is_a_mention(self) -> None:
        """Not a reply, no @tag: a mention only when the text names the brand."""
        untagged = {"entities": {"user_mentions": []}}
        naming = tweet(id_str="1", text="Acme boots are great", **untagged)
        excluded = tweet(id_str="2", text="Traffic on Acme Road again", **untagged)
        unrelated = tweet(id_str="3", text="Acmeville is lovely", **untagged)
        events = x.normalize(
            aaa(tweet_create_events=[naming, excluded, unrelated]), brand=BRAND
        ).events
        assert {e.message_id: e.kind for e in events} == {"1": "mention", "2": "post", "3": "post"}

    def test_brand_own_post_and_reply_are_outbound(self) -> None:
        """The subscribed account's own posts and replies are outbound."""
        own = tweet(
            id_str="10",
            text="Spring range is live",
            user={"id_str": BRAND_ID, "screen_name": "AcmeCareSample", "name": "Acme"},
        )
        reply = {**own, "id_str": "11", "in_reply_to_status_id_str": "1890000000000000101"}
        events = x.normalize(aaa(tweet_create_events=[own, reply]), brand=BrandConfig()).events
        assert [(e.kind, e.direction, e.thread_id) for e in events] == [
            ("post", "outbound", "10"),
            ("reply", "outbound", "1890000000000000101"),
        ]

    def test_retweet_is_dropped(self) -> None:
        """A retweet carries no words of its own and is counted."""
        delivery = x.normalize(
            aaa(tweet_create_events=[tweet(retweeted_status={"id_str": "9"})]), brand=BRAND
        )
        assert delivery.events == []
        assert delivery.dropped == {"retweet": 1}

    def test_video_attachment_uses_best_variant(self) -> None:
        """A video attachment is its highest-bitrate MP4."""
        media = {
            "media_url_https": "https://pbs.twimg.com/thumb.jpg",
            "type": "video",
            "video_info": {
                "variants": [
                    {
                        "content_type": "video/mp4",
                        "bitrate": 256000,
                        "url": "https://video.twimg.com/low.mp4",
                    },
                    {
                        "content_type": "application/x-mpegURL",
                        "url": "https://video.twimg.com/pl.m3u8",
                    },
                    {
                        "content_type": "video/mp4",
                        "bitrate": 2176000,
                        "url": "https://video.twimg.com/high.mp4",
                    },
                ]
            },
        }
        event = tweet(extended_entities={"media": [media]})
        (out,) = x.normalize(aaa(tweet_create_events=[event]), brand=BRAND).events
        assert out.attachments == ["https://video.twimg.com/high.mp4"]

    def test_und_language_is_unknown(self) -> None:
        """X's 'und' language is no language."""
        (out,) = x.normalize(aaa(tweet_create_events=[tweet(lang="und")]), brand=BRAND).events
        assert out.lang is None


class TestDirectMessagesAndOthers:
    def test_outgoing_dm_from_any_app_is_outbound(self) -> None:
        """A DM sent by the subscribed account is outbound, threaded with the customer."""
        (out,) = x.normalize(
            json.dumps(sample_json("x/aaa_direct_message_outgoing.json")).encode(),
            brand=BrandConfig(),
        ).events
        assert (out.direction, out.author.id, out.thread_id) == (
            "outbound",
            BRAND_ID,
            f"{BRAND_ID}:1600000000000000002",
        )

    def test_dm_media_as_object_or_array(self) -> None:
        """attachment.media as an object (docs) or an array (fixtures) both work."""
        doc = sample_json("x/aaa_direct_message_inbound.json")
        data = doc["direct_message_events"][0]["message_create"]["message_data"]
        data["text"] = ""
        media = {
            "media_url_https": "https://ton.twitter.com/1.1/ton/data/dm/1/2/a.jpg",
            "type": "photo",
        }
        for shape in (media, [media]):
            data["attachment"] = {"type": "media", "media": shape}
            (out,) = x.normalize(json.dumps(doc).encode(), brand=BRAND).events
            assert out.attachments == [media["media_url_https"]]
            assert out.text == "[media]"

    def test_engagement_events_are_dropped_by_type(self) -> None:
        """Favorites, follows, typing and reads are counted by type."""
        delivery = x.normalize(
            aaa(
                favorite_events=[{}, {}],
                follow_events=[{}],
                direct_message_indicate_typing_events=[{}],
                direct_message_mark_read_events=[{}],
                user_has_blocked=False,
            ),
            brand=BRAND,
        )
        assert delivery.events == []
        assert delivery.dropped == {
            "favorite": 2,
            "follow": 1,
            "direct_message_indicate_typing": 1,
            "direct_message_mark_read": 1,
        }

    def test_user_has_blocked_as_string_is_accepted(self) -> None:
        """user_has_blocked may be the string 'false' (docs) or a boolean."""
        doc = sample_json("x/aaa_tweet_create_mention.json")
        doc["user_has_blocked"] = "false"
        assert len(x.normalize(json.dumps(doc).encode(), brand=BRAND).events) == 1


class TestActivityApi:
    def xaa(self, event_type: str, payload: dict[str, Any], **extra: Any) -> bytes:
        return json.dumps(
            {
                "data": {
                    "event_type": event_type,
                    "filter": {"user_id": BRAND_ID},
                    "payload": payload,
                    **extra,
                }
            }
        ).encode()

    def test_reply_with_referenced_tweets_and_media(self) -> None:
        """A v2 reply: conversation_id thread, replied_to parent, media from includes."""
        payload = {
            "id": "2030000000000000222",
            "text": "@AcmeCareSample still broken",
            "author_id": "1600000000000000002",
            "created_at": "2026-03-14T11:20:00.000Z",
            "conversation_id": "2030000000000000111",
            "referenced_tweets": [{"type": "replied_to", "id": "2030000000000000199"}],
            "attachments": {"media_keys": ["3_1"]},
            "lang": "en",
        }
        includes = {
            "media": [
                {"media_key": "3_1", "type": "photo", "url": "https://pbs.twimg.com/media/a.jpg"}
            ],
            "users": [
                {
                    "id": "1600000000000000002",
                    "username": "jrivera_test",
                    "name": "Jamie",
                    "verified": False,
                    "public_metrics": {"followers_count": 4821},
                }
            ],
        }
        (out,) = x.normalize(
            self.xaa("post.reply.create", payload, includes=includes), brand=BRAND
        ).events
        assert (out.kind, out.thread_id, out.parent_id) == (
            "reply",
            "2030000000000000111",
            "2030000000000000199",
        )
        assert out.attachments == ["https://pbs.twimg.com/media/a.jpg"]
        assert (out.author.handle, out.author.followers_count) == ("jrivera_test", 4821)

    def test_post_delete_and_unrouted_types(self) -> None:
        """post.delete is a delete; other event types are counted."""
        delete = self.xaa(
            "post.delete", {"id": "2030000000000000111", "deleted_at": "2026-03-14T12:00:00Z"}
        )
        (out,) = x.normalize(delete, brand=BRAND).events
        assert (out.operation, out.text) == ("delete", "")
        for kind in ("chat.received", "follow.follow", "spaces.start"):
            delivery = x.normalize(self.xaa(kind, {}), brand=BRAND)
            assert delivery.events == []
            assert delivery.dropped == {kind: 1}

    def test_dm_without_filter_user_is_an_error(self) -> None:
        """A DM without the subscribed user id cannot be threaded."""
        doc = sample_json("x/xaa_dm_received.json")
        del doc["data"]["filter"]
        with pytest.raises(DeliveryError) as info:
            x.normalize(json.dumps(doc).encode(), brand=BRAND)
        assert info.value.field == "data.filter"


class TestInvalid:
    @pytest.mark.parametrize(
        ("doc", "field"),
        [
            ({"tweet_create_events": []}, "for_user_id"),
            (
                {"for_user_id": BRAND_ID, "tweet_create_events": [{"id_str": "1"}]},
                "tweet_create_events[0].user",
            ),
            ({"for_user_id": BRAND_ID, "tweet_create_events": {"a": 1}}, "tweet_create_events"),
            (
                {
                    "for_user_id": BRAND_ID,
                    "tweet_delete_events": [{"status": {"id": "1"}, "timestamp_ms": "x1"}],
                },
                "tweet_delete_events[0].timestamp_ms",
            ),
            (
                {
                    "for_user_id": BRAND_ID,
                    "direct_message_events": [
                        {
                            "type": "message_create",
                            "id": "1",
                            "created_timestamp": "1773486990250",
                            "message_create": {"sender_id": "2"},
                        }
                    ],
                },
                "direct_message_events[0].message_create.message_data",
            ),
            (
                {
                    "data": {
                        "event_type": "post.mention.create",
                        "payload": {
                            "id": "1",
                            "author_id": "2",
                            "text": "hi",
                            "created_at": "yesterday",
                        },
                    }
                },
                "data.payload.created_at",
            ),
        ],
    )
    def test_error_names_the_json_path(self, doc: dict[str, Any], field: str) -> None:
        """Each invalid delivery names the JSON path of its problem."""
        with pytest.raises(DeliveryError) as info:
            x.normalize(json.dumps(doc).encode(), brand=BRAND)
        assert info.value.field == field
