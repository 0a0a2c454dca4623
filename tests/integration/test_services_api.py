"""The gRPC and HTTP surfaces of the running services: health, metrics, classifier,
cases, and behaviour when the broker is gone."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp
import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from carerouter.classify.domain import Classifier
from carerouter.common.broker import EmbeddedBroker, free_port
from carerouter.ingest.main import IngestSettings, build
from carerouter.stack import Stack
from carerouter.v1 import events_pb2, services_pb2, services_pb2_grpc

from conftest import TopicsReader, make_event, unique

pytestmark = pytest.mark.integration


class TestHealthAndMetrics:
    @pytest.mark.parametrize("service", ["ingest", "classify", "route", "notify"])
    async def test_grpc_health_is_serving(self, stack: Stack, service: str) -> None:
        """Every service answers the standard gRPC health protocol with SERVING."""
        async with grpc.aio.insecure_channel(stack.services[service].grpc_target) as channel:
            stub = health_pb2_grpc.HealthStub(channel)
            reply = await stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=5)
        assert reply.status == health_pb2.HealthCheckResponse.SERVING

    async def test_metrics_count_events_and_carry_no_personal_data(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """/metrics exposes per-service counters; an e-mail sent in a post never shows up."""
        event = make_event("my email is zed.secret@example.org and my order is late")
        async with aiohttp.ClientSession() as session:
            async with session.post(
                f"{stack.services['ingest'].http_url}/v1/events", json=event
            ) as r:
                assert r.status == 202
            await asyncio.sleep(0.1)
            bodies = {}

            async def collect() -> bool:
                for name, svc in stack.services.items():
                    async with session.get(f"{svc.http_url}/metrics") as r:
                        bodies[name] = await r.text()
                return "carerouter_routed_total{" in bodies["route"]

            deadline = time.monotonic() + 20
            while not await collect() and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
        assert (
            'carerouter_events_out_total{service="ingest",topic="social.events.v1"}'
            in bodies["ingest"]
        )
        assert "carerouter_classified_total{" in bodies["classify"]
        assert "carerouter_processing_seconds_bucket" in bodies["classify"]
        assert all("zed.secret" not in body for body in bodies.values())


class TestClassifierService:
    async def test_classify_answers_like_the_stream_classifier(self, stack: Stack) -> None:
        """ClassifierService.Classify runs the same classifier code as the stream."""
        text = "mi pedido 12345678 no ha llegado todavía"
        async with grpc.aio.insecure_channel(stack.services["classify"].grpc_target) as channel:
            stub = services_pb2_grpc.ClassifierServiceStub(channel)
            reply = await stub.Classify(
                services_pb2.ClassifyRequest(text=text, lang_hint="es"), timeout=5
            )
            with pytest.raises(grpc.aio.AioRpcError) as info:
                await stub.Classify(services_pb2.ClassifyRequest(text="  "), timeout=5)
            batch = await stub.ClassifyBatch(
                services_pb2.ClassifyBatchRequest(
                    requests=[
                        services_pb2.ClassifyRequest(text=text, lang_hint="es", event_id="a"),
                        services_pb2.ClassifyRequest(text="love it, thanks!", event_id="b"),
                    ]
                ),
                timeout=10,
            )
        assert [c.event_id for c in batch.classifications] == ["a", "b"]
        assert batch.classifications[0].intent == reply.intent
        expected = Classifier().classify(text, lang_hint="es")
        assert events_pb2.Intent.Name(reply.intent) == f"INTENT_{expected.intent.upper()}"
        assert reply.lang == expected.lang and reply.masked_text == expected.masked_text
        assert abs(sum(reply.scores.values()) - 1.0) < 1e-3
        assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT


class TestCaseService:
    async def test_list_get_and_watch_assignments(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """WatchAssignments streams a new case; ListCases filters by conversation; GetCase
        and RecordAction answer NOT_FOUND for unknown cases."""
        async with grpc.aio.insecure_channel(stack.services["route"].grpc_target) as channel:
            stub = services_pb2_grpc.CaseServiceStub(channel)
            watch = stub.WatchAssignments(services_pb2.WatchAssignmentsRequest(), timeout=20)
            await asyncio.sleep(0.5)
            event = make_event(
                "the screen of my new laptop is broken and flickers", thread_id=unique("th")
            )
            async with (
                aiohttp.ClientSession() as session,
                session.post(f"{stack.services['ingest'].http_url}/v1/events", json=event) as r,
            ):
                assert r.status == 202
            key = f"x:{event['thread_id']}"
            watched = None
            async for case in watch:
                if case.conversation_key == key:
                    watched = case
                    break
            watch.cancel()
            assert watched is not None and watched.assignment.queue
            listed = await stub.ListCases(
                services_pb2.ListCasesRequest(conversation_key=key), timeout=5
            )
            assert [c.case_id for c in listed.cases] == [watched.case_id]
            with pytest.raises(grpc.aio.AioRpcError) as info:
                await stub.GetCase(services_pb2.GetCaseRequest(case_id="x:nope#1"), timeout=5)
            assert info.value.code() == grpc.StatusCode.NOT_FOUND
            action = events_pb2.AgentAction(
                action_id="a1", case_id="x:nope#1", type=events_pb2.AGENT_ACTION_TYPE_REPLY
            )
            with pytest.raises(grpc.aio.AioRpcError) as info:
                await stub.RecordAction(services_pb2.RecordActionRequest(action=action), timeout=5)
            assert info.value.code() == grpc.StatusCode.NOT_FOUND


class TestBrokerDown:
    async def test_ingest_answers_503_within_the_bound_when_the_broker_dies(
        self, tmp_path: Path
    ) -> None:
        """With its broker gone, ingest answers 503 over HTTP and UNAVAILABLE over gRPC
        within the configured send timeout, never hanging."""
        broker = EmbeddedBroker(log_path=tmp_path / "broker.log").start()
        settings = IngestSettings(
            kafka_bootstrap_servers=broker.bootstrap_servers,
            kafka_send_timeout_s=2.0,
            http_host="127.0.0.1",
            http_port=free_port(),
            grpc_port=free_port(),
            kafka_partitions=1,
            data_dir=tmp_path,
        )
        host = build(settings)
        task = asyncio.create_task(host.run())
        base = f"http://127.0.0.1:{settings.http_port}"
        try:
            async with aiohttp.ClientSession() as session:

                async def ready() -> bool:
                    try:
                        async with session.get(f"{base}/readyz") as r:
                            return r.status == 200
                    except aiohttp.ClientError:
                        return False

                deadline = time.monotonic() + 30
                while not await ready():
                    assert time.monotonic() < deadline, "ingest did not become ready"
                    await asyncio.sleep(0.1)
                async with session.post(f"{base}/v1/events", json=make_event("before")) as r:
                    assert r.status == 202
                broker.stop()
                started = time.monotonic()
                async with session.post(f"{base}/v1/events", json=make_event("after")) as r:
                    status = r.status
                    assert r.headers.get("Retry-After") == "1"
                http_elapsed = time.monotonic() - started
            async with grpc.aio.insecure_channel(f"127.0.0.1:{settings.grpc_port}") as channel:
                from datetime import UTC, datetime

                from carerouter.ingest.schema import EventIn

                stub = services_pb2_grpc.IngestServiceStub(channel)
                proto = EventIn.model_validate(make_event("grpc after")).to_proto(datetime.now(UTC))
                started = time.monotonic()
                with pytest.raises(grpc.aio.AioRpcError) as info:
                    await stub.Publish(services_pb2.PublishRequest(event=proto), timeout=30)
                grpc_elapsed = time.monotonic() - started
        finally:
            host.request_stop()
            await asyncio.wait_for(task, 30)
            broker.stop()
        assert status == 503
        assert info.value.code() == grpc.StatusCode.UNAVAILABLE
        # The bound is the 2 s send timeout; the margin absorbs a loaded CI machine.
        assert http_elapsed < 10 and grpc_elapsed < 10
