"""Every Prometheus instrument of carerouter, created in one place.

Labels carry only bounded, non-personal values: service, stage, queue, intent,
language, metric, level, reason class.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

_SLA_BUCKETS = (10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 259200)
_LATENCY_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


@dataclass
class Metrics:
    """The instruments of one process, bound to their own registry (tests make several)."""

    service: str
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.events_in = Counter(
            "carerouter_events_in_total", "Messages received", ["service", "source"], registry=r
        )
        self.events_out = Counter(
            "carerouter_events_out_total", "Messages produced", ["service", "topic"], registry=r
        )
        self.events_failed = Counter(
            "carerouter_events_failed_total",
            "Messages rejected or dead-lettered",
            ["service", "reason"],
            registry=r,
        )
        self.duplicates = Counter(
            "carerouter_duplicates_total", "Duplicate messages dropped", ["service"], registry=r
        )
        self.latency = Histogram(
            "carerouter_processing_seconds",
            "Time to process one message",
            ["service", "stage"],
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.classified = Counter(
            "carerouter_classified_total",
            "Classifications by intent and language",
            ["intent", "lang", "sensitive"],
            registry=r,
        )
        self.routed = Counter(
            "carerouter_routed_total",
            "Messages routed by queue and intent",
            ["queue", "intent"],
            registry=r,
        )
        self.handoffs = Counter(
            "carerouter_dm_handoffs_total",
            "Sensitive public posts moved to DM",
            ["queue"],
            registry=r,
        )
        self.open_cases = Gauge(
            "carerouter_open_cases", "Open cases by queue", ["queue"], registry=r
        )
        self.sla_events = Counter(
            "carerouter_sla_events_total",
            "SLA warnings and breaches published",
            ["queue", "metric", "level"],
            registry=r,
        )
        self.time_to_breach = Gauge(
            "carerouter_time_to_breach_seconds",
            "Seconds until the next scheduled breach, by queue",
            ["queue"],
            registry=r,
        )
        self.oldest_waiting = Gauge(
            "carerouter_oldest_waiting_seconds",
            "Age of the oldest open case still waiting for a first response, by queue",
            ["queue"],
            registry=r,
        )
        self.first_response_time = Histogram(
            "carerouter_first_response_seconds",
            "Time from the opening message to the first agent response",
            ["queue"],
            buckets=_SLA_BUCKETS,
            registry=r,
        )
        self.resolution_time = Histogram(
            "carerouter_resolution_seconds",
            "Time from opening (or reopening) to resolution",
            ["queue"],
            buckets=_SLA_BUCKETS,
            registry=r,
        )
        self.policy_reloads = Counter(
            "carerouter_policy_reloads_total",
            "Care policy reloads by outcome",
            ["service", "outcome"],
            registry=r,
        )
        self.webhook_deliveries = Counter(
            "carerouter_webhook_deliveries_total",
            "SLA webhook deliveries by sink and outcome",
            ["sink", "outcome"],
            registry=r,
        )
        self.webhooks = Counter(
            "carerouter_webhooks_total",
            "Platform webhook deliveries by platform and outcome",
            ["platform", "outcome"],
            registry=r,
        )
        self.webhook_dropped = Counter(
            "carerouter_webhook_dropped_total",
            "Events without text acknowledged and dropped, by platform and type",
            ["platform", "type"],
            registry=r,
        )
        self.outbound = Counter(
            "carerouter_outbound_deliveries_total",
            "Outbound messages (public replies, DMs) by result",
            ["status"],
            registry=r,
        )
        self.agent_actions = Counter(
            "carerouter_agent_actions_total", "Agent actions applied", ["type"], registry=r
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
