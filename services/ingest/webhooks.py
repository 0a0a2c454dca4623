"""Platform webhook endpoints on ingest: handshake, authenticate the raw bytes, then
normalise and publish. Answers 200 only after every event of a delivery is on Kafka;
a delivery that fails any check never reaches a topic."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from aiohttp import web

from carerouter.common import topics
from carerouter.common.kafka import BrokerUnavailable
from carerouter.common.metrics import Metrics
from carerouter.ingest.channels import DeliveryError, SignatureError, UnknownTopic, normalize
from carerouter.ingest.channels import signatures as sig
from carerouter.ingest.channels_config import ChannelsConfig, secrets
from carerouter.ingest.publisher import InvalidEvents, Publisher

# Raises SignatureError unless the delivery is authentic: (raw body, headers, path match).
Verify = Callable[[bytes, Mapping[str, str], Mapping[str, str]], None]


class WebhookRoutes:
    def __init__(self, config: ChannelsConfig, publisher: Publisher, metrics: Metrics) -> None:
        self.config = config
        self.publisher = publisher
        self.metrics = metrics

    def _reject(self, platform: str, status: int, reason: str) -> web.Response:
        self.metrics.webhooks.labels(platform, f"rejected_{status}").inc()
        return web.json_response({"error": reason}, status=status)

    async def receive(self, request: web.Request, platform: str, verify: Verify) -> web.Response:
        limit = self.config.max_body_bytes
        if request.content_length is not None and request.content_length > limit:
            return self._reject(platform, 413, "body too large")
        raw = await request.content.read(limit + 1)
        if len(raw) > limit:
            return self._reject(platform, 413, "body too large")
        try:
            verify(raw, request.headers, request.match_info)
        except SignatureError as exc:
            return self._reject(platform, 401, f"authentication failed: {exc}")
        try:
            delivery = normalize(platform, raw, self.config.brand)
        except DeliveryError as exc:
            return self._reject(platform, 400, f"unreadable delivery: {exc}")
        for kind, count in delivery.dropped.items():
            self.metrics.webhook_dropped.labels(platform, kind).inc(count)
        try:
            accepted = await self.publisher.publish(delivery.events) if delivery.events else []
        except InvalidEvents as exc:
            return self._reject(platform, 400, f"invalid event: {exc}")
        except BrokerUnavailable:
            self.metrics.webhooks.labels(platform, "unavailable").inc()
            # 503 makes the platform retry; a retry's events are dropped by event id.
            return web.json_response({"error": "unavailable"}, status=503)
        self.metrics.webhooks.labels(platform, "accepted").inc()
        produced = sum(not a.duplicate for a in accepted)
        self.metrics.events_out.labels("ingest", topics.SOCIAL_EVENTS).inc(produced)
        return web.json_response(
            {"events": len(accepted), "produced": produced, "dropped": delivery.dropped}
        )

    # -- Meta: Facebook Page feed, Messenger, Instagram --------------------------------

    async def meta_handshake(self, request: web.Request) -> web.Response:
        assert self.config.meta is not None
        token = self.config.meta.verify_token.get_secret_value()
        try:
            return web.Response(text=sig.meta_verify_challenge(request.query, token))
        except SignatureError as exc:
            return self._reject("meta", 403, str(exc))

    async def meta(self, request: web.Request) -> web.Response:
        assert self.config.meta is not None
        keys = secrets(self.config.meta.app_secrets)

        def verify(raw: bytes, headers: Mapping[str, str], _match: Mapping[str, str]) -> None:
            sig.verify_meta(raw, headers.get("X-Hub-Signature-256"), keys)

        return await self.receive(request, "meta", verify)

    # -- X Account Activity / X Activity API -------------------------------------------

    async def x_handshake(self, request: web.Request) -> web.Response:
        assert self.config.x is not None
        token = request.query.get("crc_token")
        if not token:
            return self._reject("x", 400, "missing crc_token")
        return web.json_response(
            sig.x_crc_response(token, secrets(self.config.x.consumer_secrets)[0])
        )

    async def x(self, request: web.Request) -> web.Response:
        assert self.config.x is not None
        keys = secrets(self.config.x.consumer_secrets)

        def verify(raw: bytes, headers: Mapping[str, str], _match: Mapping[str, str]) -> None:
            sig.verify_x(raw, headers.get("x-twitter-webhooks-signature"), keys)

        return await self.receive(request, "x", verify)

    # -- YouTube WebSub -----------------------------------------------------------------

    async def youtube_handshake(self, request: web.Request) -> web.Response:
        assert self.config.youtube is not None
        try:
            return web.Response(
                text=sig.websub_challenge(request.query, self.config.youtube.topics)
            )
        except UnknownTopic as exc:
            return self._reject("youtube", 404, str(exc))
        except SignatureError as exc:
            return self._reject("youtube", 400, str(exc))

    async def youtube(self, request: web.Request) -> web.Response:
        assert self.config.youtube is not None
        keys = secrets(self.config.youtube.hub_secrets)

        def verify(raw: bytes, headers: Mapping[str, str], _match: Mapping[str, str]) -> None:
            # WebSub signs only when the subscription set a secret.
            if keys:
                sig.verify_youtube(raw, headers.get("X-Hub-Signature"), keys)

        return await self.receive(request, "youtube", verify)

    # -- Review sites -------------------------------------------------------------------

    async def trustpilot(self, request: web.Request) -> web.Response:
        assert self.config.trustpilot is not None
        tokens = secrets(self.config.trustpilot.path_tokens)

        def verify(_raw: bytes, _headers: Mapping[str, str], match: Mapping[str, str]) -> None:
            sig.verify_trustpilot_token(match.get("token"), tokens)

        return await self.receive(request, "trustpilot", verify)

    async def google(self, request: web.Request) -> web.Response:
        google = self.config.google
        assert google is not None
        keys = google.keys()

        def verify(_raw: bytes, headers: Mapping[str, str], _match: Mapping[str, str]) -> None:
            sig.verify_google_oidc(
                headers.get("Authorization"),
                audience=google.audience,
                keys=keys,
                email=google.service_account_email,
            )

        return await self.receive(request, "google", verify)


def add_routes(
    app: web.Application, config: ChannelsConfig, publisher: Publisher, metrics: Metrics
) -> list[str]:
    """One endpoint per configured platform; returns their paths."""
    routes = WebhookRoutes(config, publisher, metrics)
    paths: list[str] = []
    if config.meta is not None:
        app.router.add_get("/v1/webhooks/meta", routes.meta_handshake)
        app.router.add_post("/v1/webhooks/meta", routes.meta)
        paths.append("/v1/webhooks/meta")
    if config.x is not None:
        app.router.add_get("/v1/webhooks/x", routes.x_handshake)
        app.router.add_post("/v1/webhooks/x", routes.x)
        paths.append("/v1/webhooks/x")
    if config.youtube is not None:
        app.router.add_get("/v1/webhooks/youtube", routes.youtube_handshake)
        app.router.add_post("/v1/webhooks/youtube", routes.youtube)
        paths.append("/v1/webhooks/youtube")
    if config.trustpilot is not None:
        app.router.add_post("/v1/webhooks/trustpilot/{token}", routes.trustpilot)
        paths.append("/v1/webhooks/trustpilot/{token}")
    if config.google is not None:
        app.router.add_post("/v1/webhooks/google", routes.google)
        paths.append("/v1/webhooks/google")
    return paths
