"""``normalize_files``: JSON lines per event, ``FILE: field: problem`` per bad delivery."""

from __future__ import annotations

import io
import json
from pathlib import Path

from channels_support import BRAND, EXPECTED, FIXTURES, RECEIVED

from carerouter.ingest.channels.cli import normalize_files

FIELDS = {
    "platform",
    "kind",
    "direction",
    "surface",
    "message_id",
    "thread_id",
    "parent_id",
    "author_id",
    "author_handle",
    "author_name",
    "followers_count",
    "verified",
    "text",
    "lang",
    "created_at",
    "attachments",
    "operation",
}


def run(platform: str, paths: list[Path]) -> tuple[int, list[dict[str, object]], str]:
    out, err = io.StringIO(), io.StringIO()
    code = normalize_files(platform, paths, BRAND, out, err, received_at=RECEIVED)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


class TestNormalizeFiles:
    def test_meta_samples_print_one_line_per_event(self) -> None:
        """Every Meta sample event prints as one JSON line with all the required fields."""
        paths = sorted((FIXTURES / "meta").glob("*.json"))
        code, lines, err = run("meta", paths)
        assert (code, err) == (0, "")  # the verification request is a handshake: no event
        meta_items = sum(len(items) for name, items in EXPECTED.items() if name.startswith("meta/"))
        assert len(lines) == meta_items - 2  # the reaction is dropped, the IG mention pending
        for line in lines:
            assert set(line) >= FIELDS
            assert str(line["created_at"]).endswith("Z")

    def test_printed_fields(self) -> None:
        """Surface, direction, handle, followers and the Z-suffixed UTC time are printed."""
        code, lines, _ = run("x", [FIXTURES / "x/aaa_direct_message_outgoing.json"])
        assert code == 0
        line = lines[0]
        assert line["surface"] == "private"
        assert line["direction"] == "outbound"
        assert line["created_at"] == "2026-03-14T11:23:10Z"
        assert line["author_handle"] == "AcmeCareSample"
        assert line["followers_count"] == 88012

    def test_unknown_author_and_empty_strings_print_as_null(self) -> None:
        """An unknown author and empty handle print as null; the rating is printed."""
        _, lines, _ = run("google_reviews", [FIXTURES / "reviews/gbp_review_resource.json"])
        assert (lines[0]["author_id"], lines[0]["author_handle"], lines[0]["rating"]) == (
            None,
            None,
            2,
        )

    def test_bad_file_reported_and_others_still_print(self, tmp_path: Path) -> None:
        """An unreadable delivery prints FILE: field: problem; the other files still print."""
        bad = tmp_path / "bad.json"
        bad.write_bytes(
            b'{"object":"page","entry":[{"id":"1","time":1,"changes":[{"field":"feed","value":{"item":"comment"}}]}]}'
        )
        missing = tmp_path / "missing.json"
        good = FIXTURES / "meta/messenger_message_text.json"
        code, lines, err = run("meta", [bad, good, missing])
        assert code == 1
        assert len(lines) == 1
        assert f"{bad}: entry[0].changes[0].value.comment_id: missing\n" in err
        assert err.count(str(missing)) == 1

    def test_request_wrapper_with_body(self, tmp_path: Path) -> None:
        """A request description with headers and a body is unwrapped."""
        body = (FIXTURES / "x/xaa_dm_received.json").read_text()
        wrapped = tmp_path / "request.json"
        wrapped.write_text(
            json.dumps(
                {"method": "POST", "headers": {"content-type": "application/json"}, "body": body}
            )
        )
        code, lines, err = run("x", [wrapped])
        assert (code, err, len(lines)) == (0, "", 1)

    def test_youtube_and_reviews(self) -> None:
        """The WebSub handshake and video notice print nothing; comments and reviews print."""
        code, lines, err = run("youtube", sorted((FIXTURES / "youtube").iterdir()))
        assert (code, err) == (0, "")
        assert [line["kind"] for line in lines] == ["comment", "reply"]
        code, lines, err = run("trustpilot", sorted((FIXTURES / "reviews").glob("trustpilot*")))
        assert (code, err, len(lines)) == (0, "", 2)

    def test_unknown_platform(self) -> None:
        """An unknown --platform name is a usage error (exit code 2)."""
        code, lines, err = run("myspace", [])
        assert (code, lines) == (2, [])
        assert "unknown platform" in err
