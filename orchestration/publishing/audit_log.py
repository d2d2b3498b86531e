"""Append-only audit store: one new read-only Parquet file per event, never rewritten.

Layout: ``<audit_dir>/<table>/<sortable-timestamp>-<random>.parquet``. Appending never touches
an existing file, so concurrent writers need no lock and an auditor can prove that a record
has not changed since it was written (hash the files, compare later).

Each file is written under a hidden ``.tmp`` name in the same directory, fsynced, made
read-only and only then renamed to its final name: a reader globbing ``*.parquet`` sees a
complete record or nothing. A crash leaves at most a ``.tmp`` file that no glob reads.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from ingestion import settings
from orchestration.publishing.audit_schemas import ALLOWED, JSON_COLUMNS, REQUIRED, SCHEMAS
from orchestration.publishing.fsio import fsync_dir, temp_sibling
from orchestration.publishing.ids import sortable_id
from orchestration.publishing.sql import literal

# A zero-row file carrying only the schema. The ``audit.*`` views of the published file glob
# the table directory, and a glob matching no file is an error in DuckDB; this file makes the
# views work before the first record (e.g. ``withheld``) and pins the column types. The name
# sorts before every real record. It carries a hash of the schema: when a column is added, a new
# schema file joins the old one (never replaced), so the views show the new column at once.
SCHEMA_FILE_PREFIX = "00000000T000000000000Z-schema"


def schema_file_name(schema: pa.Schema) -> str:
    digest = hashlib.sha256(str(schema).encode()).hexdigest()[:8]
    return f"{SCHEMA_FILE_PREFIX}-{digest}.parquet"


def table_dir(table: str, audit_dir: Path | None = None) -> Path:
    _schema(table)
    return (audit_dir or settings.audit_dir()) / table


def table_glob(table: str, audit_dir: Path | None = None) -> str:
    return str(table_dir(table, audit_dir).resolve() / "*.parquet")


def append(table: str, rows: pa.Table | list[dict], *, audit_dir: Path | None = None) -> Path | None:
    """Write ``rows`` as a new record file of ``table``; returns its path (None if no rows)."""
    arrow = to_arrow(table, rows)
    if arrow.num_rows == 0:
        return None
    directory = table_dir(table, audit_dir)
    directory.mkdir(parents=True, exist_ok=True)
    final = directory / f"{sortable_id()}.parquet"
    _write_read_only(arrow, final, no_clobber=False)
    return final


def ensure_schema_files(audit_dir: Path | None = None) -> None:
    """Write the zero-row schema file of every audit table that lacks one (never replaced)."""
    for table, schema in SCHEMAS.items():
        directory = table_dir(table, audit_dir)
        directory.mkdir(parents=True, exist_ok=True)
        name = schema_file_name(schema)
        if not (directory / name).exists():
            _write_read_only(schema.empty_table(), directory / name, no_clobber=True)


def read(table: str, *, audit_dir: Path | None = None) -> pa.Table:
    """All records of ``table`` in the order they were written, cast to the fixed schema."""
    schema = _schema(table)
    directory = table_dir(table, audit_dir)
    if not directory.is_dir() or not any(directory.glob("*.parquet")):
        return schema.empty_table()
    with duckdb.connect() as con:
        arrow = con.sql(
            f"select * exclude (filename, file_row_number) "
            f"from read_parquet({literal(table_glob(table, audit_dir))}, union_by_name = true, "
            f"filename = true, file_row_number = true) order by filename, file_row_number"
        ).to_arrow_table()
    # union_by_name tolerates files written before a column was added: it comes back as nulls.
    columns = [
        arrow.column(f.name).cast(f.type) if f.name in arrow.column_names else pa.nulls(arrow.num_rows, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def to_arrow(table: str, rows: pa.Table | list[dict]) -> pa.Table:
    """Validate records against the table's contract and build them with its exact schema."""
    schema = _schema(table)
    records = rows.to_pylist() if isinstance(rows, pa.Table) else [dict(r) for r in rows]
    for i, record in enumerate(records):
        unknown = set(record) - set(schema.names)
        if unknown:
            raise ValueError(f"audit {table} record {i}: unknown columns {sorted(unknown)}")
        for column in REQUIRED[table]:
            if record.get(column) is None:
                raise ValueError(f"audit {table} record {i}: {column} is required")
        for column, allowed in ALLOWED[table].items():
            if record.get(column) is not None and record[column] not in allowed:
                raise ValueError(f"audit {table} record {i}: {column}={record[column]!r} not in {sorted(allowed)}")
        for column in JSON_COLUMNS[table]:
            if column in record:
                record[column] = as_json(record[column])
        for column, value in record.items():
            # A naive timestamp would silently be read as UTC; audit times must be unambiguous.
            if isinstance(value, datetime) and value.tzinfo is None:
                raise ValueError(f"audit {table} record {i}: {column} is a naive datetime")
    return pa.Table.from_pylist(records, schema=schema)


def as_json(value) -> str | None:
    """JSON text for a JSON column: objects are serialised; a string already holding JSON is kept."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            json.loads(value)
            return value
        except ValueError:
            pass
    return json.dumps(value, default=str, sort_keys=True, ensure_ascii=False)


def _schema(table: str) -> pa.Schema:
    try:
        return SCHEMAS[table]
    except KeyError:
        raise ValueError(f"unknown audit table {table!r}; expected one of {sorted(SCHEMAS)}") from None


def _write_read_only(arrow: pa.Table, final: Path, *, no_clobber: bool) -> None:
    tmp = temp_sibling(final)
    try:
        with open(tmp, "xb") as f:
            pq.write_table(arrow, f)
            f.flush()
            os.fsync(f.fileno())
        # Read-only before it gets its visible name: the file never exists writable as a record.
        os.chmod(tmp, 0o444)
        if no_clobber:
            try:
                os.link(tmp, final)  # fails if the name exists: an existing file is never replaced
            except FileExistsError:
                pass
            tmp.unlink()
        else:
            os.rename(tmp, final)  # the name carries a fresh random suffix: nothing to replace
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(final.parent)
