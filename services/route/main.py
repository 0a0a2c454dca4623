"""Wires the route service: the faust worker, the case view and CaseService."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from carerouter.common import topics
from carerouter.common.kafka import EventProducer, ensure_topics, new_producer
from carerouter.common.metrics import Metrics
from carerouter.common.server import ServiceHost, http_app
from carerouter.common.settings import ServiceSettings
from carerouter.common.streams import build_app
from carerouter.common.tail import TopicTail
from carerouter.route import agent
from carerouter.route.grpc_api import CaseServicer
from carerouter.route.policy_source import PolicySource, policy_reload_reporter
from carerouter.route.read_model import CaseView
from carerouter.v1 import services_pb2_grpc


class RouteSettings(ServiceSettings):
    pass


async def report_waiting(view: CaseView, metrics: Metrics, interval_s: float = 10.0) -> None:
    """Refresh the oldest-waiting gauge; every replica reports all queues (use max())."""
    while True:
        now = datetime.now(UTC)
        ages = view.oldest_waiting(now)
        for queue in view.queues():
            metrics.oldest_waiting.labels(queue).set(ages.get(queue, 0.0))
        await asyncio.sleep(interval_s)


def build(settings: RouteSettings) -> ServiceHost:
    metrics = Metrics("route")
    policy = PolicySource(settings.policy_file, policy_reload_reporter(metrics, "route"))
    app = build_app("carerouter-route", settings)
    links = agent.LinkView()
    agent.register(app, policy, policy.calendars, metrics, links)
    link_tail = TopicTail(settings, topics.CASE_LINKS, lambda _key, value: links.apply(value))
    # Every replica's view holds every case: aggregate this gauge with max(), not sum().
    view = CaseView(lambda queue, count: metrics.open_cases.labels(queue).set(count))
    tail = TopicTail(settings, topics.CASES, lambda _key, value: view.apply(value))
    producer = EventProducer(
        new_producer(settings, "carerouter-route-api"), settings.kafka_send_timeout_s
    )
    host: ServiceHost

    background: list[asyncio.Task[None]] = []

    async def start() -> None:
        await ensure_topics(settings)
        await producer.start()
        await app.start()
        await tail.start()
        await link_tail.start()
        await tail.caught_up.wait()
        await link_tail.caught_up.wait()
        background.append(asyncio.create_task(policy.watch(settings.policy_reload_interval_s)))
        background.append(asyncio.create_task(report_waiting(view, metrics)))

    async def stop_background() -> None:
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)

    host = ServiceHost(
        name="route",
        settings=settings,
        metrics=metrics,
        http=http_app(metrics, ready=lambda: host.ready),
        grpc_services=[
            (services_pb2_grpc.add_CaseServiceServicer_to_server, CaseServicer(view, producer.send))
        ],
        grpc_service_names=["carerouter.v1.CaseService"],
        on_start=[start],
        on_stop=[stop_background, link_tail.stop, tail.stop, app.stop, producer.stop],
    )
    return host


async def serve(settings: RouteSettings | None = None) -> None:
    await build(settings or RouteSettings()).run()
