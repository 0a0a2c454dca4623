"""``carerouter normalize --platform NAME FILE...``: one JSON line per event.

Each file is one delivery body as the platform sends it. Request descriptions (a JSON object
with ``method`` and ``query``/``headers``/``body``, like the handshake samples) are unwrapped:
their ``body`` is normalised, and a GET without a body (a handshake) yields no event.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from carerouter.ingest.channels import PLATFORM_NORMALIZERS, normalize
from carerouter.ingest.channels._build import UNKNOWN_AUTHOR
from carerouter.ingest.channels._time import rfc3339_z
from carerouter.ingest.channels.errors import DeliveryError
from carerouter.ingest.channels.model import BrandConfig
from carerouter.ingest.schema import EventIn

REQUEST_KEYS = frozenset({"query", "path_and_query", "headers", "body", "body_base64", "url"})


def unwrap_request(raw: bytes) -> bytes | None:
    """The body of a request-description file, None for a bodiless request (a handshake),
    or ``raw`` itself when it is not such a description."""
    if not raw.lstrip().startswith(b"{"):
        return raw
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        return raw
    if not (
        isinstance(doc, dict)
        and isinstance(doc.get("method"), str)
        and REQUEST_KEYS.intersection(doc)
    ):
        return raw
    if isinstance(doc.get("body_base64"), str):
        try:
            return base64.b64decode(doc["body_base64"], validate=True)
        except (binascii.Error, ValueError):
            raise DeliveryError("body_base64", "not base64") from None
    body = doc.get("body")
    if body is None:
        return None
    if isinstance(body, str):
        return body.encode("utf-8")
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


def event_record(event: EventIn) -> dict[str, Any]:
    """The printed form of an event (empty strings and unknown authors as null)."""
    return {
        "event_id": event.event_id,
        "platform": event.platform,
        "kind": event.kind,
        "operation": event.operation,
        "direction": event.direction,
        "surface": "private" if event.kind == "dm" else "public",
        "message_id": event.message_id,
        "thread_id": event.thread_id or event.message_id,
        "parent_id": event.parent_id,
        "conversation_key": event.conversation_key,
        "author_id": None if event.author.id == UNKNOWN_AUTHOR else event.author.id,
        "author_handle": event.author.handle or None,
        "author_name": event.author.name or None,
        "followers_count": event.author.followers_count,
        "verified": event.author.verified,
        "brand_handle": event.brand_handle or None,
        "text": event.text,
        "lang": event.lang,
        "rating": event.rating,
        "created_at": rfc3339_z(event.created_at),
        "attachments": list(event.attachments),
    }


def normalize_files(
    platform: str,
    paths: Sequence[Path],
    brand: BrandConfig,
    out: TextIO,
    err: TextIO,
    *,
    received_at: datetime | None = None,
) -> int:
    """Print each file's events to ``out``; ``FILE: field: problem`` to ``err`` for a file
    that cannot be read. Returns 1 if any file failed, 2 for an unknown platform, else 0."""
    if platform not in PLATFORM_NORMALIZERS:
        known = ", ".join(sorted(PLATFORM_NORMALIZERS))
        err.write(f"unknown platform {platform!r} (one of {known})\n")
        return 2
    failed = False
    for path in paths:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            err.write(f"{path}: $: cannot read file: {exc.strerror or exc}\n")
            failed = True
            continue
        try:
            body = unwrap_request(raw)
            if body is None:
                continue
            delivery = normalize(platform, body, brand, received_at=received_at)
        except DeliveryError as exc:
            err.write(f"{path}: {exc.field}: {exc.problem}\n")
            failed = True
            continue
        for event in delivery.events:
            out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
    return 1 if failed else 0
