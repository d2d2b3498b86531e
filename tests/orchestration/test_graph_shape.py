"""The asset graph the data team sees: lineage from the drop folder to the publication."""

import dagster as dg

from orchestration.definitions import defs

GRAPH = defs.resolve_asset_graph()
READINGS = dg.AssetKey(["natural_resources_environment", "env_monitoring_readings"])
PUBLISHED = dg.AssetKey(["publication", "ioc_published"])


def test_lineage_runs_from_the_station_files_to_the_published_file():
    upstream_of_publication = GRAPH.upstream_key_closure if hasattr(GRAPH, "upstream_key_closure") else None
    selection = dg.AssetSelection.keys(PUBLISHED).upstream().resolve(GRAPH)
    assert READINGS in selection
    assert dg.AssetKey(["kpi", "indicator_values"]) in selection
    assert dg.AssetKey(["staging", "stg_env__readings"]) in selection
    del upstream_of_publication


def test_ingestion_assets_are_grouped_by_department_with_owner_and_kinds():
    node = GRAPH.get(READINGS)
    assert node.group_name == "natural_resources_environment"
    assert node.owners == ["team:natural_resources_environment"]
    assert {"python", "parquet"} <= set(node.kinds)


def test_gx_suites_and_error_dbt_tests_are_blocking_checks_on_published_tables():
    checks = {key: GRAPH.get_check_spec(key) for key in GRAPH.asset_check_keys}
    gx = [spec for key, spec in checks.items() if key.name == "gx_suite"]
    assert {".".join(s.asset_key.path) for s in gx} >= {"kpi.indicator_values", "kpi.air_quality_hourly"}
    assert all(s.blocking for s in gx)
    dbt_on_indicators = [s for k, s in checks.items() if k.asset_key == dg.AssetKey(["kpi", "indicator_values"])]
    assert any(s.blocking for s in dbt_on_indicators if s.name != "gx_suite")
