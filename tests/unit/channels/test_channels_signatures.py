"""Handshakes and delivery authentication: right signatures pass; a tampered byte, a wrong
secret, a missing or malformed header fail with a specific reason; rotation keeps both."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from channels_support import FIXTURES, HEADERS, SECRETS, SIGNATURES, sample, sample_json
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from carerouter.ingest.channels import SignatureError, UnknownTopic
from carerouter.ingest.channels.signatures import (
    meta_verify_challenge,
    verify_google_oidc,
    verify_meta,
    verify_trustpilot_token,
    verify_x,
    verify_youtube,
    websub_challenge,
    x_crc_response,
)

Verifier = Callable[[bytes, str | None, Sequence[str]], None]
SCHEMES: dict[str, tuple[Verifier, str, str]] = {
    # header name in signatures.json -> (verifier, secret)
    "X-Hub-Signature-256": (verify_meta, SECRETS["meta_app_secret"], "X-Hub-Signature-256"),
    "x-twitter-webhooks-signature": (
        verify_x,
        SECRETS["x_consumer_secret"],
        "x-twitter-webhooks-signature",
    ),
    "X-Hub-Signature": (verify_youtube, SECRETS["websub_hub_secret"], "X-Hub-Signature"),
}
SIGNED = sorted(
    (name, header, value) for name, hs in HEADERS.items() for header, value in hs.items()
)


def reason(call: Callable[[], object]) -> str:
    with pytest.raises(SignatureError) as info:
        call()
    return info.value.reason


class TestSignedSamples:
    @pytest.mark.parametrize(("name", "header", "value"), SIGNED)
    def test_right_signature_is_accepted(self, name: str, header: str, value: str) -> None:
        """Every header of signatures.json verifies over the sample's exact bytes."""
        verify, secret, _ = SCHEMES[header]
        verify(sample(name), value, [secret])

    @pytest.mark.parametrize(("name", "header", "value"), SIGNED)
    def test_one_tampered_byte_is_rejected(self, name: str, header: str, value: str) -> None:
        """Changing any single byte of the body (first, middle, last) breaks the signature."""
        verify, secret, _ = SCHEMES[header]
        raw = sample(name)
        for position in (0, len(raw) // 2, len(raw) - 1):
            tampered = bytearray(raw)
            tampered[position] ^= 0x01
            assert reason(lambda t=bytes(tampered): verify(t, value, [secret])) == (
                "signature mismatch"
            )

    @pytest.mark.parametrize(("name", "header", "value"), SIGNED)
    def test_wrong_secret_is_rejected(self, name: str, header: str, value: str) -> None:
        """A signature computed with another secret does not verify."""
        verify, _, _ = SCHEMES[header]
        assert reason(lambda: verify(sample(name), value, ["not-the-secret"])) == (
            "signature mismatch"
        )

    @pytest.mark.parametrize(("name", "header", "value"), SIGNED)
    def test_rotation_accepts_old_and_new_secret(self, name: str, header: str, value: str) -> None:
        """During a rotation both secrets are configured; either order works."""
        verify, secret, _ = SCHEMES[header]
        verify(sample(name), value, ["the-new-secret", secret])
        verify(sample(name), value, [secret, "the-new-secret"])


class TestHeaderProblems:
    @pytest.mark.parametrize("header", sorted(SCHEMES))
    def test_missing_header_names_the_header(self, header: str) -> None:
        """An absent or blank header is reported by its name."""
        verify, secret, name = SCHEMES[header]
        assert reason(lambda: verify(b"{}", None, [secret])) == f"missing header {name}"
        assert reason(lambda: verify(b"{}", "  ", [secret])) == f"missing header {name}"

    @pytest.mark.parametrize(
        ("header", "value"),
        [
            (
                "X-Hub-Signature-256",
                "b3467a842937a24f7b4776fedc3d2aceab0e4e4e0fb836b5fdd8337e5871fe37",
            ),
            ("X-Hub-Signature-256", "sha1=0123456789abcdef0123456789abcdef01234567"),
            ("X-Hub-Signature-256", "sha256=xyz"),
            ("X-Hub-Signature-256", "sha256=" + "g" * 64),
            ("X-Hub-Signature-256", "sha256="),
            ("x-twitter-webhooks-signature", "sha256=not base64!"),
            ("x-twitter-webhooks-signature", "sha256=" + base64.b64encode(b"short").decode()),
            ("x-twitter-webhooks-signature", "y5DEq0egJeoHcGoGTApFYloNuPNOqU2geU/ou6Pj0ss="),
            ("X-Hub-Signature", "sha1=abc"),
            ("X-Hub-Signature", "md5=" + "0" * 32),
            ("X-Hub-Signature", "c0eae8bc140bd67a7936a7ceccaa0ad32dbf5bda"),
        ],
    )
    def test_malformed_header_is_rejected(self, header: str, value: str) -> None:
        """Wrong prefix, wrong length, bad hex or base64, unknown algorithm: malformed."""
        verify, secret, _ = SCHEMES[header]
        assert reason(lambda: verify(b"{}", value, [secret])) == "malformed signature header"

    @pytest.mark.parametrize("header", sorted(SCHEMES))
    def test_no_secret_configured_fails_closed(self, header: str) -> None:
        """With no secret configured nothing verifies."""
        verify, _, _ = SCHEMES[header]
        name, value = next((n, v) for n, h, v in SIGNED if h == header)
        assert reason(lambda: verify(sample(name), value, [])) == "no secret configured"

    def test_meta_accepts_uppercase_hex(self) -> None:
        """Meta sends lowercase hex; the comparison does not depend on the letter case."""
        value = HEADERS["meta/messenger_message_text.json"]["X-Hub-Signature-256"]
        verify_meta(
            sample("meta/messenger_message_text.json"),
            "sha256=" + value.removeprefix("sha256=").upper(),
            [SECRETS["meta_app_secret"]],
        )

    def test_websub_sha256_variant(self) -> None:
        """W3C WebSub's other algorithms verify too (Google's hub uses sha1)."""
        raw = sample("youtube/websub_new_video.xml")
        digest = hmac.new(b"k", raw, hashlib.sha256).hexdigest()
        verify_youtube(raw, f"sha256={digest}", ["k"])


class TestNonAsciiBodies:
    """Meta and X send ASCII bodies with ``\\uXXXX`` and ``\\/`` escapes: the HMAC is over those
    bytes; a re-serialised body (decoded characters, unescaped slashes) no longer verifies."""

    RAW = (
        b'{"object":"page","entry":[{"id":"104857600012345","time":1773480665334,"messaging":'
        b'[{"sender":{"id":"6543210987654321"},"recipient":{"id":"104857600012345"},'
        b'"timestamp":1773480665123,"message":{"mid":"m_escapes",'
        b'"text":"\\u00e4\\u00f6\\u00e5 \\ud83d\\ude15 \\u0645\\u0631\\u062d\\u0628\\u0627 '
        b'https:\\/\\/example.com\\/a"}}]}]}'
    )

    def test_raw_escaped_bytes_verify_and_reserialised_do_not(self) -> None:
        """The HMAC covers the escaped wire bytes, not a re-encoding of the parsed JSON."""
        secret = "example-app-secret"
        header = "sha256=" + hmac.new(secret.encode(), self.RAW, hashlib.sha256).hexdigest()
        verify_meta(self.RAW, header, [secret])
        decoded = json.loads(self.RAW)
        for again in (
            json.dumps(decoded, ensure_ascii=False, separators=(",", ":")).encode(),
            json.dumps(decoded, separators=(",", ":")).encode(),  # keeps \\u, drops \\/
        ):
            assert again != self.RAW
            assert reason(lambda a=again: verify_meta(a, header, [secret])) == (
                "signature mismatch"
            )

    def test_x_signature_over_escaped_bytes(self) -> None:
        """The same holds for X's base64 signature."""
        raw = b'{"for_user_id":"1","text":"caf\\u00e9 \\ud83d\\ude00 a\\/b"}'
        digest = hmac.new(b"s", raw, hashlib.sha256).digest()
        verify_x(raw, "sha256=" + base64.b64encode(digest).decode(), ["s"])
        reserialised = json.dumps(json.loads(raw), ensure_ascii=False).encode()
        assert (
            reason(
                lambda: verify_x(reserialised, "sha256=" + base64.b64encode(digest).decode(), ["s"])
            )
            == "signature mismatch"
        )


class TestHandshakes:
    def test_meta_challenge_is_echoed_for_the_right_token(self) -> None:
        """The sample handshake returns the challenge as the body."""
        request = sample_json("meta/meta_verification_request.json")
        body = meta_verify_challenge(request["query"], request["configured_verify_token"])
        assert body == request["expected_response"]["body"]

    def test_meta_negative_cases_are_refused(self) -> None:
        """Wrong token or wrong mode: refused (the handler answers 403)."""
        request = sample_json("meta/meta_verification_request.json")
        reasons = [
            reason(
                lambda q=case["query"]: meta_verify_challenge(q, request["configured_verify_token"])
            )
            for case in request["negative_cases"]
        ]
        assert reasons == ["wrong hub.verify_token", "hub.mode is not 'subscribe'"]

    def test_meta_php_style_names_and_missing_values(self) -> None:
        """hub_mode-style names work; a missing token or configuration is refused."""
        params = {"hub_mode": "subscribe", "hub_challenge": "7", "hub_verify_token": "t"}
        assert meta_verify_challenge(params, "t") == "7"
        assert reason(lambda: meta_verify_challenge({"hub.mode": "subscribe"}, "t")) == (
            "missing hub.verify_token"
        )
        assert reason(lambda: meta_verify_challenge(params, "")) == "no verify token configured"

    def test_x_crc_examples(self) -> None:
        """The Zammad worked example and signatures.json's CRC examples."""
        request = sample_json("x/crc_request.json")
        assert (
            x_crc_response(request["query"]["crc_token"], request["consumer_secret"])
            == (request["expected_response"]["body"])
        )
        for example in SIGNATURES["x_crc_examples"]:
            response = x_crc_response(example["crc_token"], example["consumer_secret"])
            assert response == {"response_token": example["response_token"]}
        assert reason(lambda: x_crc_response("", "DDD")) == "missing crc_token"

    def test_x_zammad_delivery_vector(self) -> None:
        """A published X delivery signature (secret DDD) verifies."""
        verify_x(
            b'{"for_user_id":123,"key":"value"}',
            "sha256=JjEmBe1lVKT8XldrYUKibF+D5ehp8f0jDk3PXZSHEWI=",
            ["DDD"],
        )

    def test_meta_third_party_vector(self) -> None:
        """The same sha256=<hex> format as GitHub's published vector."""
        verify_meta(
            b"Hello, World!",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            ["It's a Secret to Everybody"],
        )

    def test_websub_challenge_for_our_topic_only(self) -> None:
        """Our topic is confirmed (subscribe or unsubscribe); others are UnknownTopic (404)."""
        request = sample_json("youtube/websub_intent_verification.json")
        topics = [request["subscribe_request_you_send"]["form"]["hub.topic"]]
        assert websub_challenge(request["query"], topics) == request["expected_response"]["body"]
        for case in request["negative_cases"]:
            with pytest.raises(UnknownTopic):
                websub_challenge(case["query"], topics)
        with pytest.raises(UnknownTopic):
            websub_challenge({**request["query"], "hub.mode": "denied"}, topics)
        unsubscribe = {**request["query"], "hub.mode": "unsubscribe"}
        assert websub_challenge(unsubscribe, topics) == request["query"]["hub.challenge"]

    def test_trustpilot_path_token(self) -> None:
        """Path tokens compare like secrets, rotation included."""
        verify_trustpilot_token("tok-new", ["tok-old", "tok-new"])
        verify_trustpilot_token("tok-old", ["tok-old", "tok-new"])
        assert reason(lambda: verify_trustpilot_token("tok-other", ["tok-old"])) == (
            "unknown path token"
        )
        assert reason(lambda: verify_trustpilot_token(None, ["tok-old"])) == "missing path token"
        assert reason(lambda: verify_trustpilot_token("x", [])) == "no secret configured"


# --- Google OIDC --------------------------------------------------------------------------

NOW = datetime(2026, 3, 14, 10, 21, tzinfo=UTC)
AUDIENCE = "https://ingest.example.com/webhooks/google"
PUSH_ACCOUNT = "gbp-push@acme-care-sample.iam.gserviceaccount.com"


@pytest.fixture(scope="module")
def keys() -> dict[str, rsa.RSAPrivateKey]:
    return {
        kid: rsa.generate_private_key(public_exponent=65537, key_size=2048) for kid in ("k1", "k2")
    }


def token(private: Any, kid: str = "k1", **overrides: Any) -> str:
    claims: dict[str, Any] = {
        "iss": "https://accounts.google.com",
        "aud": AUDIENCE,
        "iat": int(NOW.timestamp()) - 60,
        "exp": int(NOW.timestamp()) + 3540,
        "email": PUSH_ACCOUNT,
        "email_verified": True,
        "sub": "1234567890",
    }
    for key, value in overrides.items():
        if value is None:
            claims.pop(key, None)
        else:
            claims[key] = value
    return jwt.encode(claims, private, algorithm="RS256", headers={"kid": kid})


class TestGoogleOidc:
    def public(self, keys: dict[str, rsa.RSAPrivateKey]) -> dict[str, Any]:
        return {kid: key.public_key() for kid, key in keys.items()}

    def check(
        self, keys: dict[str, rsa.RSAPrivateKey], header: str | None, **kw: Any
    ) -> dict[str, Any]:
        return verify_google_oidc(
            header, audience=AUDIENCE, keys=self.public(keys), now=kw.pop("now", NOW), **kw
        )

    def test_valid_token_returns_claims(self, keys: dict[str, rsa.RSAPrivateKey]) -> None:
        """A Google-signed push token with the right audience and email is accepted."""
        claims = self.check(keys, "Bearer " + token(keys["k1"]), email=PUSH_ACCOUNT)
        assert claims["email"] == PUSH_ACCOUNT

    def test_both_rotating_keys_and_both_issuer_forms(
        self, keys: dict[str, rsa.RSAPrivateKey]
    ) -> None:
        """Either current key id verifies; both issuer spellings are Google's."""
        self.check(keys, "Bearer " + token(keys["k2"], kid="k2", iss="accounts.google.com"))
        self.check(keys, "bearer " + token(keys["k1"]))

    def test_key_resolver_and_jwk(self, keys: dict[str, rsa.RSAPrivateKey]) -> None:
        """Keys may come from a callable, and as JWK dicts like Google's published certs."""
        jwk = json.loads(RSAAlgorithm.to_jwk(keys["k1"].public_key()))
        verify_google_oidc(
            "Bearer " + token(keys["k1"]),
            audience=[AUDIENCE],
            keys=lambda kid: jwk if kid == "k1" else None,
            now=NOW,
        )

    @pytest.mark.parametrize(
        ("overrides", "expected"),
        [
            ({"aud": "https://elsewhere.example.com"}, "wrong audience"),
            ({"iss": "https://evil.example.com"}, "wrong issuer"),
            ({"exp": int((NOW - timedelta(minutes=5)).timestamp())}, "token expired"),
            ({"iat": int((NOW + timedelta(minutes=10)).timestamp())}, "token not yet valid"),
            ({"nbf": int((NOW + timedelta(minutes=10)).timestamp())}, "token not yet valid"),
            ({"exp": None}, "token without claim exp"),
            ({"email": "someone@example.com"}, "wrong email"),
            ({"email_verified": False}, "email not verified"),
        ],
    )
    def test_bad_claims_are_rejected(
        self, keys: dict[str, rsa.RSAPrivateKey], overrides: dict[str, Any], expected: str
    ) -> None:
        """Audience, issuer, expiry, issue time, required claims and email are checked."""
        header = "Bearer " + token(keys["k1"], **overrides)
        assert reason(lambda: self.check(keys, header, email=PUSH_ACCOUNT)) == expected

    def test_signature_problems(self, keys: dict[str, rsa.RSAPrivateKey]) -> None:
        """A changed signature, another key or an unknown key id is rejected."""
        good = token(keys["k1"])
        head, payload, signature = good.split(".")
        flipped = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]
        assert reason(lambda: self.check(keys, f"Bearer {head}.{payload}.{flipped}")) == (
            "signature mismatch"
        )
        other = rsa.generate_private_key(public_exponent=65537, key_size=1024 * 2)
        assert reason(lambda: self.check(keys, "Bearer " + token(other))) == "signature mismatch"
        assert reason(lambda: self.check(keys, "Bearer " + token(keys["k1"], kid="k9"))) == (
            "unknown key id"
        )

    def test_algorithm_confusion_is_refused(self, keys: dict[str, rsa.RSAPrivateKey]) -> None:
        """alg none or HS256 (keyed with the public key) never passes."""
        claims = {"iss": "accounts.google.com", "aud": AUDIENCE, "exp": 4102444800, "iat": 0}
        unsigned = jwt.encode(claims, None, algorithm="none", headers={"kid": "k1"})
        hs = jwt.encode(claims, "k" * 32, algorithm="HS256", headers={"kid": "k1"})
        for forged in (unsigned, hs):
            assert reason(lambda f=forged: self.check(keys, "Bearer " + f)) == (
                "unsupported token algorithm"
            )

    def test_header_problems(self, keys: dict[str, rsa.RSAPrivateKey]) -> None:
        """Missing, non-Bearer and non-JWT authorization headers are rejected."""
        assert reason(lambda: self.check(keys, None)) == "missing header Authorization"
        assert reason(lambda: self.check(keys, "Basic dXNlcjpwYXNz")) == (
            "malformed Authorization header"
        )
        assert reason(lambda: self.check(keys, "Bearer not.a.jwt")) == "malformed token"
        assert reason(lambda: self.check(keys, "Bearer")) == "malformed Authorization header"


def test_fixture_folder_is_present() -> None:
    """The samples these tests verify are in the repository."""
    assert (FIXTURES / "signatures.json").is_file()
