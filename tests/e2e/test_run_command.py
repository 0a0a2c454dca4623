"""`carerouter run` as a user runs it: a broker, four services, a stream, a summary, and
nothing left running afterwards, whether it finishes or is interrupted."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from carerouter.common.broker import _port_open

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SMALL_STREAM = ROOT / "services" / "carerouter" / "demo" / "sample_small.jsonl"
FAST_POLICY = ROOT / "tests" / "integration" / "fast_sla_policy.yaml"


def processes_of(run_dir: Path) -> list[int]:
    """Pids of live processes started for this run (their environment names its data dir)."""
    marker = f"CARE_DATA_DIR={run_dir / 'data'}".encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


def broker_address(output: str) -> tuple[str, int]:
    match = re.search(r"broker \(Tansu\) on ([\d.]+):(\d+)", output)
    assert match, output
    return match.group(1), int(match.group(2))


def run(run_dir: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "carerouter",
            "run",
            "--stream",
            str(SMALL_STREAM),
            "--policy",
            str(FAST_POLICY),
            "--speed",
            "2",
            "--max-wait",
            "60",
            "--run-dir",
            str(run_dir),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "CARE_KAFKA_BOOTSTRAP_SERVERS"},
    )


class TestRunCommand:
    def test_demo_runs_to_a_summary_and_leaves_nothing_behind(self, tmp_path: Path) -> None:
        """The run streams every event, prints progress and a per-queue and per-intent
        summary, writes the output topics to files, exits 0 and stops every process."""
        run_dir = tmp_path / "run"
        process = run(run_dir)
        output, _ = process.communicate(timeout=240)
        assert process.returncode == 0, output
        assert re.search(r"in 50/50 .* classified \d+", output), output
        assert "Per queue" in output and "Per intent" in output
        summary = re.search(r"events sent 50 \(accepted (\d+), duplicates dropped (\d+)", output)
        assert summary, output
        assert re.search(rf"classified {summary.group(1)}, dead letters 0", output), output
        assert (run_dir / "social.classified.v1.jsonl").stat().st_size > 0
        assert (run_dir / "care.cases.v1.jsonl").stat().st_size > 0
        assert processes_of(run_dir) == []
        assert not _port_open(*broker_address(output))

    def test_ctrl_c_stops_everything(self, tmp_path: Path) -> None:
        """SIGINT while the stream runs stops the services and the broker and exits 130."""
        run_dir = tmp_path / "run"
        process = run(run_dir)
        assert process.stdout is not None
        seen = ""
        deadline = time.monotonic() + 120
        while "Streaming" not in seen and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            seen += line
        assert "Streaming" in seen, seen
        assert processes_of(run_dir), "services should be running mid-stream"
        process.send_signal(signal.SIGINT)
        rest, _ = process.communicate(timeout=60)
        assert process.returncode == 130, seen + rest
        assert processes_of(run_dir) == []
        assert not _port_open(*broker_address(seen))
