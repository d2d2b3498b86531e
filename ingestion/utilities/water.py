"""BIWASE's monthly water-supply export -> dataset ``water_supply`` (one row per area and plant)."""

from __future__ import annotations

import pyarrow as pa

from ingestion.utilities.export_file import Envelope
from ingestion.utilities.fields import Field
from ingestion.utilities.records import ENVELOPE_COLUMNS, DatasetRules

VOLUME_UNITS = {"m3": 1.0, "m³": 1.0, "1000 m3": 1e3, "1000m3": 1e3, "nghin m3": 1e3, "thousand_m3": 1e3}

FIELDS = (
    Field("area_code", kind="text"),
    Field("area_name", kind="text", required=False),
    Field("plant_code", kind="text", required=False),
    Field("plant_name", kind="text", required=False),
    Field("produced_m3", ("water_produced_m3", "production_m3", "san_luong_san_xuat_m3")),
    Field("billed_m3", ("revenue_water_m3", "billed_volume_m3", "san_luong_ghi_thu_m3")),   # renamed in schema 1.4
    Field("non_revenue_water_pct", ("nrw_pct", "ty_le_that_thoat_pct"), required=False),
    Field("households_served", ("served_households",), kind="count"),
    Field("households_total", ("total_households",), kind="count"),
    Field("connections", ("service_connections", "so_dau_noi"), kind="count", required=False),
    Field("unit", ("volume_unit",), kind="text", required=False),
)

SCHEMA = pa.schema([
    ("area_code", pa.string()), ("area_name", pa.string()), ("plant_code", pa.string()), ("plant_name", pa.string()),
    ("produced_m3", pa.float64()), ("billed_m3", pa.float64()), ("non_revenue_water_pct", pa.float64()),
    ("households_served", pa.int64()), ("households_total", pa.int64()), ("connections", pa.int64()),
    ("unit", pa.string()),                # the volume unit as exported (values are converted to m³)
    *ENVELOPE_COLUMNS,
])


def check(v: dict, env: Envelope) -> str | None:
    unit = v["unit"] or env.document.get("volume_unit") or "m3"
    factor = VOLUME_UNITS.get(str(unit).strip().lower())
    if factor is None:
        return f"unknown volume unit {unit!r} (known: {', '.join(VOLUME_UNITS)})"
    v["unit"] = unit
    v["produced_m3"], v["billed_m3"] = v["produced_m3"] * factor, v["billed_m3"] * factor
    for name in ("produced_m3", "billed_m3", "households_served", "households_total", "connections"):
        if v[name] is not None and v[name] < 0:
            return f"impossible {name} {v[name]:g}: negative"
    if v["billed_m3"] > v["produced_m3"]:
        return f"impossible: billed {v['billed_m3']:.0f} m³ > produced {v['produced_m3']:.0f} m³"
    if v["households_served"] > v["households_total"]:
        return f"impossible: {v['households_served']} households served > {v['households_total']} households"
    nrw = v["non_revenue_water_pct"]
    if nrw is not None and not 0.0 <= nrw <= 100.0:
        return f"impossible non_revenue_water_pct {nrw:g}: outside 0-100"
    return None


RULES = DatasetRules(record_keys=("records", "data", "du_lieu", "items"), fields=FIELDS,
                     key=("area_code", "plant_code"), schema=SCHEMA, check=check)
