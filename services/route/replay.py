"""What-if replay: the same domain code as the services, run offline over a recorded
stream, for two policies side by side. Nothing is written to any topic.

The stream is JSON lines: ``{"type": "event", "event": {...}}`` (the ingest input
format; its ``created_at`` is the event's time) and ``{"type": "agent_action", "at":
RFC 3339, "platform", "thread_id", "action", "agent"}``. Time is simulated: SLA
deadlines fire in time order between the recorded items, exactly as notify's timers
would, and the replay ends at the last recorded item.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from carerouter.classify.convert import to_proto
from carerouter.classify.domain import Classifier
from carerouter.ingest.schema import EventIn
from carerouter.notify.agent import SlaTimers
from carerouter.notify.clocks import METRIC_NAMES, Planned, clocks_of, crossing_time
from carerouter.notify.domain import BusinessCalendar
from carerouter.route.cases import (
    AGENT_ACTION_TYPES,
    is_handoff,
    on_agent_action,
    on_message,
    private_channel_key,
)
from carerouter.route.facts import facts_of
from carerouter.route.policy_source import PolicySource
from carerouter.v1 import events_pb2


class ReplayError(ValueError):
    """A recorded stream line cannot be replayed; the message names the line."""


@dataclass
class QueueFigures:
    messages: int = 0
    cases: int = 0
    handoffs: int = 0
    first_response_met: int = 0
    first_response_missed: int = 0
    resolution_met: int = 0
    resolution_missed: int = 0
    warnings: int = 0
    breaches: int = 0
    escalations: int = 0

    @property
    def first_response_attainment(self) -> float | None:
        total = self.first_response_met + self.first_response_missed
        return self.first_response_met / total if total else None

    @property
    def resolution_attainment(self) -> float | None:
        total = self.resolution_met + self.resolution_missed
        return self.resolution_met / total if total else None


@dataclass
class ReplayResult:
    policy: str
    queues: dict[str, QueueFigures] = field(default_factory=lambda: defaultdict(QueueFigures))
    ignored: int = 0
    duplicates: int = 0
    unmatched_actions: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "ignored": self.ignored,
            "duplicates": self.duplicates,
            "unmatched_actions": self.unmatched_actions,
            "queues": {
                name: {
                    **asdict(figures),
                    "first_response_attainment": figures.first_response_attainment,
                    "resolution_attainment": figures.resolution_attainment,
                }
                for name, figures in sorted(self.queues.items())
            },
        }


def load_stream(path: Path) -> list[tuple[datetime, dict[str, Any]]]:
    """Recorded items with their times, in time order (stable for equal times)."""
    items: list[tuple[datetime, dict[str, Any]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if item["type"] == "event":
                at = EventIn.model_validate(item["event"]).created_at
            elif item["type"] == "agent_action":
                at = datetime.fromisoformat(item["at"]).astimezone(UTC)
                if item["action"] not in AGENT_ACTION_TYPES:
                    raise ValueError(f"unknown action {item['action']!r}")
            else:
                raise ValueError(f"unknown type {item['type']!r}")
        except (ValueError, KeyError, TypeError) as exc:
            raise ReplayError(f"{path}:{number}: {exc}") from exc
        items.append((at, item))
    items.sort(key=lambda pair: pair[0])
    return items


class _Simulation:
    def __init__(self, source: PolicySource, classifier: Classifier) -> None:
        self.source = source
        self.classifier = classifier
        self.result = ReplayResult(str(source.path))
        self.cases: dict[bytes, events_pb2.Case] = {}
        self.sent: dict[bytes, bytes] = {}
        self.links: dict[str, str] = {}
        self.timers = SlaTimers(self.cases_raw, self.sent, source.calendars, self._publish)
        self._actions = 0

    @property
    def cases_raw(self) -> _RawCases:
        return _RawCases(self.cases)

    async def _publish(self, _key: bytes, planned: Planned, _now: datetime) -> None:
        figures = self.result.queues[planned.queue]
        if planned.level == events_pb2.SLA_LEVEL_WARNING:
            figures.warnings += 1
        elif planned.level == events_pb2.SLA_LEVEL_BREACH:
            figures.breaches += 1
        else:
            figures.escalations += 1

    async def run(self, items: Sequence[tuple[datetime, dict[str, Any]]]) -> ReplayResult:
        for at, item in items:
            await self.timers.fire(at)
            if item["type"] == "event":
                self._event(item["event"], at)
            else:
                self._action(item, at)
        end = items[-1][0] if items else datetime.now(UTC)
        await self.timers.fire(end)
        self._attainment(end)
        return self.result

    def _event(self, raw: dict[str, Any], at: datetime) -> None:
        event = EventIn.model_validate(raw).to_proto(at)
        result = self.classifier.classify(event.text, lang_hint=event.lang_hint or None)
        item = events_pb2.ClassifiedEvent(
            event=event, classification=to_proto(event.event_id, result)
        )
        key = event.conversation_key
        linked = self.links.get(private_channel_key(event))
        if event.surface == events_pb2.SURFACE_PRIVATE and linked and linked != key:
            item.forwarded_from = key
            key = linked
        policy = self.source()
        decision = policy.decide(facts_of(item), self.source.calendars())
        current = self.cases.get(key.encode())
        outcome = on_message(current, item, decision, policy, at)
        if outcome.duplicate:
            self.result.duplicates += 1
        if outcome.ignored and not outcome.duplicate:
            self.result.ignored += 1
        if outcome.case is None or not outcome.changed:
            return
        figures = self.result.queues[outcome.case.assignment.queue]
        figures.messages += 1
        figures.cases += int(outcome.opened)
        figures.handoffs += sum(is_handoff(a) for a in outcome.outbound)
        if outcome.link is not None:
            self.links[outcome.link.linked_key] = outcome.link.case_conversation_key
        self._store(key.encode(), outcome.case)

    def _action(self, raw: dict[str, Any], at: datetime) -> None:
        key = f"{raw['platform']}:{raw['thread_id']}"
        case = self.cases.get(key.encode())
        if case is None:
            self.result.unmatched_actions += 1
            return
        self._actions += 1
        action = events_pb2.AgentAction(
            action_id=f"replay-{self._actions}",
            case_id=case.case_id,
            type=AGENT_ACTION_TYPES[raw["action"]],
            agent=raw.get("agent", ""),
            conversation_key=key,
        )
        action.at.FromDatetime(at)
        outcome = on_agent_action(case, action, self.source(), at)
        if outcome.case is not None and outcome.changed:
            self._store(key.encode(), outcome.case)

    def _store(self, key: bytes, case: events_pb2.Case) -> None:
        self.cases[key] = case
        self.timers.schedule(key, case)

    def _attainment(self, end: datetime) -> None:
        calendars = self.source.calendars()
        for case in self.cases.values():
            calendar = calendars.get(case.assignment.calendar, BusinessCalendar.always_open())
            figures = self.result.queues[case.assignment.queue]
            for clock in clocks_of(case):
                if clock.metric == events_pb2.SLA_METRIC_NEXT_RESPONSE or clock.period:
                    continue
                crossed = crossing_time(
                    calendar, clock.running, timedelta(seconds=clock.target_seconds)
                )
                stopped = clock.running[-1][1] is not None if clock.running else False
                missed = crossed is not None and crossed <= end
                if not missed and not stopped:
                    continue  # still running within its target at the end: undecided
                name = METRIC_NAMES[clock.metric]
                if name == "first_response":
                    figures.first_response_missed += int(missed)
                    figures.first_response_met += int(not missed)
                else:
                    figures.resolution_missed += int(missed)
                    figures.resolution_met += int(not missed)


class _RawCases:
    """The clocks-table view SlaTimers expects (serialized cases) over the simulation's
    case dict, without re-serialising on every write."""

    def __init__(self, cases: dict[bytes, events_pb2.Case]) -> None:
        self._cases = cases

    def get(self, key: bytes) -> bytes | None:
        case = self._cases.get(key)
        return None if case is None else case.SerializeToString()

    def __setitem__(self, key: bytes, value: bytes) -> None:
        self._cases[key] = events_pb2.Case.FromString(value)

    def __delitem__(self, key: bytes) -> None:
        # notify forgets a resolved case's clocks; the replay keeps the case for its figures
        pass

    def items(self) -> Iterable[tuple[bytes, bytes]]:
        return ((k, v.SerializeToString()) for k, v in self._cases.items())


def replay(stream: Path, policies: Sequence[Path | None]) -> list[ReplayResult]:
    items = load_stream(stream)
    classifier = Classifier()
    return [
        asyncio.run(_Simulation(PolicySource(policy), classifier).run(items)) for policy in policies
    ]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("messages", lambda f: str(f.messages)),
    ("cases", lambda f: str(f.cases)),
    ("DM handoffs", lambda f: str(f.handoffs)),
    ("1st resp. met", lambda f: _pct(f.first_response_attainment)),
    ("resolution met", lambda f: _pct(f.resolution_attainment)),
    ("warnings", lambda f: str(f.warnings)),
    ("breaches", lambda f: str(f.breaches)),
    ("escalations", lambda f: str(f.escalations)),
)


def format_side_by_side(results: Sequence[ReplayResult]) -> str:
    """One row per queue; each cell shows the policies' figures as ``current / new``."""
    queues = sorted({q for r in results for q in r.queues})
    rows = [["queue", *(name for name, _ in _COLUMNS)]]
    for queue in queues:
        figures = [r.queues.get(queue, QueueFigures()) for r in results]
        rows.append([queue, *(" / ".join(get(f) for f in figures) for _, get in _COLUMNS)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        f"[{n}] {r.policy}: ignored {r.ignored}, duplicates {r.duplicates}, "
        f"agent actions without a case {r.unmatched_actions}"
        for n, r in enumerate(results, 1)
    ]
    lines.append("")
    for row in rows:
        lines.append(
            "  ".join(
                cell.rjust(width) if i else cell.ljust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            )
        )
    return "\n".join(lines)


def summary_counts(results: Sequence[ReplayResult]) -> list[Counter[str]]:
    """Totals per policy, handy for tests and the --json output."""
    totals = []
    for result in results:
        total: Counter[str] = Counter()
        for figures in result.queues.values():
            total.update({k: v for k, v in asdict(figures).items()})
        totals.append(total)
    return totals
