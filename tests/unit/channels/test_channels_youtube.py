"""YouTube: WebSub notifications (dropped, but readable) and polled comment threads."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from channels_support import BRAND, instant, sample, sample_json

from carerouter.ingest.channels import BrandConfig, DeliveryError, youtube

DELETED = (
    b'<?xml version="1.0" encoding="UTF-8"?><feed xmlns:at="http://purl.org/atompub/tombstones/1.0"'
    b' xmlns="http://www.w3.org/2005/Atom"><at:deleted-entry ref="yt:video:SmPlVid0001"'
    b' when="2026-03-14T12:00:00.123456789+00:00"><link href="https://www.youtube.com/watch?v=SmPlVid0001"/>'
    b"<at:by><name>Acme Outfitters</name><uri>https://www.youtube.com/channel/UCsAmPlEcHaNnEl0000000001</uri>"
    b"</at:by></at:deleted-entry></feed>"
)


class TestWebSub:
    def test_video_notice_details(self) -> None:
        """The Atom entry's video, channel, title, author and times are read."""
        (notice,) = youtube.video_notices(sample("youtube/websub_new_video.xml"))
        assert notice.video_id == "SmPlVid0001"
        assert notice.channel_id == "UCsAmPlEcHaNnEl0000000001"
        assert notice.title == "How to re-proof your waterproof jacket (Spring 2026)"
        assert notice.author_name == "Acme Outfitters"
        assert notice.published == instant("2026-03-14T10:02:19Z")
        assert notice.updated == instant("2026-03-14T10:05:00.552394Z")  # nanoseconds cut
        assert not notice.deleted

    def test_deleted_entry(self) -> None:
        """A tombstone (deleted or privated video) is read and dropped as video_deleted."""
        (notice,) = youtube.video_notices(DELETED)
        assert (notice.video_id, notice.deleted, notice.channel_id) == ("SmPlVid0001", True, None)
        assert youtube.normalize(DELETED, brand=BRAND).dropped == {"video_deleted": 1}

    @pytest.mark.parametrize(
        "raw",
        [
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><feed>&lol2;</feed>',
            b'<!DOCTYPE feed SYSTEM "file:///etc/passwd"><feed/>',
            b"<feed><entry>",
            b'<?xml version="1.0" encoding="no-such-encoding"?><feed/>',
        ],
    )
    def test_hostile_or_broken_xml_is_a_delivery_error(self, raw: bytes) -> None:
        """DTDs (entity expansion, external entities), truncation and bad encodings are refused."""
        with pytest.raises(DeliveryError):
            youtube.normalize(raw, brand=BRAND)

    def test_entry_without_video_id(self) -> None:
        """An entry without yt:videoId names the element."""
        raw = sample("youtube/websub_new_video.xml").replace(
            b"<yt:videoId>SmPlVid0001</yt:videoId>", b""
        )
        with pytest.raises(DeliveryError) as info:
            youtube.normalize(raw, brand=BRAND)
        assert info.value.field == "feed.entry[0].yt:videoId"


class TestCommentThreads:
    def test_owner_reply_is_outbound(self) -> None:
        """The channel owner's reply is outbound."""
        doc = sample_json("youtube/commentthreads_list_response.json")
        reply = doc["items"][0]["replies"]["comments"][0]["snippet"]
        reply["authorChannelId"] = {"value": "UCsAmPlEcHaNnEl0000000001"}
        delivery = youtube.normalize_comment_threads(doc, brand=BrandConfig())
        assert [e.direction for e in delivery.events] == ["inbound", "outbound"]

    def test_text_display_fallback_is_unescaped(self) -> None:
        """Without textOriginal, the HTML textDisplay is unescaped."""
        doc = sample_json("youtube/commentthreads_list_response.json")
        snippet = doc["items"][0]["snippet"]["topLevelComment"]["snippet"]
        del snippet["textOriginal"]
        event = youtube.normalize_comment_threads(doc).events[0]
        assert (
            event.text
            == "Tried this on my jacket and the seams still leak 'round the hood. Warranty?"
        )

    def test_comments_list_response(self) -> None:
        """``comments.list?parentId=`` pages hold bare comments (replies)."""
        thread = sample_json("youtube/commentthreads_list_response.json")["items"][0]
        doc = {"kind": "youtube#commentListResponse", "items": thread["replies"]["comments"]}
        (event,) = youtube.normalize(json.dumps(doc).encode(), brand=BRAND).events
        assert (event.kind, event.parent_id, event.thread_id) == (
            "reply",
            "UgzSaMpLeThReAd0001AaABAg",
            "SmPlVid0001",
        )


def page(thread_ids: list[str], next_token: str | None) -> dict[str, Any]:
    template = sample_json("youtube/commentthreads_list_response.json")
    items = []
    for index, thread_id in enumerate(thread_ids):
        item = copy.deepcopy(template["items"][0])
        item["id"] = thread_id
        item["snippet"]["topLevelComment"]["id"] = thread_id
        item["snippet"]["topLevelComment"]["snippet"]["publishedAt"] = (
            f"2026-03-14T12:{40 - index:02d}:03Z"
        )
        item["replies"]["comments"][0]["id"] = f"{thread_id}.r"
        item["replies"]["comments"][0]["snippet"]["parentId"] = thread_id
        items.append(item)
    doc: dict[str, Any] = {"kind": "youtube#commentThreadListResponse", "items": items}
    if next_token:
        doc["nextPageToken"] = next_token
    return doc


class TestCommentPoller:
    def test_pages_until_a_seen_thread_and_returns_only_new(self) -> None:
        """Only unseen comments return; paging stops at a page with a seen thread."""
        pages = {
            None: page(["t5", "t4"], "p2"),
            "p2": page(["t3", "t2"], "p3"),
            "p3": page(["t1"], None),
        }
        calls: list[str | None] = []

        def fetch(token: str | None) -> dict[str, Any]:
            calls.append(token)
            return pages[token]

        seen = {"t2", "t2.r", "t1", "t1.r"}
        poller = youtube.CommentPoller(fetch, seen, brand=BRAND)
        fresh = poller.poll()
        assert sorted(e.message_id for e in fresh) == ["t3", "t3.r", "t4", "t4.r", "t5", "t5.r"]
        assert calls == [None, "p2"]  # stopped at the page holding the seen t2
        assert [e.created_at for e in fresh] == sorted(e.created_at for e in fresh)
        assert {"t5", "t4", "t3"} <= seen
        assert poller.poll() == []  # a second poll finds nothing new

    def test_stops_after_max_pages(self) -> None:
        """Paging never exceeds max_pages."""
        counter = iter(range(100))

        def fetch(token: str | None) -> dict[str, Any]:
            n = next(counter)
            return page([f"t{n}"], f"p{n + 1}")

        fresh = youtube.CommentPoller(fetch, max_pages=3).poll()
        assert len(fresh) == 6

    def test_malformed_page_raises_delivery_error(self) -> None:
        """A malformed polled page raises DeliveryError naming the path."""
        with pytest.raises(DeliveryError) as info:
            youtube.CommentPoller(lambda token: {"items": [{"id": "x"}]}).poll()
        assert info.value.field == "items[0].snippet"
