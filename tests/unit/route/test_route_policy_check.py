"""Checking a policy file: every problem is reported with its line, column and key path.

The documents under test are the default policy with one small edit each, so that the tests
follow the policy model as it grows; expected line numbers are looked up in the edited text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carerouter.route.policy import DEFAULT_POLICY_FILE, Policy
from carerouter.route.policy_check import (
    PolicyProblem,
    check_policy_file,
    check_policy_text,
    format_problems,
)

DEFAULT_TEXT = DEFAULT_POLICY_FILE.read_text(encoding="utf-8")


def edit(old: str, new: str, text: str = DEFAULT_TEXT) -> str:
    """``text`` with its single occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, f"the default policy no longer contains {old!r} exactly once"
    return text.replace(old, new)


def line_of(text: str, snippet: str) -> int:
    """The 1-based number of the single line of ``text`` that contains ``snippet``."""
    numbers = [n for n, line in enumerate(text.splitlines(), start=1) if snippet in line]
    assert len(numbers) == 1, f"{snippet!r} is on lines {numbers}"
    return numbers[0]


def column_of(text: str, snippet: str) -> int:
    """The 1-based column where ``snippet`` starts on its line."""
    return text.splitlines()[line_of(text, snippet) - 1].index(snippet) + 1


def rule_index(text: str, **then: Any) -> int:
    """The position of the rule whose ``then`` has all of the given actions."""
    rules = yaml.safe_load(text)["rules"]
    matches = [i for i, r in enumerate(rules) if then.items() <= r["then"].items()]
    assert len(matches) == 1
    return matches[0]


def only_problem(text: str) -> PolicyProblem:
    policy, problems = check_policy_text(text, "policy.yaml")
    assert policy is None
    assert len(problems) == 1, format_problems(problems)
    return problems[0]


class TestValidPolicy:
    """A correct file yields the policy and no problems."""

    def test_default_policy_file_has_no_problems(self) -> None:
        policy, problems = check_policy_file(DEFAULT_POLICY_FILE)
        assert problems == []
        assert isinstance(policy, Policy)
        assert policy == Policy.model_validate(yaml.safe_load(DEFAULT_TEXT))

    def test_text_is_checked_like_the_file(self) -> None:
        policy, problems = check_policy_text(DEFAULT_TEXT)
        assert problems == []
        assert isinstance(policy, Policy)

    def test_merge_keys_are_not_duplicates(self) -> None:
        """``<<: *anchor`` followed by an override is a deliberate YAML idiom."""
        text = edit(
            "sla_policies:\n  urgent:   {first_response: 15m,",
            "sla_policies:\n  urgent:   &fast {first_response: 15m,",
        )
        text = edit(
            "  relaxed:  {",
            "  fast:     {<<: *fast, first_response: 10m}\n  relaxed:  {",
            text,
        )
        policy, problems = check_policy_text(text)
        assert problems == [], format_problems(problems)
        assert policy is not None
        assert policy.sla_policies["fast"].first_response == 600
        assert policy.sla_policies["fast"].resolution == policy.sla_policies["urgent"].resolution


class TestReferences:
    """Errors from whole-policy validators are traced to the value they are about."""

    def test_unknown_queue_in_a_rule_points_at_the_queue(self) -> None:
        text = edit("then: {queue: orders,", "then: {queue: billing,")
        problem = only_problem(text)
        index = rule_index(text, queue="billing")
        assert problem.line == line_of(text, "queue: billing")
        assert problem.column == column_of(text, "billing")
        assert problem.key == f"rules[{index}].then.queue"
        assert "unknown queue 'billing'" in problem.message
        assert str(problem) == (
            f"policy.yaml:{problem.line}:{problem.column}: "
            f"rules[{index}].then.queue: unknown queue 'billing'"
        )

    def test_unknown_sla_in_a_rule_points_at_the_sla(self) -> None:
        text = edit(
            "then: {queue: engagement, priority: low, sla: relaxed}",
            "then: {queue: engagement, priority: low, sla: leisurely}",
        )
        problem = only_problem(text)
        assert problem.line == line_of(text, "sla: leisurely")
        assert problem.key == f"rules[{rule_index(text, sla='leisurely')}].then.sla"

    def test_undeclared_default_queue(self) -> None:
        text = edit("default_queue: general", "default_queue: nowhere")
        problem = only_problem(text)
        assert problem.line == line_of(text, "default_queue: nowhere")
        assert problem.key == "default_queue"
        assert "'nowhere'" in problem.message

    def test_invalid_regex_points_at_the_rule(self) -> None:
        text = edit("when: {intent: [praise]}", "when: {intent: [praise], regex: '(unclosed'}")
        problem = only_problem(text)
        index = rule_index(text, queue="engagement")
        assert problem.line == line_of(text, "regex: '(unclosed'")
        assert problem.key == f"rules[{index}].when.regex"
        assert "regex does not compile" in problem.message

    def test_missing_english_template(self) -> None:
        text = edit('    en: "Thanks for your patience', '    xx: "Thanks for your patience')
        problem = only_problem(text)
        assert problem.line == line_of(text, "close_the_loop:")
        assert problem.key == "templates.close_the_loop"

    def test_message_without_a_path_falls_back_to_the_top_level(self) -> None:
        text = edit("  - name: triage\n", "  - name: general\n")
        problem = only_problem(text)
        assert problem.key == ""
        assert problem.line == line_of(text, "version: 1")
        assert "unique" in problem.message


class TestFieldErrors:
    """Errors pydantic locates itself: unknown keys, wrong types, missing keys."""

    def test_misspelled_condition_key_reports_its_own_line(self) -> None:
        text = edit("when: {intent: [defect]}", "when: {intnet: [defect]}")
        problem = only_problem(text)
        index = rule_index(text, queue="defects")
        assert problem.line == line_of(text, "intnet")
        assert problem.column == column_of(text, "intnet")
        assert problem.key == f"rules[{index}].when.intnet"
        assert "unknown key 'intnet'" in problem.message
        assert "did you mean 'intent'" in problem.message

    def test_wrong_type(self) -> None:
        urgent = next(line for line in DEFAULT_TEXT.splitlines() if line.startswith("  urgent:"))
        assert "warn_at: 0.75" in urgent
        text = edit(urgent, urgent.replace("warn_at: 0.75", 'warn_at: "lots"'))
        problem = only_problem(text)
        assert problem.line == line_of(text, '"lots"')
        assert problem.column == column_of(text, '"lots"')
        assert problem.key == "sla_policies.urgent.warn_at"
        assert "lots" in problem.message

    def test_bad_duration(self) -> None:
        text = edit("{first_response: 1h,", "{first_response: soon,")
        problem = only_problem(text)
        assert problem.line == line_of(text, "first_response: soon")
        assert problem.key == "sla_policies.standard.first_response"
        assert "duration" in problem.message

    def test_missing_required_top_level_key(self) -> None:
        text = edit("default_sla: standard\n", "")
        problem = only_problem(text)
        first_setting = next(
            line for line in text.splitlines() if line.strip() and not line.startswith("#")
        )
        assert problem.line == line_of(text, first_setting)
        assert problem.key == "default_sla"
        assert "missing" in problem.message

    def test_every_error_is_reported_in_line_order(self) -> None:
        text = edit("when: {intent: [defect]}", "when: {intnet: [defect]}")
        text = edit("reopen_window: 7d", "reopen_window: forever", text)
        text = edit("default_sla: standard\n", "", text)
        policy, problems = check_policy_text(text)
        assert policy is None
        assert [p.key.rsplit(".", 1)[-1] for p in problems] == [
            "default_sla",
            "reopen_window",
            "intnet",
        ]
        lines = [p.line or 0 for p in problems]
        assert lines == sorted(lines)


class TestYamlProblems:
    """Problems found before validation: duplicates, syntax, empty or odd documents."""

    def test_duplicate_top_level_key_names_both_lines(self) -> None:
        text = edit("brand: Acme\n", "brand: Acme\nbrand: Other\n")
        policy, problems = check_policy_text(text)
        assert policy is None
        assert len(problems) == 1
        problem = problems[0]
        assert problem.line == line_of(text, "brand: Other")
        assert problem.key == "brand"
        assert f"line {line_of(text, 'brand: Acme')}" in problem.message
        assert f"line {problem.line}" in problem.message

    def test_duplicate_key_in_a_flow_mapping(self) -> None:
        text = edit("when: {intent: [defect]}", "when: {intent: [defect], intent: [dupe]}")
        problem = only_problem(text)
        index = rule_index(text, queue="defects")
        assert problem.line == line_of(text, "intent: [dupe]")
        assert problem.column == column_of(text, "intent: [dupe]")
        assert problem.key == f"rules[{index}].when.intent"

    def test_duplicate_keys_do_not_hide_validation_errors(self) -> None:
        text = edit("brand: Acme\n", "brand: Acme\nbrand: Other\n")
        text = edit("reopen_window: 7d", "reopen_window: forever", text)
        _, problems = check_policy_text(text)
        assert {p.key for p in problems} == {"brand", "reopen_window"}

    def test_syntax_error_line(self) -> None:
        text = edit("brand: Acme\n", "brand: Acme: Corp\n")
        problem = only_problem(text)
        assert problem.line == line_of(text, "brand: Acme: Corp")
        assert problem.column == column_of(text, ": Corp")
        assert problem.message.startswith("invalid YAML")

    def test_unclosed_flow_sequence(self) -> None:
        text = edit("when: {intent: [defect]}", "when: {intent: [defect}")
        problem = only_problem(text)
        assert problem.line is not None
        assert problem.line >= line_of(text, "[defect}")
        assert problem.message.startswith("invalid YAML")

    def test_unsafe_tag_is_a_problem(self) -> None:
        text = edit("brand: Acme\n", "brand: !!python/name:os.system\n")
        problem = only_problem(text)
        assert problem.line == line_of(text, "brand: !!python")
        assert "constructor" in problem.message

    @pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "~\n"])
    def test_empty_file(self, text: str) -> None:
        problem = only_problem(text)
        assert "empty" in problem.message
        assert problem.line == (line_of(text, "~") if "~" in text else 1)

    @pytest.mark.parametrize(
        ("text", "kind"),
        [("- queues\n- rules\n", "a list"), ("just some words\n", "a single value")],
    )
    def test_document_that_is_not_a_mapping(self, text: str, kind: str) -> None:
        problem = only_problem(text)
        assert problem.line == 1
        assert problem.column == 1
        assert "mapping" in problem.message
        assert kind in problem.message

    def test_more_than_one_document(self) -> None:
        problem = only_problem(DEFAULT_TEXT + "---\nbrand: Other\n")
        assert problem.line == line_of(DEFAULT_TEXT + "---\n", "---")
        assert "single document" in problem.message


class TestFiles:
    """Reading from disk."""

    def test_file_name_appears_in_problems(self, tmp_path: Path) -> None:
        path = tmp_path / "care.yaml"
        path.write_text(edit("default_queue: general", "default_queue: nowhere"), "utf-8")
        _, problems = check_policy_file(path)
        assert len(problems) == 1
        assert str(problems[0]).startswith(f"{path}:{problems[0].line}:")

    def test_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "absent.yaml"
        policy, problems = check_policy_file(path)
        assert policy is None
        assert len(problems) == 1
        assert problems[0].line is None
        assert problems[0].file == str(path)
        assert str(problems[0]).startswith(f"{path}: cannot read")

    def test_directory(self, tmp_path: Path) -> None:
        _, problems = check_policy_file(tmp_path)
        assert len(problems) == 1
        assert problems[0].line is None

    def test_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "latin1.yaml"
        path.write_bytes("brand: Café\n".encode("latin-1"))
        _, problems = check_policy_file(path)
        assert len(problems) == 1
        assert problems[0].line is None


class TestFormatting:
    """How problems read on a terminal."""

    def test_full_problem(self) -> None:
        problem = PolicyProblem(
            "policy.yaml", 12, 5, "rules[2].then.queue", "unknown queue 'billing'"
        )
        assert str(problem) == "policy.yaml:12:5: rules[2].then.queue: unknown queue 'billing'"

    def test_without_column_key_or_line(self) -> None:
        assert str(PolicyProblem("p.yaml", 3, None, "brand", "bad")) == "p.yaml:3: brand: bad"
        assert str(PolicyProblem("p.yaml", 1, 1, "", "empty")) == "p.yaml:1:1: empty"
        assert str(PolicyProblem("p.yaml", None, None, "", "cannot read")) == "p.yaml: cannot read"

    def test_format_problems_puts_one_on_a_line(self) -> None:
        problems = [
            PolicyProblem("p.yaml", 1, 1, "a", "x"),
            PolicyProblem("p.yaml", 2, 3, "b[0]", "y"),
        ]
        assert format_problems(problems) == "p.yaml:1:1: a: x\np.yaml:2:3: b[0]: y"
        assert format_problems([]) == ""

    def test_keys_that_are_not_identifiers_are_quoted(self) -> None:
        text = edit("  relaxed:  {", "  relaxed:  {bogus key: 1, ")
        problem = only_problem(text)
        assert problem.key == "sla_policies.relaxed['bogus key']"


class TestRobustness:
    """Whatever the input, the checker reports problems instead of raising."""

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.text(alphabet=st.sampled_from("ab:-[]{}&*!#'\"\n\t ,|>?%@`\\0"), max_size=60))
    def test_arbitrary_text(self, text: str) -> None:
        policy, problems = check_policy_text(text)
        assert (policy is None) == bool(problems)
        last_line = text.count("\n") + 1
        for problem in problems:
            assert problem.line is None or 1 <= problem.line <= last_line
            assert str(problem)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def test_default_policy_with_lines_removed(self, data: st.DataObject) -> None:
        lines = DEFAULT_TEXT.splitlines(keepends=True)
        drop = data.draw(st.sets(st.integers(0, len(lines) - 1), max_size=4))
        text = "".join(line for n, line in enumerate(lines) if n not in drop)
        policy, problems = check_policy_text(text)
        assert (policy is None) == bool(problems)
        for problem in problems:
            assert problem.line is None or 1 <= problem.line <= len(lines)
