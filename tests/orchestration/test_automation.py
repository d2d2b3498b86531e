"""Schedules, sensors and declarative automation: what they ask for, and when."""

from datetime import date, datetime, timedelta, timezone

import dagster as dg
import pytest

from orchestration.definitions import defs
from orchestration.defs import sensors
from orchestration.defs.freshness_checks import KPI_TABLES, SPECS
from orchestration.defs.partitions import DAILY, MONTHLY, SCHOOL_YEAR
from orchestration.defs.schedules import cadence_slot, recent_partitions
from orchestration.freshness import max_age_for_cadence, max_age_for_frequency

LOCAL = timezone(timedelta(hours=7))
READINGS = dg.AssetKey(["natural_resources_environment", "env_monitoring_readings"])
REGISTRY = dg.AssetKey(["planning_investment", "business_registry_enterprises"])


@pytest.mark.parametrize("cadence, slot", [
    (5, ("every_5_minutes", "*/5 * * * *")), (60, ("hourly", "5 * * * *")), (1440, ("daily", "0 6 * * *")),
    (7 * 1440, ("weekly", "0 6 * * 1")), (30 * 1440, ("monthly", "0 7 1-20 * *")),
    (365 * 1440, ("yearly", "0 7 1 * *")),
])
def test_each_cadence_has_its_schedule(cadence, slot):
    assert cadence_slot(cadence) == slot


def test_every_schedule_runs_in_vietnam_time_and_every_dataset_is_on_one():
    scheduled = set()
    for schedule in defs.schedules:
        assert schedule.execution_timezone == "Asia/Ho_Chi_Minh"
        scheduled |= set(defs.resolve_job_def(schedule.job_name).asset_layer.executable_asset_keys)
    assert set(SPECS) <= scheduled


def test_scheduled_runs_ask_for_recent_partitions():
    late_evening = datetime(2026, 11, 26, 23, 50, tzinfo=LOCAL)
    assert recent_partitions(DAILY, late_evening) == {"dagster/asset_partition_range_start": "2026-11-25",
                                                      "dagster/asset_partition_range_end": "2026-11-26"}
    # after midnight UTC+7 (still the 26th in UTC), the partitions are Vietnam's days
    assert recent_partitions(DAILY, datetime(2026, 11, 26, 17, 30, tzinfo=timezone.utc))[
        "dagster/asset_partition_range_end"] == "2026-11-27"
    assert recent_partitions(MONTHLY, late_evening) == {"dagster/asset_partition_range_start": "2026-08-01",
                                                        "dagster/asset_partition_range_end": "2026-10-01"}
    assert recent_partitions(SCHOOL_YEAR, datetime(2026, 10, 1, tzinfo=LOCAL)) == {
        "dagster/asset_partition_range_start": "2025-2026", "dagster/asset_partition_range_end": "2026-2027"}
    assert recent_partitions(None, late_evening) == {}


def test_allowances_follow_cadence_and_catalogue_frequency():
    assert max_age_for_cadence(5) == timedelta(minutes=30)
    assert max_age_for_cadence(60) == timedelta(hours=3)
    assert max_age_for_cadence(1440) == timedelta(days=2)
    assert max_age_for_cadence(30 * 1440) == timedelta(days=45)
    assert max_age_for_frequency("daily") == timedelta(days=3)
    assert max_age_for_frequency("monthly") == timedelta(days=75)


def test_freshness_checks_are_declaratively_automated_every_fifteen_minutes():
    checks = {k for k in defs.resolve_asset_graph().asset_check_keys if k.name == "freshness"}
    assert len(checks) == len(SPECS) + len(KPI_TABLES)
    tick = datetime(2026, 11, 26, 3, 0, 1, tzinfo=timezone.utc)
    with dg.instance_for_test() as instance:
        first = dg.evaluate_automation_conditions(defs=defs, instance=instance, evaluation_time=tick)
        after_tick = dg.evaluate_automation_conditions(
            defs=defs, instance=instance, cursor=first.cursor, evaluation_time=tick + timedelta(minutes=15))
        requested = {r.key for r in after_tick.results if r.true_subset.size}
        assert requested == checks  # every freshness check, and nothing else is automated
        quiet = dg.evaluate_automation_conditions(
            defs=defs, instance=instance, cursor=after_tick.cursor, evaluation_time=tick + timedelta(minutes=16))
        assert quiet.total_requested == 0


def test_day_ranges_are_contiguous_runs():
    days = {date(2026, 11, d) for d in (20, 21, 22, 25)}
    assert sensors.day_ranges(days) == [("2026-11-20", "2026-11-22"), ("2026-11-25", "2026-11-25")]


def test_the_drop_folder_sensor_asks_for_the_days_of_the_new_files(tmp_path, monkeypatch):
    drop = tmp_path / "drop"
    drop.mkdir()
    monkeypatch.setenv("IOC_ENV_DROP_DIR", str(drop))
    (drop / "BD_AIR_01_20261120100000.txt").write_text("PM10\t1\tug/m3\t20261120100000\t00\n")
    (drop / "BD_AIR_01_20261124100000.txt").write_text("PM10\t1\tug/m3\t20261124100000\t00\n")
    with dg.instance_for_test() as instance:
        context = dg.build_sensor_context(instance=instance)
        request = sensors.env_drop_folder_sensor(context)
        assert request.asset_selection == [READINGS]
        assert (request.tags["dagster/asset_partition_range_start"], request.tags["dagster/asset_partition_range_end"]) \
            == ("2026-11-20", "2026-11-24")
        again = sensors.env_drop_folder_sensor(dg.build_sensor_context(instance=instance, cursor=context.cursor))
        assert isinstance(again, dg.SkipReason)


def test_new_landings_refresh_the_warehouse_for_the_days_that_received_rows():
    with dg.instance_for_test() as instance:
        def landed(key, rows, partition=None):
            instance.report_runless_asset_event(dg.AssetMaterialization(key, partition=partition, metadata={"rows_landed": rows}))

        def evaluate(cursor):
            context = dg.build_sensor_context(instance=instance, cursor=cursor, repository_def=defs.get_repository_def())
            return sensors.new_landings_sensor(context), context.cursor

        landed(READINGS, 10, "2026-11-20")
        result, cursor = evaluate(None)
        assert isinstance(result, dg.SkipReason)  # first evaluation starts from what is there
        landed(READINGS, 0, "2026-11-21")  # a run that landed nothing refreshes nothing
        result, cursor = evaluate(cursor)
        assert isinstance(result, dg.SkipReason)
        landed(READINGS, 12, "2026-11-22")
        landed(READINGS, 7, "2026-11-23")
        landed(REGISTRY, 3)  # unpartitioned: today's refresh rebuilds what reads it
        requests, cursor = evaluate(cursor)
        today = datetime.now(LOCAL).date()
        ranges = [(r.tags["dagster/asset_partition_range_start"], r.tags["dagster/asset_partition_range_end"])
                  for r in requests]
        assert ("2026-11-22", "2026-11-23") in ranges and ranges[-1][1] == today.isoformat()
        assert all(r.job_name in (None, "warehouse_refresh_job") for r in requests)
