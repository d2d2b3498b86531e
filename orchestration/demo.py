"""`make demo`: stand up every departmental system, then run the whole pipeline headlessly.

1. simulate each departmental system in its native form (file drops, SQLite, Excel, CSV, JSON,
   GeoJSON) under ``data/sources/`` and start the HTTP stand-ins on 127.0.0.1;
2. run ``ioc_refresh_job`` (ingest → dbt build → checks → publish) on the persistent Dagster
   instance in ``$DAGSTER_HOME``, so the runs are there to inspect in ``make ui`` afterwards;
3. print what landed, what the checks found and what was published.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from orchestration.demo_environment import apply_demo_environment
from orchestration.demo_simulation import simulate_all, start_http_stand_ins


def _stage(message: str) -> None:
    print(f"\n==> {message}", file=sys.stderr, flush=True)


def run_pipeline() -> bool:
    import dagster as dg

    from orchestration.definitions import defs

    instance = dg.DagsterInstance.get()
    job = defs.resolve_job_def("ioc_refresh_job")
    result = job.execute_in_process(
        instance=instance,
        raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": os.environ.get("IOC_DEMO_LOG_LEVEL", "INFO")}}}},
        tags={"trigger": "make demo"},
    )
    if not result.success:
        # No daemon runs the run-status sensor here: record why nothing was published ourselves.
        from orchestration.publication_records import record_if_unpublished

        record_if_unpublished(result.run_id, failure_message="ioc_refresh_job failed (see the run in the UI)")
    return result.success


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
        _stage("Running ioc_refresh_job: ingest → dbt build → checks → publish")
        ok = run_pipeline()
    finally:
        for server in servers:
            server.shutdown()

    from orchestration.summary import print_summary

    _stage(f"Summary (pipeline {'succeeded' if ok else 'FAILED'}, {time.monotonic() - started:.0f} s)")
    print_summary()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
