"""The care policy: durations, loading and validating YAML, and ``Policy.decide``."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from carerouter.route.policy import (
    DEFAULT_POLICY_FILE,
    MessageFacts,
    Policy,
    PolicyError,
    WarningAt,
    load_policy,
    parse_duration,
)

DEMO_POLICY_FILE = DEFAULT_POLICY_FILE.with_name("demo_policy.yaml")
DEFAULT = load_policy()


def facts(**overrides: Any) -> MessageFacts:
    """Facts of a calm, confident, public English question by a small account."""
    base = MessageFacts(
        intent="question",
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
        masked_text="How do I reset my router?",
    )
    return dataclasses.replace(base, **overrides)


def minimal_policy(**overrides: Any) -> dict[str, Any]:
    """A small valid policy document; keyword arguments replace top-level keys."""
    data: dict[str, Any] = {
        "default_queue": "general",
        "default_sla": "standard",
        "queues": [{"name": "general"}, {"name": "vip"}, {"name": "privacy"}],
        "sla_policies": {
            "standard": {"first_response": "1h", "resolution": "1d"},
            "fast": {"first_response": 60, "resolution": "30m", "warn_at": 0.5},
        },
        "rules": [],
        "templates": {
            "acknowledgement": {"en": "Hi {name} {signature}"},
            "private_opening": {"en": "Hello {name} from {brand} {signature}"},
            "close_the_loop": {"en": "Done {name} {signature}"},
        },
    }
    data.update(overrides)
    return data


def policy_with_rules(*rules: dict[str, Any]) -> Policy:
    return Policy.model_validate(minimal_policy(rules=list(rules)))


def rule(name: str, when: dict[str, Any], **then: Any) -> dict[str, Any]:
    return {"name": name, "when": when, "then": then or {"queue": "vip"}}


class TestParseDuration:
    @pytest.mark.parametrize(
        "value,seconds",
        [
            (90, 90.0),
            (1.5, 1.5),
            ("45s", 45.0),
            ("15m", 900.0),
            ("4h", 14400.0),
            ("2d", 172800.0),
            ("1.5h", 5400.0),
            (" 7d ", 604800.0),
            ("10 m", 600.0),
        ],
    )
    def test_accepted_forms(self, value: object, seconds: float) -> None:
        """Numbers are seconds; strings carry one of the units s, m, h, d."""
        assert parse_duration(value) == seconds

    @pytest.mark.parametrize("value", ["90", "15 minutes", "1w", "h", "", "-5m", None, [1]])
    def test_malformed_values_are_rejected(self, value: object) -> None:
        """Unit-less strings, unknown units and non-numbers are rejected with an example."""
        with pytest.raises(ValueError, match="expected a duration"):
            parse_duration(value)

    @pytest.mark.parametrize("value", [0, -1, "0s", 0.0])
    def test_non_positive_durations_are_rejected(self, value: object) -> None:
        """A duration must be positive."""
        with pytest.raises(ValueError, match="positive"):
            parse_duration(value)

    @pytest.mark.parametrize("value", [True, False])
    def test_booleans_are_not_durations(self, value: bool) -> None:
        """YAML booleans are not mistaken for 1 or 0 seconds."""
        with pytest.raises(ValueError, match="expected a duration"):
            parse_duration(value)


class TestShippedPolicies:
    def test_default_policy_loads(self) -> None:
        """The shipped default policy loads with its queues, SLAs and rule order."""
        policy = load_policy()
        assert policy.default_queue == "general"
        assert policy.default_sla == "standard"
        assert policy.reopen_window == 7 * 86400
        assert policy.sla_policies["urgent"].first_response == 900
        assert policy.sla_policies["urgent"].resolution == 4 * 3600
        assert policy.sla_policies["standard"].warn_at == (WarningAt(fraction=0.75),)
        assert [r.name for r in policy.rules][:3] == [
            "sensitive-public-to-dm",
            "sensitive-private",
            "spam",
        ]
        assert {q.name for q in policy.queues} >= {"privacy", "triage", "general"}

    def test_default_policy_is_the_default_path(self) -> None:
        """load_policy() without a path reads default_policy.yaml."""
        assert load_policy() == load_policy(DEFAULT_POLICY_FILE)

    def test_demo_policy_loads_with_short_slas(self) -> None:
        """The demo policy has the same rules with second-scale SLA targets."""
        demo = load_policy(DEMO_POLICY_FILE)
        assert demo.sla_policies["urgent"].first_response == 12
        assert demo.sla_policies["standard"].resolution == 35
        assert all(sla.warn_at[0] == WarningAt(fraction=0.5) for sla in demo.sla_policies.values())
        assert demo.sla_policies["standard"].escalations == [10.0]
        assert [r.name for r in demo.rules] == [r.name for r in DEFAULT.rules]

    @pytest.mark.parametrize("path", [DEFAULT_POLICY_FILE, DEMO_POLICY_FILE])
    def test_shipped_templates_fill_in_every_language(self, path: Path) -> None:
        """Every shipped template formats with name, brand and signature only."""
        templates = load_policy(path).templates
        for kind in ("acknowledgement", "private_opening", "close_the_loop"):
            for lang, text in getattr(templates, kind).items():
                filled = text.format(name="Ana", brand="Acme", signature="^CR")
                assert "^CR" in filled, (kind, lang)
                assert "{" not in filled, (kind, lang)

    def test_policy_is_frozen(self) -> None:
        """A loaded policy cannot be mutated in place."""
        with pytest.raises(ValidationError):
            DEFAULT.brand = "Other"  # type: ignore[misc]


class TestPolicyValidation:
    def load(self, tmp_path: Path, data: Any) -> Policy:
        path = tmp_path / "policy.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return load_policy(path)

    def test_minimal_policy_gets_defaults(self, tmp_path: Path) -> None:
        """Brand, signature, priority and reopen window have defaults."""
        policy = self.load(tmp_path, minimal_policy())
        assert policy.brand == "Acme"
        assert policy.signature == "^CR"
        assert policy.default_priority == "normal"
        assert policy.reopen_window == 7 * 86400
        assert policy.sla_policies["standard"].warn_at == (WarningAt(fraction=0.75),)

    def test_unknown_rule_queue_is_rejected(self, tmp_path: Path) -> None:
        """A rule routing to an undeclared queue names the rule and the queue."""
        data = minimal_policy(rules=[rule("r1", {}, queue="nowhere")])
        with pytest.raises(PolicyError, match=r"rules\[0\] \(r1\): unknown queue 'nowhere'"):
            self.load(tmp_path, data)

    def test_unknown_rule_sla_is_rejected(self, tmp_path: Path) -> None:
        """A rule referring to an undeclared SLA policy is rejected."""
        data = minimal_policy(rules=[rule("ok", {}), rule("r2", {}, sla="platinum")])
        with pytest.raises(PolicyError, match=r"rules\[1\] \(r2\): unknown sla 'platinum'"):
            self.load(tmp_path, data)

    def test_unknown_default_queue_is_rejected(self, tmp_path: Path) -> None:
        """default_queue must be a declared queue."""
        with pytest.raises(PolicyError, match="default_queue 'missing'"):
            self.load(tmp_path, minimal_policy(default_queue="missing"))

    def test_unknown_default_sla_is_rejected(self, tmp_path: Path) -> None:
        """default_sla must be a declared SLA policy."""
        with pytest.raises(PolicyError, match="default_sla 'missing'"):
            self.load(tmp_path, minimal_policy(default_sla="missing"))

    def test_duplicate_queue_names_are_rejected(self, tmp_path: Path) -> None:
        """Queue names must be unique."""
        data = minimal_policy(queues=[{"name": "general"}, {"name": "general"}])
        with pytest.raises(PolicyError, match="unique"):
            self.load(tmp_path, data)

    def test_bad_regex_is_rejected(self, tmp_path: Path) -> None:
        """A rule regex that does not compile is reported."""
        data = minimal_policy(rules=[rule("r", {"regex": "([a-z"})])
        with pytest.raises(PolicyError, match="regex does not compile"):
            self.load(tmp_path, data)

    @pytest.mark.parametrize("kind", ["acknowledgement", "private_opening", "close_the_loop"])
    def test_missing_english_template_is_rejected(self, tmp_path: Path, kind: str) -> None:
        """Every template kind needs an 'en' fallback."""
        data = minimal_policy()
        data["templates"] = copy.deepcopy(data["templates"])
        data["templates"][kind] = {"de": "Hallo {name}"}
        with pytest.raises(PolicyError, match=f"{kind}: an 'en' template is required"):
            self.load(tmp_path, data)

    def test_bad_duration_is_rejected(self, tmp_path: Path) -> None:
        """An SLA with a malformed duration is reported."""
        data = minimal_policy()
        data["sla_policies"] = {"standard": {"first_response": "soon", "resolution": "1d"}}
        with pytest.raises(PolicyError, match="expected a duration"):
            self.load(tmp_path, data)

    @pytest.mark.parametrize("warn_at", [0, 1, 1.5])
    def test_warn_at_must_be_a_fraction(self, tmp_path: Path, warn_at: float) -> None:
        """warn_at lies strictly between 0 and 1."""
        data = minimal_policy()
        data["sla_policies"] = {
            "standard": {"first_response": "1h", "resolution": "1d", "warn_at": warn_at}
        }
        with pytest.raises(PolicyError, match="warn_at"):
            self.load(tmp_path, data)

    def test_unknown_key_is_rejected(self, tmp_path: Path) -> None:
        """Typos in the policy file are errors, not silently ignored keys."""
        data = minimal_policy(rules=[{"name": "r", "when": {"intents": ["defect"]}, "then": {}}])
        with pytest.raises(PolicyError, match="intents"):
            self.load(tmp_path, data)

    def test_unknown_priority_is_rejected(self, tmp_path: Path) -> None:
        """Priorities are low, normal, high or urgent."""
        with pytest.raises(PolicyError, match="priority"):
            self.load(tmp_path, minimal_policy(rules=[rule("r", {}, priority="critical")]))

    def test_unsupported_version_is_rejected(self, tmp_path: Path) -> None:
        """Only policy version 1 is understood."""
        with pytest.raises(PolicyError, match="version"):
            self.load(tmp_path, minimal_policy(version=2))

    def test_errors_name_the_file(self, tmp_path: Path) -> None:
        """PolicyError messages start with the file's path."""
        with pytest.raises(PolicyError) as info:
            self.load(tmp_path, minimal_policy(default_queue="missing"))
        assert str(info.value).startswith(str(tmp_path / "policy.yaml"))

    def test_missing_file_is_reported(self, tmp_path: Path) -> None:
        """An unreadable file is a PolicyError saying it cannot be read."""
        with pytest.raises(PolicyError, match="cannot read"):
            load_policy(tmp_path / "absent.yaml")

    def test_invalid_yaml_is_reported(self, tmp_path: Path) -> None:
        """A file that is not YAML is a PolicyError saying so."""
        path = tmp_path / "broken.yaml"
        path.write_text("rules: [unclosed", encoding="utf-8")
        with pytest.raises(PolicyError, match="not valid YAML"):
            load_policy(path)

    def test_empty_file_is_reported(self, tmp_path: Path) -> None:
        """An empty policy file is a PolicyError, not a crash."""
        path = tmp_path / "empty.yaml"
        path.write_text("", encoding="utf-8")
        with pytest.raises(PolicyError):
            load_policy(path)


class TestDecideDefaultPolicy:
    def test_sensitive_public_goes_to_privacy_with_handoff(self) -> None:
        """Personal data on a public surface: privacy queue, urgent, handoff to DM."""
        decision = DEFAULT.decide(
            facts(sensitive=True, pii_types=frozenset({"card"}), intent="order")
        )
        assert decision.matched_rule == "sensitive-public-to-dm"
        assert decision.queue == "privacy"
        assert decision.priority == "urgent"
        assert decision.sla_policy == "urgent"
        assert decision.first_response_s == 900
        assert decision.resolution_s == 4 * 3600
        assert decision.warn_fraction == 0.75
        assert decision.handoff is True
        assert decision.ignore is False
        assert decision.tags == ("pii",)
        assert decision.reason == "sensitive=True; surface=public"

    def test_sensitive_private_goes_to_privacy_without_handoff(self) -> None:
        """Personal data in a DM: privacy queue, high priority, no handoff."""
        decision = DEFAULT.decide(facts(sensitive=True, surface="private", kind="dm"))
        assert decision.matched_rule == "sensitive-private"
        assert decision.queue == "privacy"
        assert decision.priority == "high"
        assert decision.handoff is False

    def test_spam_is_ignored(self) -> None:
        """'other' intent with a spam keyword is ignored."""
        decision = DEFAULT.decide(
            facts(intent="other", confidence=0.5, masked_text="Get FREE FOLLOWERS now")
        )
        assert decision.matched_rule == "spam"
        assert decision.ignore is True
        assert "keyword='free followers'" in decision.reason

    def test_confident_other_is_not_spam(self) -> None:
        """Above max_confidence the spam rule does not hold and the default decides."""
        decision = DEFAULT.decide(
            facts(intent="other", confidence=0.99, masked_text="free followers")
        )
        assert decision.matched_rule == "default"

    def test_influencer_negative_is_urgent(self) -> None:
        """Negative posts from large accounts go to complaints, urgent."""
        decision = DEFAULT.decide(facts(sentiment="negative", followers=10_000))
        assert (decision.matched_rule, decision.queue, decision.priority) == (
            "influencer-negative",
            "complaints",
            "urgent",
        )
        assert decision.tags == ("influencer",)

    @pytest.mark.parametrize(
        "intent,rule_name,queue,priority,sla",
        [
            ("defect", "defects", "defects", "high", "standard"),
            ("order", "orders", "orders", "high", "standard"),
            ("complaint", "complaints", "complaints", "normal", "standard"),
            ("praise", "praise", "engagement", "low", "relaxed"),
            ("question", "questions", "questions", "normal", "standard"),
        ],
    )
    def test_intent_rules(
        self, intent: str, rule_name: str, queue: str, priority: str, sla: str
    ) -> None:
        """Each intent routes to its queue with its priority and SLA."""
        decision = DEFAULT.decide(facts(intent=intent))
        assert (decision.matched_rule, decision.queue, decision.priority) == (
            rule_name,
            queue,
            priority,
        )
        assert decision.sla_policy == sla
        assert decision.reason == f"intent={intent}"

    def test_needs_review_beats_intent(self) -> None:
        """Low-confidence results go to triage before the intent rules."""
        decision = DEFAULT.decide(facts(intent="defect", needs_review=True))
        assert decision.matched_rule == "low-confidence"
        assert decision.queue == "triage"
        assert decision.tags == ("needs-review",)

    def test_no_rule_falls_back_to_default(self) -> None:
        """Without a matching rule: default queue, priority and SLA, rule 'default'."""
        decision = DEFAULT.decide(facts(intent="other", confidence=0.99))
        assert decision.matched_rule == "default"
        assert decision.reason == "no rule matched"
        assert decision.queue == "general"
        assert decision.priority == "normal"
        assert decision.sla_policy == "standard"
        assert decision.first_response_s == 3600
        assert decision.resolution_s == 86400
        assert decision.tags == ()
        assert decision.handoff is False
        assert decision.ignore is False


class TestDecideConditions:
    def test_first_matching_rule_wins(self) -> None:
        """Rules are evaluated in order; a later matching rule is not used."""
        policy = policy_with_rules(
            rule("first", {"intent": ["defect"]}, queue="vip"),
            rule("second", {"intent": ["defect"]}, queue="privacy"),
        )
        decision = policy.decide(facts(intent="defect"))
        assert (decision.matched_rule, decision.queue) == ("first", "vip")

    def test_rule_without_conditions_always_matches(self) -> None:
        """An empty 'when' holds for every message; its reason is 'always'."""
        decision = policy_with_rules(rule("catch-all", {})).decide(facts())
        assert decision.matched_rule == "catch-all"
        assert decision.reason == "always"

    def test_all_conditions_must_hold(self) -> None:
        """One failing condition rejects the rule even when others hold."""
        policy = policy_with_rules(rule("r", {"intent": ["question"], "lang": ["de"]}))
        assert policy.decide(facts(lang="en")).matched_rule == "default"
        assert policy.decide(facts(lang="de")).matched_rule == "r"

    def test_reasons_list_every_condition_in_order(self) -> None:
        """The reason names each condition that held, joined by '; '."""
        policy = policy_with_rules(
            rule(
                "r",
                {
                    "intent": ["question"],
                    "lang": ["en"],
                    "platform": ["x"],
                    "keywords": ["router"],
                    "regex": r"reset\s+my",
                },
            )
        )
        assert policy.decide(facts()).reason == (
            "intent=question; lang=en; platform=x; keyword='router'; regex='reset\\\\s+my'"
        )

    def test_default_priority_and_sla_fill_missing_actions(self) -> None:
        """A rule naming only a queue inherits the default priority and SLA."""
        decision = policy_with_rules(rule("r", {}, queue="vip")).decide(facts())
        assert (decision.queue, decision.priority, decision.sla_policy) == (
            "vip",
            "normal",
            "standard",
        )

    def test_rule_sla_sets_targets_and_warn_fraction(self) -> None:
        """The rule's SLA policy determines both targets and the warn fraction."""
        decision = policy_with_rules(rule("r", {}, sla="fast")).decide(facts())
        assert (decision.first_response_s, decision.resolution_s) == (60, 1800)
        assert decision.warn_fraction == 0.5

    @pytest.mark.parametrize(
        "when,matching,other",
        [
            ({"intent": ["defect", "order"]}, {"intent": "order"}, {"intent": "praise"}),
            ({"sensitive": True}, {"sensitive": True}, {"sensitive": False}),
            ({"sensitive": False}, {"sensitive": False}, {"sensitive": True}),
            (
                {"pii_types": ["iban", "card"]},
                {"pii_types": frozenset({"email", "card"})},
                {"pii_types": frozenset({"email"})},
            ),
            ({"lang": ["es", "pt"]}, {"lang": "pt"}, {"lang": "en"}),
            ({"sentiment": ["negative"]}, {"sentiment": "negative"}, {"sentiment": "neutral"}),
            ({"max_confidence": 0.6}, {"confidence": 0.6}, {"confidence": 0.61}),
            ({"needs_review": True}, {"needs_review": True}, {"needs_review": False}),
            ({"platform": ["facebook"]}, {"platform": "facebook"}, {"platform": "x"}),
            ({"surface": "private"}, {"surface": "private"}, {"surface": "public"}),
            ({"kind": ["review"]}, {"kind": "review"}, {"kind": "mention"}),
            ({"min_followers": 500}, {"followers": 500}, {"followers": 499}),
            ({"verified": True}, {"verified": True}, {"verified": False}),
            (
                {"keywords": ["Refund", "money back"]},
                {"masked_text": "I want my REFUND"},
                {"masked_text": "I want a refurbished one"},
            ),
            (
                {"regex": r"order\s*#?\d+"},
                {"masked_text": "Order #12345 is late"},
                {"masked_text": "my order is late"},
            ),
        ],
    )
    def test_each_condition_type(
        self, when: dict[str, Any], matching: dict[str, Any], other: dict[str, Any]
    ) -> None:
        """Each condition type selects exactly the messages it describes."""
        policy = policy_with_rules(rule("r", when))
        assert policy.decide(facts(**matching)).matched_rule == "r"
        assert policy.decide(facts(**other)).matched_rule == "default"

    def test_keywords_look_at_masked_text_only(self) -> None:
        """Keywords cannot match personal data that masking replaced."""
        policy = policy_with_rules(rule("r", {"keywords": ["ana@example.com"]}))
        decision = policy.decide(facts(masked_text="write to [email] please"))
        assert decision.matched_rule == "default"

    def test_regex_looks_at_masked_text_case_insensitively(self) -> None:
        """The regex runs on the masked text, ignoring case, and sees mask placeholders."""
        policy = policy_with_rules(
            rule("digits", {"regex": r"\d{16}"}, queue="privacy"),
            rule("masked", {"regex": r"\[CARD\]"}, queue="vip"),
        )
        decision = policy.decide(facts(masked_text="my card [card] was charged twice"))
        assert (decision.matched_rule, decision.queue) == ("masked", "vip")

    def test_keyword_reason_names_the_first_hit(self) -> None:
        """The reason records the first listed keyword found."""
        policy = policy_with_rules(rule("r", {"keywords": ["late", "parcel"]}))
        decision = policy.decide(facts(masked_text="parcel is late"))
        assert decision.reason == "keyword='late'"

    def test_ignore_and_handoff_flags_are_passed_through(self) -> None:
        """Action flags appear on the decision unchanged."""
        policy = policy_with_rules(
            rule("quiet", {"intent": ["other"]}, ignore=True),
            rule("dm", {"sensitive": True}, handoff=True, tags=["a", "b"]),
        )
        assert policy.decide(facts(intent="other")).ignore is True
        moved = policy.decide(facts(sensitive=True))
        assert moved.handoff is True
        assert moved.tags == ("a", "b")


class TestNonFiniteDurations:
    @pytest.mark.parametrize("value", [float("nan"), float("inf")])
    def test_non_finite_durations_are_rejected(self, value: float) -> None:
        """A duration must be a finite number of seconds (YAML .nan / .inf are refused)."""
        with pytest.raises(ValueError):
            parse_duration(value)
