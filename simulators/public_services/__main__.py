"""``python -m simulators.public_services``: build the public-service dossier database (SQLite).

Writes <out>/public_services.sqlite (default out: settings.sources_dir()/public_services).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from pathlib import Path

from ingestion import settings
from simulators.public_services.simulate import advance, simulate


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m simulators.public_services", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="output folder")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    parser.add_argument("--end", type=date.fromisoformat, default=date.today(), help="last day, YYYY-MM-DD (default today)")
    parser.add_argument("--days", type=int, default=760, help="days of dossiers before --end (25 months)")
    parser.add_argument("--dossiers-per-day", type=float, default=200.0, help="average dossiers per calendar day")
    parser.add_argument("--advance-to", type=datetime.fromisoformat, default=None,
                        help="instead of building: let the existing database live on until this local time")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    out = args.out or settings.sources_dir() / "public_services"
    if args.advance_to:
        changed = advance(out / "public_services.sqlite", until=args.advance_to)
        print(f"public_services advanced to {args.advance_to}: {changed} dossiers new or changed", file=sys.stderr)
        return
    summary = simulate(out, seed=args.seed, end=datetime.combine(args.end, time(0)), days=args.days,
                       per_day=args.dossiers_per_day, faults=args.faults == "default")
    print(f"public_services: {summary.dossiers} dossiers -> {summary.path} in {summary.seconds:.1f}s; "
          f"faults {summary.faults}", file=sys.stderr)


if __name__ == "__main__":
    main()
