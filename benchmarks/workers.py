"""Work run in a child process (so its peak RSS is its own); each prints one JSON line.

    python -m benchmarks.workers ingest DROP_DIR LANDING_DIR
    python -m benchmarks.workers pandas DROP_DIR
    python -m benchmarks.workers gx BUILD_DB GX_DIR
    python -m benchmarks.workers refresh PARTITION_KEY
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def ingest(drop_dir: str, landing_dir: str) -> dict:
    """The connector as the orchestration calls it: every new file of the drop folder, one batch.
    Libraries are imported before the clock starts (the connector imports them lazily): the
    figure is the work on the files, as ``cat``'s is."""
    import duckdb  # noqa: F401
    import numpy  # noqa: F401
    import pyarrow.compute
    import pyarrow.dataset  # it imports pandas: ~0.8 s
    import pyarrow.parquet  # noqa: F401

    from ingestion.env_monitoring.readings import load_station_files

    t0 = time.perf_counter()
    record = load_station_files(Path(drop_dir), Path(landing_dir))
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "rows_read": record.rows_read if record else 0,
            "rows_landed": getattr(record, "rows_landed", None)}


def naive_pandas(drop_dir: str) -> dict:
    """What a user would write: read_csv per file, concat, write one Parquet file."""
    import os
    import tempfile

    import pandas as pd

    t0 = time.perf_counter()
    frames, skipped = [], 0
    for name in sorted(os.listdir(drop_dir)):
        if not name.endswith(".txt"):
            continue
        try:  # faulty files (empty, wrong field counts, bad bytes) are skipped, not quarantined
            df = pd.read_csv(os.path.join(drop_dir, name), sep="\t", header=None, on_bad_lines="skip",
                             names=["param", "value", "unit", "measured_at", "status"], dtype=str,
                             encoding_errors="replace")
        except (pd.errors.EmptyDataError, pd.errors.ParserError):
            skipped += 1
            continue
        df["source_file"] = name
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    out["value"] = pd.to_numeric(out["value"], errors="coerce")
    out["measured_at"] = pd.to_datetime(out["measured_at"], format="%Y%m%d%H%M%S", errors="coerce")
    with tempfile.TemporaryDirectory() as tmp:
        out.to_parquet(Path(tmp) / "readings.parquet")
    return {"seconds": time.perf_counter() - t0, "rows": len(out), "files": len(frames), "files_skipped": skipped}


def gx(build_db: str, gx_dir: str) -> dict:
    """Every GX suite on the build file, timing each and recording the largest pandas frame built
    (the approach of tests/expectations/test_pushdown.py) against the size of the table checked."""
    import tracemalloc

    import duckdb
    import pandas as pd

    from expectations.registry import checked_tables
    from expectations.runner import _import_gx, run_suite

    frames: list[int] = []
    real_init = pd.DataFrame.__init__

    def counting_init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        frames.append(len(self))

    t_import = time.perf_counter()
    _import_gx()  # import cost reported apart: it is paid once per process
    import_s = time.perf_counter() - t_import
    pd.DataFrame.__init__ = counting_init
    suites = []
    with duckdb.connect(build_db, read_only=True) as con:
        rows = {}
        for table in checked_tables():
            try:
                rows[table] = con.execute(f"select count(*) from {table}").fetchone()[0]
            except duckdb.Error:
                rows[table] = None
    for table in checked_tables():
        frames.clear()
        tracemalloc.start()
        outcome = run_suite(build_db, table, run_id="bench", context_dir=gx_dir)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        suites.append({"table": table, "seconds": outcome.duration_s, "rows": rows[table],
                       "max_frame_rows": max(frames, default=0), "py_peak_mb": peak / 1e6,
                       "error": outcome.error})
    return {"import_seconds": import_s, "seconds": sum(s["seconds"] for s in suites), "suites": suites}


def refresh(partition_key: str) -> dict:
    """ioc_refresh_job for one daily partition (what the drop-folder sensor starts every hour)."""
    import dagster as dg

    from orchestration.definitions import defs
    from orchestration.demo_environment import apply_demo_environment
    from orchestration.demo_simulation import start_http_stand_ins

    apply_demo_environment()  # the stand-ins are the demo's: same settings as orchestration.demo
    servers = start_http_stand_ins()
    try:
        job = defs.resolve_job_def("ioc_refresh_job")
        cpu0 = _cpu_seconds()
        t0 = time.perf_counter()
        result = job.execute_in_process(
            instance=dg.DagsterInstance.get(), raise_on_error=False, partition_key=partition_key,
            run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
            tags={"trigger": "benchmark"},
        )
        seconds = time.perf_counter() - t0
        cpu = _cpu_seconds() - cpu0
    finally:
        for server in servers:
            server.shutdown()
    return {"seconds": seconds, "cpu_seconds": cpu, "success": result.success}


def _cpu_seconds() -> float:
    """CPU of this process and of the children it has waited for (dbt's subprocesses): steadier
    than wall time when other work shares the machine."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str]) -> None:
    kind, *args = argv
    fn = {"ingest": ingest, "pandas": naive_pandas, "gx": gx, "refresh": refresh}[kind]
    print(json.dumps(fn(*args), default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
