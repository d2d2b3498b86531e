"""``python -m benchmarks --scale small|month|year [--repeat N] [--out FILE]``

Measurements (issue 7), each the median of ``--repeat`` runs, each a ratio:
1. env file-drop ingestion vs a bare ``cat`` of the same files, and vs naive per-file pandas;
2. full pipeline (orchestration.demo --skip-simulation) vs the dbt project as one raw DuckDB script;
3. hourly incremental run (ioc_refresh_job, one partition, one new hour) after the scale's history
   vs after a week;
4. checks (dbt tests + GX suites) as a share of build time; largest pandas frame GX built;
5. code-location load time vs bare ``import dagster, dagster_dbt``;
6. peak RSS of every child process at the scale.
Data is simulated once per scale into the work dir (not timed) and reused while it is current.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.ingestion import bench_ingestion, bench_load
from benchmarks.pipeline import bench_pipeline, run_env
from benchmarks.proc import REPO, Peak
from benchmarks.report import table
from benchmarks.scales import TARGETS, load_scales, log, machine, simulate


def main(argv: list[str] | None = None) -> int:
    scales = load_scales()
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(scales), default="small")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "latest.json")
    parser.add_argument("--work-dir", type=Path, default=Path(os.environ.get("IOC_BENCH_DIR", "/tmp/ioc-bench")),
                        help="scratch space: simulated sources (cached per scale), runs, builds")
    parser.add_argument("--pipeline-repeat", type=int, help="runs of the full pipeline (default: --repeat)")
    parser.add_argument("--skip", action="append", default=[], choices=("ingestion", "raw_sql"),
                        help="leave a measurement out (e.g. at the year scale, to fit a time budget)")
    args = parser.parse_args(argv)
    scale = scales[args.scale]
    work = args.work_dir / args.scale
    sources = work / "sources"
    peak = Peak()
    t0 = time.perf_counter()
    res = {"scale": args.scale, "scale_definition": scale, "repeat": args.repeat, "skipped": args.skip,
           "started_at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(),
           "targets": TARGETS, "measurements": {}}

    simulate(args.scale, scale, sources, peak)
    drop = sources / "env_monitoring" / "drop"
    if "ingestion" not in args.skip:
        log("1 ingestion vs cat vs naive pandas")
        res["measurements"]["ingestion"] = bench_ingestion(drop, work, args.repeat, peak)
    log("5 code-location load time")
    res["measurements"]["load"] = bench_load(run_env(work / "run", sources), args.repeat, peak)
    if scale["pipeline"]:
        log("2-4 pipeline, raw SQL, checks, incremental")
        res["measurements"]["pipeline"] = bench_pipeline(args.scale, scale, sources, work,
                                                         args.pipeline_repeat or args.repeat, peak,
                                                         raw_sql="raw_sql" not in args.skip)
    res["measurements"]["peak_rss"] = {"max_gb": peak.max_mb / 1024,
                                       "by_step_mb": {k: round(v) for k, v in sorted(peak.by_label.items())}}
    res["wall_s"] = time.perf_counter() - t0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, default=str) + "\n")
    print(table(res))
    print(f"\n{args.out} · {res['wall_s']:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
