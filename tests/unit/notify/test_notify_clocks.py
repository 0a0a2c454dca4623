"""``planned_notifications``: which SLA notifications a Case calls for, and when."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from carerouter.notify.clocks import DEFAULT_WARN_FRACTION, Planned, planned_notifications
from carerouter.notify.domain import BusinessCalendar
from carerouter.v1 import events_pb2 as pb

ALWAYS = BusinessCalendar.always_open()
T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
CASE_ID = "x:root#1"
FIRST_RESPONSE_S = 3600
RESOLUTION_S = 86400


def ts(at: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(at)
    return stamp


def make_case(
    *,
    status: int = pb.CASE_STATUS_OPEN,
    warn_fraction: float = 0.5,
    first_response_s: int = FIRST_RESPONSE_S,
    resolution_s: int = RESOLUTION_S,
    responded_at: datetime | None = None,
    clock_started_at: datetime | None = T0,
    resolution_period: int = 0,
) -> pb.Case:
    case = pb.Case(
        case_id=CASE_ID,
        conversation_key="x:root",
        platform=pb.PLATFORM_X,
        status=status,  # type: ignore[arg-type]
        assignment=pb.Assignment(
            queue="orders",
            priority=pb.PRIORITY_HIGH,
            sla_policy="standard",
            first_response_target_seconds=first_response_s,
            resolution_target_seconds=resolution_s,
            warn_fraction=warn_fraction,
        ),
        opened_at=ts(T0),
        resolution_period=resolution_period,
    )
    if clock_started_at is not None:
        case.clock_started_at.CopyFrom(ts(clock_started_at))
    if responded_at is not None:
        case.first_responded_at.CopyFrom(ts(responded_at))
    return case


def by_id(planned: list[Planned]) -> dict[str, Planned]:
    return {p.sla_event_id: p for p in planned}


class TestOpenCase:
    def test_open_case_plans_four_notifications(self) -> None:
        """An open case: first-response warning and breach, resolution warning and breach."""
        planned = by_id(planned_notifications(make_case(), ALWAYS))
        assert set(planned) == {
            f"{CASE_ID}/first_response/warning/0",
            f"{CASE_ID}/first_response/breach/0",
            f"{CASE_ID}/resolution/warning/0",
            f"{CASE_ID}/resolution/breach/0",
        }

    def test_deadlines_use_the_assignment_warn_fraction(self) -> None:
        """Warnings fall at warn_fraction of each target, breaches at the target."""
        planned = by_id(planned_notifications(make_case(warn_fraction=0.5), ALWAYS))
        assert planned[f"{CASE_ID}/first_response/warning/0"].at == T0 + timedelta(minutes=30)
        assert planned[f"{CASE_ID}/first_response/breach/0"].at == T0 + timedelta(hours=1)
        assert planned[f"{CASE_ID}/resolution/warning/0"].at == T0 + timedelta(hours=12)
        assert planned[f"{CASE_ID}/resolution/breach/0"].at == T0 + timedelta(hours=24)

    def test_other_warn_fraction(self) -> None:
        """A 0.75 warn fraction warns at three quarters of the target."""
        planned = by_id(planned_notifications(make_case(warn_fraction=0.75), ALWAYS))
        assert planned[f"{CASE_ID}/first_response/warning/0"].at == T0 + timedelta(minutes=45)
        assert planned[f"{CASE_ID}/resolution/warning/0"].at == T0 + timedelta(hours=18)

    def test_missing_warn_fraction_uses_the_default(self) -> None:
        """An assignment without warn_fraction falls back to DEFAULT_WARN_FRACTION."""
        planned = by_id(planned_notifications(make_case(warn_fraction=0.0), ALWAYS))
        warning = planned[f"{CASE_ID}/first_response/warning/0"]
        assert warning.at == T0 + timedelta(seconds=FIRST_RESPONSE_S * DEFAULT_WARN_FRACTION)

    def test_entries_carry_case_metric_level_and_assignment(self) -> None:
        """Each entry names its case, metric and level enums, target, queue and priority."""
        planned = by_id(planned_notifications(make_case(), ALWAYS))
        breach = planned[f"{CASE_ID}/resolution/breach/0"]
        assert breach.case_id == CASE_ID
        assert breach.conversation_key == "x:root"
        assert breach.metric == pb.SLA_METRIC_RESOLUTION
        assert breach.level == pb.SLA_LEVEL_BREACH
        assert breach.target_seconds == RESOLUTION_S
        assert breach.queue == "orders"
        assert breach.priority == pb.PRIORITY_HIGH
        warning = planned[f"{CASE_ID}/first_response/warning/0"]
        assert (warning.metric, warning.level) == (
            pb.SLA_METRIC_FIRST_RESPONSE,
            pb.SLA_LEVEL_WARNING,
        )
        assert warning.target_seconds == FIRST_RESPONSE_S

    def test_deadlines_are_utc_aware(self) -> None:
        """Every planned instant is timezone-aware UTC."""
        for planned in planned_notifications(make_case(), ALWAYS):
            assert planned.at.utcoffset() == timedelta(0)

    def test_resolution_clock_falls_back_to_opened_at(self) -> None:
        """Without clock_started_at the resolution clock starts at opened_at."""
        planned = by_id(planned_notifications(make_case(clock_started_at=None), ALWAYS))
        assert planned[f"{CASE_ID}/resolution/breach/0"].at == T0 + timedelta(days=1)

    def test_zero_targets_plan_nothing(self) -> None:
        """A metric without a target has no clock."""
        case = make_case(first_response_s=0, resolution_s=0)
        assert planned_notifications(case, ALWAYS) == []


class TestRespondedAndResolved:
    def test_responded_case_has_no_first_response_entries(self) -> None:
        """Once an agent responded, only the resolution clock runs."""
        case = make_case(status=pb.CASE_STATUS_RESPONDED, responded_at=T0 + timedelta(minutes=5))
        ids = [p.sla_event_id for p in planned_notifications(case, ALWAYS)]
        assert ids == [f"{CASE_ID}/resolution/warning/0", f"{CASE_ID}/resolution/breach/0"]

    @pytest.mark.parametrize("responded", [None, T0 + timedelta(minutes=5)])
    def test_resolved_case_plans_nothing(self, responded: datetime | None) -> None:
        """A resolved case has no running clocks."""
        case = make_case(status=pb.CASE_STATUS_RESOLVED, responded_at=responded)
        assert planned_notifications(case, ALWAYS) == []


class TestReopened:
    def test_reopened_case_ids_carry_the_new_period(self) -> None:
        """After a reopen the resolution clock restarts and its ids carry the period."""
        restart = T0 + timedelta(days=2)
        case = make_case(
            status=pb.CASE_STATUS_RESPONDED,
            responded_at=T0 + timedelta(minutes=5),
            clock_started_at=restart,
            resolution_period=1,
        )
        planned = by_id(planned_notifications(case, ALWAYS))
        assert set(planned) == {
            f"{CASE_ID}/resolution/warning/1",
            f"{CASE_ID}/resolution/breach/1",
        }
        assert planned[f"{CASE_ID}/resolution/warning/1"].at == restart + timedelta(hours=12)
        assert planned[f"{CASE_ID}/resolution/breach/1"].at == restart + timedelta(days=1)

    def test_first_response_ids_stay_in_period_zero(self) -> None:
        """Without a response yet, a reopened case keeps its first-response ids at 0."""
        case = make_case(clock_started_at=T0 + timedelta(days=1), resolution_period=2)
        ids = {p.sla_event_id for p in planned_notifications(case, ALWAYS)}
        assert f"{CASE_ID}/first_response/breach/0" in ids
        assert f"{CASE_ID}/resolution/breach/2" in ids

    def test_periods_have_distinct_ids(self) -> None:
        """Two periods never share a notification id, so both get published."""
        first = {p.sla_event_id for p in planned_notifications(make_case(), ALWAYS)}
        second = {
            p.sla_event_id for p in planned_notifications(make_case(resolution_period=1), ALWAYS)
        }
        resolution_first = {i for i in first if "/resolution/" in i}
        assert resolution_first.isdisjoint(second)


class TestEventIds:
    def test_id_format(self) -> None:
        """sla_event_id is '<case_id>/<metric>/<level>/<period>'."""
        for planned in planned_notifications(make_case(resolution_period=3), ALWAYS):
            case_id, metric, level, period = planned.sla_event_id.rsplit("/", 3)
            assert case_id == CASE_ID
            assert metric in {"first_response", "resolution"}
            assert level in {"warning", "breach"}
            assert period == ("3" if metric == "resolution" else "0")

    def test_ids_are_stable_across_calls(self) -> None:
        """Planning the same case twice yields identical entries (idempotent publishing)."""
        case = make_case()
        assert planned_notifications(case, ALWAYS) == planned_notifications(case, ALWAYS)

    def test_to_event_builds_the_sla_event(self) -> None:
        """Planned.to_event fills every SlaEvent field, with deadline and emission time."""
        planned = by_id(planned_notifications(make_case(), ALWAYS))
        emitted = T0 + timedelta(minutes=31)
        event = planned[f"{CASE_ID}/first_response/warning/0"].to_event(emitted)
        assert event.sla_event_id == f"{CASE_ID}/first_response/warning/0"
        assert event.case_id == CASE_ID
        assert event.conversation_key == "x:root"
        assert event.metric == pb.SLA_METRIC_FIRST_RESPONSE
        assert event.level == pb.SLA_LEVEL_WARNING
        assert event.queue == "orders"
        assert event.priority == pb.PRIORITY_HIGH
        assert event.target_seconds == FIRST_RESPONSE_S
        assert event.deadline.ToDatetime(tzinfo=UTC) == T0 + timedelta(minutes=30)
        assert event.emitted_at.ToDatetime(tzinfo=UTC) == emitted
