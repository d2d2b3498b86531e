"""One output file of a landing batch written chunk by chunk, and the fsyncs that make a
committed batch survive a power cut."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


class ParquetParts:
    """One output file of a batch, written chunk by chunk.

    Chunks of the same schema (after adding missing columns as nulls) are appended as row
    groups to one open ``ParquetWriter``. A chunk bringing a column the file does not have yet
    (an API that adds a field mid-run) starts a new part; ``finish`` then merges the parts into
    the one file, record batch by record batch, with the columns of all of them, as
    ``concat_tables(promote_options="permissive")`` would have. The usual case is one part,
    written once and renamed.
    """

    def __init__(self, directory: Path, file_name: str):
        self.directory = directory
        self.file_name = file_name
        self._paths: list[Path] = []
        self._schemas: list[pa.Schema] = []
        self._writer: pq.ParquetWriter | None = None

    def write(self, table: pa.Table) -> None:
        if self._writer is not None:
            conformed = conform_to(table, self._schemas[-1])
            if conformed is not None:
                if conformed.num_rows:
                    self._writer.write_table(conformed)
                return
            self._writer.close()
        path = self.directory / f".{self.file_name}.part-{len(self._paths):05d}"
        self._writer = pq.ParquetWriter(path, table.schema)
        self._paths.append(path)
        self._schemas.append(table.schema)
        self._writer.write_table(table)

    def ensure(self, schema: pa.Schema) -> None:
        """An empty file with ``schema`` if nothing was written (quarantine and files always exist)."""
        if not self._paths:
            self.write(schema.empty_table())

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def finish(self) -> None:
        self.close()
        target = self.directory / self.file_name
        if len(self._paths) == 1:
            os.replace(self._paths[0], target)
            return
        schema = pa.unify_schemas(self._schemas, promote_options="permissive")
        with pq.ParquetWriter(target, schema) as writer:
            for path in self._paths:
                source = pq.ParquetFile(path)
                for row_group in range(source.num_row_groups):
                    writer.write_table(conform_to(source.read_row_group(row_group), schema))
                path.unlink()


def conform_to(table: pa.Table, schema: pa.Schema) -> pa.Table | None:
    """``table`` with the columns of ``schema`` (missing ones as nulls), or None if it has a
    column ``schema`` lacks or a type that does not cast."""
    if table.schema.equals(schema):
        return table
    if any(name not in schema.names for name in table.column_names):
        return None
    columns = [table.column(f.name) if f.name in table.column_names else pa.nulls(table.num_rows, f.type)
               for f in schema]
    try:
        return pa.Table.from_arrays([c.cast(f.type) for c, f in zip(columns, schema)], schema=schema)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(directory: Path) -> None:
    """Without this, a power cut after the rename can leave a *committed* batch whose
    Parquet files are empty or truncated (the rename may reach the disk before the data)."""
    for child in directory.iterdir():
        with open(child, "rb") as f:
            os.fsync(f.fileno())
    fsync_dir(directory)
