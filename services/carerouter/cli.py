"""The ``carerouter`` command: run the demo stack, or serve one service."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

SERVE_CHOICES = ("ingest", "classify", "route", "notify")


def _serve(service: str) -> int:
    from carerouter.common.logging import configure_logging  # noqa: PLC0415 - fast --help

    if service == "ingest":
        from carerouter.ingest.main import IngestSettings  # noqa: PLC0415
        from carerouter.ingest.main import serve as serve_ingest  # noqa: PLC0415

        settings_i = IngestSettings()
        configure_logging(settings_i.log_level, settings_i.log_format, service)
        asyncio.run(serve_ingest(settings_i))
    elif service == "classify":
        from carerouter.classify.main import ClassifySettings  # noqa: PLC0415
        from carerouter.classify.main import serve as serve_classify  # noqa: PLC0415

        settings_c = ClassifySettings()
        configure_logging(settings_c.log_level, settings_c.log_format, service)
        asyncio.run(serve_classify(settings_c))
    elif service == "route":
        from carerouter.route.main import RouteSettings  # noqa: PLC0415
        from carerouter.route.main import serve as serve_route  # noqa: PLC0415

        settings_r = RouteSettings()
        configure_logging(settings_r.log_level, settings_r.log_format, service)
        asyncio.run(serve_route(settings_r))
    else:
        from carerouter.notify.main import NotifySettings  # noqa: PLC0415
        from carerouter.notify.main import serve as serve_notify  # noqa: PLC0415

        settings_n = NotifySettings()
        configure_logging(settings_n.log_level, settings_n.log_format, service)
        asyncio.run(serve_notify(settings_n))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="carerouter", description="Event-driven routing for customer care on social media."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser(
        "run",
        help="start a broker and all services, stream the demo data through them",
        description="Start an embedded Kafka-compatible broker (or use --broker), the four "
        "services, and stream the bundled demo through them with live progress.",
    )
    run.add_argument(
        "--broker",
        metavar="HOST:PORT",
        help="use this Kafka instead of an embedded one (env CARE_KAFKA_BOOTSTRAP_SERVERS)",
    )
    run.add_argument("--serve", action="store_true", help="keep the stack up after the demo")
    run.add_argument("--no-demo", action="store_true", help="do not stream the demo data")
    run.add_argument("--stream", metavar="FILE", help="a demo stream file (JSON lines)")
    run.add_argument("--policy", metavar="FILE", help="care policy (default: the demo policy)")
    run.add_argument(
        "--speed", type=float, default=1.0, help="replay speed factor of the stream (default 1)"
    )
    run.add_argument("--partitions", type=int, default=3, help="partitions per topic")
    run.add_argument(
        "--max-wait",
        type=float,
        default=120.0,
        help="seconds to wait for SLA clocks after the stream",
    )
    run.add_argument("--run-dir", metavar="DIR", help="where logs and outputs go")

    serve = commands.add_parser("serve", help="run one service (configured by CARE_* variables)")
    serve.add_argument("service", choices=SERVE_CHOICES)

    policy = commands.add_parser("policy", help="work with care policy files")
    policy_commands = policy.add_subparsers(dest="policy_command", required=True)
    check = policy_commands.add_parser(
        "check", help="validate policy files; report each error with file, line and key"
    )
    check.add_argument("files", nargs="+", metavar="FILE")

    replay = commands.add_parser(
        "replay",
        help="what-if: replay a recorded stream offline under the current and a new policy",
        description="Runs the route and SLA domain code offline over a recorded stream and "
        "prints per-queue figures for both policies side by side. Writes to no topic.",
    )
    replay.add_argument("stream", metavar="EVENTS.jsonl")
    replay.add_argument("--policy", required=True, metavar="NEW.yaml", help="the new policy")
    replay.add_argument(
        "--current",
        metavar="CURRENT.yaml",
        help="the current policy (default: CARE_POLICY_FILE, else the shipped default)",
    )
    replay.add_argument("--json", action="store_true", help="machine-readable output")

    classify = commands.add_parser(
        "classify", help="classify a text, or JSON lines with --jsonl (offline, no broker)"
    )
    classify.add_argument("text", nargs="?", help="the text to classify")
    classify.add_argument(
        "--jsonl",
        nargs="?",
        const="-",
        metavar="FILE",
        help='read {"id", "text"} JSON lines from FILE (stdin when omitted)',
    )

    normalize = commands.add_parser(
        "normalize", help="print the SocialEvents of raw platform deliveries (offline)"
    )
    normalize.add_argument("--platform", required=True, help="meta, x, youtube, trustpilot, google")
    normalize.add_argument("--brand", metavar="FILE", help="brand accounts and names (YAML)")
    normalize.add_argument("files", nargs="+", metavar="FILE")
    return parser


def _classify(args: argparse.Namespace) -> int:
    from carerouter.classify.cli import classify_jsonl, classify_text  # noqa: PLC0415

    if args.jsonl is not None:
        return classify_jsonl(None if args.jsonl == "-" else args.jsonl)
    if not args.text:
        print("error: give a TEXT or --jsonl [FILE]", file=sys.stderr)
        return 2
    return classify_text(args.text)


def _normalize(args: argparse.Namespace) -> int:
    from pathlib import Path  # noqa: PLC0415

    from carerouter.ingest.channels import BrandConfig  # noqa: PLC0415
    from carerouter.ingest.channels.cli import normalize_files  # noqa: PLC0415
    from carerouter.ingest.channels_config import load_brand  # noqa: PLC0415

    brand = load_brand(Path(args.brand)) if args.brand else BrandConfig()
    paths = [Path(f) for f in args.files]
    return normalize_files(args.platform, paths, brand, sys.stdout, sys.stderr)


def _replay(args: argparse.Namespace) -> int:
    import json  # noqa: PLC0415 - fast start for other commands
    import os  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from carerouter.route.policy import PolicyError  # noqa: PLC0415
    from carerouter.route.replay import ReplayError, format_side_by_side, replay  # noqa: PLC0415

    current = args.current or os.environ.get("CARE_POLICY_FILE")
    try:
        results = replay(Path(args.stream), [Path(current) if current else None, Path(args.policy)])
    except (ReplayError, PolicyError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"current": results[0].as_dict(), "new": results[1].as_dict()}, indent=2))
    else:
        print(format_side_by_side(results))
    return 0


def _policy_check(files: Sequence[str]) -> int:
    from pathlib import Path  # noqa: PLC0415 - fast start for other commands

    from carerouter.route.policy_check import check_policy_file, format_problems  # noqa: PLC0415

    failed = 0
    for name in files:
        _, problems = check_policy_file(Path(name))
        if problems:
            failed += 1
            print(format_problems(problems), file=sys.stderr)
        else:
            print(f"{name}: ok")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        sys.exit(_serve(args.service))
    if args.command == "classify":
        sys.exit(_classify(args))
    if args.command == "normalize":
        sys.exit(_normalize(args))
    if args.command == "replay":
        sys.exit(_replay(args))
    if args.command == "policy":
        sys.exit(_policy_check(args.files))
    if args.command == "run":
        from carerouter.demo_runner import run_command  # noqa: PLC0415

        sys.exit(run_command(args))
