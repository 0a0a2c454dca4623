"""YouTube comments are polled from commentThreads.list and published once each."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlparse

import pytest

from carerouter.common.metrics import Metrics
from carerouter.ingest.channels import BrandConfig
from carerouter.ingest.dedup import RecentIds
from carerouter.ingest.publisher import Publisher
from carerouter.ingest.youtube_poll import YouTubePolling, comment_threads_fetch

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "channels"
    / "youtube"
    / "commentthreads_list_response.json"
)


class FakeYouTube(BaseHTTPRequestHandler):
    """commentThreads.list on loopback: the sample page, or 500 when told to fail."""

    queries: ClassVar[list[dict[str, list[str]]]] = []
    fail = False

    def do_GET(self) -> None:
        type(self).queries.append(parse_qs(urlparse(self.path).query))
        if type(self).fail:
            self.send_response(500)
            self.end_headers()
            return
        body = SAMPLE.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def api() -> Iterator[str]:
    FakeYouTube.queries, FakeYouTube.fail = [], False
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeYouTube)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/youtube/v3"
    server.shutdown()


class Produced:
    def __init__(self) -> None:
        self.keys: list[str] = []

    async def __call__(self, _topic: str, items: list[tuple[str, bytes]]) -> None:
        self.keys.extend(key for key, _ in items)


class TestYouTubePolling:
    async def test_new_comments_are_published_once(self, api: str) -> None:
        """The first poll publishes the page's comments; the second publishes nothing new."""
        produced = Produced()
        polling = YouTubePolling(
            comment_threads_fetch(api, "test-key", "UC_acme"),
            Publisher(produced, RecentIds(3600, 1000)),
            Metrics("ingest"),
            BrandConfig(),
            interval_s=60,
        )
        first = await polling.poll_once()
        assert first > 0 and len(produced.keys) == first
        assert await polling.poll_once() == 0
        query = FakeYouTube.queries[0]
        assert query["allThreadsRelatedToChannelId"] == ["UC_acme"] and query["key"] == ["test-key"]

    async def test_api_failure_is_counted_not_raised(self, api: str) -> None:
        """A failing API is a counted, logged miss; the poller keeps going."""
        FakeYouTube.fail = True
        metrics = Metrics("ingest")
        polling = YouTubePolling(
            comment_threads_fetch(api, "k", "UC_acme"),
            Publisher(Produced(), RecentIds(3600, 1000)),
            metrics,
            BrandConfig(),
            interval_s=60,
        )
        assert await polling.poll_once() == 0
        assert b'platform="youtube"} 1.0' in metrics.render()
