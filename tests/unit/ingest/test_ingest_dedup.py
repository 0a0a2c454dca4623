"""``RecentIds``: the bounded, time-limited set of recently accepted event ids."""

from __future__ import annotations

from carerouter.ingest.dedup import RecentIds


class TestTtl:
    def test_unknown_id_is_not_seen(self) -> None:
        """A fresh set has seen nothing."""
        recent = RecentIds(ttl_s=60, max_size=10)
        assert not recent.seen("a", 0.0)
        assert len(recent) == 0

    def test_added_id_is_seen_within_ttl(self) -> None:
        """An id is remembered until ttl seconds have passed (inclusive)."""
        recent = RecentIds(ttl_s=60, max_size=10)
        recent.add("a", 100.0)
        assert recent.seen("a", 100.0)
        assert recent.seen("a", 159.9)
        assert recent.seen("a", 160.0)

    def test_id_expires_after_ttl(self) -> None:
        """Past the ttl the id is forgotten and dropped from the set."""
        recent = RecentIds(ttl_s=60, max_size=10)
        recent.add("a", 100.0)
        assert not recent.seen("a", 160.1)
        assert "a" not in recent
        assert len(recent) == 0

    def test_expiry_removes_only_old_ids(self) -> None:
        """Expiry drops the ids older than the ttl and keeps the younger ones."""
        recent = RecentIds(ttl_s=10, max_size=10)
        recent.add("old", 0.0)
        recent.add("mid", 5.0)
        recent.add("new", 9.0)
        assert recent.seen("new", 12.0)
        assert "old" not in recent
        assert "mid" in recent
        assert len(recent) == 2

    def test_re_adding_refreshes_the_timestamp(self) -> None:
        """Adding an id again restarts its ttl and moves it to the young end."""
        recent = RecentIds(ttl_s=10, max_size=10)
        recent.add("a", 0.0)
        recent.add("b", 1.0)
        recent.add("a", 8.0)
        assert not recent.seen("b", 12.0)
        assert recent.seen("a", 12.0)

    def test_contains_does_not_expire(self) -> None:
        """``in`` is a plain membership test; only ``seen`` applies the ttl."""
        recent = RecentIds(ttl_s=1, max_size=10)
        recent.add("a", 0.0)
        assert "a" in recent


class TestMaxSize:
    def test_oldest_is_evicted_beyond_max_size(self) -> None:
        """Adding past max_size evicts the oldest ids first."""
        recent = RecentIds(ttl_s=1000, max_size=3)
        for i, key in enumerate("abcd"):
            recent.add(key, float(i))
        assert len(recent) == 3
        assert not recent.seen("a", 4.0)
        assert all(recent.seen(k, 4.0) for k in "bcd")

    def test_refreshed_id_survives_eviction(self) -> None:
        """A re-added id counts as newest, so an older one is evicted instead."""
        recent = RecentIds(ttl_s=1000, max_size=2)
        recent.add("a", 0.0)
        recent.add("b", 1.0)
        recent.add("a", 2.0)
        recent.add("c", 3.0)
        assert "a" in recent
        assert "b" not in recent
        assert "c" in recent

    def test_size_never_exceeds_max(self) -> None:
        """However many ids are added, at most max_size are kept."""
        recent = RecentIds(ttl_s=1000, max_size=5)
        for i in range(100):
            recent.add(f"id-{i}", float(i))
            assert len(recent) <= 5
        assert [f"id-{i}" in recent for i in range(94, 100)] == [False] + [True] * 5
