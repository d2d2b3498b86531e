"""Deterministic figures of the Department of Industry and Trade: digital-transformation survey
waves (quarterly) and monthly industrial-park production."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from simulators.csv_drop.areas import REFORM_DATE, TET_DIP, period_rng, seasonal
from simulators.csv_drop.cli import end_instant
from simulators.csv_drop.dataset import periods_delivered_by
from simulators.csv_drop.drop import Simulation, write_drop
from simulators.industry_trade.datasets import DX_SURVEY, INDUSTRIAL_PARKS
from simulators.industry_trade.parks import PARKS, SECTIONS, SIZES

SURVEY_BASE = date(2024, 1, 1)   # March 2024: ~65,000 enterprises, >45,000 on digital platforms
ENTERPRISES_AT_BASE = 65_000
PRODUCTION_SEASON = (1.0, 0.72, 1.02, 1.0, 1.02, 1.03, 1.02, 1.04, 1.05, 1.07, 1.08, 1.12)


def generate(out: Path, *, seed: int = 42, faults: str = "default", months: int = 30, end: date) -> Simulation:
    return write_drop(
        out,
        [(DX_SURVEY, periods_delivered_by(end, months, "quarter"), lambda p: survey_values(seed, p)),
         (INDUSTRIAL_PARKS, periods_delivered_by(end, months, "month"), lambda p: park_values(seed, p))],
        np.random.default_rng([seed, 20]),
        with_faults=faults == "default",
        end=end_instant(end),
    )


def _quarters_since(base: date, period: date) -> int:
    return ((period.year - base.year) * 12 + period.month - base.month) // 3


def survey_values(seed: int, period: date) -> dict[str, np.ndarray]:
    rng = period_rng(seed, 21, period)
    quarters = _quarters_since(SURVEY_BASE, period)
    total = ENTERPRISES_AT_BASE * (1.012 ** quarters)
    rows = [(size, section) for size in SIZES for section in SECTIONS]
    size_share = np.array([SIZES[s][1] for s, _ in rows])
    section_share = np.array([SECTIONS[c][1] for _, c in rows])
    surveyed = np.maximum(1, np.round(total * size_share * section_share * rng.uniform(0.92, 1.08, len(rows))))
    base_rate = np.array([SIZES[s][2] for s, _ in rows]) * np.array([SECTIONS[c][2] for _, c in rows])
    digital = _share(rng, surveyed, base_rate + 0.012 * quarters)
    return {
        "enterprise_size": np.array([SIZES[s][0] for s, _ in rows], dtype=object),
        "vsic_section": np.array([c for _, c in rows], dtype=object),
        "vsic_name": np.array([SECTIONS[c][0] for _, c in rows], dtype=object),
        "enterprises_surveyed": surveyed,
        "adopting_digital_platforms": digital,
        "adopting_ecommerce": _share(rng, surveyed, 0.25 * base_rate / 0.7 + 0.01 * quarters),
        "adopting_einvoice": _share(rng, surveyed, np.full(len(rows), 0.95)),
        "adopting_cloud_accounting": _share(rng, surveyed, 0.45 * base_rate / 0.7 + 0.01 * quarters),
        "digital_platform_rate_pct": np.round(digital / surveyed * 100, 1),
    }


def _share(rng: np.random.Generator, surveyed: np.ndarray, rate: np.ndarray) -> np.ndarray:
    return rng.binomial(surveyed.astype(np.int64), np.clip(rate, 0.0, 0.995)).astype(float)


def park_values(seed: int, period: date) -> dict[str, np.ndarray]:
    rng = period_rng(seed, 22, period)
    n = len(PARKS)
    months = (period.year - 2024) * 12 + period.month - 1
    scale = np.array([p[4] for p in PARKS], dtype=float)
    production = scale * (1 + 0.007 * months) * seasonal(period, PRODUCTION_SEASON) * rng.lognormal(0, 0.06, n)
    base_occupancy = np.array([p[5] for p in PARKS])
    occupancy = np.minimum(100.0, base_occupancy + 0.25 * months * (base_occupancy < 100))
    return {
        "park_code": np.array([p[0] for p in PARKS], dtype=object),
        "park_name": np.array([f"KCN {p[1]}" for p in PARKS], dtype=object),
        "area_code": np.array([p[2] if period < REFORM_DATE else p[3] for p in PARKS], dtype=object),
        "production_value_bn_vnd": np.round(production, 1),
        # ~0.06 million USD exported per billion VND produced (export-oriented FDI parks)
        "export_value_musd": np.round(production * 0.06 * rng.uniform(0.8, 1.2, n), 1),
        "workers": np.round(scale * 14 * seasonal(period, TET_DIP) * rng.uniform(0.95, 1.05, n)),
        "occupancy_pct": np.round(occupancy, 1),
    }
