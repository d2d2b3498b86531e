"""A synthetic but consistent map: grid cells inside a province outline, assigned to units.

Every geography is a union of the same square cells, so units never overlap, the 2025 units
and the old communes nest exactly inside the old districts, and a point drawn inside a cell is
inside its unit in every geography. Districts are a weighted Voronoi partition sized to their
real areas; new units and old communes are compact clusters (a few Lloyd iterations).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from simulators.gis.areas import DISTRICTS, NEW_UNIT_COMPOSITION, communes_pre2025

CELL_DEG = 0.004                      # ~0.44 km: ~14,000 cells in the province
ORIGIN = (106.30, 10.84)
SHAPE = (170, 170)                    # columns, rows
OUTLINE = (                           # rough outline of Binh Duong, lon/lat
    (106.34, 11.30), (106.38, 11.40), (106.45, 11.47), (106.55, 11.50), (106.65, 11.47), (106.75, 11.50),
    (106.85, 11.45), (106.93, 11.38), (106.96, 11.25), (106.95, 11.12), (106.88, 11.02), (106.82, 10.95),
    (106.80, 10.88), (106.74, 10.865), (106.70, 10.88), (106.66, 10.92), (106.62, 10.98), (106.56, 11.05),
    (106.50, 11.12), (106.42, 11.17), (106.36, 11.22),
)
PROVINCE_POPULATION = 2_800_000
URBAN_CENTRES = ((106.66, 10.98, 0.05), (106.71, 10.92, 0.04), (106.77, 10.90, 0.035), (106.78, 11.05, 0.05),
                 (106.58, 11.13, 0.05))  # lon, lat, spread: population density peaks


@dataclass(frozen=True)
class Grid:
    col: np.ndarray          # cell column index, one element per cell inside the province
    row: np.ndarray
    lon: np.ndarray          # cell centre
    lat: np.ndarray
    district: np.ndarray     # district code per cell
    new_unit: np.ndarray     # BD25 code per cell
    commune: np.ndarray      # old commune code per cell
    population: np.ndarray   # synthetic residents per cell

    def edges(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        x0 = np.round(ORIGIN[0] + self.col[idx] * CELL_DEG, 6)
        y0 = np.round(ORIGIN[1] + self.row[idx] * CELL_DEG, 6)
        x1 = np.round(ORIGIN[0] + (self.col[idx] + 1) * CELL_DEG, 6)
        y1 = np.round(ORIGIN[1] + (self.row[idx] + 1) * CELL_DEG, 6)
        return x0, y0, x1, y1

    def km2_per_cell(self) -> np.ndarray:
        return (CELL_DEG * 111.32) ** 2 * np.cos(np.radians(self.lat))


def build_grid(rng: np.random.Generator) -> Grid:
    cols, rows = np.meshgrid(np.arange(SHAPE[0]), np.arange(SHAPE[1]), indexing="ij")
    cols, rows = cols.ravel(), rows.ravel()
    lon = ORIGIN[0] + (cols + 0.5) * CELL_DEG
    lat = ORIGIN[1] + (rows + 0.5) * CELL_DEG
    inside = shapely.contains_xy(shapely.Polygon(OUTLINE), lon, lat)
    cols, rows, lon, lat = cols[inside], rows[inside], lon[inside], lat[inside]
    xy = np.column_stack([lon, lat * 1.0])
    district = _districts(xy)
    new_unit = np.empty(len(xy), dtype=object)
    commune = np.empty(len(xy), dtype=object)
    for d in DISTRICTS:
        in_d = np.flatnonzero(district == d.code)
        units = [u for u, (dist, _) in NEW_UNIT_COMPOSITION.items() if dist == d.code]
        new_unit[in_d] = np.array(units, dtype=object)[_lloyd(rng, xy[in_d], len(units))]
        _communes_of_district(rng, xy, in_d, new_unit, commune, d.code)
    density = 40 + sum(4000 * np.exp(-((lon - x) ** 2 + (lat - y) ** 2) / (2 * s * s)) for x, y, s in URBAN_CENTRES)
    population = rng.poisson(density * PROVINCE_POPULATION / density.sum()).astype(np.int64)
    return Grid(cols, rows, lon, lat, district, new_unit, commune, population)


def _districts(xy: np.ndarray) -> np.ndarray:
    """Power diagram of the district centres, weights tuned until areas match the real shares."""
    seeds = np.array([d.centre for d in DISTRICTS])
    target = np.array([d.area_km2 for d in DISTRICTS])
    target = target / target.sum()
    weights = np.zeros(len(seeds))
    d2 = ((xy[:, None, :] - seeds[None, :, :]) ** 2).sum(axis=2)
    for _ in range(200):
        owner = np.argmin(d2 - weights, axis=1)
        share = np.bincount(owner, minlength=len(seeds)) / len(xy)
        weights += 0.002 * (target - share) / target.max()
    return np.array([d.code for d in DISTRICTS], dtype=object)[np.argmin(d2 - weights, axis=1)]


def _lloyd(rng: np.random.Generator, xy: np.ndarray, k: int, fixed: np.ndarray | None = None, iterations: int = 8) -> np.ndarray:
    """Cluster cells into k compact groups; returns the group index of each cell."""
    seeds = xy[rng.choice(len(xy), size=k, replace=False)].copy()
    if fixed is not None:
        seeds[: len(fixed)] = fixed
    for _ in range(iterations):
        owner = np.argmin(((xy[:, None, :] - seeds[None, :, :]) ** 2).sum(axis=2), axis=1)
        for j in range(len(fixed) if fixed is not None else 0, k):
            if np.any(owner == j):
                seeds[j] = xy[owner == j].mean(axis=0)
    owner = np.argmin(((xy[:, None, :] - seeds[None, :, :]) ** 2).sum(axis=2), axis=1)
    return owner


def _communes_of_district(rng, xy, in_d, new_unit, commune, district_code) -> None:
    """Split each new unit among its old communes; a split commune sits on the units' border."""
    compositions = {u: nums for u, (dist, nums) in NEW_UNIT_COMPOSITION.items() if dist == district_code}
    units_of: dict[int, list[str]] = {}
    for u, nums in compositions.items():
        for n in nums:
            units_of.setdefault(n, []).append(u)
    centroid = {u: xy[in_d][new_unit[in_d] == u].mean(axis=0) for u in compositions}
    for u, nums in compositions.items():
        cells = in_d[new_unit[in_d] == u]
        split = [n for n in nums if len(units_of[n]) > 1]
        whole = [n for n in nums if len(units_of[n]) == 1]
        anchors = []
        for n in split:  # the cell of this unit nearest to the other unit's centre
            other = next(o for o in units_of[n] if o != u)
            anchors.append(xy[cells][np.argmin(((xy[cells] - centroid[other]) ** 2).sum(axis=1))])
        order = split + whole
        k = min(len(order), len(cells))
        owner = _lloyd(rng, xy[cells], k, fixed=np.array(anchors[:k]) if anchors else None)
        commune[cells] = np.array([f"{district_code}-{n:02d}" for n in order[:k]], dtype=object)[owner]


def check_every_commune_has_cells(grid: Grid) -> list[str]:
    present = set(grid.commune.tolist())
    return [c.code for c in communes_pre2025() if c.code not in present]
