"""Department-scoped gate: one department's failed checks withhold its rows, the others publish.

The withheld rows are the last good published values, marked stale with the reason and the
publication they come from; a failure in shared reference data blocks everything.
"""

from __future__ import annotations

import json

import duckdb
import pytest

from orchestration.publishing import audit_log, publish, table_content_hash
from orchestration.publishing.snapshot import read_latest
from departments import department_manifest, make_department_build, run_checks


@pytest.fixture
def dept(dirs):
    manifest = department_manifest(dirs.root / "manifest.json", row_tests=["assert_row_level"])

    def attempt(run_id: str, *, failed: set[str] = frozenset(), env: int = 1, health: int = 1, **build) -> object:
        make_department_build(dirs.build, env=env, health=health, **build)
        return publish(
            build_db=dirs.build, run_id=run_id, check_results=run_checks(manifest, failed),
            expected_checks=None, code_version="git:test", dbt_manifest_path=manifest,
            published_dir=dirs.published, audit_dir=dirs.audit, landing_dir=dirs.landing,
        )

    return attempt


def published(dirs, sql: str) -> list[tuple]:
    with duckdb.connect(str(dirs.published / "ioc.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def values_by_system(dirs) -> dict[str, set]:
    rows = published(dirs, """
        select d.source_system, v.value, v.is_stale, v.stale_reason, v.values_from_publication_id,
               v.stale_since_publication_id
        from kpi.indicator_values v join ref.dim_indicator d using (indicator_code)""")
    out: dict[str, set] = {}
    for system, *rest in rows:
        out.setdefault(system, set()).add(tuple(rest))
    return out


def test_failing_department_is_withheld_while_the_other_publishes(dirs, dept):
    first = dept("run-1", env=1, health=1)
    assert first.outcome == "published" and first.withheld == {}
    assert published(dirs, "select distinct is_stale from kpi.indicator_values") == [(False,)]

    second = dept("run-2", env=2, health=2, failed={"not_null_stg_health_beds"})
    assert second.outcome == "published"
    assert second.withheld == {"health": ["not_null_stg_health_beds"]}

    by_system = values_by_system(dirs)
    # env_monitoring: this build's values, fresh
    assert {(v, stale) for v, stale, *_ in by_system["env_monitoring"]} == {(20.0, False), (21.0, False), (22.0, False)}
    assert all(reason is None and src is None for _, _, reason, src, _ in by_system["env_monitoring"])
    # health: the values of publication 1, stale, with the reason and where they come from
    assert {(v, stale) for v, stale, *_ in by_system["health"]} == {(10.0, True), (11.0, True), (12.0, True)}
    for _, _, reason, values_from, since in by_system["health"]:
        assert "not_null_stg_health_beds" in reason and "health withheld" in reason
        assert values_from == first.publication_id
        assert since == second.publication_id

    # whole tables follow their dbt lineage
    assert published(dirs, "select distinct beds // 1000, is_stale from kpi.facility_monthly") == [(1, True)]
    assert published(dirs, "select distinct pm25 // 100, is_stale from kpi.station_hourly") == [(2, False)]
    # a table with a source_system column is split by it
    assert sorted(published(dirs, "select source_system, is_stale from kpi.complaints")) == [
        ("env_monitoring", False), ("health", True)]

    # the audit trail, readable from the published file itself
    withheld = published(dirs, f"""
        select table_name, indicator, rows_withheld, rows_carried, values_from_publication_id, check_names, until
        from audit.withheld where publication_id = '{second.publication_id}' order by 1, 2""")
    assert withheld == [
        ("kpi.complaints", "*", 1, 1, first.publication_id, ["not_null_stg_health_beds"], None),
        ("kpi.facility_monthly", "*", 3, 3, first.publication_id, ["not_null_stg_health_beds"], None),
        ("kpi.indicator_values", "HEALTH_BEDS", 6, 6, first.publication_id, ["not_null_stg_health_beds"], None),
        ("kpi.indicator_values", "HEALTH_CASES", 6, 6, first.publication_id, ["not_null_stg_health_beds"], None),
    ]
    (scopes, summary), = published(dirs, "select withheld_scopes, gate_summary from audit.publication")
    assert scopes == ["health"]
    assert json.loads(summary)["withheld"] == {"health": ["not_null_stg_health_beds"]}


def test_withholding_streak_keeps_its_origin_and_is_lifted(dirs, dept):
    first = dept("run-1")
    second = dept("run-2", env=2, health=2, failed={"not_null_stg_health_beds"})
    third = dept("run-3", env=3, health=3, failed={"not_null_stg_health_beds"})
    by_system = values_by_system(dirs)
    assert {v for v, *_ in by_system["health"]} == {10.0, 11.0, 12.0}  # still publication 1's values
    assert {(src, since) for *_, src, since in by_system["health"]} == {(first.publication_id, second.publication_id)}
    assert {v for v, *_ in by_system["env_monitoring"]} == {30.0, 31.0, 32.0}

    records = audit_log.read("withheld", audit_dir=dirs.audit).to_pylist()
    since = {r["publication_id"]: r["since"] for r in records}
    assert since[third.publication_id] == since[second.publication_id]  # the streak started at run 2
    assert {r["stale_since_publication_id"] for r in records} == {second.publication_id}
    # the values carried through the streak are still those of publication 1, and say so
    assert {r["values_from_publication_id"] for r in records if r["table_name"] != "*"} == {first.publication_id}

    fourth = dept("run-4", env=4, health=4)
    assert fourth.withheld == {}
    assert published(dirs, "select distinct is_stale from kpi.indicator_values") == [(False,)]
    lifted = [r for r in audit_log.read("withheld", audit_dir=dirs.audit).to_pylist()
              if r["publication_id"] == fourth.publication_id]
    assert len(lifted) == 1 and lifted[0]["scope"] == "health" and lifted[0]["until"] is not None
    assert lifted[0]["since"] == since[second.publication_id]


def test_reference_data_failure_blocks_everything(dirs, dept, file_sha256):
    first = dept("run-1")
    before = file_sha256(dirs.published / "ioc.duckdb")
    blocked = dept("run-2", env=2, health=2, failed={"unique_dim_indicator", "not_null_stg_health_beds"})
    assert blocked.outcome == "blocked"
    assert "unique_dim_indicator" in blocked.reason
    assert file_sha256(dirs.published / "ioc.duckdb") == before
    assert read_latest(dirs.published) == first.publication_id
    last = audit_log.read("publications", audit_dir=dirs.audit).to_pylist()[-1]
    assert last["outcome"] == "blocked" and json.loads(last["gate_summary"])["blocked_by"]


def test_unattributable_check_on_a_cross_department_table_blocks(dirs, dept):
    dept("run-1")
    # kpi.indicator_values is fed by both departments: its plain tests cannot name one
    assert dept("run-2", failed={"unique_indicator_values"}).outcome == "blocked"


def test_warning_withholds_nothing(dirs, dept):
    dept("run-1")
    result = dept("run-2", env=2, health=2, failed={"advisory_env_gaps"})
    assert result.outcome == "published" and result.withheld == {}
    assert published(dirs, "select distinct is_stale from kpi.indicator_values") == [(False,)]


def test_row_attributed_check_withholds_the_departments_of_its_failing_rows(dirs, dept):
    dept("run-1")
    result = dept("run-2", env=2, health=2, failed={"assert_row_level"},
                  failures={"assert_row_level": ["health", "health"]})
    assert result.outcome == "published" and result.withheld == {"health": ["assert_row_level"]}
    checks = [r for r in audit_log.read("check_results", audit_dir=dirs.audit).to_pylist()
              if r["run_id"] == "run-2" and r["check_name"] == "assert_row_level"]
    assert checks[0]["scope"] == "rows" and checks[0]["failing_scopes"] == ["health"]
    assert json.loads(checks[0]["failing_rows_sample"])["rows"][0] == {"source_system": "health", "detail": "bad row"}

    both = dept("run-3", env=3, health=3, failed={"assert_row_level"},
                failures={"assert_row_level": ["health", "env_monitoring"]})
    assert sorted(both.withheld) == ["env_monitoring", "health"]

    # a failing row no department owns cannot be withheld: it blocks
    assert dept("run-4", failed={"assert_row_level"}, failures={"assert_row_level": [None]}).outcome == "blocked"


def test_first_publication_leaves_a_withheld_department_out(dirs, dept):
    result = dept("run-1", failed={"not_null_stg_env_value"})
    assert result.outcome == "published" and list(result.withheld) == ["env_monitoring"]
    assert values_by_system(dirs).keys() == {"health"}
    assert published(dirs, "select count(*) from kpi.station_hourly") == [(0,)]
    records = [r for r in result.withheld_records if r["table_name"] == "kpi.station_hourly"]
    assert records[0]["rows_withheld"] == 4 and records[0]["rows_carried"] == 0
    assert "no earlier publication" in records[0]["reason"]


def test_carried_rows_follow_a_changed_schema(dirs, dept):
    dept("run-1")
    dept("run-2", env=2, health=2, extra_column=True, failed={"not_null_stg_health_beds"})
    rows = published(dirs, "select d.source_system, v.added_later, v.is_stale from kpi.indicator_values v "
                           "join ref.dim_indicator d using (indicator_code)")
    assert {r for r in rows if r[0] == "health"} == {("health", None, True)}
    assert {r for r in rows if r[0] == "env_monitoring"} == {("env_monitoring", "new", False)}


def test_a_tampered_snapshot_is_not_used_as_last_good_values(dirs, dept):
    first = dept("run-1")
    snapshot = dirs.published / "snapshots" / first.publication_id / "kpi.facility_monthly.parquet"
    snapshot.chmod(0o644)
    with duckdb.connect() as con:
        con.execute(f"copy (select 'F0' as facility_code, 999999 as beds) to '{snapshot}' (format parquet)")
    with pytest.raises(ValueError, match="does not match the content hash"):
        dept("run-2", env=2, health=2, failed={"not_null_stg_health_beds"})
    assert read_latest(dirs.published) == first.publication_id
    assert audit_log.read("publications", audit_dir=dirs.audit).column("outcome").to_pylist() == ["published", "failed"]


def test_content_hashes_match_published_tables_and_snapshot_with_stale_rows(dirs, dept):
    dept("run-1")
    result = dept("run-2", env=2, health=2, failed={"not_null_stg_health_beds"})
    recorded = json.loads(audit_log.read("publications", audit_dir=dirs.audit).to_pylist()[-1]["table_hashes"])
    manifest = json.loads((result.snapshot_path / "manifest.json").read_text())
    assert manifest["withheld_scopes"] == ["health"]
    with duckdb.connect(str(result.published_path), read_only=True) as con:
        for table, entry in manifest["tables"].items():
            assert entry["content_sha256"] == table_content_hash(con, table) == recorded[table]
    with duckdb.connect() as con:  # the Parquet snapshot, loaded back, hashes the same
        for table, entry in manifest["tables"].items():
            schema, name = table.split(".")
            con.execute(f"create schema if not exists {schema}")
            con.execute(f"create table {table} as select * from read_parquet('{result.snapshot_path / entry['file']}')")
            assert table_content_hash(con, table) == entry["content_sha256"], table
