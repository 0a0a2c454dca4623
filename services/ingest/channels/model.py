"""What a normaliser needs to know about the brand, and what it returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from carerouter.ingest.schema import EventIn, KindName, PlatformName

Operation = Literal["create", "edit", "delete"]
ANY_LANGUAGE = "*"


def _clean_handle(handle: str) -> str:
    return handle.strip().lstrip("@").casefold()


class BrandConfig(BaseModel):
    """The accounts a brand owns and the names it goes by.

    ``account_ids`` and ``handles`` (per platform) decide direction: whatever these accounts
    author is outbound. The subscribed account of a delivery (Meta's ``entry.id``, X's
    ``for_user_id``) counts as owned even when it is not listed here.

    ``names`` maps a language code (``"*"`` for every language) to the brand's names and
    aliases; ``exclusions`` are phrases that contain a name without meaning the brand
    ("Acme Road"). Both serve proactive listening (:func:`mentions_brand`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    account_ids: dict[PlatformName, tuple[str, ...]] = Field(default_factory=dict)
    handles: dict[PlatformName, tuple[str, ...]] = Field(default_factory=dict)
    names: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    exclusions: tuple[str, ...] = ()

    @field_validator("account_ids")
    @classmethod
    def _strip_ids(
        cls, value: dict[PlatformName, tuple[str, ...]]
    ) -> dict[PlatformName, tuple[str, ...]]:
        return {k: tuple(i.strip() for i in ids if i.strip()) for k, ids in value.items()}

    @field_validator("names")
    @classmethod
    def _lower_languages(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        merged: dict[str, tuple[str, ...]] = {}
        for lang, names in value.items():
            key = lang.strip().lower() or ANY_LANGUAGE
            merged[key] = merged.get(key, ()) + tuple(n for n in names if n.strip())
        return merged

    def owns_id(self, platform: PlatformName, account_id: str | None) -> bool:
        return account_id is not None and account_id.strip() in self.account_ids.get(platform, ())

    def owns_handle(self, platform: PlatformName, handle: str | None) -> bool:
        if not handle:
            return False
        wanted = _clean_handle(handle)
        return any(_clean_handle(h) == wanted for h in self.handles.get(platform, ()))

    def handle_for(self, platform: PlatformName) -> str:
        """The brand's first configured handle on a platform, or ""."""
        handles = self.handles.get(platform, ())
        return handles[0].strip() if handles else ""

    def names_for(self, lang: str | None = None) -> tuple[str, ...]:
        """Names for a language (plus the ``"*"`` ones); every name when lang is unknown."""
        if lang is None or lang.strip().lower() in ("", "und"):
            return tuple(n for names in self.names.values() for n in names)
        base = lang.strip().lower().replace("_", "-").split("-", 1)[0]
        picked = self.names.get(ANY_LANGUAGE, ())
        for key, names in self.names.items():
            if key != ANY_LANGUAGE and (
                key == lang.strip().lower() or key.split("-", 1)[0] == base
            ):
                picked += names
        return picked


@dataclass(frozen=True, slots=True)
class PendingFetch:
    """A notification that names content without carrying it (an Instagram mention, a Google
    review notification). The caller fetches ``resource`` (an API path) and normalises the
    result; nothing is routed until then."""

    platform: PlatformName
    kind: KindName
    resource: str
    message_id: str
    thread_id: str | None = None
    parent_id: str | None = None
    operation: Operation = "create"
    notified_at: datetime | None = None


@dataclass(slots=True)
class Delivery:
    """The result of normalising one webhook delivery (or one polled response).

    ``events`` are in time order, each once; ``dropped`` counts what carried no customer
    message (reactions, likes, reads, typing, new videos ...) by type; ``pending`` lists the
    notifications that need a fetch before they become events.
    """

    platform: PlatformName
    events: list[EventIn] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)
    pending: list[PendingFetch] = field(default_factory=list)

    def drop(self, kind: str, count: int = 1) -> None:
        if count > 0:
            self.dropped[kind] = self.dropped.get(kind, 0) + count

    def merge_dropped(self, other: Mapping[str, int]) -> None:
        for kind, count in other.items():
            self.drop(kind, count)
