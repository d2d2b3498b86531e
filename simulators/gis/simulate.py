"""Publish the GIS department's layers into a folder, deterministically by seed.

Files (all under ``out``):
    admin_province.geojson, admin_districts_2024.geojson, admin_communes_2024.geojson,
    admin_communes_2025.geojson            administrative units (pre-2025 and from 2025-07-01)
    area_bridge_2025.csv                   old commune -> new unit, area and population weights
    monitoring_stations.geojson, traffic_cameras.geojson, schools.geojson,
    health_facilities.geojson              points
    industrial_parks.geojson               park boundaries
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulators.gis import faults as f
from simulators.gis import point_layers as points
from simulators.gis.admin_layers import BRIDGE_COLUMNS, admin_layers, bridge_rows
from simulators.gis.geojson_files import csv_text, geojson_text, write
from simulators.gis.partition import build_grid


@dataclass(frozen=True)
class Summary:
    out: Path
    files: dict[str, int]   # file name -> features / rows
    seconds: float


def simulate(out: Path, *, seed: int = 42, faults: bool = True, schools: int = 900) -> Summary:
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    grid = build_grid(rng)
    print(f"gis: {len(grid.lon)} grid cells partitioned", file=sys.stderr)
    layers = admin_layers(grid)
    layers["monitoring_stations"] = points.monitoring_stations(rng, grid)
    layers["traffic_cameras"] = points.traffic_cameras(rng, grid)
    layers["schools"] = points.schools(rng, grid, schools)
    layers["health_facilities"] = points.health_facilities(rng, grid)
    layers["industrial_parks"] = points.industrial_parks(rng, grid)
    encodings = {name: "utf-8" for name in layers}
    bridge_encoding = "utf-8"
    if faults:
        f.bow_tie_park(layers["industrial_parks"])
        f.swapped_coordinates(layers["traffic_cameras"], index=0)
        f.missing_property(layers["traffic_cameras"], "camera_code", index=1)
        f.missing_geometry(layers["traffic_cameras"], index=2)
        f.renamed_property(layers["schools"], "school_code", "ma_truong")
        encodings["health_facilities"] = "cp1258-vn"
        bridge_encoding = "utf-8-sig"
    for name, features in layers.items():
        write(out / f"{name}.geojson", geojson_text(name, features), encodings[name])
    rows = bridge_rows(grid)
    write(out / "area_bridge_2025.csv", csv_text(BRIDGE_COLUMNS, rows), bridge_encoding)
    if faults:
        f.resent_copy(out / "schools.geojson", "schools (1).geojson")
        f.empty_file(out, "monitoring_stations_update.geojson")
    _published_an_hour_ago(out)
    files = {f"{name}.geojson": len(features) for name, features in layers.items()}
    files["area_bridge_2025.csv"] = len(rows)
    return Summary(out, files, time.perf_counter() - started)


def _published_an_hour_ago(out: Path) -> None:
    """Connectors leave files younger than a minute alone (they may still be copying): these are done."""
    then = time.time() - 3600
    in_write_order = sorted(out.iterdir(), key=lambda p: (p.stat().st_mtime_ns, p.name))
    for rank, path in enumerate(in_write_order):  # keep the order: a re-sent copy stays the later file
        os.utime(path, (then + rank, then + rank))
