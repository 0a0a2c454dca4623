"""Turn the demo stream (offsets in seconds) into a recorded stream with absolute times,
for `carerouter replay`: one demo second becomes SCALE seconds of a working day."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "services" / "carerouter" / "demo"
START = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # Monday 07:00 in Berlin
SCALE = 300.0  # the 40 s demo spans three hours and twenty minutes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=DEMO / "stream.jsonl")
    parser.add_argument("--out", type=Path, default=DEMO / "recorded.jsonl")
    args = parser.parse_args()
    lines = []
    for line in args.source.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        at = (
            (START + timedelta(seconds=float(item.pop("at")) * SCALE))
            .isoformat()
            .replace("+00:00", "Z")
        )
        if item["type"] == "event":
            item["event"]["created_at"] = at
        else:
            item["at"] = at
        lines.append(json.dumps(item, ensure_ascii=False))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
