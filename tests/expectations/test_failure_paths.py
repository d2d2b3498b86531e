"""Whenever GX cannot evaluate a suite, the outcome is a failure with a reason — never a pass."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from builddb import make_build_db

import expectations.duckdb_sqlalchemy as duckdb_sqlalchemy
import expectations.runner as runner
from expectations.registry import SuiteSpec
from expectations.runner import run_suite


def _assert_failed(outcome, *fragments):
    assert outcome.success is False
    assert outcome.severity == "error"
    assert outcome.error and outcome.reason == outcome.error
    for fragment in fragments:
        assert fragment in outcome.error, outcome.error
    assert "FAILED" in outcome.summary()


def test_gx_not_importable_is_a_failure(gx, valid_db, gx_dir, monkeypatch):
    monkeypatch.setitem(sys.modules, "great_expectations", None)  # `import great_expectations` -> ImportError
    outcome = run_suite(valid_db, "ref.dim_area", run_id="r", context_dir=gx_dir)
    _assert_failed(outcome, "great_expectations could not be imported", "ModuleNotFoundError")
    assert outcome.results == ()


def test_expectation_that_raises_is_a_failure_even_if_only_a_warning(gx, tmp_path, gx_dir):
    # Schema drift: the column a warn-severity expectation looks at is gone.
    db = make_build_db(tmp_path / "build.duckdb", "ALTER TABLE kpi.indicator_values DROP COLUMN unit")
    outcome = run_suite(db, "kpi.indicator_values", run_id="r", context_dir=gx_dir)

    _assert_failed(outcome, "GX could not evaluate")
    broken = [r for r in outcome.results if not r.evaluated]
    # unit's own not-null check, and the %-range check whose row_condition reads unit
    assert broken and all('"unit"' in r.exception_message for r in broken)
    unit_not_null = next(r for r in broken if r.expectation_type == "expect_column_values_to_not_be_null")
    assert unit_not_null.severity == "warn"
    assert unit_not_null.blocking and not unit_not_null.success
    assert "unit" in unit_not_null.exception_message
    assert unit_not_null in outcome.blocking_failures
    # the expectations that could run still report real results
    assert any(r.evaluated and r.success and r.unexpected_count == 0 for r in outcome.results)


def test_missing_table_is_a_failure(gx, tmp_path, gx_dir):
    db = make_build_db(tmp_path / "build.duckdb", "DROP TABLE kpi.exceedance_events")
    outcome = run_suite(db, "kpi.exceedance_events", run_id="r", context_dir=gx_dir)
    _assert_failed(outcome, "table kpi.exceedance_events not found", str(db))


def test_missing_build_file_is_a_failure(tmp_path, gx_dir):
    outcome = run_suite(tmp_path / "absent.duckdb", "ref.dim_area", run_id="r", context_dir=gx_dir)
    _assert_failed(outcome, "DuckDB file not found")


def test_table_without_suite_is_a_failure(valid_db, gx_dir):
    outcome = run_suite(valid_db, "kpi.no_such_table", run_id="r", context_dir=gx_dir)
    _assert_failed(outcome, "no GX suite for table 'kpi.no_such_table'")


@pytest.mark.parametrize("empty", [{}, None], ids=["empty-dict", "none"])
def test_expectation_with_empty_result_is_a_failure_not_a_pass(gx, valid_db, gx_dir, monkeypatch, empty):
    import great_expectations.expectations as gxe

    # An expectation that claims success but brings back no result at all.
    monkeypatch.setattr(
        gxe.ExpectColumnValuesToBeUnique, "_validate", lambda self, *args, **kwargs: {"success": True, "result": empty}
    )
    outcome = run_suite(valid_db, "ref.dim_area", run_id="r", context_dir=gx_dir)

    _assert_failed(outcome, "GX returned no result")
    (hollow,) = [r for r in outcome.results if not r.evaluated]
    assert hollow.label == "expect_column_values_to_be_unique(area_code)"
    assert hollow.success is False and hollow.blocking


def test_plain_duckdb_engine_results_are_a_failure_not_a_pass(gx, valid_db, gx_dir, monkeypatch):
    """The trap this package works around: stock duckdb-engine loses every query result."""
    monkeypatch.setattr(duckdb_sqlalchemy, "connection_url", lambda p: f"duckdb:///{Path(p).resolve()}")
    outcome = run_suite(valid_db, "ref.dim_area", run_id="r", context_dir=gx_dir)

    _assert_failed(outcome, "GX could not evaluate")
    assert not any(r.success for r in outcome.results)


def test_gx_error_outside_expectations_is_a_failure(gx, valid_db, gx_dir, monkeypatch):
    def broken_context(*args, **kwargs):
        raise RuntimeError("great_expectations.yml is corrupt")

    monkeypatch.setattr(runner, "open_context", broken_context)
    outcome = run_suite(valid_db, "ref.dim_area", run_id="r", context_dir=gx_dir)
    _assert_failed(outcome, "GX could not run the suite", "great_expectations.yml is corrupt")
    assert "Traceback" not in outcome.error and "broken_context" in outcome.error_traceback


def test_suite_that_cannot_be_built_is_a_failure(gx, valid_db, gx_dir, monkeypatch):
    def broken_build(self):
        raise TypeError("ExpectColumnValuesToBeBetween got an unexpected keyword")

    monkeypatch.setattr(SuiteSpec, "build", broken_build)
    outcome = run_suite(valid_db, "ref.dim_area", run_id="r", context_dir=gx_dir)
    _assert_failed(outcome, "suite ref.dim_area could not be built", "unexpected keyword")
