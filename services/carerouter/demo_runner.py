"""``carerouter run``: the whole pipeline on one machine, with live progress.

Starts (or connects to) a broker, the four services as processes, replays the demo
stream through ingest's HTTP and gRPC endpoints and CaseService as a CRM would, reads
every output topic back, and prints a summary. Everything it starts, it stops.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import grpc
from google.protobuf.json_format import MessageToDict

from carerouter.common import topics
from carerouter.common.broker import EmbeddedBroker
from carerouter.common.settings import ServiceSettings
from carerouter.common.tail import TopicTail
from carerouter.demo_webhooks import DEMO_CHANNELS_FILE, takes_webhook_path, x_delivery, x_signature
from carerouter.notify.clocks import planned_notifications
from carerouter.notify.domain import BusinessCalendar
from carerouter.route.cases import AGENT_ACTION_TYPES, is_handoff
from carerouter.route.policy_source import PolicySource
from carerouter.stack import Stack, StackError
from carerouter.v1 import events_pb2, services_pb2, services_pb2_grpc

DEMO_DIR = Path(__file__).with_name("demo")
DEMO_STREAM = DEMO_DIR / "stream.jsonl"
DEMO_POLICY = Path(__file__).parent.parent / "route" / "demo_policy.yaml"
HTTP_BATCH_WINDOW_S = 0.1


def load_stream(path: Path) -> list[dict[str, Any]]:
    items = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{number}: not valid JSON: {exc}") from exc
    return items


@dataclass
class Outputs:
    """Everything the services published, read back from the topics."""

    run_dir: Path
    calendars: dict[str, BusinessCalendar] = field(default_factory=dict)
    classified: int = 0
    intents: Counter[str] = field(default_factory=Counter)
    langs: Counter[str] = field(default_factory=Counter)
    cases: dict[str, events_pb2.Case] = field(default_factory=dict)
    case_by_conversation: dict[str, str] = field(default_factory=dict)
    handoffs: int = 0
    auto_acks: int = 0
    linked_dms: int = 0
    close_the_loop: int = 0
    outbound_by_queue: Counter[str] = field(default_factory=Counter)
    sla: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    sla_ids: set[str] = field(default_factory=set)
    duplicate_sla: int = 0
    dead_letters: int = 0
    files: dict[str, Any] = field(default_factory=dict)

    def _write(self, topic: str, message: Any) -> None:
        handle = self.files.get(topic)
        if handle is None:
            handle = self.files[topic] = open(  # noqa: SIM115 - closed in close()
                self.run_dir / f"{topic}.jsonl", "w", encoding="utf-8"
            )
        handle.write(json.dumps(MessageToDict(message), ensure_ascii=False) + "\n")

    def on_classified(self, _key: bytes | None, raw: bytes | None) -> None:
        item = events_pb2.ClassifiedEvent.FromString(raw or b"")
        if item.forwarded_from:
            # route re-keyed a DM to the case of its handed-off public post
            self.linked_dms += 1
            return
        # Only the masked text leaves the services in the demo's files, like in logs.
        item.event.text = item.classification.masked_text
        self._write(topics.CLASSIFIED, item)
        self.classified += 1
        self.intents[events_pb2.Intent.Name(item.classification.intent)[7:].lower()] += 1
        self.langs[item.classification.lang] += 1

    def on_case(self, _key: bytes | None, raw: bytes | None) -> None:
        case = events_pb2.Case.FromString(raw or b"")
        self._write(topics.CASES, case)
        previous = self.cases.get(case.case_id)
        if previous is None or previous.version < case.version:
            self.cases[case.case_id] = case
            self.case_by_conversation[case.conversation_key] = case.case_id

    def on_outbound(self, _key: bytes | None, raw: bytes | None) -> None:
        action = events_pb2.OutboundAction.FromString(raw or b"")
        self._write(topics.OUTBOUND, action)
        kinds = {m.kind for m in action.messages}
        if is_handoff(action):
            self.handoffs += 1
        elif events_pb2.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT in kinds:
            self.auto_acks += 1
        if events_pb2.OUTBOUND_KIND_PUBLIC_CLOSE_THE_LOOP in kinds:
            self.close_the_loop += 1

    def on_sla(self, _key: bytes | None, raw: bytes | None) -> None:
        event = events_pb2.SlaEvent.FromString(raw or b"")
        self._write(topics.SLA_EVENTS, event)
        if event.sla_event_id in self.sla_ids:
            self.duplicate_sla += 1
            return
        self.sla_ids.add(event.sla_event_id)
        metric = events_pb2.SlaMetric.Name(event.metric)[11:].lower()
        level = events_pb2.SlaLevel.Name(event.level)[10:].lower()
        self.sla[(event.queue, metric, level)] += 1

    def on_dead_letter(self, _key: bytes | None, raw: bytes | None) -> None:
        self._write(topics.DEAD_LETTER, events_pb2.DeadLetter.FromString(raw or b""))
        self.dead_letters += 1

    def sla_count(self, level: str) -> int:
        return sum(n for (_, _, lvl), n in self.sla.items() if lvl == level)

    def last_deadline(self, horizon: datetime) -> datetime | None:
        """The latest SLA deadline not yet reported, up to ``horizon`` (clocks on a
        closed business-hours calendar come due later than a demo waits)."""
        latest: datetime | None = None
        for case in self.cases.values():
            for planned in planned_notifications(case, self.calendars):
                if planned.sla_event_id in self.sla_ids or planned.at > horizon:
                    continue
                if latest is None or planned.at > latest:
                    latest = planned.at
        return latest

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()


@dataclass
class FeedStats:
    sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    via_grpc: int = 0
    via_webhook: int = 0
    actions: int = 0
    actions_skipped: int = 0


class Feeder:
    """Replays a stream: events through ingest (HTTP batches and gRPC), agent actions
    through CaseService, each at its time offset."""

    def __init__(self, stack: Stack, outputs: Outputs, speed: float) -> None:
        self.stack = stack
        self.outputs = outputs
        self.speed = speed
        self.stats = FeedStats()
        self._channels: list[grpc.aio.Channel] = []

    async def run(self, items: list[dict[str, Any]]) -> None:
        ingest = self.stack.services["ingest"]
        route = self.stack.services["route"]
        ingest_channel = grpc.aio.insecure_channel(ingest.grpc_target)
        case_channel = grpc.aio.insecure_channel(route.grpc_target)
        self._channels = [ingest_channel, case_channel]
        ingest_stub = services_pb2_grpc.IngestServiceStub(ingest_channel)
        case_stub = services_pb2_grpc.CaseServiceStub(case_channel)
        base = datetime.now(UTC)
        started = time.monotonic()
        pending: list[dict[str, Any]] = []
        batch_number = 0
        async with aiohttp.ClientSession(base_url=ingest.http_url) as http:
            for item in items:
                due = float(item["at"]) / self.speed
                wait = due - (time.monotonic() - started)
                if wait > HTTP_BATCH_WINDOW_S or item["type"] != "event":
                    if pending:
                        batch_number += 1
                        await self._send_events(http, ingest_stub, pending, batch_number)
                        pending = []
                    if wait > 0:
                        await asyncio.sleep(wait)
                if item["type"] == "event":
                    event = dict(item["event"])
                    # Replayed now: the SLA clocks run against the wall clock.
                    event["created_at"] = (base + timedelta(seconds=due)).isoformat()
                    pending.append(event)
                elif item["type"] == "agent_action":
                    await self._act(case_stub, item)
            if pending:
                await self._send_events(http, ingest_stub, pending, batch_number + 1)
        for channel in self._channels:
            await channel.close()

    async def _send_events(
        self,
        http: aiohttp.ClientSession,
        stub: services_pb2_grpc.IngestServiceStub,
        events: list[dict[str, Any]],
        batch_number: int,
    ) -> None:
        self.stats.sent += len(events)
        webhook = [e for e in events if takes_webhook_path(e)]
        events = [e for e in events if not takes_webhook_path(e)]
        for event in webhook:
            await self._send_webhook(http, event)
        if not events:
            return
        if batch_number % 3 == 0:
            # Every third batch goes over gRPC's PublishStream, the path CRMs use.
            await self._send_grpc(stub, events)
            return
        async with http.post("/v1/events", json=events) as response:
            body = await response.json()
            if response.status != 202:
                self.stats.rejected += len(events)
                print(
                    f"\n  ingest answered {response.status}: {body.get('message')}", file=sys.stderr
                )
                return
            self.stats.accepted += body["produced"]
            self.stats.duplicates += body["duplicates"]

    async def _send_webhook(self, http: aiohttp.ClientSession, event: dict[str, Any]) -> None:
        """An X mention as X delivers it: an Account Activity payload, signed."""
        body = x_delivery(event)
        headers = {
            "x-twitter-webhooks-signature": x_signature(body),
            "Content-Type": "application/json",
        }
        async with http.post("/v1/webhooks/x", data=body, headers=headers) as response:
            if response.status != 200:
                self.stats.rejected += 1
                print(
                    f"\n  webhook answered {response.status}: {await response.text()}",
                    file=sys.stderr,
                )
                return
            answer = await response.json()
            self.stats.via_webhook += 1
            self.stats.accepted += answer["produced"]
            self.stats.duplicates += answer["events"] - answer["produced"]

    async def _send_grpc(
        self, stub: services_pb2_grpc.IngestServiceStub, events: list[dict[str, Any]]
    ) -> None:
        from carerouter.ingest.schema import EventIn  # noqa: PLC0415

        requests = [
            services_pb2.PublishRequest(event=EventIn.model_validate(e).to_proto(datetime.now(UTC)))
            for e in events
        ]

        async def stream() -> Any:
            for request in requests:
                yield request

        async for response in stub.PublishStream(stream(), timeout=30):
            self.stats.via_grpc += 1
            if response.duplicate:
                self.stats.duplicates += 1
            else:
                self.stats.accepted += 1

    async def _act(self, stub: services_pb2_grpc.CaseServiceStub, item: dict[str, Any]) -> None:
        conversation = f"{item['platform']}:{item['thread_id']}"
        listed = await stub.ListCases(
            services_pb2.ListCasesRequest(conversation_key=conversation), timeout=5
        )
        open_cases = [c for c in listed.cases if c.status != events_pb2.CASE_STATUS_RESOLVED]
        candidates = open_cases or list(listed.cases)
        if not candidates:
            self.stats.actions_skipped += 1  # e.g. spam the policy ignored
            return
        case = candidates[-1]
        self.stats.actions += 1
        action = events_pb2.AgentAction(
            action_id=f"demo-{self.stats.actions}",
            case_id=case.case_id,
            type=AGENT_ACTION_TYPES[item["action"]],
            agent=item.get("agent", ""),
            text=item.get("text") or "",
        )
        action.at.GetCurrentTime()
        await stub.RecordAction(services_pb2.RecordActionRequest(action=action), timeout=5)


class Progress:
    def __init__(self, feeder: Feeder, outputs: Outputs, total: int) -> None:
        self.feeder = feeder
        self.outputs = outputs
        self.total = total
        self.started = time.monotonic()
        self.tty = sys.stdout.isatty()
        self._last_count = 0
        self._last_time = self.started

    def line(self) -> str:
        now = time.monotonic()
        f, o = self.feeder.stats, self.outputs
        rate = (o.classified - self._last_count) / max(now - self._last_time, 1e-6)
        self._last_count, self._last_time = o.classified, now
        return (
            f"[{now - self.started:5.1f}s] in {f.sent}/{self.total}  classified {o.classified}  "
            f"cases {len(o.cases)}  DM handoffs {o.handoffs}  agent actions {f.actions}  "
            f"SLA warnings {o.sla_count('warning')}  breaches {o.sla_count('breach')}  "
            f"escalations {o.sla_count('escalation')}  "
            f"dead letters {o.dead_letters}  {rate:6.1f} ev/s"
        )

    async def run(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            self.show()

    def show(self) -> None:
        if self.tty:
            print("\r" + self.line().ljust(150), end="", flush=True)
        else:
            print(self.line(), flush=True)


def print_summary(
    outputs: Outputs, feeder: Feeder, run_dir: Path, elapsed: float, policy_file: Path
) -> None:
    f = feeder.stats
    cases = list(outputs.cases.values())
    print("\n\nSummary")
    print(
        f"  events sent {f.sent} (accepted {f.accepted}, duplicates dropped {f.duplicates}, "
        f"rejected {f.rejected}; {f.via_grpc} via gRPC, {f.via_webhook} as signed X webhooks), "
        f"classified {outputs.classified}, dead letters {outputs.dead_letters}, in {elapsed:.1f}s"
    )
    print(
        f"  cases {len(cases)}, DM handoffs {outputs.handoffs} (public acknowledgement + private "
        f"message), public close-the-loop replies {outputs.close_the_loop}, automatic "
        f"acknowledgements {outputs.auto_acks}, DMs joined to their public post's case "
        f"{outputs.linked_dms}, agent actions {f.actions}"
    )
    levels = ("warning", "breach", "escalation")
    header = f"  {'queue':<12}{'cases':>7}{'open':>7}" + "".join(
        f"{title:>12}" for title in ("resolved", "handoffs", "warnings", "breaches", "escalations")
    )
    print("\n  Per queue\n" + header)
    for queue in sorted({c.assignment.queue for c in cases}):
        in_queue = [c for c in cases if c.assignment.queue == queue]
        resolved = sum(c.status == events_pb2.CASE_STATUS_RESOLVED for c in in_queue)
        handed = sum(c.handed_off for c in in_queue)
        per_level = [
            sum(n for (q, _, lvl), n in outputs.sla.items() if q == queue and lvl == level)
            for level in levels
        ]
        print(
            f"  {queue:<12}{len(in_queue):>7}{len(in_queue) - resolved:>7}{resolved:>12}"
            f"{handed:>12}" + "".join(f"{n:>12}" for n in per_level)
        )
    source = PolicySource(policy_file)
    calendars = source.calendars()
    for spec in source().queues:
        if spec.calendar and spec.calendar in calendars:
            state = "open" if calendars[spec.calendar].is_open(datetime.now(UTC)) else "closed"
            print(
                f"  business hours: {spec.name} follows calendar {spec.calendar!r}, {state} "
                f"now" + ("" if state == "open" else ": its SLA clocks are paused")
            )
    print("\n  Per intent (messages)")
    for intent, count in outputs.intents.most_common():
        print(f"  {intent:<12}{count:>7}")
    print("\n  Languages: " + ", ".join(f"{k} {v}" for k, v in outputs.langs.most_common()))
    print(f"\n  Outputs (JSON lines, personal data masked) and service logs: {run_dir}/")
    print(f"  e.g. {run_dir / (topics.OUTBOUND + '.jsonl')} holds the DM handoffs, and")
    print(f"  {run_dir / 'outbound-sent.jsonl'} what the recording sender would have posted")


async def _demo(args: argparse.Namespace, bootstrap: str, run_dir: Path) -> int:
    policy = Path(args.policy) if args.policy else DEMO_POLICY
    stream_path = Path(args.stream) if args.stream else DEMO_STREAM
    items = [] if args.no_demo else load_stream(stream_path)
    total = sum(1 for i in items if i.get("type") == "event")
    print(f"Starting ingest, classify, route and notify (logs in {run_dir}) ...", flush=True)
    stack = Stack(
        bootstrap,
        run_dir,
        policy_file=policy,
        partitions=args.partitions,
        extra_env={
            "CARE_CHANNELS_FILE": str(DEMO_CHANNELS_FILE),
            "CARE_OUTBOUND_RECORD_PATH": str(run_dir / "outbound-sent.jsonl"),
        },
    )
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, stack.start)
    try:
        return await _with_stack(args, stack, items, total, bootstrap, run_dir)
    finally:
        print("\nStopping services ...", flush=True)
        await loop.run_in_executor(None, stack.stop)


async def _with_stack(  # noqa: PLR0917 - private helper split out of _demo
    args: argparse.Namespace,
    stack: Stack,
    items: list[dict[str, Any]],
    total: int,
    bootstrap: str,
    run_dir: Path,
) -> int:
    print("Services ready:")
    for svc in stack.services.values():
        print(f"  {svc.name:<9} http {svc.http_url}  grpc {svc.grpc_target}")
    outputs = Outputs(run_dir, PolicySource(stack.policy_file or DEMO_POLICY).calendars())
    settings = ServiceSettings(kafka_bootstrap_servers=bootstrap, kafka_fetch_max_wait_ms=50)
    tails = [
        TopicTail(settings, topics.CLASSIFIED, outputs.on_classified),
        TopicTail(settings, topics.CASES, outputs.on_case),
        TopicTail(settings, topics.OUTBOUND, outputs.on_outbound),
        TopicTail(settings, topics.SLA_EVENTS, outputs.on_sla),
        TopicTail(settings, topics.DEAD_LETTER, outputs.on_dead_letter),
    ]
    for tail in tails:
        await tail.start()
    feeder = Feeder(stack, outputs, args.speed)
    progress = Progress(feeder, outputs, total)
    progress_task = asyncio.create_task(progress.run())
    started = time.monotonic()
    try:
        if items:
            print(f"Streaming {total} demo events at {args.speed}x ...", flush=True)
            await feeder.run(items)
            await _drain(feeder, outputs, args.max_wait, stack)
            progress.show()
            policy_file = stack.policy_file or DEMO_POLICY
            print_summary(outputs, feeder, run_dir, time.monotonic() - started, policy_file)
        if args.serve:
            print("\nServing; press Ctrl-C to stop.", flush=True)
            await asyncio.Event().wait()
    finally:
        progress_task.cancel()
        for tail in tails:
            await tail.stop()
        outputs.close()
    dead = [name for name, ok in stack.alive().items() if not ok]
    if dead:
        print(f"services that died during the run: {', '.join(dead)}", file=sys.stderr)
        return 1
    return 0


async def _drain(feeder: Feeder, outputs: Outputs, max_wait: float, stack: Stack) -> None:
    """Wait until every accepted event is classified and every SLA clock has run out."""
    deadline = time.monotonic() + max_wait
    print("\nStream sent; waiting for the pipeline and the SLA clocks ...", flush=True)
    while time.monotonic() < deadline:
        if not all(stack.alive().values()):
            return
        if outputs.classified >= feeder.stats.accepted:
            latest = outputs.last_deadline(datetime.now(UTC) + timedelta(seconds=max_wait))
            if latest is None or datetime.now(UTC) > latest + timedelta(seconds=2):
                return
        await asyncio.sleep(0.5)
    print(f"\n(stopped waiting after {max_wait:.0f}s)", flush=True)


def run_command(args: argparse.Namespace) -> int:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    run_dir = Path(args.run_dir) if args.run_dir else Path(".carerouter") / "runs" / stamp
    run_dir = run_dir.resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    bootstrap = args.broker or os.environ.get("CARE_KAFKA_BOOTSTRAP_SERVERS")
    broker: EmbeddedBroker | None = None
    if not bootstrap:
        broker = EmbeddedBroker(log_path=run_dir / "broker.log").start()
        bootstrap = broker.bootstrap_servers
        print(f"Embedded Kafka-compatible broker (Tansu) on {bootstrap}", flush=True)
    else:
        print(f"Using Kafka at {bootstrap}", flush=True)
    # SIGTERM ends the run like Ctrl-C does, through the same clean-up path.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        return asyncio.run(_demo(args, bootstrap, run_dir))
    except KeyboardInterrupt:
        print("\nInterrupted; everything started has been stopped.", flush=True)
        return 130
    except StackError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 1
    finally:
        if broker is not None:
            broker.stop()
        with contextlib.suppress(Exception):
            sys.stdout.flush()
