"""The CSV-drop pattern, written once: departments export CSV files into a shared folder.

Each run of :func:`land_new_files` for one :class:`CsvDataset`:
1. lists the files whose name matches the dataset's pattern, in order of arrival (mtime, name);
2. compares them with what committed batches already hold (``files.parquet``: name + SHA-256),
   so the state lives in the landing zone only: a crash before commit loses and duplicates
   nothing, the next run simply sees the same files as new again;
3. skips a file whose content was already loaded under another name (a re-sent file) and empty
   files, recording why in the manifest; a known name with new content is a revision and loads;
4. reads, types and checks the rest (:mod:`csv_files`, :mod:`csv_spec`), quarantines bad rows
   and within-file duplicates with a reason, flags rows of periods that had already closed when
   the file arrived (``is_late``), and commits one batch with conservation checked per batch.

A file's arrival time is its modification time on the share (the time the department's export
wrote it), so flags do not change when a run is repeated.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ingestion.common.csv_files import CsvRead, DataLines, FileRejectedError, read_csv_bytes
from ingestion.common.csv_spec import PERIOD_COLUMN, CsvDataset, coerce
from ingestion.common.errors import SourceUnavailableError
from ingestion.common.file_drop import DropFile, DropLocation, sha256_of
from ingestion.file_manifest import committed_file_hashes
from ingestion.landing import BatchRecord, BatchWriter, with_lineage

log = logging.getLogger(__name__)
LOCAL_UTC_OFFSET = np.timedelta64(7, "h")  # periods close at midnight Asia/Ho_Chi_Minh (UTC+7, no DST)
SETTLE_SECONDS = 60  # a file modified more recently may still be being written: left for the next run


@dataclass
class FileOutcome:
    lines_read: int = 0
    rows_landed: int = 0
    rows_quarantined: int = 0


def list_drop(location: DropLocation, file_pattern: str) -> list[DropFile]:
    """Settled files whose name matches ``file_pattern`` (a regex), in order of arrival (mtime, name)."""
    if not location.path.is_dir() or not os.access(location.path, os.R_OK | os.X_OK):
        raise SourceUnavailableError(
            location.source_system,
            f"drop folder {location.path} is missing or unreadable",
            check=f"that {location.variable} points at the department's export share and that the share is mounted",
        )
    pattern = re.compile(file_pattern, re.IGNORECASE)
    settled_before = datetime.now(timezone.utc).timestamp() - SETTLE_SECONDS
    files = []
    for path in location.path.iterdir():
        if not (path.is_file() and pattern.search(path.name)):
            continue
        stat = path.stat()
        if stat.st_mtime > settled_before:
            log.info("%s: %s changed in the last %ds, left for the next run", location.source_system, path.name,
                     SETTLE_SECONDS)
            continue
        received = datetime.fromtimestamp(stat.st_mtime, timezone.utc)
        files.append(DropFile(path.name, path, sha256_of(path), stat.st_size, received))
    return sorted(files, key=lambda f: (f.received_at, f.name))


def new_files(location: DropLocation, dataset: str, file_pattern: str,
              landing_dir: Path | None = None) -> tuple[list[DropFile], dict[str, str]]:
    """The listed files whose (name, sha256) no committed batch of ``dataset`` holds, and the first
    committed name of each content hash (to recognise a re-sent file)."""
    landed = committed_file_hashes(location.source_system, dataset, landing_dir)
    seen = {(name, sha) for name, sha, _ in landed}
    first_by_hash: dict[str, str] = {}
    for name, sha, _ in landed:
        first_by_hash.setdefault(sha, name)
    return [f for f in list_drop(location, file_pattern) if (f.name, f.sha256) not in seen], first_by_hash


def skip_reason(drop_file: DropFile, first_by_hash: dict[str, str]) -> str | None:
    """Why a new file lands nothing: it is empty, or its content came first under another name."""
    if drop_file.size_bytes == 0:
        return "empty file: 0 bytes"
    first = first_by_hash.get(drop_file.sha256)
    return f"duplicate of {first}" if first is not None else None


def land_new_files(dataset: CsvDataset, location: DropLocation, landing_dir: Path | None = None,
                   names: Callable[[str], bool] | None = None) -> BatchRecord | None:
    """Land every new file of ``dataset``; returns the committed batch, or None when nothing was new.
    ``names`` narrows the files considered (a partition's window, ``file_periods.in_window``)."""
    new, first_by_hash = new_files(location, dataset.name, dataset.file_pattern, landing_dir)
    new = [f for f in new if names is None or names(f.name)]
    if not new:
        return None
    try:
        record = _land(dataset, location, new, first_by_hash, landing_dir)
    except OSError as exc:  # the share went away mid-run: nothing was committed, the next run retries
        raise SourceUnavailableError(
            location.source_system,
            f"lost access to {location.path} while reading ({exc}); nothing was landed, the next run starts "
            f"again from the same files",
            check=f"the share behind {location.variable}",
        ) from exc
    log.info("%s/%s: batch %s read %d, landed %d, quarantined %d", dataset.source_system, dataset.name,
             record.batch_id, record.rows_read, record.rows_landed, record.rows_quarantined)
    return record


def _land(dataset: CsvDataset, location: DropLocation, new: list[DropFile], first_by_hash: dict[str, str],
          landing_dir: Path | None) -> BatchRecord:
    with BatchWriter(dataset.source_system, dataset=dataset.name, source_ref=str(location.path),
                     landing_dir=landing_dir) as writer:
        rows_read = 0
        for listed in new:
            raw = listed.path.read_bytes()
            # hash what is parsed: a file rewritten since it was listed is recorded as it was read
            drop_file = replace(listed, sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw))
            skip = skip_reason(drop_file, first_by_hash)
            first_by_hash.setdefault(drop_file.sha256, drop_file.name)
            if skip:
                writer.add_file(drop_file.name, content_sha256=drop_file.sha256, size_bytes=drop_file.size_bytes,
                                skipped_reason=skip)
                continue
            outcome = _land_file(writer, dataset, drop_file, raw)
            if outcome is None:  # header only: nothing to read
                writer.add_file(drop_file.name, content_sha256=drop_file.sha256, size_bytes=drop_file.size_bytes,
                                skipped_reason="empty file: header only, no data rows")
                continue
            rows_read += outcome.lines_read
            writer.add_file(drop_file.name, content_sha256=drop_file.sha256, size_bytes=drop_file.size_bytes,
                            lines_read=outcome.lines_read, rows_landed=outcome.rows_landed,
                            rows_quarantined=outcome.rows_quarantined)
        return writer.commit(rows_read)


def _land_file(writer: BatchWriter, dataset: CsvDataset, drop_file: DropFile, raw: bytes) -> FileOutcome | None:
    try:
        read, lines = read_csv_bytes(raw, dataset.aliases)
    except FileRejectedError as rejected:
        return _reject_file(writer, dataset, drop_file, rejected.lines, rejected)
    if read is None:
        return None
    try:
        coerced = coerce(read, dataset)
    except FileRejectedError as rejected:
        return _reject_file(writer, dataset, drop_file, lines, rejected)

    reason = _with_duplicates(coerced.table, coerced.reason, read, dataset.key)
    good = pc.is_null(reason)
    bad_lines = pc.invert(good)
    landed = _landed_table(coerced.table, read, drop_file, dataset).filter(good)
    line_numbers = pa.array(read.line_numbers)
    landed = with_lineage(landed, batch_id=writer.batch_id, loaded_at=writer.loaded_at,
                          source_file=drop_file.name, line_number=line_numbers.filter(good))
    if landed.num_rows:
        writer.add_rows(dataset.name, landed)
    bad_index = np.flatnonzero(bad_lines.to_numpy(zero_copy_only=False))
    quarantine_lines = line_numbers.filter(bad_lines).to_pylist() + [r[0] for r in read.rejected_rows]
    writer.add_quarantine(
        source_file=[drop_file.name] * len(quarantine_lines),
        line_number=quarantine_lines,
        raw_record=[read.raw_lines[i] for i in bad_index] + [r[1] for r in read.rejected_rows],
        reason=reason.filter(bad_lines).to_pylist() + [r[2] for r in read.rejected_rows],
    )
    return FileOutcome(
        lines_read=read.num_rows + len(read.rejected_rows),
        rows_landed=landed.num_rows,
        rows_quarantined=len(quarantine_lines),
    )


def _reject_file(writer: BatchWriter, dataset: CsvDataset, drop_file: DropFile, lines: DataLines,
                 rejected: FileRejectedError) -> FileOutcome:
    """Every data line of an unusable file goes to quarantine with the file-level reason."""
    n = len(lines.numbers)
    writer.add_quarantine(source_file=[drop_file.name] * n, line_number=lines.numbers, raw_record=lines.texts,
                          reason=[f"file rejected: {rejected}"] * n)
    log.warning("%s: %s rejected: %s", dataset.source_system, drop_file.name, rejected)
    return FileOutcome(lines_read=n, rows_quarantined=n)


def _with_duplicates(table: pa.Table, reason: pa.Array, read: CsvRead, key: tuple[str, ...]) -> pa.Array:
    """Add a reason to every valid row repeating the key of an earlier valid row of the same file."""
    valid = np.flatnonzero(pc.is_null(reason).to_numpy(zero_copy_only=False))
    parts = [pc.fill_null(pc.cast(table.column(k).take(valid), pa.string()), "\x00") for k in key]
    key_text = pc.binary_join_element_wise(*parts, "\x1f").to_numpy(zero_copy_only=False)
    _, first, inverse = np.unique(key_text, return_index=True, return_inverse=True)
    first_row = valid[first[inverse]]
    repeated = np.flatnonzero(first_row != valid)
    if not len(repeated):
        return reason
    duplicate = [None] * table.num_rows
    for position in repeated:
        row, original = int(valid[position]), int(first_row[position])
        first_line = int(read.line_numbers[original])
        duplicate[row] = (
            f"duplicate row: identical to line {first_line}" if read.raw_lines[row] == read.raw_lines[original]
            else f"conflicting duplicate of line {first_line}: same {', '.join(key)}, different values (first kept)"
        )
    return pc.coalesce(reason, pa.array(duplicate, pa.string()))


def _landed_table(table: pa.Table, read: CsvRead, drop_file: DropFile, dataset: CsvDataset) -> pa.Table:
    n = table.num_rows
    received = np.datetime64(drop_file.received_at.replace(tzinfo=None), "us")
    return (
        table.append_column("_extra", read.extra_json.cast(pa.string()))
        .append_column("source_encoding", pa.array([read.encoding] * n, pa.string()))
        .append_column("file_received_at", pa.array(np.full(n, received), pa.timestamp("us", tz="UTC")))
        .append_column("is_late", pa.array(_is_late(table.column(PERIOD_COLUMN), received, dataset)))
    )


def _is_late(periods: pa.ChunkedArray, received: np.datetime64, dataset: CsvDataset) -> np.ndarray:
    """A row is late when its file arrived after its period had closed."""
    start = periods.to_numpy(zero_copy_only=False).astype("datetime64[D]")
    months = 3 if dataset.period_kind == "quarter" else 1
    end = (start.astype("datetime64[M]") + months).astype("datetime64[D]")
    closes_utc = (end + np.timedelta64(dataset.close_after_days, "D")).astype("datetime64[us]") - LOCAL_UTC_OFFSET
    return np.where(np.isnat(start), False, received > closes_utc)

