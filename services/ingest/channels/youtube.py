"""YouTube: WebSub video notifications (pushed) and comment threads (polled).

The hub pushes only new or updated videos (an Atom feed): a channel-level signal to start or
stop polling a video's comments, never a customer message, so :func:`normalize` drops it as
``video`` (:func:`video_notices` gives the details). Comments are polled with
``commentThreads.list``: :func:`normalize_comment_threads` and :class:`CommentPoller`.
Threads: the video (``snippet.videoId``); a top-level comment's parent is the video.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, MutableSet
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from carerouter.ingest.channels import _time
from carerouter.ingest.channels._build import finish, make_event
from carerouter.ingest.channels._json import MAX_BODY_BYTES, Node, opt_ident, opt_text, parse_json
from carerouter.ingest.channels.errors import DeliveryError
from carerouter.ingest.channels.model import BrandConfig, Delivery
from carerouter.ingest.schema import EventIn, PlatformName

PLATFORM: Final[PlatformName] = "youtube"
ATOM = "{http://www.w3.org/2005/Atom}"
YT = "{http://www.youtube.com/xml/schemas/2015}"
TOMBSTONE = "{http://purl.org/atompub/tombstones/1.0}"
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class VideoNotice:
    """One entry of a WebSub notification: a video uploaded, updated, or deleted/privated
    (``deleted``; an undocumented ``at:deleted-entry``, without a channel id)."""

    video_id: str
    channel_id: str | None
    title: str
    author_name: str
    published: datetime | None
    updated: datetime | None
    deleted: bool = False


def _xml_root(raw: bytes) -> ET.Element:
    if len(raw) > MAX_BODY_BYTES:
        raise DeliveryError("$", f"body larger than {MAX_BODY_BYTES} bytes")
    if re.search(rb"<!\s*(DOCTYPE|ENTITY)", raw, re.IGNORECASE):
        # No Atom feed has a DTD; refusing it rules out entity expansion and external entities.
        raise DeliveryError("$", "XML with a document type declaration is refused")
    try:
        return ET.fromstring(raw)  # noqa: S314 - no DTD (checked above)
    except (ET.ParseError, ValueError, LookupError) as exc:  # LookupError: unknown encoding
        raise DeliveryError("$", f"invalid XML: {exc}") from None


def _child_text(element: ET.Element, tag: str) -> str:
    child = element.find(tag)
    return (child.text or "").strip() if child is not None else ""


def _xml_time(text: str, path: str) -> datetime | None:
    return _time.rfc3339(Node(text, path)) if text else None


def video_notices(raw: bytes) -> list[VideoNotice]:
    """The entries of a WebSub Atom notification body."""
    root = _xml_root(raw)
    if root.tag != f"{ATOM}feed":
        raise DeliveryError("feed", f"expected an Atom feed, got <{root.tag}>")
    notices: list[VideoNotice] = []
    for index, entry in enumerate(root.findall(f"{ATOM}entry")):
        path = f"feed.entry[{index}]"
        video_id = _child_text(entry, f"{YT}videoId")
        if not video_id:
            raise DeliveryError(f"{path}.yt:videoId", "missing")
        author = entry.find(f"{ATOM}author")
        notices.append(
            VideoNotice(
                video_id=video_id,
                channel_id=_child_text(entry, f"{YT}channelId") or None,
                title=_child_text(entry, f"{ATOM}title"),
                author_name=_child_text(author, f"{ATOM}name") if author is not None else "",
                published=_xml_time(_child_text(entry, f"{ATOM}published"), f"{path}.published"),
                updated=_xml_time(_child_text(entry, f"{ATOM}updated"), f"{path}.updated"),
            )
        )
    for index, gone in enumerate(root.findall(f"{TOMBSTONE}deleted-entry")):
        path = f"feed.at:deleted-entry[{index}]"
        ref = (gone.get("ref") or "").strip()
        if not ref:
            raise DeliveryError(f"{path}.ref", "missing")
        by = gone.find(f"{TOMBSTONE}by")
        notices.append(
            VideoNotice(
                video_id=ref.removeprefix("yt:video:"),
                channel_id=None,
                title="",
                author_name=_child_text(by, f"{ATOM}name") if by is not None else "",
                published=None,
                updated=_xml_time((gone.get("when") or "").strip(), f"{path}.when"),
                deleted=True,
            )
        )
    return notices


def normalize(raw: bytes, *, brand: BrandConfig, received_at: datetime | None = None) -> Delivery:
    """A WebSub notification (Atom XML: dropped as ``video``/``video_deleted``) or a polled
    ``commentThreads.list``/``comments.list`` response (JSON)."""
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        delivery = Delivery(PLATFORM)
        for notice in video_notices(raw):
            delivery.drop("video_deleted" if notice.deleted else "video")
        return delivery
    return _comments(parse_json(raw), brand)


def normalize_comment_threads(
    response_json: Mapping[str, Any], *, brand: BrandConfig | None = None
) -> Delivery:
    """A parsed ``commentThreads.list`` (or ``comments.list``) response, or one thread or
    comment resource, to events: each top-level comment and each included reply."""
    return _comments(Node(response_json, ""), brand or BrandConfig())


def _comments(root: Node, brand: BrandConfig) -> Delivery:
    delivery = Delivery(PLATFORM)
    items = list(root.req("items").items()) if root.has("items") else [root]
    for item in items:
        if item.has("snippet") and item.req("snippet").has("topLevelComment"):
            snippet = item.req("snippet")
            _comment(snippet.req("topLevelComment"), brand, delivery, snippet)
            replies = item.opt("replies")
            comments = replies.opt("comments") if replies is not None else None
            for reply in comments.items() if comments is not None else ():
                _comment(reply, brand, delivery, snippet)
        else:
            _comment(item, brand, delivery, None)
    return finish(delivery)


def _comment(comment: Node, brand: BrandConfig, delivery: Delivery, thread: Node | None) -> None:
    snippet = comment.req("snippet")
    message_id = comment.req("id").ident()
    text = opt_text(snippet, "textOriginal")
    if not text.strip():  # textDisplay is HTML
        text = html.unescape(_TAG.sub("", opt_text(snippet, "textDisplay")))
    if not text.strip():
        delivery.drop("comment.empty")
        return
    video_id = opt_ident(snippet, "videoId") or (
        opt_ident(thread, "videoId") if thread is not None else None
    )
    channel_id = opt_ident(snippet, "channelId")
    parent_id = opt_ident(snippet, "parentId")
    author = snippet.opt("authorChannelId")
    author_id = (
        (opt_ident(author, "value") if author.is_obj() else author.ident())
        if author is not None
        else None
    )
    display = opt_text(snippet, "authorDisplayName")
    owned = author_id is not None and (
        author_id == channel_id or brand.owns_id(PLATFORM, author_id)
    )
    delivery.events.append(
        make_event(
            comment.path,
            platform=PLATFORM,
            kind="reply" if parent_id else "comment",
            message_id=message_id,
            thread_id=video_id or parent_id,
            parent_id=parent_id or video_id,
            author_id=author_id,
            # Recent responses put the @handle in authorDisplayName; it serves as both.
            handle=display,
            name=display,
            brand_handle=brand.handle_for(PLATFORM),
            text=text,
            created_at=_time.any_time(snippet.req("publishedAt")),
            direction="outbound" if owned or brand.owns_handle(PLATFORM, display) else "inbound",
        )
    )


class CommentPoller:
    """Polls comment threads through an injected ``fetch(page_token) -> response dict``
    (``commentThreads.list`` with ``order=time``; no network here) and returns only the
    comments not in ``seen``, which it updates.

    Paging stops at the last page, after ``max_pages``, or at the first page that holds an
    already seen thread (newest first: the rest was seen before). New replies to old threads
    need ``comments.list?parentId=``, which the same normaliser reads.
    """

    def __init__(
        self,
        fetch: Callable[[str | None], Mapping[str, Any]],
        seen: MutableSet[str] | None = None,
        *,
        brand: BrandConfig | None = None,
        max_pages: int = 10,
    ) -> None:
        self._fetch = fetch
        self.seen: MutableSet[str] = seen if seen is not None else set()
        self._brand = brand or BrandConfig()
        self._max_pages = max_pages
        self.dropped: dict[str, int] = {}

    def poll(self) -> list[EventIn]:
        token: str | None = None
        fresh: list[EventIn] = []
        for _ in range(self._max_pages):
            page = self._fetch(token)
            root = Node(page, "")
            delivery = _comments(root, self._brand)
            for kind, count in delivery.dropped.items():
                self.dropped[kind] = self.dropped.get(kind, 0) + count
            reached_seen = any(
                event.message_id in self.seen and event.kind == "comment"
                for event in delivery.events
            )
            for event in delivery.events:
                if event.message_id not in self.seen:
                    self.seen.add(event.message_id)
                    fresh.append(event)
            next_token = root.opt("nextPageToken")
            token = next_token.string() if next_token is not None else None
            if reached_seen or not token:
                break
        fresh.sort(key=lambda event: event.created_at)
        return fresh
