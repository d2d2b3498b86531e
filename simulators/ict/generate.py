"""Deterministic monthly figures of the Department of Information and Communications."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from simulators.csv_drop.areas import areas, period_rng
from simulators.csv_drop.cli import end_instant
from simulators.csv_drop.dataset import periods_delivered_by
from simulators.csv_drop.drop import Simulation, write_drop
from simulators.ict.agencies import agencies
from simulators.ict.datasets import DIGITAL_GOVERNMENT, TELECOM_INFRASTRUCTURE

BASE_MONTH = date(2024, 1, 1)
# operator -> (4G sites, fixed broadband share, mobile broadband share, 5G launch, 5G sites at launch, per month)
OPERATORS = {
    "Viettel": (2600, 0.47, 0.52, date(2024, 10, 1), 150, 30),
    "VNPT": (1700, 0.36, 0.25, date(2024, 12, 1), 60, 12),
    "MobiFone": (1400, 0.17, 0.23, date(2025, 6, 1), 40, 8),
}
FIXED_BROADBAND_2024 = 640_000
MOBILE_BROADBAND_2024 = 3_150_000


def generate(out: Path, *, seed: int = 42, faults: str = "default", months: int = 30, end: date) -> Simulation:
    periods = periods_delivered_by(end, months, "month")
    return write_drop(
        out,
        [(TELECOM_INFRASTRUCTURE, periods, lambda p: telecom_values(seed, p)),
         (DIGITAL_GOVERNMENT, periods, lambda p: digital_government_values(seed, p))],
        np.random.default_rng([seed, 10]),
        with_faults=faults == "default",
        end=end_instant(end),
    )


def _months_since_base(period: date) -> int:
    return (period.year - BASE_MONTH.year) * 12 + period.month - BASE_MONTH.month


def telecom_values(seed: int, period: date) -> dict[str, np.ndarray]:
    rng = period_rng(seed, 11, period)
    codes, _, weights = areas(period)
    growth = _months_since_base(period)
    columns: dict[str, list] = {k: [] for k in ("area_code", "operator", "bts_4g", "bts_5g", "coverage_4g_pct",
                                                "fixed_broadband_subscriptions", "ftth_subscriptions",
                                                "mobile_broadband_subscriptions")}
    for operator, (sites, fixed_share, mobile_share, launch, at_launch, per_month) in OPERATORS.items():
        n = len(codes)
        noise = rng.uniform(0.9, 1.1, n)
        since_launch = (period.year - launch.year) * 12 + period.month - launch.month
        sites_5g = 0 if since_launch < 0 else at_launch + per_month * since_launch
        fixed = FIXED_BROADBAND_2024 * (1 + 0.006 * growth) * fixed_share * weights * noise
        columns["area_code"] += codes
        columns["operator"] += [operator] * n
        columns["bts_4g"].append(np.round(sites * (1 + 0.004 * growth) * weights * noise))
        columns["bts_5g"].append(np.round(sites_5g * weights * rng.uniform(0.6, 1.4, n)))
        columns["coverage_4g_pct"].append(np.round(np.clip(rng.normal(98.6, 0.8, n), 92.0, 100.0), 1))
        columns["fixed_broadband_subscriptions"].append(np.round(fixed))
        columns["ftth_subscriptions"].append(np.round(fixed * rng.uniform(0.975, 0.995, n)))
        columns["mobile_broadband_subscriptions"].append(
            np.round(MOBILE_BROADBAND_2024 * (1 + 0.004 * growth) * mobile_share * weights * noise))
    return {k: np.array(v, dtype=object) if k in ("area_code", "operator") else np.concatenate(v)
            for k, v in columns.items()}


def digital_government_values(seed: int, period: date) -> dict[str, np.ndarray]:
    rng = period_rng(seed, 12, period)
    found = agencies(period)
    n = len(found)
    weight = np.array([w for *_, w in found])
    growth = _months_since_base(period)
    received = np.round(2400 * weight * rng.uniform(0.8, 1.2, n))
    online_rate = np.clip(rng.normal(min(94.0, 70 + 0.6 * growth), 4, n), 30, 100)
    online = np.minimum(received, np.round(received * online_rate / 100))
    full = np.round(rng.uniform(20, 140, n) * np.minimum(weight, 1.5))
    return {
        "agency_code": np.array([c for c, *_ in found], dtype=object),
        "agency_name": np.array([name for _, name, *_ in found], dtype=object),
        "area_code": np.array([a for _, _, a, _ in found], dtype=object),
        "full_online_services": full,
        "partial_online_services": np.round(full * rng.uniform(0.3, 0.8, n)),
        "dossiers_received": received,
        "dossiers_online": online,
        "online_dossier_rate_pct": np.round(online / np.maximum(received, 1) * 100, 1),
        "edocs_sent": np.round(900 * weight * rng.uniform(0.8, 1.2, n)),
        "edocs_signed_pct": np.round(np.clip(rng.normal(95 + 0.15 * growth, 2.5, n), 70, 100), 1),
        "officials_with_digital_signature": np.round(120 * weight * (1 + 0.01 * growth) * rng.uniform(0.9, 1.1, n)),
    }
