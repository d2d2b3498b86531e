"""Load new station files from the drop folder into one ``readings`` batch."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np
import pyarrow as pa

from ingestion import settings
from ingestion.env_monitoring.drop_folder import LOCAL, DropFile, plan_batch
from ingestion.env_monitoring.parse_lines import parse_files
from ingestion.env_monitoring.symbols import SOURCE_SYSTEM
from ingestion.file_manifest import committed_files
from ingestion.landing import BatchRecord, BatchWriter, with_lineage

DATASET = "readings"


def load_station_files(
    drop_dir: Path | None = None,
    landing_dir: Path | None = None,
    max_files: int | None = None,
    window: tuple[datetime, datetime] | None = None,
) -> BatchRecord | None:
    """Land every file of the drop folder not loaded before, as one batch.

    Returns None when no new file is there. Re-sent files are recorded as skipped
    (``duplicate of <file>``) so they are not examined again; see drop_folder.py.
    With ``window`` (aware ``[start, end)``), only the files whose 5-minute slot lies in it.
    """
    drop_dir = Path(drop_dir) if drop_dir else settings.env_drop_dir()
    if not drop_dir.is_dir():
        return None
    local_window = None if window is None else tuple(t.astimezone(LOCAL).replace(tzinfo=None) for t in window)
    files = plan_batch(drop_dir, committed_files(SOURCE_SYSTEM, DATASET, landing_dir), max_files, local_window)
    if not files:
        return None
    to_parse = [f for f in files if f.duplicate_of is None]
    parsed = parse_files(to_parse)

    with BatchWriter(SOURCE_SYSTEM, dataset=DATASET, source_ref=str(drop_dir), landing_dir=landing_dir) as batch:
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
        _record_files(batch, to_parse, parsed, [f for f in files if f.duplicate_of is not None])
        return batch.commit(rows_read=parsed.lines_read)


def _record_files(batch: BatchWriter, parsed_files: list[DropFile], parsed, duplicates: list[DropFile]) -> None:
    counts = zip(
        parsed.lines_read_per_file.tolist(),
        parsed.landed_per_file.tolist(),
        parsed.rejected_per_file.tolist(),
        strict=True,
    )
    for f, (read, landed, rejected) in zip(parsed_files, counts, strict=True):
        batch.add_file(
            f.name,
            content_sha256=f.sha256,
            size_bytes=len(f.content),
            lines_read=read,
            rows_landed=landed,
            rows_quarantined=rejected,
        )
    for f in duplicates:
        batch.add_file(
            f.name, content_sha256=f.sha256, size_bytes=len(f.content), skipped_reason=f"duplicate of {f.duplicate_of}"
        )


def load_station_files_window(start: datetime, end: datetime) -> BatchRecord | None:
    """The files of the slots in ``[start, end)`` not loaded yet (a partition of the orchestration)."""
    return load_station_files(window=(start, end))
