"""Wires the notify service: the faust worker with SLA timers, and SlaService."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pydantic import Field

from carerouter.common import topics
from carerouter.common.kafka import ensure_topics
from carerouter.common.metrics import Metrics
from carerouter.common.server import ServiceHost, http_app
from carerouter.common.settings import ServiceSettings
from carerouter.common.streams import build_app, now_timestamp
from carerouter.common.tail import TopicTail
from carerouter.notify import agent
from carerouter.notify.grpc_api import SlaFeed, SlaServicer
from carerouter.notify.outbound_agent import Outbound, load_outbound
from carerouter.notify.webhooks import Webhooks, load_webhooks
from carerouter.route.policy_source import PolicySource, policy_reload_reporter
from carerouter.v1 import events_pb2, services_pb2_grpc


class NotifySettings(ServiceSettings):
    webhooks_file: Path | None = Field(
        None, description="YAML with a `webhooks:` list of signed HTTP sinks (a Secret)."
    )
    outbound_file: Path | None = Field(
        None, description="Outbound senders (docs/outbound.md); unset: record only."
    )
    outbound_record_path: Path | None = Field(
        None, description="Where the recording sender writes; default DATA_DIR/outbound.jsonl."
    )


def build(settings: NotifySettings) -> ServiceHost:
    metrics = Metrics("notify")
    # The calendars of the queues come from the care policy, reloaded like route's.
    policy = PolicySource(settings.policy_file, policy_reload_reporter(metrics, "notify"))
    app = build_app("carerouter-notify", settings)
    dead_letters = app.topic(topics.DEAD_LETTER, key_type=bytes, value_type=bytes)

    async def webhook_dead_letter(event: events_pb2.SlaEvent, reason: str) -> None:
        record = events_pb2.DeadLetter(
            source_topic=topics.SLA_EVENTS,
            key=event.conversation_key.encode(),
            value=event.SerializeToString(),
            stage="notify-webhook",
            error=reason[:2000],
            at=now_timestamp(),
        )
        await dead_letters.send(key=record.key, value=record.SerializeToString())

    configs = load_webhooks(settings.webhooks_file) if settings.webhooks_file else []
    webhooks = Webhooks(configs, metrics, webhook_dead_letter)
    timers = agent.register(app, policy.calendars, metrics, after_publish=webhooks.submit)
    record_path = settings.outbound_record_path or settings.data_dir / "outbound.jsonl"
    outbound = Outbound(app, load_outbound(settings.outbound_file, record_path), metrics)
    feed = SlaFeed()
    tail = TopicTail(
        settings, topics.SLA_EVENTS, lambda _key, value: feed.apply(value), from_beginning=False
    )
    host: ServiceHost

    background: list[asyncio.Task[None]] = []

    async def start() -> None:
        await ensure_topics(settings)
        await webhooks.start()
        await outbound.start()
        await app.start()
        await tail.start()

        def replan() -> None:
            background.append(asyncio.create_task(timers.rebuild_gradually()))

        watch = policy.watch(settings.policy_reload_interval_s, on_change=replan)
        background.append(asyncio.create_task(watch))

    async def stop_background() -> None:
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)

    host = ServiceHost(
        name="notify",
        settings=settings,
        metrics=metrics,
        http=http_app(metrics, ready=lambda: host.ready),
        grpc_services=[(services_pb2_grpc.add_SlaServiceServicer_to_server, SlaServicer(feed))],
        grpc_service_names=["carerouter.v1.SlaService"],
        on_start=[start],
        on_stop=[stop_background, tail.stop, app.stop, webhooks.stop, outbound.stop],
    )
    return host


async def serve(settings: NotifySettings | None = None) -> None:
    await build(settings or NotifySettings()).run()
