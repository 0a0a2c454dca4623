"""Generated code is reproducible: regenerating from protos/ gives the committed files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "services" / "carerouter" / "v1"


def test_generated_code_matches_protos(tmp_path: Path) -> None:
    """`make proto` output equals what is committed; run `make proto` when this fails."""
    bin_dir = Path(sys.executable).parent
    protos = sorted((ROOT / "protos" / "carerouter" / "v1").glob("*.proto"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            f"-I{ROOT / 'protos'}",
            f"--python_out={tmp_path}",
            f"--grpc_python_out={tmp_path}",
            f"--mypy_out={tmp_path}",
            f"--mypy_grpc_out={tmp_path}",
            f"--plugin=protoc-gen-mypy={bin_dir / 'protoc-gen-mypy'}",
            f"--plugin=protoc-gen-mypy_grpc={bin_dir / 'protoc-gen-mypy_grpc'}",
            *map(str, protos),
        ],
        check=True,
        capture_output=True,
    )
    fresh = tmp_path / "carerouter" / "v1"
    generated = sorted(p.name for p in fresh.iterdir() if p.is_file())
    committed = sorted(
        p.name for p in GENERATED.iterdir() if p.is_file() and p.name != "__init__.py"
    )
    assert generated == committed, "generated file set differs; run `make proto`"
    stale = [
        name for name in generated if (fresh / name).read_bytes() != (GENERATED / name).read_bytes()
    ]
    assert not stale, f"generated code drifted from protos/: {stale}; run `make proto`"
