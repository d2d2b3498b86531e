"""How a department's system names, dates and delivers one kind of monthly/quarterly export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import numpy as np

from simulators.csv_drop.export import Export

LOCAL = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh
PERIOD_HEADER = "Kỳ báo cáo"


@dataclass(frozen=True)
class Field:
    name: str                 # canonical column (what the connector lands)
    label: str                # header as the department writes it
    kind: str                 # int | float | text
    unit: str | None = None   # written as "label (unit)"

    @property
    def header(self) -> str:
        return f"{self.label} ({self.unit})" if self.unit else self.label


@dataclass(frozen=True)
class FaultTargets:
    """Which columns of this dataset the injected faults touch."""

    renamed: tuple[str, str]           # (column, new header label) used from mid-period on
    dropped: str                       # a required column missing from one file
    revised: str                       # numeric column the late supplementary file corrects
    unit: tuple[str, str, float] | None = None   # (column, unit written, factor): written = value / factor
    impossible: tuple[str, float] | None = None  # (percentage column, impossible value)


@dataclass(frozen=True)
class DropDataset:
    file_prefix: str                   # e.g. "SYT_BaoCao" -> SYT_BaoCao_2026_10.csv
    period_kind: str                   # month | quarter
    fields: tuple[Field, ...]          # in file order, after the period column
    delivery_days: tuple[int, int]     # a file arrives this many days after its period ends
    targets: FaultTargets | None = None
    title: str = ""                    # first line of a title block some exports carry
    period_header: str = PERIOD_HEADER

    def stem(self, period: date) -> str:
        if self.period_kind == "quarter":
            return f"{self.file_prefix}_{period.year}_Q{(period.month - 1) // 3 + 1}"
        return f"{self.file_prefix}_{period.year}_{period.month:02d}"

    def period_label(self, period: date) -> str:
        if self.period_kind == "quarter":
            return f"Q{(period.month - 1) // 3 + 1}/{period.year}"
        return f"{period.month:02d}/{period.year}"

    def period_end(self, period: date) -> date:
        return add_months(period, 3 if self.period_kind == "quarter" else 1)

    def delivered_at(self, period: date, rng: np.random.Generator) -> datetime:
        days = int(rng.integers(self.delivery_days[0], self.delivery_days[1] + 1))
        minute = int(rng.integers(8 * 60, 17 * 60))
        local = datetime.combine(self.period_end(period) + timedelta(days=days), time(minute // 60, minute % 60), LOCAL)
        return local.astimezone(timezone.utc)

    def export(self, period: date, values: dict[str, np.ndarray], delivered_at: datetime) -> Export:
        n = len(next(iter(values.values())))
        label = np.array([self.period_label(period)] * n, dtype=object)
        return Export(
            name=f"{self.stem(period)}.csv",
            delivered_at=delivered_at,
            headers=(self.period_header, *(f.header for f in self.fields)),
            columns=(label, *(np.asarray(values[f.name]) for f in self.fields)),
            kinds=("text", *(f.kind for f in self.fields)),
        )


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def periods_delivered_by(end: date, months: int, kind: str) -> list[date]:
    """Period starts covering the ``months`` before ``end`` whose reports could exist by ``end``."""
    step = 3 if kind == "quarter" else 1
    last = add_months(date(end.year, end.month, 1), -1)
    last = date(last.year, (last.month - 1) // step * step + 1, 1)
    count = max(1, months // step)
    return [add_months(last, -step * i) for i in range(count)][::-1]
