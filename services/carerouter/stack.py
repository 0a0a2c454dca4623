"""Start and stop the four services as separate processes, as a deployment would.

Used by ``carerouter run`` and by the end-to-end tests, so the tests exercise exactly
what the demo shows: real processes talking to a real broker over loopback.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from carerouter.common.broker import free_port

SERVICES = ("ingest", "classify", "route", "notify")

# Fast group joins and short fetch waits: a demo or a test should not wait on
# production-sized session timeouts (see docs/operations.md).
FAST_KAFKA_ENV = {
    "CARE_KAFKA_SESSION_TIMEOUT_S": "3",
    "CARE_KAFKA_HEARTBEAT_INTERVAL_S": "0.5",
    "CARE_KAFKA_FETCH_MAX_WAIT_MS": "50",
    "CARE_KAFKA_RETENTION_MS": str(3600 * 1000),
}


class StackError(RuntimeError):
    """A service did not start; the message includes the end of its log."""


@dataclass
class ServiceProcess:
    name: str
    http_port: int
    grpc_port: int
    log_path: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def grpc_target(self) -> str:
        return f"127.0.0.1:{self.grpc_port}"

    def log_tail(self, lines: int = 25) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


@dataclass
class Stack:
    bootstrap_servers: str
    run_dir: Path
    policy_file: Path | None = None
    partitions: int = 3
    extra_env: dict[str, str] = field(default_factory=dict)
    start_timeout_s: float = 90.0
    services: dict[str, ServiceProcess] = field(default_factory=dict)

    def start(self) -> Stack:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        for name in SERVICES:
            self.services[name] = ServiceProcess(
                name, free_port(), free_port(), self.run_dir / f"{name}.log"
            )
        try:
            for svc in self.services.values():
                self._spawn(svc)
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _spawn(
        self, svc: ServiceProcess, service: str | None = None, data_dir: Path | None = None
    ) -> None:
        env = {
            **os.environ,
            **FAST_KAFKA_ENV,
            "CARE_KAFKA_BOOTSTRAP_SERVERS": self.bootstrap_servers,
            "CARE_KAFKA_PARTITIONS": str(self.partitions),
            "CARE_HTTP_HOST": "127.0.0.1",
            "CARE_HTTP_PORT": str(svc.http_port),
            "CARE_GRPC_PORT": str(svc.grpc_port),
            "CARE_DATA_DIR": str(data_dir or self.run_dir / "data"),
            "CARE_GRPC_SHUTDOWN_GRACE_S": "1",
            "CARE_EXIT_WITH_PARENT_PID": str(os.getpid()),
            **self.extra_env,
        }
        if self.policy_file is not None:
            env["CARE_POLICY_FILE"] = str(self.policy_file)
        with open(svc.log_path, "ab") as log:
            svc.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [sys.executable, "-m", "carerouter", "serve", service or svc.name],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,
            )

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout_s
        pending = set(self.services)
        while pending:
            for name in list(pending):
                svc = self.services[name]
                assert svc.process is not None
                if svc.process.poll() is not None:
                    raise StackError(
                        f"{name} exited with code {svc.process.returncode} while starting; "
                        f"end of {svc.log_path}:\n{svc.log_tail()}"
                    )
                if _ready(svc.http_url):
                    pending.discard(name)
            if not pending:
                return
            if time.monotonic() > deadline:
                names = ", ".join(sorted(pending))
                tails = "\n".join(
                    f"--- {n}:\n{self.services[n].log_tail()}" for n in sorted(pending)
                )
                raise StackError(f"not ready after {self.start_timeout_s}s: {names}\n{tails}")
            time.sleep(0.2)

    def spawn_extra(self, name: str) -> ServiceProcess:
        """Another instance of a service (same consumer group): a scale-out, which makes
        Kafka rebalance that service's partitions between the instances."""
        count = sum(1 for key in self.services if key.split("#")[0] == name)
        extra = ServiceProcess(
            f"{name}#{count + 1}",
            free_port(),
            free_port(),
            self.run_dir / f"{name}-{count + 1}.log",
        )
        self.services[extra.name] = extra
        # Its own local state directory, as each pod has its own.
        self._spawn(extra, service=name, data_dir=self.run_dir / f"data-{count + 1}")
        self._wait_ready_one(extra, "starting")
        return extra

    def _wait_ready_one(self, svc: ServiceProcess, doing: str) -> None:
        deadline = time.monotonic() + self.start_timeout_s
        while not _ready(svc.http_url):
            if svc.process is not None and svc.process.poll() is not None:
                raise StackError(f"{svc.name} exited while {doing}:\n{svc.log_tail()}")
            if time.monotonic() > deadline:
                raise StackError(f"{svc.name} not ready after {doing}:\n{svc.log_tail()}")
            time.sleep(0.2)

    def _terminate(self, name: str, grace_s: float) -> ServiceProcess:
        svc = self.services[name]
        process = svc.process
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=grace_s)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        return svc

    def retire(self, name: str, grace_s: float = 15.0) -> None:
        """Stop an instance for good (a scale-in): its partitions move to the others."""
        self._terminate(name, grace_s)
        del self.services[name]

    def restart(self, name: str, grace_s: float = 15.0) -> None:
        """Stop one service gracefully and start it again on the same ports."""
        svc = self._terminate(name, grace_s)
        self._spawn(svc)
        self._wait_ready_one(svc, "restarting")

    def alive(self) -> dict[str, bool]:
        return {
            name: svc.process is not None and svc.process.poll() is None
            for name, svc in self.services.items()
        }

    def stop(self, grace_s: float = 15.0) -> None:
        """SIGTERM every service, wait for a graceful stop, SIGKILL what is left."""
        running = [
            s.process for s in self.services.values() if s.process and s.process.poll() is None
        ]
        for process in running:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        for process in running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/readyz", timeout=1) as response:  # noqa: S310 - loopback
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False
