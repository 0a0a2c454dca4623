"""Every sample normalises to the events of ``expected.json`` (field by field).

expected.json describes a platform-neutral extraction; EventIn is stricter (an author id,
text on every create, a timestamp, a thread) and has a finer ``kind``. The deliberate
deviations, each asserted below:

* ``channel`` -> ``kind``: comments that answer a comment are ``reply`` (parent is not the
  root); X posts are ``mention`` (tags the brand) or ``reply`` (``in_reply_to``); DMs ``dm``.
* ``platform`` ``google_business`` is EventIn's ``google_reviews``.
* null ``thread_id`` (an X v1.1 reply, which carries no ``conversation_id``) becomes the post it
  replies to; a deleted X post with no parent is its own root (EventIn's default).
* null author id (Trustpilot deletion, Google reviews) becomes ``UNKNOWN_AUTHOR``; null
  handle/name become ""; null followers/verified become 0/False (EventIn's defaults).
* an attachments-only Messenger message gets a stand-in text (``[image] [fallback: …]``);
  attachments are their URLs.
* a Trustpilot deletion (no time) is dated by ``received_at``.
* Instagram mentions and Google Pub/Sub notifications carry ids only: they become
  ``Delivery.pending`` fetches, not events (EventIn needs text and an author).
* the YouTube WebSub video notification is no customer message: dropped as ``video``;
  ``action: ignore`` samples are dropped and counted by type.
"""

from __future__ import annotations

from typing import Any

import pytest
from channels_support import BRAND, EXPECTED, RECEIVED, instant, platform_of, sample

from carerouter.ingest.channels import UNKNOWN_AUTHOR, Delivery, normalize
from carerouter.ingest.schema import EventIn

KINDS = {
    "meta/facebook_feed_comment_add.json": ["comment"],
    "meta/facebook_feed_comment_reply.json": ["reply"],
    "meta/facebook_feed_visitor_post_add.json": ["post"],
    "meta/facebook_feed_comment_remove.json": ["comment"],
    "meta/facebook_feed_page_own_reply.json": ["reply"],
    "meta/messenger_message_text.json": ["dm"],
    "meta/messenger_message_attachments.json": ["dm"],
    "meta/messenger_message_reply_to.json": ["dm"],
    "meta/messenger_message_echo.json": ["dm"],
    "meta/instagram_comment.json": ["comment"],
    "meta/instagram_comment_reply.json": ["reply"],
    "meta/instagram_message_text.json": ["dm"],
    "x/aaa_tweet_create_mention.json": ["mention"],
    "x/aaa_tweet_create_reply_with_media.json": ["reply"],
    "x/aaa_direct_message_inbound.json": ["dm"],
    "x/aaa_direct_message_outgoing.json": ["dm"],
    "x/aaa_tweet_delete.json": ["post"],
    "x/xaa_post_mention_create.json": ["mention"],
    "x/xaa_dm_received.json": ["dm"],
    "youtube/commentthreads_list_response.json": ["comment", "reply"],
    "reviews/trustpilot_service_review_created.json": ["review"],
    "reviews/trustpilot_service_review_deleted.json": ["review"],
    "reviews/gbp_review_resource.json": ["review"],
}
# Documented roots for expected.json's null thread ids.
THREADS = {
    "x/aaa_tweet_create_reply_with_media.json": "1890000000000000001",  # the replied-to post
    "x/aaa_tweet_delete.json": "1890000000000000101",  # its own id
}
TEXTS = {
    "meta/messenger_message_attachments.json": "[image] [fallback: Order A-10442 - Acme]",
}
RATINGS = {
    "reviews/trustpilot_service_review_created.json": 1,
    "reviews/gbp_review_resource.json": 2,
}
PENDING = {"meta/instagram_mention.json", "reviews/gbp_pubsub_push_new_review.json"}
DROPPED = {
    "meta/facebook_feed_reaction_add.json": {"reaction": 1},
    "x/aaa_favorite_event.json": {"favorite": 1},
    "youtube/websub_new_video.xml": {"video": 1},
}
PLATFORMS = {"google_business": "google_reviews"}


def run(name: str) -> Delivery:
    return normalize(platform_of(name), sample(name), BRAND, received_at=RECEIVED)


def event_samples() -> list[str]:
    return sorted(name for name in EXPECTED if name not in PENDING and name not in DROPPED)


def assert_matches(name: str, index: int, event: EventIn, want: dict[str, Any]) -> None:
    """One event against its expected.json item, with the documented deviations."""
    assert event.platform == PLATFORMS.get(want["platform"], want["platform"])
    assert event.kind == KINDS[name][index]
    assert event.operation == want["action"]
    assert event.direction == want["direction"]
    assert ("private" if event.kind == "dm" else "public") == want["visibility"]
    assert event.message_id == want["platform_message_id"]
    assert event.thread_id == (want["thread_id"] or THREADS[name])
    assert event.parent_id == want["parent_id"]
    assert event.author.id == (want["author_id"] or UNKNOWN_AUTHOR)
    assert event.author.handle == (want["author_handle"] or "")
    assert event.author.name == (want["author_name"] or "")
    assert event.author.followers_count == (want["followers_count"] or 0)
    assert event.author.verified is bool(want["verified"])
    assert event.text == (TEXTS.get(name) or want["text"] or "")
    assert event.lang == want["lang"]
    wanted_time = instant(want["created_at"]) if want["created_at"] else RECEIVED
    assert event.created_at == wanted_time  # instants, not strings
    assert event.attachments == [a["url"] for a in want["attachments"]]
    assert event.rating == RATINGS.get(name)


class TestSamplesMatchExpected:
    @pytest.mark.parametrize("name", event_samples())
    def test_sample_yields_expected_events(self, name: str) -> None:
        """Each sample yields exactly its expected.json events, field by field."""
        delivery = run(name)
        want = EXPECTED[name]
        assert len(delivery.events) == len(want)
        for index, (event, item) in enumerate(zip(delivery.events, want, strict=True)):
            assert_matches(name, index, event, item)
        assert delivery.pending == []

    @pytest.mark.parametrize("name", sorted(DROPPED))
    def test_engagement_and_video_are_dropped_and_counted(self, name: str) -> None:
        """Likes, reactions and video notifications yield no event, only a count by type."""
        delivery = run(name)
        assert delivery.events == []
        assert delivery.dropped == DROPPED[name]

    def test_every_expected_sample_is_covered(self) -> None:
        """No sample of expected.json escapes these tests."""
        assert set(EXPECTED) == set(event_samples()) | PENDING | set(DROPPED)

    def test_instagram_mention_becomes_a_pending_fetch(self) -> None:
        """The mention's ids (comment, media) and send time are kept for the fetch."""
        want = EXPECTED["meta/instagram_mention.json"][0]
        delivery = run("meta/instagram_mention.json")
        assert delivery.events == []
        (fetch,) = delivery.pending
        assert fetch.platform == "instagram"
        assert fetch.kind == "mention"
        assert fetch.message_id == want["platform_message_id"]
        assert fetch.thread_id == want["thread_id"]
        assert fetch.parent_id == want["parent_id"]
        assert fetch.notified_at == instant(want["created_at"])
        assert "mentioned_comment.comment_id(17850000000000033)" in fetch.resource

    def test_google_notification_becomes_a_pending_fetch(self) -> None:
        """The Pub/Sub notification names the review to fetch; its id is the message id."""
        want = EXPECTED["reviews/gbp_pubsub_push_new_review.json"][0]
        delivery = run("reviews/gbp_pubsub_push_new_review.json")
        assert delivery.events == []
        (fetch,) = delivery.pending
        assert fetch.platform == "google_reviews"
        assert fetch.kind == "review"
        assert fetch.message_id == want["platform_message_id"]
        assert fetch.thread_id == want["thread_id"]
        assert fetch.resource.startswith("accounts/112233445566778899001/locations/")
        assert fetch.resource.endswith("/reviews/" + want["platform_message_id"])
        assert fetch.operation == "create"
        assert fetch.notified_at == instant("2026-03-14T10:20:31.512Z")

    @pytest.mark.parametrize("name", event_samples())
    def test_events_convert_to_social_events(self, name: str) -> None:
        """Every event of every sample maps to the protobuf SocialEvent without error."""
        for event in run(name).events:
            proto = event.to_proto(RECEIVED)
            assert proto.event_id == event.event_id
