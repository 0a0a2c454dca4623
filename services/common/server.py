"""Process lifecycle shared by every service: HTTP health and metrics, gRPC with the
standard health protocol, signal handling and graceful shutdown."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn

import grpc
from aiohttp import web
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from carerouter.common.logging import get_logger
from carerouter.common.metrics import Metrics
from carerouter.common.settings import ServiceSettings

log = get_logger(__name__)

ReadinessCheck = Callable[[], bool]


async def abort(context: grpc.aio.ServicerContext, code: grpc.StatusCode, details: str) -> NoReturn:
    """End the RPC with a status; ``context.abort`` raises, this states it to the checker."""
    await context.abort(code, details)
    raise AssertionError("grpc abort returned")  # pragma: no cover


def http_app(metrics: Metrics, ready: ReadinessCheck) -> web.Application:
    """An aiohttp app with /healthz (alive), /readyz (ready for traffic) and /metrics."""
    app = web.Application(client_max_size=8 * 1024 * 1024)

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def readyz(_: web.Request) -> web.Response:
        if ready():
            return web.json_response({"status": "ready"})
        return web.json_response({"status": "starting"}, status=503)

    async def metrics_view(_: web.Request) -> web.Response:
        return web.Response(body=metrics.render(), content_type="text/plain", charset="utf-8")

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_view)
    return app


@dataclass
class ServiceHost:
    """Runs one service: start hooks, HTTP and gRPC servers, then waits for a stop signal."""

    name: str
    settings: ServiceSettings
    metrics: Metrics
    http: web.Application
    grpc_services: Sequence[tuple[Callable[[Any, grpc.aio.Server], None], Any]] = ()
    grpc_service_names: Sequence[str] = ()
    on_start: Sequence[Callable[[], Awaitable[None]]] = ()
    on_stop: Sequence[Callable[[], Awaitable[None]]] = ()
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _health: health.aio.HealthServicer | None = None
    ready: bool = False
    parent_check_interval_s: float = 1.0

    def request_stop(self) -> None:
        self._stop.set()

    async def _stop_when_orphaned(self, parent_pid: int) -> None:
        # A parent killed without its clean-up (SIGKILL, a crashed test runner) cannot
        # stop us; once we are re-parented, nobody will.
        while not self._stop.is_set():
            if os.getppid() != parent_pid:
                log.warning("parent_gone", parent_pid=parent_pid)
                self.request_stop()
                return
            await asyncio.sleep(self.parent_check_interval_s)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.request_stop)
        runner = web.AppRunner(self.http, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.http_host, self.settings.http_port)
        await site.start()
        server = await self._start_grpc()
        watchdog = (
            asyncio.create_task(self._stop_when_orphaned(self.settings.exit_with_parent_pid))
            if self.settings.exit_with_parent_pid is not None
            else None
        )
        log.info(
            "service_listening",
            http_port=self.settings.http_port,
            grpc_port=self.settings.grpc_port,
        )
        try:
            for hook in self.on_start:
                await hook()
            self.ready = True
            await self._set_serving(health_pb2.HealthCheckResponse.SERVING)
            log.info("service_ready")
            await self._stop.wait()
        finally:
            if watchdog is not None:
                watchdog.cancel()
            self.ready = False
            log.info("service_stopping")
            await self._set_serving(health_pb2.HealthCheckResponse.NOT_SERVING)
            await server.stop(self.settings.grpc_shutdown_grace_s)
            for hook in reversed(self.on_stop):
                try:
                    await hook()
                except Exception:
                    log.exception("stop_hook_failed")
            await runner.cleanup()
            log.info("service_stopped")

    async def _start_grpc(self) -> grpc.aio.Server:
        size = self.settings.grpc_max_message_bytes
        server = grpc.aio.server(
            options=[
                ("grpc.max_receive_message_length", size),
                ("grpc.max_send_message_length", size),
            ]
        )
        self._health = health.aio.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(self._health, server)
        for add, servicer in self.grpc_services:
            add(servicer, server)
        server.add_insecure_port(f"{self.settings.http_host}:{self.settings.grpc_port}")
        await server.start()
        await self._set_serving(health_pb2.HealthCheckResponse.NOT_SERVING)
        return server

    async def _set_serving(self, status: int) -> None:
        if self._health is None:
            return
        for name in ("", *self.grpc_service_names):
            await self._health.set(name, status)
