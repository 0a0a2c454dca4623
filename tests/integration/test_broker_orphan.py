"""An embedded broker dies with the process that started it, even when that process is
killed without its clean-up (a stray Tansu keeps all its data in memory)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

PARENT = """
import os, sys
from carerouter.common.broker import EmbeddedBroker
broker = EmbeddedBroker().start()
print(broker._process.pid, flush=True)
os._exit(0)  # no clean-up, as if killed
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie waiting to be reaped is gone already


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux parent-death signal")
def test_broker_does_not_outlive_a_killed_parent() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PARENT], capture_output=True, text=True, timeout=60, check=True
    )
    pid = int(out.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    survived = _alive(pid)
    if survived:  # do not leave it behind when the test fails
        os.kill(pid, 9)
    assert not survived, "the broker outlived the process that started it"
