"""MetaGraphSender against a local fake of the Graph API (a real aiohttp server on
127.0.0.1): requests, retries, dead letters, and no duplicate public reply after an
ambiguous attempt."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import aiohttp
import pytest
from structlog.testing import capture_logs

from carerouter.notify.outbound import (
    GetFn,
    InMemoryIdempotencyStore,
    MetaGraphSender,
    OutboundDelivery,
    PostFn,
    aiohttp_get,
    aiohttp_post,
)
from carerouter.notify.outbound.fakes import (
    Answer,
    CommitThenFail,
    CommitThenStall,
    FakeMetaGraph,
    Stall,
)

TOKEN = "EAAG-page-token-0123456789"
POST_ID = "1000001_2000001"
COMMENT_ID = "1000001_2000001_3000001"
TIMEOUT_S = 2.0
STALL_TIMEOUT_S = 0.15  # tests whose fake stalls: the client gives up this soon


@dataclass
class FakeSleep:
    """Records the waits asked for and returns at once."""

    delays: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@dataclass
class Http:
    post: PostFn
    get: GetFn


@pytest.fixture
async def http() -> AsyncIterator[Http]:
    async with aiohttp.ClientSession() as session:
        yield Http(aiohttp_post(session), aiohttp_get(session))


@pytest.fixture
async def graph() -> AsyncIterator[FakeMetaGraph]:
    async with FakeMetaGraph(token=TOKEN) as fake:
        yield fake


def delivery(
    *,
    platform: str = "facebook",
    index: int = 0,
    surface: str = "public",
    reply_to: str = COMMENT_ID,
    recipient: str = "",
    text: str = "Hi Ana, sorry about the delay, we're on it ^RP",
) -> OutboundDelivery:
    kind = "private_message" if surface == "private" else "public_acknowledgement"
    return OutboundDelivery(
        delivery_id=f"case-1/handoff/{index}",
        action_id="case-1/handoff",
        index=index,
        case_id="case-1",
        platform=platform,
        conversation_key=f"{platform}:{POST_ID}",
        kind=kind,  # type: ignore[arg-type]
        surface=surface,  # type: ignore[arg-type]
        reply_to_message_id=reply_to,
        recipient_author_id=recipient,
        text=text,
        lang="en",
    )


def sender(
    graph: FakeMetaGraph,
    http: Http,
    sleep: FakeSleep,
    *,
    store: InMemoryIdempotencyStore | None = None,
    with_get: bool = True,
    **options: Any,
) -> MetaGraphSender:
    settings: dict[str, Any] = {
        "max_attempts": 4,
        "timeout_s": TIMEOUT_S,
        "settle_s": 5.0,
        "page_id": graph.page_id,
        "instagram_account_id": graph.instagram_account_id,
    }
    settings.update(options)
    return MetaGraphSender(
        TOKEN,
        http.post,
        api_base=graph.api_base,
        get=http.get if with_get else None,
        store=store if store is not None else InMemoryIdempotencyStore(),
        sleep=sleep,
        **settings,
    )


class TestRequests:
    """What goes over the wire for each kind of delivery."""

    async def test_public_reply_posts_a_comment_with_the_token_in_the_header_only(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """POST /{comment}/comments, form field message, Authorization: Bearer; the token
        appears in no URL, query or body."""
        store = InMemoryIdempotencyStore()
        result = await sender(graph, http, FakeSleep(), store=store).send(delivery())
        assert result.status == "sent" and result.attempts == 1
        [reply] = graph.brand_replies(COMMENT_ID)
        assert result.platform_message_id == reply["id"]
        assert store.get("case-1/handoff/0") == reply["id"]
        [seen] = graph.posts()
        assert seen.path == f"/v19.0/{COMMENT_ID}/comments"
        assert parse_qs(seen.body.decode()) == {"message": [delivery().text]}
        assert seen.headers["Authorization"] == f"Bearer {TOKEN}"
        assert seen.query == {}
        assert TOKEN not in seen.body.decode()

    async def test_private_message_uses_the_send_api_with_the_recipient_id(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """POST /me/messages, messaging_type RESPONSE, recipient.id, message.text."""
        message = delivery(index=1, surface="private", reply_to="", recipient="6100001")
        result = await sender(graph, http, FakeSleep()).send(message)
        assert result.status == "sent" and result.platform_message_id is not None
        assert result.platform_message_id.startswith("m_")
        [seen] = graph.posts()
        assert seen.path == "/v19.0/me/messages"
        assert json.loads(seen.body) == {
            "recipient": {"id": "6100001"},
            "messaging_type": "RESPONSE",
            "message": {"text": message.text},
        }

    async def test_private_reply_to_a_comment_addresses_the_comment(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """A private message with a reply_to and no recipient is a private reply:
        recipient.comment_id."""
        message = delivery(index=1, surface="private", reply_to=COMMENT_ID, recipient="")
        result = await sender(graph, http, FakeSleep()).send(message)
        assert result.status == "sent"
        assert graph.messages[0]["recipient"] == {"comment_id": COMMENT_ID}

    async def test_instagram_public_reply_goes_to_the_replies_edge(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """Instagram: POST /{ig-comment-id}/replies."""
        result = await sender(graph, http, FakeSleep()).send(
            delivery(platform="instagram", reply_to="17890001")
        )
        assert result.status == "sent"
        assert [r.path for r in graph.posts()] == ["/v19.0/17890001/replies"]
        assert len(graph.brand_replies("17890001")) == 1

    async def test_a_public_reply_with_nothing_to_reply_to_is_dead_lettered_unsent(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """No reply_to on a public message: dead letter, no request at all."""
        result = await sender(graph, http, FakeSleep()).send(delivery(reply_to=""))
        assert result.status == "dead_lettered" and result.attempts == 0
        assert "reply_to" in result.reason
        assert graph.requests == []

    async def test_a_wrong_token_is_a_final_answer_with_metas_message(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """401 (code 190) is not retried."""
        sleep = FakeSleep()
        wrong = MetaGraphSender("EAAG-wrong", http.post, api_base=graph.api_base, sleep=sleep)
        result = await wrong.send(delivery())
        assert result.status == "dead_lettered" and result.attempts == 1
        assert "Invalid OAuth access token." in result.reason and "190" in result.reason
        assert sleep.delays == []


class TestRetries:
    """Rate limits, server errors and final errors."""

    async def test_429_with_retry_after_is_honoured_then_sent(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """The wait is the Retry-After value; the second POST succeeds."""
        graph.script.append(Answer(429, {"error": {"message": "slow down"}}, {"Retry-After": "3"}))
        sleep = FakeSleep()
        result = await sender(graph, http, sleep).send(delivery())
        assert result.status == "sent" and result.attempts == 2
        assert sleep.delays == [3.0]
        assert len(graph.posts()) == 2 and len(graph.brand_replies(COMMENT_ID)) == 1
        assert graph.gets() == []  # a 429 posted nothing: no need to look

    async def test_graph_throttling_code_waits_for_the_business_use_case_estimate(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """A 400 with code 80001 (Page rate limit) is a rate limit: the wait comes from
        X-Business-Use-Case-Usage (minutes)."""
        usage = json.dumps({"1000001": [{"type": "pages", "estimated_time_to_regain_access": 2}]})
        graph.script.append(
            Answer(
                400,
                {"error": {"message": "There have been too many calls", "code": 80001}},
                {"X-Business-Use-Case-Usage": usage},
            )
        )
        sleep = FakeSleep()
        result = await sender(graph, http, sleep).send(delivery())
        assert result.status == "sent" and sleep.delays == [120.0]

    async def test_500_then_success_looks_before_posting_again(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """A 5xx may come after the comment was created: the sender waits settle_s, looks
        (GET comments, nothing there), then posts again; one reply in the end."""
        graph.script.append(Answer(500, {"error": {"message": "An unexpected error"}}))
        sleep = FakeSleep()
        result = await sender(graph, http, sleep).send(delivery())
        assert result.status == "sent" and result.attempts == 2
        assert len(sleep.delays) == 1 and sleep.delays[0] >= 5.0
        [look] = graph.gets()
        assert look.path == f"/v19.0/{COMMENT_ID}/comments"
        assert look.query["filter"] == "stream" and look.query["fields"] == "id,message,from"
        assert look.query["limit"] == "50"
        assert len(graph.brand_replies(COMMENT_ID)) == 1

    async def test_500_on_a_private_message_is_retried_without_looking(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """Private messages are retried directly (no listing exists to look in)."""
        graph.script.append(Answer(500))
        message = delivery(index=1, surface="private", reply_to="", recipient="6100001")
        result = await sender(graph, http, FakeSleep()).send(message)
        assert result.status == "sent" and graph.gets() == []
        assert len(graph.messages) == 1

    async def test_400_is_not_retried_and_dead_letters_with_the_platform_message(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """A plain 4xx is final: one POST, Meta's error.message in the reason."""
        graph.script.append(
            Answer(400, {"error": {"message": "(#100) Invalid parameter", "code": 100}})
        )
        sleep = FakeSleep()
        result = await sender(graph, http, sleep).send(delivery())
        assert result.status == "dead_lettered" and result.attempts == 1
        assert result.reason == "HTTP 400: (#100) Invalid parameter (code 100)"
        assert len(graph.posts()) == 1 and sleep.delays == []

    async def test_always_503_dead_letters_after_exactly_max_attempts_posts(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """Four attempts allowed: four POSTs, then a dead letter naming the last answer;
        nothing was ever created."""
        graph.script.extend(
            Answer(503, {"error": {"message": "Service unavailable"}}) for _ in range(10)
        )
        result = await sender(graph, http, FakeSleep(), max_attempts=4).send(delivery())
        assert result.status == "dead_lettered" and result.attempts == 4
        assert len(graph.posts()) == 4
        assert "HTTP 503: Service unavailable" in result.reason
        assert graph.brand_replies(COMMENT_ID) == []

    async def test_backoff_grows_exponentially_with_jitter_within_bounds(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """Without Retry-After, the n-th wait lies in [c/2, c] with c = initial * 2**(n-1)
        (private messages: no settle_s floor)."""
        graph.script.extend(Answer(503) for _ in range(3))
        sleep = FakeSleep()
        message = delivery(index=1, surface="private", reply_to="", recipient="6100001")
        result = await sender(graph, http, sleep, backoff_initial_s=1.0, backoff_max_s=3.0).send(
            message
        )
        assert result.status == "sent" and result.attempts == 4
        for delay, ceiling in zip(sleep.delays, [1.0, 2.0, 3.0], strict=True):
            assert ceiling / 2 <= delay <= ceiling

    async def test_a_wait_longer_than_allowed_dead_letters_at_once(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """Retry-After beyond max_retry_after_s: no point holding the partition."""
        graph.script.append(Answer(429, {}, {"Retry-After": "3600"}))
        sleep = FakeSleep()
        result = await sender(graph, http, sleep, max_retry_after_s=900.0).send(delivery())
        assert result.status == "dead_lettered" and result.attempts == 1
        assert "3600" in result.reason and sleep.delays == []


class TestNoDuplicatePublicReply:
    """Ambiguous attempts (the request may have reached Meta) never end in two replies."""

    async def test_timeout_after_commit_is_recognised_and_not_reposted(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """The fake stores the reply, then stalls past the client timeout; the sender
        finds the reply by the Page with the same text, records it, answers duplicate."""
        graph.script.append(CommitThenStall(seconds=3.0))
        store = InMemoryIdempotencyStore()
        result = await sender(
            graph, http, FakeSleep(), store=store, timeout_s=STALL_TIMEOUT_S
        ).send(delivery())
        [reply] = graph.brand_replies(COMMENT_ID)
        assert result.status == "duplicate" and result.attempts == 1
        assert result.platform_message_id == reply["id"]
        assert store.get("case-1/handoff/0") == reply["id"]
        assert len(graph.posts()) == 1

    async def test_timeout_before_commit_is_posted_once_after_looking(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """The fake stalls without storing: the look finds nothing, the sender posts again."""
        graph.script.append(Stall(seconds=3.0))
        result = await sender(graph, http, FakeSleep(), timeout_s=STALL_TIMEOUT_S).send(delivery())
        assert result.status == "sent" and result.attempts == 2
        assert len(graph.brand_replies(COMMENT_ID)) == 1 and len(graph.gets()) == 1

    async def test_5xx_after_commit_is_recognised(self, graph: FakeMetaGraph, http: Http) -> None:
        """Stored, then answered 503: found on the look, not posted again."""
        graph.script.append(CommitThenFail(503))
        result = await sender(graph, http, FakeSleep()).send(delivery())
        assert result.status == "duplicate" and len(graph.brand_replies(COMMENT_ID)) == 1

    async def test_someone_elses_identical_comment_does_not_count(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """Only a reply from the Page matches; a customer's comment with the same text
        does not stop the post."""
        graph.comments[COMMENT_ID] = [
            {"id": "c-1", "message": delivery().text, "from": {"id": "999", "name": "Copycat"}}
        ]
        graph.script.append(Stall(seconds=3.0))
        result = await sender(graph, http, FakeSleep(), timeout_s=STALL_TIMEOUT_S).send(delivery())
        assert result.status == "sent" and len(graph.brand_replies(COMMENT_ID)) == 1

    async def test_a_failed_look_is_never_followed_by_a_post(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """Timeout, then the look fails (500): the sender looks again before posting."""
        graph.script.append(Stall(seconds=3.0))
        graph.get_script.append(Answer(500, {"error": {"message": "listing failed"}}))
        result = await sender(graph, http, FakeSleep(), timeout_s=STALL_TIMEOUT_S).send(delivery())
        assert result.status == "sent"
        methods = [r.method for r in graph.requests]
        assert methods == ["POST", "GET", "GET", "POST"]
        assert len(graph.brand_replies(COMMENT_ID)) == 1

    async def test_without_a_get_transport_an_ambiguous_reply_is_dead_lettered(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """Cannot look, so it does not post again: a dead letter instead of a risk."""
        graph.script.append(CommitThenStall(seconds=3.0))
        result = await sender(
            graph, http, FakeSleep(), with_get=False, timeout_s=STALL_TIMEOUT_S
        ).send(delivery())
        assert result.status == "dead_lettered" and result.attempts == 1
        assert "may have been posted" in result.reason
        assert len(graph.posts()) == 1 and len(graph.brand_replies(COMMENT_ID)) == 1

    async def test_the_page_id_is_looked_up_once_when_not_configured(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """GET /me gives the Page id used to recognise the brand's own reply."""
        graph.script.append(CommitThenStall(seconds=3.0))
        meta = sender(graph, http, FakeSleep(), page_id=None, timeout_s=STALL_TIMEOUT_S)
        assert meta.page_id is None
        result = await meta.send(delivery())
        assert result.status == "duplicate" and meta.page_id == graph.page_id
        assert graph.gets()[0].path == "/v19.0/me"

    async def test_instagram_reply_to_a_reply_is_found_under_the_top_level_comment(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """Instagram files a reply to a reply under the top-level comment; the look
        follows parent_id there."""
        graph.instagram_parents["17890002"] = "17890001"
        graph.script.append(CommitThenStall(seconds=3.0))
        result = await sender(graph, http, FakeSleep(), timeout_s=STALL_TIMEOUT_S).send(
            delivery(platform="instagram", reply_to="17890002")
        )
        assert result.status == "duplicate"
        assert len(graph.brand_replies("17890001")) == 1 and len(graph.posts()) == 1

    async def test_a_repeated_delivery_is_not_sent_again(
        self, graph: FakeMetaGraph, http: Http
    ) -> None:
        """The idempotency store answers the second call: duplicate, no request."""
        meta = sender(graph, http, FakeSleep())
        first = await meta.send(delivery())
        count = len(graph.requests)
        second = await meta.send(delivery())
        assert second.status == "duplicate" and second.attempts == 0
        assert second.platform_message_id == first.platform_message_id
        assert len(graph.requests) == count


class TestSecrets:
    """The access token stays out of logs and reprs."""

    async def test_token_is_not_logged_or_shown(self, graph: FakeMetaGraph, http: Http) -> None:
        """Failures and successes are logged without the token."""
        graph.script.append(Answer(400, {"error": {"message": "bad", "code": 100}}))
        meta = sender(graph, http, FakeSleep())
        with capture_logs() as logs:
            await meta.send(delivery())
            await meta.send(delivery(index=2))
        assert logs and TOKEN not in repr(logs)
        assert TOKEN not in repr(meta)
