"""Configuration of the outbound senders and the sender per platform.

``mode: record`` (the default) sends nothing: every platform gets the one
:class:`~carerouter.notify.outbound.recording.RecordingSender` on ``record_path``.
``mode: live`` uses :class:`~carerouter.notify.outbound.meta.MetaGraphSender` for
facebook and instagram when ``meta`` is configured and
:class:`~carerouter.notify.outbound.x.XSender` for x when ``x`` is configured; every
other platform (no credentials, or no live sender: youtube, trustpilot, google_reviews)
falls back to recording, is listed in :attr:`SenderMap.fallbacks`, and its results
carry a ``warning``.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import replace
from pathlib import Path
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from carerouter.common.logging import get_logger
from carerouter.notify.outbound.http import ClockFn, GetFn, HttpSenderOptions, PostFn, SleepFn
from carerouter.notify.outbound.idempotency import IdempotencyStore
from carerouter.notify.outbound.meta import META_API_BASE, MetaGraphSender
from carerouter.notify.outbound.recording import NowFn, RecordingSender, utc_now
from carerouter.notify.outbound.sender import (
    ALL_PLATFORMS,
    OutboundDelivery,
    Sender,
    SendResult,
)
from carerouter.notify.outbound.x import X_API_BASE, XSender

log = get_logger(__name__)


def _http_base(value: str) -> str:
    if not value.startswith(("https://", "http://")) or len(value.split("/", 3)[2]) == 0:
        raise ValueError("api_base must be an absolute http:// or https:// URL")
    return value.rstrip("/")


def _non_empty_secret(value: SecretStr) -> SecretStr:
    if not value.get_secret_value():
        raise ValueError("must not be empty")
    return value


class RetryConfig(BaseModel):
    """Retry behaviour shared by the live senders."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    max_attempts: int = Field(default=5, ge=1, le=20)
    timeout_s: float = Field(default=10.0, gt=0)
    backoff_initial_s: float = Field(default=1.0, ge=0)
    backoff_max_s: float = Field(default=60.0, ge=0)
    max_retry_after_s: float = Field(default=900.0, ge=0)
    """A platform asking to wait longer than this dead-letters the delivery at once."""
    settle_s: float = Field(default=5.0, ge=0)
    """Minimum wait after an ambiguous attempt before looking for the reply."""

    @model_validator(mode="after")
    def _backoff_order(self) -> Self:
        if self.backoff_max_s < self.backoff_initial_s:
            raise ValueError("backoff_max_s must be at least backoff_initial_s")
        return self


class MetaOutbound(BaseModel):
    """Meta Graph API credentials (a Page access token with ``pages_manage_engagement``,
    ``pages_messaging``, and for Instagram ``instagram_manage_comments``,
    ``instagram_manage_messages``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    page_access_token: SecretStr
    api_base: str = META_API_BASE
    page_id: str | None = None
    """The Page's id; looked up with the token (``/me``) when absent."""
    instagram_account_id: str | None = None
    """The Instagram professional account's id; looked up (``/me``) when absent."""

    _base = field_validator("api_base")(_http_base)

    _token = field_validator("page_access_token")(_non_empty_secret)


class XOutbound(BaseModel):
    """X API v2 credentials: an OAuth 2.0 user-context token of the brand account."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    bearer_token: SecretStr
    brand_user_id: str = Field(min_length=1, pattern=r"^[0-9]+$")
    api_base: str = X_API_BASE

    _base = field_validator("api_base")(_http_base)

    _token = field_validator("bearer_token")(_non_empty_secret)


class OutboundConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    mode: Literal["record", "live"] = "record"
    record_path: Path
    """The recording sender's JSON-lines file (used in every mode, for fallbacks)."""
    meta: MetaOutbound | None = None
    x: XOutbound | None = None
    retry: RetryConfig = RetryConfig()


class FallbackSender:
    """Records instead of sending live, and says so in every result's ``warning``."""

    def __init__(self, recording: RecordingSender, warning: str) -> None:
        self.recording = recording
        self.warning = warning

    async def send(self, message: OutboundDelivery) -> SendResult:
        result = await self.recording.send(message)
        return replace(result, warning=self.warning)


class SenderMap(dict[str, Sender]):
    """The sender per platform name (a dict), plus what ``build_senders`` decided."""

    def __init__(
        self,
        senders: dict[str, Sender],
        *,
        mode: Literal["record", "live"],
        recording: RecordingSender,
        fallbacks: dict[str, str],
    ) -> None:
        super().__init__(senders)
        self.mode = mode
        self.recording = recording
        self.fallbacks = dict(fallbacks)
        """Platform -> why it records although the mode is live."""


def build_senders(
    config: OutboundConfig,
    post: PostFn,
    store: IdempotencyStore,
    *,
    get: GetFn | None = None,
    sleep: SleepFn = asyncio.sleep,
    clock: ClockFn = time.time,
    rng: random.Random | None = None,
    now: NowFn = utc_now,
) -> SenderMap:
    """One sender per platform name of :data:`~carerouter.notify.outbound.sender.ALL_PLATFORMS`.

    ``get`` is needed by the live senders to look for an earlier public reply after an
    ambiguous attempt; without it such a reply is dead-lettered rather than risk a
    duplicate.
    """
    recording = RecordingSender(config.record_path, now=now)
    if config.mode == "record":
        return SenderMap(
            dict.fromkeys(ALL_PLATFORMS, recording),
            mode="record",
            recording=recording,
            fallbacks={},
        )

    retry = config.retry
    options = HttpSenderOptions(
        get=get,
        store=store,
        sleep=sleep,
        clock=clock,
        rng=rng,
        max_attempts=retry.max_attempts,
        timeout_s=retry.timeout_s,
        backoff_initial_s=retry.backoff_initial_s,
        backoff_max_s=retry.backoff_max_s,
        max_retry_after_s=retry.max_retry_after_s,
        settle_s=retry.settle_s,
    )
    senders: dict[str, Sender] = {}
    if config.meta is not None:
        meta = MetaGraphSender(
            config.meta.page_access_token.get_secret_value(),
            post,
            api_base=config.meta.api_base,
            page_id=config.meta.page_id,
            instagram_account_id=config.meta.instagram_account_id,
            **options,
        )
        senders["facebook"] = meta
        senders["instagram"] = meta
    if config.x is not None:
        senders["x"] = XSender(
            config.x.bearer_token.get_secret_value(),
            post,
            api_base=config.x.api_base,
            brand_user_id=config.x.brand_user_id,
            **options,
        )
    fallbacks: dict[str, str] = {}
    for platform in ALL_PLATFORMS:
        if platform in senders:
            continue
        if platform in ("facebook", "instagram"):
            why = "live mode without meta credentials: recorded, not sent"
        elif platform == "x":
            why = "live mode without x credentials: recorded, not sent"
        else:
            why = f"no live sender for {platform}: recorded, not sent"
        fallbacks[platform] = why
        senders[platform] = FallbackSender(recording, why)
    if fallbacks:
        log.warning("outbound_fallback_to_recording", platforms=sorted(fallbacks))
    return SenderMap(senders, mode="live", recording=recording, fallbacks=fallbacks)
