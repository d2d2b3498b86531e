"""CLI: generate the platform's store, or serve it.

    python -m simulators.traffic_cameras [--out DIR] [--seed 42] [--faults default|none]
                                         [--cameras 421] [--days 7] [--end-date YYYY-MM-DD]
    python -m simulators.traffic_cameras serve [--data-dir DIR] [--port 18741] [--faults default|none]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from simulators.common.local_time import today_local
from simulators.traffic_cameras.generate import generate
from simulators.traffic_cameras.server import STAND_IN


def _generate(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m simulators.traffic_cameras", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None, help="store directory (default: sources_dir()/traffic_cameras)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    parser.add_argument("--cameras", type=int, default=421)
    parser.add_argument("--days", type=int, default=7, help="days of observations, ending with --end-date")
    parser.add_argument("--end-date", type=date.fromisoformat, default=None, help="last day (default: today, local time)")
    args = parser.parse_args(argv)
    generate(args.out or STAND_IN.default_dir(), seed=args.seed, cameras=args.cameras, days=args.days,
             end_date=args.end_date or today_local(), faults=args.faults == "default")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return STAND_IN.serve_cli(argv[1:]) if argv[:1] == ["serve"] else _generate(argv)


if __name__ == "__main__":
    sys.exit(main())
