"""The demo's platform path: X mentions of the demo stream are delivered as X Account
Activity webhooks, signed with the demo secret, exactly as X would deliver them."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

DEMO_CHANNELS_FILE = Path(__file__).with_name("demo") / "channels.yaml"
DEMO_X_BRAND_ID = "1470000000000000001"


def takes_webhook_path(event: dict[str, Any]) -> bool:
    """X posts that start a conversation: their thread is their own id on every path."""
    return (
        event["platform"] == "x"
        and event["kind"] in ("mention", "post")
        and not event.get("parent_id")
    )


def x_delivery(event: dict[str, Any]) -> bytes:
    """An Account Activity API delivery carrying one tweet_create_event."""
    created = datetime.fromisoformat(event["created_at"].replace("Z", "+00:00"))
    author = event["author"]
    tweet = {
        "created_at": created.strftime("%a %b %d %H:%M:%S +0000 %Y"),
        "id_str": event["message_id"],
        "text": event["text"],
        "in_reply_to_status_id_str": None,
        "user": {
            "id_str": author["id"],
            "screen_name": author.get("handle", "").lstrip("@"),
            "name": author.get("name", ""),
            "followers_count": author.get("followers_count", 0),
            "verified": author.get("verified", False),
        },
        "entities": {
            "user_mentions": [
                {
                    "screen_name": event.get("brand_handle", "").lstrip("@"),
                    "id_str": DEMO_X_BRAND_ID,
                }
            ]
        },
        "lang": event.get("lang") or "und",
        "timestamp_ms": str(int(created.timestamp() * 1000)),
    }
    payload = {"for_user_id": DEMO_X_BRAND_ID, "tweet_create_events": [tweet]}
    return json.dumps(payload, ensure_ascii=True).replace("/", "\\/").encode()


@functools.cache
def _demo_secret() -> str:
    # The secret ingest checks against: the first of the demo channels file.
    data = yaml.safe_load(DEMO_CHANNELS_FILE.read_text(encoding="utf-8"))
    return str(data["x"]["consumer_secrets"][0])


def x_signature(body: bytes, secret: str | None = None) -> str:
    digest = hmac.new((secret or _demo_secret()).encode(), body, hashlib.sha256).digest()
    return "sha256=" + base64.b64encode(digest).decode()
