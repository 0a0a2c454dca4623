"""The whole pipeline on a real broker: ingest → classify → route → notify, as processes."""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import grpc
import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.partitioner import DefaultPartitioner

from carerouter.common import topics
from carerouter.ingest.schema import EventIn
from carerouter.notify.sinks import verify
from carerouter.stack import Stack
from carerouter.v1 import events_pb2, services_pb2, services_pb2_grpc

from conftest import TopicsReader, WebhookReceiver, eventually, make_event, unique

pytestmark = pytest.mark.integration


def classified_ids(outputs: TopicsReader) -> list[str]:
    return [
        c.event.event_id for c in outputs[topics.CLASSIFIED].decoded(events_pb2.ClassifiedEvent)
    ]


def cases_for(outputs: TopicsReader, conversation_key: str) -> dict[str, events_pb2.Case]:
    latest: dict[str, events_pb2.Case] = {}
    for case in outputs[topics.CASES].decoded(events_pb2.Case):
        if case.conversation_key != conversation_key:
            continue
        if case.case_id not in latest or latest[case.case_id].version < case.version:
            latest[case.case_id] = case
    return latest


async def post(stack: Stack, payload: object) -> tuple[int, dict[str, object]]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{stack.services['ingest'].http_url}/v1/events", json=payload) as r,
    ):
        return r.status, await r.json()


def grpc_channel(stack: Stack, service: str) -> grpc.aio.Channel:
    return grpc.aio.insecure_channel(stack.services[service].grpc_target)


class TestNothingLost:
    async def test_n_events_over_http_and_grpc_yield_n_classifications_and_cases(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """Distinct events sent over HTTP (batched) and gRPC (unary and stream) each yield
        exactly one classification, and every conversation gets one case."""
        threads = [unique("thread") for _ in range(10)]
        http_events = [
            make_event(f"my parcel {i} never arrived, where is it?", thread_id=threads[i % 10])
            for i in range(40)
        ]
        grpc_events = [
            make_event(
                f"app keeps crashing on login #{i}",
                platform="facebook",
                kind="comment",
                thread_id=threads[i % 10],
            )
            for i in range(20)
        ]
        status, body = await post(stack, http_events[:20])
        assert status == 202, body
        status, body = await post(stack, {"events": http_events[20:]})
        assert status == 202, body
        async with grpc_channel(stack, "ingest") as channel:
            stub = services_pb2_grpc.IngestServiceStub(channel)
            for event in grpc_events[:5]:
                proto = EventIn.model_validate(event).to_proto(datetime.now(UTC))
                response = await stub.Publish(services_pb2.PublishRequest(event=proto), timeout=10)
                assert not response.duplicate

            async def requests():  # type: ignore[no-untyped-def]
                for event in grpc_events[5:]:
                    proto = EventIn.model_validate(event).to_proto(datetime.now(UTC))
                    yield services_pb2.PublishRequest(event=proto)

            responses = [r async for r in stub.PublishStream(requests(), timeout=30)]
        assert len(responses) == 15
        expected = {f"x:{e['message_id']}" for e in http_events} | {
            f"facebook:{e['message_id']}" for e in grpc_events
        }
        await eventually(
            lambda: expected <= set(classified_ids(outputs)), what="all 60 events classified"
        )
        seen = [i for i in classified_ids(outputs) if i in expected]
        assert sorted(seen) == sorted(expected), "an event was lost or classified twice"
        conversations = {f"x:{t}" for t in threads} | {f"facebook:{t}" for t in threads}

        def all_cases_have_their_messages() -> bool:
            total = 0
            for key in conversations:
                cases = cases_for(outputs, key)
                if len(cases) != 1:
                    return False
                total += len(next(iter(cases.values())).messages)
            return total == 60

        await eventually(
            all_cases_have_their_messages, what="one case per conversation with all messages"
        )

    async def test_event_sent_twice_is_produced_once(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """A platform retry (same platform and message id) is acknowledged as a duplicate and
        classified once."""
        event = make_event("love the new headphones, thank you!")
        first = await post(stack, event)
        second = await post(stack, event)
        assert first[0] == 202 and second[0] == 202
        assert first[1]["duplicates"] == 0 and second[1]["duplicates"] == 1
        event_id = f"x:{event['message_id']}"
        await eventually(lambda: event_id in classified_ids(outputs), what="classified")
        marker = make_event("sent after the duplicate")
        await post(stack, marker)
        await eventually(
            lambda: f"x:{marker['message_id']}" in classified_ids(outputs), what="marker"
        )
        assert classified_ids(outputs).count(event_id) == 1


class TestBadInput:
    async def test_invalid_event_is_rejected_with_field_and_never_produced(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """A 422 names the field and the problem; nothing of the batch reaches the topic."""
        good = make_event("fine message")
        bad = make_event("bad one")
        del bad["author"]["id"]
        bad["created_at"] = "2026-11-23T10:00:00"  # no offset
        status, body = await post(stack, [good, bad])
        assert status == 422
        fields = {(p["index"], p["field"]) for p in body["problems"]}  # type: ignore[union-attr]
        assert (1, "author.id") in fields and (1, "created_at") in fields
        marker = make_event("marker after the invalid batch")
        await post(stack, marker)
        await eventually(
            lambda: f"x:{marker['message_id']}" in classified_ids(outputs), what="marker"
        )
        assert f"x:{good['message_id']}" not in classified_ids(outputs)

    async def test_invalid_grpc_event_is_invalid_argument(self, stack: Stack) -> None:
        """IngestService answers INVALID_ARGUMENT naming the field."""
        async with grpc_channel(stack, "ingest") as channel:
            stub = services_pb2_grpc.IngestServiceStub(channel)
            event = events_pb2.SocialEvent(
                platform=events_pb2.PLATFORM_X, kind=events_pb2.KIND_MENTION, text="hi"
            )
            with pytest.raises(grpc.aio.AioRpcError) as info:
                await stub.Publish(services_pb2.PublishRequest(event=event), timeout=10)
        assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "message_id" in (info.value.details() or "")

    async def test_poison_message_is_dead_lettered_and_the_rest_flows(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """Bytes that are not a SocialEvent, written straight to the topic, land in the
        dead-letter topic with a reason, and events after them are still classified."""
        key = unique("poison").encode()
        producer = AIOKafkaProducer(bootstrap_servers=stack.bootstrap_servers)
        await producer.start()
        try:
            await producer.send_and_wait(
                topics.SOCIAL_EVENTS, key=key, value=b"\xff\x00not protobuf"
            )
        finally:
            await producer.stop()
        after = make_event("posted after the poison message")
        await post(stack, after)

        def dead_lettered() -> list[events_pb2.DeadLetter]:
            return [
                d
                for d in outputs[topics.DEAD_LETTER].decoded(events_pb2.DeadLetter)
                if d.key == key
            ]

        await eventually(lambda: len(dead_lettered()) == 1, what="poison message dead-lettered")
        letter = dead_lettered()[0]
        assert letter.stage == "classify" and letter.source_topic == topics.SOCIAL_EVENTS
        assert "SocialEvent" in letter.error
        await eventually(
            lambda: f"x:{after['message_id']}" in classified_ids(outputs), what="flow continues"
        )


class TestHandoff:
    async def test_sensitive_public_post_is_handed_off_without_personal_data(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """A public post with a card number yields a public acknowledgement (in the
        customer's language, none of the personal data) and a private message; resolving
        the case posts a public close-the-loop reply on the original thread."""
        card = "4539 1488 0343 6467"
        email = "ana.lopez@example.com"
        event = make_event(
            f"@acme_care me cobraron dos veces, mi tarjeta es {card} y mi correo {email}",
            lang="es",
        )
        status, _ = await post(stack, event)
        assert status == 202
        key = f"x:{event['thread_id']}"

        def actions() -> list[events_pb2.OutboundAction]:
            return [
                a
                for a in outputs[topics.OUTBOUND].decoded(events_pb2.OutboundAction)
                if a.conversation_key == key
            ]

        await eventually(lambda: len(actions()) == 1, what="handoff action")
        handoff = actions()[0]
        kinds = [m.kind for m in handoff.messages]
        assert kinds == [
            events_pb2.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT,
            events_pb2.OUTBOUND_KIND_PRIVATE_MESSAGE,
        ]
        public = handoff.messages[0]
        assert public.surface == events_pb2.SURFACE_PUBLIC and public.lang == "es"
        assert public.reply_to_message_id == event["message_id"]
        for secret in (card, card.replace(" ", ""), email, "4539", "6467"):
            assert secret not in public.text
        case = next(iter(cases_for(outputs, key).values()))
        assert case.handed_off and case.assignment.queue == "privacy"
        assert all(card not in m.masked_text and email not in m.masked_text for m in case.messages)

        async with grpc_channel(stack, "route") as channel:
            stub = services_pb2_grpc.CaseServiceStub(channel)
            fetched = await stub.GetCase(
                services_pb2.GetCaseRequest(case_id=case.case_id), timeout=5
            )
            assert fetched.assignment.matched_rule == "sensitive-public-to-dm"
            action = events_pb2.AgentAction(
                action_id=unique("act"),
                case_id=case.case_id,
                type=events_pb2.AGENT_ACTION_TYPE_RESOLVE,
                agent="RP",
            )
            request = services_pb2.RecordActionRequest(action=action)
            await stub.RecordAction(request, timeout=5)
            await stub.RecordAction(request, timeout=5)  # the CRM retries: no second reply

        await eventually(lambda: len(actions()) == 2, what="close-the-loop reply")
        await asyncio.sleep(1.0)
        assert len(actions()) == 2
        closing = actions()[1].messages[0]
        assert closing.kind == events_pb2.OUTBOUND_KIND_PUBLIC_CLOSE_THE_LOOP
        assert closing.reply_to_message_id == event["message_id"]

        # The recording sender wrote each delivery once: ack, DM opening, close-the-loop.
        def recorded() -> list[dict[str, object]]:
            path = stack.run_dir / "outbound-sent.jsonl"
            if not path.exists():
                return []
            lines = [json.loads(line) for line in path.read_text().splitlines() if line]
            return [r for r in lines if str(r.get("delivery_id", "")).startswith(case.case_id)]

        await eventually(lambda: len(recorded()) == 3, what="three recorded deliveries")
        assert len({r["delivery_id"] for r in recorded()}) == 3
        assert all(card not in str(r) and email not in str(r) for r in recorded())


class TestSla:
    async def test_breach_is_published_exactly_once(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """With no agent response, the first-response clock publishes one warning and one
        breach (3 s target in the test policy), each exactly once, also on WatchBreaches."""
        event = make_event("my order has not arrived yet and nobody answers")
        async with grpc_channel(stack, "notify") as channel:
            stub = services_pb2_grpc.SlaServiceStub(channel)
            call = stub.WatchBreaches(
                services_pb2.WatchBreachesRequest(min_level=events_pb2.SLA_LEVEL_BREACH), timeout=30
            )
            await asyncio.sleep(0.5)  # the watch is registered before the case exists
            await post(stack, event)
            key = f"x:{event['thread_id']}"

            def sla() -> list[events_pb2.SlaEvent]:
                return [
                    s
                    for s in outputs[topics.SLA_EVENTS].decoded(events_pb2.SlaEvent)
                    if s.conversation_key == key
                ]

            def first_response(level: int) -> list[events_pb2.SlaEvent]:
                return [
                    s
                    for s in sla()
                    if s.metric == events_pb2.SLA_METRIC_FIRST_RESPONSE and s.level == level
                ]

            await eventually(
                lambda: len(first_response(events_pb2.SLA_LEVEL_BREACH)) >= 1,
                timeout=20,
                what="breach",
            )
            watched = None
            async for item in call:
                if item.conversation_key == key:
                    watched = item
                    break
            call.cancel()
        assert watched is not None and watched.level == events_pb2.SLA_LEVEL_BREACH
        await eventually(
            lambda: (
                len(
                    [
                        s
                        for s in sla()
                        if s.metric == events_pb2.SLA_METRIC_RESOLUTION
                        and s.level == events_pb2.SLA_LEVEL_BREACH
                    ]
                )
                == 1
            ),
            timeout=20,
            what="resolution breach",
        )
        await asyncio.sleep(2.0)  # several timer ticks later: still once each
        assert len(first_response(events_pb2.SLA_LEVEL_WARNING)) == 1
        assert len(first_response(events_pb2.SLA_LEVEL_BREACH)) == 1
        assert len({s.sla_event_id for s in sla()}) == len(sla()) == 4

    async def test_first_response_stops_the_clock(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """An agent's first response before the target means no first-response breach
        (praise goes to the relaxed policy: an 8 s target in the test policy)."""
        event = make_event("thank you so much, the support team was amazing! love it")
        await post(stack, event)
        key = f"x:{event['thread_id']}"
        await eventually(lambda: bool(cases_for(outputs, key)), what="case opened")
        case = next(iter(cases_for(outputs, key).values()))
        async with grpc_channel(stack, "route") as channel:
            stub = services_pb2_grpc.CaseServiceStub(channel)
            action = events_pb2.AgentAction(
                action_id=unique("act"),
                case_id=case.case_id,
                type=events_pb2.AGENT_ACTION_TYPE_FIRST_RESPONSE,
            )
            await stub.RecordAction(services_pb2.RecordActionRequest(action=action), timeout=5)
        await eventually(
            lambda: next(iter(cases_for(outputs, key).values())).HasField("first_responded_at"),
            what="first response recorded",
        )
        assert case.assignment.first_response_target_seconds == 8
        opened = case.opened_at.ToDatetime(tzinfo=UTC)
        await asyncio.sleep(max(0.0, 9.0 - (datetime.now(UTC) - opened).total_seconds()))
        breaches = [
            s
            for s in outputs[topics.SLA_EVENTS].decoded(events_pb2.SlaEvent)
            if s.conversation_key == key
            and s.metric == events_pb2.SLA_METRIC_FIRST_RESPONSE
            and s.level == events_pb2.SLA_LEVEL_BREACH
        ]
        assert breaches == []


class TestLinkedDm:
    async def test_dm_after_a_handoff_joins_the_public_case(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """After a handoff, the customer's DM (another thread, usually another partition)
        joins the case of the public post: one case, one clock, both threads linked."""
        public = make_event("my account was hacked, my email is ana.lopez@example.com help")
        author = public["author"]
        status, _ = await post(stack, public)
        assert status == 202
        public_key = f"x:{public['thread_id']}"
        await eventually(
            lambda: any(c.handed_off for c in cases_for(outputs, public_key).values()),
            what="handoff",
        )
        dm = make_event("here is the info you asked for, order 55501234", kind="dm")
        dm["author"] = author
        status, _ = await post(stack, dm)
        assert status == 202
        dm_key = f"x:{dm['thread_id']}"

        def joined() -> bool:
            cases = cases_for(outputs, public_key)
            return any(
                f"x:{dm['message_id']}" in {m.event_id for m in c.messages} for c in cases.values()
            )

        await eventually(joined, what="the DM joined the public case")
        case = next(iter(cases_for(outputs, public_key).values()))
        assert dm_key in case.linked_conversations
        dm_message = next(m for m in case.messages if m.event_id == f"x:{dm['message_id']}")
        assert dm_message.linked_from == dm_key and dm_message.surface == events_pb2.SURFACE_PRIVATE
        assert cases_for(outputs, dm_key) == {}, "the DM must not open a case of its own"


class TestExactlyOnceAcrossRestart:
    async def test_notify_restart_does_not_republish(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """SLA events already published are not published again when notify restarts and
        re-reads its input from the last committed offsets and its changelog."""
        event = make_event("the app keeps crashing, nobody answers here")
        await post(stack, event)
        key = f"x:{event['thread_id']}"

        def sla_ids() -> list[str]:
            return [
                s.sla_event_id
                for s in outputs[topics.SLA_EVENTS].decoded(events_pb2.SlaEvent)
                if s.conversation_key == key
            ]

        await eventually(lambda: len(sla_ids()) == 4, timeout=30, what="all four SLA events")
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, stack.restart, "notify")
        # Another case after the restart proves notify is live again.
        probe = make_event("still waiting for my refund")
        await post(stack, probe)
        probe_key = f"x:{probe['thread_id']}"
        await eventually(
            lambda: any(
                s.conversation_key == probe_key
                for s in outputs[topics.SLA_EVENTS].decoded(events_pb2.SlaEvent)
            ),
            timeout=40,
            what="notify publishes again after the restart",
        )
        await asyncio.sleep(2.0)
        assert sorted(sla_ids()) == sorted(set(sla_ids())) and len(sla_ids()) == 4


class TestSlaWebhookAndPlatformWebhook:
    async def test_breach_reaches_the_signed_webhook_sink(
        self, stack: Stack, outputs: TopicsReader, webhook_receiver: WebhookReceiver
    ) -> None:
        """A breach is POSTed to the configured sink, signed, with its event id header."""
        event = make_event("my order never arrived and no one replies")
        await post(stack, event)
        case_prefix = f"x:{event['thread_id']}#"

        def delivered() -> list[tuple[dict[str, str], bytes]]:
            return [
                (h, b)
                for h, b in webhook_receiver.requests
                if h.get("X-Carerouter-Event-Id", "").startswith(case_prefix)
            ]

        await eventually(lambda: len(delivered()) >= 1, timeout=30, what="webhook delivery")
        headers, body = delivered()[0]
        assert verify(body, headers, [WebhookReceiver.SECRET], now=time.time())
        payload = json.loads(body)
        assert payload["level"] == "breach" and payload["case_id"].startswith(case_prefix)

    async def test_signed_platform_webhook_flows_to_classification(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """A Meta delivery signed with the app secret goes through ingest to classify."""
        fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "channels"
        name = "meta/facebook_feed_visitor_post_add.json"
        body = (fixtures / name).read_bytes()
        headers = json.loads((fixtures / "signatures.json").read_text())["headers"][name]
        async with aiohttp.ClientSession() as session:
            url = f"{stack.services['ingest'].http_url}/v1/webhooks/meta"
            async with session.post(url, data=body, headers=headers) as response:
                assert response.status == 200, await response.text()
            async with session.post(url, data=body + b" ", headers=headers) as response:
                assert response.status == 401
        await eventually(
            lambda: "facebook:104857600012345_987650000022222" in classified_ids(outputs),
            what="the webhook's event classified",
        )


def _threads_on_each_partition(per_partition: int, partitions: int = 3) -> list[str]:
    """Thread ids whose conversation keys fall evenly on every partition (Kafka's default
    partitioner, as the producers use), so each moved partition holds several cases."""
    partitioner = DefaultPartitioner()
    everything = list(range(partitions))
    chosen: dict[int, list[str]] = {p: [] for p in everything}
    while any(len(ids) < per_partition for ids in chosen.values()):
        thread_id = unique("rb")
        partition = partitioner(f"x:{thread_id}".encode(), everything, everything)
        if len(chosen[partition]) < per_partition:
            chosen[partition].append(thread_id)
    return [t for ids in chosen.values() for t in ids]


class TestScaleOut:
    async def test_scale_out_of_notify_loses_nothing(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """A second notify instance joins while clocks are running: the partitions are
        rebalanced and every SLA event is still published. A notification in flight when
        the rebalance starts may be repeated once by the new owner (at-least-once; the
        stable sla_event_id lets consumers drop it) -- never more, never lost.

        Three open cases on every partition before the scale-out: the moved partition's
        table must be restored in full (an under-reported changelog end once restored
        only its first case)."""
        before = [
            make_event(f"parcel {n} lost, nobody answers", thread_id=thread_id)
            for n, thread_id in enumerate(_threads_on_each_partition(3))
        ]
        after = [
            make_event(f"parcel {n} lost, nobody answers", thread_id=unique("rb")) for n in range(6)
        ]
        events = before + after
        await post(stack, before)
        loop = asyncio.get_running_loop()
        extra = await loop.run_in_executor(None, stack.spawn_extra, "notify")
        try:
            await post(stack, after)
            await self._every_sla_event_once(events, outputs)
        finally:
            await loop.run_in_executor(None, stack.retire, extra.name)

    async def test_scale_out_of_route_keeps_every_case(
        self, stack: Stack, outputs: TopicsReader
    ) -> None:
        """A second route instance joins: the conversations of the partitions it takes over
        keep their cases (its table is restored from the changelog in full), so a follow-up
        message joins the open case instead of opening a second one."""
        threads = _threads_on_each_partition(3)
        keys = [f"x:{t}" for t in threads]
        await post(stack, [make_event("my parcel never came", thread_id=t) for t in threads])
        await eventually(
            lambda: all(cases_for(outputs, k) for k in keys), timeout=30, what="the first cases"
        )
        loop = asyncio.get_running_loop()
        extra = await loop.run_in_executor(None, stack.spawn_extra, "route")
        try:
            await post(stack, [make_event("still nothing, hello?", thread_id=t) for t in threads])

            def both_messages_in_one_case() -> bool:
                for key in keys:
                    cases = cases_for(outputs, key)
                    if len(cases) != 1 or len(next(iter(cases.values())).messages) != 2:
                        return False
                return True

            await eventually(
                both_messages_in_one_case, timeout=60, what="follow-ups in their open cases"
            )
        finally:
            await loop.run_in_executor(None, stack.retire, extra.name)

    async def _every_sla_event_once(
        self, events: list[dict[str, Any]], outputs: TopicsReader
    ) -> None:
        keys = {f"x:{e['thread_id']}" for e in events}

        def sla() -> list[events_pb2.SlaEvent]:
            return [
                s
                for s in outputs[topics.SLA_EVENTS].decoded(events_pb2.SlaEvent)
                if s.conversation_key in keys
            ]

        # Each case: first-response warning and breach, resolution warning and breach.
        await eventually(
            lambda: len({s.sla_event_id for s in sla()}) == 4 * len(keys),
            timeout=60,
            what="all SLA events",
        )
        await asyncio.sleep(3.0)
        counts = Counter(s.sla_event_id for s in sla())
        assert len(counts) == 4 * len(keys)
        assert max(counts.values()) <= 2, counts.most_common(3)
        assert sum(n - 1 for n in counts.values()) <= 2, "more repeats than one rebalance explains"
