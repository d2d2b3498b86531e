"""Write a department's drop folder: every dataset's exports, faults injected, mtimes as delivered."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from simulators.csv_drop.dataset import DropDataset
from simulators.csv_drop.faults import inject

PeriodValues = Callable[[date], dict[str, np.ndarray]]


@dataclass
class Simulation:
    out: Path
    files: list[Path] = field(default_factory=list)
    faults: dict[str, dict[str, str]] = field(default_factory=dict)  # file prefix -> fault -> file name


def write_drop(
    out: Path,
    datasets: Sequence[tuple[DropDataset, list[date], PeriodValues]],
    rng: np.random.Generator,
    *,
    with_faults: bool,
    end: datetime,
) -> Simulation:
    """``datasets``: (description, periods, function giving that period's column values)."""
    out.mkdir(parents=True, exist_ok=True)
    simulation = Simulation(out)
    for dataset, periods, values_of in datasets:
        exports = []
        for period in periods:
            values = values_of(period)
            delivered = dataset.delivered_at(period, rng)
            if delivered <= end:
                exports.append(dataset.export(period, values, delivered))
        if with_faults:
            exports, plan = inject(dataset, exports, rng, end)
            simulation.faults[dataset.file_prefix] = plan
        written = {export.name for export in exports}
        for stale in out.glob(f"{dataset.file_prefix}_*"):  # left by a run with other arguments
            if stale.is_file() and stale.name not in written:
                stale.unlink()
        simulation.files += [export.write(out) for export in exports]
        print(f"  {dataset.file_prefix}: {len(exports)} files, {sum(e.num_rows for e in exports)} rows",
              file=sys.stderr)
    return simulation
