"""Run the stand-in: registry + drop folder for a fleet over a number of days."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

import numpy as np

from simulators.env_monitoring import drop_files, faults, signals
from simulators.env_monitoring.parameters import PARAMS
from simulators.env_monitoring.stations import build_fleet, write_registry
from simulators.env_monitoring.timeline import SLOTS_PER_DAY, Timeline

DEFAULT_FAULTS = faults.FaultRates()  # frozen: safe to share as a default

# Keys of the independent random streams: a station's data depends only on the seed, its
# type and its position, so adding stations of another type leaves it unchanged.
_STREAM = {"ambient_air": 1, "wastewater": 2, "stack_emission": 3, "regional_weather": 9}


@dataclass
class SimulationSummary:
    stations: int
    drop_dir: Path
    registry_path: Path
    seconds: float
    counts: Counter = field(default_factory=Counter)  # files, lines, resent_files, malformed_<kind>, ...


def simulate(
    *,
    drop_dir: Path,
    registry_path: Path,
    start: date,
    days: int = 7,
    seed: int = 42,
    n_air: int = 8,
    n_wastewater: int = 10,
    n_stack: int = 6,
    fault_rates: faults.FaultRates = DEFAULT_FAULTS,
    progress: TextIO | None = None,  # e.g. sys.stderr: one line per simulated day
) -> SimulationSummary:
    began = time.perf_counter()
    timeline = Timeline(start, days)
    fleet = build_fleet(n_air, n_wastewater, n_stack)
    write_registry(fleet, registry_path)
    drop_dir.mkdir(parents=True, exist_ok=True)

    air_weather = signals.regional_air_weather(timeline, np.random.default_rng([seed, _STREAM["regional_weather"]]))
    prepared = []
    for station in fleet:
        rng = np.random.default_rng([seed, _STREAM[station.station_type], station.type_index])
        specs = PARAMS[station.station_type]
        column = station.site.qcvn_column
        values = signals.clean_values(station.station_type, specs, column, timeline, rng, air_weather)
        series = faults.inject(values, specs, column, timeline, fault_rates, rng)
        prepared.append((station, specs, series, drop_files.format_values(series.values, specs)))

    stamps = timeline.stamps()
    tally: Counter = Counter()
    for d in range(days):
        slots = range(d * SLOTS_PER_DAY, (d + 1) * SLOTS_PER_DAY)
        for station, specs, series, value_text in prepared:
            drop_files.write_station_slots(drop_dir, station.code, specs, series, value_text, stamps, slots, tally)
        if progress:
            day = start + timedelta(days=d)
            print(
                f"env_monitoring sim: {day.isoformat()} done, {tally['files']} files so far "
                f"({time.perf_counter() - began:.1f}s)",
                file=progress,
            )
    return SimulationSummary(len(fleet), drop_dir, registry_path, time.perf_counter() - began, tally)
