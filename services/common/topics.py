"""Kafka topic names. Each topic carries one protobuf message type from events.proto.

Every topic is keyed by the conversation key (``platform:thread_id``) so that all
events of a conversation land in one partition, in order, and so that the route
service's tables are co-partitioned with all of their inputs.
"""

from __future__ import annotations

from typing import Final

SOCIAL_EVENTS: Final = "social.events.v1"  # SocialEvent, from ingest
CLASSIFIED: Final = "social.classified.v1"  # ClassifiedEvent, from classify
CASES: Final = "care.cases.v1"  # Case snapshots, from route (compacted by case)
OUTBOUND: Final = "care.outbound.v1"  # OutboundAction, from route
AGENT_ACTIONS: Final = "care.agent-actions.v1"  # AgentAction, from CaseService
SLA_EVENTS: Final = "care.sla.v1"  # SlaEvent, from notify
DEAD_LETTER: Final = "carerouter.dead-letter.v1"  # DeadLetter, from every agent
CASE_LINKS: Final = "care.case-links.v1"  # CaseLink, from route: DM threads of a case

ALL: Final = (
    SOCIAL_EVENTS,
    CLASSIFIED,
    CASES,
    OUTBOUND,
    AGENT_ACTIONS,
    SLA_EVENTS,
    DEAD_LETTER,
    CASE_LINKS,
)
