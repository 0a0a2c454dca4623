"""Wiring of the SLA webhook sinks: configuration file, HTTP session, dead letters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from carerouter.common.metrics import Metrics
from carerouter.notify.sinks import WebhookConfig, WebhookDispatcher, WebhookSink, aiohttp_post
from carerouter.v1 import events_pb2

DeadLetterSend = Callable[[events_pb2.SlaEvent, str], Awaitable[None]]


class WebhooksFile(BaseModel):
    """``webhooks:`` list in a YAML file (a Kubernetes Secret: it holds signing secrets)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    webhooks: list[WebhookConfig] = []


def load_webhooks(path: Path) -> list[WebhookConfig]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return list(WebhooksFile.model_validate(data).webhooks)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"{path}: invalid webhooks file: {exc}") from exc


class Webhooks:
    """Starts one dispatcher over an aiohttp session; ``submit`` hands it an SlaEvent."""

    def __init__(
        self, configs: list[WebhookConfig], metrics: Metrics, dead_letter: DeadLetterSend
    ) -> None:
        self._configs = configs
        self._metrics = metrics
        self._dead_letter = dead_letter
        self._session: aiohttp.ClientSession | None = None
        self._dispatcher: WebhookDispatcher | None = None

    async def start(self) -> None:
        if not self._configs:
            return
        self._session = aiohttp.ClientSession()
        post = aiohttp_post(self._session)

        def on_result(sink: str, outcome: str) -> None:
            self._metrics.webhook_deliveries.labels(sink, outcome).inc()

        sinks = [
            WebhookSink(config, post, dead_letter=self._dead_letter, on_result=on_result)
            for config in self._configs
        ]
        self._dispatcher = WebhookDispatcher(sinks)
        await self._dispatcher.start()

    async def submit(self, event: events_pb2.SlaEvent) -> None:
        if self._dispatcher is not None:
            await self._dispatcher.submit(event)

    async def stop(self) -> None:
        if self._dispatcher is not None:
            await self._dispatcher.stop(timeout_s=10)
        if self._session is not None:
            await self._session.close()
