"""One Dagster asset per landed dataset of every departmental connector, grouped by department.

The assets are generated from ``ingestion.registry``: a new connector package appears here
without any edit. A dataset whose connector lands a window (``DatasetSpec.load_window``) is
partitioned as it declares (day / month / school year, see ``partitions.py``): a run of a
partition or a range lands exactly that window, what of it is not landed yet. Unpartitioned
datasets land "everything new". Either way the step reports the conservation counts
(read = landed + quarantined), the landed columns and when rows last arrived.
"""

import hashlib
import warnings
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg

from ingestion import settings
from ingestion.registry import DatasetSpec, SourceSpec, discover_sources
from orchestration.defs.partitions import partitions_for, run_window, window_label
from orchestration.freshness import max_age_for_cadence
from orchestration.landing_state import landed_schema, last_landing

if TYPE_CHECKING:  # pyarrow: imported when an asset runs, not at load
    from ingestion.landing import BatchRecord

NATIVE_KINDS = {"file_drop": "file", "http_api": "api", "sql_database": "sql", "excel": "excel", "csv": "csv",
                "json": "json", "geojson": "json"}


def asset_key(source: SourceSpec, dataset: DatasetSpec) -> dg.AssetKey:
    return dg.AssetKey([source.department, f"{source.source_system}_{dataset.name}"])


def _as_list(result) -> list["BatchRecord"]:
    from ingestion.landing import BatchRecord

    if result is None:
        return []
    if isinstance(result, BatchRecord):
        return [result]
    return list(result)


def _batch_metadata(batches: list["BatchRecord"]) -> dict:
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


def _landing_metadata(source: SourceSpec, dataset: DatasetSpec) -> dict:
    """When rows last arrived (what freshness is about: a run that lands nothing is not fresh
    data) and the columns as landed."""
    metadata = {}
    latest = last_landing(source.source_system, dataset.name)
    if latest is not None:
        metadata["last_rows_landed_at"] = dg.MetadataValue.timestamp(latest.loaded_at)
        metadata["dagster/last_updated_timestamp"] = dg.MetadataValue.timestamp(latest.loaded_at)
    schema = landed_schema(source.source_system, dataset.name)
    if schema is not None:
        metadata["dagster/column_schema"] = dg.TableSchema(
            columns=[dg.TableColumn(f.name, str(f.type), description="lineage" if f.name.startswith("_") else None)
                     for f in schema]
        )
    return metadata


def connector_code_version(source: SourceSpec) -> str:
    """Hash of the connector package's source: changes exactly when its extraction code does."""
    import importlib

    package = Path(importlib.import_module(f"ingestion.{source.source_system}").__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def build_ingestion_asset(source: SourceSpec, dataset: DatasetSpec) -> dg.AssetsDefinition:
    partitions_def = partitions_for(dataset)
    max_age = max_age_for_cadence(dataset.cadence_minutes)
    kinds = {"python", "parquet"} | ({NATIVE_KINDS[source.native_form]} if source.native_form in NATIVE_KINDS else set())

    @dg.asset(
        key=asset_key(source, dataset),
        group_name=source.department,
        description=(
            f"{dataset.description}\n\n**{source.department_name_vi}** — {source.system_description}. "
            f"Landed as immutable Parquet batches under `landing/{source.source_system}/batches/`; new data "
            f"expected every {_duration(timedelta(minutes=dataset.cadence_minutes))}."
            + (f" Partitioned by {dataset.partitioning.replace('_', ' ')}: a partition lands exactly its "
               "window, what of it is not landed yet." if partitions_def else "")
        ),
        owners=[f"team:{source.department}"],
        kinds=kinds,
        tags={"source_system": source.source_system, "native_form": source.native_form,
              "partitioning": dataset.partitioning if partitions_def else "none"},
        metadata={
            "department_vi": source.department_name_vi,
            "cadence_minutes": dataset.cadence_minutes,
            "freshness_max_age_minutes": int(max_age.total_seconds() // 60),
            "landing_path": dg.MetadataValue.path(str(settings.landing_dir() / source.source_system / "batches")),
        },
        code_version=connector_code_version(source),
        partitions_def=partitions_def,
        # A range (a backfill, the demo's whole history) is one run and one window, not N runs.
        backfill_policy=dg.BackfillPolicy.single_run() if partitions_def else None,
        retry_policy=dg.RetryPolicy(max_retries=2, delay=10, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS),
        # One pull of a source at a time: two runs would compute the same watermark or window.
        pool=f"landing_{source.source_system}",
    )
    def _ingest(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        if partitions_def is not None:
            start, end = run_window(context)
            context.log.info("landing %s/%s for %s", source.source_system, dataset.name, window_label(start, end))
            batches = _as_list(dataset.load_window(start, end))
        else:
            batches = _as_list(dataset.load())
        if not batches:
            context.log.info("nothing new in %s/%s", source.source_system, dataset.name)
        return dg.MaterializeResult(metadata={**_batch_metadata(batches), **_landing_metadata(source, dataset)})

    return _ingest


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} minutes"
    if minutes < 1440:
        return f"{minutes // 60} hour{'s' if minutes >= 120 else ''}"
    days = minutes // 1440
    return {1: "day", 7: "week", 30: "month", 91: "quarter", 365: "year"}.get(days, f"{days} days")


def ingestion_specs() -> list[tuple[SourceSpec, DatasetSpec]]:
    return [(s, d) for s in discover_sources() for d in s.datasets]


def ingestion_assets() -> list[dg.AssetsDefinition]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=dg.BetaWarning)  # backfill_policy: beta since 1.5, relied on
        return [build_ingestion_asset(s, d) for s, d in ingestion_specs()]


def defs() -> dg.Definitions:
    return dg.Definitions(assets=ingestion_assets())
