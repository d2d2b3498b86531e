"""Incidents the platform raises: jams it detects from the cameras, plus random events.

Congestion incidents are derived from the observations themselves (a hotspot camera whose
speed stays below 45 % of free flow with high occupancy for 15 minutes or more), so incidents
and observations tell the same story; :class:`CongestionTracker` finds them block by block as
the observations are generated, keeping only the events. Accidents, breakdowns, flooding, fire alerts and illegal
parking are drawn per day. Each incident has two versions: ``active`` when detected and
``cleared`` when it ends (still ``active`` if it has not ended by the end of the period).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from simulators.common.local_time import iso_local
from simulators.traffic_cameras.cameras import CameraModel
from simulators.traffic_cameras.traffic import SLOT_S, Observations, demand_profile

RANDOM_EVENTS = {  # type: (per day, median minutes, severities, their probabilities)
    "accident": (4.0, 45, ("low", "medium", "high"), (0.25, 0.5, 0.25)),
    "vehicle_breakdown": (6.0, 30, ("low", "medium"), (0.7, 0.3)),
    "flooding": (0.5, 120, ("medium", "high"), (0.6, 0.4)),
    "fire": (0.2, 40, ("high",), (1.0,)),
    "illegal_parking": (8.0, 25, ("low",), (1.0,)),
}
DESCRIPTIONS = {
    "congestion": "Ùn tắc giao thông tại {}",
    "accident": "Va chạm giao thông tại {}",
    "vehicle_breakdown": "Xe hư hỏng dừng trên đường tại {}",
    "flooding": "Ngập nước tại {}",
    "fire": "Cảnh báo cháy gần {}",
    "illegal_parking": "Dừng, đỗ xe sai quy định tại {}",
}


class CongestionTracker:
    """Congestion events of the hotspot cameras, fed one block of observations at a time.

    Only the events (and the jam still running at the end of the last block) are kept, so memory
    does not grow with the slots; a jam that runs across a block boundary is one event, exactly as
    if the whole period had been simulated at once.
    """

    def __init__(self, model: CameraModel):
        _, first_at_location = np.unique(model.location_name, return_index=True)
        self.cameras = first_at_location[model.hotspot[first_at_location] > 0]
        self._threshold = 0.45 * model.free_speed[self.cameras]
        self._open: dict[int, list] = {}  # camera -> [start epoch, slots, slowest km/h] of a jam still running
        self._events: list[dict] = []

    def add(self, obs: Observations) -> None:
        speed, occupancy = obs.speed_kmh[:, self.cameras], obs.occupancy[:, self.cameras]
        jam = (speed < self._threshold[None, :]) & (occupancy > 0.35)
        slots = len(obs.slot_epoch)
        for k, camera in enumerate(self.cameras.tolist()):
            edges = np.diff(np.r_[0, jam[:, k].astype(np.int8), 0])
            runs = list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()))
            running = self._open.pop(camera, None)
            if running is not None and not (runs and runs[0][0] == 0):
                self._close(camera, running)
                running = None
            for start, end in runs:
                slowest = float(speed[start:end, k].min())
                if running is not None:  # the jam the previous block ended in goes on
                    run, running = [running[0], running[1] + end, min(running[2], slowest)], None
                else:
                    run = [int(obs.slot_epoch[start]), end - start, slowest]
                if end == slots:
                    self._open[camera] = run
                else:
                    self._close(camera, run)

    def _close(self, camera: int, run: list) -> None:
        start, slots, slowest = run
        if slots >= 3:
            self._events.append(dict(type="congestion", camera=camera, start=start, end=start + slots * SLOT_S,
                                     severity="high" if slowest < 12 else "medium"))

    def events(self) -> list[dict]:
        """Every event so far, jams still running at the end of the period included."""
        for camera, run in sorted(self._open.items()):
            self._close(camera, run)
        self._open.clear()
        return sorted(self._events, key=lambda e: (e["camera"], e["start"]))


def _random_events(rng: np.random.Generator, model: CameraModel, period: tuple[int, int]) -> list[dict]:
    start, end = period
    minutes = np.arange(start, end, 60)
    weight = demand_profile(minutes)
    weight /= weight.sum()
    camera_weight = model.peak_demand / model.peak_demand.sum()
    days = (end - start) / 86400
    events = []
    for kind, (per_day, median_min, severities, probs) in RANDOM_EVENTS.items():
        n = rng.poisson(per_day * days)
        starts = minutes[rng.choice(len(minutes), size=n, p=weight)] + rng.integers(0, 60, n)
        durations = np.clip(rng.lognormal(np.log(median_min * 60), 0.6, n), 300, 12 * 3600).astype(int)
        for s, d, cam, sev in zip(starts, durations, rng.choice(len(camera_weight), size=n, p=camera_weight),
                                  rng.choice(len(severities), size=n, p=probs)):
            events.append(dict(type=kind, camera=int(cam), start=int(s), end=int(s + d), severity=severities[sev]))
    return events


def build_incidents(rng: np.random.Generator, model: CameraModel, congestion: list[dict],
                    period: tuple[int, int], faults: bool) -> pa.Table:
    """Incident versions of the ``congestion`` events (:class:`CongestionTracker`) and of random events."""
    events = sorted(congestion + _random_events(rng, model, period), key=lambda e: (e["start"], e["camera"]))
    rows, per_day = [], {}
    for e in events:
        day = iso_local(np.array([e["start"]]))[0][:10].replace("-", "")
        per_day[day] = per_day.get(day, 0) + 1
        c = e["camera"]
        detected = e["start"] + int(rng.integers(60, 360))
        jitter = rng.normal(0, 0.0004, 2)
        base = dict(
            incident_id=f"INC-{day}-{per_day[day]:04d}", incident_type=e["type"], severity=e["severity"],
            status="active", camera_id=str(model.camera_id[c]), road_name=str(model.road_name[c]),
            location_name=str(model.location_name[c]),
            longitude=round(float(model.longitude[c] + jitter[0]), 6), latitude=round(float(model.latitude[c] + jitter[1]), 6),
            district_code=str(model.district_code[c]), commune_code_2025=str(model.commune_code[c]),
            started_at=e["start"], detected_at=detected, cleared_at=None,
            description=DESCRIPTIONS[e["type"]].format(model.location_name[c]),
            _updated_epoch=detected, _sent_twice=False,
        )
        rows.append(base)
        cleared_version_at = e["end"] + int(rng.integers(30, 180))
        if cleared_version_at < period[1]:
            rows.append(dict(base, status="cleared", cleared_at=e["end"], _updated_epoch=cleared_version_at))
    if faults and len(rows) > 10:
        rows[3] = dict(rows[3], _sent_twice=True)
        cleared = [i for i, r in enumerate(rows) if r["status"] == "cleared"]
        if cleared:
            r = rows[cleared[len(cleared) // 2]]
            r["cleared_at"] = r["started_at"] - 600  # operator typo: cleared before it started
        rows[7] = dict(rows[7], severity="urgent")   # a value outside the documented list
    return _to_table(rows)


def _to_table(rows: list[dict]) -> pa.Table:
    if not rows:
        raise ValueError("no incidents generated: simulate more cameras or days")
    table = pa.Table.from_pylist(rows)
    for name in ("started_at", "detected_at", "cleared_at"):
        epoch = np.array([np.nan if r[name] is None else r[name] for r in rows], dtype=float)
        table = table.set_column(table.schema.get_field_index(name), name, pa.array(iso_local(epoch), pa.string()))
    updated = iso_local(np.array([r["_updated_epoch"] for r in rows], dtype=float))
    return table.append_column("updated_at", pa.array(updated, pa.string()))
