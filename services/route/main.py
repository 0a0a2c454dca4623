"""Wires the route service: the faust worker, the case view and CaseService."""

from __future__ import annotations

from carerouter.common import topics
from carerouter.common.kafka import EventProducer, ensure_topics, new_producer
from carerouter.common.metrics import Metrics
from carerouter.common.server import ServiceHost, http_app
from carerouter.common.settings import ServiceSettings
from carerouter.common.streams import build_app
from carerouter.common.tail import TopicTail
from carerouter.route import agent
from carerouter.route.grpc_api import CaseServicer
from carerouter.route.policy import load_policy
from carerouter.route.read_model import CaseView
from carerouter.v1 import services_pb2_grpc


class RouteSettings(ServiceSettings):
    pass


def build(settings: RouteSettings) -> ServiceHost:
    metrics = Metrics("route")
    policy = load_policy(settings.policy_file)
    app = build_app("carerouter-route", settings)
    agent.register(app, lambda: policy, metrics)
    # Every replica's view holds every case: aggregate this gauge with max(), not sum().
    view = CaseView(lambda queue, count: metrics.open_cases.labels(queue).set(count))
    tail = TopicTail(settings, topics.CASES, lambda _key, value: view.apply(value))
    producer = EventProducer(
        new_producer(settings, "carerouter-route-api"), settings.kafka_send_timeout_s
    )
    host: ServiceHost

    async def start() -> None:
        await ensure_topics(settings)
        await producer.start()
        await app.start()
        await tail.start()
        await tail.caught_up.wait()

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
        on_stop=[tail.stop, app.stop, producer.stop],
    )
    return host


async def serve(settings: RouteSettings | None = None) -> None:
    await build(settings or RouteSettings()).run()
