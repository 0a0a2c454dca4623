"""The default sender: writes what would be sent, one JSON line per delivery.

The demo and the tests use it; a live deployment uses it for the platforms it has no
credentials (or no live sender) for. A delivery id is written at most once, also across
restarts: the file is read on start and every id in it counts as sent.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from carerouter.common.logging import get_logger
from carerouter.notify.outbound.sender import OutboundDelivery, SendResult

log = get_logger(__name__)

NowFn = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class RecordingSender:
    """Appends one JSON object per delivery to ``path`` (JSON lines, UTF-8):
    ``delivery_id``, ``action_id``, ``case_id``, ``conversation_key``, ``platform``,
    ``kind``, ``surface``, ``reply_to``, ``recipient``, ``text``, ``lang`` and ``at`` (the
    recording time, RFC 3339 UTC). A delivery id already in the file is not written again
    and answers ``duplicate``. Lines that do not parse (a write cut short by a crash) are
    skipped on start, and the next record starts on a line of its own.
    """

    def __init__(self, path: Path, *, now: NowFn = utc_now) -> None:
        self.path = path
        self._now = now
        self._lock = asyncio.Lock()
        self._recorded: set[str] = set()
        self._needs_newline = False
        self.skipped_lines = 0
        """Lines of the existing file that could not be read on start."""
        self._load()

    def __repr__(self) -> str:
        return f"RecordingSender(path={str(self.path)!r}, recorded={len(self._recorded)})"

    @property
    def recorded(self) -> frozenset[str]:
        """The delivery ids in the file."""
        return frozenset(self._recorded)

    def _load(self) -> None:
        if not self.path.exists():
            return
        raw = self.path.read_bytes()
        self._needs_newline = bool(raw) and not raw.endswith(b"\n")
        for line in raw.splitlines():
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                self.skipped_lines += 1
                continue
            delivery_id = record.get("delivery_id") if isinstance(record, dict) else None
            if isinstance(delivery_id, str):
                self._recorded.add(delivery_id)
            else:
                self.skipped_lines += 1

    def _record(self, message: OutboundDelivery) -> dict[str, Any]:
        return {
            "delivery_id": message.delivery_id,
            "action_id": message.action_id,
            "case_id": message.case_id,
            "conversation_key": message.conversation_key,
            "platform": message.platform,
            "kind": message.kind,
            "surface": message.surface,
            "reply_to": message.reply_to_message_id or None,
            "recipient": message.recipient_author_id or None,
            "text": message.text,
            "lang": message.lang,
            "at": self._now().astimezone(UTC).isoformat().replace("+00:00", "Z"),
        }

    def _append(self, line: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            if self._needs_newline:
                out.write("\n")
            out.write(line + "\n")
            out.flush()
        self._needs_newline = False

    async def send(self, message: OutboundDelivery) -> SendResult:
        async with self._lock:
            if message.delivery_id in self._recorded:
                return SendResult(message.delivery_id, "duplicate", None, 0, "already recorded")
            line = json.dumps(self._record(message), ensure_ascii=False)
            self._append(line)
            self._recorded.add(message.delivery_id)
        log.info(
            "outbound_recorded",
            action_id=message.action_id,
            index=message.index,
            case_id=message.case_id,
            platform=message.platform,
            kind=message.kind,
        )
        return SendResult(message.delivery_id, "sent", None, 1, "recorded")
