"""Policy features beyond plain rules: fallbacks, SLA overrides, warning points, new
conditions, calendars and iCal holidays."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
import yaml

from carerouter.route.policy import (
    DEFAULT_POLICY_FILE,
    MessageFacts,
    Policy,
    WarningAt,
    build_calendars,
    parse_ical_dates,
    parse_warning,
)

BASE = yaml.safe_load(DEFAULT_POLICY_FILE.read_text(encoding="utf-8"))
FACTS = MessageFacts(
    intent="order",
    sensitive=False,
    pii_types=frozenset(),
    lang="en",
    sentiment="neutral",
    confidence=0.9,
    needs_review=False,
    platform="x",
    surface="public",
    kind="mention",
    followers=10,
    verified=False,
    masked_text="where is my parcel?",
    brand_handle="@acme_care",
    author_id="u1",
    author_handle="@ana",
    at=datetime(2026, 11, 23, 20, 30, tzinfo=UTC),  # Monday 21:30 in Berlin
)


def policy(**changes: object) -> Policy:
    data = {**BASE, **changes}
    return Policy.model_validate(data)


class TestFallbacks:
    def test_low_confidence_without_a_rule_goes_to_triage(self) -> None:
        """needs_review and no matching rule → the triage queue, named as the fallback."""
        p = policy(rules=[])
        decision = p.decide(replace(FACTS, needs_review=True, confidence=0.3))
        assert (decision.queue, decision.matched_rule) == ("triage", "fallback:triage")

    def test_uncovered_language_goes_to_overflow(self) -> None:
        """A queue that lists languages sends other languages to the overflow queue."""
        queues = [dict(q) for q in BASE["queues"]]
        for q in queues:
            if q["name"] == "orders":
                q["languages"] = ["en", "es"]
        p = policy(queues=queues, overflow_queue="general")
        assert p.decide(FACTS).queue == "orders"
        decision = p.decide(replace(FACTS, lang="fi"))
        assert decision.queue == "general" and decision.matched_rule == "orders+fallback:overflow"
        assert "does not cover language fi" in decision.reason


class TestSlaPolicies:
    def test_override_by_platform_and_surface(self) -> None:
        """The first matching override replaces the targets it sets, keeps the others."""
        slas = dict(BASE["sla_policies"])
        slas["standard"] = {
            "first_response": "1h",
            "resolution": "24h",
            "next_response": "2h",
            "overrides": [{"platform": ["x"], "surface": "public", "first_response": "20m"}],
        }
        p = policy(sla_policies=slas)
        decision = p.decide(FACTS)
        assert decision.first_response_s == 1200 and decision.resolution_s == 86400
        assert decision.next_response_s == 7200
        assert p.decide(replace(FACTS, platform="facebook")).first_response_s == 3600

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (0.75, WarningAt(fraction=0.75)),
            ("80%", WarningAt(fraction=0.8)),
            ("10m before", WarningAt(seconds_before=600)),
        ],
    )
    def test_warning_points(self, value: object, expected: WarningAt) -> None:
        """Warning points are fractions, percentages or durations before the target."""
        assert parse_warning(value) == expected

    @pytest.mark.parametrize("value", [0, 1, "120%", "soon", "0m before"])
    def test_bad_warning_points(self, value: object) -> None:
        """Out-of-range or unreadable warning points are refused."""
        with pytest.raises(ValueError):
            parse_warning(value)


class TestConditions:
    def _first_rule(self, when: dict[str, object]) -> Policy:
        rule = {"name": "probe", "when": when, "then": {"queue": "questions"}}
        return policy(
            rules=[rule],
            vip_authors=["@ana"],
            calendars={"berlin": {"timezone": "Europe/Berlin", "hours": {"mon": ["08:00-18:00"]}}},
        )

    @pytest.mark.parametrize(
        ("when", "matches"),
        [
            ({"vip": True}, True),
            ({"brand_handle": ["@ACME_CARE"]}, True),
            ({"brand_handle": ["@acme_es"]}, False),
            ({"time_of_day": {"between": "18:00-08:00", "timezone": "Europe/Berlin"}}, True),
            ({"time_of_day": {"between": "08:00-18:00", "timezone": "Europe/Berlin"}}, False),
            ({"outside_hours_of": "berlin"}, True),
        ],
    )
    def test_condition(self, when: dict[str, object], matches: bool) -> None:
        """Each condition decides on its own and names itself in the reason."""
        decision = self._first_rule(when).decide(FACTS, build_calendars(self._first_rule(when)))
        assert (decision.matched_rule == "probe") is matches
        if matches:
            assert next(iter(when)) in decision.reason

    def test_unknown_calendar_in_a_rule_is_refused(self) -> None:
        """A rule naming an undeclared calendar does not load."""
        with pytest.raises(ValueError, match="unknown calendar"):
            policy(
                rules=[
                    {
                        "name": "x",
                        "when": {"outside_hours_of": "nope"},
                        "then": {"queue": "general"},
                    }
                ]
            )


class TestIcal:
    def test_all_day_and_multi_day_events(self) -> None:
        """All-day events count their dates; DTEND is exclusive; folded lines unfold."""
        text = (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Christmas\r\n DAY\r\n"
            "DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nDTSTART:20270101T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        assert parse_ical_dates(text) == [
            date(2026, 12, 24),
            date(2026, 12, 25),
            date(2026, 12, 26),
            date(2027, 1, 1),
        ]

    def test_bad_date_is_reported(self) -> None:
        """A malformed DTSTART is an error, not a silent skip."""
        with pytest.raises(ValueError, match="DTSTART"):
            parse_ical_dates("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261399\nEND:VEVENT\n")
