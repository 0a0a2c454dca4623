"""The route stream: classified events and agent actions update the case table; case
snapshots and outbound actions are published. Failures are dead-lettered."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import faust

from carerouter.classify.convert import INTENT_NAME
from carerouter.common import topics
from carerouter.common.metrics import Metrics
from carerouter.common.streams import DeadLetters, PoisonMessage, decode, process_each
from carerouter.notify.domain import BusinessCalendar
from carerouter.route.cases import Outcome, on_agent_action, on_message
from carerouter.route.facts import facts_of
from carerouter.route.policy import Policy
from carerouter.v1 import events_pb2

PolicySource = Callable[[], Policy]
CalendarSource = Callable[[], Mapping[str, BusinessCalendar]]


def register(
    app: faust.App, policy: PolicySource, calendars: CalendarSource, metrics: Metrics
) -> None:
    classified = app.topic(topics.CLASSIFIED, key_type=bytes, value_type=bytes)
    actions = app.topic(topics.AGENT_ACTIONS, key_type=bytes, value_type=bytes)
    cases_topic = app.topic(topics.CASES, key_type=bytes, value_type=bytes)
    outbound_topic = app.topic(topics.OUTBOUND, key_type=bytes, value_type=bytes)
    dead_letters = DeadLetters(
        app,
        "route",
        metrics,
        {
            topics.CLASSIFIED: events_pb2.ClassifiedEvent,
            topics.AGENT_ACTIONS: events_pb2.AgentAction,
        },
    )
    # Current case per conversation key, backed by a changelog topic; co-partitioned
    # with both inputs, which are keyed by the conversation key too.
    table = app.Table("cases-by-conversation", default=None, key_type=bytes, value_type=bytes)

    def load(key: bytes) -> events_pb2.Case | None:
        raw = table.get(key)
        if raw is None:
            return None
        case = events_pb2.Case()
        case.ParseFromString(raw)
        return case

    async def publish(key: bytes, outcome: Outcome) -> None:
        if outcome.case is None or not outcome.changed:
            return
        table[key] = outcome.case.SerializeToString()
        await cases_topic.send(key=key, value=outcome.case.SerializeToString())
        metrics.events_out.labels("route", topics.CASES).inc()
        for action in outcome.outbound:
            await outbound_topic.send(key=key, value=action.SerializeToString())
            metrics.events_out.labels("route", topics.OUTBOUND).inc()
            if any(
                m.kind == events_pb2.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT for m in action.messages
            ):
                metrics.handoffs.labels(outcome.case.assignment.queue).inc()

    async def handle_classified(event: faust.EventT[Any]) -> None:
        item = decode(events_pb2.ClassifiedEvent, event.value)
        if not item.event.conversation_key or not item.event.event_id:
            raise PoisonMessage("ClassifiedEvent without event_id or conversation_key")
        key = item.event.conversation_key.encode()
        current = policy()
        decision = current.decide(facts_of(item), calendars())
        outcome = on_message(load(key), item, decision, current, datetime.now(UTC))
        if outcome.duplicate:
            metrics.duplicates.labels("route").inc()
        elif outcome.changed:
            metrics.routed.labels(
                decision.queue, INTENT_NAME.get(item.classification.intent, "other")
            ).inc()
        await publish(key, outcome)

    async def handle_action(event: faust.EventT[Any]) -> None:
        action = decode(events_pb2.AgentAction, event.value)
        if not action.case_id or not action.conversation_key or not action.action_id:
            raise PoisonMessage("AgentAction without action_id, case_id or conversation_key")
        key = action.conversation_key.encode()
        before = load(key)
        outcome = on_agent_action(before, action, policy(), datetime.now(UTC))
        if outcome.changed and outcome.case is not None and before is not None:
            metrics.agent_actions.labels(events_pb2.AgentActionType.Name(action.type)).inc()
            _observe_times(metrics, before, outcome.case)
        await publish(key, outcome)

    @app.agent(classified, name="route-classified")
    async def route_classified(stream: faust.StreamT[Any]) -> None:
        await process_each(stream, handle_classified, dead_letters, metrics, "route")

    @app.agent(actions, name="route-agent-actions")
    async def route_actions(stream: faust.StreamT[Any]) -> None:
        await process_each(stream, handle_action, dead_letters, metrics, "route-actions")


def _observe_times(metrics: Metrics, before: events_pb2.Case, after: events_pb2.Case) -> None:
    """First-response and resolution time histograms, observed when they happen."""
    queue = after.assignment.queue
    if after.HasField("first_responded_at") and not before.HasField("first_responded_at"):
        waited = after.first_responded_at.ToDatetime() - after.opened_at.ToDatetime()
        metrics.first_response_time.labels(queue).observe(max(0.0, waited.total_seconds()))
    if after.status == events_pb2.CASE_STATUS_RESOLVED and before.status != after.status:
        took = after.resolved_at.ToDatetime() - after.clock_started_at.ToDatetime()
        metrics.resolution_time.labels(queue).observe(max(0.0, took.total_seconds()))
