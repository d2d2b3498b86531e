"""Diurnal and weekly activity profiles (hour-of-day shapes, mean 1 or offsets)."""

from __future__ import annotations

import numpy as np

# fmt: off
_HOURLY = {
    # Morning and evening rush hours, an evening inversion, a well-mixed afternoon.
    "traffic": [0.85, 0.75, 0.70, 0.68, 0.72, 0.90, 1.20, 1.45, 1.40, 1.10, 0.95, 0.85,
                0.80, 0.78, 0.80, 0.90, 1.10, 1.40, 1.50, 1.35, 1.20, 1.10, 1.00, 0.92],
    # Ozone is made by sunlight: low at night, peak early afternoon.
    "photochemical": [0.40, 0.35, 0.32, 0.30, 0.30, 0.35, 0.50, 0.70, 0.95, 1.25, 1.55, 1.80,
                      1.95, 2.00, 1.90, 1.70, 1.40, 1.05, 0.80, 0.65, 0.55, 0.50, 0.45, 0.42],
    # Three shifts (06-14, 14-22, 22-06): the night shift runs fewer lines; dips at handover.
    "shift": [0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.90, 1.10, 1.15, 1.15, 1.15, 1.10,
              1.05, 1.15, 0.95, 1.10, 1.15, 1.15, 1.15, 1.10, 1.05, 1.00, 0.85, 0.75],
    # Industry emissions into ambient air: shifts, smoothed.
    "industry": [0.85, 0.85, 0.85, 0.85, 0.85, 0.90, 1.00, 1.10, 1.15, 1.15, 1.10, 1.05,
                 1.05, 1.10, 1.10, 1.10, 1.10, 1.05, 1.00, 0.95, 0.95, 0.90, 0.90, 0.85],
    # Treatment plant outlet: shift pattern delayed ~2 h by the plant's retention.
    "shift_lagged": [0.90, 0.80, 0.78, 0.76, 0.75, 0.75, 0.76, 0.80, 0.95, 1.10, 1.15, 1.15,
                     1.13, 1.10, 1.12, 1.10, 1.12, 1.15, 1.15, 1.15, 1.10, 1.08, 1.05, 0.98],
    "flat": [1.0] * 24,
}
# fmt: on

# Additive offsets (in the param's unit): water temperature peaks mid-afternoon.
_OFFSETS = {
    "afternoon": lambda hour: 1.2 * np.cos(2 * np.pi * (hour - 15.0) / 24.0),
}

# Sundays run fewer lines and carry less traffic.
SUNDAY_FACTOR = {"traffic": 0.85, "shift": 0.80, "industry": 0.85, "shift_lagged": 0.82}


def multiplier(profile: str, hour: np.ndarray, is_sunday: np.ndarray) -> np.ndarray:
    """Activity multiplier at fractional local hours (linear between hourly values)."""
    hourly = np.asarray(_HOURLY.get(profile, _HOURLY["flat"]), dtype=float)
    hourly = hourly / hourly.mean()
    wrapped = np.append(hourly, hourly[0])
    shape = np.interp(hour, np.arange(25), wrapped)
    return np.where(is_sunday, shape * SUNDAY_FACTOR.get(profile, 1.0), shape)


def offset(profile: str, hour: np.ndarray) -> np.ndarray:
    fn = _OFFSETS.get(profile)
    return fn(hour) if fn else np.zeros_like(hour)
