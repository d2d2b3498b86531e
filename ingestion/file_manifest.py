"""What a file-based source has already landed, read back from committed batches.

File connectors decide what is new by looking at the ``files.parquet`` of the committed
batches of their dataset (never at ``.staging``), so a batch that failed before its commit
leaves its files to be loaded again by the next run.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds

from ingestion.landing import BATCH_SCHEMA, FILES_SCHEMA, BatchRecord, batches_dir


def _committed_batches(source_system: str, landing_dir: Path | None) -> list[Path]:
    root = batches_dir(source_system, landing_dir)
    return sorted(p for p in root.glob("*") if (p / "batch.parquet").is_file()) if root.is_dir() else []


def committed_batch_records(source_system: str, dataset: str, landing_dir: Path | None = None) -> pa.Table:
    """All committed batch records of one dataset (batch.parquet rows), oldest first."""
    paths = [str(p / "batch.parquet") for p in _committed_batches(source_system, landing_dir)]
    if not paths:
        return BATCH_SCHEMA.empty_table()
    records = ds.dataset(paths, format="parquet", schema=BATCH_SCHEMA).to_table()
    return records.filter(ds.field("dataset") == dataset).sort_by("batch_id")


def committed_files(source_system: str, dataset: str, landing_dir: Path | None = None) -> pa.Table:
    """The files.parquet rows of every committed batch of ``dataset``."""
    batch_ids = committed_batch_records(source_system, dataset, landing_dir).column("batch_id").to_pylist()
    root = batches_dir(source_system, landing_dir)
    paths = [str(root / b / "files.parquet") for b in batch_ids if (root / b / "files.parquet").is_file()]
    if not paths:
        return FILES_SCHEMA.empty_table()
    return ds.dataset(paths, format="parquet", schema=FILES_SCHEMA).to_table()


def batch_record(source_system: str, batch_id: str, landing_dir: Path | None = None) -> BatchRecord:
    """Rebuild the BatchRecord of a committed batch from its batch.parquet."""
    path = batches_dir(source_system, landing_dir) / batch_id
    row = ds.dataset(str(path / "batch.parquet"), format="parquet").to_table().to_pylist()[0]
    return BatchRecord(path=path, **{k: v for k, v in row.items() if k not in ("started_at", "loaded_at")})



def committed_file_hashes(source_system: str, dataset: str, landing_dir: Path | None = None) -> list[tuple[str, str, str | None]]:
    """(source_file, content_sha256, skipped_reason) of every committed file of ``dataset``, in the
    order the batches were written; what a file-drop connector compares a folder listing with."""
    root = batches_dir(source_system, landing_dir)
    if not any(root.glob("*/batch.parquet")):
        return []
    # one DuckDB query over every batch: several times faster than opening the files one by one
    return duckdb.execute(
        """
        select f.source_file, f.content_sha256, f.skipped_reason
        from read_parquet(?, file_row_number = true) f join read_parquet(?) b using (batch_id)
        where b.dataset = ?
        order by f.batch_id, f.file_row_number
        """,
        [f"{root}/*/files.parquet", f"{root}/*/batch.parquet", dataset],
    ).fetchall()
