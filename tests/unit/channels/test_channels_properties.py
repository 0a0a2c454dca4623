"""Hostile input: whatever bytes arrive, a normaliser returns a Delivery of valid events or
raises DeliveryError; never KeyError, TypeError, ValueError, RecursionError or the like."""

from __future__ import annotations

import base64
import json
import os
from typing import Any

import pytest
from channels_support import BRAND, EXPECTED, RECEIVED, platform_of, sample, sample_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carerouter.ingest.channels import PLATFORM_NORMALIZERS, DeliveryError, normalize
from carerouter.ingest.channels.cli import event_record

# CHANNELS_FUZZ=5000 runs a longer, randomised search (the default is quick and repeatable).
SETTINGS = settings(
    max_examples=int(os.environ.get("CHANNELS_FUZZ", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize="CHANNELS_FUZZ" not in os.environ,
)
PLATFORMS = ["meta", "x", "youtube", "trustpilot", "google_reviews"]
JSON_SAMPLES = {
    platform: sorted(n for n in EXPECTED if platform_of(n) == platform and n.endswith(".json"))
    for platform in PLATFORMS
}


def _keys(value: Any, into: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, child in value.items():
            into.add(key)
            _keys(child, into)
    elif isinstance(value, list):
        for child in value:
            _keys(child, into)
    return into


KEYS = sorted(_keys([sample_json(n) for names in JSON_SAMPLES.values() for n in names], set()))
STRINGS = [
    "",
    " ",
    "\ud83d",
    "\x00",
    "x" * 300,
    "comment",
    "reply",
    "add",
    "edited",
    "remove",
    "hide",
    "feed",
    "comments",
    "mentions",
    "mention",
    "page",
    "instagram",
    "message_create",
    "post.mention.create",
    "post.reply.create",
    "post.delete",
    "dm.received",
    "NEW_REVIEW",
    "UPDATED_REVIEW",
    "service-review-created",
    "service-review-deleted",
    "FIVE",
    "true",
    "2026-03-14T11:15:42Z",
    "2026-02-30T25:00:00Z",
    "Sat Mar 14 11:15:42 +0000 2026",
    "1773486942000",
    "-5",
    "99999999999999999999",
    "https:\\/\\/x",
    "accounts/1/locations/2/reviews/R",
    "1500000000000000001",
    "104857600012345",
    "17841400000000001",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(STRINGS)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), children, max_size=5)
    ),
    max_leaves=25,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn, names: list[str]) -> bytes:
    """A real sample with one to three nodes replaced by hostile values or removed."""
    doc: Any = sample_json(draw(st.sampled_from(names)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(doc)))
        value = draw(json_values)
        if not path:
            doc = value
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    return json.dumps(doc).encode()


@st.composite
def pubsub(draw: st.DrawFn) -> bytes:
    """A Pub/Sub envelope around hostile notification data."""
    inner = draw(
        json_values
        | mutated(["reviews/gbp_review_resource.json"]).map(json.loads)
        | st.just({"type": "NEW_REVIEW"})
    )
    data = base64.b64encode(json.dumps(inner).encode()).decode()
    message: dict[str, Any] = {"data": data, "publishTime": draw(st.sampled_from(STRINGS))}
    return json.dumps({"message": message}).encode()


@st.composite
def spliced_xml(draw: st.DrawFn) -> bytes:
    raw = sample("youtube/websub_new_video.xml")
    start = draw(st.integers(0, len(raw)))
    end = draw(st.integers(start, min(len(raw), start + 40)))
    return raw[:start] + draw(st.binary(max_size=12)) + raw[end:]


def hostile(platform: str) -> st.SearchStrategy[bytes]:
    options = [
        st.binary(max_size=64),
        json_values.map(lambda v: json.dumps(v).encode()),
        mutated(JSON_SAMPLES[platform]),
    ]
    if platform == "google_reviews":
        options.append(pubsub())
    if platform == "youtube":
        options.append(spliced_xml())
    return st.one_of(*options)


def check(platform: str, raw: bytes) -> None:
    try:
        delivery = normalize(platform, raw, BRAND, received_at=RECEIVED)
    except DeliveryError as exc:
        assert exc.field
        assert exc.problem
        return
    for event in delivery.events:
        event.to_proto(RECEIVED)  # valid for the protobuf too (no lone surrogates ...)
        json.dumps(event_record(event))
    assert all(count > 0 for count in delivery.dropped.values())


class TestOnlyDeliveryErrorEscapes:
    @pytest.mark.parametrize("platform", PLATFORMS)
    @SETTINGS
    @given(data=st.data())
    def test_hostile_bodies(self, platform: str, data: st.DataObject) -> None:
        """Random bytes, random JSON with the samples' keys, and mutated samples."""
        check(platform, data.draw(hostile(platform)))

    @pytest.mark.parametrize("platform", sorted(PLATFORM_NORMALIZERS))
    @pytest.mark.parametrize(
        "raw",
        [
            b"[" * 100_000 + b"]" * 100_000,
            b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
            b'{"entry": 1' + b"1" * 5000 + b"}",
            b'{"object": NaN}',
            b"\xef\xbb\xbf{}",
            b"\xff\xfe\x00",
            b"",
            b"null",
            b"[]",
            b'"text"',
        ],
    )
    def test_pathological_bodies(self, platform: str, raw: bytes) -> None:
        """Deep nesting, giant numbers, NaN, BOMs, non-UTF-8, non-objects."""
        with pytest.raises(DeliveryError):
            normalize(platform, raw, BRAND)


class TestEscapesOnTheWire:
    def test_unicode_escapes_and_surrogate_pairs_decode(self) -> None:
        """``\\u00e4``, an emoji as a surrogate pair and ``\\/`` in the raw bytes give the
        characters; the raw bytes themselves stay ASCII."""
        raw = (
            b'{"object":"instagram","entry":[{"id":"17841400000000001","time":1773481212,'
            b'"changes":[{"field":"comments","value":{"from":{"id":"5701","username":"u"},'
            b'"media":{"id":"m1"},"id":"c1","text":"Gr\\u00fc\\u00dfe \\u00e4 \\ud83d\\ude15 '
            b'https:\\/\\/example.com\\/x"}}]}]}'
        )
        assert raw.isascii()
        (event,) = normalize("meta", raw, BRAND).events
        assert event.text == "Grüße ä 😕 https://example.com/x"
        assert len("😕") == 1 and "😕" in event.text

    def test_lone_surrogate_in_text_is_replaced(self) -> None:
        """An unpaired surrogate in text becomes U+FFFD, so the protobuf still encodes."""
        raw = (
            b'{"for_user_id":"1500000000000000001","direct_message_events":[{"type":"message_create",'
            b'"id":"5","created_timestamp":"1773486990250","message_create":{"sender_id":"7",'
            b'"target":{"recipient_id":"1500000000000000001"},"message_data":{"text":"cut \\ud83d"}}}]}'
        )
        (event,) = normalize("x", raw, BRAND).events
        assert event.text == "cut \ufffd"
        event.to_proto(RECEIVED)

    def test_lone_surrogate_in_an_id_is_an_error(self) -> None:
        """An unpaired surrogate in an id is a DeliveryError naming the id."""
        raw = sample("x/aaa_tweet_delete.json").replace(
            b'"id":"1890000000000000101"', b'"id":"\\udc00"'
        )
        with pytest.raises(DeliveryError) as info:
            normalize("x", raw, BRAND)
        assert info.value.field == "tweet_delete_events[0].status.id"
