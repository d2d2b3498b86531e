"""Every check result is attributed to a department's source system or to shared reference data."""

from __future__ import annotations

import json

from departments import dbt_check, department_manifest

from orchestration.publishing.attribution import attribute_check_rows
from orchestration.publishing.gate import decide
from orchestration.publishing.scopes import SHARED, ManifestScopes, gate_action


def scopes(tmp_path) -> ManifestScopes:
    return ManifestScopes(json.loads(department_manifest(tmp_path / "m.json", row_tests=["row_check"]).read_text()))


def test_scope_follows_dbt_lineage(tmp_path):
    s = scopes(tmp_path)
    assert s.node_scope("test.ioc.not_null_stg_health_beds") == "health"
    assert s.node_scope("source.ioc.env_monitoring.readings") == "env_monitoring"
    assert s.relation_scope("kpi.station_hourly") == "env_monitoring"
    # reference data, and tables fed by several departments, are shared
    assert s.node_scope("test.ioc.unique_dim_indicator") == SHARED
    assert s.relation_scope("kpi.indicator_values") == SHARED
    assert s.relation_systems("kpi.indicator_values") == {"env_monitoring", "health"}
    assert s.relation_scope("kpi.unknown") == SHARED
    # explicit meta wins
    assert s.node_scope("test.ioc.row_check") == "rows"
    assert s.failures_relation("test.ioc.row_check") == "check_failures.row_check"


def test_gate_action_by_severity_and_scope():
    assert gate_action("error", SHARED) == "block"
    assert gate_action("error", "health") == "withhold"
    assert gate_action("warn", "health") == "warn"
    assert gate_action("warn", "health", explicit="withhold") == "withhold"
    assert gate_action("critical", None) == "block"


def test_rows_are_attributed_from_the_manifest_and_gx_row_conditions(tmp_path):
    rows = attribute_check_rows(
        [
            dbt_check("not_null_stg_health_beds", passed=False, severity="warn"),
            dbt_check("unique_dim_indicator"),
            dict(check_name="gx:kpi.station_hourly:x", check_kind="gx_expectation", target="kpi.station_hourly",
                 severity="error", passed=False),
            dict(check_name="gx:kpi.indicator_values:y", check_kind="gx_expectation", target="kpi.indicator_values",
                 severity="error", passed=False,
                 details=json.dumps({"kwargs": {"row_condition": {"type": "comparison", "column": {"name": "source_system"},
                                                                  "operator": "==", "parameter": "health"}}})),
        ],
        scopes=scopes(tmp_path),
    )
    assert [(r["scope"], r["gate"], r.get("failing_scopes")) for r in rows] == [
        ("health", "withhold", ["health"]),
        (SHARED, "block", None),
        ("env_monitoring", "withhold", ["env_monitoring"]),
        ("health", "withhold", ["health"]),
    ]
    decision = decide(rows)
    assert decision.allowed and sorted(decision.withheld) == ["env_monitoring", "health"]


def test_row_attributed_check_without_readable_rows_blocks(tmp_path):
    (row,) = attribute_check_rows([dbt_check("row_check", passed=False, severity="warn")], scopes=scopes(tmp_path),
                                  build_db=tmp_path / "missing.duckdb")
    assert row["scope"] == "rows" and row["failing_scopes"] == [SHARED]
    assert not decide([row]).allowed


def test_gate_reason_names_withheld_departments_and_summary_is_json():
    decision = decide([dict(check_name="a", severity="warn", gate="withhold", scope="health", passed=False),
                       dict(check_name="b", severity="warn", passed=False)])
    assert decision.allowed
    assert "withheld health: 1 failed check(s) (a)" in decision.reason and "warnings: b" in decision.reason
    assert json.loads(json.dumps(decision.summary())) == {
        "allowed": True, "blocked_by": [], "missing_checks": [], "withheld": {"health": ["a"]}, "warnings": ["b"],
        "failed": {"a": {"scope": "health", "gate": "withhold", "failing_scopes": None},
                   "b": {"scope": None, "gate": "warn", "failing_scopes": None}}}
