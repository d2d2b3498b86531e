"""Sensors: react to new data between the cadence schedules.

* ``env_drop_folder_sensor`` — stations dropped new files: land them, for the days their names
  say (a late file of an old day lands in that day's partition).
* ``api_new_data_sensor`` — polls each HTTP system's probe (one request for one record after the
  last committed window) and lands what is waiting.
* ``new_landings_sensor`` — rows landed (by any run: schedule, sensor, backfill, UI): refresh the
  warehouse and publish, for the days that received data. This is how marts follow their inputs;
  publication stays behind the blocking checks of that run.
* ``unpublished_run_recorder`` — a refresh that failed before publishing says why in
  ``audit.publications``.
"""

import json
import os
from datetime import date, datetime, timedelta

import dagster as dg

from ingestion import settings
from orchestration.defs.ingestion_assets import asset_key, ingestion_specs
from orchestration.defs.jobs import REFRESH_JOBS, ingest_only_job, ioc_refresh_job, range_tags, warehouse_refresh_job
from orchestration.defs.partitions import DAILY, LOCAL, partitions_for

IN_FLIGHT = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
             dg.DagsterRunStatus.STARTED]
ENV_READINGS = dg.AssetKey(["natural_resources_environment", "env_monitoring_readings"])


def local_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL).date()


def day_ranges(days: set[date]) -> list[tuple[str, str]]:
    """Contiguous runs of days as (first, last) partition keys, oldest first."""
    ranges: list[list[date]] = []
    for day in sorted(days):
        if ranges and day - ranges[-1][1] <= timedelta(days=1):
            ranges[-1][1] = day
        else:
            ranges.append([day, day])
    return [(a.isoformat(), b.isoformat()) for a, b in ranges]


def _clip(day: date) -> date:
    first = date.fromisoformat(DAILY.start.strftime("%Y-%m-%d"))
    return max(day, first)


# --- station files ------------------------------------------------------------------------


def new_drop_files(drop_dir, after_mtime_ns: int) -> tuple[set[date], int, int]:
    """Days of the files modified after ``after_mtime_ns`` (by the slot in their name, else their
    mtime), the number of files, and the newest mtime. One scandir: cheap for 100k files."""
    from ingestion.env_monitoring.file_names import parse_file_name

    days, count, newest = set(), 0, after_mtime_ns
    if not drop_dir.exists():
        return days, 0, newest
    with os.scandir(drop_dir) as entries:
        for entry in entries:
            if not entry.name.endswith(".txt") or not entry.is_file():
                continue
            count += 1
            mtime = entry.stat().st_mtime_ns
            if mtime <= after_mtime_ns:
                continue
            newest = max(newest, mtime)
            parsed = parse_file_name(entry.name)
            days.add(parsed[1].date() if parsed else local_day(datetime.fromtimestamp(mtime / 1e9, LOCAL)))
    return days, count, newest


@dg.sensor(
    jobs=[ingest_only_job],
    minimum_interval_seconds=60,
    description="Lands new Circular 10 station files, in the day partitions their names say.",
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def env_drop_folder_sensor(context: dg.SensorEvaluationContext):
    after = int(context.cursor or 0)
    days, count, newest = new_drop_files(settings.env_drop_dir(), after)
    if not days:
        return dg.SkipReason(f"no new files in {settings.env_drop_dir()} ({count} files)")
    context.update_cursor(str(newest))
    first, last = _clip(min(days)).isoformat(), _clip(max(days)).isoformat()
    return dg.RunRequest(
        run_key=f"env-drop-{newest}", job_name=ingest_only_job.name, asset_selection=[ENV_READINGS],
        tags={**range_tags(first, last), "trigger": "env_drop_folder"},
    )


# --- HTTP systems -------------------------------------------------------------------------

PROBED = [(asset_key(s, d), d) for s, d in ingestion_specs() if d.probe is not None]


@dg.sensor(
    jobs=[ingest_only_job],
    minimum_interval_seconds=120,
    description="Polls each HTTP system cheaply (one record after the last committed window) and lands what is new.",
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def api_new_data_sensor(context: dg.SensorEvaluationContext):
    requests, problems = [], []
    today = local_day(datetime.now(LOCAL)).isoformat()
    yesterday = (local_day(datetime.now(LOCAL)) - timedelta(days=1)).isoformat()
    for key, dataset in PROBED:
        try:
            token = dataset.probe()
        except Exception as exc:  # a system that is down is the schedule's and freshness check's business
            problems.append(f"{key.to_user_string()}: {exc}")
            continue
        if token is None:
            continue
        tags = {"trigger": "api_new_data"}
        if partitions_for(dataset) is DAILY:
            tags.update(range_tags(yesterday, today))  # yesterday's last settled minutes, and today
        # The same token while a run is under way gives the same run key: Dagster launches it once.
        requests.append(dg.RunRequest(run_key=f"{key.to_user_string()}@{token}", job_name=ingest_only_job.name,
                                      asset_selection=[key], tags=tags))
    for problem in problems:
        context.log.warning("probe failed: %s", problem)
    if not requests:
        return dg.SkipReason("no new data in the HTTP systems" + (f" ({len(problems)} probe(s) failed)" if problems else ""))
    return requests


# --- new landings → warehouse refresh -----------------------------------------------------

INGESTED = [(asset_key(s, d), partitions_for(d) is DAILY) for s, d in ingestion_specs()]


def _refresh_in_flight(instance: dg.DagsterInstance) -> bool:
    return any(instance.get_run_records(dg.RunsFilter(job_name=job.name, statuses=IN_FLIGHT), limit=1)
               for job in REFRESH_JOBS)


@dg.sensor(
    job=warehouse_refresh_job,
    minimum_interval_seconds=30,
    description="Refreshes the warehouse and publishes when rows land, for the days that received them; "
    "waits while a refresh is queued or running, then takes everything new in one run.",
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def new_landings_sensor(context: dg.SensorEvaluationContext):
    instance = context.instance
    cursor: dict[str, int] = json.loads(context.cursor) if context.cursor else {}
    first_tick = not cursor
    if not first_tick and _refresh_in_flight(instance):
        return dg.SkipReason("a warehouse refresh is queued or running; new landings go into the next one")

    days, sources, run_jobs, new_cursor = set(), set(), {}, dict(cursor)
    for key, daily in INGESTED:
        name = key.to_user_string()
        records = instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=key, after_storage_id=cursor.get(name)), limit=1000, ascending=True
        ).records
        for record in records:
            new_cursor[name] = max(new_cursor.get(name, 0), record.storage_id)
            landed = record.asset_materialization.metadata.get("rows_landed")
            if first_tick or landed is None or not landed.value:
                continue
            run_id = record.run_id
            if run_id not in run_jobs:
                run = instance.get_run_by_id(run_id)
                run_jobs[run_id] = run.job_name if run else None
            if run_jobs[run_id] == ioc_refresh_job.name:
                continue  # that run refreshed the warehouse itself, after landing
            sources.add(name)
            if daily and record.partition_key:
                days.add(date.fromisoformat(record.partition_key))
            else:
                days.add(local_day(datetime.now(LOCAL)))  # monthly, registry…: rebuilt in full by today's run
    context.update_cursor(json.dumps(new_cursor, sort_keys=True))
    if first_tick:
        return dg.SkipReason("first evaluation: starting from the current landings")
    if not sources:
        return dg.SkipReason("no rows landed since the last refresh")
    tag = ",".join(sorted(sources))[:200]
    return [
        dg.RunRequest(run_key=f"landed-{first}-{last}-{max(new_cursor.values())}",
                      tags={**range_tags(first, last), "trigger": "new_landings", "landed": tag})
        for first, last in day_ranges({_clip(d) for d in days})
    ]


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.FAILURE,
    monitored_jobs=list(REFRESH_JOBS),
    description="Records in audit.publications why a refresh ended without publishing.",
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def unpublished_run_recorder(context: dg.RunStatusSensorContext):
    from orchestration.publication_records import record_if_unpublished

    failure = context.dagster_event.message if context.dagster_event else None
    record_if_unpublished(context.dagster_run.run_id, failure_message=failure)


def defs() -> dg.Definitions:
    return dg.Definitions(sensors=[env_drop_folder_sensor, api_new_data_sensor, new_landings_sensor,
                                   unpublished_run_recorder])
