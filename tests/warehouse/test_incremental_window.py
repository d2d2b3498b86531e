"""The hourly refresh recomputes only the partition window, and gets the rows a full build gets.

A built warehouse (the session's) receives new landings: changed readings of a middle day
(stuck runs crossing both of its midnights and a peak, so the day before and the day after are
reached through the stuck flags, the NowCast and the exceedance events), a new hour of the
last day, and re-sent camera observations of both days. The refresh runs as Dagster runs it,
for each day's window: `dbt run --selector daily_partitioned --vars <window>`, then
`dbt run --selector full_refresh --vars <window>`; a catalogue row changes on the way. A
`dbt run --full-refresh` of the same landing and catalogue is the reference: every table computed from the high-frequency sources must hold the same rows, row
for row (EXCEPT ALL both ways).
"""

from __future__ import annotations

import csv
import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.conftest import Warehouse, copy_project, run_dbt

# Every incremental model (tag daily_partitioned) and what is built from them.
COMPARED = [
    "intermediate.int_env_readings_deduplicated",
    "intermediate.int_env_station_hours_aggregated",
    "intermediate.int_env_station_days_aggregated",
    "intermediate.int_env_pm_nowcast_windows",
    "intermediate.int_env_pm_nowcast_computed",
    "intermediate.int_env_aqi_sub_indices_computed",
    "intermediate.int_env_air_quality_hours_scored",
    "intermediate.int_env_averages_compared_to_limits",
    "intermediate.int_env_exceedance_events_merged",
    "intermediate.int_env_metric_observations",
    "intermediate.int_traffic_camera_hours_aggregated",
    "intermediate.int_traffic_metric_observations",
    "intermediate.int_indicator_observations",
    "intermediate.int_indicator_values_computed",
    "kpi.station_hourly",
    "kpi.air_quality_hourly",
    "kpi.traffic_segment_hourly",
    "kpi.exceedance_events",
    "kpi.indicator_values",
    "kpi.indicator_latest",
    "kpi.sector_scorecard",
]


def _dbt(project: Path, db: Path, landing: Path, *args: str) -> None:
    result = run_dbt(project, db, landing, *args)
    assert result.returncode == 0, result.stdout[-6000:]


def _batch_id(offset: int) -> str:
    now = datetime.now(timezone.utc) + timedelta(seconds=offset)
    return f"{now:%Y%m%dT%H%M%S%f}Z-{offset:08x}"


def _land(landing: Path, system: str, dataset: str, con: duckdb.DuckDBPyConnection, query: str, batch_id: str) -> int:
    """A new landing batch of ``dataset``: the rows of ``query`` with the batch's lineage."""
    staging = landing / system / ".staging" / batch_id
    staging.mkdir(parents=True)
    con.execute(
        f"copy (select * replace ('{batch_id}' as _batch_id, 'test_{batch_id}' as _source_file, now() as _loaded_at) "
        f"from ({query})) to '{staging / f'{dataset}.parquet'}' (format parquet)"
    )
    rows = con.execute(f"select count(*) from '{staging / f'{dataset}.parquet'}'").fetchone()[0]
    staging.rename(landing / system / "batches" / batch_id)  # one atomic rename, as ingestion commits
    return rows


@pytest.fixture(scope="module")
def refreshed(warehouse: Warehouse, tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    landing = root / "landing"
    shutil.copytree(warehouse.landing, landing)
    project = copy_project(root / "dbt_project")
    incremental_db, full_db = root / "incremental.duckdb", root / "full.duckdb"
    shutil.copy(warehouse.build_db, incremental_db)  # the warehouse as built before the new data

    readings = f"read_parquet('{landing}/env_monitoring/batches/*/readings.parquet', union_by_name = true)"
    observations = f"read_parquet('{landing}/traffic_cameras/batches/*/observations.parquet', union_by_name = true)"
    con = duckdb.connect()
    days = [d for (d,) in con.execute(
        f"select distinct cast(measured_at_local as date) from {readings} order by 1").fetchall()]
    assert len(days) >= 3, days
    middle, last = days[-2], days[-1]
    # a PM2.5 series (NowCast, AQI and exceedances read it) with valid readings on both sides of
    # the middle day's midnights
    day_start = f"timestamp '{middle} 00:00:00'"
    day_end = f"timestamp '{middle} 00:00:00' + interval 1 day"
    station, param = con.execute(f"""
        select station_code, param from {readings}
        where param = 'PM2.5' and status = '00'
            and measured_at_local in ({day_start} - interval 5 minute, {day_end})
        group by all having count(distinct measured_at_local) = 2
        order by 1 limit 1""").fetchone()
    # middle day: its first hour repeats the day before's last value (a stuck run across midnight:
    # the day before's 23:00 hour becomes stuck), its last hour the next day's first value (the
    # next day's 00:00 hour becomes stuck), 22:00 is a peak (the next day's NowCast and the
    # exceedance events change), every other reading +7 %
    changed = _land(landing, "env_monitoring", "readings", con, f"""
        with series as (
            select *, row_number() over (partition by measured_at_local order by _batch_id desc) as copy
            from {readings} where station_code = '{station}' and param = '{param}'
        ),
        edges as (
            select
                any_value(value) filter (where measured_at_local = {day_start} - interval 5 minute) as before_value,
                any_value(value) filter (where measured_at_local = {day_end}) as after_value
            from series where copy = 1
        )
        select series.* exclude (copy) replace (
            '00' as status,
            case
                when measured_at_local < {day_start} + interval 1 hour then edges.before_value
                when measured_at_local >= {day_end} - interval 1 hour then edges.after_value
                when measured_at_local >= {day_end} - interval 2 hour then 300.0
                else round(value * 1.07, 2)
            end as value)
        from series cross join edges
        where copy = 1 and measured_at_local >= {day_start} and measured_at_local < {day_end}
        """, _batch_id(1))
    assert changed > 200, changed
    # last day: one more hour of every series (or, on a complete day, its last hour re-sent +5 %)
    last_hour = con.execute(f"select max(measured_at_local) from {readings}").fetchone()[0]
    new_hour = last_hour.hour < 23
    added = _land(landing, "env_monitoring", "readings", con, f"""
        select * replace (
            measured_at_local + interval {1 if new_hour else 0} hour as measured_at_local,
            round(value * 1.05, 2) as value)
        from {readings}
        where measured_at_local > timestamp '{last_hour}' - interval 1 hour
        """, _batch_id(2))
    assert added > 0
    # cameras: both days' observations of a few cameras re-sent with other counts
    resent = _land(landing, "traffic_cameras", "observations", con, f"""
        with latest as (
            select *, row_number() over (partition by camera_id, observed_at order by _batch_id desc) as copy
            from {observations}
            where camera_id in (select distinct camera_id from {observations} order by 1 limit 5)
        )
        select * exclude (copy) replace (car_count + 3 as car_count, motorbike_count * 2 as motorbike_count)
        from latest
        where copy = 1
            and (observed_at + interval 7 hour)::date in (date '{middle}', date '{last}')
        """, _batch_id(3))
    assert resent > 0
    con.close()

    # the catalogue changes too: a daily indicator of the stations gets another multiplier (its
    # history must be recomputed, not only the window's month)
    catalogue = project / "seeds" / "ref_indicators.csv"
    with catalogue.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    changed_indicator = next(r for r in rows if r["source_system"] == "env_monitoring" and r["frequency"] == "daily"
                             and r["metric"] == "pm25_daily_mean")
    changed_indicator["multiplier"] = "2"
    with catalogue.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    _dbt(project, incremental_db, landing, "seed", "--select", "ref_indicators")

    # the refresh of each day with new data, as ioc_refresh_job runs it (both invocations get the
    # window); the middle day last, so that what its window reaches in the last day is not
    # recomputed by the last day's window
    for day in (last, middle):
        window = json.dumps({"window_start": f"{day} 00:00:00", "window_end": f"{day + timedelta(days=1)} 00:00:00"})
        _dbt(project, incremental_db, landing, "run", "--selector", "daily_partitioned", "--vars", window)
        _dbt(project, incremental_db, landing, "run", "--selector", "full_refresh", "--vars", window)
    # the reference: everything recomputed from the same landing and catalogue
    shutil.copy(warehouse.build_db, full_db)
    _dbt(project, full_db, landing, "seed", "--select", "ref_indicators")
    _dbt(project, full_db, landing, "run", "--full-refresh")
    return incremental_db, full_db, (station, param, middle)


def test_the_new_data_reaches_the_marts(refreshed, warehouse: Warehouse):
    incremental_db, _, (station, param, middle) = refreshed
    with warehouse.connect() as before, duckdb.connect(str(incremental_db), read_only=True) as after:
        query = ("select count(*), sum(avg_value) from kpi.station_hourly "
                 f"where station_code = '{station}' and param = '{param}' and cast(hour_start as date) = date '{middle}'")
        assert before.execute(query).fetchone() != after.execute(query).fetchone()
        stuck = after.execute(
            "select count(*) from kpi.station_hourly where is_stuck "
            f"and station_code = '{station}' and param = '{param}' "
            f"and hour_start in (timestamp '{middle}' - interval 1 hour, timestamp '{middle}' + interval 24 hour)"
        ).fetchone()[0]
        assert stuck == 2  # the runs crossing both midnights were seen from the window's side


def _comparable(con: duckdb.DuckDBPyConnection, table: str) -> tuple[str, list[bool]]:
    """The table's columns, doubles to 10 significant digits, and which are doubles."""
    schema, name = table.split(".")
    columns = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_catalog = current_database() and table_schema = ? and table_name = ? order by ordinal_position",
        [schema, name]).fetchall()
    assert columns, table
    select = ", ".join(
        f'case when "{c}" = 0 or not isfinite("{c}") then "{c}" '
        f'else round("{c}", 9 - cast(floor(log10(abs("{c}"))) as integer)) end as "{c}"'
        if t in ("DOUBLE", "FLOAT") else f'"{c}"'
        for c, t in columns)
    return select, [t in ("DOUBLE", "FLOAT") for _, t in columns]


def _close(a: tuple, b: tuple, is_double: list[bool]) -> bool:
    return all(
        x == y or (double and x is not None and y is not None and abs(x - y) <= 1e-8 * max(abs(x), abs(y)))
        for x, y, double in zip(a, b, is_double))


@pytest.mark.parametrize("table", COMPARED)
def test_incremental_refresh_equals_full_build(refreshed, table: str):
    """Row for row: EXCEPT ALL both ways, doubles compared to 10 significant digits. DuckDB sums
    doubles in parallel, in no fixed order, so two builds of the same rows may differ in the last
    bits of a mean (51.885546874999996 / 51.885546875); a difference left after rounding must be
    such a mean on a rounding boundary (a relative difference <= 1e-8) to be accepted."""
    incremental_db, full_db, _ = refreshed
    with duckdb.connect(str(incremental_db), read_only=True) as con:
        con.execute(f"attach '{full_db}' as reference (read_only)")
        n = con.execute(f"select count(*) from {table}").fetchone()[0]
        columns, is_double = _comparable(con, table)
        only_incremental = con.execute(
            f"select {columns} from {table} except all select {columns} from reference.{table}").fetchall()
        only_full = con.execute(
            f"select {columns} from reference.{table} except all select {columns} from {table}").fetchall()
    assert n > 0
    unmatched = list(only_full)
    for row in only_incremental:
        match = next((i for i, other in enumerate(unmatched) if _close(row, other, is_double)), None)
        assert match is not None, f"{table}: a row only in the incremental build: {row}"
        unmatched.pop(match)
    assert unmatched == [], f"{table}: {len(unmatched)} rows only in the full build, e.g. {unmatched[0]}"
