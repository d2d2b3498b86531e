"""python -m simulators.statistics_office --out DIR --seed 42 [--faults default|none] [--months N] [--end-month YYYY-MM]"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from ingestion import settings
from simulators.statistics_office.generate import generate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="simulators.statistics_office", description=__doc__)
    parser.add_argument("--out", type=Path, default=settings.sources_dir() / "statistics_office")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    parser.add_argument("--months", type=int, default=28, help="number of monthly reports (default 28)")
    parser.add_argument("--end-month", type=lambda s: date.fromisoformat(s + "-01"), default=None,
                        help="last report month, YYYY-MM (default: the latest report issued by today)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = generate(args.out, seed=args.seed, fault_mode=args.faults, months=args.months, end_month=args.end_month)
    print(f"statistics_office: {len(result.files)} workbooks in {args.out} ({time.perf_counter() - started:.1f}s)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
