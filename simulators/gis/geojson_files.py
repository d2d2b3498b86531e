"""Writing layers the way the GIS department publishes them (QGIS-style GeoJSON, CSV)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import shapely

CRS84 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}


def geojson_text(layer: str, features: list[dict]) -> str:
    geometries = shapely.to_geojson([f["geometry"] for f in features]) if features else []
    parts = [
        '{"type":"Feature","properties":' + json.dumps(f["properties"], ensure_ascii=False)
        + ',"geometry":' + (g if f["geometry"] is not None else "null") + "}"
        for f, g in zip(features, geometries)
    ]
    header = json.dumps({"type": "FeatureCollection", "name": layer, "crs": CRS84}, ensure_ascii=False)[:-1]
    return header + ',"features":[\n' + ",\n".join(parts) + "\n]}\n"


def csv_text(columns, rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def write(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding) if encoding != "cp1258-vn" else _cp1258(text))


def _cp1258(text: str) -> bytes:
    from ingestion.common.csv_encoding import encode_cp1258  # how Vietnamese Windows writes it

    return encode_cp1258(text)
