"""``planned_notifications``: which SLA notifications a Case calls for, and when."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from google.protobuf.timestamp_pb2 import Timestamp

from carerouter.notify.clocks import clocks_of, crossing_time, planned_notifications
from carerouter.notify.domain import BusinessCalendar, CalendarConfig
from carerouter.v1 import events_pb2 as pb

ALWAYS = BusinessCalendar.always_open()
T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # a Monday
CASE_ID = "x:root#1"
HOUR = 3600


def ts(at: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(at)
    return stamp


def make_case(
    *,
    first_response_s: int = HOUR,
    resolution_s: int = 24 * HOUR,
    next_response_s: int = 0,
    warnings: tuple[pb.WarningPoint, ...] = (pb.WarningPoint(fraction=0.5),),
    escalations: tuple[int, ...] = (),
    pause: bool = False,
    calendar: str = "",
    messages: tuple[tuple[datetime, bool], ...] = ((T0, False),),
) -> pb.Case:
    case = pb.Case(
        case_id=CASE_ID,
        conversation_key="x:root",
        status=pb.CASE_STATUS_OPEN,
        assignment=pb.Assignment(
            queue="orders",
            priority=pb.PRIORITY_HIGH,
            first_response_target_seconds=first_response_s,
            resolution_target_seconds=resolution_s,
            next_response_target_seconds=next_response_s,
            warnings=warnings,
            escalation_after_seconds=escalations,
            pause_while_waiting_on_customer=pause,
            calendar=calendar,
        ),
        opened_at=ts(T0),
        clock_started_at=ts(T0),
    )
    for at, agent in messages:
        case.messages.append(pb.CaseMessage(at=ts(at), outbound=agent))
        if agent and not case.HasField("first_responded_at"):
            case.first_responded_at.CopyFrom(ts(at))
    return case


def by_id(
    case: pb.Case, calendars: dict[str, BusinessCalendar] | None = None
) -> dict[str, datetime]:
    return {p.sla_event_id: p.at for p in planned_notifications(case, calendars)}


class TestOpenCase:
    def test_open_case_plans_warning_and_breach_per_clock(self) -> None:
        """An unanswered case: first-response and resolution warnings and breaches."""
        assert by_id(make_case()) == {
            f"{CASE_ID}/first_response/warning-1/0": T0 + timedelta(minutes=30),
            f"{CASE_ID}/first_response/breach/0": T0 + timedelta(hours=1),
            f"{CASE_ID}/resolution/warning-1/0": T0 + timedelta(hours=12),
            f"{CASE_ID}/resolution/breach/0": T0 + timedelta(hours=24),
        }

    def test_minutes_before_and_several_warnings(self) -> None:
        """Warning points may be fractions or durations before the target, several of them."""
        case = make_case(
            resolution_s=0,
            warnings=(pb.WarningPoint(fraction=0.25), pb.WarningPoint(seconds_before=600)),
        )
        assert by_id(case) == {
            f"{CASE_ID}/first_response/warning-1/0": T0 + timedelta(minutes=15),
            f"{CASE_ID}/first_response/warning-2/0": T0 + timedelta(minutes=50),
            f"{CASE_ID}/first_response/breach/0": T0 + timedelta(hours=1),
        }

    def test_escalation_levels_follow_the_breach(self) -> None:
        """Escalations are business time after the target, one id per level."""
        case = make_case(resolution_s=0, escalations=(1800, 7200))
        planned = {p.sla_event_id: p for p in planned_notifications(case)}
        first = planned[f"{CASE_ID}/first_response/escalation-1/0"]
        second = planned[f"{CASE_ID}/first_response/escalation-2/0"]
        assert first.at == T0 + timedelta(minutes=90) and first.level_label == "escalation_1"
        assert second.at == T0 + timedelta(hours=3) and second.level == pb.SLA_LEVEL_ESCALATION


class TestStoppedClocks:
    def test_answered_in_time_owes_only_the_crossed_warning(self) -> None:
        """A first response after the warning and before the target stops the clock: the
        warning stays owed, the breach is not."""
        case = make_case(resolution_s=0, messages=((T0, False), (T0 + timedelta(minutes=40), True)))
        assert by_id(case) == {f"{CASE_ID}/first_response/warning-1/0": T0 + timedelta(minutes=30)}

    def test_answered_late_still_owes_the_breach(self) -> None:
        """A clock that stopped after its target still reports the breach it crossed."""
        case = make_case(resolution_s=0, messages=((T0, False), (T0 + timedelta(hours=2), True)))
        assert f"{CASE_ID}/first_response/breach/0" in by_id(case)


class TestNextResponse:
    def test_each_customer_message_after_a_reply_starts_a_period(self) -> None:
        """Customer → agent → customer starts next-response period 1 at the second message."""
        later = T0 + timedelta(hours=3)
        case = make_case(
            first_response_s=0,
            resolution_s=0,
            next_response_s=HOUR,
            messages=((T0, False), (T0 + timedelta(minutes=5), True), (later, False)),
        )
        assert by_id(case) == {
            f"{CASE_ID}/next_response/warning-1/1": later + timedelta(minutes=30),
            f"{CASE_ID}/next_response/breach/1": later + timedelta(hours=1),
        }

    def test_follow_ups_before_a_reply_do_not_restart_the_clock(self) -> None:
        """Two customer messages in a row form one wait, measured from the first."""
        case = make_case(
            first_response_s=0,
            resolution_s=0,
            next_response_s=HOUR,
            messages=(
                (T0, False),
                (T0 + timedelta(minutes=5), True),
                (T0 + timedelta(minutes=10), False),
                (T0 + timedelta(minutes=20), False),
            ),
        )
        clocks = clocks_of(case)
        assert len(clocks) == 1 and clocks[0].running == ((T0 + timedelta(minutes=10), None),)


class TestPause:
    def test_resolution_pauses_while_waiting_on_the_customer(self) -> None:
        """From an agent reply until the customer's next message the resolution clock stops."""
        case = make_case(
            first_response_s=0,
            resolution_s=2 * HOUR,
            pause=True,
            messages=(
                (T0, False),
                (T0 + timedelta(minutes=30), True),
                (T0 + timedelta(hours=5), False),
            ),
        )
        # 30 min ran before the reply; the remaining 90 min run from the customer's answer.
        assert by_id(case)[f"{CASE_ID}/resolution/breach/0"] == T0 + timedelta(hours=6, minutes=30)

    def test_paused_clock_has_no_pending_breach(self) -> None:
        """While waiting on the customer nothing further comes due."""
        case = make_case(
            first_response_s=0,
            resolution_s=2 * HOUR,
            pause=True,
            messages=((T0, False), (T0 + timedelta(minutes=30), True)),
        )
        assert f"{CASE_ID}/resolution/breach/0" not in by_id(case)


class TestBusinessHours:
    def test_clock_runs_only_in_business_hours(self) -> None:
        """A message on Friday 17:30 with a 1 h target on Mon–Fri 09:00–18:00 breaches
        Monday 09:30 (Berlin time)."""
        calendar = BusinessCalendar.from_config(
            CalendarConfig(
                timezone="Europe/Berlin",
                hours={d: ["09:00-18:00"] for d in ("mon", "tue", "wed", "thu", "fri")},
            )
        )
        friday = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)  # 17:30 in Berlin
        case = make_case(resolution_s=0, calendar="eu", messages=((friday, False),))
        case.opened_at.CopyFrom(ts(friday))
        breach = by_id(case, {"eu": calendar})[f"{CASE_ID}/first_response/breach/0"]
        assert breach == datetime(2026, 11, 30, 8, 30, tzinfo=UTC)  # Monday 09:30 Berlin

    def test_unknown_calendar_means_always_open(self) -> None:
        """A calendar name the notifier does not know falls back to 24/7."""
        case = make_case(resolution_s=0, calendar="missing")
        assert by_id(case, {})[f"{CASE_ID}/first_response/breach/0"] == T0 + timedelta(hours=1)


class TestCrossingTime:
    def test_sums_running_intervals(self) -> None:
        """Running time accumulates over intervals; a closed set that falls short is None."""
        running = (
            (T0, T0 + timedelta(minutes=20)),
            (T0 + timedelta(hours=1), T0 + timedelta(hours=2)),
        )
        assert crossing_time(ALWAYS, running, timedelta(minutes=30)) == T0 + timedelta(
            hours=1, minutes=10
        )
        assert crossing_time(ALWAYS, running, timedelta(hours=3)) is None


class TestEvent:
    def test_to_event_carries_level_index_and_period(self) -> None:
        """The published SlaEvent carries the stable id, deadline, level index and period."""
        planned = next(
            p for p in planned_notifications(make_case()) if p.level == pb.SLA_LEVEL_BREACH
        )
        event = planned.to_event(T0 + timedelta(hours=2))
        assert event.sla_event_id == planned.sla_event_id and event.queue == "orders"
        assert event.deadline.ToDatetime(tzinfo=UTC) == planned.at
        assert event.period == 0 and event.level_index == 0
