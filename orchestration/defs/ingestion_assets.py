"""One Dagster asset per landed dataset of every departmental connector, grouped by department.

The assets are generated from ``ingestion.registry``: a new connector package appears here
without any edit. Each materialisation lands whatever is new in the source system and reports
the conservation counts (read = landed + quarantined) as metadata.
"""


import dagster as dg

from ingestion.landing import BatchRecord
from ingestion.registry import DatasetSpec, SourceSpec, discover_sources


def asset_key(source: SourceSpec, dataset: DatasetSpec) -> dg.AssetKey:
    return dg.AssetKey([source.department, f"{source.source_system}_{dataset.name}"])


def _as_list(result) -> list[BatchRecord]:
    if result is None:
        return []
    if isinstance(result, BatchRecord):
        return [result]
    return list(result)


def _batch_metadata(batches: list[BatchRecord]) -> dict:
    read = sum(b.rows_read for b in batches)
    landed = sum(b.rows_landed for b in batches)
    quarantined = sum(b.rows_quarantined for b in batches)
    return {
        "batches": dg.MetadataValue.json([b.batch_id for b in batches]),
        "rows_read": dg.MetadataValue.int(read),
        "rows_landed": dg.MetadataValue.int(landed),
        "rows_quarantined": dg.MetadataValue.int(quarantined),
        "dagster/row_count": dg.MetadataValue.int(landed),
    }


def build_ingestion_asset(source: SourceSpec, dataset: DatasetSpec) -> dg.AssetsDefinition:
    @dg.asset(
        key=asset_key(source, dataset),
        group_name=source.department,
        description=(
            f"{dataset.description}\n\nSource system: {source.system_description} "
            f"({source.department_name_vi}). Landed as immutable Parquet batches under "
            f"`landing/{source.source_system}/batches/`."
        ),
        owners=[f"team:{source.department}"],
        kinds={"python", "parquet"},
        tags={"source_system": source.source_system, "native_form": source.native_form},
        retry_policy=dg.RetryPolicy(max_retries=2, delay=10, backoff=dg.Backoff.EXPONENTIAL),
        pool="landing",
    )
    def _ingest(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        batches = _as_list(dataset.load())
        if not batches:
            context.log.info("nothing new in %s/%s", source.source_system, dataset.name)
        return dg.MaterializeResult(metadata=_batch_metadata(batches))

    return _ingest


def ingestion_assets() -> list[dg.AssetsDefinition]:
    return [build_ingestion_asset(s, d) for s in discover_sources() for d in s.datasets]


def defs() -> dg.Definitions:
    return dg.Definitions(assets=ingestion_assets())
