"""A service started by a local stack stops by itself once that stack's process is gone."""

from __future__ import annotations

import asyncio
import os

from carerouter.common.metrics import Metrics
from carerouter.common.server import ServiceHost, http_app
from carerouter.common.settings import ServiceSettings


def _host(parent_pid: int | None) -> ServiceHost:
    settings = ServiceSettings(
        http_host="127.0.0.1", http_port=0, grpc_port=0, exit_with_parent_pid=parent_pid
    )
    metrics = Metrics("orphan-test")
    host = ServiceHost(
        name="orphan-test",
        settings=settings,
        metrics=metrics,
        http=http_app(metrics, ready=lambda: True),
    )
    host.parent_check_interval_s = 0.05
    return host


async def test_stops_when_no_longer_a_child_of_that_process() -> None:
    # a pid that is not our parent: as if the stack had died and we had been re-parented
    host = _host(os.getppid() + 1)
    await asyncio.wait_for(host.run(), timeout=10)
    assert not host.ready


async def test_keeps_running_while_the_parent_lives() -> None:
    host = _host(os.getppid())
    task = asyncio.create_task(host.run())
    await asyncio.sleep(0.5)
    assert not task.done()
    assert host.ready
    host.request_stop()
    await asyncio.wait_for(task, timeout=10)


async def test_no_watchdog_without_a_parent_pid() -> None:
    host = _host(None)
    task = asyncio.create_task(host.run())
    await asyncio.sleep(0.3)
    assert host.ready
    host.request_stop()
    await asyncio.wait_for(task, timeout=10)
