"""``IngestService``: the gRPC face of the same Publisher the HTTP endpoint uses."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc

from carerouter.common.kafka import BrokerUnavailable
from carerouter.common.metrics import Metrics
from carerouter.common.server import abort
from carerouter.ingest.publisher import Accepted, InvalidEvents, Publisher, validate
from carerouter.ingest.schema import proto_to_input
from carerouter.v1 import services_pb2, services_pb2_grpc


def _response(accepted: Accepted) -> services_pb2.PublishResponse:
    return services_pb2.PublishResponse(
        event_id=accepted.event_id,
        duplicate=accepted.duplicate,
        conversation_key=accepted.conversation_key,
    )


class IngestServicer(services_pb2_grpc.IngestServiceServicer):
    def __init__(self, publisher: Publisher, metrics: Metrics) -> None:
        self._publisher = publisher
        self._metrics = metrics

    async def _publish_one(
        self, request: services_pb2.PublishRequest, context: grpc.aio.ServicerContext
    ) -> services_pb2.PublishResponse:
        self._metrics.events_in.labels("ingest", "grpc").inc()
        try:
            events = validate([proto_to_input(request.event)])
            (accepted,) = await self._publisher.publish(events)
        except InvalidEvents as exc:
            self._metrics.events_failed.labels("ingest", "invalid").inc()
            await abort(context, grpc.StatusCode.INVALID_ARGUMENT, str(exc))
        except BrokerUnavailable as exc:
            self._metrics.events_failed.labels("ingest", "unavailable").inc()
            await abort(context, grpc.StatusCode.UNAVAILABLE, str(exc))
        if accepted.duplicate:
            self._metrics.duplicates.labels("ingest").inc()
        else:
            self._metrics.events_out.labels("ingest", "social.events.v1").inc()
        return _response(accepted)

    async def Publish(  # noqa: N802 - gRPC method name
        self, request: services_pb2.PublishRequest, context: grpc.aio.ServicerContext
    ) -> services_pb2.PublishResponse:
        return await self._publish_one(request, context)

    async def PublishStream(  # noqa: N802 - gRPC method name
        self,
        request_iterator: AsyncIterator[services_pb2.PublishRequest],
        context: grpc.aio.ServicerContext,
    ) -> AsyncIterator[services_pb2.PublishResponse]:
        async for request in request_iterator:
            yield await self._publish_one(request, context)
