"""Integration fixtures: one real broker and one real four-service stack per session.

Each test uses its own conversation and message ids, so tests share the stack without
seeing each other's data.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from carerouter.common import topics
from carerouter.common.broker import EmbeddedBroker
from carerouter.common.settings import ServiceSettings
from carerouter.common.tail import TopicTail
from carerouter.stack import Stack

POLICY = Path(__file__).with_name("fast_sla_policy.yaml")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_counter = itertools.count(1)


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    log = tmp_path_factory.mktemp("broker") / "broker.log"
    with EmbeddedBroker(log_path=log) as running:
        yield running


class WebhookReceiver:
    """A local HTTP endpoint that records what notify's SLA webhook sink posts."""

    SECRET = "integration-webhook-secret"

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def handle(request: web.Request) -> web.Response:
            self.requests.append((dict(request.headers), await request.read()))
            return web.Response(status=204)

        app = web.Application()
        app.router.add_post("/sla", handle)
        runner = web.AppRunner(app)
        self._loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        self._loop.run_forever()

    def start(self) -> WebhookReceiver:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)


@pytest.fixture(scope="session")
def webhook_receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture(scope="session")
def stack(
    broker: EmbeddedBroker,
    webhook_receiver: WebhookReceiver,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Stack]:
    run_dir = tmp_path_factory.mktemp("stack")
    webhooks = run_dir / "webhooks.yaml"
    webhooks.write_text(
        "webhooks:\n"
        "  - name: test-receiver\n"
        f"    url: http://127.0.0.1:{webhook_receiver.port}/sla\n"
        f"    secrets: [{WebhookReceiver.SECRET}]\n"
        "    min_level: breach\n",
        encoding="utf-8",
    )
    env = {
        "CARE_CHANNELS_FILE": str(FIXTURES / "channels_test.yaml"),
        "CARE_WEBHOOKS_FILE": str(webhooks),
        "CARE_OUTBOUND_RECORD_PATH": str(run_dir / "outbound-sent.jsonl"),
    }
    with Stack(
        broker.bootstrap_servers, run_dir, policy_file=POLICY, partitions=3, extra_env=env
    ) as running:
        yield running
        alive = running.alive()
    assert all(alive.values()), f"a service died during the tests: {alive}"


@dataclass
class Collected:
    """Every record of one topic since the start of the session, decoded lazily."""

    topic: str
    records: list[tuple[bytes | None, bytes | None]] = field(default_factory=list)

    def on_record(self, key: bytes | None, value: bytes | None) -> None:
        self.records.append((key, value))

    def decoded(self, message_type: type[Any]) -> list[Any]:
        out = []
        for _, value in self.records:
            message = message_type()
            try:
                message.ParseFromString(value or b"")
            except Exception:
                continue
            out.append(message)
        return out


class TopicsReader:
    def __init__(self, bootstrap: str) -> None:
        self._settings = ServiceSettings(
            kafka_bootstrap_servers=bootstrap, kafka_fetch_max_wait_ms=50
        )
        self.collected = {name: Collected(name) for name in topics.ALL}
        self._tails = [
            TopicTail(self._settings, name, self.collected[name].on_record) for name in topics.ALL
        ]

    async def start(self) -> None:
        for tail in self._tails:
            await tail.start()

    async def stop(self) -> None:
        for tail in self._tails:
            await tail.stop()

    def __getitem__(self, topic: str) -> Collected:
        return self.collected[topic]


@pytest.fixture
async def outputs(stack: Stack) -> AsyncIterator[TopicsReader]:
    reader = TopicsReader(stack.bootstrap_servers)
    await reader.start()
    yield reader
    await reader.stop()


async def eventually(
    check: Callable[[], bool], timeout: float = 30.0, interval: float = 0.1, what: str = ""
) -> None:
    """Wait until check() holds; fail with ``what`` when it does not within timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        await asyncio.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for: {what or check}")


def unique(prefix: str = "t") -> str:
    return f"{prefix}{next(_counter)}-{uuid.uuid4().hex[:10]}"


def make_event(
    text: str,
    *,
    platform: str = "x",
    kind: str = "mention",
    thread_id: str | None = None,
    message_id: str | None = None,
    lang: str | None = "en",
    name: str = "Ana Lopez",
) -> dict[str, Any]:
    message_id = message_id or unique("m")
    event: dict[str, Any] = {
        "platform": platform,
        "kind": kind,
        "message_id": message_id,
        "thread_id": thread_id or message_id,
        "author": {"id": unique("u"), "handle": "@ana", "name": name, "followers_count": 120},
        "brand_handle": "@acme_care",
        "text": text,
        "created_at": datetime.now(UTC).isoformat(),
    }
    if lang:
        event["lang"] = lang
    return event
