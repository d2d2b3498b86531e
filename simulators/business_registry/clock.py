"""When a registration office does things: working days, office hours (local wall clock)."""

from __future__ import annotations

import numpy as np

# The night the registry re-coded every address to the 2025 communes (one bulk UPDATE).
REFORM_AT = np.datetime64("2025-07-01T02:00:00", "s")

_MORNING_MINUTES = 240  # 07:30-11:30, then 13:30-17:00 (210 minutes)


def office_times(rng: np.random.Generator, days: np.ndarray) -> np.ndarray:
    """A time during office hours on each given day (datetime64[D]) -> datetime64[s]."""
    minute = rng.integers(0, _MORNING_MINUTES + 210, size=len(days))
    since_midnight = np.where(minute < _MORNING_MINUTES, 450 + minute, 810 + minute - _MORNING_MINUTES) * 60
    since_midnight += rng.integers(0, 60, size=len(days))
    return days.astype("datetime64[s]") + since_midnight.astype("timedelta64[s]")


def working_days(rng: np.random.Generator, start: np.datetime64, end: np.datetime64, n: int) -> np.ndarray:
    """n random working days (Monday to Saturday) in [start, end)."""
    start_d, end_d = start.astype("datetime64[D]"), end.astype("datetime64[D]")
    span = max(int((end_d - start_d).astype(int)), 1)
    days = start_d + rng.integers(0, span, size=n).astype("timedelta64[D]")
    weekday = (days.view("int64") + 3) % 7  # 0 = Monday (1970-01-01 was a Thursday)
    days[weekday == 6] += np.timedelta64(1, "D")  # nobody files on Sunday: Monday's queue
    return np.minimum(days, end_d - np.timedelta64(1, "D"))


def in_window(times: np.ndarray, start: np.datetime64, end: np.datetime64) -> np.ndarray:
    return np.clip(times, start.astype("datetime64[s]"), end.astype("datetime64[s]") - np.timedelta64(1, "s"))
