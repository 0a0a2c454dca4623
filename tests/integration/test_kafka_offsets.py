"""End offsets as table recovery needs them: the real end of each partition, confirmed by
a fetch, whatever the broker's ListOffsets answer says (real broker, no mock)."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from carerouter.common.broker import EmbeddedBroker, free_port
from carerouter.common.kafka import confirmed_end_offsets

pytestmark = pytest.mark.integration


async def _create(bootstrap: str, topic: str, partitions: int) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, partitions, 1)])
    finally:
        await admin.close()


async def _produce_batched(bootstrap: str, topic: str, counts: dict[int, int]) -> None:
    # A long linger puts each partition's records into one batch, as faust's table
    # writes usually are.
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=200)
    await producer.start()
    try:
        futures = [
            await producer.send(topic, key=f"k{p}-{n}".encode(), value=b"v", partition=p)
            for p, count in counts.items()
            for n in range(count)
        ]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def _reported(bootstrap: str, tps: list[TopicPartition]) -> dict[TopicPartition, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        return dict(await consumer.end_offsets(tps))
    finally:
        await consumer.stop()


async def test_confirmed_end_offsets_are_the_real_ends(broker: EmbeddedBroker) -> None:
    bootstrap = broker.bootstrap_servers
    topic = "test.end-offsets"
    await _create(bootstrap, topic, 3)
    await _produce_batched(bootstrap, topic, {0: 7, 1: 1})
    await _produce_batched(bootstrap, topic, {0: 3})
    tps = [TopicPartition(topic, p) for p in range(3)]

    confirmed = await confirmed_end_offsets(bootstrap, await _reported(bootstrap, tps))

    assert confirmed == {tps[0]: 10, tps[1]: 1, tps[2]: 0}


async def test_nothing_to_confirm(broker: EmbeddedBroker) -> None:
    assert await confirmed_end_offsets(broker.bootstrap_servers, {}) == {}


async def test_unreachable_broker_leaves_the_reported_offsets() -> None:
    reported = {TopicPartition("t", 0): 5}
    confirmed = await confirmed_end_offsets(f"127.0.0.1:{free_port()}", reported, timeout_s=1.0)
    assert confirmed == reported
