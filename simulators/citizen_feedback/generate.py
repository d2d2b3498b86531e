"""Write the feedback system's store: every version of every report, and the server's faults.

Files under ``out`` (the stand-in's private store; clients only see the HTTP API):
    reports.parquet       one row per version of a report, with its personal data
    server_faults.json    faults the server injects while serving
    meta.json             what was generated, for people
Same arguments, same bytes.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from simulators.citizen_feedback.reports import simulate_reports
from simulators.citizen_feedback.versions import build_versions
from simulators.common.http_stand_in import ServerFaults
from simulators.common.local_time import local_midnight

DEMO_SERVER_FAULTS = ServerFaults(error_every=31, page_size_after_first=700)
DRIFT_DAYS = 60  # the API upgrade happened this many days before the end of the period


def generate(out: Path, *, seed: int, days: int, per_day: float, end_date: date, faults: bool) -> dict:
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    start = local_midnight(end_date - timedelta(days=days - 1))
    end = local_midnight(end_date + timedelta(days=1))
    n_people = max(10, int(days * per_day * 0.7))
    reports = simulate_reports(rng, start, end, per_day, n_people)
    versions = build_versions(rng, reports, end=end, n_people=n_people, faults=faults, drift_days=DRIFT_DAYS)
    pq.write_table(versions, out / "reports.parquet", compression="zstd")
    (DEMO_SERVER_FAULTS if faults else ServerFaults()).save(out / "server_faults.json")
    meta = dict(seed=seed, days=days, per_day=per_day, end_date=end_date.isoformat(), period_start_epoch=start,
                period_end_epoch=end, reports=len(reports.received), versions=versions.num_rows, faults=faults)
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"citizen_feedback: {meta['reports']:,} reports, {meta['versions']:,} versions in {out} "
          f"({time.monotonic() - started:.1f} s)", file=sys.stderr, flush=True)
    return meta
