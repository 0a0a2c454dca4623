"""Delivery of SLA events to HTTP webhooks: signed, filtered, retried, dead-lettered.

A :class:`WebhookSink` delivers one :class:`~carerouter.v1.events_pb2.SlaEvent` to one
receiver. A :class:`WebhookDispatcher` runs several sinks side by side, each behind its
own bounded queue and worker task, so a slow receiver delays only its own deliveries.

Contract with receivers (see ``docs/webhooks.md``):

* ``POST`` with ``Content-Type: application/json``; the body is :func:`json_payload` or
  :func:`slack_payload`, encoded once per event and re-sent byte for byte on retries.
* ``X-Carerouter-Timestamp`` is the Unix time of the attempt in seconds and
  ``X-Carerouter-Signature`` is ``v1=`` + lowercase hex HMAC-SHA256 of
  ``f"{timestamp}."`` + body under the sink's first secret. Both change per attempt.
* ``X-Carerouter-Event-Id`` is the ``sla_event_id``: delivery is at least once, and
  receivers deduplicate on it.

The HTTP client is injected (:data:`PostFn`), so tests use a fake; :func:`aiohttp_post`
adapts an ``aiohttp.ClientSession``. A ``PostFn`` returns either the HTTP status or
``(status, retry_after_s)``; the second form lets a 429 or 5xx answer's ``Retry-After``
(in seconds) set the wait before the next attempt, capped at ``backoff_max_s``.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import math
import random
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Literal, Self
from urllib.parse import urlsplit

import aiohttp
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from carerouter.common.logging import get_logger
from carerouter.v1 import events_pb2

log = get_logger(__name__)

TIMESTAMP_HEADER = "X-Carerouter-Timestamp"
SIGNATURE_HEADER = "X-Carerouter-Signature"
EVENT_ID_HEADER = "X-Carerouter-Event-Id"
SIGNATURE_VERSION = "v1"
PAYLOAD_VERSION = 1
USER_AGENT = "carerouter-webhooks/1"
DEFAULT_TOLERANCE_S = 300
DEFAULT_QUEUE_SIZE = 100

Format = Literal["json", "slack"]
MinLevel = Literal["warning", "breach", "escalation"]
Outcome = Literal["delivered", "filtered", "retried", "dead_lettered"]
FinalOutcome = Literal["delivered", "filtered", "dead_lettered"]

PostResult = int | tuple[int, float | None]
"""What a :data:`PostFn` returns: the HTTP status, or the status and ``Retry-After`` s."""
PostFn = Callable[[str, bytes, dict[str, str], float], Awaitable[PostResult]]
"""``post(url, body, headers, timeout_s)``. Raises ``OSError``, ``TimeoutError`` or
``aiohttp.ClientError`` when no HTTP answer arrived (all retried)."""
SleepFn = Callable[[float], Awaitable[None]]
ClockFn = Callable[[], float]
DeadLetterFn = Callable[[events_pb2.SlaEvent, str], Awaitable[None]]
"""``dead_letter(event, reason)``: called once for an event that could not be delivered."""
ResultFn = Callable[[str, Outcome], None]
"""``on_result(sink_name, outcome)``: a metrics hook; must not block or raise."""

_TRANSPORT_ERRORS = (OSError, TimeoutError, aiohttp.ClientError)
_LEVEL_RANK: dict[str, int] = {"warning": 0, "breach": 1, "escalation": 2}


# --------------------------------------------------------------------------- config


class WebhookConfig(BaseModel):
    """One webhook receiver. ``url`` and ``secrets`` stay out of ``repr`` (and logs):
    Slack-style URLs carry a token of their own."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    name: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    url: str = Field(repr=False)
    secrets: list[str] = Field(min_length=1, repr=False)
    """Signing secrets: the first signs; receivers accept any, which allows rotation."""
    format: Format = "json"
    queues: list[str] = Field(default_factory=list)
    """Deliver only events of these queues; empty: every queue."""
    min_level: MinLevel = "warning"
    timeout_s: float = Field(default=5.0, gt=0)
    max_attempts: int = Field(default=6, ge=1)
    backoff_initial_s: float = Field(default=0.5, ge=0)
    backoff_max_s: float = Field(default=30.0, ge=0)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("url must be an absolute http:// or https:// URL")
        return value

    @field_validator("secrets")
    @classmethod
    def _non_empty_secrets(cls, value: list[str]) -> list[str]:
        if any(not secret for secret in value):
            raise ValueError("secrets must not be empty strings")
        return value

    @model_validator(mode="after")
    def _backoff_order(self) -> Self:
        if self.backoff_max_s < self.backoff_initial_s:
            raise ValueError("backoff_max_s must be at least backoff_initial_s")
        return self


# --------------------------------------------------------------------------- signing


def sign(body: bytes, secret: str, timestamp: int) -> str:
    """The ``X-Carerouter-Signature`` value: ``v1=`` + hex HMAC-SHA256 of ``"{ts}." + body``."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"{SIGNATURE_VERSION}={mac.hexdigest()}"


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    wanted = name.lower()
    for key, candidate in headers.items():
        if key.lower() == wanted:
            return candidate
    return None


def verify(
    body: bytes,
    headers: Mapping[str, str],
    secrets: Iterable[str],
    now: float,
    tolerance_s: float = DEFAULT_TOLERANCE_S,
) -> bool:
    """Whether ``body`` and ``headers`` carry a valid, fresh signature under any of
    ``secrets``. Header names match case-insensitively; a timestamp more than
    ``tolerance_s`` away from ``now`` (either way) is rejected; digests are compared in
    constant time. The signature header may list several comma-separated ``v1=`` values.
    """
    raw_ts = _header(headers, TIMESTAMP_HEADER)
    raw_sig = _header(headers, SIGNATURE_HEADER)
    if raw_ts is None or raw_sig is None:
        return False
    raw_ts = raw_ts.strip()
    if not raw_ts.isascii() or not raw_ts.isdigit():
        return False
    timestamp = int(raw_ts)
    if not math.isfinite(now) or abs(now - timestamp) > tolerance_s:
        return False
    offered = [
        part.strip().encode() for part in raw_sig.split(",") if part.strip().startswith("v1=")
    ]
    keys = [secrets] if isinstance(secrets, str) else list(secrets)
    valid = False
    for secret in keys:
        if not secret:
            continue
        expected = sign(body, secret, timestamp).encode()
        for candidate in offered:
            # no early exit: the work done does not depend on which secret matched
            valid |= hmac.compare_digest(expected, candidate)
    return valid


# --------------------------------------------------------------------------- payloads


def _enum_label(enum: Any, prefix: str, value: int) -> str:
    try:
        name: str = enum.Name(value)
    except ValueError:
        return f"unknown_{value}"
    return name.removeprefix(prefix).lower()


def metric_label(event: events_pb2.SlaEvent) -> str:
    """``first_response``, ``next_response``, ``resolution`` (else ``unknown_<n>``)."""
    return _enum_label(events_pb2.SlaMetric, "SLA_METRIC_", event.metric)


def level_label(event: events_pb2.SlaEvent) -> str:
    """``warning``, ``breach`` or ``escalation`` (else ``unknown_<n>``)."""
    return _enum_label(events_pb2.SlaLevel, "SLA_LEVEL_", event.level)


def _level_title(event: events_pb2.SlaEvent) -> str:
    """``warning``, ``breach``, ``escalation 2``: the level as people read it."""
    label = level_label(event)
    if event.level == events_pb2.SLA_LEVEL_ESCALATION and event.level_index > 0:
        return f"{label} {event.level_index}"
    return label


def _level_rank(event: events_pb2.SlaEvent) -> int:
    """0 warning, 1 breach, 2 escalation (SlaLevel is ordered by severity). A level above
    escalation that this build does not know counts as an escalation; an unspecified
    level as a warning, so the default filter never drops it."""
    if event.level >= events_pb2.SLA_LEVEL_ESCALATION:
        return _LEVEL_RANK["escalation"]
    if event.level == events_pb2.SLA_LEVEL_BREACH:
        return _LEVEL_RANK["breach"]
    return _LEVEL_RANK["warning"]


def _rfc3339(event: events_pb2.SlaEvent, field: Literal["deadline", "emitted_at"]) -> str | None:
    if not event.HasField(field):
        return None
    stamp = event.deadline if field == "deadline" else event.emitted_at
    return stamp.ToJsonString()  # UTC, "Z" suffix, 0/3/6/9 fraction digits


def json_payload(event: events_pb2.SlaEvent) -> dict[str, Any]:
    """The ``json`` format: a flat, stable object. Enum values are lowercase names;
    timestamps RFC 3339 UTC (``null`` when unset). ``level_index`` is the 1-based warning
    point or escalation level (0 for a breach); ``period`` the clock period (reopens, next
    responses)."""
    return {
        "type": "sla_event",
        "version": PAYLOAD_VERSION,
        "sla_event_id": event.sla_event_id,
        "case_id": event.case_id,
        "metric": metric_label(event),
        "level": level_label(event),
        "level_index": event.level_index,
        "queue": event.queue,
        "priority": _enum_label(events_pb2.Priority, "PRIORITY_", event.priority),
        "deadline": _rfc3339(event, "deadline"),
        "emitted_at": _rfc3339(event, "emitted_at"),
        "target_seconds": event.target_seconds,
        "conversation_key": event.conversation_key,
        "period": event.period,
    }


def _mrkdwn(text: str) -> str:
    """Escape Slack's control characters so that ids cannot form links or mentions."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _duration(seconds: int) -> str:
    """``5400`` -> ``1h30m``; ``0`` -> ``-``."""
    if seconds <= 0:
        return "-"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return "".join(f"{n}{unit}" for n, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if n)


def slack_payload(event: events_pb2.SlaEvent) -> dict[str, Any]:
    """The ``slack`` format: an incoming-webhook message (``text`` fallback plus a section
    block). Carries ids, queue and timing only: never customer text or names."""
    metric = metric_label(event).replace("_", " ")
    payload = json_payload(event)
    icon = {0: ":warning:", 1: ":rotating_light:"}.get(_level_rank(event), ":fire:")
    headline = f"SLA {_level_title(event)}: {metric} in queue {event.queue or '-'}"
    deadline = payload["deadline"] or "-"
    fields = [
        ("Case", event.case_id or "-"),
        ("Queue", event.queue or "-"),
        ("Priority", payload["priority"]),
        ("Target", _duration(event.target_seconds)),
        ("Deadline (UTC)", deadline),
        ("Event", event.sla_event_id or "-"),
    ]
    return {
        "text": f"{headline} (case {event.case_id or '-'}, deadline {deadline})",
        "blocks": [
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": f"{icon} *{_mrkdwn(headline)}*"},
                "fields": [
                    {"type": "mrkdwn", "text": f"*{label}*\n{_mrkdwn(str(value))}"}
                    for label, value in fields
                ],
            }
        ],
    }


def encode_body(event: events_pb2.SlaEvent, fmt: Format) -> bytes:
    """The exact request body: compact UTF-8 JSON with sorted keys."""
    payload = slack_payload(event) if fmt == "slack" else json_payload(event)
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


# --------------------------------------------------------------------------- transport


def parse_retry_after(value: str | None) -> float | None:
    """A ``Retry-After`` given in seconds; ``None`` if absent or an HTTP date."""
    if value is None:
        return None
    value = value.strip()
    if not value.isascii() or not value.isdigit():
        return None
    return float(value)


def aiohttp_post(session: aiohttp.ClientSession) -> PostFn:
    """A :data:`PostFn` on an aiohttp session: no redirects followed, the response body
    is not read, ``Retry-After`` (seconds) is passed on."""

    async def post(
        url: str, body: bytes, headers: dict[str, str], timeout_s: float
    ) -> tuple[int, float | None]:
        async with session.post(
            url,
            data=body,
            headers=headers,
            timeout=aiohttp.ClientTimeout(total=timeout_s),
            allow_redirects=False,
        ) as response:
            return response.status, parse_retry_after(response.headers.get("Retry-After"))

    return post


def backoff_ceiling(retry: int, initial_s: float, max_s: float) -> float:
    """Upper bound of the wait before retry number ``retry`` (1-based):
    ``min(max_s, initial_s * 2 ** (retry - 1))``."""
    if initial_s <= 0:
        return 0.0
    exponent = min(retry - 1, 62)  # 2**62 * anything positive exceeds any sane cap
    return min(max_s, initial_s * 2.0**exponent)


def _is_retryable_status(status: int) -> bool:
    return status == 429 or 500 <= status <= 599


# --------------------------------------------------------------------------- sink


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    """How one event fared at one sink."""

    sink: str
    sla_event_id: str
    outcome: FinalOutcome
    attempts: int
    """HTTP requests made (0 when filtered)."""
    status: int | None = None
    """Last HTTP status received, ``None`` if none."""
    reason: str = ""
    """Why it was filtered or dead-lettered; empty when delivered."""


class WebhookSink:
    """Delivers SLA events to one webhook.

    Retries 5xx, 429, timeouts and transport errors with exponential backoff and full
    jitter (``uniform(0, min(backoff_max_s, backoff_initial_s * 2**(n-1)))`` before retry
    ``n``, or the answer's ``Retry-After`` capped at ``backoff_max_s``); does not retry
    other statuses (4xx, 3xx, 1xx). An event that was not delivered (attempts exhausted or
    a non-retryable answer) goes to ``dead_letter(event, reason)`` once.
    ``on_result`` hears ``"retried"`` per failed attempt that is retried, then one of
    ``"delivered"``, ``"filtered"`` or ``"dead_lettered"``.
    """

    def __init__(
        self,
        config: WebhookConfig,
        post: PostFn,
        *,
        sleep: SleepFn = asyncio.sleep,
        clock: ClockFn = time.time,
        dead_letter: DeadLetterFn,
        rng: random.Random | None = None,
        on_result: ResultFn | None = None,
    ) -> None:
        self.config = config
        self._post = post
        self._sleep = sleep
        self._clock = clock
        self._dead_letter = dead_letter
        self._rng = rng if rng is not None else random.Random()  # noqa: S311 (jitter only)
        self._on_result = on_result
        self._queues = frozenset(config.queues)
        self._min_rank = _LEVEL_RANK[config.min_level]

    @property
    def name(self) -> str:
        return self.config.name

    def filter_reason(self, event: events_pb2.SlaEvent) -> str | None:
        """Why this sink does not want ``event``, or ``None`` if it does."""
        if self._queues and event.queue not in self._queues:
            return f"queue {event.queue!r} not subscribed"
        if _level_rank(event) < self._min_rank:
            return f"level {level_label(event)} below {self.config.min_level}"
        return None

    def accepts(self, event: events_pb2.SlaEvent) -> bool:
        return self.filter_reason(event) is None

    def _report(self, outcome: Outcome) -> None:
        if self._on_result is not None:
            self._on_result(self.config.name, outcome)

    def headers(self, event: events_pb2.SlaEvent, body: bytes, timestamp: int) -> dict[str, str]:
        """The request headers of one attempt."""
        return {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            EVENT_ID_HEADER: event.sla_event_id,
            TIMESTAMP_HEADER: str(timestamp),
            SIGNATURE_HEADER: sign(body, self.config.secrets[0], timestamp),
        }

    async def _attempt(
        self, event: events_pb2.SlaEvent, body: bytes
    ) -> tuple[int | None, float | None, str]:
        """One request: ``(status, retry_after_s, error)``; status ``None`` when no HTTP
        answer arrived."""
        cfg = self.config
        timestamp = int(self._clock())
        try:
            async with asyncio.timeout(cfg.timeout_s):
                answer = await self._post(
                    cfg.url, body, self.headers(event, body, timestamp), cfg.timeout_s
                )
        except TimeoutError:
            return None, None, f"timeout after {cfg.timeout_s:g}s"
        except _TRANSPORT_ERRORS as exc:
            return None, None, f"transport error: {type(exc).__name__}"
        if isinstance(answer, tuple):
            status, retry_after = answer
        else:
            status, retry_after = answer, None
        return status, retry_after, ""

    def _delay(self, retry: int, retry_after: float | None) -> float:
        cfg = self.config
        if retry_after is not None and math.isfinite(retry_after) and retry_after >= 0:
            return min(retry_after, cfg.backoff_max_s)
        return self._rng.uniform(
            0.0, backoff_ceiling(retry, cfg.backoff_initial_s, cfg.backoff_max_s)
        )

    async def deliver(self, event: events_pb2.SlaEvent) -> DeliveryResult:
        """Deliver ``event`` (or filter it out); returns once it is delivered, filtered or
        dead-lettered. Exceptions from ``dead_letter`` propagate."""
        cfg = self.config
        filtered = self.filter_reason(event)
        if filtered is not None:
            self._report("filtered")
            return DeliveryResult(cfg.name, event.sla_event_id, "filtered", 0, reason=filtered)
        body = encode_body(event, cfg.format)
        last_status: int | None = None
        reason = ""
        for attempt in range(1, cfg.max_attempts + 1):
            status, retry_after, error = await self._attempt(event, body)
            if status is not None:
                last_status = status
                if 200 <= status <= 299:
                    self._report("delivered")
                    return DeliveryResult(
                        cfg.name, event.sla_event_id, "delivered", attempt, status
                    )
                if not _is_retryable_status(status):
                    reason = f"HTTP {status} (not retried)"
                    return await self._give_up(event, reason, attempt, last_status)
                error = f"HTTP {status}"
            reason = error
            if attempt < cfg.max_attempts:
                self._report("retried")
                delay = self._delay(attempt, retry_after)
                log.info(
                    "webhook_retry",
                    sink=cfg.name,
                    event_id=event.sla_event_id,
                    attempt=attempt,
                    error=error,
                    delay_s=round(delay, 3),
                )
                await self._sleep(delay)
        reason = f"gave up after {cfg.max_attempts} attempts: {reason}"
        return await self._give_up(event, reason, cfg.max_attempts, last_status)

    async def _give_up(
        self, event: events_pb2.SlaEvent, reason: str, attempts: int, status: int | None
    ) -> DeliveryResult:
        log.warning(
            "webhook_dead_letter",
            sink=self.config.name,
            event_id=event.sla_event_id,
            attempts=attempts,
            reason=reason,
        )
        await self._dead_letter(event, reason)
        self._report("dead_lettered")
        return DeliveryResult(
            self.config.name, event.sla_event_id, "dead_lettered", attempts, status, reason
        )


# --------------------------------------------------------------------------- dispatcher


class WebhookDispatcher:
    """Runs several sinks concurrently, each behind a bounded queue and one worker task.

    :meth:`submit` reports filtered events at once and enqueues the event for every sink
    that wants it: first on every queue with room, then it awaits room on the full ones.
    Back-pressure, not loss: nothing is ever dropped, so a receiver that stays slow long
    enough to fill its queue eventually slows the caller (the other sinks keep
    delivering what they have). Each sink delivers its events one at a time, in order.
    :meth:`stop` refuses new events, then drains every queue (optionally within a
    timeout, after which the workers are cancelled).
    """

    def __init__(
        self, sinks: Sequence[WebhookSink], *, queue_size: int = DEFAULT_QUEUE_SIZE
    ) -> None:
        if queue_size < 1:
            raise ValueError("queue_size must be at least 1")
        names = [sink.name for sink in sinks]
        if len(set(names)) != len(names):
            raise ValueError(f"sink names must be unique, got {names}")
        self._sinks = list(sinks)
        self._queues: dict[str, asyncio.Queue[events_pb2.SlaEvent]] = {
            sink.name: asyncio.Queue(maxsize=queue_size) for sink in self._sinks
        }
        self._workers: list[asyncio.Task[None]] = []
        self._started = False
        self._closed = False
        self._submitting = 0
        self._no_submits = asyncio.Event()
        self._no_submits.set()

    @property
    def sinks(self) -> tuple[WebhookSink, ...]:
        return tuple(self._sinks)

    def pending(self, sink_name: str) -> int:
        """Events waiting in a sink's queue (not counting the one being delivered)."""
        return self._queues[sink_name].qsize()

    async def start(self) -> None:
        """Start one worker task per sink. Idempotent. Events submitted before ``start``
        wait in the queues (and ``submit`` awaits once a queue is full)."""
        if self._closed:
            raise RuntimeError("dispatcher is stopped")
        self._spawn()

    def _spawn(self) -> None:
        if self._started:
            return
        self._started = True
        for sink in self._sinks:
            task = asyncio.create_task(
                self._work(sink, self._queues[sink.name]), name=f"webhook-{sink.name}"
            )
            self._workers.append(task)

    async def submit(self, event: events_pb2.SlaEvent) -> None:
        """Hand ``event`` to every sink; awaits while a wanting sink's queue is full."""
        if self._closed:
            raise RuntimeError("dispatcher is stopped")
        self._submitting += 1
        self._no_submits.clear()
        try:
            full: list[asyncio.Queue[events_pb2.SlaEvent]] = []
            for sink in self._sinks:
                if not sink.accepts(event):
                    await sink.deliver(event)  # reports "filtered"; no I/O
                    continue
                queue = self._queues[sink.name]
                try:
                    queue.put_nowait(event)
                except asyncio.QueueFull:
                    full.append(queue)
            for queue in full:
                await queue.put(event)
        finally:
            self._submitting -= 1
            if self._submitting == 0:
                self._no_submits.set()

    async def _work(self, sink: WebhookSink, queue: asyncio.Queue[events_pb2.SlaEvent]) -> None:
        while True:
            event = await queue.get()
            try:
                await sink.deliver(event)
            except Exception:
                # A failing dead-letter hook or a bug must not stop this sink's worker.
                log.exception(
                    "webhook_delivery_failed", sink=sink.name, event_id=event.sla_event_id
                )
            finally:
                queue.task_done()

    async def stop(self, timeout_s: float | None = None) -> None:
        """Refuse new events, deliver everything queued or being submitted, then stop the
        workers. Past ``timeout_s`` the deliveries in flight are cancelled and what is
        still queued is dropped and logged; blocked ``submit`` calls then return."""
        self._closed = True
        if any(queue.qsize() for queue in self._queues.values()):
            self._spawn()  # stopped without a start: deliver what was submitted
        drained = True
        try:
            async with asyncio.timeout(timeout_s):
                await self._no_submits.wait()
                await asyncio.gather(*(queue.join() for queue in self._queues.values()))
        except TimeoutError:
            drained = False
        for task in self._workers:
            task.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers.clear()
        if not drained:
            await self._abandon_queued()

    async def _abandon_queued(self) -> None:
        abandoned = dict.fromkeys(self._queues, 0)
        while True:
            for name, queue in self._queues.items():
                while not queue.empty():
                    queue.get_nowait()
                    queue.task_done()
                    abandoned[name] += 1
            if self._submitting == 0:
                break
            await asyncio.sleep(0)  # let a blocked submit put into the freed slot
        for name, count in abandoned.items():
            log.warning("webhook_undelivered_at_stop", sink=name, count=count)

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()
