"""Deterministic monthly figures of the Department of Health: facility activity and notifiable diseases."""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from pathlib import Path

import numpy as np

from simulators.csv_drop.areas import TET_DIP, area_of, areas, period_rng, seasonal, REFORM_DATE
from simulators.csv_drop.cli import end_instant
from simulators.csv_drop.dataset import periods_delivered_by
from simulators.csv_drop.drop import Simulation, write_drop
from simulators.health.datasets import DISEASE_CASES, FACILITY_REPORTS
from simulators.health.facilities import CENTRE, PRIVATE, PROVINCIAL, STATION, facilities

# type label -> (bed use factor range, occupancy mean/sd %, length of stay days, visits per bed)
_PROFILE = {
    PROVINCIAL: ((1.05, 1.35), (108.0, 9.0), 6.5, 32.0),
    CENTRE: ((1.0, 1.2), (88.0, 9.0), 5.0, 70.0),
    PRIVATE: ((0.75, 1.0), (68.0, 10.0), 3.5, 90.0),
    STATION: ((1.0, 1.0), (22.0, 8.0), 2.5, 300.0),
}
# disease -> (label, mean monthly provincial cases, 12 seasonal multipliers, case fatality)
DISEASES = {
    "dengue": ("Sốt xuất huyết Dengue", 420.0, (0.5, 0.3, 0.25, 0.3, 0.6, 1.1, 1.6, 1.9, 2.0, 1.8, 1.2, 0.8), 3e-4),
    "hand_foot_mouth": ("Tay chân miệng", 260.0, (0.6, 0.5, 0.9, 1.4, 1.5, 1.0, 0.8, 0.9, 1.3, 1.5, 1.2, 0.8), 0.0),
    "measles": ("Sởi", 6.0, (1.0,) * 12, 1e-3),
    "covid19": ("COVID-19", 35.0, (1.0,) * 12, 2e-3),
    "chickenpox": ("Thủy đậu", 90.0, (1.4, 1.6, 1.7, 1.5, 1.1, 0.8, 0.6, 0.5, 0.6, 0.7, 0.8, 1.0), 0.0),
}
MEASLES_OUTBREAK = (date(2024, 8, 1), date(2025, 5, 1))  # the 2024-25 southern outbreak, ~25x baseline


def generate(out: Path, *, seed: int = 42, faults: str = "default", months: int = 30, end: date) -> Simulation:
    periods = periods_delivered_by(end, months, "month")
    return write_drop(
        out,
        [(FACILITY_REPORTS, periods, lambda p: facility_values(seed, p)),
         (DISEASE_CASES, periods, lambda p: disease_values(seed, p))],
        np.random.default_rng([seed, 0]),
        with_faults=faults == "default",
        end=end_instant(end),
    )


def facility_values(seed: int, period: date) -> dict[str, np.ndarray]:
    rng = period_rng(seed, 1, period)
    found = facilities()
    n = len(found)
    types = [f.type_label for f in found]
    planned = np.array([f.beds_planned for f in found], dtype=float)
    if period >= date(2025, 1, 1):  # the provincial general hospital's new wing
        planned[0] += 200
    use_low = np.array([_PROFILE[t][0][0] for t in types])
    use_high = np.array([_PROFILE[t][0][1] for t in types])
    actual = np.round(planned * rng.uniform(use_low, use_high))
    occupancy = rng.normal([_PROFILE[t][1][0] for t in types], [_PROFILE[t][1][1] for t in types])
    occupancy = np.clip(occupancy * seasonal(period, TET_DIP), 3.0, 160.0)
    days = monthrange(period.year, period.month)[1]
    stay = np.array([_PROFILE[t][2] for t in types])
    inpatients = np.round(actual * occupancy / 100 * days / stay * rng.uniform(0.9, 1.1, n))
    visits_per_bed = np.array([_PROFILE[t][3] for t in types])
    outpatients = np.round(planned * visits_per_bed * seasonal(period, TET_DIP) * rng.uniform(0.85, 1.15, n))
    immunising = np.array([t in (STATION, CENTRE) for t in types])
    coverage = np.where(immunising, np.clip(rng.normal(96.5, 1.6, n), 85.0, 99.9), np.nan)
    return {
        "facility_code": np.array([f.code for f in found], dtype=object),
        "facility_name": np.array([f.name for f in found], dtype=object),
        "facility_type": np.array(types, dtype=object),
        "area_code": np.array([_facility_area(f, period) for f in found], dtype=object),
        "beds_planned": planned,
        "beds_actual": actual,
        "bed_occupancy_pct": np.round(occupancy, 1),
        "outpatient_visits": outpatients,
        "inpatient_admissions": inpatients,
        "vaccination_coverage_pct": np.round(coverage, 1),
    }


def _facility_area(facility, period: date) -> str:
    if facility.type_label == STATION and period >= REFORM_DATE:
        return facility.commune
    return area_of(facility.district, period)


def disease_values(seed: int, period: date) -> dict[str, np.ndarray]:
    rng = period_rng(seed, 2, period)
    codes, names, weights = areas(period)
    rows = {"area_code": [], "area_name": [], "disease": [], "cases": [], "deaths": []}
    for disease, (label, mean, profile, fatality) in DISEASES.items():
        provincial = mean * seasonal(period, profile)
        if disease == "measles" and MEASLES_OUTBREAK[0] <= period < MEASLES_OUTBREAK[1]:
            provincial *= 25
        cases = rng.poisson(provincial * weights * rng.lognormal(0, 0.25, len(codes)))
        rows["area_code"] += codes
        rows["area_name"] += names
        rows["disease"] += [label] * len(codes)
        rows["cases"].append(cases)
        rows["deaths"].append(rng.binomial(cases, fatality))
    return {
        "area_code": np.array(rows["area_code"], dtype=object),
        "area_name": np.array(rows["area_name"], dtype=object),
        "disease": np.array(rows["disease"], dtype=object),
        "cases": np.concatenate(rows["cases"]).astype(float),
        "deaths": np.concatenate(rows["deaths"]).astype(float),
    }
