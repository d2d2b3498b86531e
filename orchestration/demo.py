"""`make demo`: stand up every departmental system, then run the whole pipeline headlessly.

1. simulate each departmental system in its native form (file drops, SQLite, Excel, CSV, JSON,
   GeoJSON) under ``data/sources/`` and start the HTTP stand-ins on 127.0.0.1;
2. load them as an operator backfills a new deployment, on the persistent Dagster instance in
   ``$DAGSTER_HOME`` (the runs are there to inspect in ``make ui`` afterwards): one run per
   partitioned world over its history (monthly reports, school years, two years of citizen
   reports), then ``ioc_refresh_job`` over the recent days: land the rest → dbt build → checks →
   publish (docs/orchestration.md);
3. print what landed, what the checks found and what was published.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime, timedelta

from orchestration.demo_environment import apply_demo_environment
from orchestration.demo_simulation import simulate_all, start_http_stand_ins


def _stage(message: str) -> None:
    print(f"\n==> {message}", file=sys.stderr, flush=True)


LANDING_JOBS = ("monthly_reports_job", "school_year_job")  # partitioned by month / school year
MONTHS_OF_HISTORY = 36  # the stand-ins simulate up to three years of monthly reports
DAYS_OF_HISTORY = 731  # ... and up to two years of citizen reports (daily partitions)


def _range(job, keys: list[str]) -> dict[str, str]:
    from orchestration.defs.jobs import range_tags

    return range_tags(keys[0], keys[-1]) if job.partitions_def is not None and keys else {}


def _execute(job, tags: dict, asset_selection=None) -> bool:
    import dagster as dg

    result = job.execute_in_process(
        instance=dg.DagsterInstance.get(),
        raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": os.environ.get("IOC_DEMO_LOG_LEVEL", "INFO")}}}},
        tags={**tags, "trigger": "make demo"},
        asset_selection=asset_selection,
    )
    if not result.success and job.name == "ioc_refresh_job":
        # No daemon runs the run-status sensor here: record why nothing was published ourselves.
        from orchestration.publication_records import record_if_unpublished

        record_if_unpublished(result.run_id, failure_message="ioc_refresh_job failed (see the run in the UI)")
    return result.success


def run_pipeline(days: int = 7) -> bool:
    """The first load, as an operator would backfill a new deployment: one run per partitioned
    world over the history the stand-ins hold, then ``ioc_refresh_job`` over the recent days
    (land the rest, dbt build, checks, publish). Each run is a single run over a partition range."""
    from orchestration.definitions import defs
    from orchestration.defs.jobs import ingestion_keys
    from orchestration.defs.partitions import DAILY, LOCAL
    from orchestration.demo_simulation import DAY_WINDOW_SYSTEMS

    today = datetime.now(LOCAL).date()
    job_names = {j.name for j in defs.resolve_all_job_defs()}
    for name in [n for n in LANDING_JOBS if n in job_names]:
        job = defs.resolve_job_def(name)
        keys = job.partitions_def.get_partition_keys()
        _stage(f"Running {name}: land {'the last ' + str(MONTHS_OF_HISTORY) + ' months' if name.startswith('monthly') else 'every school year'}")
        if not _execute(job, _range(job, keys[-MONTHS_OF_HISTORY:] if name.startswith("monthly") else keys)):
            print(f"{name} failed (see the run in the UI); the refresh publishes what landed", file=sys.stderr)

    ingest = defs.resolve_job_def("ingest_only_job")
    # daily datasets whose stand-ins hold more than the --days window (citizen reports: two years)
    long_history = [k for k in ingestion_keys(DAILY) if not any(k.path[-1].startswith(f"{s}_") for s in DAY_WINDOW_SYSTEMS)]
    if long_history:
        first = max(today - timedelta(days=DAYS_OF_HISTORY), DAILY.start.date())
        _stage(f"Landing {', '.join(k.path[-1] for k in long_history)} since {first}")
        _execute(ingest, _range(ingest, [first.isoformat(), today.isoformat()]), asset_selection=long_history)

    refresh = defs.resolve_job_def("ioc_refresh_job")
    first = today - timedelta(days=days + 1)
    _stage(f"Running ioc_refresh_job for {first} … {today}: ingest → dbt build → checks → publish")
    return _execute(refresh, _range(refresh, [first.isoformat(), today.isoformat()]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=7, help="days of high-frequency data to simulate")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--profile", choices=("demo", "small"), default="demo", help="size of the simulated systems")
    parser.add_argument("--skip-simulation", action="store_true", help="reuse data/sources as it is")
    args = parser.parse_args(argv)

    started = time.monotonic()
    apply_demo_environment()
    if not args.skip_simulation:
        _stage("Simulating the departmental systems")
        simulate_all(days=args.days, seed=args.seed, profile=args.profile)
    _stage("Starting the HTTP stand-ins on 127.0.0.1")
    servers = start_http_stand_ins()
    try:
        ok = run_pipeline(days=args.days)
    finally:
        for server in servers:
            server.shutdown()

    from orchestration.summary import print_summary

    _stage(f"Summary (pipeline {'succeeded' if ok else 'FAILED'}, {time.monotonic() - started:.0f} s)")
    print_summary()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
