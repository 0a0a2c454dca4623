"""X API v2 sender: public replies and direct messages.

Requests (``api_base`` defaults to ``https://api.x.com/2``; ``Authorization: Bearer``
with an OAuth 2.0 *user-context* token of the brand account, scopes ``tweet.write``,
``dm.write``, ``tweet.read``, ``users.read``: an app-only token cannot post):

* Public reply: ``POST {api_base}/tweets`` JSON ``{"text": ..., "reply":
  {"in_reply_to_tweet_id": reply_to}}``. Answer 201 ``{"data": {"id": ...}}``.
* Direct message: ``POST {api_base}/dm_conversations/with/{recipient}/messages`` JSON
  ``{"text": ...}``. Answer 201 ``{"data": {"dm_event_id": ..., "dm_conversation_id":
  ...}}``; the ``dm_event_id`` is the platform message id.

429 waits for ``Retry-After`` or else ``x-rate-limit-reset`` (Unix seconds), or, when
the 24-hour posting cap is spent (``x-user-limit-24hour-remaining: 0``),
``x-user-limit-24hour-reset``: a wait over ``max_retry_after_s`` dead-letters at once.
5xx, timeouts and connection errors are retried (and treated as possibly posted). Other
answers are final, dead-lettered with X's ``detail`` (or ``errors[].message``).

Looking for an earlier reply (after an ambiguous attempt): ``GET {api_base}/tweets/
search/recent?query=(conversation_id:{reply_to} OR in_reply_to_tweet_id:{reply_to})
from:{brand_user_id}&tweet.fields=author_id,conversation_id,referenced_tweets&
max_results=100``. The ``conversation_id`` operator finds replies when ``reply_to`` opens
the conversation, ``in_reply_to_tweet_id`` when it is itself a reply. A post counts when
it is by the brand, replies to ``reply_to`` (when X says what it replies to) and its
text matches (see :func:`~carerouter.notify.outbound.http.normalise_text`: X escapes
HTML, shortens links and prefixes @mentions). Recent search indexes with a delay, which
is why the look waits ``settle_s`` after the ambiguous attempt. The brand id comes from
configuration or, once, from ``GET {api_base}/users/me``.
"""

from __future__ import annotations

import json
from typing import Unpack
from urllib.parse import quote, urlencode

from carerouter.notify.outbound.http import (
    CheckFailed,
    HttpRequest,
    HttpSender,
    HttpSenderOptions,
    PostFn,
    Unsendable,
    Verdict,
    json_object,
    same_text,
    seconds_until,
)
from carerouter.notify.outbound.sender import OutboundDelivery

X_API_BASE = "https://api.x.com/2"


class XSender(HttpSender):
    """Sends X deliveries through the X API v2 (see the module)."""

    def __init__(
        self,
        bearer_token: str,
        post: PostFn,
        *,
        api_base: str = X_API_BASE,
        brand_user_id: str | None = None,
        **options: Unpack[HttpSenderOptions],
    ) -> None:
        if not bearer_token:
            raise ValueError("bearer_token must not be empty")
        super().__init__(post, **options)
        self._token = bearer_token
        self.api_base = api_base.rstrip("/")
        self.brand_user_id = brand_user_id

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}

    def build_request(self, message: OutboundDelivery) -> HttpRequest:
        if message.platform != "x":
            raise Unsendable(f"platform {message.platform} is not sent through the X API")
        if not message.text.strip():
            raise Unsendable("empty text")
        headers = {**self.auth_headers(), "Content-Type": "application/json"}
        if message.is_public:
            if not message.reply_to_message_id:
                raise Unsendable("public reply without reply_to_message_id")
            payload: dict[str, object] = {
                "text": message.text,
                "reply": {"in_reply_to_tweet_id": message.reply_to_message_id},
            }
            url = f"{self.api_base}/tweets"
        else:
            if not message.recipient_author_id:
                raise Unsendable("direct message without recipient_author_id")
            participant = quote(message.recipient_author_id, safe="")
            url = f"{self.api_base}/dm_conversations/with/{participant}/messages"
            payload = {"text": message.text}
        return HttpRequest(url, headers, json.dumps(payload, ensure_ascii=False).encode())

    def error_message(self, body: bytes) -> str:
        document = json_object(body)
        detail = document.get("detail")
        if isinstance(detail, str) and detail:
            return detail
        errors = document.get("errors")
        if isinstance(errors, list):
            messages = [
                str(error.get("message") or error.get("detail"))
                for error in errors
                if isinstance(error, dict) and (error.get("message") or error.get("detail"))
            ]
            if messages:
                return "; ".join(messages)
        title = document.get("title")
        if isinstance(title, str) and title:
            return title
        return super().error_message(body)

    def classify(
        self, message: OutboundDelivery, status: int, headers: dict[str, str], body: bytes
    ) -> Verdict:
        if 200 <= status <= 299:
            data = json_object(body).get("data")
            key = "id" if message.is_public else "dm_event_id"
            value = data.get(key) if isinstance(data, dict) else None
            return Verdict("sent", platform_message_id=value if isinstance(value, str) else None)
        reason = f"HTTP {status}: {self.error_message(body)}"
        if status == 429:
            now = self._clock()
            if headers.get("x-user-limit-24hour-remaining", "").strip() == "0":
                wait = seconds_until(headers.get("x-user-limit-24hour-reset"), now)
            else:
                wait = seconds_until(headers.get("x-rate-limit-reset"), now)
            return Verdict("retry", reason=reason, retry_after_s=wait)
        if status >= 500:
            return Verdict("retry", reason=reason, maybe_posted=True)
        return Verdict("fail", reason=reason)

    # ----------------------------------------------------------------- ambiguity

    async def _brand_id(self) -> str:
        if self.brand_user_id:
            return self.brand_user_id
        me = await self.get_json(f"{self.api_base}/users/me")
        data = me.get("data")
        user_id = data.get("id") if isinstance(data, dict) else None
        if not isinstance(user_id, str) or not user_id:
            raise CheckFailed("the brand's X user id is unknown")
        self.brand_user_id = user_id
        return user_id

    async def find_existing(self, message: OutboundDelivery) -> str | None:
        brand = await self._brand_id()
        target = message.reply_to_message_id
        query = urlencode(
            {
                "query": (
                    f"(conversation_id:{target} OR in_reply_to_tweet_id:{target}) from:{brand}"
                ),
                "tweet.fields": "author_id,conversation_id,referenced_tweets",
                "max_results": "100",
            }
        )
        found = await self.get_json(f"{self.api_base}/tweets/search/recent?{query}")
        data = found.get("data", [])  # X leaves "data" out when nothing matched
        if not isinstance(data, list):
            raise CheckFailed("search answer with a malformed data field")
        for tweet in data:
            if not isinstance(tweet, dict):
                continue
            tweet_id, text = tweet.get("id"), tweet.get("text")
            if not isinstance(tweet_id, str) or not isinstance(text, str):
                continue
            if tweet.get("author_id", brand) != brand:
                continue
            references = tweet.get("referenced_tweets")
            if isinstance(references, list) and not any(
                isinstance(ref, dict)
                and ref.get("type") == "replied_to"
                and ref.get("id") == target
                for ref in references
            ):
                continue
            if same_text(text, message.text):
                return tweet_id
        return None
