"""Shared helpers of the channel adapter tests: the samples, their expectations, a brand."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from carerouter.ingest.channels import BrandConfig

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "channels"
EXPECTED: dict[str, list[dict[str, Any]]] = json.loads(
    (FIXTURES / "expected.json").read_text(encoding="utf-8")
)["samples"]
SIGNATURES: dict[str, Any] = json.loads((FIXTURES / "signatures.json").read_text(encoding="utf-8"))
SECRETS: dict[str, str] = SIGNATURES["secrets"]
HEADERS: dict[str, dict[str, str]] = SIGNATURES["headers"]

# The brand of the samples: its Facebook Page, Instagram account, X account, YouTube channel.
BRAND = BrandConfig(
    account_ids={
        "facebook": ("104857600012345",),
        "instagram": ("17841400000000001",),
        "x": ("1500000000000000001",),
        "youtube": ("UCsAmPlEcHaNnEl0000000001",),
    },
    handles={"x": ("@AcmeCareSample",), "instagram": ("acmeoutfitters.example",)},
    names={"*": ("Acme", "Acme Outfitters"), "de": ("Acme Deutschland",)},
    exclusions=("Acme Road", "Acme Corp"),
)
RECEIVED = datetime(2026, 3, 14, 15, 0, tzinfo=UTC)


def sample(name: str) -> bytes:
    """A sample's exact bytes (as the platform sends them)."""
    return (FIXTURES / name).read_bytes()


def sample_json(name: str) -> Any:
    return json.loads(sample(name))


def instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def platform_of(name: str) -> str:
    """The PLATFORM_NORMALIZERS key for a sample path."""
    folder, file = name.split("/", 1)
    if folder == "reviews":
        return "trustpilot" if file.startswith("trustpilot") else "google_reviews"
    return folder
