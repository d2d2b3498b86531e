"""Jobs the data team launches, and the sensor that reacts to new monitoring files.

``ioc_refresh_job`` is the whole path: land what is new from every department, dbt build (models
and tests), Great Expectations suites, then the publish gate. Ingestion is incremental, so a
refresh triggered by one department's new files costs little for the others.
"""


import os

import dagster as dg

from ingestion import settings

ioc_refresh_job = dg.define_asset_job(
    "ioc_refresh_job",
    selection=dg.AssetSelection.all(),
    description="Ingest → dbt build → checks → publish, for every department.",
)

ingest_only_job = dg.define_asset_job(
    "ingest_only_job",
    selection=dg.AssetSelection.kind("parquet"),
    description="Land what is new from every departmental system, without building or publishing.",
)


def _drop_folder_state(drop_dir) -> tuple[int, int]:
    """(number of files, newest mtime in ns): cheap to compute with scandir even for 100k files."""
    count, newest = 0, 0
    if not drop_dir.exists():
        return 0, 0
    with os.scandir(drop_dir) as entries:
        for entry in entries:
            if entry.is_file():
                count += 1
                newest = max(newest, entry.stat().st_mtime_ns)
    return count, newest


@dg.sensor(
    job=ioc_refresh_job,
    minimum_interval_seconds=60,
    description="Starts a refresh when monitoring stations drop new Circular 10 files.",
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def env_drop_folder_sensor(context: dg.SensorEvaluationContext):
    count, newest = _drop_folder_state(settings.env_drop_dir())
    cursor = f"{count}:{newest}"
    if count == 0 or cursor == context.cursor:
        return dg.SkipReason(f"no new files in {settings.env_drop_dir()}")
    context.update_cursor(cursor)
    return dg.RunRequest(run_key=cursor, tags={"trigger": "env_drop_folder"})


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.FAILURE,
    monitored_jobs=[ioc_refresh_job],
    description="Records in audit.publications why a refresh ended without publishing.",
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def unpublished_run_recorder(context: dg.RunStatusSensorContext):
    from orchestration.publication_records import record_if_unpublished

    failure = context.dagster_event.message if context.dagster_event else None
    record_if_unpublished(context.dagster_run.run_id, failure_message=failure)


def defs() -> dg.Definitions:
    return dg.Definitions(
        jobs=[ioc_refresh_job, ingest_only_job],
        sensors=[env_drop_folder_sensor, unpublished_run_recorder],
    )
