"""The buffered duckdb-engine dialect GX runs on (no GX needed here)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from builddb import make_build_db

from expectations.duckdb_sqlalchemy import connection_url
from expectations.runner import ENGINE_KWARGS


@pytest.fixture
def db(tmp_path):
    return make_build_db(tmp_path / "build.duckdb")


def _gx_style_fetch(engine):
    """What GX's SqlAlchemyExecutionEngine.execute_query does: read the result after the block."""
    with engine.connect() as connection:
        result = connection.execute(sa.text("SELECT count(*) FROM ref.dim_area"))
    return result.fetchall()


def test_stock_duckdb_engine_loses_the_result_when_the_connection_is_returned(db):
    # Root cause, documented: the result lives on the DuckDB connection, and returning the
    # connection rolls back SQLAlchemy's transaction, which discards it. No error is raised.
    for kwargs in ({}, {"poolclass": sa.StaticPool}, {"poolclass": sa.StaticPool, "pool_reset_on_return": None}):
        engine = sa.create_engine(f"duckdb:///{db}", connect_args={"read_only": True}, **kwargs)
        try:
            assert _gx_style_fetch(engine) == []
        finally:
            engine.dispose()


def test_buffered_dialect_keeps_results_after_the_connection_is_returned(db):
    engine = sa.create_engine(connection_url(db), **ENGINE_KWARGS)
    try:
        assert isinstance(engine.pool, sa.StaticPool) and engine.dialect.name == "duckdb"
        assert _gx_style_fetch(engine) == [(6,)]
        with engine.connect() as connection:  # a later query on the one connection does not clobber it
            first = connection.execute(sa.text("SELECT area_code FROM ref.dim_area ORDER BY 1 LIMIT 2"))
            second = connection.execute(sa.text("SELECT 42"))
        assert first.fetchall() == [("718",), ("725",)] and second.scalar() == 42
    finally:
        engine.dispose()


def test_engine_is_read_only(db):
    engine = sa.create_engine(connection_url(db), **ENGINE_KWARGS)
    try:
        with pytest.raises(sa.exc.DBAPIError, match="read-only"), engine.connect() as connection:
            connection.execute(sa.text("CREATE TABLE kpi.x AS SELECT 1 AS y"))
    finally:
        engine.dispose()


def test_reflection_uses_duckdbs_own_catalog(db):
    engine = sa.create_engine(connection_url(db), **ENGINE_KWARGS)
    try:
        inspector = sa.inspect(engine)
        columns = {c["name"]: c["type"] for c in inspector.get_columns("exceedance_events", schema="kpi")}
        assert list(columns)[:3] == ["event_id", "station_code", "station_type"]
        assert isinstance(columns["event_start"], sa.TIMESTAMP) and isinstance(columns["hours"], sa.Integer)
        assert isinstance(columns["observed_max"], (sa.Numeric, sa.Float))
        assert inspector.get_pk_constraint("exceedance_events", schema="kpi")["constrained_columns"] == []
        with pytest.raises(sa.exc.NoSuchTableError):
            inspector.get_columns("absent", schema="kpi")
    finally:
        engine.dispose()
