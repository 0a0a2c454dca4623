"""Static checks of deploy/grafana/carerouter-dashboard.json: Grafana structure, and
PromQL that only uses carerouter's real metric names and labels and is well formed."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DASHBOARD = REPO / "deploy" / "grafana" / "carerouter-dashboard.json"
DATASOURCE_UID = "${DS_PROMETHEUS}"
ROWS = ["Traffic", "Classification", "Routing & cases", "SLA", "Webhooks"]
GRID_WIDTH = 24

# Every metric a panel may query, with its labels (a _bucket series also has "le").
METRICS: dict[str, set[str]] = {
    "carerouter_events_in_total": {"service", "source"},
    "carerouter_events_out_total": {"service", "topic"},
    "carerouter_events_failed_total": {"service", "reason"},
    "carerouter_processing_seconds_bucket": {"service", "stage", "le"},
    "carerouter_classified_total": {"intent", "lang", "sensitive"},
    "carerouter_routed_total": {"queue", "intent"},
    "carerouter_dm_handoffs_total": {"queue"},
    "carerouter_open_cases": {"queue"},
    "carerouter_oldest_waiting_seconds": {"queue"},
    "carerouter_time_to_breach_seconds": {"queue"},
    "carerouter_sla_events_total": {"queue", "metric", "level"},
    "carerouter_first_response_seconds_bucket": {"queue", "le"},
    "carerouter_resolution_seconds_bucket": {"queue", "le"},
    "carerouter_webhook_deliveries_total": {"sink", "outcome"},
}
QUEUE_FILTER = re.compile(r'queue\s*=~\s*"\$queue"')

PROMQL_KEYWORDS = {
    "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
    "offset", "bool", "inf", "nan",
}  # fmt: skip
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_SELECTOR = re.compile(r"([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}")
_MATCHER = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)\s*\"")
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)")
_IDENT = re.compile(r"(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?")


@cache
def dashboard() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return loaded


def all_panels() -> list[dict[str, Any]]:
    """Top-level panels plus panels nested in collapsed rows."""
    found: list[dict[str, Any]] = []
    for panel in dashboard()["panels"]:
        found.append(panel)
        found.extend(panel.get("panels", []))
    return found


def query_panels() -> list[dict[str, Any]]:
    return [p for p in all_panels() if p["type"] != "row"]


def exprs() -> list[str]:
    return [t["expr"] for p in query_panels() for t in p["targets"]]


def strip_strings(expr: str) -> str:
    return _STRING.sub('""', expr)


def balanced(expr: str) -> bool:
    """Parentheses, braces and brackets nest properly (ignoring quoted strings)."""
    pairs = {")": "(", "}": "{", "]": "["}
    stack: list[str] = []
    for char in strip_strings(expr):
        if char in "({[":
            stack.append(char)
        elif char in pairs and (not stack or stack.pop() != pairs[char]):
            return False
    return not stack


def metric_names(expr: str) -> set[str]:
    """Identifiers in metric position: not functions, keywords, label names or numbers."""
    text = strip_strings(expr)
    text = re.sub(r"\{[^}]*\}", " ", text)  # label matchers
    text = re.sub(r"\[[^\]]*\]", " ", text)  # range and subquery durations
    text = _GROUPING.sub(" ", text)  # by (...), on (...), ...
    names = set()
    for match in _IDENT.finditer(text):
        name, call = match.group(1), match.group(2)
        if call or name.lower() in PROMQL_KEYWORDS:
            continue
        names.add(name)
    return names


def used_carerouter_names(expr: str) -> set[str]:
    return set(re.findall(r"\bcarerouter_[a-zA-Z0-9_:]*", strip_strings(expr)))


class TestStructure:
    """The JSON is an importable Grafana dashboard of the expected shape."""

    def test_dashboard_metadata(self) -> None:
        """Schema ~39, a stable uid, a title, and a DS_PROMETHEUS datasource input."""
        dash = dashboard()
        assert 36 <= dash["schemaVersion"] <= 41
        assert dash["uid"] and dash["title"]
        inputs = {i["name"]: i for i in dash["__inputs"]}
        assert inputs["DS_PROMETHEUS"]["type"] == "datasource"
        assert inputs["DS_PROMETHEUS"]["pluginId"] == "prometheus"

    def test_panel_ids_are_unique(self) -> None:
        """Grafana keys panel state by id."""
        ids = Counter(p["id"] for p in all_panels())
        assert all(isinstance(i, int) for i in ids)
        assert [i for i, n in ids.items() if n > 1] == []

    def test_rows_are_the_expected_five_in_order(self) -> None:
        """Traffic, Classification, Routing & cases, SLA, Webhooks."""
        assert [p["title"] for p in all_panels() if p["type"] == "row"] == ROWS

    def test_first_panel_is_a_row(self) -> None:
        """Every query panel sits under a row."""
        assert dashboard()["panels"][0]["type"] == "row"

    def test_every_row_has_panels(self) -> None:
        """No empty row."""
        counts: Counter[str] = Counter()
        current = ""
        for panel in dashboard()["panels"]:
            if panel["type"] == "row":
                current = panel["title"]
                counts[current] += len(panel.get("panels", []))
            else:
                counts[current] += 1
        assert all(counts[row] > 0 for row in ROWS)

    @pytest.mark.parametrize("panel", query_panels(), ids=lambda p: p["title"])
    def test_panel_has_datasource_targets_and_title(self, panel: dict[str, Any]) -> None:
        """Every query panel names the input datasource and has at least one target."""
        assert panel["title"]
        assert panel["datasource"] == {"type": "prometheus", "uid": DATASOURCE_UID}
        assert panel["targets"], "no targets"
        ref_ids = [t["refId"] for t in panel["targets"]]
        assert len(ref_ids) == len(set(ref_ids))
        for target in panel["targets"]:
            assert target["expr"].strip()
            assert target.get("datasource", panel["datasource"])["uid"] == DATASOURCE_UID

    @pytest.mark.parametrize("panel", all_panels(), ids=lambda p: p["title"])
    def test_grid_pos(self, panel: dict[str, Any]) -> None:
        """gridPos is present, integral and within the 24-column grid."""
        grid = panel["gridPos"]
        assert all(isinstance(grid[k], int) and grid[k] >= 0 for k in ("h", "w", "x", "y"))
        assert grid["h"] > 0 and grid["w"] > 0
        assert grid["x"] + grid["w"] <= GRID_WIDTH

    def test_panels_do_not_overlap(self) -> None:
        """No two top-level panels share a grid cell."""
        taken: dict[tuple[int, int], str] = {}
        for panel in dashboard()["panels"]:
            grid = panel["gridPos"]
            for x in range(grid["x"], grid["x"] + grid["w"]):
                for y in range(grid["y"], grid["y"] + grid["h"]):
                    assert (x, y) not in taken, f"{panel['title']} overlaps {taken[(x, y)]}"
                    taken[(x, y)] = panel["title"]

    def test_queue_template_variable(self) -> None:
        """A multi-value "queue" variable with an All option, from the datasource."""
        variables = {v["name"]: v for v in dashboard()["templating"]["list"]}
        queue = variables["queue"]
        assert queue["type"] == "query" and queue["multi"] and queue["includeAll"]
        assert queue["datasource"]["uid"] == DATASOURCE_UID
        assert "queue" in json.dumps(queue["query"])


class TestPromql:
    """The expressions use only known metrics and labels and are well formed."""

    @pytest.mark.parametrize("expr", exprs())
    def test_brackets_balance(self, expr: str) -> None:
        """(), {} and [] nest properly."""
        assert balanced(expr)

    @pytest.mark.parametrize("expr", exprs())
    def test_metric_names_are_known(self, expr: str) -> None:
        """Every metric referenced is one carerouter exports (names exactly)."""
        names = metric_names(expr) | used_carerouter_names(expr)
        assert names, "no metric in expression"
        assert names <= METRICS.keys(), names - METRICS.keys()

    @pytest.mark.parametrize("expr", exprs())
    def test_label_names_belong_to_the_metrics(self, expr: str) -> None:
        """Matchers and by/on clauses only use labels the queried metrics have."""
        text = strip_strings(expr)
        metrics = metric_names(expr)
        known = set().union(*(METRICS[m] for m in metrics if m in METRICS))
        for metric, matchers in _SELECTOR.findall(text):
            labels = set(_MATCHER.findall(matchers))
            assert labels <= METRICS[metric], (metric, labels - METRICS[metric])
            assert matchers.strip()
        for group in _GROUPING.findall(text):
            labels = {g.strip() for g in group.split(",") if g.strip()}
            assert labels <= known, labels - known

    @pytest.mark.parametrize("expr", exprs())
    def test_queue_metrics_follow_the_queue_variable(self, expr: str) -> None:
        """Every selector of a queue-labelled metric filters by $queue."""
        for metric in used_carerouter_names(expr):
            if "queue" in METRICS.get(metric, set()):
                for selector in re.findall(rf"{metric}\s*\{{[^}}]*\}}", expr):
                    assert QUEUE_FILTER.search(selector), selector
                assert re.search(rf"{metric}\s*\{{", expr), f"{metric} without a selector"

    @pytest.mark.parametrize("expr", exprs())
    def test_counters_and_buckets_are_rated(self, expr: str) -> None:
        """_total and _bucket series appear only inside rate() or increase() with a range."""
        for metric in used_carerouter_names(expr):
            if metric.endswith(("_total", "_bucket")):
                pattern = rf"\b(?:rate|increase)\(\s*{metric}\s*(?:\{{[^}}]*\}})?\s*\[[^\]]+\]\)"
                uses = len(re.findall(rf"\b{metric}\b", expr))
                assert len(re.findall(pattern, expr)) == uses, expr

    @pytest.mark.parametrize("expr", [e for e in exprs() if "histogram_quantile" in e])
    def test_histogram_quantiles_keep_le(self, expr: str) -> None:
        """histogram_quantile gets a _bucket series aggregated by a set including le."""
        assert re.search(r"histogram_quantile\(\s*0?\.\d+\s*,", expr)
        assert all(m.endswith("_bucket") for m in metric_names(expr))
        for group in _GROUPING.findall(expr):
            assert "le" in {g.strip() for g in group.split(",")}

    def test_every_metric_is_on_the_dashboard(self) -> None:
        """The dashboard covers every exported metric, and both quantiles of histograms."""
        used = set().union(*(used_carerouter_names(e) for e in exprs()))
        assert used == METRICS.keys()
        for metric in (m for m in METRICS if m.endswith("_bucket")):
            quantiles = {
                q for e in exprs() if metric in e for q in re.findall(r"quantile\((0\.\d+)", e)
            }
            assert {"0.5", "0.99"} <= quantiles, metric

    def test_open_cases_are_combined_with_max(self) -> None:
        """Every route replica reports all cases: replicas must not be summed."""
        for expr in exprs():
            if "carerouter_open_cases" in expr:
                assert re.search(r"max by \(queue\) \(carerouter_open_cases\{", expr), expr


class TestCheckers:
    """The helpers above catch what they are meant to catch."""

    def test_balance_checker(self) -> None:
        """Unbalanced or crossed brackets fail; brackets inside strings are ignored."""
        assert balanced('sum(rate(x{a="(["}[5m]))')
        assert not balanced("sum(rate(x[5m])")
        assert not balanced("sum(rate(x[5m)])")
        assert not balanced("x{a='b'")

    def test_metric_name_extraction(self) -> None:
        """Functions, keywords, labels and durations are not taken for metrics."""
        expr = (
            'histogram_quantile(0.99, sum by (queue, le) (rate(foo_bucket{queue=~"a"}[5m])))'
            " / on (queue) group_left bar offset 5m"
        )
        assert metric_names(expr) == {"foo_bucket", "bar"}
