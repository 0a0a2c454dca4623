"""Plain aiokafka plumbing: topic creation and a producer whose sends are bounded in time."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterable, Mapping

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from carerouter.common import topics
from carerouter.common.logging import get_logger
from carerouter.common.settings import ServiceSettings

log = get_logger(__name__)


class BrokerUnavailable(RuntimeError):
    """Kafka did not acknowledge in time; the caller should retry later (503/UNAVAILABLE)."""


async def ensure_topics(
    settings: ServiceSettings, names: Iterable[str] = topics.ALL, timeout_s: float = 30.0
) -> None:
    """Create the topics that do not exist yet, with the configured partition count.

    Every service calls this at start-up so that the order in which services start does
    not matter, and so that no topic is ever auto-created with a broker default.
    """
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap_servers, request_timeout_ms=10_000
    )
    await asyncio.wait_for(admin.start(), timeout_s)
    try:
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(
                name=name,
                num_partitions=settings.kafka_partitions,
                replication_factor=settings.kafka_replication_factor,
                topic_configs={"retention.ms": str(settings.kafka_retention_ms)},
            )
            for name in names
            if name not in existing
        ]
        if missing:
            # Another service may create one between our list and our create.
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(missing)
            log.info("topics_created", topics=[t.name for t in missing])
    finally:
        await admin.close()


def new_producer(settings: ServiceSettings, client_id: str) -> AIOKafkaProducer:
    # acks=all and no idempotence: idempotent producers are not available on every
    # Kafka-compatible broker, and every consumer here deduplicates by stable ids.
    return AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        client_id=client_id,
        acks="all",
        linger_ms=settings.kafka_linger_ms,
        request_timeout_ms=int(settings.kafka_send_timeout_s * 1000),
        enable_idempotence=False,
    )


class EventProducer:
    """Sends keyed messages and waits for the broker's acknowledgement, within a bound."""

    def __init__(self, producer: AIOKafkaProducer, send_timeout_s: float) -> None:
        self._producer = producer
        self._timeout = send_timeout_s
        self._started = False

    async def start(self) -> None:
        try:
            await asyncio.wait_for(self._producer.start(), self._timeout * 2)
        except (TimeoutError, KafkaError, OSError) as exc:
            raise BrokerUnavailable(f"cannot connect to Kafka: {exc!r}") from exc
        self._started = True

    async def stop(self) -> None:
        if self._started:
            await self._producer.stop()
            self._started = False

    async def send(self, topic: str, key: str, value: bytes) -> None:
        """Produce and wait for the ack; raises BrokerUnavailable past the time bound."""
        await self.send_many(topic, [(key, value)])

    async def send_many(self, topic: str, items: list[tuple[str, bytes]]) -> None:
        """Produce a batch concurrently; returns once every message is acknowledged."""

        async def produce_all() -> None:
            futures = [
                await self._producer.send(topic, key=key.encode(), value=value)
                for key, value in items
            ]
            await asyncio.gather(*futures)

        try:
            await asyncio.wait_for(produce_all(), self._timeout)
        except (TimeoutError, KafkaError, OSError) as exc:
            raise BrokerUnavailable(f"Kafka did not acknowledge within {self._timeout}s") from exc


async def confirmed_end_offsets(
    bootstrap_servers: str,
    reported: Mapping[TopicPartition, int],
    *,
    fetch_max_wait_ms: int = 50,
    timeout_s: float = 10.0,
) -> dict[TopicPartition, int]:
    """The end offsets of ``reported`` (a ListOffsets answer), confirmed by a fetch.

    A fetch response carries the partition's high watermark. Some Kafka-compatible
    brokers answer ListOffsets(latest) with the base offset of the last record batch
    plus one (Tansu 0.6 does: five records produced in one batch read as an end of 1),
    and whoever reads "up to the end" -- faust restoring a table from its changelog --
    then stops early and silently loses state. So one fetch from just before the
    reported end reads the real high watermark. On a broker that reports correctly the
    two agree; the cost is one short-lived consumer per call (a rebalance, a start-up).
    If the fetch does not answer within ``timeout_s``, the reported values stand.
    """
    if not reported:
        return {}
    probe = AIOKafkaConsumer(
        bootstrap_servers=bootstrap_servers,
        group_id=None,
        enable_auto_commit=False,
        fetch_max_wait_ms=fetch_max_wait_ms,
        max_partition_fetch_bytes=1024,  # only the watermark matters, not the records
    )
    confirmed = dict(reported)
    try:
        await asyncio.wait_for(probe.start(), timeout_s)
    except (TimeoutError, KafkaError, OSError) as exc:
        log.warning("end_offsets_unconfirmed", error=repr(exc))
        await probe.stop()
        return confirmed
    try:
        probe.assign(list(reported))
        for tp, offset in reported.items():
            probe.seek(tp, max(0, offset - 1))
        pending = set(reported)
        deadline = time.monotonic() + timeout_s
        while pending and time.monotonic() < deadline:
            await probe.getmany(timeout_ms=fetch_max_wait_ms * 2, max_records=1)
            for tp in list(pending):
                highwater = probe.highwater(tp)
                if highwater is not None:
                    confirmed[tp] = max(confirmed[tp], highwater)
                    pending.discard(tp)
        if pending:
            log.warning("end_offsets_unconfirmed", partitions=len(pending))
    finally:
        await probe.stop()
    return confirmed
