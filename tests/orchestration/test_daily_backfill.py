"""A backfill of one past day through Dagster's APIs lands and recomputes exactly that day; a second
run of the same day changes nothing.

The real code location, the real ``ioc_refresh_job`` (its monitoring path: the station files'
ingestion assets and the daily-partitioned dbt models with what they read), a real dbt build on
a temporary DuckDB file. Corrected files re-sent for two past days show that only the day that is
backfilled picks up its correction.
"""

from datetime import datetime, timedelta, timezone

import dagster as dg
import duckdb
import pytest

from ingestion.file_manifest import committed_batch_records
from orchestration.definitions import defs
from simulators.env_monitoring.faults import FaultRates
from simulators.env_monitoring.simulate import simulate

LOCAL = timezone(timedelta(hours=7))
MONITORING_PATH = [
    dg.AssetKey(["natural_resources_environment", "env_monitoring_readings"]),
    dg.AssetKey(["natural_resources_environment", "env_monitoring_stations"]),
    *(dg.AssetKey(["staging", n]) for n in ("stg_env__readings", "stg_env__stations", "ref_env_parameters")),
    *(dg.AssetKey(["intermediate", n]) for n in
      ("int_env_stations_current", "int_env_readings_deduplicated", "int_env_station_hours_aggregated")),
]
HOURS = "intermediate.int_env_station_hours_aggregated"


@pytest.fixture
def stations(tmp_path, monkeypatch):
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("IOC_BUILD_DB", str(tmp_path / "warehouse" / "build.duckdb"))
    monkeypatch.setenv("IOC_LANDING_DIR", str(tmp_path / "landing"))
    for name in ("IOC_SOURCES_DIR", "IOC_ENV_DROP_DIR", "IOC_ENV_STATION_REGISTRY", "IOC_AUDIT_DIR"):
        monkeypatch.delenv(name, raising=False)
    today = datetime.now(LOCAL).date()
    drop = tmp_path / "sources" / "env_monitoring" / "drop"
    simulate(drop_dir=drop, registry_path=drop.parent / "stations.csv", start=today - timedelta(days=2), days=3,
             n_air=1, n_wastewater=1, n_stack=0, fault_rates=FaultRates.none())
    return tmp_path, drop, [(today - timedelta(days=d)) for d in (2, 1, 0)]


def refresh(instance, **partitions) -> dg.ExecuteInProcessResult:
    result = defs.resolve_job_def("ioc_refresh_job").execute_in_process(
        instance=instance, asset_selection=MONITORING_PATH, raise_on_error=False, **partitions)
    assert result.success, [e.message for e in result.all_events if e.is_failure][:3]
    return result


def per_day(build_db) -> dict[str, tuple[int, str]]:
    """Rows and a content hash of the station-hours table, per local day (doubles to 12 digits:
    DuckDB sums in parallel, so a mean can differ in its last bit between two identical runs)."""
    with duckdb.connect(str(build_db), read_only=True) as con:
        rows = con.execute(
            f"""
            with h as (
                select station_code, param, hour_start, round(avg_value, 12) as avg_value, min_value, max_value,
                       n_valid, n_received, completeness, is_stuck, is_valid_hour, unit, batch_ids
                from {HOURS}
            )
            select strftime(hour_start, '%Y-%m-%d') as day, count(*),
                   md5(string_agg(md5(cast(h as varchar)), ',' order by station_code, param, hour_start))
            from h group by all order by 1
            """
        ).fetchall()
    return {day: (n, digest) for day, n, digest in rows}


def resend_corrected(drop, station: str, day, value: str) -> None:
    """The station re-sends its 10:00 file of ``day`` with a corrected PM2.5 value."""
    stamp = f"{day:%Y%m%d}100000"
    original = (drop / f"{station}_{stamp}.txt").read_text().splitlines()
    corrected = [line if not line.startswith("PM2,5") else "\t".join(["PM2,5", value, *line.split("\t")[2:]])
                 for line in original]
    (drop / f"{station}_{stamp}_resend.txt").write_text("\n".join(corrected) + "\n")


def pm25_at_ten(build_db, day) -> float:
    with duckdb.connect(str(build_db), read_only=True) as con:
        return con.execute(
            f"select avg_value from {HOURS} where station_code = 'BD_AIR_01' and param = 'PM2.5' and hour_start = ?",
            [datetime(day.year, day.month, day.day, 10)],
        ).fetchone()[0]


def test_backfilling_one_past_day_recomputes_exactly_that_day_and_a_rerun_changes_nothing(stations):
    data_dir, drop, (day_before, yesterday, today) = stations
    build_db = data_dir / "warehouse" / "build.duckdb"
    with dg.instance_for_test() as instance:
        refresh(instance, tags={"dagster/asset_partition_range_start": day_before.isoformat(),
                                "dagster/asset_partition_range_end": today.isoformat()})
        before = per_day(build_db)
        assert set(before) == {day_before.isoformat(), yesterday.isoformat(), today.isoformat()}
        yesterday_pm25 = pm25_at_ten(build_db, yesterday)

        # corrections arrive for two past days; only yesterday is backfilled
        resend_corrected(drop, "BD_AIR_01", yesterday, "480.0")
        resend_corrected(drop, "BD_AIR_01", day_before, "480.0")
        backfill = refresh(instance, partition_key=yesterday.isoformat())
        after = per_day(build_db)

        assert after[yesterday.isoformat()] != before[yesterday.isoformat()]  # the day was recomputed…
        assert pm25_at_ten(build_db, yesterday) > yesterday_pm25  # …with its correction (the latest copy)
        assert after[day_before.isoformat()] == before[day_before.isoformat()]  # other days untouched,
        assert after[today.isoformat()] == before[today.isoformat()]  # and the other correction not landed
        batches = committed_batch_records("env_monitoring", "readings")
        assert batches.num_rows == 2 and batches.column("files_loaded").to_pylist()[-1] == 1
        hours = backfill.asset_materializations_for_node("warehouse_daily_models")
        assert {m.partition for m in hours} == {yesterday.isoformat()}

        # the same day again: nothing lands, the table is the same, no row twice
        refresh(instance, partition_key=yesterday.isoformat())
        assert per_day(build_db) == after
        assert committed_batch_records("env_monitoring", "readings").num_rows == 2
