"""Case state transitions: ``on_message`` and ``on_agent_action`` over contract messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from carerouter.route.cases import (
    MAX_ACTION_IDS_KEPT,
    MAX_MESSAGES_KEPT,
    Outcome,
    assert_no_personal_data,
    fill_template,
    on_agent_action,
    on_message,
)
from carerouter.route.facts import facts_of
from carerouter.route.policy import load_policy
from carerouter.v1 import events_pb2 as pb

POLICY = load_policy()
T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
THREAD = "root"
KEY = f"x:{THREAD}"
CASE_1 = f"{KEY}#1"

CARD = "4111 1111 1111 1111"
EMAIL = "ana.lima@example.com"
SENSITIVE_TEXT = f"@acme you charged my card {CARD} twice, write to {EMAIL}"
SENSITIVE_MASKED = "@acme you charged my card [card] twice, write to [email]"


# --- factories -------------------------------------------------------------------------


def ts(at: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(at)
    return stamp


def dt(stamp: Timestamp) -> datetime:
    return stamp.ToDatetime(tzinfo=UTC)


def spans_of(text: str, secrets: dict[str, str]) -> list[pb.PiiSpan]:
    spans = []
    for kind, secret in secrets.items():
        start = text.index(secret)
        spans.append(pb.PiiSpan(type=kind, start=start, end=start + len(secret)))
    return spans


def classification(
    *,
    intent: int = pb.INTENT_QUESTION,
    lang: str = "en",
    sensitive: bool = False,
    pii: Sequence[pb.PiiSpan] = (),
    masked_text: str = "",
    sentiment: int = pb.SENTIMENT_NEUTRAL,
    confidence: float = 0.9,
    reasons: Sequence[str] = (),
) -> pb.Classification:
    return pb.Classification(
        intent=intent,  # type: ignore[arg-type]
        lang=lang,
        sensitive=sensitive,
        pii=list(pii),
        masked_text=masked_text,
        sentiment=sentiment,  # type: ignore[arg-type]
        confidence=confidence,
        sensitive_reasons=list(reasons),
    )


def social_event(
    message_id: str,
    *,
    text: str = "How do I reset my router?",
    at: datetime = T0,
    kind: int = pb.KIND_MENTION,
    outbound: bool = False,
    author_id: str = "u-ana",
    author_name: str = "Ana Lima",
    followers: int = 10,
) -> pb.SocialEvent:
    private = kind == pb.KIND_DM
    return pb.SocialEvent(
        event_id=f"x:{message_id}",
        platform=pb.PLATFORM_X,
        kind=kind,  # type: ignore[arg-type]
        surface=pb.SURFACE_PRIVATE if private else pb.SURFACE_PUBLIC,
        direction=pb.DIRECTION_OUTBOUND if outbound else pb.DIRECTION_INBOUND,
        message_id=message_id,
        thread_id=THREAD,
        author=pb.Author(
            id="brand" if outbound else author_id,
            handle="@acme" if outbound else "@ana",
            name="Acme" if outbound else author_name,
            followers_count=followers,
        ),
        text=text,
        created_at=ts(at),
        received_at=ts(at + timedelta(seconds=1)),
        conversation_key=KEY,
    )


def classified(
    message_id: str = "m1",
    *,
    text: str = "How do I reset my router?",
    at: datetime = T0,
    kind: int = pb.KIND_MENTION,
    outbound: bool = False,
    author_name: str = "Ana Lima",
    followers: int = 10,
    **cls: object,
) -> pb.ClassifiedEvent:
    return pb.ClassifiedEvent(
        event=social_event(
            message_id,
            text=text,
            at=at,
            kind=kind,
            outbound=outbound,
            author_name=author_name,
            followers=followers,
        ),
        classification=classification(**cls),  # type: ignore[arg-type]
    )


def sensitive(
    message_id: str = "m1", *, lang: str = "en", at: datetime = T0, kind: int = pb.KIND_MENTION
) -> pb.ClassifiedEvent:
    """A message posting a card number and an e-mail address."""
    return classified(
        message_id,
        text=SENSITIVE_TEXT,
        at=at,
        kind=kind,
        intent=pb.INTENT_ORDER,
        lang=lang,
        sensitive=True,
        pii=spans_of(SENSITIVE_TEXT, {"card": CARD, "email": EMAIL}),
        masked_text=SENSITIVE_MASKED,
        sentiment=pb.SENTIMENT_NEGATIVE,
        reasons=["pii:card", "pii:email"],
    )


def spam(message_id: str = "spam1") -> pb.ClassifiedEvent:
    return classified(
        message_id, text="Get free followers now!!", intent=pb.INTENT_OTHER, confidence=0.5
    )


def route(case: pb.Case | None, item: pb.ClassifiedEvent, now: datetime | None = None) -> Outcome:
    """Decide with the default policy and apply the message, as the route agent does."""
    decision = POLICY.decide(facts_of(item))
    return on_message(case, item, decision, POLICY, now or dt(item.event.created_at))


def action(
    action_id: str,
    kind: int,
    at: datetime,
    case_id: str = CASE_1,
) -> pb.AgentAction:
    return pb.AgentAction(
        action_id=action_id,
        case_id=case_id,
        type=kind,  # type: ignore[arg-type]
        agent="JD",
        at=ts(at),
        conversation_key=KEY,
    )


def act(case: pb.Case, action_id: str, kind: int, at: datetime) -> Outcome:
    return on_agent_action(case, action(action_id, kind, at, case.case_id), POLICY, at)


def opened(item: pb.ClassifiedEvent | None = None) -> pb.Case:
    outcome = route(None, item or classified())
    assert outcome.case is not None
    return outcome.case


def resolved_case(at: datetime = T0 + timedelta(hours=1)) -> pb.Case:
    outcome = act(opened(), "a-resolve", pb.AGENT_ACTION_TYPE_RESOLVE, at)
    assert outcome.case is not None
    return outcome.case


# --- on_message ------------------------------------------------------------------------


class TestOpenCase:
    def test_first_message_opens_case_one(self) -> None:
        """A conversation's first message opens '<conversation_key>#1', status open."""
        outcome = route(None, classified("m1"), now=T0 + timedelta(seconds=2))
        case = outcome.case
        assert case is not None
        assert outcome.opened and outcome.changed
        assert not outcome.duplicate and not outcome.ignored
        # The default policy acknowledges questions automatically (and only once).
        assert [a.action_id for a in outcome.outbound] == [f"{CASE_1}/auto-ack"]
        assert outcome.outbound[0].messages[0].reply_to_message_id == "m1"
        assert case.case_id == CASE_1
        assert case.conversation_key == KEY
        assert case.platform == pb.PLATFORM_X
        assert case.status == pb.CASE_STATUS_OPEN
        assert case.intent == pb.INTENT_QUESTION
        assert case.lang == "en"
        assert (case.author_handle, case.author_name) == ("@ana", "Ana Lima")
        assert dt(case.opened_at) == T0
        assert dt(case.clock_started_at) == T0
        assert dt(case.updated_at) == T0 + timedelta(seconds=2)
        assert case.version == 1
        assert case.resolution_period == 0
        assert not case.HasField("first_responded_at")
        assert not case.sensitive and not case.handed_off

    def test_assignment_comes_from_the_decision(self) -> None:
        """The assignment records queue, priority, SLA targets, rule, reason and tags."""
        assignment = opened(classified(intent=pb.INTENT_DEFECT)).assignment
        assert assignment.queue == "defects"
        assert assignment.priority == pb.PRIORITY_HIGH
        assert assignment.sla_policy == "standard"
        assert assignment.first_response_target_seconds == 3600
        assert assignment.resolution_target_seconds == 86400
        assert assignment.matched_rule == "defects"
        assert assignment.reason == "intent=defect"
        assert assignment.warn_fraction == pytest.approx(0.75)

    def test_unmatched_message_gets_default_assignment(self) -> None:
        """A message no rule matches is assigned with matched_rule 'default'."""
        assignment = opened(classified(intent=pb.INTENT_OTHER, confidence=0.99)).assignment
        assert (assignment.queue, assignment.matched_rule) == ("general", "default")

    def test_message_is_recorded(self) -> None:
        """The case keeps the message with its ids, kind, surface and author."""
        [message] = opened(classified("m1")).messages
        assert message.event_id == "x:m1"
        assert message.message_id == "m1"
        assert message.kind == pb.KIND_MENTION
        assert message.surface == pb.SURFACE_PUBLIC
        assert message.intent == pb.INTENT_QUESTION
        assert message.masked_text == "How do I reset my router?"
        assert message.author_id == "u-ana"
        assert dt(message.at) == T0
        assert not message.outbound and not message.sensitive


class TestFollowUps:
    def test_follow_up_joins_the_open_case(self) -> None:
        """A second message of the conversation is appended to the same case."""
        case = opened()
        outcome = route(case, classified("m2", at=T0 + timedelta(minutes=5)))
        assert outcome.case is not None
        assert not outcome.opened and outcome.changed
        assert outcome.case.case_id == CASE_1
        assert [m.event_id for m in outcome.case.messages] == ["x:m1", "x:m2"]
        assert outcome.case.version == 2

    def test_input_case_is_not_mutated(self) -> None:
        """Transitions return a new Case; the stored value stays untouched."""
        case = opened()
        before = case.SerializeToString()
        route(case, classified("m2"))
        act(case, "a1", pb.AGENT_ACTION_TYPE_RESOLVE, T0)
        assert case.SerializeToString() == before

    def test_duplicate_event_is_a_no_op(self) -> None:
        """A redelivered event id is flagged duplicate and changes nothing."""
        case = opened()
        outcome = route(case, classified("m1"))
        assert outcome.duplicate
        assert not outcome.changed
        assert outcome.case == case
        assert outcome.case is not None and outcome.case.version == 1
        assert outcome.outbound == []

    def test_duplicate_sensitive_event_does_not_hand_off_twice(self) -> None:
        """Redelivering the handed-off message produces no second outbound action."""
        first = route(None, sensitive("m1"))
        assert first.case is not None
        again = route(first.case, sensitive("m1"))
        assert again.duplicate and again.outbound == []

    def test_version_increments_with_every_change(self) -> None:
        """Each applied message or action bumps the version by one."""
        case = opened()
        case = route(case, classified("m2")).case
        assert case is not None
        case = act(case, "a1", pb.AGENT_ACTION_TYPE_FIRST_RESPONSE, T0).case
        assert case is not None
        case = act(case, "a2", pb.AGENT_ACTION_TYPE_RESOLVE, T0).case
        assert case is not None and case.version == 4

    def test_old_messages_are_trimmed(self) -> None:
        """At most MAX_MESSAGES_KEPT messages are kept, the newest ones."""
        case = opened()
        for i in range(2, MAX_MESSAGES_KEPT + 6):
            next_case = route(case, classified(f"m{i}")).case
            assert next_case is not None
            case = next_case
        assert len(case.messages) == MAX_MESSAGES_KEPT
        assert case.messages[-1].event_id == f"x:m{MAX_MESSAGES_KEPT + 5}"
        assert case.messages[0].event_id == "x:m6"


class TestEscalation:
    def test_more_urgent_message_escalates_the_assignment(self) -> None:
        """A later message with a higher priority replaces assignment and intent."""
        case = opened(classified("m1", intent=pb.INTENT_PRAISE))
        assert case.assignment.priority == pb.PRIORITY_LOW
        escalated = route(case, classified("m2", intent=pb.INTENT_DEFECT)).case
        assert escalated is not None
        assert escalated.assignment.queue == "defects"
        assert escalated.assignment.priority == pb.PRIORITY_HIGH
        assert escalated.assignment.matched_rule == "defects"
        assert escalated.intent == pb.INTENT_DEFECT

    def test_calmer_message_never_downgrades(self) -> None:
        """A later, lower-priority message leaves assignment and intent as they were."""
        case = opened(classified("m1", intent=pb.INTENT_DEFECT))
        calmer = route(case, classified("m2", intent=pb.INTENT_PRAISE)).case
        assert calmer is not None
        assert calmer.assignment == case.assignment
        assert calmer.intent == pb.INTENT_DEFECT

    def test_equal_priority_keeps_the_first_assignment(self) -> None:
        """Same priority, different rule: the case keeps its queue."""
        case = opened(classified("m1", intent=pb.INTENT_DEFECT))
        same = route(case, classified("m2", intent=pb.INTENT_ORDER)).case
        assert same is not None
        assert same.assignment.queue == "defects"


class TestHandoff:
    def test_sensitive_public_message_hands_off_once(self) -> None:
        """Personal data in public: one OutboundAction with a public ack and a DM."""
        outcome = route(None, sensitive("m1"), now=T0 + timedelta(seconds=3))
        case = outcome.case
        assert case is not None
        assert case.handed_off and case.sensitive
        assert case.assignment.queue == "privacy"
        assert case.assignment.priority == pb.PRIORITY_URGENT
        [out] = outcome.outbound
        assert out.action_id == f"{CASE_1}/handoff"
        assert out.case_id == CASE_1
        assert out.conversation_key == KEY
        assert out.platform == pb.PLATFORM_X
        assert dt(out.created_at) == T0 + timedelta(seconds=3)
        assert out.reason == "pii:card; pii:email"
        ack, private = out.messages
        assert ack.kind == pb.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT
        assert ack.surface == pb.SURFACE_PUBLIC
        assert ack.reply_to_message_id == "m1"
        assert (
            ack.text
            == fill_template(
                POLICY.templates.acknowledgement, "en", name="Ana", brand="Acme", signature="^CR"
            )[0]
        )
        assert private.kind == pb.OUTBOUND_KIND_PRIVATE_MESSAGE
        assert private.surface == pb.SURFACE_PRIVATE
        assert private.recipient_author_id == "u-ana"
        assert "Acme" in private.text

    def test_public_acknowledgement_repeats_no_personal_data(self) -> None:
        """Neither the public acknowledgement nor the stored message contain the PII."""
        outcome = route(None, sensitive("m1"))
        assert outcome.case is not None
        ack = outcome.outbound[0].messages[0].text
        for secret in (CARD, EMAIL, "4111", "example.com"):
            assert secret not in ack
            assert all(secret not in m.masked_text for m in outcome.case.messages)
        assert outcome.case.messages[0].masked_text == SENSITIVE_MASKED
        assert outcome.case.messages[0].sensitive

    @pytest.mark.parametrize("lang", ["es", "de", "ja", "el"])
    def test_messages_are_in_the_customers_language(self, lang: str) -> None:
        """Acknowledgement and DM use the template of the classified language."""
        [out] = route(None, sensitive("m1", lang=lang)).outbound
        ack, private = out.messages
        assert (ack.lang, private.lang) == (lang, lang)
        assert ack.text == POLICY.templates.acknowledgement[lang].format(
            name="Ana", brand="Acme", signature="^CR"
        )
        assert private.text == POLICY.templates.private_opening[lang].format(
            name="Ana", brand="Acme", signature="^CR"
        )

    def test_unknown_language_falls_back_to_english(self) -> None:
        """A language without templates gets the English ones, labelled 'en'."""
        [out] = route(None, sensitive("m1", lang="ko")).outbound
        assert [m.lang for m in out.messages] == ["en", "en"]

    def test_nameless_author_is_greeted_generically(self) -> None:
        """Without an author name, templates say 'there' instead."""
        item = sensitive("m1")
        item.event.author.name = "  "
        [out] = route(None, item).outbound
        assert out.messages[0].text.startswith("Hi there,")

    def test_second_sensitive_message_does_not_hand_off_again(self) -> None:
        """Once handed off, further sensitive public messages send nothing."""
        first = route(None, sensitive("m1"))
        second = route(first.case, sensitive("m2", at=T0 + timedelta(minutes=1)))
        assert second.outbound == []
        assert second.case is not None and second.case.handed_off
        assert len(second.case.messages) == 2

    def test_sensitive_follow_up_escalates_and_hands_off(self) -> None:
        """A calm case becomes urgent privacy work when personal data is posted."""
        case = opened(classified("m1"))
        outcome = route(case, sensitive("m2", at=T0 + timedelta(minutes=1)))
        assert outcome.case is not None
        assert outcome.case.assignment.queue == "privacy"
        assert outcome.case.intent == pb.INTENT_ORDER
        [out] = outcome.outbound
        assert out.messages[0].reply_to_message_id == "m2"

    def test_sensitive_direct_message_is_not_handed_off(self) -> None:
        """Personal data in a DM is already private: no outbound action."""
        outcome = route(None, sensitive("d1", kind=pb.KIND_DM))
        assert outcome.case is not None
        assert outcome.outbound == []
        assert not outcome.case.handed_off
        assert outcome.case.sensitive
        assert outcome.case.assignment.matched_rule == "sensitive-private"


class TestReopenAndNewCase:
    def test_message_within_reopen_window_reopens(self) -> None:
        """After resolution, a message inside the window reopens the same case."""
        case = resolved_case(T0 + timedelta(hours=1))
        later = T0 + timedelta(days=3)
        outcome = route(case, classified("m2", at=later))
        reopened = outcome.case
        assert reopened is not None
        assert not outcome.opened
        assert reopened.case_id == CASE_1
        assert reopened.status == pb.CASE_STATUS_RESPONDED  # first response already happened
        assert not reopened.HasField("resolved_at")
        assert reopened.resolution_period == case.resolution_period + 1 == 1
        assert dt(reopened.clock_started_at) == later
        assert dt(reopened.opened_at) == T0

    def test_reopen_without_first_response_is_open(self) -> None:
        """A case resolved without an agent response reopens as open."""
        case = opened()
        case.status = pb.CASE_STATUS_RESOLVED
        case.resolved_at.CopyFrom(ts(T0 + timedelta(hours=1)))
        reopened = route(case, classified("m2", at=T0 + timedelta(hours=2))).case
        assert reopened is not None
        assert reopened.status == pb.CASE_STATUS_OPEN

    def test_message_exactly_at_window_end_reopens(self) -> None:
        """The reopen window is inclusive."""
        resolved_at = T0 + timedelta(hours=1)
        case = resolved_case(resolved_at)
        at = resolved_at + timedelta(seconds=POLICY.reopen_window)
        outcome = route(case, classified("m2", at=at))
        assert outcome.case is not None and outcome.case.case_id == CASE_1

    def test_message_after_window_opens_next_case(self) -> None:
        """Past the reopen window a fresh case '#2' opens for the conversation."""
        resolved_at = T0 + timedelta(hours=1)
        case = resolved_case(resolved_at)
        at = resolved_at + timedelta(days=7, seconds=1)
        outcome = route(case, classified("m2", at=at))
        fresh = outcome.case
        assert fresh is not None
        assert outcome.opened
        assert fresh.case_id == f"{KEY}#2"
        assert fresh.status == pb.CASE_STATUS_OPEN
        assert fresh.resolution_period == 0
        assert fresh.version == 1
        assert [m.event_id for m in fresh.messages] == ["x:m2"]
        assert dt(fresh.opened_at) == at
        assert not fresh.HasField("first_responded_at")
        assert not fresh.applied_action_ids

    def test_third_case_follows_second(self) -> None:
        """Case numbers keep counting up per conversation."""
        case = opened()
        case.case_id = f"{KEY}#2"
        case.status = pb.CASE_STATUS_RESOLVED
        case.resolved_at.CopyFrom(ts(T0))
        fresh = route(case, classified("m9", at=T0 + timedelta(days=30))).case
        assert fresh is not None and fresh.case_id == f"{KEY}#3"

    def test_open_case_accepts_messages_whenever(self) -> None:
        """An unresolved case takes follow-ups however late they come."""
        later = route(opened(), classified("m2", at=T0 + timedelta(days=60))).case
        assert later is not None and later.case_id == CASE_1


class TestIgnoredAndBrandMessages:
    def test_ignored_message_creates_no_case(self) -> None:
        """Spam the policy ignores opens nothing."""
        outcome = route(None, spam())
        assert outcome.ignored
        assert outcome.case is None
        assert not outcome.changed and outcome.outbound == []

    def test_ignored_message_leaves_the_case_alone(self) -> None:
        """Spam in an existing conversation is not added to its case."""
        case = opened()
        outcome = route(case, spam())
        assert outcome.ignored and not outcome.changed
        assert outcome.case == case

    def test_brand_reply_marks_first_response(self) -> None:
        """The brand's own reply on the thread counts as the first response."""
        case = opened()
        reply_at = T0 + timedelta(minutes=20)
        outcome = route(case, classified("b1", outbound=True, at=reply_at))
        responded = outcome.case
        assert responded is not None
        assert outcome.changed and not outcome.opened
        assert responded.status == pb.CASE_STATUS_RESPONDED
        assert dt(responded.first_responded_at) == reply_at
        last = responded.messages[-1]
        assert last.outbound and last.event_id == "x:b1"
        assert responded.version == 2

    def test_later_brand_reply_keeps_first_response_time(self) -> None:
        """Only the first response time is recorded."""
        case = route(opened(), classified("b1", outbound=True, at=T0 + timedelta(minutes=5)))
        assert case.case is not None
        again = route(case.case, classified("b2", outbound=True, at=T0 + timedelta(hours=5)))
        assert again.case is not None
        assert dt(again.case.first_responded_at) == T0 + timedelta(minutes=5)

    def test_brand_message_without_case_is_ignored(self) -> None:
        """A brand post that starts a thread opens no case."""
        outcome = route(None, classified("b1", outbound=True))
        assert outcome.ignored and outcome.case is None

    def test_brand_reply_to_resolved_case_does_not_reopen(self) -> None:
        """Our own message after resolution keeps the case resolved."""
        case = resolved_case()
        outcome = route(case, classified("b1", outbound=True, at=T0 + timedelta(hours=2)))
        assert outcome.case is not None
        assert outcome.case.status == pb.CASE_STATUS_RESOLVED
        assert outcome.case.resolution_period == 0


# --- on_agent_action -------------------------------------------------------------------


class TestAgentActions:
    def test_first_response(self) -> None:
        """FIRST_RESPONSE sets first_responded_at and moves open to responded."""
        at = T0 + timedelta(minutes=10)
        outcome = act(opened(), "a1", pb.AGENT_ACTION_TYPE_FIRST_RESPONSE, at)
        case = outcome.case
        assert case is not None and outcome.changed
        assert case.status == pb.CASE_STATUS_RESPONDED
        assert dt(case.first_responded_at) == at
        assert list(case.applied_action_ids) == ["a1"]
        assert case.version == 2
        assert dt(case.updated_at) == at

    def test_reply_counts_as_response_but_keeps_first_time(self) -> None:
        """REPLY responds too; a later reply keeps the first response time."""
        case = act(opened(), "a1", pb.AGENT_ACTION_TYPE_REPLY, T0 + timedelta(minutes=1)).case
        assert case is not None and case.status == pb.CASE_STATUS_RESPONDED
        case = act(case, "a2", pb.AGENT_ACTION_TYPE_REPLY, T0 + timedelta(minutes=9)).case
        assert case is not None
        assert dt(case.first_responded_at) == T0 + timedelta(minutes=1)

    def test_resolve(self) -> None:
        """RESOLVE records resolved_at and counts as a response if none happened yet."""
        at = T0 + timedelta(hours=2)
        outcome = act(opened(), "a1", pb.AGENT_ACTION_TYPE_RESOLVE, at)
        case = outcome.case
        assert case is not None
        assert case.status == pb.CASE_STATUS_RESOLVED
        assert dt(case.resolved_at) == at
        assert dt(case.first_responded_at) == at
        assert outcome.outbound == []  # not handed off: no close-the-loop

    def test_resolve_keeps_earlier_first_response(self) -> None:
        """Resolving a responded case leaves its first response time alone."""
        case = act(opened(), "a1", pb.AGENT_ACTION_TYPE_REPLY, T0 + timedelta(minutes=1)).case
        assert case is not None
        case = act(case, "a2", pb.AGENT_ACTION_TYPE_RESOLVE, T0 + timedelta(hours=1)).case
        assert case is not None
        assert dt(case.first_responded_at) == T0 + timedelta(minutes=1)

    def test_reopen(self) -> None:
        """REOPEN on a resolved case starts a new resolution period at the action time."""
        case = resolved_case()
        at = T0 + timedelta(hours=5)
        reopened = act(case, "a2", pb.AGENT_ACTION_TYPE_REOPEN, at).case
        assert reopened is not None
        assert reopened.status == pb.CASE_STATUS_RESPONDED
        assert reopened.resolution_period == 1
        assert dt(reopened.clock_started_at) == at
        assert not reopened.HasField("resolved_at")

    def test_reopen_of_unresolved_case_changes_no_status(self) -> None:
        """REOPEN on an open case is recorded but leaves status and period alone."""
        case = opened()
        outcome = act(case, "a1", pb.AGENT_ACTION_TYPE_REOPEN, T0 + timedelta(hours=1))
        assert outcome.case is not None
        assert outcome.case.status == pb.CASE_STATUS_OPEN
        assert outcome.case.resolution_period == 0
        assert "a1" in outcome.case.applied_action_ids

    def test_duplicate_action_is_a_no_op(self) -> None:
        """A repeated action id is flagged duplicate; the case is unchanged."""
        case = act(opened(), "a1", pb.AGENT_ACTION_TYPE_FIRST_RESPONSE, T0).case
        assert case is not None
        outcome = act(case, "a1", pb.AGENT_ACTION_TYPE_RESOLVE, T0 + timedelta(hours=1))
        assert outcome.duplicate and not outcome.changed
        assert outcome.case == case

    def test_action_for_another_case_is_ignored(self) -> None:
        """An action naming a different case id (e.g. the previous case) is ignored."""
        case = opened()
        stale = action("a1", pb.AGENT_ACTION_TYPE_RESOLVE, T0, case_id=f"{KEY}#0")
        outcome = on_agent_action(case, stale, POLICY, T0)
        assert outcome.ignored and not outcome.changed
        assert outcome.case == case

    def test_action_without_case_is_ignored(self) -> None:
        """An action for a conversation without a case is ignored."""
        outcome = on_agent_action(None, action("a1", pb.AGENT_ACTION_TYPE_RESOLVE, T0), POLICY, T0)
        assert outcome.ignored and outcome.case is None

    def test_unknown_action_type_raises(self) -> None:
        """An unspecified action type is an error (dead-lettered by the agent)."""
        with pytest.raises(ValueError, match="unknown agent action type"):
            act(opened(), "a1", pb.AGENT_ACTION_TYPE_UNSPECIFIED, T0)

    def test_applied_action_ids_are_bounded(self) -> None:
        """Only the newest MAX_ACTION_IDS_KEPT action ids are remembered."""
        case = opened()
        for i in range(MAX_ACTION_IDS_KEPT + 3):
            next_case = act(case, f"a{i}", pb.AGENT_ACTION_TYPE_REPLY, T0).case
            assert next_case is not None
            case = next_case
        assert len(case.applied_action_ids) == MAX_ACTION_IDS_KEPT
        assert case.applied_action_ids[0] == "a3"


class TestCloseTheLoop:
    def handed_off(self, lang: str = "en") -> pb.Case:
        case = route(None, sensitive("m1", lang=lang)).case
        assert case is not None and case.handed_off
        return case

    def test_resolving_a_handed_off_case_closes_the_loop_publicly(self) -> None:
        """Resolution after a handoff posts a public reply to the original message."""
        now = T0 + timedelta(hours=3)
        outcome = on_agent_action(
            self.handed_off(),
            action("a1", pb.AGENT_ACTION_TYPE_RESOLVE, T0 + timedelta(hours=2)),
            POLICY,
            now,
        )
        [out] = outcome.outbound
        assert out.action_id == f"{CASE_1}/close-the-loop/0"
        assert out.case_id == CASE_1
        assert out.conversation_key == KEY
        assert out.platform == pb.PLATFORM_X
        assert dt(out.created_at) == now
        [message] = out.messages
        assert message.kind == pb.OUTBOUND_KIND_PUBLIC_CLOSE_THE_LOOP
        assert message.surface == pb.SURFACE_PUBLIC
        assert message.reply_to_message_id == "m1"
        assert message.text == "Thanks for your patience, Ana: we've sorted this out via DM. ^CR"
        assert message.lang == "en"

    def test_close_the_loop_replies_to_the_first_public_customer_message(self) -> None:
        """Brand replies and later messages do not change the message replied to."""
        case = route(None, classified("m1")).case
        case = route(case, classified("b1", outbound=True)).case
        case = route(case, sensitive("m2")).case
        assert case is not None and case.handed_off
        [out] = act(case, "a1", pb.AGENT_ACTION_TYPE_RESOLVE, T0).outbound
        assert out.messages[0].reply_to_message_id == "m1"

    def test_close_the_loop_uses_the_case_language(self) -> None:
        """The closing reply is written in the language the case was opened in."""
        [out] = act(self.handed_off("fr"), "a1", pb.AGENT_ACTION_TYPE_RESOLVE, T0).outbound
        assert out.messages[0].lang == "fr"
        assert out.messages[0].text.startswith("Merci pour votre patience, Ana")

    def test_close_the_loop_repeats_no_personal_data(self) -> None:
        """The closing public text contains none of the PII of the original post."""
        [out] = act(self.handed_off(), "a1", pb.AGENT_ACTION_TYPE_RESOLVE, T0).outbound
        assert CARD not in out.messages[0].text and EMAIL not in out.messages[0].text

    def test_second_resolve_sends_nothing(self) -> None:
        """Resolving an already resolved case (new action id) closes no loop again."""
        case = act(self.handed_off(), "a1", pb.AGENT_ACTION_TYPE_RESOLVE, T0).case
        assert case is not None
        again = act(case, "a2", pb.AGENT_ACTION_TYPE_RESOLVE, T0 + timedelta(minutes=1))
        assert again.outbound == []
        assert again.case is not None and again.case.status == pb.CASE_STATUS_RESOLVED

    def test_each_resolution_period_closes_its_own_loop(self) -> None:
        """After a reopen, the next resolution's close-the-loop id carries the period."""
        case = act(self.handed_off(), "a1", pb.AGENT_ACTION_TYPE_RESOLVE, T0).case
        assert case is not None
        case = act(case, "a2", pb.AGENT_ACTION_TYPE_REOPEN, T0 + timedelta(hours=1)).case
        assert case is not None
        [out] = act(case, "a3", pb.AGENT_ACTION_TYPE_RESOLVE, T0 + timedelta(hours=2)).outbound
        assert out.action_id == f"{CASE_1}/close-the-loop/1"


class TestPersonalDataGuard:
    def test_raises_when_public_text_repeats_a_span(self) -> None:
        """A public text containing any PII span of the original is refused."""
        spans = spans_of(SENSITIVE_TEXT, {"card": CARD, "email": EMAIL})
        with pytest.raises(ValueError, match="personal data of type email"):
            assert_no_personal_data(f"Hi, we wrote to {EMAIL}", SENSITIVE_TEXT, spans)

    def test_passes_when_no_span_is_repeated(self) -> None:
        """A text free of the original's PII passes."""
        spans = spans_of(SENSITIVE_TEXT, {"card": CARD, "email": EMAIL})
        assert_no_personal_data("Hi Ana, see your DMs", SENSITIVE_TEXT, spans)

    def test_empty_spans_are_ignored(self) -> None:
        """A zero-length span never matches."""
        assert_no_personal_data("anything", "text", [pb.PiiSpan(type="x", start=2, end=2)])


class TestFillTemplate:
    def test_known_language(self) -> None:
        """The language's own template is used and reported."""
        text, lang = fill_template({"en": "Hi {name}", "de": "Hallo {name}"}, "de", name="Bo")
        assert (text, lang) == ("Hallo Bo", "de")

    def test_fallback_to_english(self) -> None:
        """Unknown languages fall back to 'en'."""
        text, lang = fill_template({"en": "Hi {name}"}, "und", name="Bo")
        assert (text, lang) == ("Hi Bo", "en")


class TestHandoffRobustness:
    def test_author_named_after_posted_pii_still_gets_a_safe_handoff(self) -> None:
        """An author whose display name is the e-mail they posted is greeted generically."""
        item = sensitive("m1")
        item.event.author.name = EMAIL
        outcome = route(None, item)
        assert outcome.case is not None and outcome.case.handed_off
        [out] = outcome.outbound
        assert EMAIL not in out.messages[0].text


class TestEditsAndDeletions:
    """Edits replace the stored text; deletions mark the message and are noted."""

    def test_deleting_a_public_post_with_personal_data_is_noted(self) -> None:
        """The message is marked deleted and the case tagged deleted-personal-data."""
        item = sensitive()
        case = route(None, item).case
        deletion = pb.ClassifiedEvent()
        deletion.CopyFrom(item)
        deletion.event.operation = pb.OPERATION_DELETE
        deletion.event.event_id = item.event.event_id + ":delete@1"
        outcome = route(case, deletion)
        assert outcome.changed and outcome.case is not None
        assert outcome.case.messages[0].deleted
        assert "deleted-personal-data" in outcome.case.assignment.tags
        assert route(outcome.case, deletion).duplicate

    def test_edit_replaces_the_masked_text(self) -> None:
        """An edit updates the stored text of the same message, no new message."""
        item = sensitive()
        case = route(None, item).case
        edit = classified("m1", text="sorry, removed my details")
        edit.event.operation = pb.OPERATION_EDIT
        edit.event.event_id = item.event.event_id + ":edit@2"
        outcome = route(case, edit)
        assert outcome.case is not None and len(outcome.case.messages) == 1
        assert outcome.case.messages[0].masked_text == "sorry, removed my details"

    def test_edit_of_an_unknown_message_is_ignored(self) -> None:
        """An edit for a message no case holds changes nothing."""
        edit = classified("m9", text="edited text")
        edit.event.operation = pb.OPERATION_EDIT
        outcome = route(None, edit)
        assert outcome.ignored and outcome.case is None
