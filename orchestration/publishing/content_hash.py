"""A content hash of a table that does not depend on physical row order.

Definition (so anyone can recompute it from the published file, or by hand):
  row_hash  = md5(to_json(row))                     -- the row as a JSON object, names included
  content   = sha256(schema_json || '\\n' || row_count || '\\n' || sorted row_hashes joined by '\\n')
where schema_json is ``[[column, duckdb_type], ...]`` in column order.

Sorting the row hashes makes it order-independent while still counting duplicates (a multiset);
the schema line makes a type change (e.g. DOUBLE -> VARCHAR of the same text) change the hash.
DOUBLE and FLOAT columns are rendered with 12 significant digits (``printf('%.12g')``) first:
DuckDB's parallel aggregates may sum in a different order from one build to the next, and a
difference in the last bit of an average is not a change of content.
TIMESTAMPTZ values render in the session time zone, so it is pinned to UTC while hashing.
The JSON rendering is DuckDB's: recompute with the same DuckDB major version.
"""

from __future__ import annotations

import json

import duckdb

from orchestration.publishing.sql import literal, qualified

DEFINITION = (
    "sha256(schema_json || '\\n' || row_count || '\\n' || sorted md5(to_json(row)) joined by '\\n'), "
    "doubles as printf('%.12g'), TimeZone=UTC; see orchestration/publishing/content_hash.py"
)

_ROW = "__ioc_row"  # table alias; to_json(alias) renders the whole row as one struct


def table_content_hash(con: duckdb.DuckDBPyConnection, qualified_table: str) -> str:
    """sha256 hex digest of the table's content, see the module docstring."""
    table = qualified(qualified_table)
    rel = con.sql(f"select * from {table} limit 0")
    schema_json = json.dumps([[name, str(type_)] for name, type_ in zip(rel.columns, rel.types)])
    columns = ", ".join(_canonical(name, str(type_)) for name, type_ in zip(rel.columns, rel.types))
    with _utc_session(con):
        (digest,) = con.execute(
            f"""
            with canonical as (select {columns} from {table}),
            row_hashes as (select md5(to_json({_ROW})) as h from canonical as {_ROW})
            select sha256(
                {literal(schema_json)} || chr(10) || count(*)::varchar || chr(10)
                || coalesce(string_agg(h, chr(10) order by h), '')
            )
            from row_hashes
            """
        ).fetchone()
    return digest


def _canonical(name: str, type_: str) -> str:
    quoted = '"' + name.replace('"', '""') + '"'
    if type_ in ("DOUBLE", "FLOAT"):
        return f"printf('%.12g', {quoted}) as {quoted}"
    return quoted


class _utc_session:
    """Set TimeZone to UTC for the block and restore the caller's setting afterwards."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.previous: str | None = None

    def __enter__(self):
        try:
            (self.previous,) = self.con.execute("select current_setting('TimeZone')").fetchone()
        except duckdb.Error:  # no ICU extension: TIMESTAMPTZ already renders in UTC
            return self
        self.con.execute("set TimeZone = 'UTC'")
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            self.con.execute(f"set TimeZone = {literal(self.previous)}")
