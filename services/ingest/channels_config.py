"""Configuration of the platform webhooks: secrets per app (two at once during a
rotation), the brand's accounts and names. A YAML file mounted from a Kubernetes Secret
(``CARE_CHANNELS_FILE``); nothing here is ever logged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from carerouter.ingest.channels import BrandConfig


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MetaChannel(_Model):
    app_secrets: list[SecretStr] = Field(..., min_length=1)
    verify_token: SecretStr


class XChannel(_Model):
    consumer_secrets: list[SecretStr] = Field(..., min_length=1)


class YouTubeChannel(_Model):
    hub_secrets: list[SecretStr] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list, description="Feeds we subscribed to.")
    # Comments are polled (YouTube does not push them); off without an API key.
    api_key: SecretStr | None = None
    channel_id: str | None = None
    api_base: str = "https://www.googleapis.com/youtube/v3"
    poll_interval_s: float = Field(60.0, ge=5)


class TrustpilotChannel(_Model):
    path_tokens: list[SecretStr] = Field(..., min_length=1)


class GoogleChannel(_Model):
    audience: str
    jwks_file: Path = Field(
        ..., description="Google's signing keys (JWK set), kept current by ops."
    )
    service_account_email: str | None = None

    def keys(self) -> dict[str, Any]:
        data = json.loads(self.jwks_file.read_text(encoding="utf-8"))
        return {key["kid"]: key for key in data.get("keys", [])}


class ChannelsConfig(_Model):
    brand: BrandConfig = Field(default_factory=BrandConfig)
    max_body_bytes: int = Field(1_000_000, ge=1024)
    meta: MetaChannel | None = None
    x: XChannel | None = None
    youtube: YouTubeChannel | None = None
    trustpilot: TrustpilotChannel | None = None
    google: GoogleChannel | None = None


def load_channels(path: Path) -> ChannelsConfig:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return ChannelsConfig.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"{path}: invalid channels file: {exc}") from exc


def load_brand(path: Path) -> BrandConfig:
    """The ``brand:`` part of a channels file, or a file holding only a brand mapping."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return BrandConfig.model_validate(data.get("brand", data))


def secrets(values: list[SecretStr]) -> list[str]:
    return [v.get_secret_value() for v in values]
