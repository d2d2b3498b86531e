"""Great Expectations suites as Dagster asset checks on the published marts.

The suites are listed from ``expectations.registry`` without importing great_expectations (~12 s),
so the code location loads fast; GX is imported only when the check runs. A suite that cannot
run (GX missing, table missing, an expectation that did not evaluate) fails — it never passes.
Results go to the append-only audit log, attributed to a scope (orchestration/publishing/scopes.py).
Every suite check is blocking, so the publish step starts only after all suites ran; a failed
suite on shared reference data reports severity ERROR and stops it (the run-status sensor then
records why nothing was published), while a failed suite on one department's table reports WARN:
the publish step runs and withholds that department (docs/publication_and_audit.md).
"""


import dagster as dg

from expectations.registry import checked_tables
from ingestion import settings
from orchestration.dbt_project_config import load_manifest
from orchestration.gx_results import check_rows_from_suite
from orchestration.publishing.scopes import SHARED, ManifestScopes


def _asset_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(table.split("."))


GX_CHECK_SPECS = [
    dg.AssetCheckSpec(
        name="gx_suite",
        asset=_asset_key(table),
        description=f"Great Expectations suite `{table}` (severity-error expectations block publication).",
        blocking=True,
    )
    for table in checked_tables()
]


@dg.multi_asset_check(specs=GX_CHECK_SPECS, can_subset=True, pool="build_duckdb", compute_kind="great_expectations")
def great_expectations_suites(context: dg.AssetCheckExecutionContext):
    from expectations.runner import run_suite
    from orchestration.publishing import audit_log  # DuckDB/pyarrow: at run time, not at load
    from orchestration.publishing.attribution import attribute_check_rows

    scopes = ManifestScopes(load_manifest())
    for check_key in sorted(context.selected_asset_check_keys, key=lambda k: k.asset_key.to_user_string()):
        table = ".".join(check_key.asset_key.path)
        outcome = run_suite(settings.build_db(), table, run_id=context.op_execution_context.run_id)
        rows = check_rows_from_suite(outcome, run_id=context.op_execution_context.run_id)
        audit_log.append("check_results", attribute_check_rows(rows, scopes=scopes))
        context.log.info(outcome.summary())
        scope = scopes.relation_scope(table)
        yield dg.AssetCheckResult(
            asset_key=check_key.asset_key,
            check_name=check_key.name,
            passed=outcome.success,
            # ERROR stops the publish step; a department's failure must not: the gate withholds it
            severity=dg.AssetCheckSeverity.ERROR if scope == SHARED else dg.AssetCheckSeverity.WARN,
            description=outcome.reason or outcome.summary(),
            metadata={
                "rows_evaluated": outcome.evaluated_row_count or 0,
                "expectations": len(outcome.results),
                "failed_blocking": len(outcome.blocking_failures),
                "warnings": len(outcome.warnings),
                "summary": outcome.summary(),
                "scope": scope,
            },
        )


def defs() -> dg.Definitions:
    return dg.Definitions(asset_checks=[great_expectations_suites])
