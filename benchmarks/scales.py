"""The benchmark scales (scales.toml), the issue's targets, the machine, and simulating a scale's
sources once (cached in the work dir, not timed)."""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import time
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from benchmarks.proc import Peak, py, run

LOCAL = timezone(timedelta(hours=7))
TARGETS = {  # issue 7
    "ingest_vs_cat": 3.0,
    "pipeline_vs_raw_sql": 1.5,  # at the month scale
    "incremental_year_vs_week": 1.2,
    "checks_share_of_build": 0.25,
    "load_vs_bare_imports": 2.0,
    "peak_rss_gb": 4.0,  # at the year scale
}


def load_scales() -> dict[str, dict]:
    return tomllib.loads((Path(__file__).with_name("scales.toml")).read_text())


def log(message: str) -> None:
    print(f"[bench {datetime.now().strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem_total_gb": round(mem_kb / 2**20, 1),
            "python": platform.python_version(), "kernel": platform.release()}


def env_args(scale: dict) -> list[str]:
    s = scale["stations"]
    return ["--stations-air", str(s["air"]), "--stations-wastewater", str(s["wastewater"]),
            "--stations-stack", str(s["stack"])]


def simulate(name: str, scale: dict, sources: Path, peak: Peak) -> None:
    """Simulate the stand-ins of ``scale`` into ``sources`` unless it already holds them (today's)."""
    stamp = sources / ".bench_scale.json"
    wanted = {"scale": scale, "today": datetime.now(LOCAL).date().isoformat()}
    if stamp.is_file() and json.loads(stamp.read_text()) == wanted:
        log(f"reusing simulated sources in {sources}")
        return
    shutil.rmtree(sources, ignore_errors=True)
    sources.mkdir(parents=True)
    env = {**os.environ, "IOC_SOURCES_DIR": str(sources)}
    t0 = time.perf_counter()
    if not scale["pipeline"]:  # env stations only
        start = (datetime.now(LOCAL).date() - timedelta(days=scale["days"])).isoformat()
        peak.add("simulate", run(py("-m", "simulators.env_monitoring", "--out", str(sources / "env_monitoring"),
                                    "--days", str(scale["days"]), "--start", start, *env_args(scale)), env=env))
    else:
        from orchestration.demo_simulation import simulator_command, simulator_names

        for sim in simulator_names():
            cmd = simulator_command(sim, days=scale["days"], seed=42, profile="demo")
            cmd += env_args(scale) if sim == "env_monitoring" else []
            cmd += ["--cameras", str(scale["cameras"])] if sim == "traffic_cameras" else []
            peak.add("simulate", run(cmd, env=env))
    stamp.write_text(json.dumps(wanted))
    log(f"simulated {name} in {time.perf_counter() - t0:.0f}s")
