"""Case state transitions: messages join the open case of their conversation, agent
actions move it along, sensitive public posts are handed off to a private message.

Pure domain code over the contract messages: given the current Case (or None) and one
input, each function returns the next Case and the OutboundActions to send. Every
transition is idempotent on the input's id, because Kafka delivers at least once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp

from carerouter.route.policy import PRIORITY_RANK, Decision, Policy
from carerouter.v1 import events_pb2

MAX_MESSAGES_KEPT = 200
MAX_ACTION_IDS_KEPT = 200

PRIORITY_ENUM: dict[str, int] = {
    "low": events_pb2.PRIORITY_LOW,
    "normal": events_pb2.PRIORITY_NORMAL,
    "high": events_pb2.PRIORITY_HIGH,
    "urgent": events_pb2.PRIORITY_URGENT,
}
PRIORITY_NAME = {v: k for k, v in PRIORITY_ENUM.items()}
# The CRM's words for what an agent did (recorded streams, the demo's simulated CRM).
AGENT_ACTION_TYPES: dict[str, events_pb2.AgentActionType.ValueType] = {
    "first_response": events_pb2.AGENT_ACTION_TYPE_FIRST_RESPONSE,
    "reply": events_pb2.AGENT_ACTION_TYPE_REPLY,
    "resolve": events_pb2.AGENT_ACTION_TYPE_RESOLVE,
    "reopen": events_pb2.AGENT_ACTION_TYPE_REOPEN,
}


@dataclass
class Outcome:
    """The next state of a conversation's case and what must be sent because of it."""

    case: events_pb2.Case | None
    outbound: list[events_pb2.OutboundAction] = field(default_factory=list)
    changed: bool = False
    duplicate: bool = False
    ignored: bool = False
    opened: bool = False
    link: events_pb2.CaseLink | None = None  # a private channel now belongs to this case


def _ts(at: datetime) -> Timestamp:
    ts = Timestamp()
    ts.FromDatetime(at.astimezone(UTC))
    return ts


def _assignment(decision: Decision) -> events_pb2.Assignment:
    return events_pb2.Assignment(
        queue=decision.queue,
        priority=PRIORITY_ENUM[decision.priority],  # type: ignore[arg-type]
        sla_policy=decision.sla_policy,
        first_response_target_seconds=round(decision.first_response_s),
        resolution_target_seconds=round(decision.resolution_s),
        matched_rule=decision.matched_rule,
        reason=decision.reason,
        tags=decision.tags,
        warn_fraction=decision.warn_fraction,
        next_response_target_seconds=round(decision.next_response_s),
        warnings=[
            events_pb2.WarningPoint(fraction=w.fraction, seconds_before=round(w.seconds_before))
            for w in decision.warnings
        ],
        escalation_after_seconds=[round(e) for e in decision.escalations],
        pause_while_waiting_on_customer=decision.pause_while_waiting,
        calendar=decision.calendar,
        skills=decision.skills,
    )


def _case_seq(case_id: str) -> int:
    _, _, seq = case_id.rpartition("#")
    return int(seq) if seq.isdigit() else 0


def fill_template(templates: dict[str, str], lang: str, **values: str) -> tuple[str, str]:
    """The template for ``lang`` (falling back to English) with values filled in."""
    chosen = lang if lang in templates else "en"
    return templates[chosen].format(**values), chosen


def _first_name(name: str) -> str:
    return name.split(maxsplit=1)[0] if name.strip() else "there"


def on_message(
    case: events_pb2.Case | None,
    item: events_pb2.ClassifiedEvent,
    decision: Decision,
    policy: Policy,
    now: datetime,
) -> Outcome:
    """Apply one classified message to its conversation's case."""
    event, cls = item.event, item.classification
    if case is not None and any(m.event_id == event.event_id for m in case.messages):
        return Outcome(case, duplicate=True)
    if event.operation in (events_pb2.OPERATION_EDIT, events_pb2.OPERATION_DELETE):
        return _edit_or_delete(case, item, now)
    if event.direction == events_pb2.DIRECTION_OUTBOUND:
        return _brand_message(case, event, now)
    if decision.ignore:
        return Outcome(case, ignored=True)

    created_at = event.created_at.ToDatetime(tzinfo=UTC)
    # A forwarded message (a DM continuing a handed-off public post) lives in the case
    # of the conversation it was forwarded to, not the one it arrived on.
    case_key = case.conversation_key if case is not None else event.conversation_key
    outcome = Outcome(case, changed=True)
    if case is None or not _accepts_new_message(case, created_at, policy):
        seq = _case_seq(case.case_id) + 1 if case is not None else 1
        case = events_pb2.Case(
            case_id=f"{case_key}#{seq}",
            conversation_key=case_key,
            platform=event.platform,
            status=events_pb2.CASE_STATUS_OPEN,
            assignment=_assignment(decision),
            intent=cls.intent,
            lang=cls.lang,
            author_handle=event.author.handle,
            author_name=event.author.name,
            author_id=event.author.id,
            brand_handle=event.brand_handle,
            opened_at=event.created_at,
            clock_started_at=event.created_at,
        )
        outcome.opened = True
    else:
        case = _copy(case)
        if case.status == events_pb2.CASE_STATUS_RESOLVED:
            _reopen(case, event.created_at)
        if (
            PRIORITY_RANK[decision.priority]
            > PRIORITY_RANK[PRIORITY_NAME[case.assignment.priority]]
        ):
            # A later, more urgent message (say, personal data posted publicly) escalates
            # the whole case; a calmer follow-up never downgrades it.
            case.assignment.CopyFrom(_assignment(decision))
            case.intent = cls.intent

    case.messages.append(
        events_pb2.CaseMessage(
            event_id=event.event_id,
            kind=event.kind,
            surface=event.surface,
            intent=cls.intent,
            masked_text=cls.masked_text if cls.pii else event.text,
            at=event.created_at,
            sensitive=cls.sensitive,
            message_id=event.message_id,
            author_id=event.author.id,
            linked_from=item.forwarded_from,
        )
    )
    del case.messages[:-MAX_MESSAGES_KEPT]
    if item.forwarded_from and item.forwarded_from not in case.linked_conversations:
        case.linked_conversations.append(item.forwarded_from)
    case.sensitive = case.sensitive or cls.sensitive

    if (
        decision.handoff
        and cls.sensitive
        and event.surface == events_pb2.SURFACE_PUBLIC
        and not case.handed_off
    ):
        case.handed_off = True
        outcome.outbound.append(_handoff(case, event, cls, policy, now))
        outcome.link = events_pb2.CaseLink(
            linked_key=private_channel_key(event),
            case_conversation_key=case.conversation_key,
            case_id=case.case_id,
            at=_ts(now),
        )
    elif (
        decision.auto_ack
        and outcome.opened
        and event.surface == events_pb2.SURFACE_PUBLIC
        and policy.templates.auto_ack
    ):
        outcome.outbound.append(_auto_ack(case, event, cls, policy, now))
    _touch(case, now)
    outcome.case = case
    return outcome


def private_channel_key(event: events_pb2.SocialEvent) -> str:
    """Identifies the customer's private channel with the brand on a platform; a DM from
    it while a handoff is active continues the case of the public post."""
    return f"{PLATFORM_KEYS.get(event.platform, event.platform)}:{event.author.id}"


PLATFORM_KEYS: dict[int, str] = {
    events_pb2.PLATFORM_X: "x",
    events_pb2.PLATFORM_FACEBOOK: "facebook",
    events_pb2.PLATFORM_INSTAGRAM: "instagram",
    events_pb2.PLATFORM_YOUTUBE: "youtube",
    events_pb2.PLATFORM_TRUSTPILOT: "trustpilot",
    events_pb2.PLATFORM_GOOGLE_REVIEWS: "google_reviews",
}


def _auto_ack(
    case: events_pb2.Case,
    event: events_pb2.SocialEvent,
    cls: events_pb2.Classification,
    policy: Policy,
    now: datetime,
) -> events_pb2.OutboundAction:
    """An immediate, human-sounding public acknowledgement; agents still owe the answer,
    so it does not stop the first-response clock."""
    text, lang = _public_greeting(policy.templates.auto_ack, event, cls, policy)
    return _action(
        case,
        "auto-ack",
        [
            _public_reply(
                events_pb2.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT, event.message_id, text, lang
            )
        ],
        "automatic acknowledgement",
        now,
    )


def _public_greeting(
    templates: dict[str, str],
    event: events_pb2.SocialEvent,
    cls: events_pb2.Classification,
    policy: Policy,
) -> tuple[str, str]:
    """A public text in the customer's language that repeats none of their personal data."""
    values = {
        "name": _first_name(event.author.name),
        "brand": policy.brand,
        "signature": policy.signature,
    }
    text, lang = fill_template(templates, cls.lang, **values)
    if repeats_personal_data(text, event.text, cls.pii):
        # The display name itself is personal data that was posted (say, an e-mail
        # address as a name): greet without it.
        text, lang = fill_template(templates, cls.lang, **{**values, "name": ""})
        text = _tidy(text)
    assert_no_personal_data(text, event.text, cls.pii)
    return text, lang


def _public_reply(kind: int, reply_to: str, text: str, lang: str) -> events_pb2.OutboundMessage:
    return events_pb2.OutboundMessage(
        kind=kind,  # type: ignore[arg-type]
        surface=events_pb2.SURFACE_PUBLIC,
        reply_to_message_id=reply_to,
        text=text,
        lang=lang,
    )


def _action(
    case: events_pb2.Case,
    suffix: str,
    messages: list[events_pb2.OutboundMessage],
    reason: str,
    now: datetime,
) -> events_pb2.OutboundAction:
    return events_pb2.OutboundAction(
        action_id=f"{case.case_id}/{suffix}",
        case_id=case.case_id,
        platform=case.platform,
        conversation_key=case.conversation_key,
        messages=messages,
        created_at=_ts(now),
        reason=reason,
    )


def _accepts_new_message(case: events_pb2.Case, at: datetime, policy: Policy) -> bool:
    if case.status != events_pb2.CASE_STATUS_RESOLVED:
        return True
    resolved = case.resolved_at.ToDatetime(tzinfo=UTC)
    return (at - resolved).total_seconds() <= policy.reopen_window


def _reopen(case: events_pb2.Case, at: Timestamp) -> None:
    case.status = (
        events_pb2.CASE_STATUS_RESPONDED
        if case.HasField("first_responded_at")
        else events_pb2.CASE_STATUS_OPEN
    )
    case.ClearField("resolved_at")
    case.clock_started_at.CopyFrom(at)
    case.resolution_period += 1


def _edit_or_delete(
    case: events_pb2.Case | None, item: events_pb2.ClassifiedEvent, now: datetime
) -> Outcome:
    """An edit replaces the stored (masked) text; a deletion marks the message. A deleted
    public post that held personal data stays noted in the case (tag
    ``deleted-personal-data``), so agents know it was public for a while."""
    event, cls = item.event, item.classification
    if case is None:
        return Outcome(None, ignored=True)
    target = next((m for m in case.messages if m.message_id == event.message_id), None)
    if target is None:
        return Outcome(case, ignored=True)
    case = _copy(case)
    target = next(m for m in case.messages if m.message_id == event.message_id)
    if event.operation == events_pb2.OPERATION_DELETE:
        if target.deleted:
            return Outcome(case, duplicate=True)
        target.deleted = True
        public_pii = target.sensitive and target.surface == events_pb2.SURFACE_PUBLIC
        if public_pii and "deleted-personal-data" not in case.assignment.tags:
            case.assignment.tags.append("deleted-personal-data")
    else:
        target.masked_text = cls.masked_text if cls.pii else event.text
        target.sensitive = target.sensitive or cls.sensitive
        case.sensitive = case.sensitive or cls.sensitive
    _touch(case, now)
    return Outcome(case, changed=True)


def _brand_message(
    case: events_pb2.Case | None, event: events_pb2.SocialEvent, now: datetime
) -> Outcome:
    """The brand's own reply on a thread counts as the agent's response."""
    if case is None:
        return Outcome(None, ignored=True)
    case = _copy(case)
    _respond(case, event.created_at)
    case.messages.append(
        events_pb2.CaseMessage(
            event_id=event.event_id,
            kind=event.kind,
            surface=event.surface,
            masked_text=event.text,
            at=event.created_at,
            message_id=event.message_id,
            author_id=event.author.id,
            outbound=True,
        )
    )
    _touch(case, now)
    return Outcome(case, changed=True)


def _respond(case: events_pb2.Case, at: Timestamp) -> None:
    if not case.HasField("first_responded_at"):
        case.first_responded_at.CopyFrom(at)
    if case.status == events_pb2.CASE_STATUS_OPEN:
        case.status = events_pb2.CASE_STATUS_RESPONDED


def _handoff(
    case: events_pb2.Case,
    event: events_pb2.SocialEvent,
    cls: events_pb2.Classification,
    policy: Policy,
    now: datetime,
) -> events_pb2.OutboundAction:
    ack, ack_lang = _public_greeting(policy.templates.acknowledgement, event, cls, policy)
    values = {
        "name": _first_name(event.author.name),
        "brand": policy.brand,
        "signature": policy.signature,
    }
    opening, open_lang = fill_template(policy.templates.private_opening, cls.lang, **values)
    messages = [
        _public_reply(
            events_pb2.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT, event.message_id, ack, ack_lang
        )
    ]
    if event.platform in PRIVATE_CHANNEL_PLATFORMS:
        messages.append(_private_opening(event, opening, open_lang))
    return _action(
        case,
        HANDOFF,
        messages,
        "; ".join(cls.sensitive_reasons) or "sensitive content on a public surface",
        now,
    )


# Platforms where the brand can open a private conversation; on review sites and YouTube
# the public acknowledgement (asking the customer to get in touch privately) is all.
PRIVATE_CHANNEL_PLATFORMS = frozenset(
    {events_pb2.PLATFORM_X, events_pb2.PLATFORM_FACEBOOK, events_pb2.PLATFORM_INSTAGRAM}
)
HANDOFF = "handoff"


def is_handoff(action: events_pb2.OutboundAction) -> bool:
    """Whether an outbound action moves a sensitive public post to private."""
    return action.action_id.endswith(f"/{HANDOFF}")


def _private_opening(
    event: events_pb2.SocialEvent, text: str, lang: str
) -> events_pb2.OutboundMessage:
    """X opens a DM by user id; Meta cannot message a commenter by id, only as a private
    reply to their comment (or post)."""
    message = events_pb2.OutboundMessage(
        kind=events_pb2.OUTBOUND_KIND_PRIVATE_MESSAGE,
        surface=events_pb2.SURFACE_PRIVATE,
        text=text,
        lang=lang,
    )
    if event.platform in (events_pb2.PLATFORM_FACEBOOK, events_pb2.PLATFORM_INSTAGRAM):
        message.reply_to_message_id = event.message_id
    else:
        message.recipient_author_id = event.author.id
    return message


def repeats_personal_data(
    public_text: str, original: str, spans: Iterable[events_pb2.PiiSpan]
) -> str | None:
    """The type of the first personal data span of the original that the text repeats."""
    for span in spans:
        secret = original[span.start : span.end]
        if secret and secret in public_text:
            return span.type
    return None


def assert_no_personal_data(
    public_text: str, original: str, spans: Iterable[events_pb2.PiiSpan]
) -> None:
    """Refuse to publish a text that repeats any personal data span of the original."""
    kind = repeats_personal_data(public_text, original, spans)
    if kind is not None:
        raise ValueError(f"public text would repeat personal data of type {kind}")


def _tidy(text: str) -> str:
    """Collapse the gaps an empty placeholder leaves ("Hi , thanks" → "Hi, thanks")."""
    return re.sub(r"\s+([,，、.!])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()


def on_agent_action(
    case: events_pb2.Case | None,
    action: events_pb2.AgentAction,
    policy: Policy,
    now: datetime,
) -> Outcome:
    """Apply what a CRM agent did to the case; repeated action ids change nothing."""
    if case is None or case.case_id != action.case_id:
        return Outcome(case, ignored=True)
    if action.action_id in case.applied_action_ids:
        return Outcome(case, duplicate=True)
    case = _copy(case)
    outcome = Outcome(case, changed=True)
    kind = action.type
    if kind in (events_pb2.AGENT_ACTION_TYPE_FIRST_RESPONSE, events_pb2.AGENT_ACTION_TYPE_REPLY):
        _respond(case, action.at)
        # The agent's reply joins the timeline that the next-response clock and the
        # waiting-on-customer pause are computed from; its text stays in the CRM.
        case.messages.append(
            events_pb2.CaseMessage(
                event_id=f"action:{action.action_id}", at=action.at, outbound=True
            )
        )
        del case.messages[:-MAX_MESSAGES_KEPT]
    elif kind == events_pb2.AGENT_ACTION_TYPE_RESOLVE:
        if case.status != events_pb2.CASE_STATUS_RESOLVED:
            _respond(case, action.at)
            case.status = events_pb2.CASE_STATUS_RESOLVED
            case.resolved_at.CopyFrom(action.at)
            if case.handed_off:
                outcome.outbound.append(_close_the_loop(case, policy, now))
    elif kind == events_pb2.AGENT_ACTION_TYPE_REOPEN:
        if case.status == events_pb2.CASE_STATUS_RESOLVED:
            _reopen(case, action.at)
    else:
        raise ValueError(f"unknown agent action type {kind}")
    case.applied_action_ids.append(action.action_id)
    del case.applied_action_ids[:-MAX_ACTION_IDS_KEPT]
    _touch(case, now)
    return outcome


def _close_the_loop(
    case: events_pb2.Case, policy: Policy, now: datetime
) -> events_pb2.OutboundAction:
    original = next(
        (m for m in case.messages if m.surface == events_pb2.SURFACE_PUBLIC and not m.outbound),
        None,
    )
    text, lang = fill_template(
        policy.templates.close_the_loop,
        case.lang,
        name=_first_name(case.author_name),
        brand=policy.brand,
        signature=policy.signature,
    )
    reply_to = original.message_id if original else ""
    return _action(
        case,
        f"close-the-loop/{case.resolution_period}",
        [_public_reply(events_pb2.OUTBOUND_KIND_PUBLIC_CLOSE_THE_LOOP, reply_to, text, lang)],
        "case resolved after a private handoff",
        now,
    )


def _copy(case: events_pb2.Case) -> events_pb2.Case:
    # Table values must be replaced, never mutated in place (the changelog would miss it).
    copy = events_pb2.Case()
    copy.CopyFrom(case)
    return copy


def _touch(case: events_pb2.Case, now: datetime) -> None:
    case.version += 1
    case.updated_at.CopyFrom(_ts(now))
