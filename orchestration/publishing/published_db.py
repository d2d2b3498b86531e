"""Filling the new published DuckDB file: copies of the build's published schemas + audit.

Every table and view of the published schemas becomes a plain table: the published file must
not depend on ``staging``/``intermediate``, which it does not contain. The build file is
attached READ_ONLY, so publishing can never modify what dbt built.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from orchestration.publishing import audit_log
from orchestration.publishing.content_hash import table_content_hash
from orchestration.publishing.sql import ident, literal, qualified

_BUILD = "__ioc_build"  # attach alias, unlikely to clash with a database name in the build file


def copy_schemas(con: duckdb.DuckDBPyConnection, build_db: Path, schemas: tuple[str, ...]) -> list[str]:
    """Copy every table and view of ``schemas`` from ``build_db``; returns ``schema.table`` names."""
    if not Path(build_db).is_file():
        raise FileNotFoundError(f"build database {build_db} does not exist")
    con.execute(f"attach {literal(str(Path(build_db).resolve()))} as {_BUILD} (read_only)")
    try:
        existing = {s for (s,) in con.execute(
            "select schema_name from duckdb_schemas() where database_name = ?", [_BUILD]).fetchall()}
        missing = [s for s in schemas if s not in existing]
        if missing:
            raise ValueError(f"build database {build_db} has no schema {', '.join(missing)}")
        objects = con.execute(
            f"""
            select schema_name, table_name from duckdb_tables()
            where database_name = ? and schema_name in ({", ".join("?" * len(schemas))})
            union
            select schema_name, view_name from duckdb_views()
            where database_name = ? and not internal and schema_name in ({", ".join("?" * len(schemas))})
            order by 1, 2
            """,
            [_BUILD, *schemas, _BUILD, *schemas],
        ).fetchall()
        if not objects:
            # An empty publication would replace real dashboards with nothing: refuse it.
            raise ValueError(f"build database {build_db} has no table or view in schemas {list(schemas)}")
        for schema in schemas:
            con.execute(f"create schema if not exists {ident(schema)}")
        for schema, name in objects:
            con.execute(
                f"create table {ident(schema)}.{ident(name)} as "
                f"select * from {_BUILD}.{ident(schema)}.{ident(name)}"
            )
    finally:
        con.execute(f"detach {_BUILD}")
    return [f"{schema}.{name}" for schema, name in objects]


def measure(con: duckdb.DuckDBPyConnection, tables: list[str]) -> tuple[dict[str, int], dict[str, str]]:
    """Row count and content hash of each published table, as recorded in manifest and audit."""
    row_counts, hashes = {}, {}
    for table in tables:
        (row_counts[table],) = con.execute(f"select count(*) from {qualified(table)}").fetchone()
        hashes[table] = table_content_hash(con, table)
    return row_counts, hashes


def write_publication_table(con: duckdb.DuckDBPyConnection, row: dict) -> None:
    """``audit.publication``: one row saying what this file is (same columns as audit.publications)."""
    arrow = audit_log.to_arrow("publications", [row])
    con.register("__ioc_publication", arrow)
    try:
        con.execute("create schema if not exists audit")
        con.execute("create table audit.publication as select * from __ioc_publication")
    finally:
        con.unregister("__ioc_publication")
