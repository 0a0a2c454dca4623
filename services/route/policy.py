"""The care policy: queues, SLA targets and ordered routing rules, loaded from YAML.

Pure domain code: :meth:`Policy.decide` maps the facts about one classified message to
a :class:`Decision` and records which rule matched and why.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from carerouter.notify.domain import BusinessCalendar, CalendarConfig

PriorityName = Literal["low", "normal", "high", "urgent"]
PRIORITY_RANK: dict[str, int] = {"low": 1, "normal": 2, "high": 3, "urgent": 4}
DEFAULT_POLICY_FILE = Path(__file__).with_name("default_policy.yaml")

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: object) -> float:
    """Seconds from ``90``, ``"45s"``, ``"15m"``, ``"4h"`` or ``"2d"``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str) and (match := _DURATION.match(value)):
        seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    else:
        raise ValueError(
            f"expected a duration such as 90, '45s', '15m', '4h' or '2d', got {value!r}"
        )
    if not math.isfinite(seconds) or seconds <= 0:
        raise ValueError("a duration must be a positive, finite number of seconds")
    return seconds


Duration = Annotated[float, BeforeValidator(parse_duration)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_WARN_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")
_WARN_BEFORE = re.compile(r"^\s*(.+?)\s+before\s*$")


@dataclass(frozen=True, slots=True)
class WarningAt:
    """A warning point: a fraction of the target, or a duration before it."""

    fraction: float = 0.0
    seconds_before: float = 0.0


def parse_warning(value: object) -> WarningAt:
    """``0.75``, ``"75%"`` or ``"10m before"``."""
    if isinstance(value, WarningAt):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        fraction = float(value)
    elif isinstance(value, str) and (match := _WARN_PERCENT.match(value)):
        fraction = float(match.group(1)) / 100
    elif isinstance(value, str) and (match := _WARN_BEFORE.match(value)):
        return WarningAt(seconds_before=parse_duration(match.group(1)))
    else:
        raise ValueError(
            f"expected a warning point such as 0.75, '75%' or '10m before', got {value!r}"
        )
    if not 0 < fraction < 1:
        raise ValueError(f"a warning fraction must be between 0 and 1 (exclusive), got {fraction}")
    return WarningAt(fraction=fraction)


def _warnings(value: object) -> tuple[WarningAt, ...]:
    items = value if isinstance(value, list | tuple) else [value]
    return tuple(parse_warning(item) for item in items)


Warnings = Annotated[tuple[WarningAt, ...], BeforeValidator(_warnings)]


class SlaTargets(_Model):
    first_response: Duration | None = None
    next_response: Duration | None = None
    resolution: Duration | None = None


class SlaOverride(SlaTargets):
    """Targets that replace the policy's when the case matches (first match wins)."""

    priority: list[PriorityName] | None = None
    platform: list[str] | None = None
    surface: Literal["public", "private"] | None = None


class SlaPolicy(_Model):
    first_response: Duration
    resolution: Duration
    next_response: Duration | None = None
    warn_at: Warnings = (WarningAt(fraction=0.75),)
    escalations: list[Duration] = Field(
        default_factory=list, description="Business time after the target, one per level."
    )
    pause_when_waiting_on_customer: bool = False
    overrides: list[SlaOverride] = Field(default_factory=list)

    def targets_for(self, priority: str, platform: str, surface: str) -> SlaTargets:
        for override in self.overrides:
            if override.priority is not None and priority not in override.priority:
                continue
            if override.platform is not None and platform not in override.platform:
                continue
            if override.surface is not None and surface != override.surface:
                continue
            return SlaTargets(
                first_response=override.first_response or self.first_response,
                next_response=override.next_response or self.next_response,
                resolution=override.resolution or self.resolution,
            )
        return SlaTargets(
            first_response=self.first_response,
            next_response=self.next_response,
            resolution=self.resolution,
        )


class Skills(_Model):
    languages: list[str] = Field(default_factory=list, description="Empty: any language.")
    product_lines: list[str] = Field(default_factory=list)
    tiers: list[str] = Field(default_factory=list)

    def describe(self) -> str:
        parts = [f"lang:{x}" for x in self.languages]
        parts += [f"product:{x}" for x in self.product_lines]
        parts += [f"tier:{x}" for x in self.tiers]
        return ",".join(parts)


class Queue(_Model):
    name: str
    description: str = ""
    languages: list[str] = Field(
        default_factory=list, description="Shorthand for skills.languages."
    )
    skills: Skills = Field(default_factory=Skills)
    calendar: str | None = Field(None, description="Business-hours calendar; none: 24/7.")
    sla: str | None = Field(None, description="SLA policy for this queue unless a rule sets one.")

    @property
    def all_languages(self) -> list[str]:
        return self.languages or self.skills.languages


class CalendarSpec(CalendarConfig):
    """A business-hours calendar; ``holidays_ical`` is read relative to the policy file."""

    holidays_ical: str | None = None


class TimeOfDay(_Model):
    between: str = Field(..., description="'HH:MM-HH:MM' local time; may wrap midnight.")
    timezone: str = "UTC"

    @model_validator(mode="after")
    def _valid(self) -> TimeOfDay:
        _parse_between(self.between)
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {self.timezone!r}") from exc
        return self

    def contains(self, at: datetime) -> bool:
        start, end = _parse_between(self.between)
        local = at.astimezone(ZoneInfo(self.timezone))
        minute = local.hour * 60 + local.minute
        return start <= minute < end if start <= end else minute >= start or minute < end


def _parse_between(text: str) -> tuple[int, int]:
    match = re.match(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$", text)
    if not match:
        raise ValueError(f"expected 'HH:MM-HH:MM', got {text!r}")
    sh, sm, eh, em = (int(g) for g in match.groups())
    if sh > 24 or eh > 24 or sm > 59 or em > 59:
        raise ValueError(f"not a time of day: {text!r}")
    return sh * 60 + sm, eh * 60 + em


class Conditions(_Model):
    """All given conditions must hold; a list means any of its values."""

    intent: list[str] | None = None
    sensitive: bool | None = None
    pii_types: list[str] | None = None
    lang: list[str] | None = None
    sentiment: list[Literal["negative", "neutral", "positive"]] | None = None
    max_confidence: float | None = Field(None, ge=0, le=1)
    needs_review: bool | None = None
    platform: list[str] | None = None
    surface: Literal["public", "private"] | None = None
    kind: list[str] | None = None
    brand_handle: list[str] | None = None
    min_followers: int | None = Field(None, ge=0)
    verified: bool | None = None
    vip: bool | None = None
    keywords: list[str] | None = None
    regex: str | None = None
    time_of_day: TimeOfDay | None = None
    outside_hours_of: str | None = Field(None, description="A calendar name.")

    @model_validator(mode="after")
    def _regex_compiles(self) -> Conditions:
        if self.regex is not None:
            try:
                re.compile(self.regex)
            except re.error as exc:
                raise ValueError(f"regex does not compile: {exc}") from exc
        return self


class Actions(_Model):
    queue: str | None = None
    priority: PriorityName | None = None
    sla: str | None = None
    tags: list[str] = Field(default_factory=list)
    handoff: bool = False
    ignore: bool = False
    auto_ack: bool = Field(False, description="Post templates.auto_ack publicly at once.")


class Rule(_Model):
    name: str
    when: Conditions = Field(default_factory=Conditions)
    then: Actions


class Templates(_Model):
    """Per-language texts; ``{name}``, ``{brand}`` and ``{signature}`` are filled in."""

    acknowledgement: dict[str, str]
    private_opening: dict[str, str]
    close_the_loop: dict[str, str]
    auto_ack: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _english_fallback(self) -> Templates:
        for kind in ("acknowledgement", "private_opening", "close_the_loop"):
            if "en" not in getattr(self, kind):
                raise ValueError(f"{kind}: an 'en' template is required as the fallback")
        if self.auto_ack and "en" not in self.auto_ack:
            raise ValueError("auto_ack: an 'en' template is required as the fallback")
        return self


class Policy(_Model):
    version: Literal[1] = 1
    brand: str = "Acme"
    signature: str = "^CR"
    default_queue: str
    default_priority: PriorityName = "normal"
    default_sla: str
    triage_queue: str | None = Field(None, description="Low confidence, when no rule matched.")
    overflow_queue: str | None = Field(
        None, description="When the chosen queue does not cover the message's language."
    )
    reopen_window: Duration = 7 * 86400.0
    vip_authors: list[str] = Field(default_factory=list, description="Handles or author ids.")
    calendars: dict[str, CalendarSpec] = Field(default_factory=dict)
    queues: list[Queue]
    sla_policies: dict[str, SlaPolicy]
    rules: list[Rule] = Field(default_factory=list)
    templates: Templates

    @model_validator(mode="after")
    def _references_exist(self) -> Policy:
        names = {q.name for q in self.queues}
        if len(names) != len(self.queues):
            raise ValueError("queue names must be unique")
        for key in ("default_queue", "triage_queue", "overflow_queue"):
            value = getattr(self, key)
            if value is not None and value not in names:
                raise ValueError(f"{key} {value!r} is not a declared queue")
        if self.default_sla not in self.sla_policies:
            raise ValueError(f"default_sla {self.default_sla!r} is not a declared sla policy")
        for index, queue in enumerate(self.queues):
            if queue.calendar and queue.calendar not in self.calendars:
                raise ValueError(
                    f"queues[{index}] ({queue.name}): unknown calendar {queue.calendar!r}"
                )
            if queue.sla and queue.sla not in self.sla_policies:
                raise ValueError(f"queues[{index}] ({queue.name}): unknown sla {queue.sla!r}")
        for index, rule in enumerate(self.rules):
            if rule.then.queue and rule.then.queue not in names:
                raise ValueError(f"rules[{index}] ({rule.name}): unknown queue {rule.then.queue!r}")
            if rule.then.sla and rule.then.sla not in self.sla_policies:
                raise ValueError(f"rules[{index}] ({rule.name}): unknown sla {rule.then.sla!r}")
            cal = rule.when.outside_hours_of
            if cal is not None and cal not in self.calendars:
                raise ValueError(f"rules[{index}] ({rule.name}): unknown calendar {cal!r}")
            if rule.then.auto_ack and not self.templates.auto_ack:
                raise ValueError(f"rules[{index}] ({rule.name}): auto_ack needs templates.auto_ack")
        return self

    def queue(self, name: str) -> Queue:
        return next(q for q in self.queues if q.name == name)

    def decide(self, facts: MessageFacts, calendars: Calendars | None = None) -> Decision:
        """The first matching rule decides; then the fallbacks apply."""
        vip = frozenset(self.vip_authors)
        for rule in self.rules:
            reasons = _match(rule.when, facts, vip, calendars)
            if reasons is not None:
                decision = self._decision(
                    rule.then, rule.name, "; ".join(reasons) or "always", facts
                )
                return self._language_fallback(decision, facts)
        if facts.needs_review and self.triage_queue:
            decision = self._decision(
                Actions(queue=self.triage_queue),
                "fallback:triage",
                f"no rule matched; low confidence {facts.confidence:.2f}",
                facts,
            )
        else:
            decision = self._decision(Actions(), "default", "no rule matched", facts)
        return self._language_fallback(decision, facts)

    def _language_fallback(self, decision: Decision, facts: MessageFacts) -> Decision:
        languages = self.queue(decision.queue).all_languages
        if not self.overflow_queue or not languages or facts.lang in languages:
            return decision
        return self._decision(
            Actions(queue=self.overflow_queue, priority=decision.priority),
            f"{decision.matched_rule}+fallback:overflow",
            f"{decision.reason}; queue {decision.queue} does not cover language {facts.lang}",
            facts,
            tags=decision.tags,
            handoff=decision.handoff,
        )

    def _decision(
        self,
        actions: Actions,
        rule: str,
        reason: str,
        facts: MessageFacts,
        *,
        tags: tuple[str, ...] = (),
        handoff: bool = False,
    ) -> Decision:
        queue = self.queue(actions.queue or self.default_queue)
        priority = actions.priority or self.default_priority
        sla_name = actions.sla or queue.sla or self.default_sla
        sla = self.sla_policies[sla_name]
        targets = sla.targets_for(priority, facts.platform, facts.surface)
        return Decision(
            queue=queue.name,
            priority=priority,
            sla_policy=sla_name,
            first_response_s=targets.first_response or sla.first_response,
            resolution_s=targets.resolution or sla.resolution,
            warn_fraction=next((w.fraction for w in sla.warn_at if w.fraction), 0.0),
            matched_rule=rule,
            reason=reason,
            tags=tuple(actions.tags) or tags,
            handoff=actions.handoff or handoff,
            ignore=actions.ignore,
            next_response_s=targets.next_response or 0.0,
            warnings=sla.warn_at,
            escalations=tuple(sla.escalations),
            pause_while_waiting=sla.pause_when_waiting_on_customer,
            calendar=queue.calendar or "",
            skills=queue.skills.describe() or ",".join(f"lang:{x}" for x in queue.all_languages),
            auto_ack=actions.auto_ack,
        )


Calendars = Mapping[str, BusinessCalendar]


@dataclass(frozen=True, slots=True)
class MessageFacts:
    """What a rule may look at: the classification and the event's metadata."""

    intent: str
    sensitive: bool
    pii_types: frozenset[str]
    lang: str
    sentiment: str
    confidence: float
    needs_review: bool
    platform: str
    surface: str
    kind: str
    followers: int
    verified: bool
    masked_text: str
    brand_handle: str = ""
    author_id: str = ""
    author_handle: str = ""
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    queue: str
    priority: str
    sla_policy: str
    first_response_s: float
    resolution_s: float
    warn_fraction: float
    matched_rule: str
    reason: str
    tags: tuple[str, ...]
    handoff: bool
    ignore: bool
    next_response_s: float = 0.0
    warnings: tuple[WarningAt, ...] = ()
    escalations: tuple[float, ...] = ()
    pause_while_waiting: bool = False
    calendar: str = ""
    skills: str = ""
    auto_ack: bool = False


def _match(
    when: Conditions,
    f: MessageFacts,
    vip: frozenset[str] = frozenset(),
    calendars: Calendars | None = None,
) -> list[str] | None:
    """The reasons the conditions hold, or None when one of them does not."""
    reasons: list[str] = []

    def check(ok: bool, reason: str) -> bool:
        if ok:
            reasons.append(reason)
        return ok

    checks = [
        when.intent is None or check(f.intent in when.intent, f"intent={f.intent}"),
        when.sensitive is None or check(f.sensitive == when.sensitive, f"sensitive={f.sensitive}"),
        when.pii_types is None
        or check(bool(f.pii_types & set(when.pii_types)), f"pii={sorted(f.pii_types)}"),
        when.lang is None or check(f.lang in when.lang, f"lang={f.lang}"),
        when.sentiment is None or check(f.sentiment in when.sentiment, f"sentiment={f.sentiment}"),
        when.max_confidence is None
        or check(f.confidence <= when.max_confidence, f"confidence={f.confidence:.2f}"),
        when.needs_review is None
        or check(f.needs_review == when.needs_review, f"needs_review={f.needs_review}"),
        when.platform is None or check(f.platform in when.platform, f"platform={f.platform}"),
        when.surface is None or check(f.surface == when.surface, f"surface={f.surface}"),
        when.kind is None or check(f.kind in when.kind, f"kind={f.kind}"),
        when.brand_handle is None
        or check(
            f.brand_handle.casefold() in {h.casefold() for h in when.brand_handle},
            f"brand_handle={f.brand_handle}",
        ),
        when.min_followers is None
        or check(f.followers >= when.min_followers, f"followers={f.followers}"),
        when.verified is None or check(f.verified == when.verified, f"verified={f.verified}"),
        when.vip is None
        or check((f.author_handle in vip or f.author_id in vip) == when.vip, f"vip={when.vip}"),
    ]
    if not all(checks):
        return None
    if when.keywords is not None:
        text = f.masked_text.casefold()
        hit = next((k for k in when.keywords if k.casefold() in text), None)
        if hit is None:
            return None
        reasons.append(f"keyword={hit!r}")
    if when.regex is not None:
        if not re.search(when.regex, f.masked_text, re.IGNORECASE):
            return None
        reasons.append(f"regex={when.regex!r}")
    at = f.at or datetime.now(UTC)
    if when.time_of_day is not None:
        if not when.time_of_day.contains(at):
            return None
        reasons.append(f"time_of_day={when.time_of_day.between}")
    if when.outside_hours_of is not None:
        calendar = (calendars or {}).get(when.outside_hours_of)
        if calendar is None or calendar.is_open(at):
            return None
        reasons.append(f"outside_hours_of={when.outside_hours_of}")
    return reasons


def parse_ical_dates(text: str) -> list[date]:
    """All-day dates of the VEVENTs of an iCalendar file (holiday calendars).

    Understands ``DTSTART;VALUE=DATE:20261225`` with an optional exclusive ``DTEND``;
    timed events count for the local date they start on.
    """
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    days: list[date] = []
    start: date | None = None
    end: date | None = None
    for line in unfolded.splitlines():
        name, _, value = line.partition(":")
        key = name.split(";", 1)[0].upper()
        if key == "BEGIN" and value.strip().upper() == "VEVENT":
            start = end = None
        elif key in ("DTSTART", "DTEND") and len(value.strip()) >= 8:
            raw = value.strip()[:8]
            try:
                parsed = date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
            except ValueError as exc:
                raise ValueError(f"iCal {key} is not a date: {value.strip()!r}") from exc
            if key == "DTSTART":
                start = parsed
            else:
                end = parsed
        elif key == "END" and value.strip().upper() == "VEVENT" and start is not None:
            last = end if end is not None and end > start else start + timedelta(days=1)
            days.extend(start + timedelta(days=n) for n in range((last - start).days))
    return days


def build_calendars(policy: Policy, base_dir: Path | None = None) -> dict[str, BusinessCalendar]:
    """The policy's calendars, with iCal holiday files read relative to ``base_dir``."""
    built: dict[str, BusinessCalendar] = {}
    for name, spec in policy.calendars.items():
        holidays = list(spec.holidays)
        if spec.holidays_ical:
            path = Path(spec.holidays_ical)
            if not path.is_absolute() and base_dir is not None:
                path = base_dir / path
            try:
                holidays += parse_ical_dates(path.read_text(encoding="utf-8"))
            except OSError as exc:
                raise PolicyError(
                    f"calendars.{name}.holidays_ical: cannot read {path}: {exc}"
                ) from exc
            except ValueError as exc:
                raise PolicyError(f"calendars.{name}.holidays_ical: {path}: {exc}") from exc
        config = CalendarConfig(timezone=spec.timezone, hours=spec.hours, holidays=holidays)
        built[name] = BusinessCalendar.from_config(config)
    return built


class PolicyError(ValueError):
    """The policy file cannot be used; the message names the file and the problem."""


def load_policy(path: Path | None = None) -> Policy:
    path = path or DEFAULT_POLICY_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: not valid YAML: {exc}") from exc
    try:
        return Policy.model_validate(data)
    except ValueError as exc:
        raise PolicyError(f"{path}: {exc}") from exc
