"""The 5-minute slots of a simulation run, in local (Asia/Ho_Chi_Minh) wall-clock time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

SLOT = timedelta(minutes=5)
SLOTS_PER_DAY = 288


@dataclass(frozen=True)
class Timeline:
    start: date
    days: int

    @property
    def n_slots(self) -> int:
        return self.days * SLOTS_PER_DAY

    @property
    def hour(self) -> np.ndarray:
        """Fractional local hour of day of every slot."""
        return (np.arange(self.n_slots) % SLOTS_PER_DAY) / 12.0

    @property
    def day(self) -> np.ndarray:
        return np.arange(self.n_slots) // SLOTS_PER_DAY

    @property
    def is_sunday(self) -> np.ndarray:
        weekday_of_day = (self.start.weekday() + np.arange(self.days)) % 7
        return (weekday_of_day == 6)[self.day]

    @property
    def month_of_day(self) -> np.ndarray:
        return np.array([(self.start + timedelta(days=d)).month for d in range(self.days)])

    def stamps(self) -> list[str]:
        """``YYYYMMDDhhmmss`` of every slot, used both in file names and in lines."""
        first = datetime(self.start.year, self.start.month, self.start.day)
        return [(first + i * SLOT).strftime("%Y%m%d%H%M%S") for i in range(self.n_slots)]
