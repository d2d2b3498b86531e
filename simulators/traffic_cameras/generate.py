"""Write the platform's data store: registry versions, rendered observations, incidents.

Files under ``out`` (the stand-in's private store; clients only ever see the HTTP API):
    cameras.parquet        every version of every camera record
    observations.parquet   observed_epoch, camera_id, json (one API record each, in time order)
    incidents.parquet      every version of every incident
    server_faults.json     faults the server injects while serving (500s, slow pages, page sizes)
    meta.json              what was generated, for people
Same arguments, same bytes: everything derives from one seeded generator.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from simulators.common.http_stand_in import ServerFaults
from simulators.common.local_time import local_midnight
from simulators.traffic_cameras.cameras import build_cameras, registry_versions
from simulators.traffic_cameras.incidents import build_incidents
from simulators.traffic_cameras.render import render_observations
from simulators.traffic_cameras.traffic import SLOT_S, simulate_observations

DEMO_SERVER_FAULTS = ServerFaults(error_every=47, slow_every=61, slow_seconds=0.5, page_size_after_first=4000)


def _progress(message: str, started: float) -> None:
    print(f"traffic_cameras: {message} ({time.monotonic() - started:.1f} s)", file=sys.stderr, flush=True)


def generate(out: Path, *, seed: int, cameras: int, days: int, end_date: date, faults: bool) -> dict:
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    start = local_midnight(end_date - timedelta(days=days - 1))
    end = local_midnight(end_date + timedelta(days=1))
    first_versions, model = build_cameras(rng, cameras)
    pq.write_table(registry_versions(rng, first_versions, (start, end), faults), out / "cameras.parquet")
    observations = simulate_observations(rng, model, start, (end - start) // SLOT_S)
    _progress(f"simulated {observations.speed_kmh.size:,} observations of {cameras} cameras", started)
    rendered = render_observations(rng, observations, model, faults=faults, drift_from=end - 2 * 86400)
    pq.write_table(rendered, out / "observations.parquet", compression="zstd")
    _progress(f"rendered {rendered.num_rows:,} observation records", started)
    incidents = build_incidents(rng, model, observations, (start, end), faults)
    pq.write_table(incidents, out / "incidents.parquet")
    (DEMO_SERVER_FAULTS if faults else ServerFaults()).save(out / "server_faults.json")
    meta = dict(seed=seed, cameras=cameras, locations=len(set(model.location_name)), days=days,
                period_start_epoch=start, period_end_epoch=end, end_date=end_date.isoformat(),
                observation_records=rendered.num_rows, incident_versions=incidents.num_rows, faults=faults)
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    _progress(f"wrote {out}", started)
    return meta
