"""The command line every CSV-drop stand-in shares."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable

from ingestion import settings
from simulators.csv_drop.dataset import LOCAL
from simulators.csv_drop.drop import Simulation

Generate = Callable[..., Simulation]


def end_instant(end: date) -> datetime:
    """The simulated 'now': start of ``end`` in local time, so a day's runs are identical."""
    return datetime(end.year, end.month, end.day, tzinfo=LOCAL).astimezone(timezone.utc)


def run(system: str, generate: Generate, argv: list[str] | None = None, default_months: int = 30) -> Simulation:
    parser = argparse.ArgumentParser(prog=f"python -m simulators.{system}",
                                     description=f"Write the {system} department's CSV drop folder.")
    parser.add_argument("--out", type=Path, default=settings.sources_dir() / system)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    parser.add_argument("--months", type=int, default=default_months, help="history to generate")
    parser.add_argument("--end", type=date.fromisoformat, default=datetime.now(LOCAL).date(),
                        help="simulated today (YYYY-MM-DD); default: today")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print(f"{system}: writing {args.months} months up to {args.end} into {args.out}", file=sys.stderr)
    simulation = generate(args.out, seed=args.seed, faults=args.faults, months=args.months, end=args.end)
    for prefix, plan in simulation.faults.items():
        print(f"  {prefix} faults: " + ", ".join(f"{k}={v}" for k, v in plan.items()), file=sys.stderr)
    print(f"{system}: {len(simulation.files)} files in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return simulation
