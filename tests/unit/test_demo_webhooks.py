"""The demo's webhook deliveries normalise back to the demo events they were made from."""

from __future__ import annotations

import json
from pathlib import Path

from carerouter.demo_webhooks import DEMO_CHANNELS_FILE, takes_webhook_path, x_delivery, x_signature
from carerouter.ingest.channels import normalize
from carerouter.ingest.channels import signatures as sig
from carerouter.ingest.channels_config import load_channels
from carerouter.ingest.schema import EventIn

STREAM = Path(__file__).resolve().parents[2] / "services" / "carerouter" / "demo" / "stream.jsonl"


class TestDemoWebhooks:
    def test_every_webhook_event_round_trips(self) -> None:
        """Each X mention sent through the webhook path yields the same canonical event."""
        config = load_channels(DEMO_CHANNELS_FILE)
        events = [
            item["event"]
            for item in map(json.loads, STREAM.read_text(encoding="utf-8").splitlines())
            if item["type"] == "event" and takes_webhook_path(item["event"])
        ]
        assert len(events) >= 20
        for event in events:
            body = x_delivery(event)
            sig.verify_x(
                body, x_signature(body), [s.get_secret_value() for s in config.x.consumer_secrets]
            )  # type: ignore[union-attr]
            (got,) = normalize("x", body, config.brand).events
            want = EventIn.model_validate(event)
            assert (got.message_id, got.thread_id, got.text) == (
                want.message_id,
                want.thread_id,
                want.text,
            )
            assert got.author.id == want.author.id and got.created_at == want.created_at
            assert got.event_id == want.event_id
