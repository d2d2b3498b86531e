"""Administrative-unit layers and the weighted 2025 bridge, cut from the shared grid."""

from __future__ import annotations

import numpy as np
import shapely

from simulators.gis.areas import (
    DISTRICTS, NEW_UNIT_NAMES, PROVINCE_CODE, PROVINCE_NAME, REFORM_DATE, communes_pre2025,
)
from simulators.gis.partition import Grid

PRE = dict(geography="pre_2025", valid_from="1997-01-01", valid_to="2025-06-30")
POST = dict(geography="post_2025", valid_from=REFORM_DATE, valid_to=None)


def unit_geometry(grid: Grid, mask: np.ndarray) -> shapely.Geometry:
    boxes = shapely.box(*grid.edges(np.flatnonzero(mask)))
    return shapely.simplify(shapely.union_all(boxes), 0)  # drop vertices in the middle of straight edges


def _feature(grid: Grid, mask: np.ndarray, **properties) -> dict:
    properties["area_km2"] = round(float(grid.km2_per_cell()[mask].sum()), 2)
    properties["population"] = int(grid.population[mask].sum())
    return {"properties": properties, "geometry": unit_geometry(grid, mask)}


def admin_layers(grid: Grid) -> dict[str, list[dict]]:
    """Layer name -> features (properties + shapely geometry)."""
    everything = np.ones(len(grid.lon), dtype=bool)
    province = [
        _feature(grid, everything, area_code=PROVINCE_CODE, name_vi=PROVINCE_NAME, area_level="province",
                 parent_code=None, official_code=PROVINCE_CODE, **PRE),
        _feature(grid, everything, area_code="BD", name_vi="Khu vực Bình Dương cũ (TP. Hồ Chí Minh)",
                 area_level="province", parent_code=None, official_code=None, **POST),
    ]
    districts = [
        _feature(grid, grid.district == d.code, area_code=d.code, name_vi=d.name_vi, area_level="district",
                 parent_code=PROVINCE_CODE, official_code=d.code, **PRE)
        for d in DISTRICTS
    ]
    communes = [
        _feature(grid, grid.commune == c.code, area_code=c.code, name_vi=c.name_vi, area_level="commune",
                 parent_code=c.district_code, official_code=None, **PRE)
        for c in communes_pre2025()
    ]
    new_units = [
        _feature(grid, grid.new_unit == code, area_code=code, name_vi=name, area_level="commune",
                 parent_code="BD", official_code=None, **POST)
        for code, name in NEW_UNIT_NAMES.items()
    ]
    return {"admin_province": province, "admin_districts_2024": districts,
            "admin_communes_2024": communes, "admin_communes_2025": new_units}


BRIDGE_COLUMNS = ("old_commune_code", "old_commune_name", "old_district_code", "new_area_code", "new_area_name",
                  "intersection_km2", "area_weight", "population_weight")


def bridge_rows(grid: Grid) -> list[tuple]:
    """Each old commune's share (by area and by residents) that went into each new unit."""
    names = {c.code: c for c in communes_pre2025()}
    km2 = grid.km2_per_cell()
    rows = []
    for old in sorted(names):
        in_old = grid.commune == old
        old_km2, old_pop = km2[in_old].sum(), max(int(grid.population[in_old].sum()), 1)
        for new in sorted(set(grid.new_unit[in_old].tolist())):
            part = in_old & (grid.new_unit == new)
            rows.append((old, names[old].name_vi, names[old].district_code, new, NEW_UNIT_NAMES[new],
                         round(float(km2[part].sum()), 3), round(float(km2[part].sum() / old_km2), 6),
                         round(float(grid.population[part].sum() / old_pop), 6)))
    return rows
