"""Log redaction: ``redact_text`` and the structlog ``redaction_processor``."""

from __future__ import annotations

from typing import Any

import pytest

from carerouter.common.logging import redact_text, redaction_processor


def process(**event_dict: Any) -> dict[str, Any]:
    return dict(redaction_processor(None, "info", dict(event_dict)))


class TestRedactText:
    @pytest.mark.parametrize(
        "email",
        ["ana@example.com", "ana.lima+care@mail.example.co.uk", "j_doe-1@sub-domain.org"],
    )
    def test_emails_are_masked(self, email: str) -> None:
        """E-mail addresses become [email]."""
        assert redact_text(f"write to {email} please") == "write to [email] please"

    @pytest.mark.parametrize(
        "card",
        ["4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5500.0000.0000.0004"],
    )
    def test_card_numbers_are_masked(self, card: str) -> None:
        """Card numbers, grouped by spaces, dashes or dots or not at all, become [number]."""
        assert redact_text(f"card {card} was charged") == "card [number] was charged"

    @pytest.mark.parametrize(
        "iban",
        [
            "DE89 3704 0044 0532 0130 00",
            "DE89370400440532013000",
            "GB82 WEST 1234 5698 7654 32",
            "NL91ABNA0417164300",
        ],
    )
    def test_ibans_are_masked(self, iban: str) -> None:
        """IBANs, with or without spaces and with letters in the BBAN, become [iban]."""
        assert redact_text(f"IBAN {iban} thanks") == "IBAN [iban] thanks"

    @pytest.mark.parametrize(
        "phone",
        ["+44 20 7946 0958", "+4915112345678", "555-123-4567", "030 1234567", "06.12.34.56.78"],
    )
    def test_phone_numbers_are_masked(self, phone: str) -> None:
        """Phone numbers in common notations become [number]."""
        assert redact_text(f"call me on {phone}") == "call me on [number]"

    def test_several_kinds_in_one_text(self) -> None:
        """Every occurrence of every pattern in a text is masked."""
        text = "ana@example.com / 4111 1111 1111 1111 / DE89 3704 0044 0532 0130 00 / bo@x.io"
        assert redact_text(text) == "[email] / [number] / [iban] / [email]"
        assert "4111" not in redact_text(text)

    @pytest.mark.parametrize(
        "text",
        [
            "order 12345 is late",
            "retry 3 of 5 after 250 ms",
            "version 1.2.3",
            "at 2026-11-23T10:15:00Z",
            "case x:root#1 in queue privacy",
            "",
        ],
    )
    def test_ordinary_text_is_untouched(self, text: str) -> None:
        """Short numbers, versions, ISO timestamps and ids without long digit runs stay."""
        assert redact_text(text) == text

    def test_digit_run_inside_a_word_is_untouched(self) -> None:
        """Digits glued to letters (hashes, tokens) are not treated as numbers."""
        assert redact_text("commit abc12345678def") == "commit abc12345678def"


class TestRedactionProcessor:
    def test_free_text_values_are_redacted(self) -> None:
        """The event message and unknown keys are masked."""
        out = process(event="mail from ana@example.com", text="card 4111111111111111")
        assert out == {"event": "mail from [email]", "text": "card [number]"}

    @pytest.mark.parametrize(
        "key", ["case_id", "event_id", "action_id", "topic", "queue", "bootstrap_servers"]
    )
    def test_safe_keys_are_left_verbatim(self, key: str) -> None:
        """Our own identifiers are logged as they are, even when they contain digit runs."""
        value = "x:1790000000000000001#1"
        assert process(**{key: value})[key] == value

    def test_safe_key_case_id_with_email_like_value_is_untouched(self) -> None:
        """Safe keys are exempt from every pattern, not just digits."""
        assert process(case_id="x:ana@example.com#1")["case_id"] == "x:ana@example.com#1"

    def test_nested_values_are_redacted(self) -> None:
        """Dicts, lists and tuples are walked recursively, keeping their types."""
        out = process(
            payload={"author": {"email": "ana@example.com"}, "phones": ["+4915112345678"]},
            pair=("ana@example.com", 42),
        )
        assert out["payload"] == {"author": {"email": "[email]"}, "phones": ["[number]"]}
        assert out["pair"] == ("[email]", 42)

    def test_non_string_values_are_kept(self) -> None:
        """Numbers, booleans and None pass through unchanged."""
        out = process(attempts=3, big=41111111111111111, ok=True, nothing=None)
        assert out == {"attempts": 3, "big": 41111111111111111, "ok": True, "nothing": None}

    def test_returns_the_same_mapping(self) -> None:
        """The processor edits and returns the event dict, as structlog expects."""
        event_dict: dict[str, Any] = {"event": "ana@example.com", "count": 1}
        assert redaction_processor(None, "info", event_dict) is event_dict
        assert event_dict == {"event": "[email]", "count": 1}
