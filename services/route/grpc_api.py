"""``CaseService``: reads cases from the view, records CRM agent actions on Kafka."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable

import grpc

from carerouter.common import topics
from carerouter.common.kafka import BrokerUnavailable
from carerouter.common.server import abort
from carerouter.common.streams import now_timestamp
from carerouter.route.read_model import CaseView
from carerouter.v1 import events_pb2, services_pb2, services_pb2_grpc

Send = Callable[[str, str, bytes], Awaitable[None]]
MAX_PAGE = 1000
DEFAULT_PAGE = 100


class CaseServicer(services_pb2_grpc.CaseServiceServicer):
    def __init__(self, view: CaseView, send: Send) -> None:
        self._view = view
        self._send = send

    async def GetCase(  # noqa: N802 - gRPC method name
        self, request: services_pb2.GetCaseRequest, context: grpc.aio.ServicerContext
    ) -> events_pb2.Case:
        case = self._view.get(request.case_id)
        if case is None:
            await abort(context, grpc.StatusCode.NOT_FOUND, f"case_id: no case {request.case_id!r}")
        return case

    async def ListCases(  # noqa: N802 - gRPC method name
        self, request: services_pb2.ListCasesRequest, context: grpc.aio.ServicerContext
    ) -> services_pb2.ListCasesResponse:
        size = request.page_size or DEFAULT_PAGE
        if not 0 < size <= MAX_PAGE:
            await abort(
                context, grpc.StatusCode.INVALID_ARGUMENT, f"page_size: must be 1..{MAX_PAGE}"
            )
        try:
            start = int(request.page_token or "0")
        except ValueError:
            await abort(
                context, grpc.StatusCode.INVALID_ARGUMENT, "page_token: not a token we issued"
            )
        selected = self._view.select(request.queue, request.status, request.conversation_key)
        page = list(itertools.islice(selected, start, start + size + 1))
        more = len(page) > size
        return services_pb2.ListCasesResponse(
            cases=page[:size], next_page_token=str(start + size) if more else ""
        )

    async def RecordAction(  # noqa: N802 - gRPC method name
        self, request: services_pb2.RecordActionRequest, context: grpc.aio.ServicerContext
    ) -> services_pb2.RecordActionResponse:
        action = events_pb2.AgentAction()
        action.CopyFrom(request.action)
        if not action.action_id:
            await abort(context, grpc.StatusCode.INVALID_ARGUMENT, "action.action_id: required")
        if action.type == events_pb2.AGENT_ACTION_TYPE_UNSPECIFIED:
            await abort(context, grpc.StatusCode.INVALID_ARGUMENT, "action.type: required")
        case = self._view.get(action.case_id)
        if case is None:
            await abort(
                context, grpc.StatusCode.NOT_FOUND, f"action.case_id: no case {action.case_id!r}"
            )
        action.conversation_key = case.conversation_key
        if not action.HasField("at"):
            action.at.CopyFrom(now_timestamp())
        try:
            await self._send(
                topics.AGENT_ACTIONS, case.conversation_key, action.SerializeToString()
            )
        except BrokerUnavailable as exc:
            await abort(context, grpc.StatusCode.UNAVAILABLE, str(exc))
        return services_pb2.RecordActionResponse(action_id=action.action_id, case_id=case.case_id)

    async def WatchAssignments(  # noqa: N802 - gRPC method name
        self, request: services_pb2.WatchAssignmentsRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[events_pb2.Case]:
        queue = self._view.subscribe()
        try:
            while True:
                case = await queue.get()
                if not request.queue or case.assignment.queue == request.queue:
                    yield case
        finally:
            self._view.unsubscribe(queue)
