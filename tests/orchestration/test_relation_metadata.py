"""Materialisation metadata of dbt relations: column schemas for all, row counts for tables only
(counting a view re-runs it — for the staging views, over every landing Parquet batch)."""

from __future__ import annotations

import duckdb

from orchestration.defs.dbt_assets import _relation_metadata


def test_tables_get_row_counts_and_views_only_their_schema(tmp_path, monkeypatch):
    build_db = tmp_path / "build.duckdb"
    with duckdb.connect(str(build_db)) as con:
        con.execute("create schema kpi; create table kpi.t as select range as id, 'x' as label from range(3)")
        con.execute("create schema staging; create view staging.v as select id from kpi.t where id > 0")
    monkeypatch.setenv("IOC_BUILD_DB", str(build_db))
    manifest = {"nodes": {"model.ioc.t": {"resource_type": "model", "schema": "kpi", "name": "t",
                                          "columns": {"id": {"description": "row number"}}}}}

    metadata = _relation_metadata({"kpi.t", "staging.v", "kpi.missing"}, manifest)

    assert set(metadata) == {"kpi.t", "staging.v"}
    assert metadata["kpi.t"]["dagster/row_count"].value == 3
    assert "dagster/row_count" not in metadata["staging.v"]
    table_columns = metadata["kpi.t"]["dagster/column_schema"].columns
    assert [(c.name, c.type, c.description) for c in table_columns] == [
        ("id", "BIGINT", "row number"), ("label", "VARCHAR", None)]
    assert [c.name for c in metadata["staging.v"]["dagster/column_schema"].columns] == ["id"]
