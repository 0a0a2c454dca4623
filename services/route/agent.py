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
from carerouter.route.cases import (
    Outcome,
    is_handoff,
    on_agent_action,
    on_message,
    private_channel_key,
)
from carerouter.route.facts import facts_of
from carerouter.route.policy import Policy
from carerouter.v1 import events_pb2

PolicySource = Callable[[], Policy]
CalendarSource = Callable[[], Mapping[str, BusinessCalendar]]


class LinkView:
    """Private channels that continue a case: platform:author_id -> the case's key.

    Fed from ``care.case-links.v1`` by every route replica (all partitions), because the
    DM and the public post usually live in different partitions."""

    def __init__(self) -> None:
        self._links: dict[str, events_pb2.CaseLink] = {}

    def apply(self, raw: bytes | None) -> None:
        if raw:
            link = events_pb2.CaseLink.FromString(raw)
            self._links[link.linked_key] = link

    def get(self, key: str) -> events_pb2.CaseLink | None:
        return self._links.get(key)


class CaseRouter:
    """The route stage's per-message work, over a case table keyed by conversation."""

    def __init__(
        self,
        app: faust.App,
        policy: PolicySource,
        calendars: CalendarSource,
        metrics: Metrics,
        links: LinkView,
    ) -> None:
        self.policy = policy
        self.calendars = calendars
        self.metrics = metrics
        self.links = links
        self.classified = app.topic(topics.CLASSIFIED, key_type=bytes, value_type=bytes)
        self.actions = app.topic(topics.AGENT_ACTIONS, key_type=bytes, value_type=bytes)
        self._cases_topic = app.topic(topics.CASES, key_type=bytes, value_type=bytes)
        self._outbound = app.topic(topics.OUTBOUND, key_type=bytes, value_type=bytes)
        self._links_topic = app.topic(topics.CASE_LINKS, key_type=bytes, value_type=bytes)
        # Current case per conversation key, backed by a changelog topic; co-partitioned
        # with both inputs, which are keyed by the conversation key too.
        self.table = app.Table(
            "cases-by-conversation", default=None, key_type=bytes, value_type=bytes
        )

    def load(self, key: bytes) -> events_pb2.Case | None:
        raw = self.table.get(key)
        return None if raw is None else events_pb2.Case.FromString(raw)

    async def publish(self, key: bytes, outcome: Outcome) -> None:
        if outcome.case is None or not outcome.changed:
            return
        self.table[key] = outcome.case.SerializeToString()
        await self._cases_topic.send(key=key, value=outcome.case.SerializeToString())
        self.metrics.events_out.labels("route", topics.CASES).inc()
        for action in outcome.outbound:
            await self._outbound.send(key=key, value=action.SerializeToString())
            self.metrics.events_out.labels("route", topics.OUTBOUND).inc()
            if is_handoff(action):
                self.metrics.handoffs.labels(outcome.case.assignment.queue).inc()
        if outcome.link is not None:
            link = outcome.link
            await self._links_topic.send(
                key=link.linked_key.encode(), value=link.SerializeToString()
            )

    async def handle_classified(self, event: faust.EventT[Any]) -> None:
        item = decode(events_pb2.ClassifiedEvent, event.value)
        if not item.event.conversation_key or not item.event.event_id:
            raise PoisonMessage("ClassifiedEvent without event_id or conversation_key")
        if await self.forward_if_linked(item):
            return
        key = event.key or item.event.conversation_key.encode()
        current = self.policy()
        decision = current.decide(facts_of(item), self.calendars())
        outcome = on_message(self.load(key), item, decision, current, datetime.now(UTC))
        if outcome.duplicate:
            self.metrics.duplicates.labels("route").inc()
        elif outcome.changed:
            intent = INTENT_NAME.get(item.classification.intent, "other")
            self.metrics.routed.labels(decision.queue, intent).inc()
        await self.publish(key, outcome)

    async def forward_if_linked(self, item: events_pb2.ClassifiedEvent) -> bool:
        """A DM from a customer whose public post was handed off joins that case: send
        it on to the partition that owns the case."""
        if item.forwarded_from or item.event.surface != events_pb2.SURFACE_PRIVATE:
            return False
        link = self.links.get(private_channel_key(item.event))
        if link is None or link.case_conversation_key == item.event.conversation_key:
            return False
        forwarded = events_pb2.ClassifiedEvent()
        forwarded.CopyFrom(item)
        forwarded.forwarded_from = item.event.conversation_key
        await self.classified.send(
            key=link.case_conversation_key.encode(), value=forwarded.SerializeToString()
        )
        return True

    async def handle_action(self, event: faust.EventT[Any]) -> None:
        action = decode(events_pb2.AgentAction, event.value)
        if not action.case_id or not action.conversation_key or not action.action_id:
            raise PoisonMessage("AgentAction without action_id, case_id or conversation_key")
        key = action.conversation_key.encode()
        before = self.load(key)
        outcome = on_agent_action(before, action, self.policy(), datetime.now(UTC))
        if outcome.changed and outcome.case is not None and before is not None:
            self.metrics.agent_actions.labels(events_pb2.AgentActionType.Name(action.type)).inc()
            _observe_times(self.metrics, before, outcome.case)
        await self.publish(key, outcome)


def register(
    app: faust.App,
    policy: PolicySource,
    calendars: CalendarSource,
    metrics: Metrics,
    links: LinkView,
) -> CaseRouter:
    router = CaseRouter(app, policy, calendars, metrics, links)
    dead_letters = DeadLetters(
        app,
        "route",
        metrics,
        {
            topics.CLASSIFIED: events_pb2.ClassifiedEvent,
            topics.AGENT_ACTIONS: events_pb2.AgentAction,
        },
    )

    @app.agent(router.classified, name="route-classified")
    async def route_classified(stream: faust.StreamT[Any]) -> None:
        await process_each(stream, router.handle_classified, dead_letters, metrics, "route")

    @app.agent(router.actions, name="route-agent-actions")
    async def route_actions(stream: faust.StreamT[Any]) -> None:
        await process_each(stream, router.handle_action, dead_letters, metrics, "route-actions")

    return router


def _observe_times(metrics: Metrics, before: events_pb2.Case, after: events_pb2.Case) -> None:
    """First-response and resolution time histograms, observed when they happen."""
    queue = after.assignment.queue
    if after.HasField("first_responded_at") and not before.HasField("first_responded_at"):
        waited = after.first_responded_at.ToDatetime() - after.opened_at.ToDatetime()
        metrics.first_response_time.labels(queue).observe(max(0.0, waited.total_seconds()))
    if after.status == events_pb2.CASE_STATUS_RESOLVED and before.status != after.status:
        took = after.resolved_at.ToDatetime() - after.clock_started_at.ToDatetime()
        metrics.resolution_time.labels(queue).observe(max(0.0, took.total_seconds()))
