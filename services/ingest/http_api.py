"""``POST /v1/events``: one JSON event, a JSON array, or ``{"events": [...]}``."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from carerouter.common.kafka import BrokerUnavailable
from carerouter.common.metrics import Metrics
from carerouter.ingest.publisher import InvalidEvents, Publisher, validate

MAX_BATCH = 1000


def _error(status: int, code: str, message: str, **extra: Any) -> web.Response:
    return web.json_response({"error": code, "message": message, **extra}, status=status)


def add_routes(app: web.Application, publisher: Publisher, metrics: Metrics) -> None:
    async def post_events(request: web.Request) -> web.Response:
        if request.content_type != "application/json":
            return _error(415, "unsupported_media_type", "send Content-Type: application/json")
        try:
            body = json.loads(await request.read())
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            return _error(400, "invalid_json", f"request body is not valid JSON: {exc}")
        items = body.get("events") if isinstance(body, dict) and "events" in body else body
        batch = items if isinstance(items, list) else [items]
        if not batch:
            return _error(400, "empty_batch", "no events in the request")
        if len(batch) > MAX_BATCH:
            return _error(413, "batch_too_large", f"at most {MAX_BATCH} events per request")
        metrics.events_in.labels("ingest", "http").inc(len(batch))
        try:
            accepted = await publisher.publish(validate(batch))
        except InvalidEvents as exc:
            metrics.events_failed.labels("ingest", "invalid").inc(len(batch))
            return _error(
                422,
                "invalid_event",
                str(exc),
                problems=[p.as_dict() for p in exc.problems],
            )
        except BrokerUnavailable as exc:
            metrics.events_failed.labels("ingest", "unavailable").inc(len(batch))
            return web.json_response(
                {"error": "unavailable", "message": str(exc)},
                status=503,
                headers={"Retry-After": "1"},
            )
        duplicates = sum(a.duplicate for a in accepted)
        metrics.duplicates.labels("ingest").inc(duplicates)
        metrics.events_out.labels("ingest", "social.events.v1").inc(len(accepted) - duplicates)
        return web.json_response(
            {
                "accepted": [{"event_id": a.event_id, "duplicate": a.duplicate} for a in accepted],
                "produced": len(accepted) - duplicates,
                "duplicates": duplicates,
            },
            status=202,
        )

    app.router.add_post("/v1/events", post_events)
