"""faust wiring shared by the stream services: app settings and dead-lettering.

Agents in carerouter consume raw bytes and decode protobuf themselves, so that a
message that cannot be decoded is an ordinary per-message failure that goes to the
dead-letter topic, instead of an error inside faust's deserialiser.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar, cast

import faust
import faust.transport.drivers.aiokafka as faust_aiokafka
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from carerouter.common import topics
from carerouter.common.kafka import confirmed_end_offsets
from carerouter.common.logging import get_logger, redact_text
from carerouter.common.metrics import Metrics
from carerouter.common.settings import ServiceSettings
from carerouter.v1 import events_pb2

log = get_logger(__name__)
M = TypeVar("M", bound=Message)

_fetch_max_wait_ms = 1500
_bootstrap_servers = ""


def _tune_worker_consumer() -> None:
    """Two corrections to faust-streaming 0.15's aiokafka consumer, applied once.

    * ``fetch_max_wait_ms``: faust hard-codes 1.5 s when it builds the consumer. On a
      broker that answers fetches only when that wait expires, it is a per-hop latency
      floor. aiokafka reads the attribute when the consumer starts, so setting it right
      after construction is enough.
    * Highwaters: table recovery reads each changelog partition up to the end offset the
      broker reports; an under-reported end (see ``confirmed_end_offsets``) silently
      drops the newest records of the table -- a scale-out test lost SLA clocks that way.
    """
    thread_cls: Any = faust_aiokafka.AIOKafkaConsumerThread
    if getattr(thread_cls, "_carerouter_tuned", False):
        return
    original_create = thread_cls._create_worker_consumer
    original_highwaters = thread_cls._highwaters

    def create_worker_consumer(self: Any, transport: Any) -> Any:
        consumer = original_create(self, transport)
        consumer._fetch_max_wait_ms = _fetch_max_wait_ms
        return consumer

    async def highwaters(self: Any, partitions: list[Any]) -> dict[Any, Any]:
        reported = dict(await original_highwaters(self, partitions))
        known = {tp: offset for tp, offset in reported.items() if offset is not None}
        reported.update(
            await confirmed_end_offsets(
                _bootstrap_servers, known, fetch_max_wait_ms=min(_fetch_max_wait_ms, 100)
            )
        )
        return reported

    thread_cls._create_worker_consumer = create_worker_consumer
    thread_cls._highwaters = highwaters
    thread_cls._carerouter_tuned = True


def build_app(app_id: str, settings: ServiceSettings) -> faust.App:
    """A faust app configured from settings; web server off (we serve /metrics ourselves)."""
    global _fetch_max_wait_ms, _bootstrap_servers  # noqa: PLW0603 - process-wide faust driver settings
    _fetch_max_wait_ms = settings.kafka_fetch_max_wait_ms
    _bootstrap_servers = settings.kafka_bootstrap_servers
    _tune_worker_consumer()
    data_dir = settings.data_dir / app_id
    data_dir.mkdir(parents=True, exist_ok=True)
    return faust.App(
        app_id,
        broker=settings.faust_broker_url(),
        store="memory://",
        datadir=str(data_dir),
        web_enabled=False,
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.kafka_partitions,
        topic_replication_factor=settings.kafka_replication_factor,
        broker_session_timeout=settings.kafka_session_timeout_s,
        broker_heartbeat_interval=settings.kafka_heartbeat_interval_s,
        broker_request_timeout=max(30.0, settings.kafka_session_timeout_s * 2),
        producer_linger_ms=settings.kafka_linger_ms,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        broker_commit_interval=1.0,
        table_cleanup_interval=60.0,
    )


def now_timestamp() -> Timestamp:
    ts = Timestamp()
    ts.GetCurrentTime()
    return ts


def _mask_text_fields(message: Message) -> None:
    for field, value in message.ListFields():
        if field.type == field.TYPE_MESSAGE:
            items = value if field.is_repeated else [value]
            for item in items:
                if isinstance(item, Message):
                    _mask_text_fields(item)
        elif field.name == "text" and isinstance(value, str):
            setattr(message, field.name, redact_text(value))


def masked_payload(raw: bytes, message_type: type[Message] | None) -> bytes:
    """The record value with personal data masked: free-text fields of a decodable
    message, or the whole value when it cannot be decoded."""
    if message_type is not None and raw:
        try:
            message = decode(message_type, raw)
        except PoisonMessage:
            pass
        else:
            _mask_text_fields(message)
            return message.SerializeToString()
    return redact_text(raw.decode("utf-8", errors="replace")).encode()


class DeadLetters:
    """Sends a message an agent could not process, with the reason, to the dead-letter
    topic; free text in the payload is masked first."""

    def __init__(
        self,
        app: faust.App,
        stage: str,
        metrics: Metrics,
        input_types: dict[str, type[Message]] | None = None,
    ) -> None:
        self._topic = app.topic(topics.DEAD_LETTER, key_type=bytes, value_type=bytes)
        self._stage = stage
        self._metrics = metrics
        self._input_types = input_types or {}

    async def send(self, event: faust.EventT[Any], error: BaseException) -> None:
        message = event.message
        record = events_pb2.DeadLetter(
            source_topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            key=message.key or b"",
            value=masked_payload(message.value or b"", self._input_types.get(message.topic)),
            stage=self._stage,
            error=f"{type(error).__name__}: {error}"[:2000],
            at=now_timestamp(),
        )
        self._metrics.events_failed.labels(self._stage, type(error).__name__).inc()
        log.warning(
            "dead_lettered",
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            error=type(error).__name__,
        )
        await self._topic.send(key=message.key, value=record.SerializeToString())


async def process_each(
    stream: faust.StreamT[Any],
    handler: Callable[[faust.EventT[Any]], Awaitable[None]],
    dead_letters: DeadLetters,
    metrics: Metrics,
    stage: str,
) -> None:
    """Run ``handler`` per event; a failure dead-letters that event and the agent goes on."""
    async for event in stream.events():
        started = time.perf_counter()
        metrics.events_in.labels(stage, event.message.topic).inc()
        try:
            await handler(event)
        except Exception as exc:  # noqa: BLE001 - one bad message must never stop the agent
            await dead_letters.send(event, exc)
        finally:
            metrics.latency.labels(stage, "process").observe(time.perf_counter() - started)


async def process_batches(
    stream: faust.StreamT[Any],
    handler: Callable[[Sequence[faust.EventT[Any]]], Awaitable[None]],
    dead_letters: DeadLetters,
    metrics: Metrics,
    stage: str,
    *,
    max_batch: int,
    within_s: float,
) -> None:
    """Hand ``handler`` the events that arrive within ``within_s`` (at most ``max_batch``) in
    one call; each is acknowledged after it. ``handler`` dead-letters its own failures per
    event; if it raises anyway, every event of the batch is dead-lettered and the agent goes
    on."""
    # take_events is on faust's Stream, not on the StreamT interface the agent is typed with
    batches = cast(Any, stream).take_events(max_batch, within_s)
    async for events in batches:
        started = time.perf_counter()
        for event in events:
            metrics.events_in.labels(stage, event.message.topic).inc()
        try:
            await handler(events)
        except Exception as exc:  # noqa: BLE001 - one bad batch must never stop the agent
            for event in events:
                await dead_letters.send(event, exc)
        finally:
            elapsed = time.perf_counter() - started
            for _ in events:
                metrics.latency.labels(stage, "process").observe(elapsed)


class PoisonMessage(ValueError):
    """A message on an input topic that is not a valid contract message."""


def decode(message_type: type[M], raw: bytes | None) -> M:
    """Parse a protobuf message from a record value, or raise PoisonMessage."""
    if not raw:
        raise PoisonMessage("empty message")
    message = message_type()
    try:
        message.ParseFromString(raw)
    except Exception as exc:
        raise PoisonMessage(f"not a {message_type.__name__}: {exc}") from exc
    return message
