"""python -m simulators.education --out DIR --seed 42 [--faults default|none] [--years N] [--schools N]"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ingestion import settings
from simulators.education.generate import generate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="simulators.education", description=__doc__)
    parser.add_argument("--out", type=Path, default=settings.sources_dir() / "education")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    parser.add_argument("--years", type=int, default=4, help="number of school years (default 4)")
    parser.add_argument("--schools", type=int, default=900, help="number of schools (default 900)")
    parser.add_argument("--last-school-year", type=int, default=None,
                        help="start year of the last school year (default: the latest reported by today)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = generate(args.out, seed=args.seed, fault_mode=args.faults, years=args.years, schools=args.schools,
                      last_start_year=args.last_school_year)
    print(f"education: {len(result.files)} workbooks in {args.out} ({time.perf_counter() - started:.1f}s)", file=sys.stderr)


if __name__ == "__main__":
    main()
