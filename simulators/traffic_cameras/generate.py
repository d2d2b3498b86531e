"""Write the platform's data store: registry versions, rendered observations, incidents.

Files under ``out`` (the stand-in's private store; clients only ever see the HTTP API):
    cameras.parquet                       every version of every camera record
    observations/<YYYY-MM-DD>.parquet     observed_epoch, camera_id, json: one API record each, in
                                          serving order, one file per local day (observation_store)
    incidents.parquet                     every version of every incident
    server_faults.json                    faults the server injects while serving (500s, slow pages, page sizes)
    meta.json                             what was generated, for people

Observations are simulated, rendered and written in blocks of ``BLOCK_DAYS`` local days, each
with its own generator ``default_rng([seed, block])``, so memory is bounded by a block whatever
the number of days; congestion incidents are tracked across blocks from the hotspot cameras'
readings. The registry and the random incidents come from ``default_rng(seed)``.
Same arguments, same bytes.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from simulators.common.http_stand_in import ServerFaults
from simulators.common.local_time import local_midnight
from simulators.traffic_cameras.cameras import build_cameras, registry_versions
from simulators.traffic_cameras.incidents import CongestionTracker, build_incidents
from simulators.traffic_cameras.observation_store import DAY, DIRECTORY, write_days
from simulators.traffic_cameras.render import render_observations
from simulators.traffic_cameras.traffic import SLOT_S, simulate_observations

DEMO_SERVER_FAULTS = ServerFaults(error_every=47, slow_every=61, slow_seconds=0.5, page_size_after_first=4000)
BLOCK_DAYS = 7


def _progress(message: str, started: float) -> None:
    print(f"traffic_cameras: {message} ({time.monotonic() - started:.1f} s)", file=sys.stderr, flush=True)


def generate(out: Path, *, seed: int, cameras: int, days: int, end_date: date, faults: bool,
             block_days: int = BLOCK_DAYS) -> dict:
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out / DIRECTORY, ignore_errors=True)    # days of an earlier, other generation
    (out / "observations.parquet").unlink(missing_ok=True)  # the single-file layout of older stores
    rng = np.random.default_rng(seed)
    start = local_midnight(end_date - timedelta(days=days - 1))
    end = local_midnight(end_date + timedelta(days=1))
    first_versions, model = build_cameras(rng, cameras)
    pq.write_table(registry_versions(rng, first_versions, (start, end), faults), out / "cameras.parquet")
    congestion = CongestionTracker(model)
    records = 0
    block_starts = range(start, end, block_days * DAY)
    for block, block_start in enumerate(block_starts):
        block_rng = np.random.default_rng([seed, block])
        block_end = min(end, block_start + block_days * DAY)
        observations = simulate_observations(block_rng, model, block_start, (block_end - block_start) // SLOT_S)
        congestion.add(observations)
        rendered = render_observations(block_rng, observations, model, faults=faults, drift_from=end - 2 * DAY)
        records += write_days(rendered, out)
        del observations, rendered
        _progress(f"block {block + 1}/{len(block_starts)}: {records:,} observation records of {cameras} cameras", started)
    incidents = build_incidents(rng, model, congestion.events(), (start, end), faults)
    pq.write_table(incidents, out / "incidents.parquet")
    (DEMO_SERVER_FAULTS if faults else ServerFaults()).save(out / "server_faults.json")
    meta = dict(seed=seed, cameras=cameras, locations=len(set(model.location_name)), days=days,
                period_start_epoch=start, period_end_epoch=end, end_date=end_date.isoformat(),
                observation_records=records, observation_files=f"{DIRECTORY}/<YYYY-MM-DD>.parquet",
                block_days=block_days, incident_versions=incidents.num_rows, faults=faults)
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    _progress(f"wrote {out}", started)
    return meta
