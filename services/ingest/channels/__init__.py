"""Channel adapters: platform webhooks and polled responses to ingest's ``EventIn``.

Pure and transport-free: the HTTP layer verifies the raw bytes (:mod:`.signatures`), then
hands the same bytes to :func:`normalize`, which returns a :class:`Delivery` (events, what
was dropped by type, what must be fetched first) or raises :class:`DeliveryError`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from carerouter.ingest.channels import google, meta, trustpilot, x, youtube
from carerouter.ingest.channels._build import UNKNOWN_AUTHOR
from carerouter.ingest.channels.errors import (
    ChannelError,
    DeliveryError,
    SignatureError,
    UnknownTopic,
)
from carerouter.ingest.channels.listening import mentions_brand
from carerouter.ingest.channels.model import BrandConfig, Delivery, PendingFetch


class Normalizer(Protocol):
    def __call__(
        self, raw: bytes, *, brand: BrandConfig, received_at: datetime | None = None
    ) -> Delivery: ...


# Keyed by the CLI's --platform names; "facebook" and "instagram" are both Meta deliveries
# (the body's "object" tells which), "google" is short for "google_reviews".
PLATFORM_NORMALIZERS: dict[str, Normalizer] = {
    "meta": meta.normalize,
    "facebook": meta.normalize,
    "instagram": meta.normalize,
    "x": x.normalize,
    "youtube": youtube.normalize,
    "trustpilot": trustpilot.normalize,
    "google_reviews": google.normalize,
    "google": google.normalize,
}


def normalize(
    platform: str, raw: bytes, brand: BrandConfig, *, received_at: datetime | None = None
) -> Delivery:
    """Normalise one delivery (its exact bytes) of ``platform`` (a PLATFORM_NORMALIZERS key).

    Raises ValueError for an unknown platform name (a configuration error, not a bad
    delivery) and DeliveryError for a body that cannot be read.
    """
    normalizer: Callable[..., Delivery] | None = PLATFORM_NORMALIZERS.get(platform)
    if normalizer is None:
        known = ", ".join(sorted(PLATFORM_NORMALIZERS))
        raise ValueError(f"unknown platform {platform!r} (one of {known})")
    return normalizer(raw, brand=brand, received_at=received_at)


__all__ = [
    "PLATFORM_NORMALIZERS",
    "UNKNOWN_AUTHOR",
    "BrandConfig",
    "ChannelError",
    "Delivery",
    "DeliveryError",
    "Normalizer",
    "PendingFetch",
    "SignatureError",
    "UnknownTopic",
    "mentions_brand",
    "normalize",
]
