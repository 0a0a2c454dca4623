"""Wires the ingest service: settings → producer → publisher → HTTP and gRPC."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pydantic import Field

from carerouter.common.kafka import EventProducer, ensure_topics, new_producer
from carerouter.common.metrics import Metrics
from carerouter.common.server import ServiceHost, http_app
from carerouter.common.settings import ServiceSettings
from carerouter.ingest.channels_config import load_channels
from carerouter.ingest.dedup import RecentIds
from carerouter.ingest.grpc_api import IngestServicer
from carerouter.ingest.http_api import add_routes
from carerouter.ingest.publisher import Publisher
from carerouter.ingest.webhooks import add_routes as add_webhook_routes
from carerouter.ingest.youtube_poll import YouTubePolling, comment_threads_fetch
from carerouter.v1 import services_pb2_grpc


class IngestSettings(ServiceSettings):
    dedup_window_s: float = Field(
        36 * 3600.0, gt=0, description="How long an event id is remembered (Meta retries 36 h)."
    )
    dedup_max_ids: int = Field(1_000_000, ge=1000)
    channels_file: Path | None = Field(
        None, description="Platform webhook secrets and brand accounts (a Kubernetes Secret)."
    )


def build(settings: IngestSettings) -> ServiceHost:
    metrics = Metrics("ingest")
    producer = EventProducer(
        new_producer(settings, "carerouter-ingest"), settings.kafka_send_timeout_s
    )
    publisher = Publisher(
        producer.send_many, RecentIds(settings.dedup_window_s, settings.dedup_max_ids)
    )
    host: ServiceHost
    app = http_app(metrics, ready=lambda: host.ready)
    add_routes(app, publisher, metrics)
    channels = load_channels(settings.channels_file) if settings.channels_file else None
    if channels is not None:
        add_webhook_routes(app, channels, publisher, metrics)
    polling: list[asyncio.Task[None]] = []

    async def start() -> None:
        await ensure_topics(settings)
        await producer.start()
        youtube = channels.youtube if channels is not None else None
        if youtube is not None and youtube.api_key is not None and youtube.channel_id:
            fetch = comment_threads_fetch(
                youtube.api_base, youtube.api_key.get_secret_value(), youtube.channel_id
            )
            assert channels is not None
            poller = YouTubePolling(
                fetch, publisher, metrics, channels.brand, youtube.poll_interval_s
            )
            polling.append(asyncio.create_task(poller.run()))

    async def stop() -> None:
        for task in polling:
            task.cancel()
        await asyncio.gather(*polling, return_exceptions=True)
        await producer.stop()

    host = ServiceHost(
        name="ingest",
        settings=settings,
        metrics=metrics,
        http=app,
        grpc_services=[
            (
                services_pb2_grpc.add_IngestServiceServicer_to_server,
                IngestServicer(publisher, metrics),
            )
        ],
        grpc_service_names=["carerouter.v1.IngestService"],
        on_start=[start],
        on_stop=[stop],
    )
    return host


async def serve(settings: IngestSettings | None = None) -> None:
    await build(settings or IngestSettings()).run()
