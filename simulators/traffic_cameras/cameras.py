"""The camera registry: ~205 locations on named roads, ~421 cameras, and how each behaves.

Two tables come out: the registry the API serves (one row per version of a camera record)
and the hidden traffic parameters of each camera that drive its observations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pyarrow as pa

from simulators.common.areas import COMMUNES_OF_DISTRICT
from simulators.common.local_time import iso_local, local_midnight
from simulators.traffic_cameras.roads import HOTSPOTS, ROADS, Road

LOCATIONS_PER_CAMERA = 205 / 421
VENDORS = ("Hikvision", "Dahua", "Becamex VNPT", "Axis")
VENDOR_SHARES = (0.45, 0.25, 0.2, 0.1)
KINDS_BY_POSITION = (  # the n-th camera at a location: (direction, type, functions)
    ("inbound", "fixed_ai", ["vehicle_counting", "speed", "occupancy"]),
    ("outbound", "fixed_ai", ["vehicle_counting", "speed", "occupancy"]),
    ("both", "ptz_ai", ["vehicle_counting", "speed", "incident_detection"]),
    ("both", "high_mount", ["vehicle_counting", "speed", "incident_detection", "fire_alert"]),
)


@dataclass(frozen=True)
class CameraModel:
    """Hidden per-camera traffic parameters (arrays indexed like the registry's first versions)."""
    camera_id: np.ndarray
    road_index: np.ndarray
    capacity: np.ndarray        # vehicles / 5 min
    peak_demand: np.ndarray     # vehicles / 5 min at the busiest hour of a weekday
    free_speed: np.ndarray      # km/h
    truck_share: np.ndarray
    hotspot: np.ndarray         # 0 = none, else congestion severity 0..1
    reports_m_per_s: np.ndarray  # old firmware reporting speed in m/s (a fault)
    longitude: np.ndarray
    latitude: np.ndarray
    district_code: np.ndarray
    commune_code: np.ndarray
    road_name: np.ndarray
    location_name: np.ndarray


def _allocate(total: int, weights: np.ndarray) -> np.ndarray:
    """Split ``total`` over ``weights`` by largest remainder, at least 1 each where possible."""
    exact = weights / weights.sum() * total
    counts = np.floor(exact).astype(int)
    counts[np.argsort(-(exact - counts), kind="stable")[: total - counts.sum()]] += 1
    return counts


def _point_on(road: Road, fraction: float) -> tuple[float, float, str, float]:
    """(lon, lat, district, km from the road's start) at ``fraction`` of its length."""
    pts = np.array([(lon, lat) for lon, lat, _ in road.waypoints])
    seg = np.hypot(*np.diff(pts, axis=0).T) * 111.0
    cum = np.r_[0, np.cumsum(seg)]
    target = fraction * cum[-1]
    i = min(int(np.searchsorted(cum, target, side="right")) - 1, len(seg) - 1)
    t = (target - cum[i]) / seg[i]
    lon, lat = pts[i] + t * (pts[i + 1] - pts[i])
    return float(lon), float(lat), road.waypoints[i][2], float(target)


def _locations(rng: np.random.Generator, n_locations: int) -> list[dict]:
    per_road = _allocate(n_locations, np.array([r.locations for r in ROADS], float))
    locations = []
    for road_index, (road, count) in enumerate(zip(ROADS, per_road)):
        hotspots = [h for h in HOTSPOTS if h[0] == road.name][:count]
        fractions = [h[1] for h in hotspots]
        regular = count - len(hotspots)
        fractions += list(np.clip((np.arange(regular) + 0.5) / max(regular, 1) + rng.normal(0, 0.01, regular), 0, 1))
        for k, fraction in enumerate(fractions):
            lon, lat, district, km = _point_on(road, fraction)
            lon, lat = lon + rng.normal(0, 0.0008), lat + rng.normal(0, 0.0008)
            hot = hotspots[k] if k < len(hotspots) else None
            name = hot[2] if hot else f"{road.name} Km {int(km)}+{int((km % 1) * 1000):03d}"
            communes = COMMUNES_OF_DISTRICT[district]
            locations.append(dict(road_index=road_index, lon=lon, lat=lat, district=district,
                                  commune=communes[rng.integers(len(communes))], name=name,
                                  hotspot=hot[3] if hot else 0.0))
    return locations


def build_cameras(rng: np.random.Generator, n_cameras: int) -> tuple[list[dict], CameraModel]:
    """First versions of the registry records, and the traffic model of each camera."""
    n_locations = max(1, min(n_cameras, round(n_cameras * LOCATIONS_PER_CAMERA)))
    locations = _locations(rng, n_locations)
    weights = np.array([1.0 + 2.0 * (loc["hotspot"] > 0) for loc in locations])
    per_location = 1 + rng.multinomial(n_cameras - n_locations, weights / weights.sum())
    per_location = np.minimum(per_location, len(KINDS_BY_POSITION))
    per_location[0] += n_cameras - per_location.sum()  # cap spill-over, keeps the total exact
    records, model_rows = [], []
    for loc_index, (loc, count) in enumerate(zip(locations, per_location)):
        road = ROADS[loc["road_index"]]
        for position in range(count):
            direction, kind, functions = KINDS_BY_POSITION[min(position, len(KINDS_BY_POSITION) - 1)]
            camera_id = f"BD-CAM-{len(records) + 1:04d}"
            installed = local_midnight_from_days(int(rng.integers(0, 5 * 365)))
            vendor = VENDORS[rng.choice(len(VENDORS), p=VENDOR_SHARES)]
            records.append(dict(
                camera_id=camera_id,
                camera_name=f"{loc['name']} – {direction}",
                location_id=f"BD-LOC-{loc_index + 1:03d}",
                location_name=loc["name"],
                road_name=road.name,
                direction=direction,
                camera_type=kind,
                vendor=vendor,
                functions=functions,
                longitude=round(loc["lon"] + rng.normal(0, 0.0001), 6),
                latitude=round(loc["lat"] + rng.normal(0, 0.0001), 6),
                district_code=loc["district"],
                commune_code_2025=loc["commune"],
                installed_on=iso_local(np.array([installed]))[0][:10],
                status="active",
                _updated_epoch=installed + int(rng.integers(3600, 5 * 86400)),
            ))
            capacity = road.capacity_per_5min * rng.uniform(0.75, 1.25) * (0.6 if direction != "both" else 1.0)
            demand_ratio = 1.05 + 0.6 * loc["hotspot"] if loc["hotspot"] else rng.uniform(0.45, 0.8)
            model_rows.append(dict(
                camera_id=camera_id, road_index=loc["road_index"], capacity=capacity,
                peak_demand=capacity * demand_ratio,
                free_speed=road.free_speed_kmh * rng.uniform(0.9, 1.1) * (0.8 if loc["hotspot"] else 1.0),
                truck_share=road.truck_share * rng.uniform(0.7, 1.3), hotspot=loc["hotspot"],
                reports_m_per_s=vendor == "Dahua" and installed < local_midnight_from_days(2 * 365),
                longitude=loc["lon"], latitude=loc["lat"], district_code=loc["district"],
                commune_code=loc["commune"], road_name=road.name, location_name=loc["name"],
            ))
    columns = {k: np.array([row[k] for row in model_rows]) for k in model_rows[0]}
    return records, CameraModel(**columns)


def local_midnight_from_days(days_after_2020_06_01: int) -> int:
    return local_midnight(date(2020, 6, 1) + timedelta(days=days_after_2020_06_01))


def registry_versions(rng: np.random.Generator, first: list[dict], period: tuple[int, int], faults: bool) -> pa.Table:
    """All versions: installs, plus a few relocations and decommissions during ``period``.

    With faults: one camera registered without GPS (0, 0) and fixed during the period, and one
    record the API sends twice.
    """
    start, end = period
    versions = [dict(v, _schema_v2=False, _omit_field=None, _sent_twice=False) for v in first]
    n_changes = max(1, len(first) // 70)
    for i in rng.choice(len(first), size=min(n_changes, len(first)), replace=False):
        change = dict(versions[i], _updated_epoch=int(rng.integers(start, end)))
        if rng.random() < 0.4:
            change["status"] = "inactive"
        else:
            change["longitude"] = round(change["longitude"] + rng.normal(0, 0.0005), 6)
            change["latitude"] = round(change["latitude"] + rng.normal(0, 0.0005), 6)
        versions.append(change)
    if faults and len(first) >= 3:
        bad, twice = int(rng.integers(len(first))), int(rng.integers(len(first)))
        versions.append(dict(versions[bad], _updated_epoch=start + 3600, longitude=0.0, latitude=0.0))
        versions.append(dict(versions[bad], _updated_epoch=start + 7200))  # GPS fixed an hour later
        versions.append(dict(versions[twice], _updated_epoch=start + 5400, _sent_twice=True,
                             camera_name=versions[twice]["camera_name"] + " (đổi tên)"))
    for v in versions:
        v["updated_at"] = iso_local(np.array([v["_updated_epoch"]]))[0]
    table = pa.Table.from_pylist(versions)
    return table.set_column(table.schema.get_field_index("functions"), "functions",
                            pa.array([v["functions"] for v in versions], pa.list_(pa.string())))
