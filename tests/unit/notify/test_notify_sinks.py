"""Webhook sinks: signing, payloads, filters, retries with backoff, dead letters, the
dispatcher's per-sink queues, and one delivery through a real local aiohttp server."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import random
import socket
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from pydantic import ValidationError

from carerouter.notify.sinks import (
    EVENT_ID_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    DeliveryResult,
    Outcome,
    PostResult,
    WebhookConfig,
    WebhookDispatcher,
    WebhookSink,
    aiohttp_post,
    backoff_ceiling,
    encode_body,
    json_payload,
    parse_retry_after,
    sign,
    slack_payload,
    verify,
)
from carerouter.v1 import events_pb2 as pb

SECRET = "whsec-test-0123456789abcdef"
OLD_SECRET = "whsec-old-fedcba9876543210"
T0 = 1_790_000_000
URL = "https://hooks.example.com/carerouter"


def sla_event(
    *,
    event_id: str = "x:root#1/first_response/breach/0",
    queue: str = "orders",
    level: int = pb.SLA_LEVEL_BREACH,
    metric: int = pb.SLA_METRIC_FIRST_RESPONSE,
    level_index: int = 0,
    period: int = 0,
) -> pb.SlaEvent:
    event = pb.SlaEvent(
        sla_event_id=event_id,
        case_id="x:root#1",
        metric=metric,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
        queue=queue,
        priority=pb.PRIORITY_HIGH,
        target_seconds=3600,
        conversation_key="x:root",
        level_index=level_index,
        period=period,
    )
    event.deadline.FromDatetime(datetime(2026, 11, 23, 11, 0, tzinfo=UTC))
    event.emitted_at.FromDatetime(datetime(2026, 11, 23, 11, 0, 1, 500000, tzinfo=UTC))
    return event


def config(**overrides: Any) -> WebhookConfig:
    values: dict[str, Any] = {"name": "ops", "url": URL, "secrets": [SECRET]}
    values.update(overrides)
    return WebhookConfig(**values)


@dataclass
class Call:
    url: str
    body: bytes
    headers: dict[str, str]
    timeout_s: float


@dataclass
class FakePost:
    """Answers from a script (a status, a (status, retry_after) pair, or an exception to
    raise); once the script runs out, answers 200. Records every call."""

    script: list[PostResult | BaseException] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)

    async def __call__(
        self, url: str, body: bytes, headers: dict[str, str], timeout_s: float
    ) -> PostResult:
        self.calls.append(Call(url, body, dict(headers), timeout_s))
        answer = self.script.pop(0) if self.script else 200
        if isinstance(answer, BaseException):
            raise answer
        return answer


@dataclass
class FakeSleep:
    """Records requested delays and advances the fake clock by them."""

    clock: FakeClock
    delays: list[float] = field(default_factory=list)

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        self.clock.now += delay
        await asyncio.sleep(0)


@dataclass
class FakeClock:
    now: float = float(T0)

    def __call__(self) -> float:
        return self.now


@dataclass
class Recorder:
    dead: list[tuple[str, str]] = field(default_factory=list)
    outcomes: list[tuple[str, Outcome]] = field(default_factory=list)

    async def dead_letter(self, event: pb.SlaEvent, reason: str) -> None:
        self.dead.append((event.sla_event_id, reason))

    def on_result(self, sink: str, outcome: Outcome) -> None:
        self.outcomes.append((sink, outcome))


class MaxJitter(random.Random):
    """Jitter that always picks the ceiling, so backoff delays are exact."""

    def uniform(self, a: float, b: float) -> float:
        return b


@dataclass
class Harness:
    sink: WebhookSink
    post: FakePost
    sleep: FakeSleep
    clock: FakeClock
    recorder: Recorder


def harness(
    script: list[PostResult | BaseException] | None = None,
    *,
    rng: random.Random | None = None,
    **overrides: Any,
) -> Harness:
    clock = FakeClock()
    sleep = FakeSleep(clock)
    post = FakePost(list(script or []))
    recorder = Recorder()
    sink = WebhookSink(
        config(**overrides),
        post,
        sleep=sleep,
        clock=clock,
        dead_letter=recorder.dead_letter,
        rng=rng or random.Random(7),
        on_result=recorder.on_result,
    )
    return Harness(sink, post, sleep, clock, recorder)


def signed_headers(body: bytes, secret: str = SECRET, timestamp: int = T0) -> dict[str, str]:
    return {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: sign(body, secret, timestamp)}


# --------------------------------------------------------------------------- signing


class TestSigning:
    """HMAC-SHA256 over "<timestamp>." + body, checked with rotation and freshness."""

    BODY = b'{"sla_event_id":"x:root#1/first_response/breach/0"}'

    def test_signature_is_v1_lowercase_hex_hmac_of_timestamp_dot_body(self) -> None:
        """The header value is "v1=" + hex digest of the documented message."""
        expected = hmac.new(SECRET.encode(), f"{T0}.".encode() + self.BODY, hashlib.sha256)
        assert sign(self.BODY, SECRET, T0) == "v1=" + expected.hexdigest()

    def test_valid_signature_verifies(self) -> None:
        """A fresh signature under the configured secret is accepted."""
        assert verify(self.BODY, signed_headers(self.BODY), [SECRET], now=T0 + 10)

    def test_tampered_body_fails(self) -> None:
        """Changing one byte of the body invalidates the signature."""
        headers = signed_headers(self.BODY)
        assert not verify(self.BODY.replace(b"breach", b"warnin"), headers, [SECRET], now=T0)

    def test_old_timestamp_fails(self) -> None:
        """A replay older than the tolerance is rejected even with a valid signature."""
        headers = signed_headers(self.BODY)
        assert verify(self.BODY, headers, [SECRET], now=T0 + 300)
        assert not verify(self.BODY, headers, [SECRET], now=T0 + 301)
        assert not verify(self.BODY, headers, [SECRET], now=T0 + 61, tolerance_s=60)

    def test_future_timestamp_fails(self) -> None:
        """A timestamp far ahead of the receiver's clock is rejected too."""
        assert not verify(self.BODY, signed_headers(self.BODY), [SECRET], now=T0 - 301)

    def test_timestamp_swapped_after_signing_fails(self) -> None:
        """The timestamp is part of the signed message: it cannot be refreshed."""
        headers = signed_headers(self.BODY)
        headers[TIMESTAMP_HEADER] = str(T0 + 100)
        assert not verify(self.BODY, headers, [SECRET], now=T0 + 100)

    def test_wrong_secret_fails(self) -> None:
        """A signature under another secret is rejected."""
        headers = signed_headers(self.BODY, secret="not-the-secret")
        assert not verify(self.BODY, headers, [SECRET], now=T0)

    def test_any_of_several_secrets_verifies_during_rotation(self) -> None:
        """Receivers holding old and new secrets accept signatures under either."""
        for secret in (SECRET, OLD_SECRET):
            headers = signed_headers(self.BODY, secret=secret)
            assert verify(self.BODY, headers, [OLD_SECRET, SECRET], now=T0)

    def test_a_single_secret_string_is_not_split_into_characters(self) -> None:
        """Passing one secret as a plain string still works."""
        assert verify(self.BODY, signed_headers(self.BODY), SECRET, now=T0)

    def test_header_names_match_case_insensitively(self) -> None:
        """Frameworks that lowercase header names still verify."""
        headers = {k.lower(): v for k, v in signed_headers(self.BODY).items()}
        assert verify(self.BODY, headers, [SECRET], now=T0)

    @pytest.mark.parametrize(
        "headers",
        [
            {},
            {TIMESTAMP_HEADER: str(T0)},
            {SIGNATURE_HEADER: "v1=00"},
            {TIMESTAMP_HEADER: "soon", SIGNATURE_HEADER: "v1=00"},
            {TIMESTAMP_HEADER: "-5", SIGNATURE_HEADER: "v1=00"},
        ],
    )
    def test_missing_or_malformed_headers_fail(self, headers: dict[str, str]) -> None:
        """No headers, half the headers or a non-numeric timestamp are rejected."""
        assert not verify(self.BODY, headers, [SECRET], now=T0)

    def test_one_of_several_offered_signatures_may_match(self) -> None:
        """A comma-separated list of v1 values verifies when one of them is right."""
        headers = signed_headers(self.BODY)
        headers[SIGNATURE_HEADER] = "v1=" + "0" * 64 + "," + headers[SIGNATURE_HEADER]
        assert verify(self.BODY, headers, [SECRET], now=T0)


# --------------------------------------------------------------------------- config


class TestConfig:
    """WebhookConfig validates what it is given and keeps secrets out of its repr."""

    def test_defaults(self) -> None:
        """The documented defaults."""
        cfg = config()
        assert (cfg.format, cfg.queues, cfg.min_level) == ("json", [], "warning")
        assert (cfg.timeout_s, cfg.max_attempts) == (5, 6)
        assert (cfg.backoff_initial_s, cfg.backoff_max_s) == (0.5, 30)

    @pytest.mark.parametrize(
        "overrides",
        [
            {"url": "ftp://hooks.example.com/x"},
            {"url": "hooks.example.com/x"},
            {"url": "https:///no-host"},
            {"secrets": []},
            {"secrets": [""]},
            {"format": "xml"},
            {"min_level": "critical"},
            {"max_attempts": 0},
            {"timeout_s": 0},
            {"timeout_s": float("inf")},
            {"backoff_initial_s": 5, "backoff_max_s": 1},
            {"name": ""},
            {"unknown": True},
        ],
    )
    def test_invalid_values_are_rejected(self, overrides: dict[str, Any]) -> None:
        """Bad URLs, no secrets, unknown formats/levels/fields and bad numbers fail."""
        with pytest.raises(ValidationError):
            config(**overrides)

    def test_is_frozen(self) -> None:
        """A config cannot be changed after validation."""
        with pytest.raises(ValidationError):
            config().url = "https://elsewhere.example.com"  # type: ignore[misc]

    def test_repr_hides_url_and_secrets(self) -> None:
        """Neither the URL (Slack URLs embed a token) nor a secret appears in repr."""
        text = repr(config(url="https://hooks.slack.com/services/T0/B0/tokentoken"))
        assert SECRET not in text and "tokentoken" not in text and "ops" in text


# --------------------------------------------------------------------------- payloads


class TestPayloads:
    """The json and slack bodies."""

    def test_json_payload_is_stable_and_lowercase(self) -> None:
        """Every SlaEvent field, enums as lowercase names, times as RFC 3339 UTC."""
        assert json_payload(sla_event()) == {
            "type": "sla_event",
            "version": 1,
            "sla_event_id": "x:root#1/first_response/breach/0",
            "case_id": "x:root#1",
            "metric": "first_response",
            "level": "breach",
            "level_index": 0,
            "queue": "orders",
            "priority": "high",
            "deadline": "2026-11-23T11:00:00Z",
            "emitted_at": "2026-11-23T11:00:01.500Z",
            "target_seconds": 3600,
            "conversation_key": "x:root",
            "period": 0,
        }

    def test_json_payload_of_resolution_warning(self) -> None:
        """Other enum values map the same way."""
        payload = json_payload(
            sla_event(level=pb.SLA_LEVEL_WARNING, metric=pb.SLA_METRIC_RESOLUTION)
        )
        assert (payload["metric"], payload["level"]) == ("resolution", "warning")

    def test_json_payload_of_an_escalation(self) -> None:
        """Escalations carry their level index; next-response clocks their period."""
        payload = json_payload(
            sla_event(
                level=pb.SLA_LEVEL_ESCALATION,
                metric=pb.SLA_METRIC_NEXT_RESPONSE,
                level_index=2,
                period=3,
            )
        )
        assert (payload["metric"], payload["level"]) == ("next_response", "escalation")
        assert (payload["level_index"], payload["period"]) == (2, 3)

    def test_unknown_enum_values_are_labelled_not_dropped(self) -> None:
        """A level or metric newer than this build still renders."""
        payload = json_payload(sla_event(level=9, metric=8))
        assert (payload["metric"], payload["level"]) == ("unknown_8", "unknown_9")

    def test_unset_timestamps_are_null(self) -> None:
        """A missing deadline is null, not 1970."""
        payload = json_payload(pb.SlaEvent(sla_event_id="e"))
        assert payload["deadline"] is None and payload["emitted_at"] is None
        assert payload["metric"] == "unspecified"

    def test_encoded_body_is_compact_sorted_json(self) -> None:
        """The body decodes to the payload and is byte-for-byte reproducible."""
        body = encode_body(sla_event(), "json")
        assert json.loads(body) == json_payload(sla_event())
        assert body == encode_body(sla_event(), "json")
        assert b": " not in body and body.startswith(b'{"case_id"')

    def test_slack_payload_has_text_and_a_section_block(self) -> None:
        """An incoming-webhook message: a fallback text and a section with fields."""
        payload = slack_payload(sla_event())
        assert "SLA breach" in payload["text"] and "first response" in payload["text"]
        assert "x:root#1" in payload["text"]
        section = payload["blocks"][0]
        assert section["type"] == "section"
        assert section["text"]["type"] == "mrkdwn"
        texts = " ".join(f["text"] for f in section["fields"])
        assert "orders" in texts and "high" in texts and "1h" in texts
        assert len(section["fields"]) <= 10  # Slack's limit per section

    def test_slack_headline_names_the_escalation_level(self) -> None:
        """An escalation reads "SLA escalation 2"."""
        payload = slack_payload(sla_event(level=pb.SLA_LEVEL_ESCALATION, level_index=2))
        assert payload["text"].startswith("SLA escalation 2: first response")

    def test_slack_payload_escapes_control_characters(self) -> None:
        """A queue name cannot smuggle a mention or link into the message."""
        payload = slack_payload(sla_event(queue="<!channel>"))
        blob = json.dumps(payload["blocks"])
        assert "<!channel>" not in blob and "&lt;!channel&gt;" in blob

    def test_slack_body_is_json(self) -> None:
        """The slack format is sent as JSON too."""
        assert json.loads(encode_body(sla_event(), "slack")) == slack_payload(sla_event())


# --------------------------------------------------------------------------- filters


class TestFilters:
    """Queue and minimum-level filters decide before any request is made."""

    async def test_other_queue_is_filtered(self) -> None:
        """An event of an unsubscribed queue is not posted."""
        h = harness(queues=["defects"])
        result = await h.sink.deliver(sla_event(queue="orders"))
        assert result.outcome == "filtered" and result.attempts == 0
        assert h.post.calls == [] and h.recorder.outcomes == [("ops", "filtered")]

    async def test_subscribed_queue_is_delivered(self) -> None:
        """An event of a subscribed queue is posted."""
        h = harness(queues=["defects", "orders"])
        assert (await h.sink.deliver(sla_event(queue="orders"))).outcome == "delivered"

    async def test_empty_queue_list_means_every_queue(self) -> None:
        """With no queues configured, every queue is delivered."""
        h = harness()
        assert (await h.sink.deliver(sla_event(queue="anything"))).outcome == "delivered"

    @pytest.mark.parametrize(
        ("min_level", "level", "delivered"),
        [
            ("warning", pb.SLA_LEVEL_WARNING, True),
            ("warning", pb.SLA_LEVEL_BREACH, True),
            ("breach", pb.SLA_LEVEL_WARNING, False),
            ("breach", pb.SLA_LEVEL_BREACH, True),
            ("escalation", pb.SLA_LEVEL_BREACH, False),
            ("escalation", pb.SLA_LEVEL_WARNING, False),
            ("escalation", pb.SLA_LEVEL_ESCALATION, True),
            ("breach", pb.SLA_LEVEL_ESCALATION, True),
            ("escalation", 9, True),  # a level above escalation, unknown to this build
            ("warning", pb.SLA_LEVEL_UNSPECIFIED, True),
            ("breach", pb.SLA_LEVEL_UNSPECIFIED, False),
        ],
    )
    async def test_min_level(self, min_level: str, level: int, delivered: bool) -> None:
        """Levels rank warning < breach < escalation."""
        h = harness(min_level=min_level)
        result = await h.sink.deliver(sla_event(level=level))
        assert (result.outcome == "delivered") is delivered
        assert len(h.post.calls) == int(delivered)


# --------------------------------------------------------------------------- retries


class TestRetries:
    """Retry policy, backoff, and dead-lettering."""

    async def test_retry_then_success(self) -> None:
        """Two 503s then a 200: delivered on the third attempt."""
        h = harness([503, 502, 200])
        result = await h.sink.deliver(sla_event())
        assert result == DeliveryResult("ops", sla_event().sla_event_id, "delivered", 3, 200)
        assert [o for _, o in h.recorder.outcomes] == ["retried", "retried", "delivered"]
        assert h.recorder.dead == []

    async def test_each_attempt_resends_the_same_body_and_event_id_freshly_signed(
        self,
    ) -> None:
        """Same bytes and event id every time; timestamp and signature per attempt."""
        h = harness([503, 503, 200], backoff_initial_s=2)
        await h.sink.deliver(sla_event())
        bodies = {c.body for c in h.post.calls}
        assert bodies == {encode_body(sla_event(), "json")}
        assert {c.headers[EVENT_ID_HEADER] for c in h.post.calls} == {sla_event().sla_event_id}
        stamps = [int(c.headers[TIMESTAMP_HEADER]) for c in h.post.calls]
        assert stamps == sorted(stamps) and stamps[0] == T0
        for call in h.post.calls:
            assert call.url == URL and call.timeout_s == 5
            assert call.headers["Content-Type"] == "application/json"
            now = int(call.headers[TIMESTAMP_HEADER])
            assert verify(call.body, call.headers, [SECRET], now=now)

    async def test_first_secret_signs(self) -> None:
        """With several secrets, the first one signs."""
        h = harness(secrets=[SECRET, OLD_SECRET])
        await h.sink.deliver(sla_event())
        call = h.post.calls[0]
        assert verify(call.body, call.headers, [SECRET], now=T0)
        assert not verify(call.body, call.headers, [OLD_SECRET], now=T0)

    @pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 422, 301, 302])
    async def test_other_4xx_and_redirects_are_not_retried(self, status: int) -> None:
        """A permanent answer dead-letters at once, after a single request."""
        h = harness([status])
        result = await h.sink.deliver(sla_event())
        assert result.outcome == "dead_lettered" and result.status == status
        assert len(h.post.calls) == 1 and h.sleep.delays == []
        assert h.recorder.dead == [(sla_event().sla_event_id, f"HTTP {status} (not retried)")]
        assert [o for _, o in h.recorder.outcomes] == ["dead_lettered"]

    @pytest.mark.parametrize(
        "failure",
        [
            429,
            500,
            503,
            OSError("connection refused"),
            TimeoutError(),
            aiohttp.ClientConnectionError("reset"),
            aiohttp.ServerDisconnectedError(),
        ],
    )
    async def test_retryable_failures_are_retried(self, failure: PostResult | Exception) -> None:
        """429, 5xx, timeouts and transport errors are retried."""
        h = harness([failure])
        result = await h.sink.deliver(sla_event())
        assert result.outcome == "delivered" and result.attempts == 2

    async def test_a_hanging_receiver_times_out_and_is_retried(self) -> None:
        """The sink enforces timeout_s itself, whatever the PostFn does."""
        h = harness(timeout_s=0.05)
        real_post = h.post
        hung = asyncio.Event()

        async def post(
            url: str, body: bytes, headers: dict[str, str], timeout: float
        ) -> PostResult:
            if not hung.is_set():
                hung.set()
                await asyncio.sleep(10)
            return await real_post(url, body, headers, timeout)

        h.sink._post = post
        result = await h.sink.deliver(sla_event())
        assert result.outcome == "delivered" and result.attempts == 2

    async def test_dead_letter_after_exactly_max_attempts(self) -> None:
        """Never succeeding: max_attempts requests, max_attempts - 1 waits, one dead letter."""
        h = harness([503] * 10, max_attempts=4)
        result = await h.sink.deliver(sla_event())
        assert len(h.post.calls) == 4 and len(h.sleep.delays) == 3
        assert result.outcome == "dead_lettered" and result.attempts == 4
        assert result.status == 503
        assert h.recorder.dead == [(sla_event().sla_event_id, "gave up after 4 attempts: HTTP 503")]
        assert [o for _, o in h.recorder.outcomes] == ["retried"] * 3 + ["dead_lettered"]

    async def test_dead_letter_reason_names_transport_errors(self) -> None:
        """The reason says what went wrong, without the URL."""
        h = harness([OSError("boom")] * 2, max_attempts=2)
        result = await h.sink.deliver(sla_event())
        assert result.status is None
        assert result.reason == "gave up after 2 attempts: transport error: OSError"

    async def test_single_attempt_never_sleeps(self) -> None:
        """max_attempts=1 means no retry at all."""
        h = harness([503], max_attempts=1)
        assert (await h.sink.deliver(sla_event())).outcome == "dead_lettered"
        assert h.sleep.delays == [] and len(h.post.calls) == 1

    async def test_backoff_delays_grow_and_are_capped(self) -> None:
        """Ceilings double from backoff_initial_s up to backoff_max_s."""
        h = harness(
            [503] * 10, rng=MaxJitter(), max_attempts=8, backoff_initial_s=0.5, backoff_max_s=10
        )
        await h.sink.deliver(sla_event())
        assert h.sleep.delays == [0.5, 1, 2, 4, 8, 10, 10]

    async def test_full_jitter_stays_under_the_ceiling_and_is_seeded(self) -> None:
        """Each wait is uniform in [0, ceiling]; the same seed gives the same waits."""
        runs = []
        for _ in range(2):
            h = harness([503] * 10, rng=random.Random(42), max_attempts=10, backoff_max_s=4)
            await h.sink.deliver(sla_event())
            runs.append(h.sleep.delays)
        assert runs[0] == runs[1] and len(runs[0]) == 9
        for retry, delay in enumerate(runs[0], start=1):
            assert 0 <= delay <= backoff_ceiling(retry, 0.5, 4)
        assert len(set(runs[0])) > 1

    def test_backoff_ceiling(self) -> None:
        """The ceiling doubles per retry and stops at the cap (also for huge retries)."""
        assert [backoff_ceiling(n, 0.5, 30) for n in range(1, 9)] == [
            0.5,
            1,
            2,
            4,
            8,
            16,
            30,
            30,
        ]
        assert backoff_ceiling(10_000, 0.5, 30) == 30
        assert backoff_ceiling(3, 0, 30) == 0

    async def test_retry_after_is_honoured_and_capped(self) -> None:
        """A (status, retry_after) answer sets the wait, at most backoff_max_s."""
        h = harness([(429, 7.0), (503, 120.0), (429, None)], rng=MaxJitter(), backoff_max_s=20)
        result = await h.sink.deliver(sla_event())
        assert result.attempts == 4
        assert h.sleep.delays == [7.0, 20.0, 2.0]

    @pytest.mark.parametrize(
        ("value", "seconds"),
        [
            ("3", 3.0),
            (" 120 ", 120.0),
            (None, None),
            ("", None),
            ("-1", None),
            ("1.5", None),
            ("Wed, 21 Oct 2015 07:28:00 GMT", None),
        ],
    )
    def test_parse_retry_after_takes_seconds_only(
        self, value: str | None, seconds: float | None
    ) -> None:
        """Delta-seconds are read; dates and junk are ignored (plain backoff applies)."""
        assert parse_retry_after(value) == seconds

    async def test_dead_letter_failure_propagates(self) -> None:
        """If the dead-letter hook fails, deliver says so rather than losing it silently."""
        h = harness([400])

        async def broken(event: pb.SlaEvent, reason: str) -> None:
            raise RuntimeError("kafka down")

        h.sink._dead_letter = broken
        with pytest.raises(RuntimeError, match="kafka down"):
            await h.sink.deliver(sla_event())


# --------------------------------------------------------------------------- dispatcher


class GatedPost:
    """A receiver that holds every request until released; records event ids."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.started: list[str] = []
        self.done: list[str] = []

    async def __call__(
        self, url: str, body: bytes, headers: dict[str, str], timeout_s: float
    ) -> int:
        self.started.append(headers[EVENT_ID_HEADER])
        await self.release.wait()
        self.done.append(headers[EVENT_ID_HEADER])
        return 204


def make_sink(
    name: str, post: Callable[..., Any], recorder: Recorder, **overrides: Any
) -> WebhookSink:
    return WebhookSink(
        config(name=name, timeout_s=60, **overrides),
        post,
        dead_letter=recorder.dead_letter,
        on_result=recorder.on_result,
    )


async def wait_until(predicate: Callable[[], bool], timeout_s: float = 2.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not predicate():
            await asyncio.sleep(0.001)


class TestDispatcher:
    """Per-sink queues and workers: isolation, back-pressure and draining."""

    async def test_slow_sink_does_not_block_another_or_the_caller(self) -> None:
        """While one receiver hangs, the other receives every event and submit returns."""
        recorder = Recorder()
        slow, fast = GatedPost(), FakePost()
        dispatcher = WebhookDispatcher(
            [make_sink("slow", slow, recorder), make_sink("fast", fast, recorder)], queue_size=10
        )
        await dispatcher.start()
        ids = [f"e{i}" for i in range(5)]
        async with asyncio.timeout(1):
            for event_id in ids:
                await dispatcher.submit(sla_event(event_id=event_id))
        await wait_until(lambda: len(fast.calls) == 5)
        assert [c.headers[EVENT_ID_HEADER] for c in fast.calls] == ids
        assert slow.started == ["e0"] and slow.done == []
        assert dispatcher.pending("slow") == 4

        slow.release.set()
        await dispatcher.stop(timeout_s=2)
        assert slow.done == ids  # in order, none lost
        assert recorder.outcomes.count(("slow", "delivered")) == 5

    async def test_full_queue_makes_submit_wait_instead_of_dropping(self) -> None:
        """Back-pressure: with the slow sink's queue full, submit awaits; nothing dropped."""
        recorder = Recorder()
        slow, fast = GatedPost(), FakePost()
        dispatcher = WebhookDispatcher(
            [make_sink("slow", slow, recorder), make_sink("fast", fast, recorder)], queue_size=1
        )
        await dispatcher.start()
        await dispatcher.submit(sla_event(event_id="e0"))
        await wait_until(lambda: slow.started == ["e0"])
        await dispatcher.submit(sla_event(event_id="e1"))  # fills the slow queue
        blocked = asyncio.create_task(dispatcher.submit(sla_event(event_id="e2")))
        await wait_until(lambda: len(fast.calls) == 3)  # the fast sink got e2 already
        assert not blocked.done()

        slow.release.set()
        await asyncio.wait_for(blocked, 1)
        await dispatcher.stop(timeout_s=2)
        assert slow.done == ["e0", "e1", "e2"]

    async def test_filtered_events_are_not_queued(self) -> None:
        """A sink that does not want an event reports it filtered at submit time."""
        recorder = Recorder()
        slow = GatedPost()
        dispatcher = WebhookDispatcher(
            [make_sink("defects", slow, recorder, queues=["defects"])], queue_size=1
        )
        await dispatcher.start()
        async with asyncio.timeout(1):
            for i in range(3):
                await dispatcher.submit(sla_event(event_id=f"e{i}", queue="orders"))
        assert dispatcher.pending("defects") == 0 and slow.started == []
        assert recorder.outcomes == [("defects", "filtered")] * 3
        await dispatcher.stop()

    async def test_stop_drains_and_refuses_new_events(self) -> None:
        """stop() delivers what was submitted, then submit raises."""
        recorder = Recorder()
        post = FakePost()
        async with WebhookDispatcher([make_sink("a", post, recorder)]) as dispatcher:
            for i in range(20):
                await dispatcher.submit(sla_event(event_id=f"e{i}"))
        assert len(post.calls) == 20
        with pytest.raises(RuntimeError):
            await dispatcher.submit(sla_event())

    async def test_stop_without_start_still_delivers_what_was_queued(self) -> None:
        """Events submitted before start are not lost by stop."""
        recorder = Recorder()
        post = FakePost()
        dispatcher = WebhookDispatcher([make_sink("a", post, recorder)])
        await dispatcher.submit(sla_event())
        await dispatcher.stop(timeout_s=1)
        assert len(post.calls) == 1

    async def test_stop_timeout_abandons_a_stuck_sink(self) -> None:
        """A receiver that never answers cannot hold stop() beyond its timeout."""
        recorder = Recorder()
        stuck = GatedPost()
        dispatcher = WebhookDispatcher([make_sink("stuck", stuck, recorder)], queue_size=1)
        await dispatcher.start()
        await dispatcher.submit(sla_event(event_id="e0"))
        await wait_until(lambda: stuck.started == ["e0"])
        await dispatcher.submit(sla_event(event_id="e1"))
        blocked = asyncio.create_task(dispatcher.submit(sla_event(event_id="e2")))
        await asyncio.sleep(0.01)
        async with asyncio.timeout(1):
            await dispatcher.stop(timeout_s=0.05)
            await blocked  # released, not left hanging
        assert stuck.done == []

    async def test_worker_survives_a_failing_dead_letter_hook(self) -> None:
        """One event's failure does not stop the sink's later deliveries."""
        post = FakePost([400, 200])

        async def broken(event: pb.SlaEvent, reason: str) -> None:
            raise RuntimeError("dead-letter topic unavailable")

        sink = WebhookSink(config(name="a"), post, dead_letter=broken)
        async with WebhookDispatcher([sink]) as dispatcher:
            await dispatcher.submit(sla_event(event_id="e0"))
            await dispatcher.submit(sla_event(event_id="e1"))
        assert [c.headers[EVENT_ID_HEADER] for c in post.calls] == ["e0", "e1"]

    def test_duplicate_sink_names_are_rejected(self) -> None:
        """Sink names label metrics and must be unique."""
        recorder = Recorder()
        with pytest.raises(ValueError, match="unique"):
            WebhookDispatcher([make_sink("a", FakePost(), recorder)] * 2)


# --------------------------------------------------------------------------- real HTTP


@dataclass
class Receiver:
    url: str
    requests: list[tuple[bool, str, dict[str, Any]]] = field(default_factory=list)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    """A local aiohttp receiver: 503 (Retry-After: 0), 503, then 204; it verifies every
    request's signature itself and answers 401 on a bad one."""
    answers = [503, 503]
    state = Receiver(url="")

    async def hook(request: web.Request) -> web.Response:
        body = await request.read()
        valid = verify(body, request.headers, [OLD_SECRET, SECRET], now=time.time())
        state.requests.append((valid, request.headers[EVENT_ID_HEADER], json.loads(body)))
        if not valid:
            return web.Response(status=401)
        if answers:
            status = answers.pop(0)
            headers = {"Retry-After": "0"} if len(state.requests) == 1 else {}
            return web.Response(status=status, headers=headers)
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    state.url = f"http://{host}:{port}/hook"
    try:
        yield state
    finally:
        await runner.cleanup()


class TestRealHttp:
    """The aiohttp adapter against a real server on 127.0.0.1."""

    async def test_two_503s_then_accepted_with_server_side_verification(
        self, receiver: Receiver
    ) -> None:
        """Three signed requests, each verified by the server; the third is accepted."""
        recorder = Recorder()
        async with aiohttp.ClientSession() as session:
            sink = WebhookSink(
                config(url=receiver.url, backoff_initial_s=0.01, backoff_max_s=0.05),
                aiohttp_post(session),
                dead_letter=recorder.dead_letter,
                on_result=recorder.on_result,
            )
            result = await sink.deliver(sla_event())
        assert result.outcome == "delivered" and result.attempts == 3 and result.status == 204
        assert [valid for valid, _, _ in receiver.requests] == [True, True, True]
        assert {event_id for _, event_id, _ in receiver.requests} == {sla_event().sla_event_id}
        assert receiver.requests[-1][2] == json_payload(sla_event())
        assert recorder.dead == []

    async def test_a_wrong_secret_is_refused_and_dead_lettered(self, receiver: Receiver) -> None:
        """The server's 401 is not retried."""
        recorder = Recorder()
        async with aiohttp.ClientSession() as session:
            sink = WebhookSink(
                config(url=receiver.url, secrets=["someone-elses-secret"]),
                aiohttp_post(session),
                dead_letter=recorder.dead_letter,
            )
            result = await sink.deliver(sla_event())
        assert result.outcome == "dead_lettered" and result.status == 401
        assert len(receiver.requests) == 1

    async def test_connection_refused_is_retried_then_dead_lettered(self) -> None:
        """Nothing listening: transport errors, retried, then a dead letter."""
        recorder = Recorder()
        with socket.socket() as probe:  # a port that was free a moment ago
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        async with aiohttp.ClientSession() as session:
            sink = WebhookSink(
                config(url=f"http://127.0.0.1:{port}/hook", max_attempts=2, backoff_initial_s=0.01),
                aiohttp_post(session),
                dead_letter=recorder.dead_letter,
            )
            result = await sink.deliver(sla_event())
        assert result.outcome == "dead_lettered" and result.attempts == 2
        assert "transport error" in result.reason or "timeout" in result.reason
