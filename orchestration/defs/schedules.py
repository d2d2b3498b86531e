"""Ingestion schedules derived from each dataset's cadence, in Vietnam time. No list to edit:
a connector's ``cadence_minutes`` puts it on the matching schedule.

| cadence            | schedule (Asia/Ho_Chi_Minh)         | partitions asked                     |
|--------------------|-------------------------------------|--------------------------------------|
| 5 / 15 / 30 min    | every 5 / 15 / 30 minutes           | yesterday and today (daily datasets) |
| hourly             | every hour at :05                   | yesterday and today                  |
| daily              | 06:00                               | —                                    |
| weekly             | Monday 06:00                        | —                                    |
| monthly            | 07:00 on days 1–20 of each month    | the last three closed months         |
| quarterly          | 07:00 on days 1–20 of Jan/Apr/Jul/Oct | —                                  |
| school year        | 07:00 on the 1st of each month      | the previous and current school year |

Yesterday is asked too so that the minutes of the day that settled after midnight are landed;
monthly runs look three months back for late reports and revisions. A window already landed
lands nothing, so asking again is free. The schedules only land data: the new-landings sensor
refreshes the warehouse and publishes. They start STOPPED unless ``IOC_AUTOMATION=on``.
"""

from collections import defaultdict
from datetime import datetime, timedelta

import dagster as dg

from orchestration.defs.freshness_checks import FRESHNESS_CHECKS
from orchestration.defs.ingestion_assets import asset_key, ingestion_specs
from orchestration.defs.jobs import monthly_reports_job, range_tags, school_year_job
from orchestration.defs.partitions import DAILY, LOCAL, MONTHLY, SCHOOL_YEAR, TIMEZONE, partitions_for, school_year_keys
from orchestration.environment import schedule_default_status

DAY = 24 * 60


def cadence_slot(cadence_minutes: int) -> tuple[str, str]:
    """(name, cron) of the schedule that serves a cadence."""
    if cadence_minutes < 60:
        return f"every_{cadence_minutes}_minutes", f"*/{cadence_minutes} * * * *"
    if cadence_minutes < DAY:
        return "hourly", "5 * * * *"
    if cadence_minutes < 7 * DAY:
        return "daily", "0 6 * * *"
    if cadence_minutes < 28 * DAY:
        return "weekly", "0 6 * * 1"
    if cadence_minutes < 90 * DAY:
        return "monthly", "0 7 1-20 * *"
    if cadence_minutes < 365 * DAY:
        return "quarterly", "0 7 1-20 1,4,7,10 *"
    return "yearly", "0 7 1 * *"


def recent_partitions(partitions_def: dg.PartitionsDefinition | None, now: datetime) -> dict[str, str]:
    """Run tags of the partitions a scheduled run asks for (none for unpartitioned jobs)."""
    local = now.astimezone(LOCAL)
    if partitions_def is DAILY:
        return range_tags((local.date() - timedelta(days=1)).isoformat(), local.date().isoformat())
    if partitions_def is MONTHLY:
        month = local.date().replace(day=1)
        first = month
        for _ in range(3):
            first = (first - timedelta(days=1)).replace(day=1)
        return range_tags(first.isoformat(), (month - timedelta(days=1)).replace(day=1).isoformat())
    if partitions_def is SCHOOL_YEAR:
        keys = school_year_keys(local.date())
        return range_tags(keys[-2] if len(keys) > 1 else keys[-1], keys[-1])
    return {}


def _schedule_groups() -> dict[tuple[str, str, str], list[dg.AssetKey]]:
    """(slot name, cron, partitions kind) -> asset keys. Daily partitions share a job with the
    unpartitioned datasets of the same cadence; monthly and school-year ones have their own."""
    groups: dict[tuple[str, str, str], list[dg.AssetKey]] = defaultdict(list)
    for source, dataset in ingestion_specs():
        name, cron = cadence_slot(dataset.cadence_minutes)
        partitions_def = partitions_for(dataset)
        kind = "none" if partitions_def in (None, DAILY) else dataset.partitioning
        name = {"none": name, "month": "monthly_reports", "school_year": "school_year"}[kind]
        groups[(name, cron, kind)].append(asset_key(source, dataset))
    return dict(sorted(groups.items()))


def _build(name: str, cron: str, keys: list[dg.AssetKey], partitions_def):
    job = {MONTHLY: monthly_reports_job, SCHOOL_YEAR: school_year_job}.get(partitions_def) or dg.define_asset_job(
        f"ingest_{name}_job", selection=dg.AssetSelection.assets(*keys) - FRESHNESS_CHECKS,
        description=f"Land the datasets due {name.replace('_', ' ')}: " + ", ".join(k.path[-1] for k in keys),
    )

    @dg.schedule(name=f"ingest_{name}", job=job, cron_schedule=cron, execution_timezone=TIMEZONE,
                 default_status=schedule_default_status(),
                 description=f"Lands {len(keys)} dataset(s) with this cadence; warehouse refresh follows via new_landings_sensor.")
    def _schedule(context: dg.ScheduleEvaluationContext):
        return dg.RunRequest(tags={**recent_partitions(partitions_def, context.scheduled_execution_time),
                                   "trigger": f"schedule ingest_{name}"})

    return job, _schedule


def defs() -> dg.Definitions:
    jobs, schedules = [], []
    by_kind = {"none": DAILY, "month": MONTHLY, "school_year": SCHOOL_YEAR}
    specs = {asset_key(s, d): d for s, d in ingestion_specs()}
    for (name, cron, kind), keys in _schedule_groups().items():
        partitions_def = by_kind[kind] if any(partitions_for(specs[k]) for k in keys) else None
        job, schedule = _build(name, cron, keys, partitions_def)
        if job not in (monthly_reports_job, school_year_job):  # those two are defined in jobs.py
            jobs.append(job)
        schedules.append(schedule)
    return dg.Definitions(jobs=jobs, schedules=schedules)
