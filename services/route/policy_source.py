"""The running care policy, reloaded when its file changes.

An invalid new file never replaces the running valid policy: the error is logged and
counted, and the previous policy stays in force until a valid file appears. A
Kubernetes ConfigMap update swaps symlinks, so changes are detected by content.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from pathlib import Path

from carerouter.common.logging import get_logger
from carerouter.common.metrics import Metrics
from carerouter.notify.domain import BusinessCalendar
from carerouter.route.policy import (
    DEFAULT_POLICY_FILE,
    Policy,
    PolicyError,
    build_calendars,
    load_policy,
)

log = get_logger(__name__)
OnReload = Callable[[str, str], None]  # (outcome "reloaded" | "rejected", detail)


class PolicySource:
    def __init__(self, path: Path | None = None, on_reload: OnReload | None = None) -> None:
        self.path = path or DEFAULT_POLICY_FILE
        self._on_reload = on_reload
        self._digest = ""
        self._policy, self._calendars = self._load()  # an invalid file fails start-up

    def _load(self) -> tuple[Policy, dict[str, BusinessCalendar]]:
        text = self.path.read_bytes()
        policy = load_policy(self.path)
        calendars = build_calendars(policy, self.path.parent)
        self._digest = hashlib.sha256(text).hexdigest()
        return policy, calendars

    def __call__(self) -> Policy:
        return self._policy

    def calendars(self) -> dict[str, BusinessCalendar]:
        return self._calendars

    def check(self) -> bool:
        """Reload when the file's content changed; True when a new policy took effect."""
        try:
            digest = hashlib.sha256(self.path.read_bytes()).hexdigest()
        except OSError as exc:
            self._report("rejected", f"{self.path}: cannot read: {exc}")
            return False
        if digest == self._digest:
            return False
        try:
            policy, calendars = self._load()
        except (PolicyError, OSError) as exc:
            self._digest = digest  # report a bad file once, not on every check
            self._report("rejected", str(exc))
            return False
        self._policy, self._calendars = policy, calendars
        self._report("reloaded", str(self.path))
        return True

    def _report(self, outcome: str, detail: str) -> None:
        if self._on_reload is not None:
            self._on_reload(outcome, detail)

    async def watch(self, interval_s: float, on_change: Callable[[], None] | None = None) -> None:
        while True:
            await asyncio.sleep(interval_s)
            if self.check() and on_change is not None:
                on_change()


def policy_reload_reporter(metrics: Metrics, service: str) -> Callable[[str, str], None]:
    def report(outcome: str, detail: str) -> None:
        metrics.policy_reloads.labels(service, outcome).inc()
        if outcome == "rejected":
            log.error("policy_rejected", detail=detail)
        else:
            log.info("policy_reloaded", detail=detail)

    return report
