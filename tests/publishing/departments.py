"""A two-department build like dbt's, and the manifest that says where each table comes from.

env_monitoring and health both feed ``kpi.indicator_values`` (rows told apart by indicator_code
→ ``ref.dim_indicator.source_system``); ``kpi.station_hourly`` comes only from env_monitoring and
``kpi.facility_monthly`` only from health (whole tables, told apart by dbt lineage).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

INDICATORS = {"ENV_AQI_MEAN": "env_monitoring", "ENV_PM25": "env_monitoring",
              "HEALTH_BEDS": "health", "HEALTH_CASES": "health"}


def make_department_build(path: Path, *, env: int = 1, health: int = 1, extra_column: bool = False,
                          failures: dict[str, list[str | None]] | None = None,
                          batch_ids: dict[str, str] | None = None) -> Path:
    """``env``/``health``: a version number that changes that department's values.

    ``failures``: store_failures tables to create, ``{test_name: [source_system of each failing row]}``.
    ``batch_ids``: the landing batch each system's indicator values come from (lineage).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute("create schema kpi; create schema ref; create schema check_failures")
        con.execute("create table ref.dim_indicator (indicator_code varchar, source_system varchar, unit varchar)")
        con.executemany("insert into ref.dim_indicator values (?, ?, 'x')", list(INDICATORS.items()))
        con.execute("create table ref.dim_area as select * from (values ('74', 'Bình Dương'), ('718', 'Thủ Dầu Một')) t(area_code, name)")
        values = []
        for code, system in INDICATORS.items():
            version = env if system == "env_monitoring" else health
            for day in range(3):
                for area in ("74", "718"):
                    batch = (batch_ids or {}).get(system, f"b-{system}-{version}")
                    values.append((code, area, f"2026-01-0{day + 1}", 10.0 * version + day, [batch]))
        extra = ", 'new' as added_later" if extra_column else ""
        con.execute("create table __v (indicator_code varchar, area_code varchar, period_start date, value double, "
                    "source_batch_ids varchar[])")
        con.executemany("insert into __v values (?, ?, ?, ?, ?)", values)
        con.execute(f"create table kpi.indicator_values as select *, 'day' as period_grain{extra} from __v")
        con.execute("drop table __v")
        con.execute(f"create table kpi.station_hourly as select 'ST' || i as station_code, {env} * 100 + i as pm25 "
                    "from range(4) t(i)")
        con.execute(f"create table kpi.facility_monthly as select 'F' || i as facility_code, {health} * 1000 + i as beds "
                    "from range(3) t(i)")
        con.execute("create table kpi.complaints as select * from (values ('env_monitoring', 1), ('health', 2)) "
                    "t(source_system, n)")
        for name, scopes in (failures or {}).items():
            con.execute(f"create table check_failures.{name} (source_system varchar, detail varchar)")
            con.executemany(f"insert into check_failures.{name} values (?, 'bad row')", [(s,) for s in scopes])
    return path


def _model(name: str, schema: str, parents: list[str]) -> tuple[str, dict]:
    uid = f"model.ioc.{schema}__{name}"
    return uid, {"resource_type": "model", "schema": schema, "name": f"{schema}__{name}", "alias": name,
                 "unique_id": uid, "depends_on": {"nodes": parents}, "config": {"meta": {}}}


def department_manifest(path: Path, *, row_tests: list[str] = ()) -> Path:
    """A manifest with the lineage above and tests of each kind; returns its path."""
    sources = {
        f"source.ioc.{s}.{t}": {"resource_type": "source", "source_name": s, "name": t, "unique_id": f"source.ioc.{s}.{t}"}
        for s, t in (("env_monitoring", "readings"), ("health", "facility_reports"))
    }
    nodes = {}
    seed = "seed.ioc.ref_indicators"
    nodes[seed] = {"resource_type": "seed", "schema": "staging", "name": "ref_indicators", "depends_on": {"nodes": []},
                   "config": {}}
    for uid, node in (
        _model("stg_env__readings", "staging", ["source.ioc.env_monitoring.readings"]),
        _model("stg_health__facility_reports", "staging", ["source.ioc.health.facility_reports"]),
        _model("station_hourly", "kpi", ["model.ioc.staging__stg_env__readings"]),
        _model("facility_monthly", "kpi", ["model.ioc.staging__stg_health__facility_reports"]),
        _model("indicator_values", "kpi", ["model.ioc.staging__stg_env__readings",
                                           "model.ioc.staging__stg_health__facility_reports", seed]),
        _model("dim_indicator", "ref", [seed]),
    ):
        nodes[uid] = node

    def test(name: str, parents: list[str], attached: str | None = None, **config) -> None:
        nodes[f"test.ioc.{name}"] = {"resource_type": "test", "name": name, "schema": "check_failures", "alias": name,
                                     "attached_node": attached, "depends_on": {"nodes": parents},
                                     "config": {"severity": "error", "meta": {}, **config}}

    test("not_null_stg_health_beds", ["model.ioc.staging__stg_health__facility_reports"],
         "model.ioc.staging__stg_health__facility_reports", severity="warn", meta={"ioc_gate": "withhold"})
    test("not_null_stg_env_value", ["model.ioc.staging__stg_env__readings"], "model.ioc.staging__stg_env__readings",
         severity="warn", meta={"ioc_gate": "withhold"})
    test("unique_dim_indicator", ["model.ioc.ref__dim_indicator"], "model.ioc.ref__dim_indicator")
    test("unique_indicator_values", ["model.ioc.kpi__indicator_values"], "model.ioc.kpi__indicator_values")
    test("advisory_env_gaps", ["model.ioc.staging__stg_env__readings"], severity="warn")
    for name in row_tests:
        test(name, ["model.ioc.kpi__indicator_values", "model.ioc.ref__dim_indicator"], severity="warn",
             meta={"ioc_gate": "withhold", "ioc_scope": "rows"}, store_failures=True)
    path.write_text(json.dumps({"nodes": nodes, "sources": sources}))
    return path


def dbt_check(name: str, *, passed: bool = True, **extra) -> dict:
    """A check_results row as orchestration/dbt_results.py writes it (no attribution)."""
    return dict(check_name=name, check_kind="dbt_test", target="", severity=extra.pop("severity", "error"),
                passed=passed, details=json.dumps({"unique_id": f"test.ioc.{name}"}), **extra)


ALL_TESTS = ["not_null_stg_health_beds", "not_null_stg_env_value", "unique_dim_indicator",
             "unique_indicator_values", "advisory_env_gaps"]


def run_checks(manifest_path: Path, failed: set[str] = frozenset()) -> list[dict]:
    """One result per test of the manifest, with the test's own severity; ``failed`` ones fail."""
    manifest = json.loads(Path(manifest_path).read_text())
    return [
        dbt_check(node["name"], passed=node["name"] not in failed, severity=node["config"]["severity"])
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test"
    ]
