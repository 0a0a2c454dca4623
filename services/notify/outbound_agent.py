"""The outbound stream: route's OutboundActions go out through a sender per platform
(recording by default). Delivery ids already sent are kept in a changelog-backed table,
so a redelivered action never posts a second public reply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp
import faust
import yaml
from pydantic import ValidationError

from carerouter.common import topics
from carerouter.common.logging import get_logger
from carerouter.common.metrics import Metrics
from carerouter.common.streams import (
    DeadLetters,
    PoisonMessage,
    decode,
    now_timestamp,
    process_each,
)
from carerouter.notify.outbound import (
    OutboundConfig,
    SenderMap,
    aiohttp_get,
    aiohttp_post,
    build_senders,
    send_action,
)
from carerouter.v1 import events_pb2

log = get_logger(__name__)


def load_outbound(path: Path | None, default_record_path: Path) -> OutboundConfig:
    """The outbound configuration file, or recording mode into ``default_record_path``."""
    if path is None:
        return OutboundConfig(record_path=default_record_path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        data.setdefault("record_path", str(default_record_path))
        return OutboundConfig.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"{path}: invalid outbound file: {exc}") from exc


class TableStore:
    """IdempotencyStore over a faust table (delivery id → platform message id)."""

    def __init__(self, table: Any) -> None:
        self._table = table

    def get(self, delivery_id: str) -> str | None:
        value = self._table.get(delivery_id.encode())
        return None if value is None else bytes(value).decode()

    def put(self, delivery_id: str, platform_message_id: str) -> None:
        self._table[delivery_id.encode()] = platform_message_id.encode()


class Outbound:
    def __init__(self, app: faust.App, config: OutboundConfig, metrics: Metrics) -> None:
        self.config = config
        self.metrics = metrics
        self.store = TableStore(
            app.Table("outbound-sent", default=None, key_type=bytes, value_type=bytes)
        )
        self._session: aiohttp.ClientSession | None = None
        self.senders: SenderMap | None = None
        self._dead = app.topic(topics.DEAD_LETTER, key_type=bytes, value_type=bytes)
        dead_letters = DeadLetters(
            app, "outbound", metrics, {topics.OUTBOUND: events_pb2.OutboundAction}
        )
        source = app.topic(topics.OUTBOUND, key_type=bytes, value_type=bytes)

        @app.agent(source, name="outbound-send")
        async def outbound_send(stream: faust.StreamT[Any]) -> None:
            await process_each(stream, self.handle, dead_letters, metrics, "outbound")

    async def start(self) -> None:
        self._session = aiohttp.ClientSession()
        self.senders = build_senders(
            self.config,
            aiohttp_post(self._session),
            self.store,
            get=aiohttp_get(self._session),
        )
        for platform, reason in self.senders.fallbacks.items():
            log.warning("outbound_recording_instead", platform=platform, reason=reason)

    async def stop(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def handle(self, event: faust.EventT[Any]) -> None:
        action = decode(events_pb2.OutboundAction, event.value)
        if not action.action_id or not action.messages:
            raise PoisonMessage("OutboundAction without action_id or messages")
        assert self.senders is not None
        for result in await send_action(action, self.senders):
            self.metrics.outbound.labels(result.status).inc()
            if result.status == "dead_lettered":
                record = events_pb2.DeadLetter(
                    source_topic=topics.OUTBOUND,
                    partition=event.message.partition,
                    offset=event.message.offset,
                    key=event.message.key or b"",
                    value=b"",  # the action's text stays out of the dead letters
                    stage="outbound",
                    error=f"{result.delivery_id}: {result.reason}"[:2000],
                    at=now_timestamp(),
                )
                await self._dead.send(key=record.key, value=record.SerializeToString())
