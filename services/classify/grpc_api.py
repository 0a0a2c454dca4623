"""``ClassifierService``: the same Classifier the stream uses, answered synchronously."""

from __future__ import annotations

import grpc

from carerouter.classify.convert import to_proto
from carerouter.classify.domain import Classifier
from carerouter.common.server import abort
from carerouter.v1 import events_pb2, services_pb2, services_pb2_grpc

MAX_TEXT_CHARS = 20_000
MAX_BATCH = 1000


class ClassifierServicer(services_pb2_grpc.ClassifierServiceServicer):
    def __init__(self, classifier: Classifier) -> None:
        self._classifier = classifier

    async def Classify(  # noqa: N802 - gRPC method name
        self, request: services_pb2.ClassifyRequest, context: grpc.aio.ServicerContext
    ) -> events_pb2.Classification:
        if not request.text.strip():
            await abort(context, grpc.StatusCode.INVALID_ARGUMENT, "text: must contain text")
        if len(request.text) > MAX_TEXT_CHARS:
            await abort(
                context,
                grpc.StatusCode.INVALID_ARGUMENT,
                f"text: at most {MAX_TEXT_CHARS} characters",
            )
        result = self._classifier.classify(request.text, lang_hint=request.lang_hint or None)
        return to_proto(request.event_id, result)

    async def ClassifyBatch(  # noqa: N802 - gRPC method name
        self, request: services_pb2.ClassifyBatchRequest, context: grpc.aio.ServicerContext
    ) -> services_pb2.ClassifyBatchResponse:
        items = list(request.requests)
        if len(items) > MAX_BATCH:
            await abort(context, grpc.StatusCode.INVALID_ARGUMENT, f"requests: at most {MAX_BATCH}")
        for index, item in enumerate(items):
            if not item.text.strip() or len(item.text) > MAX_TEXT_CHARS:
                await abort(
                    context,
                    grpc.StatusCode.INVALID_ARGUMENT,
                    f"requests[{index}].text: must contain 1..{MAX_TEXT_CHARS} characters",
                )
        results = self._classifier.classify_batch(
            [i.text for i in items], [i.lang_hint or None for i in items]
        )
        return services_pb2.ClassifyBatchResponse(
            classifications=[to_proto(i.event_id, r) for i, r in zip(items, results, strict=True)]
        )
