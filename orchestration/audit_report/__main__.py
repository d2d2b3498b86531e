"""CLI: ``python -m orchestration.audit_report --publication <id|latest|current> [--out DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from orchestration.audit_report import build_report, default_reports_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m orchestration.audit_report",
        description="Write the static HTML audit report of one publication attempt and print its path.",
    )
    parser.add_argument("--publication", default="latest",
                        help="publication id (or a unique prefix), 'latest' (most recent attempt, any outcome) "
                             "or 'current' (the one in ioc.duckdb); default latest")
    parser.add_argument("--out", type=Path, default=None, help=f"output directory (default {default_reports_dir()})")
    args = parser.parse_args(argv)
    try:
        index = build_report(args.publication, out_dir=args.out)
    except LookupError as exc:
        print(f"audit_report: {exc}", file=sys.stderr)
        return 2
    print(index)
    return 0


if __name__ == "__main__":
    sys.exit(main())
