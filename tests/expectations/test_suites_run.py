"""GX suites run for real against DuckDB build files made in tmp_path."""

from __future__ import annotations

import json

import duckdb
import pytest
from builddb import make_build_db

from expectations.registry import checked_tables
from expectations.runner import run_suite


def _result(outcome, expectation_type, *columns):
    found = [r for r in outcome.results if r.expectation_type == expectation_type and r.columns == columns]
    assert len(found) == 1, f"{expectation_type}{columns}: {[r.label for r in outcome.results]}"
    return found[0]


@pytest.mark.parametrize("table", checked_tables())
def test_valid_build_passes_every_suite_with_real_observed_values(gx, valid_db, gx_dir, table):
    outcome = run_suite(valid_db, table, run_id="valid", context_dir=gx_dir)

    assert outcome.success, outcome.summary()
    assert outcome.error is None and outcome.severity is None
    assert outcome.results and all(r.evaluated and r.success for r in outcome.results)
    expected_rows = duckdb.connect(str(valid_db), read_only=True).execute(f"select count(*) from {table}").fetchone()[0]
    duckdb.connect(str(valid_db), read_only=True).close()
    assert outcome.evaluated_row_count == expected_rows
    row_count = next(r for r in outcome.results if r.expectation_type == "expect_table_row_count_to_be_between")
    assert row_count.observed_value == expected_rows
    column_checks = [r for r in outcome.results if r.unexpected_count is not None]
    assert column_checks and all(r.unexpected_count == 0 and r.element_count is not None for r in column_checks)
    json.dumps(outcome.to_dict())  # plain enough for Dagster metadata and the audit log


def test_violating_rows_fail_with_their_unexpected_count(gx, tmp_path, gx_dir):
    db = make_build_db(
        tmp_path / "build.duckdb",
        # one out-of-scale AQI, one negative AQI, and one duplicated (station, hour)
        "UPDATE kpi.air_quality_hourly SET aqi = -7, aqi_band_code = NULL, aqi_band_vi = NULL "
        "WHERE station_code = 'BD_KK01' AND hour_start = TIMESTAMP '2025-07-01 05:00'",
        "INSERT INTO kpi.air_quality_hourly SELECT * FROM kpi.air_quality_hourly "
        "WHERE station_code = 'BD_KK02' AND hour_start = TIMESTAMP '2025-07-01 10:00'",
    )
    outcome = run_suite(db, "kpi.air_quality_hourly", run_id="bad", context_dir=gx_dir)

    assert not outcome.success and outcome.error is None  # GX ran; the data failed
    negative = next(r for r in outcome.results if r.label == "expect_column_values_to_be_between(aqi) in [0, inf]")
    assert (negative.success, negative.unexpected_count, list(negative.partial_unexpected_list)) == (False, 1, [-7])
    assert negative.severity == "error" and negative.blocking
    duplicated = _result(outcome, "expect_compound_columns_to_be_unique", "station_code", "hour_start")
    assert duplicated.unexpected_count == 2  # both copies of the duplicated key
    assert duplicated.unexpected_percent == pytest.approx(100 * 2 / 97)
    assert {r.label for r in outcome.blocking_failures} == {negative.label, duplicated.label}
    assert "2 blocking expectation(s) failed" in outcome.reason


def test_event_ending_before_it_starts_fails_the_column_pair_check(gx, tmp_path, gx_dir):
    db = make_build_db(
        tmp_path / "build.duckdb",
        "UPDATE kpi.exceedance_events SET event_end = event_start - INTERVAL 2 HOUR WHERE event_id = 'ev1'",
    )
    outcome = run_suite(db, "kpi.exceedance_events", run_id="bad", context_dir=gx_dir)

    pair = _result(outcome, "expect_column_pair_values_a_to_be_greater_than_b", "event_end", "event_start")
    assert not outcome.success
    assert (pair.success, pair.unexpected_count, pair.element_count) == (False, 1, 3)


def test_warn_failures_are_reported_but_do_not_block(gx, tmp_path, gx_dir):
    db = make_build_db(
        tmp_path / "build.duckdb",
        "UPDATE kpi.air_quality_hourly SET commune_code_2025 = NULL WHERE hour_start < TIMESTAMP '2025-07-01 03:00'",
    )
    outcome = run_suite(db, "kpi.air_quality_hourly", run_id="warn", context_dir=gx_dir)

    assert outcome.success and outcome.error is None, outcome.summary()
    assert outcome.severity == "warn" and outcome.reason is None
    (warning,) = outcome.warnings
    assert warning.label == "expect_column_values_to_not_be_null(commune_code_2025)"
    assert (warning.severity, warning.success, warning.blocking, warning.unexpected_count) == ("warn", False, False, 6)
    assert not outcome.blocking_failures
    assert "1 warning(s)" in outcome.summary()


def test_run_releases_the_build_file_for_the_next_dbt_build(gx, tmp_path, gx_dir):
    db = make_build_db(tmp_path / "build.duckdb")
    assert run_suite(db, "ref.dim_area", run_id="r", context_dir=gx_dir).success
    con = duckdb.connect(str(db))  # read-write: fails if GX still held a read-only connection
    con.execute("CREATE TABLE kpi.after_checks AS SELECT 1 AS x")
    con.close()


def test_results_persist_per_run(gx, valid_db, gx_dir):
    for run_id in ("run-1", "run/2"):
        assert run_suite(valid_db, "ref.dim_area", run_id=run_id, context_dir=gx_dir).success
    runs = sorted(p.name for p in (gx_dir / "uncommitted" / "validations" / "ref" / "dim_area").iterdir())
    assert runs == ["run-1", "run_2"]
