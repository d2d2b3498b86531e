"""Partitions land exactly their window, through Dagster's APIs; freshness sees a stopped source.

The stand-in is the station simulator writing Circular 10 files for three local days; the
runs are the real ``ingest_only_job`` and ``freshness_checks_job`` of the code location.
"""

from datetime import datetime, timedelta, timezone

import dagster as dg
import pytest

from ingestion.env_monitoring.file_names import parse_file_name
from ingestion.file_manifest import committed_batch_records, committed_files
from orchestration.defs import freshness_checks
from orchestration.definitions import defs
from orchestration.publishing import audit_log
from simulators.env_monitoring.faults import FaultRates
from simulators.env_monitoring.simulate import simulate

LOCAL = timezone(timedelta(hours=7))
READINGS = dg.AssetKey(["natural_resources_environment", "env_monitoring_readings"])


@pytest.fixture
def stations(tmp_path, monkeypatch):
    """Two stations that sent files for the day before yesterday, yesterday and today (local)."""
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path))
    for name in ("IOC_LANDING_DIR", "IOC_SOURCES_DIR", "IOC_ENV_DROP_DIR", "IOC_ENV_STATION_REGISTRY", "IOC_AUDIT_DIR"):
        monkeypatch.delenv(name, raising=False)
    today = datetime.now(LOCAL).date()
    drop = tmp_path / "sources" / "env_monitoring" / "drop"
    simulate(drop_dir=drop, registry_path=drop.parent / "stations.csv", start=today - timedelta(days=2), days=3,
             n_air=1, n_wastewater=1, n_stack=0, fault_rates=FaultRates.none())
    days = [(today - timedelta(days=d)).isoformat() for d in (2, 1, 0)]
    return drop, days


def land(instance, **partition) -> dg.ExecuteInProcessResult:
    job = defs.resolve_job_def("ingest_only_job")
    result = job.execute_in_process(instance=instance, asset_selection=[READINGS], **partition)
    assert result.success
    return result


def landed_rows(result) -> int:
    materializations = result.asset_materializations_for_node("natural_resources_environment__env_monitoring_readings")
    return materializations[0].metadata["rows_landed"].value


def slot_days(names) -> set[str]:
    return {parse_file_name(n)[1].date().isoformat() for n in names}


def test_a_day_partition_lands_exactly_its_day_and_a_second_run_changes_nothing(stations):
    _, (day_before, yesterday, today) = stations
    with dg.instance_for_test() as instance:
        first = land(instance, partition_key=yesterday)
        files = committed_files("env_monitoring", "readings")
        assert slot_days(files.column("source_file").to_pylist()) == {yesterday}
        assert files.num_rows == 2 * 288  # every 5-minute file of both stations, nothing of the other days
        rows = landed_rows(first)
        assert rows > 0

        again = land(instance, partition_key=yesterday)
        assert landed_rows(again) == 0
        assert committed_batch_records("env_monitoring", "readings").num_rows == 1  # no new batch

        # the partition is recorded as materialised for that day only
        assert instance.get_materialized_partitions(READINGS) == {yesterday}

        # a backfill of the whole range in one run lands the two other days, and yesterday not again
        ranged = land(instance, tags={"dagster/asset_partition_range_start": day_before,
                                      "dagster/asset_partition_range_end": today})
        files = committed_files("env_monitoring", "readings").column("source_file").to_pylist()
        assert len(files) == len(set(files)) == 3 * 2 * 288
        assert slot_days(files) == {day_before, yesterday, today}
        assert landed_rows(ranged) > 0
        assert instance.get_materialized_partitions(READINGS) == {day_before, yesterday, today}


FRESHNESS_RUNS: list[str] = []


def freshness_of(instance, key: dg.AssetKey) -> dg.AssetCheckEvaluation:
    result = defs.resolve_job_def("freshness_checks_job").execute_in_process(instance=instance)
    FRESHNESS_RUNS.append(result.run_id)
    return next(e for e in result.get_asset_check_evaluations() if e.asset_key == key)


def test_freshness_fails_for_a_source_stopped_in_the_stand_in_and_is_audited(stations, monkeypatch):
    _, (_, _, today) = stations
    with dg.instance_for_test() as instance:
        land(instance, partition_key=today)
        fresh = freshness_of(instance, READINGS)
        assert fresh.passed, fresh.description
        assert fresh.severity == dg.AssetCheckSeverity.WARN

        # The stations stop: no new file arrives. 45 minutes later a run finds nothing to land…
        later = datetime.now(timezone.utc) + timedelta(minutes=45)
        monkeypatch.setattr(freshness_checks, "now", lambda: later)
        assert landed_rows(land(instance, partition_key=today)) == 0
        # …and the check, judged on when rows last landed (not when a run last ran), fails.
        stale = freshness_of(instance, READINGS)
        assert not stale.passed
        assert "beyond the 30 min allowed for a 5 min cadence" in stale.description
        assert stale.metadata["max_age_minutes"].value == 30

        # a source that never delivered is stale too, with a reason
        never = freshness_of(instance, dg.AssetKey(["transport_police", "traffic_cameras_observations"]))
        assert not never.passed and "no rows landed yet" in never.description

    audit = audit_log.read("check_results").to_pylist()
    verdicts = [(r["passed"], r["severity"], r["gate"]) for r in audit if r["run_id"] in FRESHNESS_RUNS
                and r["check_name"] == "freshness" and r["target"] == READINGS.to_user_string()]
    assert verdicts == [(True, "warn", "warn"), (False, "warn", "warn"), (False, "warn", "warn")]
    assert all(r["scope"] == "env_monitoring" for r in audit if r["target"] == READINGS.to_user_string())


def test_a_month_partition_lands_exactly_that_months_reports(tmp_path, monkeypatch):
    """Monthly exports (the water company's JSON files): a past month's partition lands only the
    files named for that month, revisions included; a second run lands nothing."""
    from ingestion.common.file_periods import period_start
    from simulators.utilities.__main__ import main as simulate_utilities

    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path))
    for name in ("IOC_LANDING_DIR", "IOC_SOURCES_DIR", "IOC_UTILITIES_DROP_DIR"):
        monkeypatch.delenv(name, raising=False)
    simulate_utilities(["--out", str(tmp_path / "sources" / "utilities"), "--months", "4", "--faults", "none"])
    water = dg.AssetKey(["utilities", "utilities_water_supply"])
    job = defs.resolve_job_def("monthly_reports_job")
    months = sorted({period_start(p.name) for p in (tmp_path / "sources" / "utilities").glob("water_*.json")})
    assert len(months) == 4
    month = months[1].isoformat()

    with dg.instance_for_test() as instance:
        assert job.execute_in_process(instance=instance, partition_key=month, asset_selection=[water]).success
        landed = committed_files("utilities", "water_supply").column("source_file").to_pylist()
        assert landed and {period_start(n).isoformat() for n in landed} == {month}

        again = job.execute_in_process(instance=instance, partition_key=month, asset_selection=[water])
        assert again.asset_materializations_for_node("utilities__utilities_water_supply")[0].metadata["rows_landed"].value == 0
        assert committed_batch_records("utilities", "water_supply").num_rows == 1
        assert instance.get_materialized_partitions(water) == {month}
