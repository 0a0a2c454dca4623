"""The Google Business Profile endpoint: a Pub/Sub push is accepted only with a valid
OIDC bearer token, and hostile bodies never cause a 5xx."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any

import jwt
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jwt.algorithms import RSAAlgorithm

from carerouter.common.metrics import Metrics
from carerouter.ingest.channels_config import ChannelsConfig
from carerouter.ingest.dedup import RecentIds
from carerouter.ingest.publisher import Publisher
from carerouter.ingest.webhooks import add_routes

AUDIENCE = "https://care.example/v1/webhooks/google"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "channels"
    / "reviews"
    / "gbp_pubsub_push_new_review.json"
)


def token(audience: str = AUDIENCE, key: Any = KEY, expires_in: int = 300) -> str:
    now = int(time.time())
    claims = {
        "iss": "https://accounts.google.com",
        "aud": audience,
        "iat": now,
        "exp": now + expires_in,
        "email": "push@example.iam.gserviceaccount.com",
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "k1"})


class Produced:
    def __init__(self) -> None:
        self.count = 0

    async def __call__(self, _topic: str, items: list[tuple[str, bytes]]) -> None:
        self.count += len(items)


@pytest.fixture
async def client(tmp_path: Path) -> Any:
    jwks = {"keys": [{**json.loads(RSAAlgorithm.to_jwk(KEY.public_key())), "kid": "k1"}]}
    (tmp_path / "jwks.json").write_text(json.dumps(jwks))
    config = ChannelsConfig.model_validate(
        {"google": {"audience": AUDIENCE, "jwks_file": str(tmp_path / "jwks.json")}}
    )
    produced = Produced()
    app = web.Application()
    add_routes(app, config, Publisher(produced, RecentIds(3600, 1000)), Metrics("ingest"))
    async with TestClient(TestServer(app)) as test_client:
        test_client.produced = produced
        yield test_client


def body() -> bytes:
    data = json.loads(SAMPLE.read_text())
    return json.dumps(data.get("body", data)).encode()


class TestGoogleEndpoint:
    async def test_valid_token_is_accepted(self, client: Any) -> None:
        """A push with a valid bearer token for our audience gets 200."""
        response = await client.post(
            "/v1/webhooks/google", data=body(), headers={"Authorization": f"Bearer {token()}"}
        )
        assert response.status == 200, await response.text()

    @pytest.mark.parametrize(
        "header",
        [None, "Bearer not-a-jwt", "Basic abc"],
        ids=["missing", "malformed", "wrong-scheme"],
    )
    async def test_bad_authorization_is_401(self, client: Any, header: str | None) -> None:
        """No, malformed or non-bearer authorization: 401, nothing produced."""
        headers = {"Authorization": header} if header else {}
        response = await client.post("/v1/webhooks/google", data=body(), headers=headers)
        assert response.status == 401 and client.produced.count == 0

    async def test_wrong_audience_or_key_is_401(self, client: Any) -> None:
        """A token for another audience, signed by another key, or expired, is refused."""
        other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        for bad in (token(audience="https://elsewhere"), token(key=other), token(expires_in=-3600)):
            response = await client.post(
                "/v1/webhooks/google", data=body(), headers={"Authorization": f"Bearer {bad}"}
            )
            assert response.status == 401
        assert client.produced.count == 0

    @settings(
        max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        payload=st.binary(max_size=300)
        | st.dictionaries(st.text(max_size=8), st.text(max_size=30), max_size=4).map(
            lambda d: json.dumps(
                {"message": {"data": base64.b64encode(json.dumps(d).encode()).decode()}}
            ).encode()
        )
    )
    async def test_authentic_garbage_never_500(self, client: Any, payload: bytes) -> None:
        """With a valid token, malformed pushes get a 4xx (or a 200 with nothing produced)."""
        before = client.produced.count
        response = await client.post(
            "/v1/webhooks/google", data=payload, headers={"Authorization": f"Bearer {token()}"}
        )
        assert response.status < 500
        if response.status != 200:
            assert client.produced.count == before
