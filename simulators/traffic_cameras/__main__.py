"""CLI: generate the platform's store, or serve it.

    python -m simulators.traffic_cameras [--out DIR] [--seed 42] [--faults default|none]
                                         [--cameras 421] [--days 7] [--end-date YYYY-MM-DD]
    python -m simulators.traffic_cameras serve [--data-dir DIR] [--port 18741] [--faults default|none]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from ingestion import settings
from simulators.traffic_cameras import DEFAULT_PORT
from simulators.traffic_cameras.generate import generate
from simulators.traffic_cameras.http_stand_in import ServerFaults
from simulators.traffic_cameras.local_time import today_local
from simulators.traffic_cameras.server import start_server


def _default_dir() -> Path:
    return settings.sources_dir() / "traffic_cameras"


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
    generate(args.out or _default_dir(), seed=args.seed, cameras=args.cameras, days=args.days,
             end_date=args.end_date or today_local(), faults=args.faults == "default")
    return 0


def _serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m simulators.traffic_cameras serve")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    server, base_url = start_server(args.data_dir or _default_dir(), args.host, args.port,
                                    faults=None if args.faults == "default" else ServerFaults(), verbose=args.verbose)
    print(f"traffic_cameras API on {base_url} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return _serve(argv[1:]) if argv[:1] == ["serve"] else _generate(argv)


if __name__ == "__main__":
    sys.exit(main())
