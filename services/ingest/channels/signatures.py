"""Handshakes and delivery authentication of every platform, over the exact raw bytes.

Every comparison is constant-time, and every verifier takes several secrets at once so that
a secret can be rotated without downtime (old and new both valid until the old is removed).
Failures raise :class:`SignatureError` with a short reason; nothing is parsed before.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from jwt.algorithms import RSAAlgorithm

from carerouter.ingest.channels.errors import SignatureError, UnknownTopic

Secret = str | bytes
PublicKey = RSAPublicKey | str | bytes | Mapping[str, Any]
KeyResolver = Callable[[str], PublicKey | None]

META_HEADER = "X-Hub-Signature-256"
X_HEADER = "x-twitter-webhooks-signature"
WEBSUB_HEADER = "X-Hub-Signature"
GOOGLE_ISSUERS = ("accounts.google.com", "https://accounts.google.com")

_HEX = re.compile(r"[0-9a-fA-F]+")
_WEBSUB_ALGORITHMS = {
    "sha1": hashlib.sha1,
    "sha256": hashlib.sha256,
    "sha384": hashlib.sha384,
    "sha512": hashlib.sha512,
}


def _key(secret: Secret) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def _keys(secrets: Sequence[Secret]) -> list[bytes]:
    if isinstance(secrets, str | bytes):  # a lone secret passed by mistake: still works
        secrets = [secrets]
    keys = [_key(s) for s in secrets if s]
    if not keys:
        raise SignatureError("no secret configured")
    return keys


def _any_match(expected: Callable[[bytes], bytes], keys: list[bytes], received: bytes) -> bool:
    # Every key is tried, so the time taken does not reveal which one matched.
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(expected(key), received)
    return matched


def _split(header: str | None, name: str, prefixes: Sequence[str]) -> tuple[str, str]:
    if header is None or not header.strip():
        raise SignatureError(f"missing header {name}")
    algorithm, sep, value = header.strip().partition("=")
    if not sep or algorithm.strip().lower() not in prefixes or not value.strip():
        raise SignatureError("malformed signature header")
    return algorithm.strip().lower(), value.strip()


def _hex(value: str, length: int) -> bytes:
    if len(value) != length or not _HEX.fullmatch(value):
        raise SignatureError("malformed signature header")
    return value.lower().encode("ascii")


# --- Meta (Facebook Pages, Messenger, Instagram) -----------------------------------------


def verify_meta(raw: bytes, header: str | None, secrets: Sequence[Secret]) -> None:
    """``X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256(app secret, raw body)>``."""
    _, value = _split(header, META_HEADER, ("sha256",))
    received = _hex(value, 64)
    keys = _keys(secrets)
    if not _any_match(
        lambda key: hmac.new(key, raw, hashlib.sha256).hexdigest().encode("ascii"),
        keys,
        received,
    ):
        raise SignatureError("signature mismatch")


def meta_verify_challenge(params: Mapping[str, str], verify_token: str) -> str:
    """The body to answer Meta's subscription GET with (``hub.challenge``).

    Raises SignatureError (answer 403) for a wrong mode or token. PHP-style names
    (``hub_mode``) are accepted as well.
    """

    def param(name: str) -> str | None:
        return params.get(f"hub.{name}", params.get(f"hub_{name}"))

    if not verify_token:
        raise SignatureError("no verify token configured")
    if param("mode") != "subscribe":
        raise SignatureError("hub.mode is not 'subscribe'")
    token = param("verify_token")
    if token is None:
        raise SignatureError("missing hub.verify_token")
    if not hmac.compare_digest(token.encode("utf-8"), verify_token.encode("utf-8")):
        raise SignatureError("wrong hub.verify_token")
    challenge = param("challenge")
    if not challenge:
        raise SignatureError("missing hub.challenge")
    return challenge


# --- X (Account Activity API and X Activity API) -----------------------------------------


def _x_digest(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


def verify_x(raw: bytes, header: str | None, secrets: Sequence[Secret]) -> None:
    """``x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, body)>``."""
    _, value = _split(header, X_HEADER, ("sha256",))
    try:
        received = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError("malformed signature header") from None
    if len(received) != hashlib.sha256().digest_size:
        raise SignatureError("malformed signature header")
    if not _any_match(lambda key: _x_digest(key, raw), _keys(secrets), received):
        raise SignatureError("signature mismatch")


def x_crc_response(crc_token: str, secret: Secret) -> dict[str, str]:
    """The JSON body answering X's challenge-response check (``GET ?crc_token=``)."""
    if not crc_token:
        raise SignatureError("missing crc_token")
    if not secret:
        raise SignatureError("no secret configured")
    digest = _x_digest(_key(secret), crc_token.encode("utf-8"))
    return {"response_token": "sha256=" + base64.b64encode(digest).decode("ascii")}


# --- YouTube (WebSub / PubSubHubbub) ------------------------------------------------------


def verify_youtube(raw: bytes, header: str | None, secrets: Sequence[Secret]) -> None:
    """``X-Hub-Signature: sha1=<hex HMAC-SHA1(hub.secret, body)>`` (Google's hub signs with
    SHA-1; the other WebSub algorithms, sha256/384/512, are accepted too).

    WebSub wants a 2xx even when this fails: drop the content, do not reject the request.
    """
    algorithm, value = _split(header, WEBSUB_HEADER, tuple(_WEBSUB_ALGORITHMS))
    hash_fn = _WEBSUB_ALGORITHMS[algorithm]
    received = _hex(value, hash_fn().digest_size * 2)
    if not _any_match(
        lambda key: hmac.new(key, raw, hash_fn).hexdigest().encode("ascii"),
        _keys(secrets),
        received,
    ):
        raise SignatureError("signature mismatch")


def websub_challenge(params: Mapping[str, str], expected_topics: Sequence[str]) -> str:
    """The body answering a hub's intent verification GET (``hub.challenge``).

    Raises UnknownTopic (answer 404) when the topic is not one we subscribed to.
    """
    mode = params.get("hub.mode")
    if mode not in ("subscribe", "unsubscribe"):
        raise UnknownTopic("hub.mode is not 'subscribe' or 'unsubscribe'")
    topic = (params.get("hub.topic") or "").strip()
    if not topic:
        raise UnknownTopic("missing hub.topic")
    if topic not in {t.strip() for t in expected_topics}:
        raise UnknownTopic("unknown hub.topic")
    challenge = params.get("hub.challenge")
    if not challenge:
        raise UnknownTopic("missing hub.challenge")
    return challenge


# --- Trustpilot ---------------------------------------------------------------------------


def verify_trustpilot_token(path_token: str | None, tokens: Sequence[Secret]) -> None:
    """Trustpilot signs nothing: the subscription URL carries a long random path segment."""
    if not path_token:
        raise SignatureError("missing path token")
    received = path_token.encode("utf-8")
    if not _any_match(lambda key: key, _keys(tokens), received):
        raise SignatureError("unknown path token")


# --- Google (Cloud Pub/Sub push with OIDC authentication) --------------------------------


def _public_key(key: PublicKey) -> RSAPublicKey | str | bytes:
    if isinstance(key, Mapping):  # a JWK, as Google publishes its certificates
        try:
            loaded = RSAAlgorithm.from_jwk(json.dumps(dict(key)))
        except (jwt.InvalidKeyError, ValueError, TypeError, KeyError):
            raise SignatureError("unusable public key") from None
        if not isinstance(loaded, RSAPublicKey):
            raise SignatureError("unusable public key")
        return loaded
    return key


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _bearer(authorization_header: str | None) -> str:
    if authorization_header is None or not authorization_header.strip():
        raise SignatureError("missing header Authorization")
    scheme, _, token = authorization_header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise SignatureError("malformed Authorization header")
    return token.strip()


def _signing_key(token: str, keys: Mapping[str, PublicKey] | KeyResolver) -> PublicKey:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise SignatureError("malformed token") from None
    if header.get("alg") != "RS256":
        raise SignatureError("unsupported token algorithm")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise SignatureError("token without key id")
    found = keys(kid) if callable(keys) else keys.get(kid)
    if found is None:
        raise SignatureError("unknown key id")
    return found


def _decode(token: str, key: PublicKey, audiences: list[str]) -> dict[str, Any]:
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key=_public_key(key),
            algorithms=["RS256"],
            audience=audiences,
            options={
                "require": ["iss", "aud", "exp", "iat"],
                "verify_exp": False,  # checked by the caller against its injected clock
                "verify_nbf": False,
                "verify_iat": False,
                "verify_iss": False,
            },
        )
    except jwt.InvalidAudienceError:
        raise SignatureError("wrong audience") from None
    except jwt.MissingRequiredClaimError as exc:
        raise SignatureError(f"token without claim {exc.claim}") from None
    except jwt.InvalidSignatureError:
        raise SignatureError("signature mismatch") from None
    except (jwt.PyJWTError, ValueError, TypeError):
        raise SignatureError("malformed token") from None
    return claims


def verify_google_oidc(
    authorization_header: str | None,
    *,
    audience: str | Sequence[str],
    keys: Mapping[str, PublicKey] | KeyResolver,
    now: datetime | None = None,
    email: str | None = None,
    leeway_s: float = 60.0,
) -> dict[str, Any]:
    """Check ``Authorization: Bearer <OIDC JWT>`` of a Pub/Sub push; returns the claims.

    RS256 only; the key is chosen by the token's ``kid`` from ``keys`` (a mapping, or a
    callable returning None for an unknown id; values are RSA public keys, PEM text or JWK
    dicts as Google publishes them). Checks the issuer (accounts.google.com), the audience,
    expiry and issue/not-before times at ``now`` (default: the current time) and, when
    ``email`` is given, the service account the push subscription authenticates as.
    """
    token = _bearer(authorization_header)
    key = _signing_key(token, keys)
    audiences = [audience] if isinstance(audience, str) else list(audience)
    claims = _decode(token, key, audiences)
    if claims.get("iss") not in GOOGLE_ISSUERS:
        raise SignatureError("wrong issuer")
    at = (now or datetime.now(UTC)).timestamp()
    exp, iat, nbf = (_number(claims.get(name)) for name in ("exp", "iat", "nbf"))
    if exp is None or iat is None:
        raise SignatureError("malformed token")
    if at > exp + leeway_s:
        raise SignatureError("token expired")
    if at < max(iat, nbf or iat) - leeway_s:
        raise SignatureError("token not yet valid")
    if email is not None:
        if claims.get("email") != email:
            raise SignatureError("wrong email")
        if claims.get("email_verified") not in (True, "true"):
            raise SignatureError("email not verified")
    return claims
