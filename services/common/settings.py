"""Configuration shared by every service, read once from the environment at start-up.

Every variable starts with ``CARE_``; e.g. ``CARE_KAFKA_BOOTSTRAP_SERVERS``. Service
settings subclass :class:`ServiceSettings` and add their own fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]


class ServiceSettings(BaseSettings):
    """Settings every service reads; environment variables are ``CARE_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="CARE_", extra="ignore", frozen=True)

    kafka_bootstrap_servers: str = Field(
        "127.0.0.1:9092", description="Comma-separated host:port list of Kafka brokers."
    )
    kafka_partitions: int = Field(6, ge=1, le=1000, description="Partitions per topic created.")
    kafka_replication_factor: int = Field(1, ge=1, le=7)
    kafka_send_timeout_s: float = Field(
        5.0, gt=0, description="Upper bound on one produce; callers get 503/UNAVAILABLE past it."
    )
    kafka_fetch_max_wait_ms: int = Field(
        100,
        ge=1,
        le=10_000,
        description="How long a fetch may wait for data; brokers that do not wake waiting "
        "fetches (Tansu) add up to this much latency per hop.",
    )
    kafka_session_timeout_s: float = Field(10.0, gt=0)
    kafka_heartbeat_interval_s: float = Field(2.0, gt=0)
    kafka_linger_ms: int = Field(5, ge=0, le=1000)
    kafka_retention_ms: int = Field(
        7 * 24 * 3600 * 1000, ge=60_000, description="retention.ms of topics created by us."
    )

    http_host: str = "0.0.0.0"  # noqa: S104 - a server inside a pod listens on all interfaces
    http_port: int = Field(8080, ge=0, le=65535)
    grpc_port: int = Field(50051, ge=0, le=65535)
    grpc_max_message_bytes: int = Field(4 * 1024 * 1024, ge=1024)
    grpc_shutdown_grace_s: float = Field(5.0, ge=0)

    log_level: LogLevel = "INFO"
    log_format: Literal["json", "console"] = "json"
    data_dir: Path = Path("/tmp/carerouter")  # noqa: S108 - overridden in k8s by an emptyDir
    policy_file: Path | None = Field(
        None, description="Care policy YAML; the shipped default is used when unset."
    )

    exit_with_parent_pid: int | None = Field(
        None,
        description="Stop gracefully once the process with this pid is no longer our parent "
        "(set by local stacks -- tests, `carerouter run` -- so that a killed session leaves "
        "no service behind; unset in Kubernetes).",
    )

    policy_reload_interval_s: float = Field(
        5.0, gt=0, description="How often the policy file is checked for changes."
    )

    @field_validator("kafka_bootstrap_servers")
    @classmethod
    def _bootstrap_has_ports(cls, value: str) -> str:
        for server in value.split(","):
            host, _, port = server.strip().rpartition(":")
            if not host or not port.isdigit() or not 1 <= int(port) <= 65535:
                raise ValueError(f"expected host:port[,host:port...], got {server.strip()!r}")
        return value

    def faust_broker_url(self) -> str:
        return ";".join(f"kafka://{s.strip()}" for s in self.kafka_bootstrap_servers.split(","))
