"""Write the monthly JSON exports ``water_YYYY_MM.json`` and ``power_YYYY_MM.json``."""

from __future__ import annotations

import copy
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from simulators.common import areas
from simulators.utilities import faults
from simulators.utilities.documents import power_document, truth_of, water_document, write_json
from simulators.utilities.model import aggregate_to_districts, commune_profiles, month_figures

EXPORT_DAY = 5  # both companies export the previous month around the 5th
LOCAL = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")
REFERENCE_MONTH = date(2025, 1, 1)  # the model's levels are those of this month


@dataclass
class Generated:
    files: list[Path] = field(default_factory=list)
    water: dict[str, list[dict]] = field(default_factory=dict)               # file -> records that must land
    power_consumption: dict[str, list[dict]] = field(default_factory=dict)
    power_service: dict[str, list[dict]] = field(default_factory=dict)


def _month(first: date, k: int) -> date:
    y, m = divmod(first.year * 12 + first.month - 1 + k, 12)
    return date(y, m + 1, 1)


def latest_exported_month(today: date) -> date:
    back = 1 if today.day >= EXPORT_DAY else 2
    return _month(date(today.year, today.month, 1), -back)


def _by_area(profiles, figures: dict, period: date) -> tuple[list[tuple[str, str]], dict]:
    """Figures per reporting unit of the period: communes after the reform, districts before."""
    units = areas.areas_on(period)
    if areas.is_post_reform(period):
        return units, figures
    summed = {k: aggregate_to_districts(profiles, v) for k, v in figures.items() if k not in ("saidi", "saifi")}
    weights = figures["customers"]
    for k in ("saidi", "saifi"):
        summed[k] = aggregate_to_districts(profiles, figures[k] * weights) / summed["customers"]
    return units, summed


def generate(out: Path, *, seed: int = 42, fault_mode: str = "default", months: int = 28,
             end_month: date | None = None) -> Generated:
    end_month = end_month or latest_exported_month(date.today())
    first = _month(end_month, -(months - 1))
    profiles = commune_profiles(np.random.default_rng([seed, 0]))
    out.mkdir(parents=True, exist_ok=True)
    result = Generated()
    for k in range(months):
        period = _month(first, k)
        exported = datetime.combine(_month(period, 1), datetime.min.time()).replace(day=EXPORT_DAY, hour=7, tzinfo=LOCAL)
        # one generator per calendar month: a longer or later run never changes a month already written
        rng = np.random.default_rng([seed, period.year, period.month])
        t = (period.year - REFERENCE_MONTH.year) * 12 + period.month - REFERENCE_MONTH.month
        units, f = _by_area(profiles, month_figures(rng, profiles, t, period.month), period)
        water = water_document(period, exported + timedelta(minutes=int(rng.integers(0, 600))), units, f)
        power = power_document(period, exported + timedelta(hours=26, minutes=int(rng.integers(0, 600))), units, f)
        truths = {"water": truth_of("water", water), "power_consumption": truth_of("power_consumption", power),
                  "power_service": truth_of("power_service", power)}
        clean_water = copy.deepcopy(water)
        if fault_mode != "none":
            faults.apply(period, water, power, truths, rng)
        for name, doc, kind in ((f"water_{period:%Y_%m}.json", water, "water"), (f"power_{period:%Y_%m}.json", power, "power")):
            write_json(out / name, doc, bom=fault_mode != "none" and kind == "water" and faults.slot(period) == faults.BOM_SLOT)
            result.files.append(out / name)
        result.water[f"water_{period:%Y_%m}.json"] = truths["water"]
        result.power_consumption[f"power_{period:%Y_%m}.json"] = truths["power_consumption"]
        result.power_service[f"power_{period:%Y_%m}.json"] = truths["power_service"]
        if fault_mode != "none":
            for path, kind, truth in faults.extra_files(out, period, end_month, clean_water, power, rng):
                result.files.append(path)
                if truth is not None:
                    getattr(result, kind)[path.name] = truth
        if k % 12 == 11 or k == months - 1:
            print(f"  utilities: {k + 1}/{months} months written (up to {period:%m/%Y})", file=sys.stderr)
    return result
