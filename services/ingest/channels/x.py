"""X webhooks: Account Activity API (v1.1 objects) and X Activity API (v2 objects).

AAA: ``{"for_user_id", "<type>_events": [...]}``; XAA: ``{"data": {"event_type",
"filter": {"user_id"}, "payload", "includes"}}``. The subscribed account (``for_user_id`` /
``filter.user_id``) is the brand: what it authors is outbound.

Threads: XAA posts carry ``conversation_id``. v1.1 posts do not: a reply's thread is the post
it replies to (the nearest known ancestor; the true root needs a lookup), any other post is
its own root. DMs: ``<brand id>:<customer id>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from carerouter.ingest.channels import _time
from carerouter.ingest.channels._build import finish, make_event, text_or_attachments
from carerouter.ingest.channels._json import Node, opt_ident, opt_text, parse_json
from carerouter.ingest.channels.listening import mentions_brand
from carerouter.ingest.channels.model import BrandConfig, Delivery
from carerouter.ingest.schema import KindName, PlatformName

PLATFORM: Final[PlatformName] = "x"
XAA_POST_KINDS: dict[str, KindName] = {
    "post.mention.create": "mention",
    "post.reply.create": "reply",
    "post.quote.create": "mention",
    "post.create": "post",
}
XAA_DM_TYPES = frozenset({"dm.received", "dm.sent"})
XAA_DELETES = frozenset({"post.delete"})


@dataclass(frozen=True, slots=True)
class _User:
    handle: str = ""
    name: str = ""
    followers_count: int | None = None
    verified: bool | None = None


def _unescape(text: str) -> str:
    """v1.1 texts HTML-escape exactly these three characters."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _user(node: Node | None) -> _User:
    """A v1.1 user (``screen_name``) or a v2 one (``username``, ``public_metrics``), also
    inside XAA's ``{"data": {...}}`` wrapper."""
    if node is None or not node.is_obj():
        return _User()
    if node.has("data") and node.req("data").is_obj():
        node = node.req("data")
    metrics = node.opt("public_metrics")
    followers = node.opt("followers_count") or (
        metrics.opt("followers_count") if metrics is not None else None
    )
    verified = node.opt("verified")
    return _User(
        handle=opt_text(node, "screen_name") or opt_text(node, "username"),
        name=opt_text(node, "name"),
        followers_count=followers.integer() if followers is not None else None,
        verified=verified.boolean() if verified is not None else None,
    )


class _Context:
    def __init__(self, brand: BrandConfig, delivery: Delivery, owner: str) -> None:
        self.brand = brand
        self.delivery = delivery
        self.owner = owner

    def owned(self, author_id: str | None, handle: str = "") -> bool:
        return author_id == self.owner or (
            self.brand.owns_id(PLATFORM, author_id) or self.brand.owns_handle(PLATFORM, handle)
        )

    def brand_handle(self, users: Mapping[str, _User]) -> str:
        own = users.get(self.owner)
        return self.brand.handle_for(PLATFORM) or (own.handle if own is not None else "")


def normalize(raw: bytes, *, brand: BrandConfig, received_at: datetime | None = None) -> Delivery:
    """One X webhook POST body (AAA or XAA, the exact bytes) to events."""
    root = parse_json(raw)
    delivery = Delivery(PLATFORM)
    if root.has("data") and not root.has("for_user_id"):
        _xaa(root.req("data"), brand, delivery)
        return finish(delivery)
    ctx = _Context(brand, delivery, root.req("for_user_id").ident())
    for key, node in root.members():
        if key == "tweet_create_events":
            for tweet in node.items():
                _tweet_v1(ctx, tweet)
        elif key == "direct_message_events":
            users = _users_map(root.opt("users"))
            for event in node.items():
                _direct_message(ctx, event, users)
        elif key == "tweet_delete_events":
            for event in node.items():
                _tweet_delete(ctx, event)
        elif key.endswith("_events") or key in ("user_event", "replay_event"):
            # favorites, follows, blocks, mutes, typing, reads, revokes, replay control
            delivery.drop(key.removesuffix("_events"), sum(1 for _ in node.items()) or 1)
    return finish(delivery)


def _users_map(node: Node | None) -> dict[str, _User]:
    if node is None:
        return {}
    return {key: _user(value) for key, value in node.members()}


# --- Account Activity API (v1.1) ------------------------------------------------------


def _tagged_owner(ctx: _Context, mentions: Node | None, id_keys: tuple[str, ...]) -> str | None:
    """The brand's handle as tagged in a post (``entities.user_mentions`` in v1.1,
    ``entities.mentions`` in v2), or None when the post does not tag it."""
    for mention in mentions.items() if mentions is not None else ():
        author_id = next((i for i in (opt_ident(mention, k) for k in id_keys) if i), None)
        handle = opt_text(mention, "screen_name") or opt_text(mention, "username")
        if ctx.owned(author_id, handle):
            return handle
    return None


def _entities(post: Node, key: str) -> Node | None:
    entities = post.opt("entities")
    return entities.opt(key) if entities is not None else None


def _media_v1(tweet: Node) -> list[str]:
    """Media of a v1.1 tweet: the first of ``extended_tweet``'s then the tweet's own
    ``extended_entities.media`` / ``entities.media`` that has any."""
    extended = tweet.opt("extended_tweet")
    for base in (extended, tweet) if extended is not None else (tweet,):
        for key in ("extended_entities", "entities"):
            media = _entities_media(base, key)
            urls = [url for url in map(_best_media_url, media) if url]
            if urls:
                return urls
    return []


def _entities_media(base: Node, key: str) -> list[Node]:
    entities = base.opt(key)
    media = entities.opt("media") if entities is not None else None
    return list(media.items()) if media is not None else []


def _best_media_url(item: Node) -> str:
    """The highest-bitrate MP4 of a video or GIF, else the image URL."""
    info = item.opt("video_info")
    variants = info.opt("variants") if info is not None else None
    best: tuple[int, str] | None = None
    if variants is not None:
        for variant in variants.items():
            if opt_text(variant, "content_type") == "video/mp4" and variant.has("url"):
                rate_node = variant.opt("bitrate")
                rate = rate_node.integer() if rate_node is not None else 0
                if best is None or rate > best[0]:
                    best = (rate, opt_text(variant, "url"))
    if best is not None:
        return best[1]
    return opt_text(item, "media_url_https") or opt_text(item, "media_url")


def _tweet_v1(ctx: _Context, tweet: Node) -> None:
    if tweet.has("retweeted_status"):
        ctx.delivery.drop("retweet")  # no words of the retweeter's own
        return
    message_id = tweet.opt("id_str") or tweet.req("id")
    user_node = tweet.req("user")
    author_id = (user_node.opt("id_str") or user_node.req("id")).ident()
    user = _user(user_node)
    extended = tweet.opt("extended_tweet")
    full = extended.opt("full_text") if extended is not None else None
    text = _unescape(
        full.text() if full is not None else opt_text(tweet, "full_text") or opt_text(tweet, "text")
    )
    parent_id = opt_ident(tweet, "in_reply_to_status_id_str") or opt_ident(
        tweet, "in_reply_to_status_id"
    )
    outbound = ctx.owned(author_id, user.handle)
    tagged = _tagged_owner(ctx, _entities(tweet, "user_mentions"), ("id_str", "id"))
    kind: KindName
    if parent_id:
        kind = "reply"
    elif outbound:
        kind = "post"
    elif tagged is not None or tweet.has("quoted_status"):
        kind = "mention"
    else:  # delivered without tagging the brand: a mention only if it names it
        kind = "mention" if mentions_brand(text, ctx.brand, opt_text(tweet, "lang")) else "post"
    stamp = tweet.opt("timestamp_ms")
    created_at = (
        _time.epoch_ms(stamp) if stamp is not None else _time.any_time(tweet.req("created_at"))
    )
    attachments = _media_v1(tweet)
    ctx.delivery.events.append(
        make_event(
            tweet.path,
            platform=PLATFORM,
            kind=kind,
            message_id=message_id.ident(),
            thread_id=parent_id,
            parent_id=parent_id,
            author_id=author_id,
            handle=user.handle,
            name=user.name,
            followers_count=user.followers_count,
            verified=user.verified,
            brand_handle=ctx.brand.handle_for(PLATFORM) or tagged or "",
            text=text_or_attachments(text, ["media"] * len(attachments)),
            lang=opt_text(tweet, "lang") or None,
            created_at=created_at,
            direction="outbound" if outbound else "inbound",
            attachments=attachments,
        )
    )


def _tweet_delete(ctx: _Context, event: Node) -> None:
    status = event.req("status")
    author_id = opt_ident(status, "user_id_str") or opt_ident(status, "user_id")
    stamp = event.opt("timestamp_ms")
    created = (
        _time.epoch_ms(stamp) if stamp is not None else _time.any_time(event.req("created_at"))
    )
    ctx.delivery.events.append(
        make_event(
            event.path,
            platform=PLATFORM,
            kind="post",
            message_id=(status.opt("id_str") or status.req("id")).ident(),
            author_id=author_id,
            brand_handle=ctx.brand.handle_for(PLATFORM),
            operation="delete",
            created_at=created,
            direction="outbound" if ctx.owned(author_id) else "inbound",
        )
    )


def _dm_media(data: Node) -> list[str]:
    """``attachment.media``: an object in the docs and real captures, an array in some
    fixtures; both are accepted."""
    attachment = data.opt("attachment")
    media = attachment.opt("media") if attachment is not None else None
    if media is None:
        return []
    items = list(media.items()) if media.is_list() else [media]
    return [url for url in (_best_media_url(item) for item in items) if url]


def _direct_message(ctx: _Context, event: Node, users: Mapping[str, _User]) -> None:
    kind = opt_text(event, "type") or "message_create"
    if kind != "message_create":
        ctx.delivery.drop(kind)
        return
    create = event.req("message_create")
    sender = create.req("sender_id").ident()
    target = create.opt("target")
    recipient = opt_ident(target, "recipient_id") if target is not None else None
    user = users.get(sender, _User())
    outbound = ctx.owned(sender, user.handle)
    customer = (recipient or "unknown") if outbound else sender
    data = create.req("message_data")
    attachments = _dm_media(data)
    text = text_or_attachments(_unescape(opt_text(data, "text")), ["media"] * len(attachments))
    if not text.strip():
        ctx.delivery.drop("message.empty")
        return
    ctx.delivery.events.append(
        make_event(
            event.path,
            platform=PLATFORM,
            kind="dm",
            message_id=event.req("id").ident(),
            thread_id=f"{ctx.owner}:{customer}",
            author_id=sender,
            handle=user.handle,
            name=user.name,
            followers_count=user.followers_count,
            verified=user.verified,
            brand_handle=ctx.brand_handle(users),
            text=text,
            created_at=_time.any_time(event.req("created_timestamp")),
            direction="outbound" if outbound else "inbound",
            attachments=attachments,
        )
    )


# --- X Activity API (v2) ----------------------------------------------------------------


def _xaa(data: Node, brand: BrandConfig, delivery: Delivery) -> None:
    event_type = data.req("event_type").string()
    filter_node = data.opt("filter")
    owner = opt_ident(filter_node, "user_id") if filter_node is not None else None
    ctx = _Context(brand, delivery, owner or "")
    if event_type in XAA_POST_KINDS:
        _post_v2(ctx, data.req("payload"), data.opt("includes"), XAA_POST_KINDS[event_type])
    elif event_type in XAA_DELETES:
        _post_v2_delete(ctx, data.req("payload"), data)
    elif event_type in XAA_DM_TYPES:
        if owner is None:  # the brand side of the DM thread id
            data.req("filter").req("user_id")
        body = data.req("payload")
        users = _users_map(body.opt("users"))
        for event in body.req("direct_message_events").items():
            _direct_message(ctx, event, users)
    else:  # follows, likes, profile updates, encrypted chat.received ...
        delivery.drop(event_type)


def _includes_users(includes: Node | None) -> dict[str, _User]:
    users = includes.opt("users") if includes is not None else None
    if users is None:
        return {}
    return {user.req("id").ident(): _user(user) for user in users.items()}


def _media_v2(post: Node, includes: Node | None) -> list[str]:
    attachments = post.opt("attachments")
    keys_node = attachments.opt("media_keys") if attachments is not None else None
    media = includes.opt("media") if includes is not None else None
    if keys_node is None or media is None:
        return []
    wanted = [key.ident() for key in keys_node.items()]
    by_key = {opt_ident(item, "media_key"): item for item in media.items()}
    urls: list[str] = []
    for key in wanted:
        item = by_key.get(key)
        if item is not None:
            url = (
                _best_media_url(item)
                or opt_text(item, "url")
                or opt_text(item, "preview_image_url")
            )
            urls.append(url or key)
    return urls


def _post_v2(ctx: _Context, post: Node, includes: Node | None, kind: KindName) -> None:
    message_id = post.req("id").ident()
    author_id = post.req("author_id").ident()
    user = _includes_users(includes).get(author_id, _User())
    note = post.opt("note_tweet")  # posts longer than 280 characters
    text = (opt_text(note, "text") if note is not None else "") or opt_text(post, "text")
    parent_id = opt_ident(post, "in_reply_to_tweet_id")
    references = post.opt("referenced_tweets")
    if references is not None:
        for reference in references.items():
            if parent_id is None and opt_text(reference, "type") == "replied_to":
                parent_id = opt_ident(reference, "id")
    outbound = ctx.owned(author_id, user.handle)
    tagged = _tagged_owner(ctx, _entities(post, "mentions"), ("id",))
    if kind == "post" and not outbound and mentions_brand(text, ctx.brand, opt_text(post, "lang")):
        kind = "mention"
    attachments = _media_v2(post, includes)
    ctx.delivery.events.append(
        make_event(
            post.path,
            platform=PLATFORM,
            kind=kind,
            message_id=message_id,
            thread_id=opt_ident(post, "conversation_id") or parent_id,
            parent_id=parent_id,
            author_id=author_id,
            handle=user.handle,
            name=user.name,
            followers_count=user.followers_count,
            verified=user.verified,
            brand_handle=ctx.brand.handle_for(PLATFORM) or tagged or "",
            text=text_or_attachments(text, ["media"] * len(attachments)),
            lang=opt_text(post, "lang") or None,
            created_at=_time.any_time(post.req("created_at")),
            direction="outbound" if outbound else "inbound",
            attachments=attachments,
        )
    )


def _post_v2_delete(ctx: _Context, post: Node, data: Node) -> None:
    author_id = opt_ident(post, "author_id")
    stamp = post.first("deleted_at", "created_at") or data.first("created_at", "timestamp_ms")
    created_at = (
        _time.any_time(stamp) if stamp is not None else _time.any_time(post.req("deleted_at"))
    )
    ctx.delivery.events.append(
        make_event(
            post.path,
            platform=PLATFORM,
            kind="post",
            message_id=post.req("id").ident(),
            author_id=author_id,
            brand_handle=ctx.brand.handle_for(PLATFORM),
            operation="delete",
            created_at=created_at,
            direction="outbound" if ctx.owned(author_id) else "inbound",
        )
    )
