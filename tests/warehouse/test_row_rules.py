"""Column rules are checked once per model (generic test row_rules), windowed on high-volume models.

A broken row is caught and named by the rule it broke, the failing rows reach the audit sample,
and each consolidated test keeps the gate semantics of the per-column tests it replaced. Runs the
real project (a copy) against a small hand-made build file and landing zone: no warehouse build.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from orchestration.dbt_results import check_rows_from_run_results
from orchestration.publishing.attribution import attribute_check_rows
from orchestration.publishing.gate import decide
from orchestration.publishing.scopes import ManifestScopes
from tests.warehouse.conftest import copy_project, run_dbt

WINDOW = {"window_start": "2026-11-25 00:00:00", "window_end": "2026-11-26 00:00:00"}
READINGS = "row_rules_stg_env__readings"
STATIONS = "row_rules_ref__dim_station"  # reference data: severity error, blocks the publication

# (station_code, measured_at_local, status): one good row, then one row per broken rule
ROWS = [
    ("BD_AIR_01", "2026-11-25 10:00:00", "00"),
    (None, "2026-11-25 10:05:00", "00"),          # not_null(station_code), in the window
    ("BD_AIR_01", "2026-11-25 10:10:00", "09"),   # accepted_values(status_code), in the window
    ("BD_AIR_01", "2026-11-20 10:00:00", "09"),   # accepted_values(status_code), before the window
    ("BD_AIR_01", None, "00"),                    # not_null(measured_at_local): no window can hide it
]


@dataclass(frozen=True)
class Run:
    results: dict          # unique test name -> run_results entry
    run_results: dict
    manifest: dict
    failing_rules: dict    # test name -> sorted [(rule, station_code, measured_at_local)]


def _landing(root: Path) -> Path:
    batch = root / "env_monitoring" / "batches" / "20261125T100000000000Z-0000abcd"
    batch.mkdir(parents=True)
    con = duckdb.connect()
    con.execute("""create table readings (station_code varchar, param_raw varchar, param varchar, value double,
                   unit varchar, measured_at_local timestamp, status varchar, _batch_id varchar,
                   _source_file varchar, _line_number bigint, _loaded_at timestamptz)""")
    for i, (station, at, status) in enumerate(ROWS, start=1):
        con.execute("insert into readings values (?, 'PM2,5', 'PM2.5', 12.5, 'ug/m3', ?, ?, '20261125T100000000000Z-0000abcd', "
                    "'BD_AIR_01_20261125100000.txt', ?, timestamptz '2026-11-25 03:00:00+00')", [station, at, status, i])
    con.execute(f"copy readings to '{batch / 'readings.parquet'}' (format parquet)")
    con.close()
    return root


def _build_db(path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute("create schema ref")
    con.execute("create table ref.dim_station (station_code varchar, station_type varchar, qcvn_column varchar)")
    con.execute("""insert into ref.dim_station values ('BD_AIR_01', 'ambient_air', null),
                   ('BD_WW_01', 'wastewater', 'Z'), ('BD_WW_01', 'wastewater', 'A')""")
    con.close()
    return path


def _collect(project: Path, build_db: Path, target: str) -> Run:
    run_results = json.loads((project / target / "run_results.json").read_text())
    manifest = json.loads((project / target / "manifest.json").read_text())
    results = {manifest["nodes"][r["unique_id"]]["name"]: r for r in run_results["results"]}
    def failing_rows(name: str, columns: str) -> list:  # the test's own query, as attribution re-runs it
        return sorted(con.execute(f"select {columns} from ({results[name]['compiled_code']})").fetchall(), key=str)

    with duckdb.connect(str(build_db), read_only=True) as con:
        failing = {name: failing_rows(name, "rule, station_code, cast(measured_at_local as varchar)")
                   for name in (READINGS,) if name in results}
        if STATIONS in results:
            failing[STATIONS] = failing_rows(STATIONS, "rule, station_code, qcvn_column")
    return Run(results, run_results, manifest, failing)


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    root = tmp_path_factory.mktemp("row_rules")
    project = copy_project(root / "dbt_project")
    landing = _landing(root / "landing")
    build_db = _build_db(root / "build.duckdb")
    window = ["--vars", json.dumps(WINDOW)]
    built = run_dbt(project, build_db, landing, "run", "--select", "stg_env__readings", *window)
    assert built.returncode == 0, built.stdout[-4000:]
    # the ref test fails with severity error: dbt exits 1, the results are what matters
    run_dbt(project, build_db, landing, "test", "--select", READINGS, STATIONS, *window)
    windowed = _collect(project, build_db, "target")
    # the failing rows the publisher would read; same file name: compiled SQL names the database
    (root / "windowed").mkdir()
    windowed_db = shutil.copy(build_db, root / "windowed" / build_db.name)
    run_dbt(project, build_db, landing, "test", "--select", READINGS)  # no vars: a plain dbt build
    everything = _collect(project, build_db, "target")
    return {"windowed": windowed, "everything": everything, "windowed_db": Path(windowed_db)}


def test_a_broken_row_is_reported_with_the_rule_it_broke(runs):
    run = runs["windowed"]
    assert run.results[READINGS]["status"] == "warn" and run.results[READINGS]["failures"] == 3
    assert run.failing_rules[READINGS] == sorted([
        ("accepted_values(status_code)", "BD_AIR_01", "2026-11-25 10:10:00"),
        ("not_null(measured_at_local)", "BD_AIR_01", None),
        ("not_null(station_code)", None, "2026-11-25 10:05:00"),
    ], key=str)
    assert run.results[STATIONS]["status"] == "fail"
    assert run.failing_rules[STATIONS] == sorted([
        ("accepted_values(qcvn_column)", "BD_WW_01", "Z"),
        ("unique(station_code)", "BD_WW_01", "A"),
        ("unique(station_code)", "BD_WW_01", "Z"),
    ], key=str)


def test_without_the_window_vars_every_row_is_tested(runs):
    run = runs["everything"]
    assert run.results[READINGS]["failures"] == 4
    assert ("accepted_values(status_code)", "BD_AIR_01", "2026-11-20 10:00:00") in run.failing_rules[READINGS]
    compiled = run.results[READINGS]["compiled_code"]
    assert "2026-11-25" not in compiled and "where 1=1" in compiled


def test_the_window_is_pushed_into_the_test_query(runs):
    compiled = runs["windowed"].results[READINGS]["compiled_code"]
    assert "measured_at_local is null or (measured_at_local >= timestamp '2026-11-25 00:00:00'" in compiled


def test_consolidated_failures_keep_their_gate_and_reach_the_audit_sample(runs):
    run = runs["windowed"]
    rows = check_rows_from_run_results(run.run_results, run.manifest, run_id="run-row-rules")
    rows = attribute_check_rows(rows, scopes=ManifestScopes(run.manifest), build_db=runs["windowed_db"])
    by_name = {r["check_name"]: r for r in rows}
    readings, stations = by_name[READINGS], by_name[STATIONS]
    assert (readings["severity"], readings["scope"], readings["gate"]) == ("warn", "env_monitoring", "withhold")
    assert (stations["severity"], stations["scope"], stations["gate"]) == ("error", "shared", "block")
    sample = json.loads(readings["failing_rows_sample"])
    assert {row["rule"] for row in sample["rows"]} == {
        "not_null(station_code)", "not_null(measured_at_local)", "accepted_values(status_code)"}
    decision = decide(rows)
    assert not decision.allowed and STATIONS in decision.reason


def test_column_rules_are_one_test_per_model_and_gate(runs):
    manifest = runs["windowed"].manifest
    tests = [n for n in manifest["nodes"].values() if n["resource_type"] == "test"]
    assert len(tests) < 250
    per_column = [n["name"] for n in tests if n["original_file_path"].startswith("models/")
                  and (n.get("test_metadata") or {}).get("name") in ("not_null", "accepted_range", "accepted_values")]
    assert per_column == []
    row_rules = [n for n in tests if (n.get("test_metadata") or {}).get("name") == "row_rules"]
    semantics = [(n["attached_node"] or n["depends_on"]["nodes"][0], n["config"]["severity"],
                  (n["config"].get("meta") or {}).get("ioc_gate")) for n in row_rules]
    assert len(set(semantics)) == len(semantics), "two row_rules tests of one model with the same gate: merge them"


# Models whose pre-hook also recomputes rows outside the window (delete_partition_window or_where):
# a window-limited test would miss those rows, so their tests read the whole table.
RECOMPUTED_OUTSIDE_THE_WINDOW = {"int_env_metric_observations", "int_traffic_metric_observations"}
HIGH_VOLUME_VIEWS = {"stg_env__readings", "stg_traffic_cameras__observations",
                     "source.ioc.env_monitoring.readings", "source.ioc.traffic_cameras.observations"}


def test_tests_on_high_volume_models_are_limited_to_the_window(runs):
    manifest = runs["windowed"].manifest
    nodes = manifest["nodes"]
    windowed = {n["name"] for n in nodes.values() if "daily_partitioned" in n.get("tags", [])
                and n["resource_type"] == "model"} - RECOMPUTED_OUTSIDE_THE_WINDOW
    windowed |= HIGH_VOLUME_VIEWS
    assert {"int_env_readings_deduplicated", "int_traffic_camera_hours_aggregated"} <= windowed
    missing = []
    for node in nodes.values():
        if node["resource_type"] != "test" or not node.get("test_metadata"):
            continue
        target = node.get("attached_node") or node["depends_on"]["nodes"][0]
        name = nodes[target]["name"] if target in nodes else target
        if name in windowed and "partition_window(" not in (node["config"].get("where") or ""):
            missing.append(node["name"])
    assert missing == [], (
        "tests on a daily_partitioned model need where: \"partition_window(<column>[, lookback=..][, lookahead=..])\" "
        "matching the window its pre-hook deletes, or the model listed in RECOMPUTED_OUTSIDE_THE_WINDOW")
