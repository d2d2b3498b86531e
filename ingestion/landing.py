"""Immutable Parquet batches in the landing zone, committed atomically.

A batch is assembled under ``landing/<source>/.staging/<batch_id>/`` and committed by one
directory rename to ``landing/<source>/batches/<batch_id>/``. Readers glob ``batches/*/`` and so
never see half a batch; a crash leaves only a ``.staging`` directory that nothing reads.

A large run is written chunk by chunk (``BatchWriter.flush``): each chunk is appended as row
groups of the same ``<dataset>.parquet``, ``quarantine.parquet`` and ``files.parquet`` inside
``.staging``, so memory follows the chunk and readers still find one file per dataset and batch.

Conservation is enforced here, once for every connector: a batch whose records read do not
equal rows landed plus rows quarantined is refused.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ingestion import settings
from ingestion.parquet_parts import ParquetParts, fsync_dir, fsync_tree

QUARANTINE_SCHEMA = pa.schema(
    [
        ("source_system", pa.string()),
        ("dataset", pa.string()),
        ("batch_id", pa.string()),
        ("source_file", pa.string()),
        ("line_number", pa.int64()),
        ("raw_record", pa.string()),
        ("reason", pa.string()),
        ("loaded_at", pa.timestamp("us", tz="UTC")),
    ]
)

FILES_SCHEMA = pa.schema(
    [
        ("source_system", pa.string()),
        ("batch_id", pa.string()),
        ("source_file", pa.string()),
        ("content_sha256", pa.string()),
        ("size_bytes", pa.int64()),
        ("lines_read", pa.int64()),
        ("rows_landed", pa.int64()),
        ("rows_quarantined", pa.int64()),
        ("skipped_reason", pa.string()),
    ]
)

BATCH_SCHEMA = pa.schema(
    [
        ("source_system", pa.string()),
        ("dataset", pa.string()),
        ("batch_id", pa.string()),
        ("source_ref", pa.string()),
        ("rows_read", pa.int64()),
        ("rows_landed", pa.int64()),
        ("rows_quarantined", pa.int64()),
        ("files_loaded", pa.int64()),
        ("files_skipped", pa.int64()),
        ("started_at", pa.timestamp("us", tz="UTC")),
        ("loaded_at", pa.timestamp("us", tz="UTC")),
    ]
)

LINEAGE_COLUMNS = ("_batch_id", "_source_file", "_line_number", "_loaded_at")


class ConservationError(RuntimeError):
    """Records read != rows landed + rows quarantined: something would be lost or invented."""


@dataclass(frozen=True)
class BatchRecord:
    source_system: str
    dataset: str
    batch_id: str
    source_ref: str
    rows_read: int
    rows_landed: int
    rows_quarantined: int
    files_loaded: int
    files_skipped: int
    path: Path


def new_batch_id(now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    return f"{now.strftime('%Y%m%dT%H%M%S%fZ')}-{secrets.token_hex(4)}"


def batches_dir(source_system: str, landing_dir: Path | None = None) -> Path:
    return (landing_dir or settings.landing_dir()) / source_system / "batches"


def with_lineage(
    table: pa.Table, *, batch_id: str, loaded_at: datetime, source_file: pa.Array | str, line_number: pa.Array
) -> pa.Table:
    """Append the lineage columns every landed row carries."""
    n = table.num_rows
    if isinstance(source_file, str):
        source_file = pa.array([source_file] * n, pa.string())
    return (
        table.append_column("_batch_id", pa.array([batch_id] * n, pa.string()))
        .append_column("_source_file", source_file)
        .append_column("_line_number", pa.array(line_number, pa.int64()))
        .append_column("_loaded_at", pa.array([loaded_at] * n, pa.timestamp("us", tz="UTC")))
    )


class BatchWriter:
    """Collects one batch's landed rows, quarantine and file manifest; ``commit`` publishes it.

    Use as a context manager: leaving the block without ``commit`` (e.g. on an exception)
    discards the staging directory, so a failed extraction lands nothing.
    """

    def __init__(self, source_system: str, *, dataset: str, source_ref: str, landing_dir: Path | None = None):
        self.source_system = source_system
        self.dataset = dataset
        self.source_ref = source_ref
        self.started_at = datetime.now(timezone.utc)
        self.batch_id = new_batch_id(self.started_at)
        self.loaded_at = self.started_at
        root = (landing_dir or settings.landing_dir()) / source_system
        self._staging = root / ".staging" / self.batch_id
        self._final = root / "batches" / self.batch_id
        self._tables: dict[str, list[pa.Table]] = {}
        self._quarantine: list[pa.Table] = []
        self._files: list[dict] = []
        self._parts: dict[str, ParquetParts] = {}  # what flush() already wrote, per output file
        self._landed = 0
        self._quarantined = 0
        self._files_loaded = 0
        self._files_skipped = 0
        self._committed = False

    def __enter__(self) -> "BatchWriter":
        self._staging.mkdir(parents=True, exist_ok=False)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self._committed:
            for parts in self._parts.values():
                parts.close()
            shutil.rmtree(self._staging, ignore_errors=True)

    def add_rows(self, dataset: str, table: pa.Table) -> None:
        missing = [c for c in LINEAGE_COLUMNS if c not in table.column_names]
        if missing:
            raise ValueError(f"landed rows of {dataset!r} lack lineage columns {missing}")
        self._tables.setdefault(dataset, []).append(table)
        self._landed += table.num_rows

    def add_quarantine(
        self, *, source_file: list[str] | pa.Array, line_number, raw_record, reason, dataset: str | None = None
    ) -> None:
        n = len(reason)
        if n == 0:
            return
        self._quarantine.append(
            pa.table(
                {
                    "source_system": pa.array([self.source_system] * n, pa.string()),
                    "dataset": pa.array([dataset or self.dataset] * n, pa.string()),
                    "batch_id": pa.array([self.batch_id] * n, pa.string()),
                    "source_file": pa.array(source_file, pa.string()),
                    "line_number": pa.array(line_number, pa.int64()),
                    "raw_record": pa.array(raw_record, pa.string()),
                    "reason": pa.array(reason, pa.string()),
                    "loaded_at": pa.array([self.loaded_at] * n, pa.timestamp("us", tz="UTC")),
                },
                schema=QUARANTINE_SCHEMA,
            )
        )
        self._quarantined += n

    def add_file(
        self,
        source_file: str,
        *,
        content_sha256: str,
        size_bytes: int,
        lines_read: int = 0,
        rows_landed: int = 0,
        rows_quarantined: int = 0,
        skipped_reason: str | None = None,
    ) -> None:
        self._files.append(
            dict(
                source_system=self.source_system,
                batch_id=self.batch_id,
                source_file=source_file,
                content_sha256=content_sha256,
                size_bytes=size_bytes,
                lines_read=lines_read,
                rows_landed=rows_landed,
                rows_quarantined=rows_quarantined,
                skipped_reason=skipped_reason,
            )
        )
        if skipped_reason:
            self._files_skipped += 1
        else:
            self._files_loaded += 1

    def add_files(self, files: pa.Table) -> None:
        """Many manifest rows at once: ``source_file, content_sha256, size_bytes`` and any of
        ``lines_read, rows_landed, rows_quarantined`` (default 0) and ``skipped_reason``."""
        n = files.num_rows
        if n == 0:
            return
        given = set(files.column_names)
        columns = {
            "source_system": pa.array([self.source_system] * n, pa.string()),
            "batch_id": pa.array([self.batch_id] * n, pa.string()),
        }
        for name in FILES_SCHEMA.names[2:]:
            if name in given:
                columns[name] = files.column(name).cast(FILES_SCHEMA.field(name).type)
            elif name == "skipped_reason":
                columns[name] = pa.nulls(n, pa.string())
            else:
                columns[name] = pa.array(np.zeros(n, np.int64))
        table = pa.table(columns, schema=FILES_SCHEMA)
        self._flush_files()  # keep the manifest in the order the files were added
        self._parts_of("files.parquet").write(table)
        skipped = n - table.column("skipped_reason").null_count
        self._files_skipped += skipped
        self._files_loaded += n - skipped

    @property
    def rows_landed(self) -> int:
        return self._landed

    @property
    def rows_quarantined(self) -> int:
        return self._quarantined

    def flush(self) -> None:
        """Write what was added so far to the staging directory and drop it from memory.

        A connector that reads a large source in chunks calls this after each chunk, so the
        batch holds one chunk at a time however large the run is. The layout does not change:
        each chunk becomes row groups of the same ``<dataset>.parquet`` (and ``quarantine`` /
        ``files``), and nothing is visible before ``commit`` renames the batch into place.
        Without any call, ``commit`` writes everything at once as before.
        """
        for dataset, tables in self._tables.items():
            if tables:
                self._parts_of(f"{dataset}.parquet").write(pa.concat_tables(tables, promote_options="permissive"))
        self._tables = {dataset: [] for dataset in self._tables}  # keep the key: the file exists even if empty
        if self._quarantine:
            self._parts_of("quarantine.parquet").write(pa.concat_tables(self._quarantine))
            self._quarantine = []
        self._flush_files()

    def _flush_files(self) -> None:
        if self._files:
            self._parts_of("files.parquet").write(pa.Table.from_pylist(self._files, schema=FILES_SCHEMA))
            self._files = []

    def _parts_of(self, file_name: str) -> "ParquetParts":
        if file_name not in self._parts:
            self._parts[file_name] = ParquetParts(self._staging, file_name)
        return self._parts[file_name]

    def commit(self, rows_read: int) -> BatchRecord:
        """Verify conservation, write the batch record last, then rename the batch into place."""
        landed, quarantined = self.rows_landed, self.rows_quarantined
        if rows_read != landed + quarantined:
            raise ConservationError(
                f"{self.source_system} batch {self.batch_id}: read {rows_read} records but "
                f"landed {landed} + quarantined {quarantined} = {landed + quarantined}"
            )
        self.flush()
        self._parts_of("quarantine.parquet").ensure(QUARANTINE_SCHEMA)
        self._parts_of("files.parquet").ensure(FILES_SCHEMA)
        for parts in self._parts.values():
            parts.finish()
        skipped = self._files_skipped
        record = dict(
            source_system=self.source_system,
            dataset=self.dataset,
            batch_id=self.batch_id,
            source_ref=self.source_ref,
            rows_read=rows_read,
            rows_landed=landed,
            rows_quarantined=quarantined,
            files_loaded=self._files_loaded,
            files_skipped=skipped,
            started_at=self.started_at,
            loaded_at=datetime.now(timezone.utc),
        )
        pq.write_table(pa.Table.from_pylist([record], schema=BATCH_SCHEMA), self._staging / "batch.parquet")
        self._final.parent.mkdir(parents=True, exist_ok=True)
        fsync_tree(self._staging)  # data on disk before the rename can make it visible
        os.rename(self._staging, self._final)  # the commit point: atomic on one filesystem
        self._committed = True
        fsync_dir(self._final.parent)  # make the rename itself survive a power cut
        return BatchRecord(path=self._final, **{k: v for k, v in record.items() if k not in ("started_at", "loaded_at")})
