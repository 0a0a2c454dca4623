"""Follow every partition of a topic without a consumer group.

Read models (CaseService) and watch streams (WatchBreaches) need every partition on
every replica, whatever partitions the replica's stream agents own.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from aiokafka import AIOKafkaConsumer, TopicPartition

from carerouter.common.kafka import confirmed_end_offsets
from carerouter.common.logging import get_logger
from carerouter.common.settings import ServiceSettings

log = get_logger(__name__)

OnRecord = Callable[[bytes | None, bytes | None], None]


class TopicTail:
    """Reads ``topic`` from the beginning (or the end) and calls ``on_record`` per message."""

    def __init__(
        self,
        settings: ServiceSettings,
        topic: str,
        on_record: OnRecord,
        from_beginning: bool = True,
    ) -> None:
        self._settings = settings
        self._topic = topic
        self._on_record = on_record
        self._from_beginning = from_beginning
        self._task: asyncio.Task[None] | None = None
        self._consumer: AIOKafkaConsumer | None = None
        self.caught_up = asyncio.Event()

    async def start(self) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._settings.kafka_bootstrap_servers,
            group_id=None,
            enable_auto_commit=False,
            fetch_max_wait_ms=self._settings.kafka_fetch_max_wait_ms,
        )
        await consumer.start()
        partitions = consumer.partitions_for_topic(self._topic)
        if not partitions:
            await consumer.stop()
            raise RuntimeError(f"topic {self._topic} does not exist")
        assigned = [TopicPartition(self._topic, p) for p in sorted(partitions)]
        consumer.assign(assigned)
        if self._from_beginning:
            await consumer.seek_to_beginning(*assigned)
            end = await confirmed_end_offsets(
                self._settings.kafka_bootstrap_servers, await consumer.end_offsets(assigned)
            )
            self._targets = {tp: offset for tp, offset in end.items() if offset > 0}
        else:
            await consumer.seek_to_end(*assigned)
            self._targets = {}
        if not self._targets:
            self.caught_up.set()
        self._consumer = consumer
        self._task = asyncio.create_task(self._run(), name=f"tail:{self._topic}")

    async def _run(self) -> None:
        assert self._consumer is not None
        while True:
            batches = await self._consumer.getmany(timeout_ms=500, max_records=1000)
            for tp, records in batches.items():
                for record in records:
                    try:
                        self._on_record(record.key, record.value)
                    except Exception:
                        log.exception("tail_record_failed", topic=self._topic)
                target = self._targets.get(tp)
                if target is not None and records and records[-1].offset + 1 >= target:
                    del self._targets[tp]
                    if not self._targets:
                        self.caught_up.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._consumer is not None:
            await self._consumer.stop()
