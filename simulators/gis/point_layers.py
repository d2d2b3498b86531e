"""Point and park layers: monitoring stations, traffic cameras, schools, health facilities, parks.

Codes come from the other stand-ins where they exist (env_monitoring's station registry, the
health department's facility list, the industrial parks of industry_trade), so the layers join
to those systems; schools and cameras carry the GIS department's own stable ids. Every point is
drawn inside a grid cell of its unit, hence inside its unit's polygon in every geography.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np
import shapely

from ingestion import settings
from simulators.gis.areas import communes_pre2025
from simulators.gis.partition import CELL_DEG, ORIGIN, Grid


def _points(rng: np.random.Generator, grid: Grid, cells: np.ndarray) -> list[shapely.Point]:
    x0, y0, _, _ = grid.edges(cells)
    lon = np.round(x0 + rng.uniform(0.15, 0.85, len(cells)) * CELL_DEG, 6)
    lat = np.round(y0 + rng.uniform(0.15, 0.85, len(cells)) * CELL_DEG, 6)
    return list(shapely.points(lon, lat))


def _cells_in(rng, grid: Grid, mask: np.ndarray, n: int, by_population: bool = True) -> np.ndarray:
    idx = np.flatnonzero(mask)
    p = grid.population[idx] + 1.0 if by_population else np.ones(len(idx))
    return idx[rng.choice(len(idx), size=n, p=p / p.sum())]


def _areas(grid: Grid, cells: np.ndarray) -> list[dict]:
    return [dict(district_code=grid.district[c], commune_code=grid.commune[c], commune_code_2025=grid.new_unit[c])
            for c in cells]


def _cell_at(grid: Grid, lon: float, lat: float) -> int | None:
    col, row = int((lon - ORIGIN[0]) // CELL_DEG), int((lat - ORIGIN[1]) // CELL_DEG)
    hit = np.flatnonzero((grid.col == col) & (grid.row == row))
    return int(hit[0]) if len(hit) else None


def monitoring_stations(rng, grid: Grid) -> list[dict]:
    registry = settings.sources_dir() / "env_monitoring" / "stations.csv"
    stations = _read_station_registry(registry) or _env_monitoring_fleet() or [
        dict(station_code=f"GIS-ST-{i:02d}", station_name=f"Trạm quan trắc {i:02d}", station_type="ambient_air",
             longitude=None, latitude=None, district_code=None) for i in range(1, 25)]
    features = []
    for s in stations:
        cell = _cell_at(grid, s["longitude"], s["latitude"]) if s["longitude"] is not None else None
        if cell is not None and grid.district[cell] == s["district_code"]:
            x0, y0, x1, y1 = (float(v[0]) for v in grid.edges(np.array([cell])))
            margin = 1e-5  # a registry coordinate on a cell edge moves ~1 m into the cell
            point = shapely.Point(round(min(max(s["longitude"], x0 + margin), x1 - margin), 6),
                                  round(min(max(s["latitude"], y0 + margin), y1 - margin), 6))
        else:
            mask = grid.district == s["district_code"] if s["district_code"] else np.ones(len(grid.lon), bool)
            cell = int(_cells_in(rng, grid, mask, 1)[0])
            point = _points(rng, grid, np.array([cell]))[0]
        props = dict(station_code=s["station_code"], station_name=s["station_name"], station_type=s["station_type"])
        features.append({"properties": {**props, **_areas(grid, [cell])[0]}, "geometry": point})
    return features


def _read_station_registry(path: Path) -> list[dict] | None:
    if not path.is_file():
        return None
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return [dict(station_code=r["station_code"], station_name=r["station_name"], station_type=r["station_type"],
                 longitude=float(r["longitude"]), latitude=float(r["latitude"]), district_code=r["district_code"])
            for r in rows if r.get("station_code")]


def _env_monitoring_fleet() -> list[dict] | None:
    try:  # the monitoring stand-in's default fleet, when it is installed alongside
        from simulators.env_monitoring.stations import build_fleet
        fleet = build_fleet(8, 10, 6)
    except Exception as exc:  # noqa: BLE001 - optional neighbour: any failure means "use our own ids"
        print(f"gis: env_monitoring fleet unavailable ({exc}); own station ids", file=sys.stderr)
        return None
    return [dict(station_code=s.code, station_name=s.name, station_type=s.station_type, longitude=s.site.longitude,
                 latitude=s.site.latitude, district_code=s.site.district_code) for s in fleet]


CAMERA_TYPES = {"traffic_flow": 0.45, "surveillance": 0.35, "speed": 0.12, "fire_alert": 0.08}
URBAN_DISTRICTS = ("718", "724", "725", "723", "721")


def traffic_cameras(rng, grid: Grid, locations: int = 205, cameras: int = 421) -> list[dict]:
    """421 cameras at 205 locations (the province's 2023 plan), mostly in the urban south."""
    urban = np.isin(grid.district, URBAN_DISTRICTS)
    cells = np.where(rng.random(locations) < 0.85, _cells_in(rng, grid, urban, locations),
                     _cells_in(rng, grid, ~urban, locations))
    points = _points(rng, grid, cells)
    per_location = 1 + rng.multinomial(cameras - locations, np.ones(locations) / locations)
    types = np.array(list(CAMERA_TYPES), dtype=object)
    features, n = [], 0
    for loc, (cell, point, k) in enumerate(zip(cells, points, per_location), start=1):
        for _ in range(k):
            n += 1
            kind = types[rng.choice(len(types), p=list(CAMERA_TYPES.values()))]
            installed = np.datetime64("2021-06-01") + rng.integers(0, 1200)
            features.append({"properties": dict(camera_code=f"CAM-{n:04d}", location_code=f"LOC-{loc:03d}",
                                                camera_type=kind, installed_on=str(installed), **_areas(grid, [cell])[0]),
                             "geometry": point})
    return features


SCHOOL_LEVELS = {"Mầm non": 0.58, "Tiểu học": 0.20, "THCS": 0.14, "THPT": 0.08}


def schools(rng, grid: Grid, n: int = 900) -> list[dict]:
    cells = _cells_in(rng, grid, np.ones(len(grid.lon), bool), n)
    levels = np.array(list(SCHOOL_LEVELS), dtype=object)[rng.choice(4, size=n, p=list(SCHOOL_LEVELS.values()))]
    public = rng.random(n) < np.where(levels == "Mầm non", 0.35, 0.9)
    place = {c.code: c.name_vi.split(" ", 1)[1] if not c.name_vi.startswith("Thị trấn") else c.name_vi[9:]
             for c in communes_pre2025()}
    taken: dict[str, int] = {}
    features = []
    for i, (cell, point, level, pub) in enumerate(zip(cells, _points(rng, grid, cells), levels, public), start=1):
        name = f"Trường {level} {place[grid.commune[cell]]}"
        taken[name] = taken.get(name, 0) + 1
        name += f" {taken[name]}" if taken[name] > 1 else ""
        props = dict(school_code=f"GIS-SCH-{i:04d}", school_name=name,
                     school_level=level, ownership="public" if pub else "private", **_areas(grid, [cell])[0])
        features.append({"properties": props, "geometry": point})
    return features


def health_facilities(rng, grid: Grid) -> list[dict]:
    try:  # the health department stand-in's facility list, when installed alongside
        from simulators.health.facilities import facilities
        listed = [(f.code, f.name, f.type_label, f.district, f.commune, f.beds_planned) for f in facilities()]
    except Exception as exc:  # noqa: BLE001 - optional neighbour
        print(f"gis: health facility list unavailable ({exc}); own facility ids", file=sys.stderr)
        listed = [(f"GIS-HF-{i:03d}", f"Trạm Y tế {c}", "Trạm Y tế", c[:3], None, 5)
                  for i, c in enumerate(sorted(set(grid.commune.tolist())), start=1)]
    features = []
    for code, name, kind, district, commune_2025, beds in listed:
        mask = (grid.new_unit == commune_2025) if commune_2025 in set(grid.new_unit.tolist()) else grid.district == district
        cell = _cells_in(rng, grid, mask, 1)
        props = dict(facility_code=code, facility_name=name, facility_type=kind, beds=beds, **_areas(grid, cell)[0])
        features.append({"properties": props, "geometry": _points(rng, grid, cell)[0]})
    return features


def industrial_parks(rng, grid: Grid) -> list[dict]:
    try:
        from simulators.industry_trade.parks import PARKS
        parks = [(code, name, district, commune, scale) for code, name, district, commune, scale, _ in PARKS]
    except Exception as exc:  # noqa: BLE001 - optional neighbour
        print(f"gis: industrial park list unavailable ({exc}); own park ids", file=sys.stderr)
        parks = [(f"GIS-KCN-{i:02d}", f"KCN {i:02d}", d, None, 1000) for i, d in enumerate(("725", "724", "721", "723"), 1)]
    used = np.zeros(len(grid.lon), dtype=bool)
    features = []
    for code, name, district, commune_2025, scale in parks:
        unit = (grid.new_unit == commune_2025) if commune_2025 else (grid.district == district)
        free = np.flatnonzero(unit & ~used)
        seed = free[rng.integers(len(free))]
        size = int(np.clip(scale / 120, 3, 30))  # cells of ~0.19 km2: 60 ha .. 570 ha
        nearest = free[np.argsort((grid.lon[free] - grid.lon[seed]) ** 2 + (grid.lat[free] - grid.lat[seed]) ** 2)[:size]]
        used[nearest] = True
        geometry = shapely.union_all(shapely.box(*grid.edges(nearest)))
        area_ha = round(float(grid.km2_per_cell()[nearest].sum() * 100), 1)
        props = dict(park_code=code, park_name=f"Khu công nghiệp {name}", area_ha=area_ha,
                     district_code=district, commune_code_2025=grid.new_unit[seed])
        features.append({"properties": props, "geometry": shapely.simplify(geometry, 0)})
    return features
