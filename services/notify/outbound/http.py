"""The HTTP side shared by the live senders: transport functions, retries, the ambiguity rule.

Transport is injected: a :data:`PostFn` ``(url, headers, body) -> (status, headers,
body)`` and a :data:`GetFn` ``(url, headers) -> (status, headers, body)``;
:func:`aiohttp_post` and :func:`aiohttp_get` adapt an ``aiohttp.ClientSession``. They
raise ``TimeoutError``, ``OSError`` or ``aiohttp.ClientError`` when no answer arrived.

:class:`HttpSender` runs one delivery:

1. The idempotency store is read; a delivery already sent answers ``duplicate`` at once.
2. The platform subclass builds the request; a delivery it cannot express (a public reply
   with nothing to reply to) is dead-lettered without a request.
3. Each attempt runs under ``timeout_s``. 2xx: the platform's id is stored, ``sent``.
   429, 5xx, a timeout or a connection error (and platform-specific transient errors)
   are retried after ``Retry-After`` (or the platform's reset time), otherwise after an
   exponential backoff with jitter. Any other answer is final: ``dead_lettered`` with
   the platform's error message. After ``max_attempts`` rounds: ``dead_lettered``.
4. A timeout, a dropped connection or a 5xx may come *after* the platform created the
   message. Once that happened, a public reply is never posted again before the
   subclass has looked for it on the platform (:meth:`HttpSender.find_existing`, after
   waiting at least ``settle_s``): found, it is stored and answers ``duplicate``; a look
   that fails counts as a failed round and is repeated before any new post; and before
   an uncertain public reply is dead-lettered, it is looked for once more. Private
   messages have no such look: after an ambiguous failure they are retried (at least
   once, a rare duplicate DM is possible).

Access tokens travel only in request headers; nothing here logs headers, URLs with
tokens, or message texts.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import math
import random
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Literal, TypedDict

import aiohttp

from carerouter.common.logging import get_logger
from carerouter.notify.outbound.idempotency import IdempotencyStore, InMemoryIdempotencyStore
from carerouter.notify.outbound.sender import OutboundDelivery, SendResult

log = get_logger(__name__)

HttpAnswer = tuple[int, dict[str, str], bytes]
"""``(status, headers, body)`` of one HTTP exchange."""
PostFn = Callable[[str, dict[str, str], bytes], Awaitable[HttpAnswer]]
"""``post(url, headers, body)``."""
GetFn = Callable[[str, dict[str, str]], Awaitable[HttpAnswer]]
"""``get(url, headers)``."""
SleepFn = Callable[[float], Awaitable[None]]
ClockFn = Callable[[], float]

MAX_RESPONSE_BYTES = 1 << 20
USER_AGENT = "carerouter-outbound/1"


# --------------------------------------------------------------------------- transport


def _lower(headers: Mapping[str, str]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


async def _read_capped(response: aiohttp.ClientResponse) -> bytes:
    """The answer body, cut at :data:`MAX_RESPONSE_BYTES`."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(64 * 1024):
        chunks.append(chunk[: MAX_RESPONSE_BYTES - size])
        size += len(chunks[-1])
        if size >= MAX_RESPONSE_BYTES:
            break
    return b"".join(chunks)


def aiohttp_post(session: aiohttp.ClientSession) -> PostFn:
    """A :data:`PostFn` on an aiohttp session: redirects are not followed, at most 1 MiB
    of the answer is read, answer header names are lower-cased."""

    async def post(url: str, headers: dict[str, str], body: bytes) -> HttpAnswer:
        async with session.post(url, data=body, headers=headers, allow_redirects=False) as response:
            data = await response.content.read(MAX_RESPONSE_BYTES)
            return response.status, _lower(response.headers), data

    return post


def aiohttp_get(session: aiohttp.ClientSession) -> GetFn:
    """A :data:`GetFn` on an aiohttp session, same rules as :func:`aiohttp_post`."""

    async def get(url: str, headers: dict[str, str]) -> HttpAnswer:
        async with session.get(url, headers=headers, allow_redirects=False) as response:
            return response.status, _lower(response.headers), await _read_capped(response)

    return get


# --------------------------------------------------------------------------- helpers


def parse_retry_after(value: str | None, now: float) -> float | None:
    """``Retry-After`` in seconds from now: delta seconds or an HTTP date; ``None`` when
    absent or unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        return max(0.0, when.timestamp() - now)
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def seconds_until(epoch: str | None, now: float) -> float | None:
    """Seconds from ``now`` to a Unix time given as a header value (X's
    ``x-rate-limit-reset``); ``None`` when absent or unreadable."""
    if epoch is None:
        return None
    try:
        value = float(epoch.strip())
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return max(0.0, value - now)


def backoff_ceiling(retry: int, initial_s: float, max_s: float) -> float:
    """``min(max_s, initial_s * 2 ** (retry - 1))`` for retry number ``retry`` (1-based)."""
    if initial_s <= 0:
        return 0.0
    return min(max_s, initial_s * 2.0 ** min(retry - 1, 62))


_URL = re.compile(r"https?://\S+")
_LEADING_MENTIONS = re.compile(r"^(?:@\w+\s+)+")


def normalise_text(text: str) -> str:
    """Text as compared when looking for an earlier reply: HTML entities decoded (X
    escapes ``&``, ``<``, ``>``), links reduced to a placeholder (X rewrites them to
    t.co), leading @mentions dropped (X prefixes replies with them), whitespace runs
    collapsed. Case and everything else must match exactly."""
    text = html.unescape(text).strip()
    text = _URL.sub("<link>", text)
    text = _LEADING_MENTIONS.sub("", text)
    return " ".join(text.split())


def same_text(posted: str, ours: str) -> bool:
    return normalise_text(posted) == normalise_text(ours)


def json_object(body: bytes) -> dict[str, Any]:
    """``body`` as a JSON object, or ``{}`` when it is not one."""
    try:
        value = json.loads(body)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


# --------------------------------------------------------------------------- sender


class Unsendable(Exception):
    """The delivery cannot be expressed as a request (nothing to reply to, no recipient)."""


class CheckFailed(Exception):
    """Looking for an earlier reply did not give an answer either way."""


@dataclass(frozen=True, slots=True)
class HttpRequest:
    url: str
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True, slots=True)
class Verdict:
    """A platform's answer to one attempt, as the retry loop needs it."""

    outcome: Literal["sent", "retry", "fail"]
    platform_message_id: str | None = None
    reason: str = ""
    retry_after_s: float | None = None
    """The platform's own wait hint (used when there is no ``Retry-After``)."""
    maybe_posted: bool = False
    """The message may exist on the platform although the attempt did not succeed."""


class _KeyedLocks:
    """One lock per key, dropped when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)


class HttpSenderOptions(TypedDict, total=False):
    """The retry-loop knobs of :class:`HttpSender`, passed through by platform senders."""

    get: GetFn | None
    store: IdempotencyStore | None
    sleep: SleepFn
    clock: ClockFn
    rng: random.Random | None
    max_attempts: int
    timeout_s: float
    backoff_initial_s: float
    backoff_max_s: float
    max_retry_after_s: float
    settle_s: float


class HttpSender:
    """The retry loop of a live sender; subclasses supply the platform's requests."""

    def __init__(
        self,
        post: PostFn,
        *,
        get: GetFn | None = None,
        store: IdempotencyStore | None = None,
        sleep: SleepFn = asyncio.sleep,
        clock: ClockFn = time.time,
        rng: random.Random | None = None,
        max_attempts: int = 5,
        timeout_s: float = 10.0,
        backoff_initial_s: float = 1.0,
        backoff_max_s: float = 60.0,
        max_retry_after_s: float = 900.0,
        settle_s: float = 5.0,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if timeout_s <= 0:
            raise ValueError("timeout_s must be positive")
        self._post = post
        self._get = get
        self._store: IdempotencyStore = store if store is not None else InMemoryIdempotencyStore()
        self._sleep = sleep
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()  # noqa: S311 (jitter only)
        self.max_attempts = max_attempts
        self.timeout_s = timeout_s
        self.backoff_initial_s = backoff_initial_s
        self.backoff_max_s = backoff_max_s
        self.max_retry_after_s = max_retry_after_s
        self.settle_s = settle_s
        self._locks = _KeyedLocks()

    def __repr__(self) -> str:  # no token in reprs
        return f"{type(self).__name__}(max_attempts={self.max_attempts})"

    # ----------------------------------------------------------------- subclass hooks

    def build_request(self, message: OutboundDelivery) -> HttpRequest:
        """The request that creates ``message``; raises :class:`Unsendable`."""
        raise NotImplementedError

    def classify(
        self, message: OutboundDelivery, status: int, headers: dict[str, str], body: bytes
    ) -> Verdict:
        """What an HTTP answer means (header names are lower-case)."""
        raise NotImplementedError

    async def find_existing(self, message: OutboundDelivery) -> str | None:
        """The platform id of an earlier public reply with this text by the brand, or
        ``None`` when there is none; raises :class:`CheckFailed` when it cannot tell."""
        raise NotImplementedError

    def auth_headers(self) -> dict[str, str]:
        raise NotImplementedError

    # ----------------------------------------------------------------- shared helpers

    async def get_json(self, url: str) -> dict[str, Any]:
        """GET ``url`` with the sender's credentials; the answer must be a 200 JSON
        object. Raises :class:`CheckFailed` otherwise."""
        if self._get is None:
            raise CheckFailed("no GET transport configured")
        try:
            async with asyncio.timeout(self.timeout_s):
                status, _headers, body = await self._get(url, self.auth_headers())
        except TimeoutError as exc:
            raise CheckFailed(f"timeout after {self.timeout_s:g}s") from exc
        except (OSError, aiohttp.ClientError) as exc:
            raise CheckFailed(f"connection error: {type(exc).__name__}") from exc
        if status != 200:
            raise CheckFailed(f"HTTP {status}: {self.error_message(body)}")
        document = json_object(body)
        if not document:
            raise CheckFailed("answer is not a JSON object")
        return document

    def error_message(self, body: bytes) -> str:
        """The platform's error text in an answer body (subclasses know the shape)."""
        text = body[:200].decode("utf-8", "replace").strip()
        return text or "no error message"

    # ----------------------------------------------------------------- the loop

    async def send(self, message: OutboundDelivery) -> SendResult:
        async with self._locks.hold(message.delivery_id):
            result = await self._send(message)
        log.info(
            "outbound_sent" if result.status != "dead_lettered" else "outbound_dead_lettered",
            action_id=message.action_id,
            index=message.index,
            case_id=message.case_id,
            platform=message.platform,
            kind=message.kind,
            status=result.status,
            attempts=result.attempts,
            reason=result.reason,
        )
        return result

    def _dead(self, message: OutboundDelivery, attempts: int, reason: str) -> SendResult:
        return SendResult(message.delivery_id, "dead_lettered", None, attempts, reason)

    def _found(self, message: OutboundDelivery, platform_id: str, attempts: int) -> SendResult:
        self._store.put(message.delivery_id, platform_id)
        return SendResult(
            message.delivery_id,
            "duplicate",
            platform_id,
            attempts,
            "already on the platform after an ambiguous attempt",
        )

    def _delay(self, retry: int, hint: float | None) -> float:
        if hint is not None:
            return hint
        ceiling = backoff_ceiling(retry, self.backoff_initial_s, self.backoff_max_s)
        return ceiling / 2 + self._rng.uniform(0.0, ceiling / 2)

    async def _attempt(self, message: OutboundDelivery, request: HttpRequest) -> Verdict:
        try:
            async with asyncio.timeout(self.timeout_s):
                status, headers, body = await self._post(
                    request.url, dict(request.headers), request.body
                )
        except TimeoutError:
            return Verdict("retry", reason=f"timeout after {self.timeout_s:g}s", maybe_posted=True)
        except (aiohttp.ClientConnectorError, ConnectionRefusedError) as exc:
            return Verdict("retry", reason=f"cannot connect: {type(exc).__name__}")
        except (OSError, aiohttp.ClientError) as exc:
            return Verdict(
                "retry", reason=f"connection error: {type(exc).__name__}", maybe_posted=True
            )
        headers = _lower(headers)
        verdict = self.classify(message, status, headers, body)
        if verdict.outcome == "retry":
            standard = parse_retry_after(headers.get("retry-after"), self._clock())
            if standard is not None:
                return Verdict(
                    "retry",
                    reason=verdict.reason,
                    retry_after_s=standard,
                    maybe_posted=verdict.maybe_posted,
                )
        return verdict

    async def _look(self, message: OutboundDelivery) -> tuple[str | None, str]:
        """``(platform_id, "")`` or ``(None, "")`` when not found, ``(None, why)`` when
        the look failed."""
        try:
            return await self.find_existing(message), ""
        except CheckFailed as exc:
            return None, f"could not look for an earlier reply: {exc}"

    async def _give_up(
        self, message: OutboundDelivery, posts: int, reason: str, uncertain: bool
    ) -> SendResult:
        if not (uncertain and message.is_public):
            return self._dead(message, posts, reason)
        await self._sleep(self.settle_s)
        found, failure = await self._look(message)
        if found is not None:
            return self._found(message, found, posts)
        if failure:
            return self._dead(
                message, posts, f"{reason} (an earlier attempt may have been posted; {failure})"
            )
        return self._dead(message, posts, f"{reason} (not found on the platform afterwards)")

    async def _send(self, message: OutboundDelivery) -> SendResult:
        known = self._store.get(message.delivery_id)
        if known is not None:
            return SendResult(message.delivery_id, "duplicate", known or None, 0, "already sent")
        try:
            request = self.build_request(message)
        except Unsendable as exc:
            return self._dead(message, 0, str(exc))

        posts = 0
        rounds = 0
        uncertain = False
        reason = ""
        while True:
            if uncertain and message.is_public:
                found, failure = await self._look(message)
                if found is not None:
                    return self._found(message, found, posts)
                if failure:
                    rounds += 1
                    reason = failure
                    if rounds >= self.max_attempts:
                        return self._dead(
                            message,
                            posts,
                            f"{failure} (an earlier attempt may have been posted)",
                        )
                    await self._sleep(max(self._delay(rounds, None), self.settle_s))
                    continue

            posts += 1
            rounds += 1
            verdict = await self._attempt(message, request)
            if verdict.outcome == "sent":
                platform_id = verdict.platform_message_id
                self._store.put(message.delivery_id, platform_id or "")
                return SendResult(message.delivery_id, "sent", platform_id, posts, "")
            uncertain = uncertain or verdict.maybe_posted
            reason = verdict.reason
            if verdict.outcome == "fail" or rounds >= self.max_attempts:
                if verdict.outcome == "retry":
                    reason = f"{reason}; gave up after {posts} attempts"
                return await self._give_up(message, posts, reason, uncertain)
            hint = verdict.retry_after_s
            if hint is not None and hint > self.max_retry_after_s:
                reason = f"{reason}; platform asks to wait {hint:.0f}s, over max_retry_after_s"
                return await self._give_up(message, posts, reason, uncertain)
            delay = self._delay(rounds, hint)
            if uncertain and message.is_public:
                delay = max(delay, self.settle_s)
            await self._sleep(delay)
