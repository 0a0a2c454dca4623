"""The care policy: queues, SLA targets and ordered routing rules, loaded from YAML.

Pure domain code: :meth:`Policy.decide` maps the facts about one classified message to
a :class:`Decision` and records which rule matched and why.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

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


class SlaPolicy(_Model):
    first_response: Duration
    resolution: Duration
    warn_at: float = Field(0.75, gt=0, lt=1, description="Warn at this fraction of the target.")


class Queue(_Model):
    name: str
    description: str = ""
    languages: list[str] = Field(default_factory=list, description="Empty: any language.")


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
    min_followers: int | None = Field(None, ge=0)
    verified: bool | None = None
    keywords: list[str] | None = None
    regex: str | None = None

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


class Rule(_Model):
    name: str
    when: Conditions = Field(default_factory=Conditions)
    then: Actions


class Templates(_Model):
    """Per-language texts; ``{name}``, ``{brand}`` and ``{signature}`` are filled in."""

    acknowledgement: dict[str, str]
    private_opening: dict[str, str]
    close_the_loop: dict[str, str]

    @model_validator(mode="after")
    def _english_fallback(self) -> Templates:
        for kind in ("acknowledgement", "private_opening", "close_the_loop"):
            if "en" not in getattr(self, kind):
                raise ValueError(f"{kind}: an 'en' template is required as the fallback")
        return self


class Policy(_Model):
    version: Literal[1] = 1
    brand: str = "Acme"
    signature: str = "^CR"
    default_queue: str
    default_priority: PriorityName = "normal"
    default_sla: str
    reopen_window: Duration = 7 * 86400.0
    queues: list[Queue]
    sla_policies: dict[str, SlaPolicy]
    rules: list[Rule] = Field(default_factory=list)
    templates: Templates

    @model_validator(mode="after")
    def _references_exist(self) -> Policy:
        names = {q.name for q in self.queues}
        if len(names) != len(self.queues):
            raise ValueError("queue names must be unique")
        if self.default_queue not in names:
            raise ValueError(f"default_queue {self.default_queue!r} is not a declared queue")
        if self.default_sla not in self.sla_policies:
            raise ValueError(f"default_sla {self.default_sla!r} is not a declared sla policy")
        for index, rule in enumerate(self.rules):
            if rule.then.queue and rule.then.queue not in names:
                raise ValueError(f"rules[{index}] ({rule.name}): unknown queue {rule.then.queue!r}")
            if rule.then.sla and rule.then.sla not in self.sla_policies:
                raise ValueError(f"rules[{index}] ({rule.name}): unknown sla {rule.then.sla!r}")
        return self

    def decide(self, facts: MessageFacts) -> Decision:
        for rule in self.rules:
            reasons = _match(rule.when, facts)
            if reasons is not None:
                return self._decision(rule.then, rule.name, "; ".join(reasons) or "always")
        return self._decision(Actions(), "default", "no rule matched")

    def _decision(self, actions: Actions, rule: str, reason: str) -> Decision:
        sla_name = actions.sla or self.default_sla
        sla = self.sla_policies[sla_name]
        return Decision(
            queue=actions.queue or self.default_queue,
            priority=actions.priority or self.default_priority,
            sla_policy=sla_name,
            first_response_s=sla.first_response,
            resolution_s=sla.resolution,
            warn_fraction=sla.warn_at,
            matched_rule=rule,
            reason=reason,
            tags=tuple(actions.tags),
            handoff=actions.handoff,
            ignore=actions.ignore,
        )


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


def _match(when: Conditions, f: MessageFacts) -> list[str] | None:
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
        when.min_followers is None
        or check(f.followers >= when.min_followers, f"followers={f.followers}"),
        when.verified is None or check(f.verified == when.verified, f"verified={f.verified}"),
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
    return reasons


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
