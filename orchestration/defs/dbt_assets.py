"""dbt models as Dagster assets; dbt tests as asset checks; every result into the audit log.

dbt tests of severity ``error`` are blocking asset checks (dagster-dbt's default): if one fails,
Dagster does not start the publish step. ``warn`` tests are recorded and shown, never blocking.
"""


from typing import Any, Mapping

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.dbt_project_config import dbt_project, ensure_dbt_environment
from orchestration.dbt_results import check_rows_from_run_results
from orchestration.publishing import audit_log


class IocDbtTranslator(DagsterDbtTranslator):
    """Keys follow the warehouse schema (``kpi/indicator_values``); groups follow the layer."""

    def get_asset_key(self, props: Mapping[str, Any]) -> dg.AssetKey:
        if props["resource_type"] == "source":
            return super().get_asset_key(props)
        name = props.get("alias") or props["name"]
        return dg.AssetKey([props["schema"], name])

    def get_group_name(self, props: Mapping[str, Any]) -> str | None:
        if props["resource_type"] == "source":
            return super().get_group_name(props)
        return f"warehouse_{props['schema']}"

    def get_owners(self, props: Mapping[str, Any]):
        return ["team:data_platform"]


TRANSLATOR = IocDbtTranslator(DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(
    manifest=dbt_project().manifest_path,
    project=dbt_project(),
    dagster_dbt_translator=TRANSLATOR,
    pool="build_duckdb",  # one writer of the build DuckDB file at a time
)
def warehouse_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    ensure_dbt_environment()
    invocation = dbt.cli(["build"], context=context)
    try:
        yield from invocation.stream()
    finally:
        # Recorded even when dbt fails: auditors must see the tests that failed, not only passes.
        run_results = invocation.get_artifact("run_results.json")
        rows = check_rows_from_run_results(run_results, invocation.manifest, run_id=context.run_id)
        audit_log.append("check_results", rows)
        context.log.info("recorded %d dbt results in the audit log", len(rows))


def defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[warehouse_dbt_models],
        resources={"dbt": DbtCliResource(project_dir=dbt_project())},
    )
