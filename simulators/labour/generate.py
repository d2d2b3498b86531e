"""Deterministic monthly labour-market and social-insurance figures by area."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from simulators.csv_drop.areas import areas, period_rng, seasonal
from simulators.csv_drop.cli import end_instant
from simulators.csv_drop.dataset import periods_delivered_by
from simulators.csv_drop.drop import Simulation, write_drop
from simulators.labour.datasets import EMPLOYMENT, SOCIAL_INSURANCE

EMPLOYED_2024 = 1_950_000
SECTORS = {  # label, share of employment, share of new jobs, trained share %
    "agriculture": ("Nông, lâm nghiệp và thủy sản", 0.04, 0.02, 62.0),
    "industry_construction": ("Công nghiệp - Xây dựng", 0.62, 0.66, 84.0),
    "services": ("Dịch vụ", 0.34, 0.32, 88.0),
}
NEW_JOBS_MONTHLY = 9_000
HIRING_SEASON = (0.6, 2.1, 1.6, 1.1, 0.9, 0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 0.7)  # post-Tet hiring wave
CLAIMS_SEASON = (1.5, 0.9, 1.2, 1.0, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.0, 1.1)
SI_COMPULSORY_2024 = 1_150_000
SI_VOLUNTARY_2024 = 62_000


def generate(out: Path, *, seed: int = 42, faults: str = "default", months: int = 30, end: date) -> Simulation:
    periods = periods_delivered_by(end, months, "month")
    return write_drop(
        out,
        [(EMPLOYMENT, periods, lambda p: employment_values(seed, p)),
         (SOCIAL_INSURANCE, periods, lambda p: social_insurance_values(seed, p))],
        np.random.default_rng([seed, 30]),
        with_faults=faults == "default",
        end=end_instant(end),
    )


def _months(period: date) -> int:
    return (period.year - 2024) * 12 + period.month - 1


def employment_values(seed: int, period: date) -> dict[str, np.ndarray]:
    rng = period_rng(seed, 31, period)
    codes, _, weights = areas(period)
    trend = 1 + 0.0015 * _months(period)
    columns: dict[str, list] = {"area_code": [], "sector": [], "workers_employed": [], "new_jobs": [],
                                "trained_workers_pct": []}
    for label, share, job_share, trained in SECTORS.values():
        n = len(codes)
        columns["area_code"] += codes
        columns["sector"] += [label] * n
        employed = EMPLOYED_2024 * trend * share * weights * rng.uniform(0.95, 1.05, n)
        columns["workers_employed"].append(np.round(employed))
        jobs = NEW_JOBS_MONTHLY * seasonal(period, HIRING_SEASON) * job_share * weights
        columns["new_jobs"].append(rng.poisson(jobs).astype(float))
        trained_pct = np.clip(rng.normal(trained + 0.05 * _months(period), 2.0, n), 40, 99.5)
        columns["trained_workers_pct"].append(np.round(trained_pct, 1))
    return {k: np.array(v, dtype=object) if k in ("area_code", "sector") else np.concatenate(v)
            for k, v in columns.items()}


def social_insurance_values(seed: int, period: date) -> dict[str, np.ndarray]:
    rng = period_rng(seed, 32, period)
    codes, _, weights = areas(period)
    n = len(codes)
    months = _months(period)
    claims = rng.poisson(9_500 * seasonal(period, CLAIMS_SEASON) * weights).astype(float)
    return {
        "area_code": np.array(codes, dtype=object),
        "si_compulsory_participants": np.round(
            SI_COMPULSORY_2024 * (1 + 0.002 * months) * weights * rng.uniform(0.97, 1.03, n)),
        "si_voluntary_participants": np.round(
            SI_VOLUNTARY_2024 * (1 + 0.006 * months) * weights * rng.uniform(0.9, 1.1, n)),
        "ui_claims": claims,
        "ui_approved": np.round(claims * rng.uniform(0.88, 0.98, n)),
        "hi_coverage_pct": np.round(np.clip(rng.normal(92.5 + 0.08 * months, 1.5, n), 80, 99.8), 1),
    }
