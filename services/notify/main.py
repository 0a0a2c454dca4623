"""Wires the notify service: the faust worker with SLA timers, and SlaService."""

from __future__ import annotations

from pydantic import Field

from carerouter.common import topics
from carerouter.common.kafka import ensure_topics
from carerouter.common.metrics import Metrics
from carerouter.common.server import ServiceHost, http_app
from carerouter.common.settings import ServiceSettings
from carerouter.common.streams import build_app
from carerouter.common.tail import TopicTail
from carerouter.notify import agent
from carerouter.notify.domain import BusinessCalendar
from carerouter.notify.grpc_api import SlaFeed, SlaServicer
from carerouter.v1 import services_pb2_grpc


class NotifySettings(ServiceSettings):
    tick_interval_s: float = Field(
        0.2, gt=0, le=10, description="How often due SLA deadlines are checked."
    )


def build(settings: NotifySettings) -> ServiceHost:
    metrics = Metrics("notify")
    app = build_app("carerouter-notify", settings)
    agent.register(app, BusinessCalendar.always_open(), metrics, settings.tick_interval_s)
    feed = SlaFeed()
    tail = TopicTail(
        settings, topics.SLA_EVENTS, lambda _key, value: feed.apply(value), from_beginning=False
    )
    host: ServiceHost

    async def start() -> None:
        await ensure_topics(settings)
        await app.start()
        await tail.start()

    host = ServiceHost(
        name="notify",
        settings=settings,
        metrics=metrics,
        http=http_app(metrics, ready=lambda: host.ready),
        grpc_services=[(services_pb2_grpc.add_SlaServiceServicer_to_server, SlaServicer(feed))],
        grpc_service_names=["carerouter.v1.SlaService"],
        on_start=[start],
        on_stop=[tail.stop, app.stop],
    )
    return host


async def serve(settings: NotifySettings | None = None) -> None:
    await build(settings or NotifySettings()).run()
