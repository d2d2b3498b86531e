"""python -m simulators.utilities --out DIR --seed 42 [--faults default|none] [--months N] [--end-month YYYY-MM]"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from ingestion import settings
from simulators.utilities.generate import generate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="simulators.utilities", description=__doc__)
    parser.add_argument("--out", type=Path, default=settings.sources_dir() / "utilities")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    parser.add_argument("--months", type=int, default=28, help="number of monthly exports (default 28)")
    parser.add_argument("--end-month", type=lambda s: date.fromisoformat(s + "-01"), default=None,
                        help="last exported month, YYYY-MM (default: the latest exported by today)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = generate(args.out, seed=args.seed, fault_mode=args.faults, months=args.months, end_month=args.end_month)
    print(f"utilities: {len(result.files)} files in {args.out} ({time.perf_counter() - started:.1f}s)", file=sys.stderr)


if __name__ == "__main__":
    main()
