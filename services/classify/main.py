"""Wires the classify service: a faust worker plus ClassifierService over gRPC."""

from __future__ import annotations

import asyncio

from pydantic import Field

from carerouter.classify import agent
from carerouter.classify.domain import Classifier
from carerouter.classify.grpc_api import ClassifierServicer
from carerouter.common.kafka import ensure_topics
from carerouter.common.metrics import Metrics
from carerouter.common.server import ServiceHost, http_app
from carerouter.common.settings import ServiceSettings
from carerouter.common.streams import build_app
from carerouter.v1 import services_pb2_grpc


class ClassifySettings(ServiceSettings):
    review_threshold: float = Field(
        0.5, ge=0, le=1, description="Below this confidence a result is flagged needs_review."
    )
    cascade_threshold: float | None = Field(
        None,
        ge=0,
        le=1.01,
        description="Lexicon confidence from which a post skips the sentence encoder; unset "
        "keeps the trained value. Lower is faster and less accurate, above 1 encodes every "
        "post (docs/classifier.md has the measured trade-off).",
    )
    batch_size: int = Field(
        64, ge=1, le=1024, description="Posts classified together from the event stream."
    )
    batch_wait_ms: float = Field(
        20,
        gt=0,  # faust reads 0 as "no timeout": a batch would wait until it is full
        le=1000,
        description="How long the stream waits for a batch to fill before classifying what it has.",
    )


def build(settings: ClassifySettings) -> ServiceHost:
    metrics = Metrics("classify")
    classifier = Classifier(
        review_threshold=settings.review_threshold, cascade_threshold=settings.cascade_threshold
    )
    app = build_app("carerouter-classify", settings)
    agent.register(
        app,
        classifier,
        metrics,
        batch_size=settings.batch_size,
        batch_wait_s=settings.batch_wait_ms / 1000,
    )
    host: ServiceHost

    async def start() -> None:
        # load the lexicons and the encoder before traffic, off the event loop
        await asyncio.to_thread(classifier.warm_up)
        await ensure_topics(settings)
        await app.start()

    host = ServiceHost(
        name="classify",
        settings=settings,
        metrics=metrics,
        http=http_app(metrics, ready=lambda: host.ready),
        grpc_services=[
            (
                services_pb2_grpc.add_ClassifierServiceServicer_to_server,
                ClassifierServicer(classifier),
            )
        ],
        grpc_service_names=["carerouter.v1.ClassifierService"],
        on_start=[start],
        on_stop=[app.stop],
    )
    return host


async def serve(settings: ClassifySettings | None = None) -> None:
    await build(settings or ClassifySettings()).run()
