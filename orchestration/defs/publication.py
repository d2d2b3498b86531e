"""The publish step of write → audit → publish.

Dagster starts it only when the blocking checks (error-severity dbt tests, GX suites) passed.
It then applies the gate once more from the append-only audit log — every expected check must
have run in this run, none may have failed — because a check that did not run proves nothing.
A blocked attempt is recorded with its reason and leaves the previous publication in place,
byte for byte; the step then fails so the data team sees it in red.
"""


import dagster as dg

from expectations.registry import checked_tables
from ingestion import settings
from orchestration.dbt_project_config import MANIFEST_PATH, load_manifest, published_models
from orchestration.dbt_results import expected_check_names
from orchestration.gx_results import suite_check_name

PUBLISHED_KEY = dg.AssetKey(["publication", "ioc_published"])


def _published_model_keys() -> list[dg.AssetKey]:
    return sorted(
        {dg.AssetKey([n["schema"], n.get("alias") or n["name"]]) for n in published_models(load_manifest())},
        key=lambda k: k.to_user_string(),
    )


def expected_checks() -> set[str]:
    return expected_check_names(load_manifest()) | {suite_check_name(t) for t in checked_tables()}


@dg.asset(
    key=PUBLISHED_KEY,
    deps=_published_model_keys(),
    group_name="publication",
    owners=["team:data_platform"],
    kinds={"duckdb", "parquet"},
    pool="published_duckdb",
    description=(
        "**Kho dữ liệu công bố** — the published warehouse: `data/published/ioc.duckdb` (kpi.*, ref.*, "
        "audit.*, alerts.*) and a Parquet snapshot, swapped in atomically — only when every blocking check "
        "of this run passed. Each publication links its audit report."
    ),
    metadata={
        "published_file": dg.MetadataValue.path(str(settings.published_dir() / "ioc.duckdb")),
        "audit_reports": dg.MetadataValue.path(str(settings.data_dir() / "reports")),
        "gx_data_docs": dg.MetadataValue.path(str(settings.gx_dir() / "uncommitted" / "data_docs" / "local_site" / "index.html")),
    },
)
def ioc_published(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    from orchestration.publishing import current_code_version, publish  # DuckDB/pyarrow: at run time
    from orchestration.publishing.unpublished_runs import run_check_results

    result = publish(
        build_db=settings.build_db(),
        run_id=context.run_id,
        check_results=run_check_results(context.run_id),
        expected_checks=expected_checks(),
        code_version=current_code_version(),
        dbt_manifest_path=MANIFEST_PATH,
        record_checks=False,  # dbt and GX steps recorded their own results as they ran
    )
    if result.outcome != "published":
        raise dg.Failure(
            description=f"Publication blocked: {result.reason}",
            metadata={"publication_id": result.publication_id, "reason": result.reason},
        )
    return dg.MaterializeResult(
        metadata={
            "publication_id": result.publication_id,
            "published_path": dg.MetadataValue.path(str(result.published_path)),
            "snapshot_path": dg.MetadataValue.path(str(result.snapshot_path)),
            "row_counts": dg.MetadataValue.json(result.row_counts),
            "table_hashes": dg.MetadataValue.json(result.table_hashes),
            "input_batches": len(result.input_batch_ids),
            "gate": result.reason,
            **_audit_report_link(context, result.publication_id),
        }
    )


def _audit_report_link(context: dg.AssetExecutionContext, publication_id: str) -> dict:
    """The publication's static audit report (orchestration/audit_report), linked from the UI.
    Best effort: the publication is already live; a report that cannot be written is logged."""
    try:
        from orchestration.audit_report import build_report

        return {"audit_report": dg.MetadataValue.path(str(build_report(publication_id)))}
    except Exception as exc:  # noqa: BLE001 - the report is a convenience, never a reason to fail
        context.log.warning("audit report of %s not written: %s", publication_id, exc)
        return {}


def defs() -> dg.Definitions:
    return dg.Definitions(assets=[ioc_published])
