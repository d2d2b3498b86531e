"""The ``audit`` schema of the published file: views over the audit log and the landing zone.

They are views, not copies, and use absolute paths: a publication attempt made after this file
was published (e.g. a blocked one) shows up in ``audit.publications`` of the file that stayed in
place, without the file changing by a single byte.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from orchestration.publishing import audit_log
from orchestration.publishing.audit_schemas import SCHEMAS
from orchestration.publishing.landing_inputs import LANDING_VIEWS, landing_glob
from orchestration.publishing.sql import ident, literal


def create_audit_views(con: duckdb.DuckDBPyConnection, *, audit_dir: Path, landing_dir: Path) -> list[str]:
    """Create ``audit.<name>`` views in ``con``'s default database; returns their names."""
    con.execute("create schema if not exists audit")
    # Every audit table directory gets its zero-row schema file, so its glob always matches.
    audit_log.ensure_schema_files(audit_dir)
    for table in SCHEMAS:
        _create_glob_view(con, table, audit_log.table_glob(table, audit_dir))

    for view, (file_name, schema) in LANDING_VIEWS.items():
        pattern = landing_glob(file_name, landing_dir)
        if _matches(con, pattern):
            _create_glob_view(con, view, pattern)
        else:
            # Nothing landed yet, and ingestion owns the landing zone (we write no placeholder
            # there): an empty view with the contract's columns. The next publication globs.
            con.execute(f"create or replace view audit.{ident(view)} as {_empty_select(con, schema)}")
    return [*SCHEMAS, *LANDING_VIEWS]


def _create_glob_view(con: duckdb.DuckDBPyConnection, view: str, pattern: str) -> None:
    con.execute(
        f"create or replace view audit.{ident(view)} as "
        f"select * from read_parquet({literal(pattern)}, union_by_name = true)"
    )


def _matches(con: duckdb.DuckDBPyConnection, pattern: str) -> bool:
    (n,) = con.execute(f"select count(*) from glob({literal(pattern)})").fetchone()
    return n > 0


def _empty_select(con: duckdb.DuckDBPyConnection, schema: pa.Schema) -> str:
    # Let DuckDB translate the Arrow types rather than keeping a second type mapping here.
    types = con.from_arrow(schema.empty_table()).types
    columns = ", ".join(f"null::{t} as {ident(name)}" for name, t in zip(schema.names, types))
    return f"select {columns} where false"
