"""Meta Graph API sender: Facebook Page comment replies, Instagram comment replies, and
private messages through the Send API (Messenger, and Instagram messaging).

Requests (``api_base`` defaults to ``https://graph.facebook.com/v19.0``; the Page
access token goes in ``Authorization: Bearer``, never in a URL):

* Facebook public reply: ``POST {api_base}/{reply_to}/comments``, form field
  ``message``. ``reply_to`` is the post or comment answered. Answer ``{"id": ...}``.
* Instagram public reply: ``POST {api_base}/{reply_to}/replies``, form field
  ``message`` (Instagram replies hang under the top-level comment).
* Private message: ``POST {api_base}/me/messages``, JSON ``{"recipient": {"id":
  recipient}, "messaging_type": "RESPONSE", "message": {"text": ...}}``. When the
  delivery has no recipient but a ``reply_to``, it is a *private reply* to that comment:
  ``"recipient": {"comment_id": reply_to}`` (the way to reach someone who only
  commented: a commenter's id is not a Messenger PSID). Answer ``{"message_id": ...}``.

Transient answers: 429, 5xx, and Graph errors with a throttling code (4, 17, 32, 613,
80001-80014; wait from ``X-Business-Use-Case-Usage`` when it gives one), or
``is_transient`` / code 1 or 2 (treated as possibly posted). Any other error is final and
dead-letters the delivery with Meta's ``error.message``.

Looking for an earlier reply (after an ambiguous attempt): Facebook ``GET
{api_base}/{reply_to}/comments?filter=stream&order=reverse_chronological&fields=id,
message,from&limit=50``; Instagram ``GET {api_base}/{reply_to}?fields=id,parent_id``
then ``GET {api_base}/{top_level}/replies?fields=id,text,from``. A reply counts when it
is from the brand (``from.id`` is the Page, or the Instagram account) and its text
matches. The brand ids come from configuration or, once, from ``GET
{api_base}/me?fields=id,instagram_business_account``.
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
)
from carerouter.notify.outbound.sender import OutboundDelivery

META_API_BASE = "https://graph.facebook.com/v19.0"
META_PLATFORMS = frozenset({"facebook", "instagram"})
THROTTLING_CODES = frozenset({4, 17, 32, 613}) | frozenset(range(80001, 80015))
TRANSIENT_CODES = frozenset({1, 2})


def _path_id(value: str) -> str:
    return quote(value, safe="")


def _usage_wait_s(header: str | None) -> float | None:
    """Seconds until access is regained according to ``X-Business-Use-Case-Usage``
    (``{"<id>": [{"estimated_time_to_regain_access": minutes, ...}]}``)."""
    if not header:
        return None
    try:
        usage = json.loads(header)
    except ValueError:
        return None
    if not isinstance(usage, dict):
        return None
    minutes = [
        entry.get("estimated_time_to_regain_access")
        for entries in usage.values()
        if isinstance(entries, list)
        for entry in entries
        if isinstance(entry, dict)
    ]
    waits = [float(m) for m in minutes if isinstance(m, int | float) and m > 0]
    return max(waits) * 60.0 if waits else None


class MetaGraphSender(HttpSender):
    """Sends Facebook and Instagram deliveries through the Graph API (see the module)."""

    def __init__(
        self,
        page_access_token: str,
        post: PostFn,
        *,
        api_base: str = META_API_BASE,
        page_id: str | None = None,
        instagram_account_id: str | None = None,
        **options: Unpack[HttpSenderOptions],
    ) -> None:
        if not page_access_token:
            raise ValueError("page_access_token must not be empty")
        super().__init__(post, **options)
        self._token = page_access_token
        self.api_base = api_base.rstrip("/")
        self.page_id = page_id
        self.instagram_account_id = instagram_account_id

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}

    def build_request(self, message: OutboundDelivery) -> HttpRequest:
        if message.platform not in META_PLATFORMS:
            raise Unsendable(f"platform {message.platform} is not sent through the Graph API")
        if not message.text.strip():
            raise Unsendable("empty text")
        if message.is_public:
            if not message.reply_to_message_id:
                raise Unsendable("public reply without reply_to_message_id")
            edge = "replies" if message.platform == "instagram" else "comments"
            return HttpRequest(
                f"{self.api_base}/{_path_id(message.reply_to_message_id)}/{edge}",
                {
                    **self.auth_headers(),
                    "Content-Type": "application/x-www-form-urlencoded",
                },
                urlencode({"message": message.text}).encode(),
            )
        if message.recipient_author_id:
            recipient = {"id": message.recipient_author_id}
        elif message.reply_to_message_id:
            recipient = {"comment_id": message.reply_to_message_id}
        else:
            raise Unsendable("private message without recipient_author_id or reply_to")
        payload = {
            "recipient": recipient,
            "messaging_type": "RESPONSE",
            "message": {"text": message.text},
        }
        return HttpRequest(
            f"{self.api_base}/me/messages",
            {**self.auth_headers(), "Content-Type": "application/json"},
            json.dumps(payload, ensure_ascii=False).encode(),
        )

    def error_message(self, body: bytes) -> str:
        error = json_object(body).get("error")
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            code = error.get("code")
            suffix = f" (code {code})" if isinstance(code, int) else ""
            return f"{error['message']}{suffix}"
        return super().error_message(body)

    def classify(
        self, message: OutboundDelivery, status: int, headers: dict[str, str], body: bytes
    ) -> Verdict:
        document = json_object(body)
        if 200 <= status <= 299:
            key = "id" if message.is_public else "message_id"
            value = document.get(key)
            return Verdict("sent", platform_message_id=value if isinstance(value, str) else None)
        reason = f"HTTP {status}: {self.error_message(body)}"
        error = document.get("error")
        code = error.get("code") if isinstance(error, dict) else None
        transient = isinstance(error, dict) and error.get("is_transient") is True
        if status == 429 or code in THROTTLING_CODES:
            wait = _usage_wait_s(headers.get("x-business-use-case-usage"))
            return Verdict("retry", reason=reason, retry_after_s=wait)
        if status >= 500 or transient or code in TRANSIENT_CODES:
            return Verdict("retry", reason=reason, maybe_posted=True)
        return Verdict("fail", reason=reason)

    # ----------------------------------------------------------------- ambiguity

    async def _brand_id(self, platform: str) -> str:
        if platform == "instagram" and self.instagram_account_id:
            return self.instagram_account_id
        if platform == "facebook" and self.page_id:
            return self.page_id
        me = await self.get_json(f"{self.api_base}/me?fields=id,instagram_business_account")
        if not self.page_id and isinstance(me.get("id"), str):
            self.page_id = me["id"]
        account = me.get("instagram_business_account")
        if (
            not self.instagram_account_id
            and isinstance(account, dict)
            and isinstance(account.get("id"), str)
        ):
            self.instagram_account_id = account["id"]
        brand = self.instagram_account_id if platform == "instagram" else self.page_id
        if not brand:
            raise CheckFailed(f"the brand's {platform} account id is unknown")
        return brand

    async def find_existing(self, message: OutboundDelivery) -> str | None:
        brand = await self._brand_id(message.platform)
        target = message.reply_to_message_id
        if message.platform == "instagram":
            comment = await self.get_json(f"{self.api_base}/{_path_id(target)}?fields=id,parent_id")
            parent = comment.get("parent_id")
            if isinstance(parent, str) and parent:
                target = parent
            query = urlencode({"fields": "id,text,from"})
            listing = await self.get_json(f"{self.api_base}/{_path_id(target)}/replies?{query}")
            text_key = "text"
        else:
            query = urlencode(
                {
                    "filter": "stream",
                    "order": "reverse_chronological",
                    "fields": "id,message,from",
                    "limit": "50",
                }
            )
            listing = await self.get_json(f"{self.api_base}/{_path_id(target)}/comments?{query}")
            text_key = "message"
        data = listing.get("data")
        if not isinstance(data, list):
            raise CheckFailed("comment listing without data")
        for item in data:
            if not isinstance(item, dict):
                continue
            author = item.get("from")
            author_id = author.get("id") if isinstance(author, dict) else None
            text = item.get(text_key)
            item_id = item.get("id")
            if (
                author_id == brand
                and isinstance(text, str)
                and isinstance(item_id, str)
                and same_text(text, message.text)
            ):
                return item_id
        return None
