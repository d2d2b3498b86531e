"""A second run lands nothing twice; no citizen personal data reaches landing, warehouse or publication."""

import json
import sqlite3
from pathlib import Path

import duckdb
import pytest

from tests.e2e.conftest import run_demo


def _landed_rows(data_dir: Path) -> dict:
    pattern = data_dir / "landing" / "*" / "batches" / "*" / "batch.parquet"
    return dict(
        duckdb.sql(
            f"select source_system, sum(rows_landed) from read_parquet('{pattern}', union_by_name=true) group by 1"
        ).fetchall()
    )


@pytest.fixture(scope="module")
def second_run(demo_data):
    before = _landed_rows(demo_data)
    result = run_demo(demo_data, "--skip-simulation")
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
    return before, _landed_rows(demo_data)


# Stand-ins that run on a live clock: minutes later they really have new 5-minute intervals.
LIVE_SOURCES = {"traffic_cameras"}


def test_a_second_run_lands_nothing_twice(demo_data, second_run):
    before, after = second_run
    assert {s: n for s, n in after.items() if s not in LIVE_SOURCES} == {
        s: n for s, n in before.items() if s not in LIVE_SOURCES
    }
    observations = demo_data / "landing" / "traffic_cameras" / "batches" / "*" / "observations.parquet"
    [(repeated,)] = duckdb.sql(
        f"select count(*) - count(distinct (camera_id, observed_at)) from read_parquet('{observations}')"
    ).fetchall()
    assert repeated == 0


# Published tables built only from sources that do not move between the two runs.
STABLE_TABLES = ("kpi.air_quality_hourly", "kpi.exceedance_events", "kpi.station_hourly", "ref.dim_indicator", "ref.dim_area")


def test_a_second_run_publishes_again_with_the_same_content_from_the_same_inputs(demo_data, second_run):
    with duckdb.connect(str(demo_data / "published" / "ioc.duckdb"), read_only=True) as con:
        published = con.execute(
            "select table_hashes from audit.publications where outcome = 'published' order by attempted_at"
        ).fetchall()
    assert len(published) >= 2
    previous, latest = (json.loads(row[0]) for row in published[-2:])
    assert {t: latest[t] for t in STABLE_TABLES} == {t: previous[t] for t in STABLE_TABLES}


def _personal_values(data_dir: Path) -> set[str]:
    """Names, citizen IDs and phones straight from the public-services stand-in database."""
    db = next((data_dir / "sources" / "public_services").glob("*.sqlite"))
    with sqlite3.connect(db) as con:
        columns = [r[1] for r in con.execute("pragma table_info(dossiers)")]
        wanted = [c for c in columns if any(k in c for k in ("name", "citizen_id", "phone"))]
        wanted = [c for c in wanted if c not in ("procedure_name", "agency_name", "field_name")]
        assert wanted, columns
        values = set()
        for column in wanted:
            values |= {str(v) for (v,) in con.execute(f"select {column} from dossiers limit 2000") if v}
    return {v for v in values if len(v) >= 6}


def _varchar_hits(con, values: set[str]) -> list[str]:
    con.execute("create or replace temp table pii(v varchar)")
    con.executemany("insert into pii values (?)", [(v,) for v in values])
    hits = []
    columns = con.execute(
        "select table_schema, table_name, column_name from information_schema.columns "
        "where data_type = 'VARCHAR' and table_catalog <> 'temp' "
        "and table_schema not in ('information_schema', 'pg_catalog')"
    ).fetchall()
    for schema, table, column in columns:
        n = con.execute(
            f'select count(*) from "{schema}"."{table}" t join pii on t."{column}" = pii.v'
        ).fetchone()[0]
        if n:
            hits.append(f"{schema}.{table}.{column}: {n}")
    return hits


def test_no_citizen_personal_data_in_landing_warehouse_or_publication(demo_data):
    values = _personal_values(demo_data)
    assert len(values) > 1000
    landing = duckdb.connect()
    landing.execute("create temp table pii(v varchar)")
    landing.executemany("insert into pii values (?)", [(v,) for v in values])
    for parquet in (demo_data / "landing").rglob("*.parquet"):
        text_columns = [
            r[0] for r in landing.execute(f"describe select * from read_parquet('{parquet}')").fetchall()
            if r[1] == "VARCHAR"
        ]
        for column in text_columns:
            n = landing.execute(
                f"select count(*) from read_parquet('{parquet}') t join pii on t.\"{column}\" = pii.v"
            ).fetchone()[0]
            assert n == 0, f"{parquet}:{column}"
    for db in (demo_data / "warehouse" / "build.duckdb", demo_data / "published" / "ioc.duckdb"):
        with duckdb.connect(str(db), read_only=True) as con:
            assert _varchar_hits(con, values) == [], db
