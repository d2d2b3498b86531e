"""Faults of the utilities' monthly exports, tied to calendar months.

The truth lists are kept honest: a figure only *written* differently (renamed key, kWh instead
of MWh, a byte-order mark) keeps its truth; a wrong or incomplete record loses it.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from simulators.utilities.documents import truth_of, write_json

# Faults are tied to calendar months (month number modulo a cycle), so a later run leaves
# earlier files byte-identical and any 9 consecutive months show every fault.
CYCLE = 9
PARTIAL_SLOT, BOM_SLOT, EMPTY_SLOT, IMPOSSIBLE_SLOT, COPY_SLOT, KWH_SLOT, LATE_SLOT, DUP_RECORD_SLOT = range(8)
WATER_SCHEMA_1_4_FROM = date(2025, 3, 1)   # BIWASE renamed billed_m3 and added smart_meters
POWER_SCHEMA_2_1_FROM = date(2025, 6, 1)   # PC Bình Dương renamed customers and added rooftop solar
LATE_AFTER_MONTHS = 4                      # the correction of a closed month arrives this much later


def slot(period: date) -> int:
    return (period.year * 12 + period.month - 1) % CYCLE


def water_schema_1_4(doc: dict, rng) -> None:
    doc["schema_version"] = "1.4"
    for r in doc["records"]:
        r["revenue_water_m3"] = r.pop("billed_m3")
        r["smart_meters"] = int(r["connections"] * float(rng.uniform(0.05, 0.3)))


def power_schema_2_1(doc: dict, rng) -> None:
    doc["schema_version"] = "2.1"
    for a in doc["areas"]:
        a["customer_count"] = a.pop("customers")
        a["rooftop_solar_kwp"] = round(float(rng.uniform(500, 20_000)), 1)


def _drop(truth: list[dict], **match) -> list[dict]:
    return [t for t in truth if any(t.get(k) != v for k, v in match.items())]


def apply(period: date, water: dict, power: dict, truths: dict, rng) -> None:
    if slot(period) == IMPOSSIBLE_SLOT:
        w0, w1 = water["records"][0], water["records"][1]
        w0["billed_m3"] = w0["produced_m3"] + 5_000                  # billed more than produced
        del w1["produced_m3"]                                        # a field missing
        truths["water"] = _drop(_drop(truths["water"], area_code=w0["area_code"]), area_code=w1["area_code"])
        area = power["areas"][2]
        area["consumption"][0]["energy"] = -abs(area["consumption"][0]["energy"])   # negative energy
        truths["power_consumption"] = _drop(truths["power_consumption"], area_code=area["area_code"],
                                            sector=area["consumption"][0]["sector"])
        power["areas"][3]["saidi_minutes"] = -12.5                  # negative outage duration
        truths["power_service"] = _drop(truths["power_service"], area_code=power["areas"][3]["area_code"])
    if slot(period) == KWH_SLOT:
        for a in power["areas"]:
            for c in a["consumption"]:
                c["energy"], c["unit"] = round(c["energy"] * 1000), "kWh"
    if slot(period) == DUP_RECORD_SLOT:
        power["areas"].append(copy.deepcopy(power["areas"][1]))     # an area exported twice
    if period >= WATER_SCHEMA_1_4_FROM:
        water_schema_1_4(water, rng)
    if period >= POWER_SCHEMA_2_1_FROM:
        power_schema_2_1(power, rng)


def extra_files(out: Path, period: date, end_month: date, clean_water: dict, power: dict, rng):
    """Files beside the month's two exports: (path, dataset the truth is for, truth or None)."""
    stem = f"{period:%Y_%m}"
    if slot(period) == EMPTY_SLOT:
        path = out / f"power_{stem}_bo_sung.json"
        path.write_bytes(b"")
        yield path, "power_consumption", None
    if slot(period) == COPY_SLOT:
        path = out / f"water_{stem} - Copy.json"
        path.write_bytes((out / f"water_{stem}.json").read_bytes())
        yield path, "water", None
    if slot(period) == PARTIAL_SLOT:
        path = out / f"power_{stem}_partial.json"
        path.write_bytes(json.dumps(power, ensure_ascii=False).encode("utf-8")[:400])   # upload cut short
        yield path, "power_consumption", None
    y, m = divmod(period.year * 12 + period.month - 1 + LATE_AFTER_MONTHS, 12)
    if slot(period) == LATE_SLOT and date(y, m + 1, 1) <= end_month:
        yield _late_correction(out, period, date(y, m + 1, 20), clean_water, rng)


def _late_correction(out: Path, period: date, exported_on: date, doc: dict, rng):
    """BIWASE re-exports a closed month months later with corrected billing."""
    doc = copy.deepcopy(doc)
    doc["exported_at"] = datetime.combine(exported_on, time(14, 30), tzinfo=timezone(timedelta(hours=7))).isoformat()
    for r in doc["records"]:
        r["billed_m3"] = min(r["produced_m3"], int(r["billed_m3"] * float(rng.uniform(1.0, 1.02))))
        r["non_revenue_water_pct"] = round(100 * (r["produced_m3"] - r["billed_m3"]) / r["produced_m3"], 2)
    truth = truth_of("water", doc)
    if exported_on >= WATER_SCHEMA_1_4_FROM:
        water_schema_1_4(doc, rng)
    path = out / f"water_{period:%Y_%m}_dieu_chinh.json"
    write_json(path, doc)
    return path, "water", truth
