"""``python -m simulators.env_monitoring``: stand up the monitoring stations' file drop.

Without --out, writes where the connector reads by default (settings.env_drop_dir() and
settings.env_station_registry()); with --out DIR, writes DIR/stations.csv and DIR/drop/.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ingestion import settings
from simulators.env_monitoring.faults import FaultRates
from simulators.env_monitoring.simulate import simulate


def local_today() -> date:
    """Today in Vietnam (UTC+7 all year, no daylight saving), whatever the host's zone."""
    return datetime.now(timezone(timedelta(hours=7))).date()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m simulators.env_monitoring", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="output folder (default: the connector's configured paths)")
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument(
        "--start",
        type=date.fromisoformat,
        default=local_today() - timedelta(days=7),
        help="first local day, YYYY-MM-DD (default: 7 days before today in Vietnam)",
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--stations-air", type=int, default=8)
    parser.add_argument("--stations-wastewater", type=int, default=10)
    parser.add_argument("--stations-stack", type=int, default=6)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.out:
        drop_dir, registry_path = args.out / "drop", args.out / "stations.csv"
    else:
        drop_dir, registry_path = settings.env_drop_dir(), settings.env_station_registry()
    summary = simulate(
        drop_dir=drop_dir,
        registry_path=registry_path,
        start=args.start,
        days=args.days,
        seed=args.seed,
        n_air=args.stations_air,
        n_wastewater=args.stations_wastewater,
        n_stack=args.stations_stack,
        fault_rates=FaultRates() if args.faults == "default" else FaultRates.none(),
        progress=sys.stderr,
    )
    counts = ", ".join(f"{k}={v}" for k, v in sorted(summary.counts.items()))
    print(f"{summary.stations} stations -> {drop_dir} in {summary.seconds:.1f}s: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
