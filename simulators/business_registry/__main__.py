"""``python -m simulators.business_registry``: build the business registration database (SQLite).

Writes <out>/business_registry.sqlite (default out: settings.sources_dir()/business_registry).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from pathlib import Path

from ingestion import settings
from simulators.business_registry.simulate import advance, simulate


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m simulators.business_registry", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="output folder")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    parser.add_argument("--end", type=date.fromisoformat, default=date.today(), help="last day, YYYY-MM-DD (default today)")
    parser.add_argument("--months", type=int, default=25, help="months of registry activity before --end")
    parser.add_argument("--enterprises", type=int, default=65_000, help="enterprises in the registry at --end")
    parser.add_argument("--advance-to", type=datetime.fromisoformat, default=None,
                        help="instead of building: let the existing database live on until this local time")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    out = args.out or settings.sources_dir() / "business_registry"
    if args.advance_to:
        counts = advance(out / "business_registry.sqlite", until=args.advance_to, seed=args.seed)
        print(f"business_registry advanced to {args.advance_to}: {counts}", file=sys.stderr)
        return
    summary = simulate(out, seed=args.seed, end=datetime.combine(args.end, time(0)), months=args.months,
                       enterprises=args.enterprises, faults=args.faults == "default")
    print(f"business_registry: {summary.enterprises} enterprises, {summary.history_rows} status changes "
          f"-> {summary.path} in {summary.seconds:.1f}s; faults {summary.faults}", file=sys.stderr)


if __name__ == "__main__":
    main()
