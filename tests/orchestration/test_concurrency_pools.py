"""One process at a time writes the build DuckDB file: the steps that open it share a pool, and
the instance configuration shipped in orchestration/dagster_home/ gives every pool one slot."""

from pathlib import Path

import dagster as dg
import yaml

from orchestration.definitions import defs

DAGSTER_YAML = Path(__file__).resolve().parents[2] / "orchestration" / "dagster_home" / "dagster.yaml"


def _pools() -> dict[str, set[str]]:
    """pool -> names of the ops (assets, checks) that use it."""
    pools: dict[str, set[str]] = {}
    for job in defs.resolve_all_job_defs():
        for node in job.graph.iterate_op_defs():
            if node.pool:
                pools.setdefault(node.pool, set()).add(node.name)
    return pools


def test_every_step_that_opens_the_build_file_is_in_the_build_duckdb_pool():
    pools = _pools()
    assert {"warehouse_dbt_models", "great_expectations_suites"} <= pools["build_duckdb"]
    dbt_ops = {name for names in pools.values() for name in names if "dbt" in name}
    assert dbt_ops <= pools["build_duckdb"], "a dbt step outside the build_duckdb pool"


def test_each_departmental_system_is_pulled_by_one_run_at_a_time():
    landing = {p for p in _pools() if p.startswith("landing_")}
    assert {"landing_env_monitoring", "landing_traffic_cameras", "landing_statistics_office"} <= landing


def test_the_shipped_instance_gives_the_pool_one_slot_across_runs():
    overrides = yaml.safe_load(DAGSTER_YAML.read_text())
    with dg.instance_for_test(overrides=overrides) as instance:
        assert instance.get_concurrency_config().pool_config.default_pool_limit == 1
        storage = instance.event_log_storage
        storage.initialize_concurrency_limit_to_default("build_duckdb")
        first = storage.claim_concurrency_slot("build_duckdb", "run-a", "warehouse_dbt_models")
        second = storage.claim_concurrency_slot("build_duckdb", "run-b", "warehouse_dbt_models")
        assert first.is_claimed and not second.is_claimed  # the second run's dbt step waits
        storage.free_concurrency_slots_for_run("run-a")
        assert storage.claim_concurrency_slot("build_duckdb", "run-b", "warehouse_dbt_models").is_claimed
