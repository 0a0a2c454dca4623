"""The case view behind CaseService: latest version wins, open cases counted per queue."""

from __future__ import annotations

from carerouter.route.read_model import CaseView
from carerouter.v1 import events_pb2


def case(
    case_id: str, version: int, queue: str, status: int = events_pb2.CASE_STATUS_OPEN
) -> bytes:
    return events_pb2.Case(
        case_id=case_id,
        conversation_key=case_id.split("#", maxsplit=1)[0],
        version=version,
        status=status,  # type: ignore[arg-type]
        assignment=events_pb2.Assignment(queue=queue),
    ).SerializeToString()


class TestCaseView:
    def test_older_versions_are_ignored(self) -> None:
        """A redelivered older snapshot never replaces a newer one."""
        view = CaseView()
        view.apply(case("x:1#1", 2, "orders", events_pb2.CASE_STATUS_RESOLVED))
        view.apply(case("x:1#1", 1, "orders"))
        found = view.get("x:1#1")
        assert found is not None and found.status == events_pb2.CASE_STATUS_RESOLVED

    def test_open_cases_are_counted_per_queue(self) -> None:
        """Opening, moving between queues and resolving keep the per-queue gauge right."""
        counts: dict[str, int] = {}
        view = CaseView(counts.__setitem__)
        view.apply(case("x:1#1", 1, "orders"))
        view.apply(case("x:2#1", 1, "orders"))
        view.apply(case("x:2#1", 2, "privacy"))
        view.apply(case("x:1#1", 2, "orders", events_pb2.CASE_STATUS_RESOLVED))
        assert counts == {"orders": 0, "privacy": 1}
        assert view.open_count("privacy") == 1

    def test_select_filters_by_queue_status_and_conversation(self) -> None:
        """ListCases' filters combine."""
        view = CaseView()
        view.apply(case("x:1#1", 1, "orders"))
        view.apply(case("x:2#1", 1, "privacy"))
        view.apply(case("x:2#2", 1, "privacy", events_pb2.CASE_STATUS_RESOLVED))
        assert [c.case_id for c in view.select(queue="privacy")] == ["x:2#1", "x:2#2"]
        assert [c.case_id for c in view.select(status=events_pb2.CASE_STATUS_OPEN)] == [
            "x:1#1",
            "x:2#1",
        ]
        assert [c.case_id for c in view.select(conversation_key="x:2")] == ["x:2#1", "x:2#2"]
