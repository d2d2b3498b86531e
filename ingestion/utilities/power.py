"""PC Bình Dương's monthly export -> datasets ``power_consumption`` (area x sector) and
``power_service`` (area: customers, outages, SAIDI/SAIFI)."""

from __future__ import annotations

import calendar

import pyarrow as pa

from ingestion.utilities.export_file import Envelope
from ingestion.utilities.fields import Field
from ingestion.utilities.records import ENVELOPE_COLUMNS, DatasetRules

ENERGY_UNITS = {"kwh": 1e-3, "mwh": 1.0, "gwh": 1e3}     # to MWh
SECTORS = frozenset({"industry_construction", "agriculture", "commerce_services", "households", "other"})
_AREA_KEYS = ("areas", "records", "data")

CONSUMPTION_FIELDS = (
    Field("area_code", kind="text"),
    Field("area_name", kind="text", required=False),
    Field("sector", ("sector_code",), kind="text"),
    Field("sector_name", ("sector_name_vi",), kind="text", required=False),
    Field("energy", ("consumption", "value", "dien_nang")),
    Field("unit", ("energy_unit",), kind="text", required=False),
)
SERVICE_FIELDS = (
    Field("area_code", kind="text"),
    Field("area_name", kind="text", required=False),
    Field("customers", ("customer_count", "so_khach_hang"), kind="count"),     # renamed in schema 2.1
    Field("outage_hours", ("interruption_hours",), required=False),
    Field("saidi_minutes", ("saidi",), required=False),
    Field("saifi_interruptions", ("saifi",), required=False),
)

CONSUMPTION_SCHEMA = pa.schema([
    ("area_code", pa.string()), ("area_name", pa.string()), ("sector", pa.string()), ("sector_name", pa.string()),
    ("energy_mwh", pa.float64()), ("energy", pa.float64()), ("unit", pa.string()),   # as exported, and in MWh
    *ENVELOPE_COLUMNS,
])
SERVICE_SCHEMA = pa.schema([
    ("area_code", pa.string()), ("area_name", pa.string()), ("customers", pa.int64()), ("outage_hours", pa.float64()),
    ("saidi_minutes", pa.float64()), ("saifi_interruptions", pa.float64()),
    *ENVELOPE_COLUMNS,
])


def consumption_items(env: Envelope) -> list:
    """Each area's sector lines, carrying the area they belong to."""
    items = []
    for area in env.records:
        lines = area.get("consumption") if isinstance(area, dict) else None
        if not isinstance(lines, list):
            code = area.get("area_code") if isinstance(area, dict) else None
            items.append({"area_code": code, "_problem": "area without a consumption list"})
            continue
        for line in lines:
            parent = {"area_code": area.get("area_code"), "area_name": area.get("area_name")}
            items.append({**parent, **line} if isinstance(line, dict) else {**parent, "_value": line})
    return items


def check_consumption(v: dict, env: Envelope) -> str | None:
    if v["sector"] not in SECTORS:
        return f"unknown sector {v['sector']!r} (known: {', '.join(sorted(SECTORS))})"
    unit = v["unit"] or env.document.get("energy_unit") or "MWh"
    factor = ENERGY_UNITS.get(str(unit).strip().lower())
    if factor is None:
        return f"unknown energy unit {unit!r} (known: kWh, MWh, GWh)"
    if v["energy"] < 0:
        return f"impossible energy {v['energy']:g} {unit}: negative"
    v["unit"], v["energy_mwh"] = unit, round(v["energy"] * factor, 6)
    return None


def check_service(v: dict, env: Envelope) -> str | None:
    hours = calendar.monthrange(env.period.year, env.period.month)[1] * 24
    for name, high in (("outage_hours", hours), ("saidi_minutes", hours * 60), ("saifi_interruptions", 1000.0)):
        x = v[name]
        if x is not None and not 0.0 <= x <= high:
            return f"impossible {name} {x:g}: outside 0-{high:g} for {env.period:%Y-%m}"
    if v["customers"] < 0:
        return f"impossible customers {v['customers']}: negative"
    return None


CONSUMPTION_RULES = DatasetRules(record_keys=_AREA_KEYS, fields=CONSUMPTION_FIELDS, key=("area_code", "sector"),
                                 schema=CONSUMPTION_SCHEMA, explode=consumption_items, check=check_consumption)
SERVICE_RULES = DatasetRules(record_keys=_AREA_KEYS, fields=SERVICE_FIELDS, key=("area_code",), schema=SERVICE_SCHEMA,
                             check=check_service)
