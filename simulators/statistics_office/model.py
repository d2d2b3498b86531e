"""Monthly series behind the report: actual values, first estimates, indices, area splits.

Everything is generated once for the whole period (numpy, one seeded generator) from a year
before the first report, so every report's "same period last year" and "year to date" figures
are consistent with the others: the figures the report prints are derived, not drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

# Calendar-month profiles (Jan..Dec). Tết falls in Jan/Feb: factories stop, shops peak before it.
SEASON = {
    "retail": np.array([1.10, 1.04, 0.95, 0.96, 0.97, 0.97, 0.98, 0.99, 0.98, 1.00, 1.01, 1.08]),
    "industry": np.array([0.96, 0.80, 1.00, 1.00, 1.02, 1.02, 1.03, 1.04, 1.03, 1.04, 1.03, 1.05]),
    "trade": np.array([0.95, 0.78, 1.00, 0.98, 1.01, 1.02, 1.04, 1.05, 1.03, 1.05, 1.04, 1.08]),
    "investment": np.array([0.70, 0.55, 0.85, 0.90, 0.95, 1.00, 1.00, 1.05, 1.05, 1.10, 1.20, 1.65]),
    "revenue": np.array([1.25, 0.80, 1.05, 1.10, 0.95, 0.95, 1.00, 0.95, 0.95, 1.00, 0.95, 1.05]),
    "spending": np.array([0.75, 0.80, 0.90, 0.90, 0.95, 1.00, 0.95, 1.00, 1.00, 1.05, 1.10, 1.60]),
    "labour": np.array([0.80, 1.40, 1.30, 1.05, 0.95, 0.90, 0.90, 0.95, 0.95, 0.95, 0.90, 0.95]),
    "flat": np.ones(12),
}


REFERENCE_MONTH = date(2025, 1, 1)   # base levels of the flows are the levels of this month


@dataclass(frozen=True)
class Calendar:
    """Month index 0 = ``first``. The generators draw over a fixed horizon, so that asking for
    more or later months never changes the figures of months already generated."""

    first: date = date(2019, 1, 1)   # the CPI base year
    n: int = 22 * 12                 # through December 2040

    def month(self, t: int) -> date:
        y, m = divmod(self.first.year * 12 + self.first.month - 1 + t, 12)
        return date(y, m + 1, 1)

    def index(self, month: date) -> int:
        return (month.year - self.first.year) * 12 + month.month - self.first.month

    def calendar_months(self) -> np.ndarray:
        return np.array([self.month(t).month for t in range(self.n)])


def flow(rng: np.random.Generator, cal: Calendar, base: float, growth: float, season: str, sigma: float) -> np.ndarray:
    """A monthly flow (sales, exports, spending): trend x season x lognormal noise."""
    t = np.arange(cal.n) - cal.index(REFERENCE_MONTH)
    trend = base * (1.0 + growth) ** (t / 12.0)
    return trend * SEASON[season][cal.calendar_months() - 1] * rng.lognormal(0.0, sigma, cal.n)


def first_estimate(rng: np.random.Generator, actual: np.ndarray, sigma: float = 0.015) -> np.ndarray:
    """The report's "ước tính" for the current month; next month's report prints the actual."""
    return actual * (1.0 + rng.normal(0.0, sigma, actual.shape))


def price_level(rng: np.random.Generator, cal: Calendar, start: float, annual_drift: float, sigma: float) -> np.ndarray:
    """A price index relative to the base year (2019 = 100), drifting month to month."""
    steps = 1.0 + annual_drift / 12.0 + rng.normal(0.0, sigma, cal.n)
    return start * np.cumprod(steps)


def split_exact(total: float, shares: np.ndarray, decimals: int = 1) -> np.ndarray:
    """Split ``total`` by ``shares`` into rounded parts that add up exactly (largest remainder)."""
    scale = 10**decimals
    units = int(round(total * scale))
    raw = shares / shares.sum() * units
    parts = np.floor(raw).astype(np.int64)
    short = units - int(parts.sum())
    parts[np.argsort(-(raw - parts), kind="stable")[:short]] += 1
    return parts / scale


def ytd(values: np.ndarray, cal: Calendar, t: int) -> float:
    """Sum from January of month t's year up to and including t."""
    start = t - (cal.month(t).month - 1)
    return float(values[max(start, 0) : t + 1].sum())


def ratio_pct(numerator: float, denominator: float) -> float:
    return round(100.0 * numerator / denominator, 2) if denominator else float("nan")
