"""A duckdb-engine SQLAlchemy dialect whose query results survive the connection being returned.

Why this exists (see ``docs/great_expectations.md``): duckdb-engine's DB-API "cursor" is not a
cursor, it is the DuckDB connection itself, so a query's pending result lives on the connection.
Great Expectations 1.x (``SqlAlchemyExecutionEngine.execute_query``) executes inside
``with engine.connect() as conn:`` and reads the ``CursorResult`` *after* the block. Leaving the
block rolls back SQLAlchemy's auto-begun transaction (``Connection.close`` ->
``DuckDBPyConnection.rollback()``), and DuckDB discards the connection's pending result: the
fetch then silently returns ``[]``, and every metric of every expectation errors.

The fix is at the depth where results are fetched: this dialect's execution context fully
buffers every row-returning result right after ``cursor.execute`` while the connection is still
checked out (SQLAlchemy's ``FullyBufferedCursorFetchStrategy``, the same mechanism its MSSQL and
Oracle dialects use for results that must outlive the database conversation). GX only asks for
aggregates and bounded lists of unexpected values, so what is buffered is small; no table is
pulled into Python. The pool is a ``StaticPool``: exactly one live DuckDB connection per engine,
closed by ``engine.dispose()`` (which releases the file lock for the next dbt build).

Second defect fixed here: duckdb-engine 0.17 reflects columns and primary keys through
PostgreSQL's ``pg_catalog`` queries, which with SQLAlchemy 2.1 reference ``pg_collation`` and the
``regclass`` type that DuckDB does not have. GX's ``table.column_types`` metric (a dependency of
every column expectation) then falls back to ``SELECT * FROM <table>`` without the schema and
fails. This dialect reflects columns and primary keys from DuckDB's own ``information_schema``
and ``duckdb_constraints()``.

Importing this module imports duckdb, duckdb-engine and SQLAlchemy, never great_expectations.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import duckdb_engine
from sqlalchemy import pool, text
from sqlalchemy import types as sqltypes
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.postgresql import DOUBLE_PRECISION
from sqlalchemy.engine import URL, Connection
from sqlalchemy.engine import cursor as _cursor
from sqlalchemy.engine.reflection import cache
from sqlalchemy.exc import NoSuchTableError

#: SQLAlchemy URL scheme of the buffered dialect: ``duckdb+buffered:///<absolute path>``.
DRIVERNAME = "duckdb+buffered"


class BufferedDuckDBExecutionContext(duckdb_engine.Dialect.execution_ctx_cls):  # type: ignore[misc,name-defined]
    def post_exec(self) -> None:
        super().post_exec()
        description = self.cursor.description
        if description is not None and not self._is_server_side:
            # Fetch now, while the statement's result is still the connection's current result.
            self.cursor_fetch_strategy = _cursor.FullyBufferedCursorFetchStrategy(
                self.cursor, description, self.cursor.fetchall()
            )


class BufferedDuckDBDialect(duckdb_engine.Dialect):
    """duckdb-engine with fully buffered results and a single static connection.

    ``name`` stays ``"duckdb"`` so SQL compilation and GX's dialect handling are unchanged.
    """

    driver = "buffered"
    execution_ctx_cls = BufferedDuckDBExecutionContext
    supports_statement_cache = False

    @classmethod
    def get_pool_class(cls, url: URL) -> type[pool.Pool]:
        return pool.StaticPool

    # --- reflection from DuckDB's own catalog (not pg_catalog) -----------------------------

    def _catalog_and_schema(self, connection: Connection, schema: str | None) -> tuple[str, str]:
        if schema and "." in schema:
            catalog, _, name = schema.partition(".")
            return catalog.strip('"'), name.strip('"')
        current = connection.execute(text("SELECT current_database(), current_schema()")).one()
        return current[0], schema or current[1]

    @cache  # type: ignore[misc]
    def get_columns(
        self, connection: Connection, table_name: str, schema: str | None = None, **kw: Any
    ) -> list[dict[str, Any]]:
        catalog, schema_name = self._catalog_and_schema(connection, schema)
        rows = connection.execute(
            text(
                "SELECT column_name, data_type, is_nullable, column_default,"
                " numeric_precision, numeric_scale"
                " FROM information_schema.columns"
                " WHERE table_catalog = :catalog AND table_schema = :schema"
                " AND table_name = :table ORDER BY ordinal_position"
            ),
            {"catalog": catalog, "schema": schema_name, "table": str(table_name)},
        ).all()
        if not rows:
            raise NoSuchTableError(f"{schema_name}.{table_name}")
        return [
            {
                "name": name,
                "type": self._duckdb_type(data_type, precision, scale),
                "nullable": is_nullable == "YES",
                "default": default,
                "autoincrement": False,
                "comment": None,
            }
            for name, data_type, is_nullable, default, precision, scale in rows
        ]

    def _duckdb_type(
        self, data_type: str, precision: int | None, scale: int | None
    ) -> sqltypes.TypeEngine[Any]:
        upper = data_type.upper()
        if upper.endswith("]") or upper.startswith(("STRUCT", "MAP", "UNION")):
            return sqltypes.NullType()  # nested types: not needed for checks
        base = re.sub(r"\(.*\)$", "", upper).strip()
        if base in ("DECIMAL", "NUMERIC"):
            return sqltypes.Numeric(precision=precision, scale=scale)
        if base == "DOUBLE":
            return DOUBLE_PRECISION()
        if base == "BLOB":
            return sqltypes.LargeBinary()
        if base == "TIMESTAMP WITH TIME ZONE":
            return sqltypes.TIMESTAMP(timezone=True)
        type_cls = self.ischema_names.get(base.lower())
        return type_cls() if type_cls is not None else sqltypes.NullType()

    @cache  # type: ignore[misc]
    def get_pk_constraint(
        self, connection: Connection, table_name: str, schema: str | None = None, **kw: Any
    ) -> dict[str, Any]:
        catalog, schema_name = self._catalog_and_schema(connection, schema)
        row = connection.execute(
            text(
                "SELECT constraint_name, constraint_column_names FROM duckdb_constraints()"
                " WHERE constraint_type = 'PRIMARY KEY' AND database_name = :catalog"
                " AND schema_name = :schema AND table_name = :table"
            ),
            {"catalog": catalog, "schema": schema_name, "table": str(table_name)},
        ).first()
        if row is None:
            return {"constrained_columns": [], "name": None}
        return {"constrained_columns": list(row[1]), "name": row[0]}


def register() -> None:
    """Make ``duckdb+buffered://`` resolvable by ``sqlalchemy.create_engine`` (idempotent)."""
    registry.register("duckdb.buffered", __name__, "BufferedDuckDBDialect")


def connection_url(db_path: Any) -> str:
    """SQLAlchemy URL of a DuckDB file for the buffered dialect (absolute path)."""
    return f"{DRIVERNAME}:///{Path(db_path).resolve().as_posix()}"


register()
