"""Geometry of each feature -> WKT + a representative lon/lat, or a reason it cannot be used.

Checked in bulk with shapely (GEOS): present, readable, of the layer's kind, valid (OGC rules:
no self-intersection, closed rings...), and inside the province's extent — a point outside it
with its coordinates swapped inside is reported as such.
"""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa
import shapely

# lon/lat window around Binh Duong, with a margin: anything outside is not in the province
EXTENT = (106.2, 10.7, 107.1, 11.7)


def _inside(bounds: np.ndarray) -> np.ndarray:
    return (bounds[:, 0] >= EXTENT[0]) & (bounds[:, 1] >= EXTENT[1]) & (bounds[:, 2] <= EXTENT[2]) & (bounds[:, 3] <= EXTENT[3])


def check_geometries(raw: list, allowed: tuple[str, ...], crs: str | None) -> tuple[pa.Table, list[list[str]]]:
    n = len(raw)
    reasons: list[list[str]] = [[] for _ in range(n)]
    text = np.array([json.dumps(g) if isinstance(g, dict) else None for g in raw], dtype=object)
    geoms = np.full(n, None, dtype=object)
    present = np.flatnonzero(text != None)  # noqa: E711 - elementwise comparison on an object array
    if len(present):
        geoms[present] = shapely.from_geojson(text[present], on_invalid="ignore")
    kinds = shapely.get_type_id(geoms)
    names = np.array(["Point", "LineString", "LinearRing", "Polygon", "MultiPoint", "MultiLineString",
                      "MultiPolygon", "GeometryCollection"], dtype=object)
    valid = shapely.is_valid(geoms)
    why = shapely.is_valid_reason(geoms)
    bounds = shapely.bounds(geoms)
    inside = _inside(np.nan_to_num(bounds, nan=-1))
    swapped_inside = _inside(np.nan_to_num(bounds[:, [1, 0, 3, 2]], nan=-1))
    for i in range(n):
        if text[i] is None:
            reasons[i].append("missing geometry")
        elif geoms[i] is None:
            reasons[i].append("unreadable geometry (not valid GeoJSON coordinates)")
        elif names[kinds[i]] not in allowed:
            reasons[i].append(f"geometry is a {names[kinds[i]]}, expected {' or '.join(allowed)}")
        elif shapely.is_empty(geoms[i]):
            reasons[i].append("empty geometry")
        elif not valid[i]:
            reasons[i].append(f"invalid geometry: {why[i]}")
        elif crs is not None:
            reasons[i].append(f"coordinates in {crs}, expected WGS84 lon/lat (CRS84/EPSG:4326): re-export the layer")
        elif not inside[i]:
            hint = " (longitude and latitude swapped?)" if swapped_inside[i] else ""
            reasons[i].append(f"outside the province's extent lon {EXTENT[0]}..{EXTENT[2]}, lat {EXTENT[1]}..{EXTENT[3]}{hint}")
    usable = np.array([not r for r in reasons])
    anchor = np.full(n, None, dtype=object)
    anchor[usable] = shapely.point_on_surface(geoms[usable])
    table = pa.table({
        "geometry_type": pa.array([names[k] if g is not None else None for k, g in zip(kinds, geoms)], pa.string()),
        "geometry_wkt": pa.array(shapely.to_wkt(np.where(usable, geoms, None), rounding_precision=7), pa.string()),
        "longitude": pa.array(shapely.get_x(anchor), pa.float64(), from_pandas=True),
        "latitude": pa.array(shapely.get_y(anchor), pa.float64(), from_pandas=True),
    })
    return table, reasons
