"""Meta Graph webhooks: Facebook Page ``feed``/``mention``, Messenger, Instagram.

One delivery batches entries (``entry[]``), each with ``changes[]`` (feed, comments,
mentions) or ``messaging[]``/``standby[]`` (Messenger and Instagram DMs); every item becomes
its own event. Threads: a Page post for Facebook comments (``post_id``), the media for
Instagram comments (``media.id``), and ``<owned account id>:<customer id>`` for DMs (Meta
sends no conversation id).
"""

from __future__ import annotations

from datetime import datetime

from carerouter.ingest.channels import _time
from carerouter.ingest.channels._build import finish, make_event, text_or_attachments
from carerouter.ingest.channels._json import Node, opt_ident, opt_text, parse_json
from carerouter.ingest.channels.errors import DeliveryError
from carerouter.ingest.channels.model import BrandConfig, Delivery, Operation, PendingFetch
from carerouter.ingest.schema import KindName, PlatformName

OBJECTS: dict[str, PlatformName] = {"page": "facebook", "instagram": "instagram"}
# Feed items that carry a customer's words; reactions, likes, albums, events ... do not.
FEED_TEXT_ITEMS = frozenset({"comment", "post", "status", "photo", "video", "share"})
FEED_VERBS: dict[str, Operation] = {
    "add": "create",
    "edited": "edit",
    "edit": "edit",
    "remove": "delete",
    "delete": "delete",
}
MESSAGING_META_KEYS = frozenset({"sender", "recipient", "timestamp"})


class _Context:
    """What every item of one entry shares."""

    def __init__(
        self, entry: Node, platform: PlatformName, brand: BrandConfig, delivery: Delivery
    ) -> None:
        self.entry = entry
        self.platform = platform
        self.brand = brand
        self.delivery = delivery
        self.owner = entry.req("id").ident()

    def owned(self, author_id: str | None, handle: str | None = None) -> bool:
        return author_id == self.owner or (
            self.brand.owns_id(self.platform, author_id)
            or self.brand.owns_handle(self.platform, handle)
        )

    def entry_time(self) -> datetime:
        return _time.epoch_auto(self.entry.req("time"))

    def time(self, value: Node, key: str) -> datetime:
        """``value[key]`` in any encoding, else the entry's send time."""
        node = value.opt(key)
        return _time.any_time(node) if node is not None else self.entry_time()


def normalize(raw: bytes, *, brand: BrandConfig, received_at: datetime | None = None) -> Delivery:
    """One Meta webhook POST body (the exact bytes) to events."""
    root = parse_json(raw)
    obj = root.req("object").string()
    entries = root.req("entry")
    platform = OBJECTS.get(obj)
    delivery = Delivery(platform or "facebook")
    if platform is None:  # a topic we do not route (whatsapp_business_account, user ...)
        delivery.drop(f"object:{obj}", sum(1 for _ in entries.items()))
        return delivery
    for entry in entries.items():
        ctx = _Context(entry, platform, brand, delivery)
        changes = entry.opt("changes")
        if changes is not None:
            for change in changes.items():
                _change(ctx, change)
        elif entry.has("field") and entry.has("value"):
            _change(ctx, entry)  # the flat form of Instagram's examples page
        for key in ("messaging", "standby"):
            items = entry.opt(key)
            if items is not None:
                for item in items.items():
                    _messaging(ctx, item)
    return finish(delivery)


# --- changes ------------------------------------------------------------------------------


def _change(ctx: _Context, change: Node) -> None:
    field = change.req("field").string()
    value = change.req("value")
    value.obj()
    if ctx.platform == "facebook" and field == "feed":
        _feed(ctx, value)
    elif ctx.platform == "facebook" and field == "mention":
        _page_mention(ctx, value)
    elif ctx.platform == "instagram" and field in ("comments", "live_comments"):
        _instagram_comment(ctx, value)
    elif ctx.platform == "instagram" and field == "mentions":
        _instagram_mention(ctx, value)
    else:
        ctx.delivery.drop(field)


def _author(value: Node) -> tuple[str | None, str]:
    """``from{id,name}``, or the older ``sender_id`` (a number) and ``sender_name``."""
    sender = value.opt("from")
    if sender is not None:
        return sender.req("id").ident(), opt_text(sender, "name")
    return opt_ident(value, "sender_id"), opt_text(value, "sender_name")


def _urls(value: Node, *keys: str) -> list[str]:
    urls: list[str] = []
    for key in keys:
        node = value.opt(key)
        if node is None:
            continue
        if node.is_list():
            urls.extend(item.text() for item in node.items() if isinstance(item.value, str))
        elif isinstance(node.value, str):
            urls.append(node.text())
    return urls


def _feed(ctx: _Context, value: Node) -> None:
    item = value.req("item").string()
    verb_node = value.opt("verb")
    verb = verb_node.string() if verb_node is not None else "add"
    if item not in FEED_TEXT_ITEMS:
        ctx.delivery.drop(item)
        return
    operation = FEED_VERBS.get(verb)
    if operation is None:  # hide, unhide, block, mute ...: moderation, not a message
        ctx.delivery.drop(f"{item}.{verb}")
        return
    author_id, name = _author(value)
    post_id = opt_ident(value, "post_id")
    if post_id is None and value.has("post"):
        post_id = opt_ident(value.req("post"), "id")
    kind: KindName
    if item == "comment":
        message_id = value.req("comment_id").ident()
        thread_id = post_id
        parent_id = opt_ident(value, "parent_id") or post_id
        kind = "comment" if parent_id in (None, post_id) else "reply"
    else:
        message_id = post_id or value.req("post_id").ident()
        thread_id, parent_id, kind = message_id, None, "post"
    text = "" if operation == "delete" else opt_text(value, "message")
    attachments = [] if operation == "delete" else _urls(value, "photo", "photos", "video", "link")
    text = text_or_attachments(text, [item] if attachments else [])
    if operation != "delete" and not text.strip():
        ctx.delivery.drop(f"{item}.empty")  # a share without words, a photo without a url
        return
    ctx.delivery.events.append(
        make_event(
            value.path,
            platform=ctx.platform,
            kind=kind,
            message_id=message_id,
            thread_id=thread_id,
            parent_id=parent_id,
            author_id=author_id,
            name=name,
            brand_handle=ctx.brand.handle_for(ctx.platform),
            operation=operation,
            text=text,
            created_at=ctx.time(value, "created_time"),
            direction="outbound" if ctx.owned(author_id) else "inbound",
            attachments=attachments,
        )
    )


def _page_mention(ctx: _Context, value: Node) -> None:
    """The Page tagged in someone else's post or comment; the author is optional."""
    item = value.req("item").string()
    verb_node = value.opt("verb")
    operation = FEED_VERBS.get(verb_node.string() if verb_node is not None else "add")
    if operation is None or item not in FEED_TEXT_ITEMS:
        ctx.delivery.drop(f"mention.{item}")
        return
    post_id = value.req("post_id").ident()
    message_id = value.req("comment_id").ident() if item == "comment" else post_id
    author_id, name = _author(value)
    text = "" if operation == "delete" else opt_text(value, "message")
    if operation != "delete" and not text.strip():
        ctx.delivery.pending.append(
            PendingFetch(
                platform=ctx.platform,
                kind="mention",
                resource=message_id,
                message_id=message_id,
                thread_id=post_id,
                parent_id=post_id if message_id != post_id else None,
                operation=operation,
                notified_at=ctx.time(value, "created_time"),
            )
        )
        return
    ctx.delivery.events.append(
        make_event(
            value.path,
            platform=ctx.platform,
            kind="mention",
            message_id=message_id,
            thread_id=post_id,
            parent_id=post_id if message_id != post_id else None,
            author_id=author_id,
            name=name,
            brand_handle=ctx.brand.handle_for(ctx.platform),
            operation=operation,
            text=text,
            created_at=ctx.time(value, "created_time"),
            direction="outbound" if ctx.owned(author_id) else "inbound",
        )
    )


def _instagram_comment(ctx: _Context, value: Node) -> None:
    """Comments carry no creation time: ``entry.time`` (the send time) stands in."""
    message_id = value.req("id").ident()
    sender = value.opt("from")
    author_id = sender.req("id").ident() if sender is not None else None
    handle = opt_text(sender, "username") if sender is not None else ""
    media = value.opt("media")
    media_id = opt_ident(media, "id") if media is not None else None
    parent_id = opt_ident(value, "parent_id")
    text = opt_text(value, "text")
    if not text.strip():
        ctx.delivery.drop("comment.empty")
        return
    ctx.delivery.events.append(
        make_event(
            value.path,
            platform=ctx.platform,
            kind="reply" if parent_id else "comment",
            message_id=message_id,
            thread_id=media_id or parent_id,
            parent_id=parent_id or media_id,
            author_id=author_id,
            handle=handle,
            brand_handle=ctx.brand.handle_for(ctx.platform),
            text=text,
            created_at=ctx.time(value, "timestamp"),
            direction="outbound" if ctx.owned(author_id, handle) else "inbound",
        )
    )


def _instagram_mention(ctx: _Context, value: Node) -> None:
    """Only ids arrive: the text and author must be fetched (``mentioned_comment`` or, for a
    caption mention, ``mentioned_media``) before anything can be routed."""
    comment_id = opt_ident(value, "comment_id")
    media_id = opt_ident(value, "media_id")
    if comment_id is not None:
        resource = f"{ctx.owner}?fields=mentioned_comment.comment_id({comment_id})"
        message_id = comment_id
    elif media_id is not None:
        resource = f"{ctx.owner}?fields=mentioned_media.media_id({media_id})"
        message_id = media_id
    else:
        raise DeliveryError(value.child_path("comment_id"), "missing (and no media_id)")
    ctx.delivery.pending.append(
        PendingFetch(
            platform=ctx.platform,
            kind="mention",
            resource=resource,
            message_id=message_id,
            thread_id=media_id or message_id,
            parent_id=media_id if media_id != message_id else None,
            notified_at=ctx.entry_time(),
        )
    )


# --- messaging ----------------------------------------------------------------------------


def _messaging(ctx: _Context, item: Node) -> None:
    if item.has("message"):
        _message(ctx, item, item.req("message"), edit=False)
    elif item.has("message_edit"):
        _message(ctx, item, item.req("message_edit"), edit=True)
    else:  # read, delivery, reaction, postback, referral, optin, typing ...
        kinds = [key for key in item.obj() if key not in MESSAGING_META_KEYS]
        ctx.delivery.drop(kinds[0] if kinds else "unknown")


def _attachments(message: Node) -> tuple[list[str], list[str]]:
    """(urls, labels): ``attachments[].payload.url`` (older fallbacks: top-level ``url``)."""
    urls: list[str] = []
    labels: list[str] = []
    node = message.opt("attachments")
    if node is None:
        return urls, labels
    for attachment in node.items():
        kind = opt_text(attachment, "type") or "attachment"
        payload = attachment.opt("payload")
        payload = payload if payload is not None and payload.is_obj() else None
        url = (opt_text(payload, "url") if payload is not None else "") or opt_text(
            attachment, "url"
        )
        title = (opt_text(payload, "title") if payload is not None else "") or opt_text(
            attachment, "title"
        )
        if url:
            urls.append(url)
        labels.append(f"{kind}: {title.strip()}" if title.strip() else kind)
    return urls, labels


def _message(ctx: _Context, item: Node, message: Node, *, edit: bool) -> None:
    sender = item.req("sender").req("id").ident()
    recipient_node = item.opt("recipient")
    recipient = opt_ident(recipient_node, "id") if recipient_node is not None else None
    mid = message.req("mid").ident()
    echo_node = message.opt("is_echo")
    echo = echo_node.boolean() if echo_node is not None else False
    outbound = echo or ctx.owned(sender)
    customer = (recipient or "unknown") if outbound else sender
    deleted_node = message.opt("is_deleted")
    deleted = deleted_node.boolean() if deleted_node is not None else False
    operation: Operation = "delete" if deleted else "edit" if edit else "create"
    urls, labels = _attachments(message)
    text = "" if deleted else text_or_attachments(opt_text(message, "text"), labels)
    if operation != "delete" and not text.strip():
        unsupported = message.opt("is_unsupported")
        ctx.delivery.drop(
            "unsupported" if unsupported is not None and unsupported.boolean() else "message.empty"
        )
        return
    reply_to = message.opt("reply_to")
    parent_id = None
    if reply_to is not None:
        story = reply_to.opt("story")
        parent_id = opt_ident(reply_to, "mid") or (
            opt_ident(story, "id") if story is not None else None
        )
    timestamp = item.opt("timestamp")
    created_at = _time.epoch_auto(timestamp) if timestamp is not None else ctx.entry_time()
    ctx.delivery.events.append(
        make_event(
            message.path,
            platform=ctx.platform,
            kind="dm",
            message_id=mid,
            thread_id=f"{ctx.owner}:{customer}",
            parent_id=parent_id,
            author_id=sender,
            brand_handle=ctx.brand.handle_for(ctx.platform),
            operation=operation,
            text=text,
            created_at=created_at,
            direction="outbound" if outbound else "inbound",
            attachments=[] if deleted else urls,
        )
    )
