"""Observations as the platform's API writes them: one JSON object per record, in time order.

Rendering happens once, at simulation time, with DuckDB, one generation block (a week) at a
time; the server then serves pages by slicing a day's concatenated JSON, so records stream as
fast as the socket allows.

Faults written into the data (``faults=True``), as seen on real camera platforms (the counts
below are drawn per rendered block, so their rates do not depend on the number of days):
- schema drift: from ``drift_from`` (a platform upgrade) ``occupancy`` is renamed
  ``occupancy_ratio`` and a new ``firmware_version`` field appears;
- old-firmware cameras report speed in m/s (with ``speed_unit`` saying so);
- sensor glitches: speed 255 (the "no reading" sentinel), occupancy above 1, negative counts;
- records the platform sends twice, and a few records without ``camera_id`` (8 per block).
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from simulators.common.local_time import LOCAL_OFFSET_S
from simulators.traffic_cameras.cameras import CameraModel
from simulators.traffic_cameras.traffic import SLOT_S, STATUS_NAMES, Observations

FIRMWARE_AFTER_DRIFT = "4.2.1"


def _nullable_int(values: np.ndarray) -> pa.Array:
    missing = np.isnan(values)
    return pa.array(np.where(missing, 0, values).astype(np.int64), mask=missing)


def _nullable_float(values: np.ndarray) -> pa.Array:
    return pa.array(values, pa.float64(), from_pandas=True)  # NaN -> null


def render_observations(rng: np.random.Generator, obs: Observations, model: CameraModel, *,
                        faults: bool, drift_from: int) -> pa.Table:
    slots, cameras = obs.speed_kmh.shape
    n = slots * cameras
    epoch = np.repeat(obs.slot_epoch, cameras)
    camera = np.tile(np.arange(cameras), slots)
    counts = {k: getattr(obs, k).ravel().copy() for k in ("motorbike", "car", "truck", "bus")}
    speed, occupancy = obs.speed_kmh.ravel().copy(), obs.occupancy.ravel().copy()
    unit = np.full(n, "km/h", dtype=object)
    drifted = np.zeros(n, bool)
    omit_camera = np.zeros(n, bool)
    order = np.arange(n)
    if faults:
        in_m_per_s = model.reports_m_per_s[camera]
        speed[in_m_per_s] = np.round(speed[in_m_per_s] / 3.6, 2)
        unit[in_m_per_s] = "m/s"
        measured = np.flatnonzero(~np.isnan(speed))
        speed[rng.choice(measured, size=max(1, n // 3000), replace=False)] = 255.0
        occupancy[rng.choice(measured, size=max(1, n // 5000), replace=False)] = np.round(rng.uniform(1.2, 3.0), 3)
        counts["motorbike"][rng.choice(measured, size=max(1, n // 10000), replace=False)] = -1
        drifted = epoch >= drift_from
        omit_camera[rng.choice(n, size=min(8, n), replace=False)] = True
        order = np.sort(np.r_[order, rng.choice(n, size=max(1, n // 1000), replace=False)], kind="stable")
    table = pa.table({
        "observed_epoch": epoch, "camera_id": model.camera_id[camera].astype(str),
        **{f"{k}_count": _nullable_int(v) for k, v in counts.items()},
        "avg_speed": _nullable_float(speed), "speed_unit": unit.astype(str), "occupancy": _nullable_float(occupancy),
        "camera_status": np.array(STATUS_NAMES)[obs.status.ravel()], "drifted": drifted, "omit_camera": omit_camera,
    }).take(pa.array(order))
    return _to_json(table)


def _to_json(table: pa.Table) -> pa.Table:
    observed_at = f"strftime(epoch_ms((observed_epoch + {LOCAL_OFFSET_S}) * 1000), '%Y-%m-%dT%H:%M:%S') || '+07:00'"
    counts = "motorbike_count, car_count, truck_count, bus_count"
    head = f"observed_at := {observed_at}, interval_s := {SLOT_S}, {counts}, avg_speed, speed_unit"
    con = duckdb.connect()
    con.register("obs", table)
    return con.sql(f"""
        select observed_epoch,
               case when omit_camera then null else camera_id end as camera_id,
               (case
                   when omit_camera then to_json(struct_pack({head}, occupancy, camera_status))
                   when drifted then to_json(struct_pack(camera_id, {head}, occupancy_ratio := occupancy,
                                                         camera_status, firmware_version := '{FIRMWARE_AFTER_DRIFT}'))
                   else to_json(struct_pack(camera_id, {head}, occupancy, camera_status))
               end)::varchar as json
        from obs
    """).to_arrow_table()
