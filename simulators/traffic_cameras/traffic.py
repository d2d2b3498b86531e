"""5-minute traffic observations of every camera, generated in bulk with numpy.

Demand follows the local clock: a morning peak around 07:00–09:00, an evening peak around
16:30–18:30, quiet nights, softer weekends. Speed falls with the volume/capacity ratio (a BPR-like
curve), so hotspots whose peak demand exceeds capacity jam every weekday: speeds drop to
10–20 km/h and occupancy climbs. Motorbikes dominate; trucks shift to the night.
Cameras go offline for hours at a time, some are under maintenance at night, some lose their
speed sensor for a day. The generator simulates one block of days per call: outages,
maintenance and degraded sensors are drawn per block (an outage may be cut at its end).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulators.common.local_time import local_hour_of_day, local_weekday
from simulators.traffic_cameras.cameras import CameraModel

SLOT_S = 300
EFFECTIVE_VEHICLE_LENGTH_M = 5.0  # vehicle plus detection zone, motorbike-dominated mix
LANES = 2.0


@dataclass(frozen=True)
class Observations:
    """Arrays of shape (slots, cameras); NaN where the camera measured nothing."""
    slot_epoch: np.ndarray       # (slots,)
    motorbike: np.ndarray
    car: np.ndarray
    truck: np.ndarray
    bus: np.ndarray
    speed_kmh: np.ndarray
    occupancy: np.ndarray
    status: np.ndarray           # 0 online, 1 offline, 2 maintenance, 3 degraded (no speed)


STATUS_NAMES = ("online", "offline", "maintenance", "degraded")


def demand_profile(epoch: np.ndarray) -> np.ndarray:
    """Share of the weekday peak demand at each slot (about 0.05 at night to 1.0 at the peaks)."""
    hour = local_hour_of_day(epoch)
    weekday = local_weekday(epoch)

    def bump(centre: float, width: float) -> np.ndarray:
        return np.exp(-0.5 * ((hour - centre) / width) ** 2)

    daytime = 1 / (1 + np.exp(-(hour - 5.5) / 0.5)) / (1 + np.exp(-(21.5 - hour) / 0.8))
    peaks = 0.55 * bump(7.9, 0.65) + 0.6 * bump(17.5, 0.65)
    weekend = np.select([weekday == 5, weekday == 6], [0.85, 0.7], 1.0)
    peak_weight = np.where(weekday >= 5, 0.4, 1.0)
    return np.maximum(0.05, weekend * (0.45 * daytime + peak_weight * peaks))


def _outages(rng: np.random.Generator, slots: int, cameras: int, hour: np.ndarray) -> np.ndarray:
    status = np.zeros((slots, cameras), dtype=np.int8)
    for camera in np.flatnonzero(rng.random(cameras) < 0.08):          # offline for hours
        start = rng.integers(slots)
        length = int(np.clip(rng.lognormal(np.log(36), 1.0), 3, 576))
        status[start:start + length, camera] = 1
    nights = np.flatnonzero((hour >= 22) | (hour < 4))
    for camera in np.flatnonzero(rng.random(cameras) < 0.03):          # night maintenance
        start = nights[rng.integers(len(nights))] if len(nights) else 0
        status[start:start + int(rng.integers(24, 48)), camera] = 2
    for camera in np.flatnonzero(rng.random(cameras) < 0.02):          # speed sensor degraded
        day = slice(rng.integers(slots), None)
        window = status[day, camera][:288]
        window[window == 0] = 3  # a view: writes through to ``status``
    return status


def simulate_observations(rng: np.random.Generator, model: CameraModel, start_epoch: int, slots: int) -> Observations:
    cameras = len(model.camera_id)
    epoch = start_epoch + SLOT_S * np.arange(slots, dtype=np.int64)
    hour = local_hour_of_day(epoch)
    days = (epoch - start_epoch) // 86400
    day_factor = rng.lognormal(0, 0.05, size=(int(days.max()) + 1, cameras))[days]
    demand = (demand_profile(epoch)[:, None] * model.peak_demand[None, :] * day_factor
              * rng.lognormal(0, 0.1, size=(slots, cameras)))
    total = rng.poisson(demand)

    night = ((hour >= 22) | (hour < 5))[:, None]
    peak = (((hour >= 7) & (hour < 9)) | ((hour >= 16.5) & (hour < 18.5)))[:, None]
    p_truck = np.clip(model.truck_share[None, :] * np.where(night, 2.0, np.where(peak, 0.5, 1.0)), 0, 0.4)
    p_bus, p_car = 0.012, 0.13
    motorbike = rng.binomial(total, 1 - p_truck - p_bus - p_car)
    rest = total - motorbike
    car = rng.binomial(rest, p_car / (p_car + p_bus + p_truck))
    bus = rng.binomial(rest - car, p_bus / (p_bus + p_truck))
    truck = rest - car - bus

    ratio = demand / model.capacity[None, :]
    speed = model.free_speed[None, :] / (1 + 0.2 * ratio ** 4) + rng.normal(0, 2.0, size=(slots, cameras))
    speed = np.clip(speed, 3.0, None)
    density = 12 * total / speed  # vehicles per km
    occupancy = 1 - np.exp(-density * EFFECTIVE_VEHICLE_LENGTH_M / (1000 * LANES))

    status = _outages(rng, slots, cameras, hour)
    off = np.isin(status, (1, 2))
    counts = [np.where(off, np.nan, c.astype(float)) for c in (motorbike, car, truck, bus)]
    speed = np.where(off | (status == 3) | (total == 0), np.nan, np.round(speed, 1))
    occupancy = np.where(off, np.nan, np.round(occupancy, 3))
    return Observations(epoch, *counts, speed, occupancy, status)
