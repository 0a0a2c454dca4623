"""Remembers recently accepted event ids, so a platform's retry is acknowledged but not
produced again. Pure: time is passed in."""

from __future__ import annotations

from collections import OrderedDict


class RecentIds:
    """A bounded, time-limited set of ids (oldest evicted first)."""

    def __init__(self, ttl_s: float, max_size: int) -> None:
        self._ttl = ttl_s
        self._max = max_size
        self._seen: OrderedDict[str, float] = OrderedDict()

    def __contains__(self, key: str) -> bool:
        return key in self._seen

    def seen(self, key: str, now: float) -> bool:
        self._expire(now)
        return key in self._seen

    def add(self, key: str, now: float) -> None:
        self._seen[key] = now
        self._seen.move_to_end(key)
        while len(self._seen) > self._max:
            self._seen.popitem(last=False)

    def _expire(self, now: float) -> None:
        cutoff = now - self._ttl
        while self._seen:
            key, at = next(iter(self._seen.items()))
            if at >= cutoff:
                break
            del self._seen[key]

    def __len__(self) -> int:
        return len(self._seen)
