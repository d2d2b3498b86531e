"""Decode and parse one GeoJSON file into its features; a file that cannot be read is rejected whole."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ingestion.common.csv_encoding import UndecodableFileError, detect_and_decode
from ingestion.common.csv_files import FileRejectedError

WGS84_NAMES = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326",
               "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:4326"}


@dataclass(frozen=True)
class GeoJsonFile:
    features: list            # as parsed, one element per feature (may be malformed)
    crs: str | None           # declared CRS name when not WGS84 lon/lat, else None
    encoding: str             # utf-8 | utf-8-sig | cp1258 | tcvn3 | ascii
    head: str                 # first characters, for quarantine when rejected


def read_geojson(raw: bytes) -> GeoJsonFile:
    """Raises FileRejectedError with a reason the department can act on."""
    try:
        decoded = detect_and_decode(raw)
    except UndecodableFileError as exc:
        raise FileRejectedError(str(exc)) from None
    try:
        doc = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise FileRejectedError(f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}): "
                                f"truncated upload? re-export the layer") from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise FileRejectedError("not a GeoJSON FeatureCollection (expected {\"type\": \"FeatureCollection\", \"features\": [...]})")
    crs = ((doc.get("crs") or {}).get("properties") or {}).get("name")
    return GeoJsonFile(doc["features"], None if crs in (None, *WGS84_NAMES) else crs, decoded.encoding, decoded.text[:2000])
