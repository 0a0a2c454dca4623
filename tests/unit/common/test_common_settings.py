"""``ServiceSettings``: configuration from CARE_* environment variables."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from carerouter.common.settings import ServiceSettings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see no CARE_* variables but the ones they set."""
    for name in list(os.environ):
        if name.startswith("CARE_"):
            monkeypatch.delenv(name)


class TestDefaults:
    def test_defaults_without_environment(self) -> None:
        """Without variables the settings point at a local single broker."""
        settings = ServiceSettings()
        assert settings.kafka_bootstrap_servers == "127.0.0.1:9092"
        assert settings.kafka_partitions == 6
        assert settings.log_level == "INFO"
        assert settings.policy_file is None

    def test_settings_are_frozen(self) -> None:
        """Settings cannot be changed after start-up."""
        settings = ServiceSettings()
        with pytest.raises(ValidationError):
            settings.http_port = 1  # type: ignore[misc]


class TestBootstrapServers:
    def test_single_server_from_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """CARE_KAFKA_BOOTSTRAP_SERVERS sets the broker list."""
        monkeypatch.setenv("CARE_KAFKA_BOOTSTRAP_SERVERS", "kafka:29092")
        settings = ServiceSettings()
        assert settings.kafka_bootstrap_servers == "kafka:29092"
        assert settings.faust_broker_url() == "kafka://kafka:29092"

    def test_several_servers_with_spaces(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A comma-separated list (spaces allowed) becomes a faust URL per broker."""
        monkeypatch.setenv("CARE_KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9092, kafka-1:9093")
        settings = ServiceSettings()
        assert settings.faust_broker_url() == "kafka://kafka-0:9092;kafka://kafka-1:9093"

    def test_ipv6_literal_is_accepted(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The port is split off at the last colon, so bracketed IPv6 hosts work."""
        monkeypatch.setenv("CARE_KAFKA_BOOTSTRAP_SERVERS", "[::1]:9092")
        assert ServiceSettings().kafka_bootstrap_servers == "[::1]:9092"

    def test_prefix_is_case_insensitive(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Environment names are matched without regard to case."""
        monkeypatch.setenv("care_kafka_bootstrap_servers", "broker:9092")
        assert ServiceSettings().kafka_bootstrap_servers == "broker:9092"

    @pytest.mark.parametrize(
        "value,culprit",
        [
            ("kafka", "kafka"),
            ("kafka:", "kafka:"),
            (":9092", ":9092"),
            ("kafka:port", "kafka:port"),
            ("a:1,,b:2", ""),
            ("a:1,b", "b"),
            ("", ""),
        ],
    )
    def test_invalid_bootstrap_is_rejected_clearly(
        self, monkeypatch: pytest.MonkeyPatch, value: str, culprit: str
    ) -> None:
        """A list entry without host or numeric port is named in the error message."""
        monkeypatch.setenv("CARE_KAFKA_BOOTSTRAP_SERVERS", value)
        with pytest.raises(ValidationError) as info:
            ServiceSettings()
        [error] = info.value.errors()
        assert error["loc"] == ("kafka_bootstrap_servers",)
        assert f"expected host:port[,host:port...], got {culprit!r}" in error["msg"]

    @pytest.mark.parametrize("value", ["kafka:99999", "kafka:0"])
    def test_out_of_range_port_is_rejected(
        self, monkeypatch: pytest.MonkeyPatch, value: str
    ) -> None:
        """A port outside 1..65535 is not a valid bootstrap address."""
        monkeypatch.setenv("CARE_KAFKA_BOOTSTRAP_SERVERS", value)
        with pytest.raises(ValidationError, match="host:port"):
            ServiceSettings()


class TestOtherFields:
    def test_typed_fields_are_parsed(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """Numbers, literals and paths are parsed from their string form."""
        monkeypatch.setenv("CARE_KAFKA_PARTITIONS", "12")
        monkeypatch.setenv("CARE_KAFKA_SEND_TIMEOUT_S", "2.5")
        monkeypatch.setenv("CARE_LOG_LEVEL", "DEBUG")
        monkeypatch.setenv("CARE_POLICY_FILE", str(tmp_path / "p.yaml"))
        settings = ServiceSettings()
        assert settings.kafka_partitions == 12
        assert settings.kafka_send_timeout_s == 2.5
        assert settings.log_level == "DEBUG"
        assert settings.policy_file == tmp_path / "p.yaml"

    @pytest.mark.parametrize(
        "name,value",
        [
            ("CARE_KAFKA_PARTITIONS", "0"),
            ("CARE_KAFKA_SEND_TIMEOUT_S", "0"),
            ("CARE_HTTP_PORT", "70000"),
            ("CARE_LOG_LEVEL", "VERBOSE"),
        ],
    )
    def test_out_of_range_values_are_rejected(
        self, monkeypatch: pytest.MonkeyPatch, name: str, value: str
    ) -> None:
        """Bounds and literals are enforced on environment values."""
        monkeypatch.setenv(name, value)
        with pytest.raises(ValidationError):
            ServiceSettings()

    def test_unknown_care_variables_are_ignored(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Service-specific variables do not break the shared settings."""
        monkeypatch.setenv("CARE_SOMETHING_ELSE", "x")
        assert ServiceSettings().kafka_bootstrap_servers == "127.0.0.1:9092"
