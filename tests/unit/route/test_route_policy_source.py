"""The running policy reloads on change and never takes an invalid file."""

from __future__ import annotations

from pathlib import Path

import pytest

from carerouter.route.policy import DEFAULT_POLICY_FILE, PolicyError
from carerouter.route.policy_source import PolicySource


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(DEFAULT_POLICY_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


class TestPolicySource:
    def test_valid_change_takes_effect(self, policy_file: Path) -> None:
        """An edited valid file replaces the policy on the next check."""
        events: list[tuple[str, str]] = []
        source = PolicySource(policy_file, lambda outcome, detail: events.append((outcome, detail)))
        assert source().brand == "Acme"
        policy_file.write_text(policy_file.read_text().replace("brand: Acme", "brand: Globex"))
        assert source.check() is True
        assert source().brand == "Globex"
        assert events[-1][0] == "reloaded"

    def test_invalid_change_keeps_the_running_policy(self, policy_file: Path) -> None:
        """A broken file is rejected (once) and the previous policy stays in force."""
        events: list[tuple[str, str]] = []
        source = PolicySource(policy_file, lambda outcome, detail: events.append((outcome, detail)))
        policy_file.write_text(
            policy_file.read_text().replace("default_queue: general", "default_queue: nowhere")
        )
        assert source.check() is False
        assert source().default_queue == "general"
        assert events == [("rejected", events[0][1])] and "nowhere" in events[0][1]
        assert source.check() is False and len(events) == 1

    def test_unchanged_file_is_not_reloaded(self, policy_file: Path) -> None:
        """Checking an unchanged file does nothing."""
        source = PolicySource(policy_file)
        assert source.check() is False

    def test_invalid_file_at_start_up_fails(self, tmp_path: Path) -> None:
        """Start-up refuses an invalid policy with the file named."""
        path = tmp_path / "bad.yaml"
        path.write_text("version: 1\n")
        with pytest.raises(PolicyError, match=r"bad\.yaml"):
            PolicySource(path)

    def test_ical_holidays_are_read_relative_to_the_policy(self, policy_file: Path) -> None:
        """A calendar's iCal holiday file is found next to the policy file."""
        (policy_file.parent / "holidays.ics").write_text(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nDTEND;VALUE=DATE:20261227\nEND:VEVENT\nEND:VCALENDAR\n"
        )
        text = policy_file.read_text().replace(
            "queues:\n",
            "calendars:\n  eu:\n    timezone: Europe/Berlin\n    hours: {mon: ['09:00-17:00'], fri: ['09:00-17:00']}\n    holidays_ical: holidays.ics\nqueues:\n",
            1,
        )
        policy_file.write_text(text)
        source = PolicySource(policy_file)
        from datetime import UTC, datetime

        calendar = source.calendars()["eu"]
        assert not calendar.is_open(datetime(2026, 12, 25, 10, tzinfo=UTC))  # Friday, holiday
        assert calendar.is_open(datetime(2026, 12, 18, 10, tzinfo=UTC))  # Friday, open
