"""Benchmark: how late are SLA notifications with many open cases?

Runs notify's real SlaTimers (heap, lazy re-planning, sent-table check) in process with
in-memory tables, N open cases whose deadlines fall in a window ahead, and a steady stream
of case updates on the side. Measures, for every breach, publish time minus deadline.
The baseline in the same run is the same machinery with a single open case, which shows
what the event loop itself adds on this machine. Kafka's produce time is not included.

    python -m carerouter.notify.bench --cases 100000
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import statistics
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from google.protobuf.timestamp_pb2 import Timestamp

from carerouter.notify.agent import SlaTimers
from carerouter.notify.clocks import Planned
from carerouter.v1 import events_pb2


@dataclass
class Lags:
    breaches: list[float]
    setup_s: float
    updates: int

    def pct(self, q: float) -> float:
        ordered = sorted(self.breaches)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _case(n: int, opened: datetime, target_s: int) -> events_pb2.Case:
    stamp = Timestamp()
    stamp.FromDatetime(opened)
    return events_pb2.Case(
        case_id=f"x:{n}#1",
        conversation_key=f"x:{n}",
        status=events_pb2.CASE_STATUS_OPEN,
        opened_at=stamp,
        clock_started_at=stamp,
        version=1,
        assignment=events_pb2.Assignment(
            queue=f"q{n % 8}",
            first_response_target_seconds=target_s,
            resolution_target_seconds=target_s * 4,
            warnings=[events_pb2.WarningPoint(fraction=0.5)],
        ),
    )


async def run(cases: int, window_s: float, lead_s: float, update_rate: float, seed: int) -> Lags:
    rng = random.Random(seed)
    lags: list[float] = []

    async def publish(_key: bytes, planned: Planned, _now: datetime) -> None:
        if planned.level == events_pb2.SLA_LEVEL_BREACH:
            lags.append((datetime.now(UTC) - planned.at).total_seconds())

    timers = SlaTimers({}, {}, dict, publish)
    # Calibrate: deadlines must start after all cases are set up, or the benchmark
    # measures the set-up rather than the steady state.
    probe = SlaTimers({}, {}, dict, publish)
    calibration = time.perf_counter()
    for n in range(min(cases, 2000)):
        probe.on_case(f"p:{n}".encode(), _case(n, datetime.now(UTC), 3600))
    per_case = (time.perf_counter() - calibration) / min(cases, 2000)
    started = time.perf_counter()
    now = datetime.now(UTC)
    setup_budget = lead_s + 1.5 * per_case * cases
    for n in range(cases):
        # first-response breach at now + setup_budget + U(0, window): opened target_s ago
        target = 120
        due = now + timedelta(seconds=setup_budget + rng.uniform(0, window_s))
        timers.on_case(f"x:{n}".encode(), _case(n, due - timedelta(seconds=target), target))
    setup = time.perf_counter() - started
    gc.freeze()  # as notify does once a rebalance has restored its cases
    runner = asyncio.create_task(timers.run())
    updates = 0

    async def churn() -> None:
        nonlocal updates
        version = 2
        while True:
            n = rng.randrange(cases)
            key = f"x:{n}".encode()
            raw = timers.clocks.get(key)
            if raw is not None:
                case = events_pb2.Case.FromString(raw)
                case.version = version
                version += 1
                timers.on_case(key, case)  # a case update re-plans, as in production
                updates += 1
            await asyncio.sleep(1 / update_rate)

    churner = asyncio.create_task(churn())

    async def rebalance_midway() -> None:
        # A rebalance that keeps this worker's partitions: ownership is re-checked for
        # every case while deadlines keep coming due.
        ready_at = now + timedelta(seconds=setup_budget + window_s / 2)
        await asyncio.sleep(max(0.0, (ready_at - datetime.now(UTC)).total_seconds()))
        timers.sync_ownership()

    rebalancer = asyncio.create_task(rebalance_midway())
    end = now + timedelta(seconds=setup_budget + window_s + 2)
    while datetime.now(UTC) < end and len(lags) < cases:
        await asyncio.sleep(0.25)
    for task in (churner, runner, rebalancer):
        task.cancel()
    await asyncio.gather(churner, runner, rebalancer, return_exceptions=True)
    return Lags(lags, setup, updates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--window", type=float, default=20.0, help="seconds the deadlines span")
    parser.add_argument("--updates-per-s", type=float, default=500.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    baseline = asyncio.run(run(1, 1.0, 0.5, 1.0, args.seed))
    measured = asyncio.run(run(args.cases, args.window, 2.0, args.updates_per_s, args.seed))
    base_p99 = baseline.pct(0.99)
    print(
        f"SLA timer benchmark ({args.cases} open cases, breaches over {args.window:.0f} s, "
        f"{measured.updates} case updates and a rebalance on the side; "
        f"set-up {measured.setup_s:.1f} s)"
    )
    print(f"  breaches published: {len(measured.breaches)} of {args.cases}")
    for label, q in (("p50", 0.5), ("p99", 0.99), ("max", 1.0)):
        print(f"  lag {label}: {measured.pct(q) * 1000:8.1f} ms")
    print(
        f"  mean lag {statistics.fmean(measured.breaches) * 1000:.1f} ms; "
        f"baseline (1 case) p99 {base_p99 * 1000:.1f} ms; "
        f"ratio p99/baseline {measured.pct(0.99) / max(base_p99, 1e-6):.1f}x"
    )
    within = sum(lag <= 1.0 for lag in measured.breaches) / max(len(measured.breaches), 1)
    print(f"  published within 1 s of the deadline: {within * 100:.2f}%")


if __name__ == "__main__":
    main()
