"""Ratio 3 alone, interleaved: hourly refreshes on a scale's build and on its week baseline, in
turn, reusing the builds a full ``python -m benchmarks --scale SCALE`` run left in the work dir.

    python -m benchmarks.incremental_pair --scale month --rounds 3

Interleaving puts both sides under the same load on a shared machine; wall and CPU seconds of
each refresh are printed as JSON lines (the new-hour refresh is the last of each side's runs).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from benchmarks.pipeline import bench_incremental, prepare
from benchmarks.proc import Peak
from benchmarks.scales import load_scales


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.incremental_pair", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work-dir", type=Path, default=Path(os.environ.get("IOC_BENCH_DIR", "/tmp/ioc-bench")))
    args = parser.parse_args(argv)
    scale = load_scales()[args.scale]
    root = args.work_dir
    sides = {
        args.scale: (scale, root / args.scale / "sources", root / args.scale / "run", root / args.scale),
        "week": ({**scale, "days": 7}, root / f"{args.scale}_week" / "sources", root / args.scale / "run_week",
                 root / f"{args.scale}_week"),
    }
    for _ in range(args.rounds):
        for name, (side_scale, sources, run_dir, work) in sides.items():
            prepare(run_dir, sources)  # the partial-parse state names this side's build file
            peak = Peak()
            wall, cpu, ok = bench_incremental(side_scale, sources, run_dir, work, 1, peak)
            print(json.dumps({"side": name, "wall_s": wall, "cpu_s": cpu, "succeeded": ok, "peak_rss_mb": peak.max_mb}),
                  flush=True)


if __name__ == "__main__":
    main()
