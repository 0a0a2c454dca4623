"""OutboundConfig and build_senders: record mode, live mode, fallbacks to recording; one
live round trip through both fakes; the retry helpers."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from pydantic import ValidationError

from carerouter.notify.outbound import (
    ALL_PLATFORMS,
    FallbackSender,
    InMemoryIdempotencyStore,
    MetaGraphSender,
    OutboundConfig,
    RecordingSender,
    XSender,
    aiohttp_get,
    aiohttp_post,
    build_senders,
    deliveries,
    send_action,
)
from carerouter.notify.outbound.fakes import FakeMetaGraph, FakeXApi
from carerouter.notify.outbound.http import (
    MAX_RESPONSE_BYTES,
    backoff_ceiling,
    normalise_text,
    parse_retry_after,
    same_text,
    seconds_until,
)
from carerouter.v1 import events_pb2 as pb

META_TOKEN = "EAAG-registry-token"
X_TOKEN = "x-registry-token"


async def never_post(
    url: str, headers: dict[str, str], body: bytes
) -> tuple[int, dict[str, str], bytes]:
    raise AssertionError("record mode must not send")


async def no_sleep(seconds: float) -> None:
    return None


def config(tmp_path: Path, **fields: Any) -> OutboundConfig:
    return OutboundConfig.model_validate({"record_path": tmp_path / "outbound.jsonl", **fields})


def x_action(action_id: str = "case-3/handoff") -> pb.OutboundAction:
    return pb.OutboundAction(
        action_id=action_id,
        case_id="case-3",
        platform=pb.PLATFORM_X,
        conversation_key="x:1790000000000000001",
        messages=[
            pb.OutboundMessage(
                kind=pb.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT,
                surface=pb.SURFACE_PUBLIC,
                reply_to_message_id="1790000000000000001",
                text="Hi Ana, we'll DM you ^RP",
                lang="en",
            ),
            pb.OutboundMessage(
                kind=pb.OUTBOUND_KIND_PRIVATE_MESSAGE,
                surface=pb.SURFACE_PRIVATE,
                recipient_author_id="2244994945",
                text="Hi Ana, could you send us your order number?",
                lang="en",
            ),
        ],
    )


class TestConfig:
    """OutboundConfig validation."""

    def test_defaults_to_record_mode(self, tmp_path: Path) -> None:
        cfg = config(tmp_path)
        assert cfg.mode == "record" and cfg.meta is None and cfg.x is None
        assert cfg.retry.max_attempts == 5

    def test_unknown_fields_are_refused(self, tmp_path: Path) -> None:
        """extra=forbid at every level."""
        with pytest.raises(ValidationError):
            config(tmp_path, sender="live")
        with pytest.raises(ValidationError):
            config(tmp_path, x={"bearer_token": "t", "brand_user_id": "1", "secret": "s"})

    def test_tokens_are_secret(self, tmp_path: Path) -> None:
        """Neither repr nor a JSON dump shows a token."""
        cfg = config(
            tmp_path,
            mode="live",
            meta={"page_access_token": META_TOKEN},
            x={"bearer_token": X_TOKEN, "brand_user_id": "4000001"},
        )
        shown = repr(cfg) + cfg.model_dump_json()
        assert META_TOKEN not in shown and X_TOKEN not in shown

    def test_bad_values_are_refused(self, tmp_path: Path) -> None:
        """Empty token, non-numeric X user id, a non-HTTP api_base, inverted backoff."""
        bad: list[dict[str, Any]] = [
            {"meta": {"page_access_token": ""}},
            {"x": {"bearer_token": "t", "brand_user_id": "@brand"}},
            {"meta": {"page_access_token": "t", "api_base": "graph.facebook.com"}},
            {"retry": {"backoff_initial_s": 10, "backoff_max_s": 1}},
            {"mode": "dry-run"},
        ]
        for fields in bad:
            with pytest.raises(ValidationError):
                config(tmp_path, **fields)

    def test_frozen(self, tmp_path: Path) -> None:
        cfg = config(tmp_path)
        with pytest.raises(ValidationError):
            cfg.mode = "live"  # type: ignore[misc]


class TestBuildSenders:
    """Which sender each platform gets."""

    def test_record_mode_records_every_platform_with_one_sender(self, tmp_path: Path) -> None:
        """Even with credentials present, record mode sends nothing."""
        cfg = config(tmp_path, meta={"page_access_token": META_TOKEN})
        senders = build_senders(cfg, never_post, InMemoryIdempotencyStore())
        assert set(senders) == set(ALL_PLATFORMS)
        assert {id(s) for s in senders.values()} == {id(senders.recording)}
        assert isinstance(senders.recording, RecordingSender)
        assert senders.mode == "record" and senders.fallbacks == {}

    def test_live_mode_uses_the_configured_platforms(self, tmp_path: Path) -> None:
        """Meta serves facebook and instagram, X serves x; the rest record with a reason."""
        cfg = config(
            tmp_path,
            mode="live",
            meta={"page_access_token": META_TOKEN},
            x={"bearer_token": X_TOKEN, "brand_user_id": "4000001"},
        )
        senders = build_senders(cfg, never_post, InMemoryIdempotencyStore())
        assert isinstance(senders["facebook"], MetaGraphSender)
        assert senders["facebook"] is senders["instagram"]
        assert isinstance(senders["x"], XSender)
        assert set(senders.fallbacks) == {"youtube", "trustpilot", "google_reviews"}
        assert all(isinstance(senders[p], FallbackSender) for p in senders.fallbacks)

    async def test_live_mode_without_credentials_records_with_a_warning(
        self, tmp_path: Path
    ) -> None:
        """No x credentials: x deliveries are recorded and each result says so."""
        cfg = config(tmp_path, mode="live", meta={"page_access_token": META_TOKEN})
        senders = build_senders(cfg, never_post, InMemoryIdempotencyStore())
        assert "x" in senders.fallbacks and "credentials" in senders.fallbacks["x"]
        results = await send_action(x_action(), senders)
        assert [r.status for r in results] == ["sent", "sent"]
        assert all(r.warning and "recorded, not sent" in r.warning for r in results)
        recorded = [
            json.loads(line) for line in (tmp_path / "outbound.jsonl").read_text().splitlines()
        ]
        assert [r["delivery_id"] for r in recorded] == ["case-3/handoff/0", "case-3/handoff/1"]

    async def test_record_mode_results_carry_no_warning(self, tmp_path: Path) -> None:
        senders = build_senders(config(tmp_path), never_post, InMemoryIdempotencyStore())
        results = await send_action(x_action(), senders)
        assert [r.warning for r in results] == [None, None]


@pytest.fixture
async def fakes() -> AsyncIterator[tuple[FakeMetaGraph, FakeXApi]]:
    async with FakeMetaGraph(token=META_TOKEN) as graph, FakeXApi(token=X_TOKEN) as x:
        yield graph, x


class TestLiveRoundTrip:
    """build_senders in live mode against both fakes, through the aiohttp adapters."""

    async def test_actions_reach_both_platforms_once(
        self, tmp_path: Path, fakes: tuple[FakeMetaGraph, FakeXApi]
    ) -> None:
        """An X handoff (reply + DM) and a Facebook acknowledgement are sent; repeating
        them sends nothing more (shared idempotency store)."""
        graph, x = fakes
        cfg = config(
            tmp_path,
            mode="live",
            meta={"page_access_token": META_TOKEN, "api_base": graph.api_base},
            x={"bearer_token": X_TOKEN, "brand_user_id": x.brand_user_id, "api_base": x.api_base},
        )
        fb_action = pb.OutboundAction(
            action_id="case-4/auto-ack",
            case_id="case-4",
            platform=pb.PLATFORM_FACEBOOK,
            messages=[
                pb.OutboundMessage(
                    kind=pb.OUTBOUND_KIND_PUBLIC_ACKNOWLEDGEMENT,
                    reply_to_message_id="1000001_2000009",
                    text="Thanks, looking into it ^RP",
                )
            ],
        )
        store = InMemoryIdempotencyStore()
        async with aiohttp.ClientSession() as session:
            senders = build_senders(
                cfg, aiohttp_post(session), store, get=aiohttp_get(session), sleep=no_sleep
            )
            first = await send_action(x_action(), senders) + await send_action(fb_action, senders)
            again = await send_action(x_action(), senders) + await send_action(fb_action, senders)
        assert [r.status for r in first] == ["sent", "sent", "sent"]
        assert [r.status for r in again] == ["duplicate", "duplicate", "duplicate"]
        assert len(x.tweets) == 1 and len(x.dms) == 1
        assert len(graph.brand_replies("1000001_2000009")) == 1
        assert len(store) == 3
        assert not (tmp_path / "outbound.jsonl").exists()
        assert [d.delivery_id for d in deliveries(x_action())] == [r.delivery_id for r in first[:2]]


class TestHelpers:
    """Retry-After parsing, backoff ceilings and the text comparison."""

    def test_retry_after_in_seconds_or_as_a_date(self) -> None:
        now = 1_790_000_000.0
        assert parse_retry_after("3", now) == 3.0
        assert parse_retry_after(" 1.5 ", now) == 1.5
        assert parse_retry_after("-4", now) == 0.0
        assert parse_retry_after("Thu, 01 Jan 2026 00:00:10 GMT", 1_767_225_600.0) == 10.0
        for unreadable in (None, "", "soon", "nan", "inf"):
            assert parse_retry_after(unreadable, now) is None

    def test_seconds_until_an_epoch_header(self) -> None:
        assert seconds_until("1790000007", 1_790_000_000.0) == 7.0
        assert seconds_until("1789999990", 1_790_000_000.0) == 0.0
        assert seconds_until("tomorrow", 1_790_000_000.0) is None
        assert seconds_until(None, 1_790_000_000.0) is None

    def test_backoff_ceiling_doubles_up_to_the_cap(self) -> None:
        assert [backoff_ceiling(n, 1.0, 10.0) for n in range(1, 6)] == [1, 2, 4, 8, 10]
        assert backoff_ceiling(500, 1.0, 10.0) == 10.0
        assert backoff_ceiling(3, 0.0, 10.0) == 0.0

    def test_text_comparison_tolerates_what_x_does_to_a_reply(self) -> None:
        """HTML escaping, an @mention prefix, shortened links and spacing do not matter;
        the words do."""
        ours = "Sorry Ana & thanks <3 see https://help.example.com/orders  ^RP"
        shown = "@ana_b @brand Sorry Ana &amp; thanks &lt;3 see https://t.co/AbC123 ^RP"
        assert same_text(shown, ours)
        assert not same_text(shown.replace("Sorry", "sorry"), ours)
        assert not same_text("@ana_b Thanks ^RP", "Thanks ^JD")
        assert normalise_text("  a\n b ") == "a b"


class TestAdapters:
    """aiohttp_post / aiohttp_get against a real local server."""

    async def test_bodies_are_read_whole_up_to_the_cap_and_headers_lower_cased(self) -> None:
        """A 200 KiB answer arrives complete; a 3 MiB one is cut at 1 MiB; redirects are
        not followed."""

        async def big(request: web.Request) -> web.Response:
            size = int(request.query.get("size", "0"))
            return web.Response(body=b"a" * size, headers={"X-Rate-Limit-Reset": "7"})

        async def echo(request: web.Request) -> web.Response:
            return web.Response(status=201, body=await request.read())

        async def moved(request: web.Request) -> web.Response:
            return web.Response(status=302, headers={"Location": "/big"})

        app = web.Application()
        app.router.add_get("/big", big)
        app.router.add_post("/echo", echo)
        app.router.add_post("/moved", moved)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        base = f"http://{host}:{port}"
        try:
            async with aiohttp.ClientSession() as session:
                get, post = aiohttp_get(session), aiohttp_post(session)
                status, headers, body = await get(f"{base}/big?size={200 * 1024}", {})
                assert status == 200 and len(body) == 200 * 1024
                assert headers["x-rate-limit-reset"] == "7"
                _, _, body = await get(f"{base}/big?size={3 * MAX_RESPONSE_BYTES}", {})
                assert len(body) == MAX_RESPONSE_BYTES
                assert (await post(f"{base}/echo", {}, b"hello"))[::2] == (201, b"hello")
                assert (await post(f"{base}/moved", {}, b""))[0] == 302
        finally:
            await runner.cleanup()
