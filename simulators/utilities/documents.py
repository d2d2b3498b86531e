"""The two export formats: BIWASE's water report and PC Bình Dương's power report (JSON)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from simulators.common import areas
from simulators.utilities.model import PLANTS, SECTORS


def water_document(period: date, exported_at: datetime, units, f) -> dict:
    records = []
    for i, (code, name) in enumerate(units):
        district = code if code.isdigit() else areas.COMMUNE_DISTRICT[code]
        plant_code, plant_name = PLANTS[district]
        produced, billed = int(f["produced"][i]), int(f["billed"][i])
        records.append(dict(
            area_code=code, area_name=name, plant_code=plant_code, plant_name=plant_name, produced_m3=produced,
            billed_m3=billed, non_revenue_water_pct=round(100 * (produced - billed) / produced, 2),
            households_served=int(f["households_served"][i]), households_total=int(f["households_total"][i]),
            connections=int(f["connections"][i]),
        ))
    return dict(company="Công ty Cổ phần Nước - Môi trường Bình Dương (BIWASE)", report="water_supply_monthly",
                schema_version="1.3", period=f"{period:%Y-%m}", exported_at=exported_at.isoformat(), volume_unit="m3",
                records=records)


def power_document(period: date, exported_at: datetime, units, f) -> dict:
    records = []
    for i, (code, name) in enumerate(units):
        records.append(dict(
            area_code=code, area_name=name, customers=int(f["customers"][i]),
            outage_hours=round(float(f["outage_hours"][i]), 2), saidi_minutes=round(float(f["saidi"][i]), 2),
            saifi_interruptions=round(float(f["saifi"][i]), 3),
            consumption=[dict(sector=s, sector_name=vi, energy=round(float(f["energy"][i, j]), 3), unit="MWh")
                         for j, (s, vi) in enumerate(SECTORS)],
        ))
    return dict(company="Công ty Điện lực Bình Dương", report="power_monthly", schema_version="2.0",
                period=f"{period:%Y-%m}", exported_at=exported_at.isoformat(), areas=records)


def truth_of(kind: str, doc: dict) -> list[dict]:
    """What the connector must land from a (clean) document, in canonical units (m³, MWh)."""
    period = doc["period"]
    if kind == "water":
        return [dict(period=period, area_code=r["area_code"], produced_m3=r["produced_m3"], billed_m3=r["billed_m3"])
                for r in doc["records"]]
    if kind == "power_consumption":
        return [dict(period=period, area_code=a["area_code"], sector=c["sector"], energy_mwh=c["energy"])
                for a in doc["areas"] for c in a["consumption"]]
    return [dict(period=period, area_code=a["area_code"], customers=a["customers"], saidi_minutes=a["saidi_minutes"])
            for a in doc["areas"]]


def write_json(path: Path, doc: dict, *, bom: bool = False) -> None:
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    path.write_bytes(("\ufeff" + text).encode("utf-8") if bom else text.encode("utf-8"))
