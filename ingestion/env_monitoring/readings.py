"""Load new station files from the drop folder into one ``readings`` batch, chunk by chunk.

A run may find millions of files (a year of 5-minute files from 60 stations). They are read,
parsed and written ``chunk_files`` at a time (``IOC_ENV_CHUNK_FILES``, default
:data:`DEFAULT_CHUNK_FILES`): each chunk becomes row groups of the batch's ``readings.parquet``,
``quarantine.parquet`` and ``files.parquet`` in ``.staging`` and leaves memory, so the peak
follows the chunk, not the run. The batch is still one batch, committed (or not) as a whole.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa

from ingestion import settings
from ingestion.env_monitoring.drop_folder import LOCAL, DropFile, iter_chunks
from ingestion.env_monitoring.parse_lines import parse_files
from ingestion.env_monitoring.symbols import SOURCE_SYSTEM
from ingestion.landing import FILES_SCHEMA, BatchRecord, BatchWriter, with_lineage

DATASET = "readings"
CHUNK_FILES_ENV = "IOC_ENV_CHUNK_FILES"
DEFAULT_CHUNK_FILES = 20_000  # ~120k lines, a few tens of MB in flight


def chunk_files_setting() -> int:
    return max(1, int(os.environ.get(CHUNK_FILES_ENV) or DEFAULT_CHUNK_FILES))


def load_station_files(
    drop_dir: Path | None = None,
    landing_dir: Path | None = None,
    max_files: int | None = None,
    window: tuple[datetime, datetime] | None = None,
    chunk_files: int | None = None,
) -> BatchRecord | None:
    """Land every file of the drop folder not loaded before, as one batch.

    Returns None when no new file is there. Re-sent files are recorded as skipped
    (``duplicate of <file>``) so they are not examined again; see drop_folder.py.
    With ``window`` (aware ``[start, end)``), only the files whose 5-minute slot lies in it.
    ``chunk_files``: files read and written at a time (default: ``IOC_ENV_CHUNK_FILES``).
    """
    drop_dir = Path(drop_dir) if drop_dir else settings.env_drop_dir()
    if not drop_dir.is_dir():
        return None
    local_window = None if window is None else tuple(t.astimezone(LOCAL).replace(tzinfo=None) for t in window)
    chunks = iter_chunks(drop_dir, _committed_files(landing_dir), max_files=max_files, window=local_window,
                         chunk_files=chunk_files or chunk_files_setting())
    try:
        with BatchWriter(SOURCE_SYSTEM, dataset=DATASET, source_ref=str(drop_dir), landing_dir=landing_dir) as batch:
            rows_read = files_seen = 0
            for files in chunks:
                files_seen += len(files)
                rows_read += _land_chunk(batch, files)
                batch.flush()
            if not files_seen:
                return None  # leaving the block without commit discards the empty staging directory
            return batch.commit(rows_read=rows_read)
    finally:
        _release_arrow_memory()


def _release_arrow_memory() -> None:
    """Give Arrow's freed buffers back to the system: the listing and index of a large drop
    folder (GBs at a year) would otherwise stay resident for the rest of an in-process run."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()


def _land_chunk(batch: BatchWriter, files: list[DropFile]) -> int:
    to_parse = [f for f in files if f.duplicate_of is None]
    parsed = parse_files(to_parse)
    names = np.array([f.name for f in to_parse], dtype=object)
    batch.add_rows(
        DATASET,  # added even when empty, so every batch has a readings.parquet with the schema
        with_lineage(
            parsed.readings,
            batch_id=batch.batch_id,
            loaded_at=batch.loaded_at,
            source_file=pa.array(names[parsed.landed_file], pa.string()),
            line_number=pa.array(parsed.landed_line, pa.int64()),
        ),
    )
    batch.add_quarantine(
        source_file=names[parsed.rejected_file].tolist(),
        line_number=parsed.rejected_line,
        raw_record=parsed.rejected_raw,
        reason=parsed.rejected_reason,
    )
    duplicates = [f for f in files if f.duplicate_of is not None]
    batch.add_files(pa.table({
        "source_file": pa.array([f.name for f in to_parse] + [f.name for f in duplicates], pa.string()),
        "content_sha256": pa.array([f.sha256 for f in to_parse] + [f.sha256 for f in duplicates], pa.string()),
        "size_bytes": pa.array([len(f.content) for f in to_parse] + [len(f.content) for f in duplicates], pa.int64()),
        "lines_read": np.concatenate([parsed.lines_read_per_file, np.zeros(len(duplicates), np.int64)]),
        "rows_landed": np.concatenate([parsed.landed_per_file, np.zeros(len(duplicates), np.int64)]),
        "rows_quarantined": np.concatenate([parsed.rejected_per_file, np.zeros(len(duplicates), np.int64)]),
        "skipped_reason": pa.array([None] * len(to_parse) + [f"duplicate of {f.duplicate_of}" for f in duplicates],
                                   pa.string()),
    }))
    return parsed.lines_read


def _committed_files(landing_dir: Path | None) -> Iterator[pa.RecordBatch]:
    """The manifest columns the drop folder is judged against, from the committed readings batches
    in the order they were written, a slice at a time (after a year, millions of rows)."""
    import pyarrow.parquet as pq

    from ingestion.file_manifest import committed_batch_records
    from ingestion.landing import batches_dir

    columns = ["source_file", "content_sha256", "skipped_reason", "lines_read"]
    batch_ids = committed_batch_records(SOURCE_SYSTEM, DATASET, landing_dir).column("batch_id").to_pylist()
    root = batches_dir(SOURCE_SYSTEM, landing_dir)
    schema = pa.schema([FILES_SCHEMA.field(c) for c in columns])
    for b in batch_ids:
        path = root / b / "files.parquet"
        if path.is_file():
            for rows in pq.ParquetFile(path).iter_batches(batch_size=250_000, columns=columns):
                yield pa.RecordBatch.from_arrays([rows.column(c).cast(schema.field(c).type) for c in columns], schema=schema)


def load_station_files_window(start: datetime, end: datetime) -> BatchRecord | None:
    """The files of the slots in ``[start, end)`` not loaded yet (a partition of the orchestration)."""
    return load_station_files(window=(start, end))
