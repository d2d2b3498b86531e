"""CLI: generate the feedback system's store, or serve it.

    python -m simulators.citizen_feedback [--out DIR] [--seed 42] [--faults default|none]
                                          [--days 730] [--per-day 120] [--end-date YYYY-MM-DD]
    python -m simulators.citizen_feedback serve [--data-dir DIR] [--port 18742] [--faults default|none]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from simulators.citizen_feedback.generate import generate
from simulators.citizen_feedback.server import STAND_IN
from simulators.common.local_time import today_local


def _generate(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m simulators.citizen_feedback", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None, help="store directory (default: sources_dir()/citizen_feedback)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    parser.add_argument("--days", type=int, default=730, help="days of reports, ending with --end-date")
    parser.add_argument("--per-day", type=float, default=120.0, help="average reports per weekday at the start")
    parser.add_argument("--end-date", type=date.fromisoformat, default=None, help="last day (default: today, local time)")
    args = parser.parse_args(argv)
    generate(args.out or STAND_IN.default_dir(), seed=args.seed, days=args.days, per_day=args.per_day,
             end_date=args.end_date or today_local(), faults=args.faults == "default")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return STAND_IN.serve_cli(argv[1:]) if argv[:1] == ["serve"] else _generate(argv)


if __name__ == "__main__":
    sys.exit(main())
