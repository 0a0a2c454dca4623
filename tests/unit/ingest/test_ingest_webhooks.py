"""Webhook endpoints: handshakes, authentication on the raw bytes, normalisation, and
nothing produced for a delivery that fails a check."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carerouter.common.metrics import Metrics
from carerouter.ingest.channels_config import load_channels
from carerouter.ingest.dedup import RecentIds
from carerouter.ingest.publisher import Publisher
from carerouter.ingest.webhooks import add_routes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SAMPLES = FIXTURES / "channels"
SIGNATURES = json.loads((SAMPLES / "signatures.json").read_text())["headers"]
CONFIG = load_channels(FIXTURES / "channels_test.yaml")


class Produced:
    def __init__(self) -> None:
        self.items: list[tuple[str, str, bytes]] = []

    async def __call__(self, topic: str, items: list[tuple[str, bytes]]) -> None:
        self.items.extend((topic, key, value) for key, value in items)


@pytest.fixture
async def client() -> Any:
    produced = Produced()
    app = web.Application()
    metrics = Metrics("ingest")
    add_routes(app, CONFIG, Publisher(produced, RecentIds(3600, 10_000)), metrics)
    async with TestClient(TestServer(app)) as test_client:
        test_client.produced = produced
        test_client.metrics = metrics
        yield test_client


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def meta_signature(body: bytes, secret: str = "example-app-secret") -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class TestMeta:
    async def test_signed_delivery_is_produced(self, client: Any) -> None:
        """A correctly signed Facebook comment delivery yields its event on the topic."""
        name = "meta/facebook_feed_comment_add.json"
        response = await client.post(
            "/v1/webhooks/meta", data=sample(name), headers=SIGNATURES[name]
        )
        assert response.status == 200, await response.text()
        assert (await response.json())["produced"] == 1
        assert [t for t, _, _ in client.produced.items] == ["social.events.v1"]

    async def test_rotated_secret_still_verifies(self, client: Any) -> None:
        """During a rotation both configured secrets are accepted."""
        body = sample("meta/facebook_feed_comment_reply.json")
        headers = {"X-Hub-Signature-256": meta_signature(body, "rotated-out-secret")}
        response = await client.post("/v1/webhooks/meta", data=body, headers=headers)
        assert response.status == 200

    @pytest.mark.parametrize(
        ("mutate", "headers"),
        [
            ("tamper", None),
            (None, {"X-Hub-Signature-256": "sha256=" + "0" * 64}),
            (None, {}),
            (None, {"X-Hub-Signature-256": "md5=abc"}),
        ],
        ids=["tampered-byte", "wrong-signature", "missing-header", "malformed-header"],
    )
    async def test_bad_authentication_is_rejected_and_counted(
        self, client: Any, mutate: str | None, headers: dict[str, str] | None
    ) -> None:
        """Tampered bytes, a wrong secret, a missing or malformed header: 401, nothing produced."""
        name = "meta/facebook_feed_comment_add.json"
        body = sample(name)
        if mutate == "tamper":
            body = body.replace(b"broken", b"Broken", 1)
        sent_headers = SIGNATURES[name] if headers is None else headers
        response = await client.post("/v1/webhooks/meta", data=body, headers=sent_headers)
        assert response.status == 401
        assert "authentication failed" in (await response.json())["error"]
        assert client.produced.items == []
        assert (
            b'carerouter_webhooks_total{outcome="rejected_401",platform="meta"} 1.0'
            in client.metrics.render()
        )

    async def test_oversized_body_is_rejected(self, client: Any) -> None:
        """A body over the configured limit is refused before it is read in full."""
        body = b"{" + b" " * 300_000 + b"}"
        response = await client.post(
            "/v1/webhooks/meta", data=body, headers={"X-Hub-Signature-256": meta_signature(body)}
        )
        assert response.status == 413
        assert client.produced.items == []

    async def test_handshake(self, client: Any) -> None:
        """The verification GET echoes the challenge for the right token only."""
        ok = await client.get(
            "/v1/webhooks/meta",
            params={
                "hub.mode": "subscribe",
                "hub.challenge": "1158201444",
                "hub.verify_token": "example-verify-token",
            },
        )
        assert ok.status == 200 and await ok.text() == "1158201444"
        bad = await client.get(
            "/v1/webhooks/meta",
            params={"hub.mode": "subscribe", "hub.challenge": "1", "hub.verify_token": "nope"},
        )
        assert bad.status == 403

    async def test_reaction_is_acknowledged_and_dropped(self, client: Any) -> None:
        """A reaction (no text) is acknowledged, counted by type and not produced."""
        name = "meta/facebook_feed_reaction_add.json"
        response = await client.post(
            "/v1/webhooks/meta", data=sample(name), headers=SIGNATURES[name]
        )
        assert response.status == 200
        assert client.produced.items == []
        assert (await response.json())["dropped"]

    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        body=st.one_of(
            st.binary(max_size=400),
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                lambda c: (
                    st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4)
                ),
                max_leaves=20,
            ).map(lambda v: json.dumps(v).encode()),
        )
    )
    async def test_hostile_signed_payloads_never_500(self, client: Any, body: bytes) -> None:
        """Any correctly signed garbage gets a 4xx or a 200 with nothing invalid produced."""
        before = len(client.produced.items)
        response = await client.post(
            "/v1/webhooks/meta", data=body, headers={"X-Hub-Signature-256": meta_signature(body)}
        )
        assert response.status < 500
        if response.status != 200:
            assert len(client.produced.items) == before


HOSTILE = st.one_of(
    st.binary(max_size=400),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
        max_leaves=20,
    ).map(lambda v: json.dumps(v).encode()),
)


def x_signature(body: bytes) -> str:
    import base64

    digest = hmac.new(b"example-consumer-secret", body, hashlib.sha256).digest()
    return "sha256=" + base64.b64encode(digest).decode()


def youtube_signature(body: bytes) -> str:
    return "sha1=" + hmac.new(b"example-websub-secret", body, hashlib.sha1).hexdigest()


class TestEveryEndpointUnderHostileInput:
    @pytest.mark.parametrize(
        ("path", "sign"),
        [
            ("/v1/webhooks/x", lambda b: {"x-twitter-webhooks-signature": x_signature(b)}),
            ("/v1/webhooks/youtube", lambda b: {"X-Hub-Signature": youtube_signature(b)}),
            ("/v1/webhooks/trustpilot/example-trustpilot-token", lambda b: {}),
        ],
        ids=["x", "youtube", "trustpilot"],
    )
    @settings(
        max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(body=HOSTILE)
    async def test_signed_garbage_never_500(
        self, client: Any, path: str, sign: Any, body: bytes
    ) -> None:
        """Authentic but malformed deliveries get a 4xx (or a 200 with nothing produced)."""
        before = len(client.produced.items)
        response = await client.post(path, data=body, headers=sign(body))
        assert response.status < 500
        if response.status != 200:
            assert len(client.produced.items) == before


class TestX:
    async def test_crc_handshake(self, client: Any) -> None:
        """The CRC answer is the base64 HMAC of the token with the consumer secret."""
        response = await client.get("/v1/webhooks/x", params={"crc_token": "challenge"})
        assert response.status == 200
        assert (await response.json())["response_token"].startswith("sha256=")

    async def test_signed_mention_is_produced(self, client: Any) -> None:
        """A signed Account Activity mention yields one event."""
        name = "x/aaa_tweet_create_mention.json"
        response = await client.post("/v1/webhooks/x", data=sample(name), headers=SIGNATURES[name])
        assert response.status == 200, await response.text()
        assert len(client.produced.items) == 1

    async def test_wrong_secret_is_rejected(self, client: Any) -> None:
        """A delivery signed with another secret is refused."""
        body = sample("x/aaa_tweet_create_mention.json")
        response = await client.post(
            "/v1/webhooks/x", data=body, headers={"x-twitter-webhooks-signature": "sha256=AAAA"}
        )
        assert response.status == 401 and client.produced.items == []


class TestReviewsAndYouTube:
    async def test_trustpilot_needs_the_path_token(self, client: Any) -> None:
        """The secret path token authenticates Trustpilot; a wrong one is refused."""
        body = sample("reviews/trustpilot_service_review_created.json")
        ok = await client.post("/v1/webhooks/trustpilot/example-trustpilot-token", data=body)
        bad = await client.post("/v1/webhooks/trustpilot/guess", data=body)
        assert ok.status == 200, await ok.text()
        assert bad.status == 401

    async def test_websub_unknown_topic_is_404(self, client: Any) -> None:
        """Intent verification for a topic we did not ask for answers 404."""
        response = await client.get(
            "/v1/webhooks/youtube",
            params={
                "hub.mode": "subscribe",
                "hub.topic": "https://elsewhere",
                "hub.challenge": "x",
            },
        )
        assert response.status == 404
