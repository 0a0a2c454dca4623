"""Local fakes of the Meta Graph API and the X API v2, for tests and local runs.

Each fake is a real ``aiohttp.web`` server on 127.0.0.1 (a free port) that implements the
endpoints the live senders use, stores what is created, and checks the bearer token.
Answers to the *creating* POSTs can be scripted per call, in order: a plain error
(:class:`Answer`), a reply that is stored but whose answer never arrives in time
(:class:`CommitThenStall`), a stall before anything is stored (:class:`Stall`), or a
stored reply answered with an error (:class:`CommitThenFail`). Unscripted calls succeed.
``get_script`` does the same for GETs (only :class:`Answer`).

    async with FakeMetaGraph(token="t") as graph:
        graph.script.append(Answer(429, headers={"Retry-After": "3"}))
        sender = MetaGraphSender("t", post, api_base=graph.api_base, get=get)
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import re
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs

from aiohttp import web


@dataclass(frozen=True, slots=True)
class Answer:
    """Answer with this status and JSON body, storing nothing."""

    status: int
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CommitThenStall:
    """Store the reply, then hold the answer for ``seconds`` (past the client's timeout)."""

    seconds: float = 5.0


@dataclass(frozen=True, slots=True)
class Stall:
    """Hold the answer for ``seconds`` without storing anything."""

    seconds: float = 5.0


@dataclass(frozen=True, slots=True)
class CommitThenFail:
    """Store the reply, then answer ``status`` (a 5xx after the fact)."""

    status: int = 503


Step = Answer | CommitThenStall | Stall | CommitThenFail


@dataclass(frozen=True, slots=True)
class SeenRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


class _FakeApi:
    prefix = ""

    def __init__(self, *, token: str) -> None:
        self.token = token
        self.script: list[Step] = []
        self.get_script: list[Answer] = []
        self.requests: list[SeenRequest] = []
        self._release = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._ids = itertools.count(1)
        self.base_url = ""

    @property
    def api_base(self) -> str:
        return f"{self.base_url}{self.prefix}"

    def posts(self, path_suffix: str = "") -> list[SeenRequest]:
        """The POSTs received (whose path ends with ``path_suffix``)."""
        return [r for r in self.requests if r.method == "POST" and r.path.endswith(path_suffix)]

    def gets(self) -> list[SeenRequest]:
        return [r for r in self.requests if r.method == "GET"]

    def next_id(self) -> str:
        return f"9{next(self._ids):011d}"

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._entry)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self.base_url

    async def stop(self) -> None:
        self._release.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def _stall(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._release.wait(), seconds)

    async def _entry(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.requests.append(
            SeenRequest(
                request.method,
                request.path,
                dict(request.query),
                dict(request.headers),
                body,
            )
        )
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return self.unauthorised()
        if not request.path.startswith(self.prefix + "/"):
            return web.json_response({"error": "unknown version"}, status=404)
        path = request.path[len(self.prefix) :]
        if request.method == "GET" and self.get_script:
            scripted = self.get_script.pop(0)
            return web.json_response(
                scripted.body or {}, status=scripted.status, headers=scripted.headers
            )
        if request.method == "POST":
            return await self._create(request, path, body)
        if request.method == "GET":
            return self.read(request, path)
        return web.json_response({"error": "method"}, status=405)

    async def _create(self, request: web.Request, path: str, body: bytes) -> web.StreamResponse:
        step = self.script.pop(0) if self.script else None
        if isinstance(step, Answer):
            return web.json_response(step.body or {}, status=step.status, headers=step.headers)
        if isinstance(step, Stall):
            await self._stall(step.seconds)
            return web.json_response({}, status=504)
        response = self.create(request, path, body)
        if isinstance(step, CommitThenStall) and response.status < 300:
            await self._stall(step.seconds)
        if isinstance(step, CommitThenFail) and response.status < 300:
            return web.json_response({"error": "after the fact"}, status=step.status)
        return response

    # subclasses
    def unauthorised(self) -> web.Response:
        raise NotImplementedError

    def create(self, request: web.Request, path: str, body: bytes) -> web.Response:
        raise NotImplementedError

    def read(self, request: web.Request, path: str) -> web.Response:
        raise NotImplementedError


def _graph_error(status: int, message: str, code: int) -> web.Response:
    return web.json_response(
        {"error": {"message": message, "type": "OAuthException", "code": code}}, status=status
    )


class FakeMetaGraph(_FakeApi):
    """Graph API: ``POST /{id}/comments``, ``POST /{id}/replies``, ``POST /me/messages``,
    ``GET /{id}/comments``, ``GET /{id}/replies``, ``GET /{id}`` (``parent_id`` of an
    Instagram comment) and ``GET /me``."""

    prefix = "/v19.0"

    def __init__(
        self,
        *,
        token: str,
        page_id: str = "1000001",
        instagram_account_id: str = "1780001",
    ) -> None:
        super().__init__(token=token)
        self.page_id = page_id
        self.instagram_account_id = instagram_account_id
        self.comments: dict[str, list[dict[str, Any]]] = {}
        """Parent id -> comments and replies under it (Facebook and Instagram)."""
        self.instagram_parents: dict[str, str] = {}
        """Instagram reply comment id -> its top-level comment id."""
        self.messages: list[dict[str, Any]] = []
        """Send API payloads accepted."""

    def brand_replies(self, parent_id: str) -> list[dict[str, Any]]:
        brand = {self.page_id, self.instagram_account_id}
        return [c for c in self.comments.get(parent_id, []) if c["from"]["id"] in brand]

    def unauthorised(self) -> web.Response:
        return _graph_error(401, "Invalid OAuth access token.", 190)

    def create(self, request: web.Request, path: str, body: bytes) -> web.Response:
        if path == "/me/messages":
            try:
                payload = json.loads(body)
            except ValueError:
                return _graph_error(400, "Invalid JSON", 100)
            recipient = payload.get("recipient") or {}
            text = (payload.get("message") or {}).get("text")
            if payload.get("messaging_type") != "RESPONSE" or not text or not recipient:
                return _graph_error(400, "(#100) Invalid parameter", 100)
            self.messages.append(payload)
            message_id = f"m_{self.next_id()}"
            return web.json_response(
                {"recipient_id": recipient.get("id", "psid-from-comment"), "message_id": message_id}
            )
        match = re.fullmatch(r"/([^/]+)/(comments|replies)", path)
        if match is None:
            return _graph_error(400, "Unknown path components", 2500)
        parent, edge = match.groups()
        form = parse_qs(body.decode())
        message = form.get("message", [""])[0]
        if not message:
            return _graph_error(400, "(#100) The parameter message is required", 100)
        if edge == "replies":
            top = self.instagram_parents.get(parent, parent)
            comment = {
                "id": self.next_id(),
                "text": message,
                "from": {"id": self.instagram_account_id, "username": "brand"},
            }
            self.comments.setdefault(top, []).append(comment)
        else:
            comment = {
                "id": f"{parent}_{self.next_id()}",
                "message": message,
                "from": {"id": self.page_id, "name": "Brand"},
            }
            self.comments.setdefault(parent, []).append(comment)
        return web.json_response({"id": comment["id"]})

    def read(self, request: web.Request, path: str) -> web.Response:
        if path == "/me":
            return web.json_response(
                {
                    "id": self.page_id,
                    "instagram_business_account": {"id": self.instagram_account_id},
                }
            )
        match = re.fullmatch(r"/([^/]+)/(comments|replies)", path)
        if match is not None:
            parent = match.group(1)
            listing = list(reversed(self.comments.get(parent, [])))
            limit = int(request.query.get("limit", "25"))
            return web.json_response({"data": listing[:limit]})
        match = re.fullmatch(r"/([^/]+)", path)
        if match is not None:
            comment_id = match.group(1)
            document: dict[str, Any] = {"id": comment_id}
            if comment_id in self.instagram_parents:
                document["parent_id"] = self.instagram_parents[comment_id]
            return web.json_response(document)
        return _graph_error(400, "Unknown path components", 2500)


class FakeXApi(_FakeApi):
    """X API v2: ``POST /tweets``, ``POST /dm_conversations/with/{id}/messages``,
    ``GET /tweets/search/recent`` and ``GET /users/me``. Stored replies read back the
    way X shows them: prefixed with the @handle replied to, ``&<>`` HTML-escaped."""

    prefix = "/2"

    def __init__(
        self, *, token: str, brand_user_id: str = "4000001", reply_prefix: str = "@customer "
    ) -> None:
        super().__init__(token=token)
        self.brand_user_id = brand_user_id
        self.reply_prefix = reply_prefix
        self.conversations: dict[str, str] = {}
        """Customer tweet id -> its conversation id (a tweet not listed opens its own)."""
        self.tweets: list[dict[str, Any]] = []
        """Posts created, as search returns them."""
        self.dms: list[dict[str, Any]] = []

    def brand_replies(self, tweet_id: str) -> list[dict[str, Any]]:
        return [
            t
            for t in self.tweets
            if t["author_id"] == self.brand_user_id
            and {"type": "replied_to", "id": tweet_id} in t["referenced_tweets"]
        ]

    def unauthorised(self) -> web.Response:
        return web.json_response(
            {
                "title": "Unauthorized",
                "type": "about:blank",
                "status": 401,
                "detail": "Unauthorized",
            },
            status=401,
        )

    def create(self, request: web.Request, path: str, body: bytes) -> web.Response:
        try:
            payload = json.loads(body)
        except ValueError:
            return web.json_response({"title": "Invalid Request", "detail": "bad JSON"}, status=400)
        text = payload.get("text") if isinstance(payload, dict) else None
        if not isinstance(text, str) or not text:
            return web.json_response(
                {"title": "Invalid Request", "detail": "text is required"}, status=400
            )
        if path == "/tweets":
            reply_to = (payload.get("reply") or {}).get("in_reply_to_tweet_id")
            tweet_id = self.next_id()
            shown = html.escape(text, quote=False)
            tweet: dict[str, Any] = {
                "id": tweet_id,
                "text": f"{self.reply_prefix}{shown}" if reply_to else shown,
                "author_id": self.brand_user_id,
                "conversation_id": self.conversations.get(reply_to, reply_to)
                if reply_to
                else tweet_id,
                "referenced_tweets": [{"type": "replied_to", "id": reply_to}] if reply_to else [],
            }
            self.tweets.append(tweet)
            return web.json_response(
                {
                    "data": {
                        "id": tweet_id,
                        "text": tweet["text"],
                        "edit_history_tweet_ids": [tweet_id],
                    }
                },
                status=201,
            )
        match = re.fullmatch(r"/dm_conversations/with/([0-9]+)/messages", path)
        if match is not None:
            event_id = self.next_id()
            self.dms.append({"participant_id": match.group(1), "text": text, "id": event_id})
            return web.json_response(
                {
                    "data": {
                        "dm_conversation_id": f"{self.brand_user_id}-{match.group(1)}",
                        "dm_event_id": event_id,
                    }
                },
                status=201,
            )
        return web.json_response({"title": "Not Found Error", "detail": path}, status=404)

    def read(self, request: web.Request, path: str) -> web.Response:
        if path == "/users/me":
            return web.json_response({"data": {"id": self.brand_user_id, "username": "brand"}})
        if path == "/tweets/search/recent":
            query = request.query.get("query", "")
            conversation = re.search(r"conversation_id:([0-9]+)", query)
            reply_to = re.search(r"in_reply_to_tweet_id:([0-9]+)", query)
            author = re.search(r"from:([0-9A-Za-z_]+)", query)
            hits = [
                t
                for t in reversed(self.tweets)
                if (author is None or t["author_id"] == author.group(1))
                and (
                    (conversation is not None and t["conversation_id"] == conversation.group(1))
                    or (
                        reply_to is not None
                        and {"type": "replied_to", "id": reply_to.group(1)}
                        in t["referenced_tweets"]
                    )
                )
            ]
            if not hits:
                return web.json_response({"meta": {"result_count": 0}})
            return web.json_response({"data": hits, "meta": {"result_count": len(hits)}})
        return web.json_response({"title": "Not Found Error", "detail": path}, status=404)
