"""dbt run_results → audit rows, and the set of checks the gate expects."""

from orchestration.dbt_results import check_rows_from_run_results, expected_check_names

MANIFEST = {
    "nodes": {
        "model.ioc.kpi__x": {"resource_type": "model", "schema": "kpi", "alias": "x", "name": "kpi__x", "config": {}},
        "model.ioc.int_e": {"resource_type": "model", "schema": "intermediate", "name": "int_e", "config": {"materialized": "ephemeral"}},
        "test.ioc.not_null_x_a": {
            "resource_type": "test",
            "name": "not_null_x_a",
            "attached_node": "model.ioc.kpi__x",
            "config": {"severity": "ERROR"},
        },
        "test.ioc.soft_x": {
            "resource_type": "test",
            "name": "soft_x",
            "attached_node": "model.ioc.kpi__x",
            "config": {"severity": "warn"},
        },
    },
    "unit_tests": {
        "unit_test.ioc.kpi__x.u1": {"resource_type": "unit_test", "name": "u1", "model": "kpi__x", "config": {}},
    },
}


def test_rows_carry_severity_outcome_and_target():
    run_results = {
        "results": [
            {"unique_id": "model.ioc.kpi__x", "status": "success", "failures": None},
            {"unique_id": "test.ioc.not_null_x_a", "status": "fail", "failures": 3},
            {"unique_id": "test.ioc.soft_x", "status": "warn", "failures": 1},
            {"unique_id": "unit_test.ioc.kpi__x.u1", "status": "pass", "failures": 0},
        ]
    }
    rows = {r["check_name"]: r for r in check_rows_from_run_results(run_results, MANIFEST, run_id="r1")}
    assert rows["not_null_x_a"]["passed"] is False and rows["not_null_x_a"]["severity"] == "error"
    assert rows["not_null_x_a"]["unexpected_count"] == 3 and rows["not_null_x_a"]["target"] == "kpi.x"
    assert rows["soft_x"]["passed"] is False and rows["soft_x"]["severity"] == "warn"
    assert rows["dbt_node:kpi.x"]["passed"] is True
    assert rows["dbt_unit_test:kpi__x.u1"]["passed"] is True
    assert {r["run_id"] for r in rows.values()} == {"r1"}


def test_expected_checks_cover_tests_unit_tests_and_models_but_not_ephemeral_models():
    assert expected_check_names(MANIFEST) == {"dbt_node:kpi.x", "not_null_x_a", "soft_x", "dbt_unit_test:kpi__x.u1"}
