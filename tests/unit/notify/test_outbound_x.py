"""XSender against a local fake of the X API v2 (a real aiohttp server on 127.0.0.1):
replies and DMs, rate limits (Retry-After, x-rate-limit-reset, the 24-hour cap), server
errors, dead letters, and no duplicate public reply after an ambiguous attempt."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from structlog.testing import capture_logs

from carerouter.notify.outbound import (
    GetFn,
    InMemoryIdempotencyStore,
    OutboundDelivery,
    PostFn,
    XSender,
    aiohttp_get,
    aiohttp_post,
)
from carerouter.notify.outbound.fakes import (
    Answer,
    CommitThenFail,
    CommitThenStall,
    FakeXApi,
    Stall,
)

TOKEN = "x-user-token-abcdef0123456789"
BRAND = "4000001"
TWEET = "1790000000000000001"
CUSTOMER = "2244994945"
T0 = 1_790_000_000.0
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
async def api() -> AsyncIterator[FakeXApi]:
    async with FakeXApi(token=TOKEN, brand_user_id=BRAND) as fake:
        yield fake


def delivery(
    *,
    index: int = 0,
    surface: str = "public",
    reply_to: str = TWEET,
    recipient: str = "",
    text: str = "Hi Ana, sorry about that & thanks for your patience ^RP",
) -> OutboundDelivery:
    kind = "private_message" if surface == "private" else "public_acknowledgement"
    return OutboundDelivery(
        delivery_id=f"case-7/handoff/{index}",
        action_id="case-7/handoff",
        index=index,
        case_id="case-7",
        platform="x",
        conversation_key=f"x:{TWEET}",
        kind=kind,  # type: ignore[arg-type]
        surface=surface,  # type: ignore[arg-type]
        reply_to_message_id=reply_to,
        recipient_author_id=recipient,
        text=text,
        lang="en",
    )


def sender(
    api: FakeXApi,
    http: Http,
    sleep: FakeSleep,
    *,
    store: InMemoryIdempotencyStore | None = None,
    **options: Any,
) -> XSender:
    settings: dict[str, Any] = {
        "max_attempts": 4,
        "timeout_s": TIMEOUT_S,
        "settle_s": 5.0,
        "brand_user_id": BRAND,
    }
    settings.update(options)
    return XSender(
        TOKEN,
        http.post,
        api_base=api.api_base,
        get=http.get,
        store=store if store is not None else InMemoryIdempotencyStore(),
        sleep=sleep,
        clock=lambda: T0,
        **settings,
    )


class TestRequests:
    """What goes over the wire."""

    async def test_reply_posts_a_tweet_in_reply_to_the_customer(
        self, api: FakeXApi, http: Http
    ) -> None:
        """POST /2/tweets {"text", "reply": {"in_reply_to_tweet_id"}}, Bearer token."""
        result = await sender(api, http, FakeSleep()).send(delivery())
        assert result.status == "sent" and result.attempts == 1
        [reply] = api.brand_replies(TWEET)
        assert result.platform_message_id == reply["id"]
        [seen] = api.posts()
        assert seen.path == "/2/tweets"
        assert json.loads(seen.body) == {
            "text": delivery().text,
            "reply": {"in_reply_to_tweet_id": TWEET},
        }
        assert seen.headers["Authorization"] == f"Bearer {TOKEN}"
        assert seen.headers["Content-Type"] == "application/json"

    async def test_dm_posts_to_the_participants_conversation(
        self, api: FakeXApi, http: Http
    ) -> None:
        """POST /2/dm_conversations/with/{participant}/messages {"text"}; the id is the
        dm_event_id."""
        message = delivery(index=1, surface="private", reply_to="", recipient=CUSTOMER)
        result = await sender(api, http, FakeSleep()).send(message)
        assert result.status == "sent"
        [dm] = api.dms
        assert dm == {
            "participant_id": CUSTOMER,
            "text": message.text,
            "id": result.platform_message_id,
        }
        assert api.posts()[0].path == f"/2/dm_conversations/with/{CUSTOMER}/messages"

    async def test_a_dm_without_recipient_is_dead_lettered_unsent(
        self, api: FakeXApi, http: Http
    ) -> None:
        """Nobody to write to: dead letter, no request."""
        message = delivery(index=1, surface="private", reply_to="", recipient="")
        result = await sender(api, http, FakeSleep()).send(message)
        assert result.status == "dead_lettered" and result.attempts == 0
        assert api.requests == []


class TestRetries:
    """Rate limits, server errors and final errors."""

    async def test_429_waits_until_x_rate_limit_reset(self, api: FakeXApi, http: Http) -> None:
        """Without Retry-After, the wait runs to x-rate-limit-reset (epoch seconds)."""
        api.script.append(
            Answer(
                429,
                {"title": "Too Many Requests", "detail": "Too Many Requests", "status": 429},
                {"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(int(T0) + 7)},
            )
        )
        sleep = FakeSleep()
        result = await sender(api, http, sleep).send(delivery())
        assert result.status == "sent" and result.attempts == 2
        assert sleep.delays == [7.0]
        assert len(api.brand_replies(TWEET)) == 1 and api.gets() == []

    async def test_retry_after_takes_precedence(self, api: FakeXApi, http: Http) -> None:
        """Retry-After is honoured when both are present."""
        api.script.append(
            Answer(429, {}, {"Retry-After": "2", "x-rate-limit-reset": str(int(T0) + 60)})
        )
        sleep = FakeSleep()
        result = await sender(api, http, sleep).send(delivery())
        assert result.status == "sent" and sleep.delays == [2.0]

    async def test_spent_24_hour_cap_dead_letters_at_once(self, api: FakeXApi, http: Http) -> None:
        """x-user-limit-24hour-remaining 0 with a reset hours away exceeds
        max_retry_after_s: one POST, a dead letter, no wait."""
        api.script.append(
            Answer(
                429,
                {"detail": "Too Many Requests"},
                {
                    "x-rate-limit-reset": str(int(T0) + 5),
                    "x-user-limit-24hour-remaining": "0",
                    "x-user-limit-24hour-reset": str(int(T0) + 6 * 3600),
                },
            )
        )
        sleep = FakeSleep()
        result = await sender(api, http, sleep).send(delivery())
        assert result.status == "dead_lettered" and result.attempts == 1
        assert "21600" in result.reason and sleep.delays == []

    async def test_500_then_success_looks_before_posting_again(
        self, api: FakeXApi, http: Http
    ) -> None:
        """A 5xx may come after the post was created: look (recent search), then post."""
        api.script.append(Answer(500, {"title": "Internal Server Error"}))
        sleep = FakeSleep()
        result = await sender(api, http, sleep).send(delivery())
        assert result.status == "sent" and result.attempts == 2
        assert sleep.delays[0] >= 5.0
        [look] = api.gets()
        assert look.path == "/2/tweets/search/recent"
        assert look.query["query"] == (
            f"(conversation_id:{TWEET} OR in_reply_to_tweet_id:{TWEET}) from:{BRAND}"
        )
        assert "referenced_tweets" in look.query["tweet.fields"]
        assert len(api.brand_replies(TWEET)) == 1

    async def test_403_is_final_with_xs_detail(self, api: FakeXApi, http: Http) -> None:
        """A 4xx other than 429 is not retried: X's detail is the reason."""
        detail = "You are not permitted to perform this action."
        api.script.append(Answer(403, {"title": "Forbidden", "detail": detail, "status": 403}))
        sleep = FakeSleep()
        result = await sender(api, http, sleep).send(delivery())
        assert result.status == "dead_lettered" and result.attempts == 1
        assert result.reason == f"HTTP 403: {detail}" and sleep.delays == []

    async def test_400_errors_list_is_reported(self, api: FakeXApi, http: Http) -> None:
        """Validation errors come as errors[].message."""
        api.script.append(
            Answer(400, {"errors": [{"message": "text too long"}], "title": "Invalid Request"})
        )
        result = await sender(api, http, FakeSleep()).send(delivery())
        assert result.status == "dead_lettered" and result.reason == "HTTP 400: text too long"

    async def test_always_503_dead_letters_after_exactly_max_attempts_posts(
        self, api: FakeXApi, http: Http
    ) -> None:
        """Three attempts allowed: three POSTs, a dead letter, nothing created."""
        api.script.extend(Answer(503, {"title": "Service Unavailable"}) for _ in range(10))
        result = await sender(api, http, FakeSleep(), max_attempts=3).send(delivery())
        assert result.status == "dead_lettered" and result.attempts == 3
        assert len(api.posts()) == 3 and api.tweets == []
        assert "HTTP 503: Service Unavailable" in result.reason

    async def test_connection_refused_is_retried_then_dead_lettered(self, http: Http) -> None:
        """Nothing listening: connection errors are retried, then a dead letter."""
        async with FakeXApi(token=TOKEN) as gone:
            base = gone.api_base
        sleep = FakeSleep()
        x = XSender(
            TOKEN,
            http.post,
            api_base=base,
            get=http.get,
            sleep=sleep,
            max_attempts=2,
            brand_user_id=BRAND,
        )
        result = await x.send(delivery(index=1, surface="private", reply_to="", recipient=CUSTOMER))
        assert result.status == "dead_lettered" and result.attempts == 2
        assert "cannot connect" in result.reason and len(sleep.delays) == 1


class TestNoDuplicatePublicReply:
    """Ambiguous attempts never end in two public replies."""

    async def test_timeout_after_commit_is_recognised_and_not_reposted(
        self, api: FakeXApi, http: Http
    ) -> None:
        """The fake stores the post, then stalls past the client timeout; search finds it
        (shown with the @mention prefix and &amp; escaping), so no second post."""
        api.script.append(CommitThenStall(seconds=3.0))
        store = InMemoryIdempotencyStore()
        result = await sender(api, http, FakeSleep(), store=store, timeout_s=STALL_TIMEOUT_S).send(
            delivery()
        )
        [reply] = api.brand_replies(TWEET)
        assert reply["text"].startswith("@customer ") and "&amp;" in reply["text"]
        assert result.status == "duplicate" and result.platform_message_id == reply["id"]
        assert store.get("case-7/handoff/0") == reply["id"]
        assert len(api.posts()) == 1

    async def test_timeout_before_commit_is_posted_once(self, api: FakeXApi, http: Http) -> None:
        """Stalled without storing: search finds nothing, the sender posts again."""
        api.script.append(Stall(seconds=3.0))
        result = await sender(api, http, FakeSleep(), timeout_s=STALL_TIMEOUT_S).send(delivery())
        assert result.status == "sent" and result.attempts == 2
        assert len(api.brand_replies(TWEET)) == 1

    async def test_503_after_commit_is_recognised(self, api: FakeXApi, http: Http) -> None:
        """X sometimes answers 503 for a post it created: found, not posted again."""
        api.script.append(CommitThenFail(503))
        result = await sender(api, http, FakeSleep()).send(delivery())
        assert result.status == "duplicate" and len(api.brand_replies(TWEET)) == 1

    async def test_reply_deep_in_a_thread_is_found_by_in_reply_to(
        self, api: FakeXApi, http: Http
    ) -> None:
        """The customer's tweet is itself a reply (its conversation starts elsewhere):
        the in_reply_to_tweet_id operator still finds the brand's reply."""
        api.conversations[TWEET] = "1790000000000000000"
        api.script.append(CommitThenStall(seconds=3.0))
        result = await sender(api, http, FakeSleep(), timeout_s=STALL_TIMEOUT_S).send(delivery())
        assert result.status == "duplicate" and len(api.brand_replies(TWEET)) == 1

    async def test_the_brand_id_is_looked_up_when_not_configured(
        self, api: FakeXApi, http: Http
    ) -> None:
        """GET /2/users/me gives the brand's id for the from: operator."""
        api.script.append(CommitThenFail(503))
        x = sender(api, http, FakeSleep(), brand_user_id=None)
        result = await x.send(delivery())
        assert result.status == "duplicate" and x.brand_user_id == BRAND
        assert api.gets()[0].path == "/2/users/me"

    async def test_every_attempt_failing_ambiguously_still_posts_once(
        self, api: FakeXApi, http: Http
    ) -> None:
        """503 after storing, then 503s: the look finds the first post, nothing more is
        posted."""
        api.script.extend([CommitThenFail(503), Answer(503), Answer(503)])
        result = await sender(api, http, FakeSleep()).send(delivery())
        assert result.status == "duplicate" and len(api.posts()) == 1
        assert len(api.brand_replies(TWEET)) == 1


class TestSecrets:
    async def test_token_is_not_logged_or_shown(self, api: FakeXApi, http: Http) -> None:
        """Logs and reprs carry no token."""
        api.script.append(Answer(401, {"detail": "Unauthorized"}))
        x = sender(api, http, FakeSleep())
        with capture_logs() as logs:
            await x.send(delivery())
        assert logs and TOKEN not in repr(logs) and TOKEN not in repr(x)
