"""YouTube comments are not pushed: poll ``commentThreads.list`` on an interval and
publish the new comments like any other delivery."""

from __future__ import annotations

import asyncio
import json
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any

from carerouter.common.kafka import BrokerUnavailable
from carerouter.common.logging import get_logger
from carerouter.common.metrics import Metrics
from carerouter.ingest.channels import BrandConfig, DeliveryError
from carerouter.ingest.channels.youtube import CommentPoller
from carerouter.ingest.publisher import Publisher

log = get_logger(__name__)
Fetch = Callable[[str | None], Mapping[str, Any]]


def comment_threads_fetch(
    api_base: str, api_key: str, channel_id: str, timeout_s: float = 10
) -> Fetch:
    """A blocking fetch of one page of the channel's newest comment threads."""

    def fetch(page_token: str | None) -> Mapping[str, Any]:
        query = {
            "part": "snippet,replies",
            "allThreadsRelatedToChannelId": channel_id,
            "order": "time",
            "maxResults": "100",
            "textFormat": "plainText",
            "key": api_key,
        }
        if page_token:
            query["pageToken"] = page_token
        url = f"{api_base.rstrip('/')}/commentThreads?{urllib.parse.urlencode(query)}"
        with urllib.request.urlopen(url, timeout=timeout_s) as response:  # noqa: S310 - configured https base
            data: Mapping[str, Any] = json.loads(response.read())
            return data

    return fetch


class YouTubePolling:
    def __init__(
        self,
        fetch: Fetch,
        publisher: Publisher,
        metrics: Metrics,
        brand: BrandConfig,
        interval_s: float,
    ) -> None:
        self._poller = CommentPoller(fetch, brand=brand)
        self._publisher = publisher
        self._metrics = metrics
        self._interval = interval_s

    async def poll_once(self) -> int:
        """One poll; returns how many new comments were published (0 on failure)."""
        loop = asyncio.get_running_loop()
        try:
            events = await loop.run_in_executor(None, self._poller.poll)
        except (OSError, ValueError, DeliveryError) as exc:  # network, JSON, shape
            self._metrics.webhooks.labels("youtube", "poll_failed").inc()
            log.warning("youtube_poll_failed", error=type(exc).__name__)
            return 0
        if not events:
            return 0
        try:
            accepted = await self._publisher.publish(events)
        except BrokerUnavailable:
            # Forget them so the next poll tries again (dedup drops any that did land).
            for event in events:
                self._poller.seen.discard(event.message_id)
            return 0
        produced = sum(not a.duplicate for a in accepted)
        self._metrics.webhooks.labels("youtube", "polled").inc()
        return produced

    async def run(self) -> None:
        while True:
            await self.poll_once()
            await asyncio.sleep(self._interval)
