"""The jobs, one per execution profile. A Dagster job holds one partitions definition, so:

* ``ioc_refresh_job`` — the whole path for the daily-partitioned world: land what is new from
  every unpartitioned source and the run's days of the daily sources → dbt (the daily
  incremental models for those days, the rest in full) → Great Expectations → publish gate.
  Every dbt test and GX suite runs in the same run as the publish step: the gate publishes only
  what was checked in that run. ``make demo`` runs it over the recent days (one range run).
* ``warehouse_refresh_job`` — the same without ingestion; what the new-landings sensor starts.
* ``monthly_reports_job`` / ``school_year_job`` — land monthly reports / school-year workbooks
  per month / school year; the marts built from them are small and rebuilt in full by the next
  refresh (started by the new-landings sensor).
* ``ingest_only_job`` — land the daily and unpartitioned sources, nothing else.

Freshness checks are left out of their selections (``freshness_checks_job`` and declarative
automation run those); a run the sensors launch for chosen assets also judges their freshness
right after landing.
"""

import dagster as dg

from orchestration.defs.freshness_checks import FRESHNESS_CHECKS
from orchestration.defs.ingestion_assets import asset_key, ingestion_specs
from orchestration.defs.partitions import MONTHLY, SCHOOL_YEAR, partitions_for


def ingestion_keys(partitions_def: dg.PartitionsDefinition | None | str = "any") -> list[dg.AssetKey]:
    """Ingestion asset keys, all of them or those with the given partitions (None: unpartitioned)."""
    return [asset_key(s, d) for s, d in ingestion_specs()
            if partitions_def == "any" or partitions_for(d) == partitions_def]


INGESTION = dg.AssetSelection.assets(*ingestion_keys()) - FRESHNESS_CHECKS
MONTHLY_INGESTION = dg.AssetSelection.assets(*ingestion_keys(MONTHLY)) - FRESHNESS_CHECKS
SCHOOL_YEAR_INGESTION = dg.AssetSelection.assets(*ingestion_keys(SCHOOL_YEAR)) - FRESHNESS_CHECKS
DAILY_WORLD = dg.AssetSelection.all() - MONTHLY_INGESTION - SCHOOL_YEAR_INGESTION - FRESHNESS_CHECKS
WAREHOUSE = DAILY_WORLD - INGESTION

ioc_refresh_job = dg.define_asset_job(
    "ioc_refresh_job",
    selection=DAILY_WORLD,
    description="Land what is new (daily sources: the run's days) → dbt build → checks → publish gate. "
    "Launch it for a day or a range of days (one run); make demo runs it over the recent days.",
)

warehouse_refresh_job = dg.define_asset_job(
    "warehouse_refresh_job",
    selection=WAREHOUSE,
    description="dbt build → Great Expectations → publish gate, for the days that received data "
    "(started by new_landings_sensor).",
)

ingest_only_job = dg.define_asset_job(
    "ingest_only_job",
    selection=DAILY_WORLD & INGESTION,
    description="Land what is new from the daily and unpartitioned departmental systems, nothing else.",
)

monthly_reports_job = dg.define_asset_job(
    "monthly_reports_job",
    selection=MONTHLY_INGESTION,
    description="Land the monthly reports of the run's months (statistics office, utilities, CSV exports).",
)

school_year_job = dg.define_asset_job(
    "school_year_job",
    selection=SCHOOL_YEAR_INGESTION,
    description="Land the education workbooks of the run's school years.",
)

REFRESH_JOBS = (ioc_refresh_job, warehouse_refresh_job)


def range_tags(start_key: str, end_key: str) -> dict[str, str]:
    """Run tags of a single run over the partitions ``start_key`` … ``end_key`` (inclusive)."""
    return {"dagster/asset_partition_range_start": start_key, "dagster/asset_partition_range_end": end_key}


def defs() -> dg.Definitions:
    jobs = [ioc_refresh_job, warehouse_refresh_job, ingest_only_job]
    jobs += [job for job, keys in ((monthly_reports_job, ingestion_keys(MONTHLY)),
                                   (school_year_job, ingestion_keys(SCHOOL_YEAR))) if keys]
    return dg.Definitions(jobs=jobs)
