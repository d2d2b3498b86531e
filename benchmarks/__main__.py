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
import platform
import shutil
import subprocess
import sys
import time
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from benchmarks.proc import REPO, Peak, median, py, run

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


# --- data ----------------------------------------------------------------------------------------

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


# --- 1. ingestion ------------------------------------------------------------------------------

def bench_ingestion(drop: Path, work: Path, repeat: int, peak: Peak) -> dict:
    files = [e for e in os.scandir(drop) if e.name.endswith(".txt")]
    total_bytes = sum(e.stat().st_size for e in files)
    cat_cmd = f"find '{drop}' -maxdepth 1 -name '*.txt' -print0 | xargs -0 cat > /dev/null"
    run(cat_cmd, shell=True)  # warm the page cache: every contender reads from memory
    cat_s, ingest_s, pandas_s = [], [], []
    rows = None
    for _ in range(repeat):
        cat_s.append(run(cat_cmd, shell=True).seconds)
        landing = work / "ingest_landing"
        shutil.rmtree(landing, ignore_errors=True)
        r = run(py("-m", "benchmarks.workers", "ingest", str(drop), str(landing)))
        peak.add("ingest", r)
        ingest_s.append(r.json()["seconds"])
        rows = r.json()["rows_read"]
        if not pandas_s:  # once: the slow reference (~40x), its spread does not change the ratio's meaning
            r = run(py("-m", "benchmarks.workers", "pandas", str(drop)))
            peak.add("naive_pandas", r)
            pandas_s.append(r.json()["seconds"])
    shutil.rmtree(work / "ingest_landing", ignore_errors=True)
    c, i, p = median(cat_s), median(ingest_s), median(pandas_s)
    return {"files": len(files), "bytes": total_bytes, "lines_read": rows,
            "cat_s": c, "ingest_s": i, "naive_pandas_s": p,
            "ingest_vs_cat": i / c, "ingest_vs_naive_pandas": i / p,
            "ingest_mb_per_s": total_bytes / 1e6 / i}


# --- 5. load time ------------------------------------------------------------------------------

def bench_load(env: dict, repeat: int, peak: Peak) -> dict:
    n = max(repeat, 1)
    timings: dict[str, list[float]] = {"python": [], "bare": [], "location": []}
    code = {"python": "pass", "bare": "import dagster, dagster_dbt", "location": "import orchestration.definitions"}
    for _ in range(n):
        for key, source in code.items():
            r = run(py("-c", source), env=env)
            peak.add(f"load_{key}", r)
            timings[key].append(r.seconds)
    py_s, bare, loc = (median(timings[k]) for k in ("python", "bare", "location"))
    return {"python_startup_s": py_s, "bare_imports_s": bare, "code_location_s": loc, "load_vs_bare_imports": loc / bare}


# --- 2-4. pipeline ---------------------------------------------------------------------------

def run_env(run_dir: Path, sources: Path) -> dict:
    return {**os.environ, "IOC_DATA_DIR": str(run_dir / "data"), "IOC_SOURCES_DIR": str(sources),
            "DAGSTER_HOME": str(run_dir / "dagster_home"), "IOC_DEMO_LOG_LEVEL": "WARNING"}


def fresh_run_dir(run_dir: Path) -> None:
    shutil.rmtree(run_dir, ignore_errors=True)
    (run_dir / "dagster_home").mkdir(parents=True)
    shutil.copy(REPO / "orchestration" / "dagster_home" / "dagster.yaml", run_dir / "dagster_home" / "dagster.yaml")


def run_pipeline(days: int, run_dir: Path, sources: Path, peak: Peak) -> tuple[float, bool, float]:
    fresh_run_dir(run_dir)
    started = time.time()
    r = run(py("-m", "orchestration.demo", "--skip-simulation", "--days", str(days)),
            env=run_env(run_dir, sources), check=False)
    peak.add("pipeline", r)
    if r.returncode not in (0, 1):  # 1: the run finished but a blocking check withheld the publication
        raise RuntimeError(f"pipeline crashed ({r.returncode}):\n{r.stderr[-3000:]}")
    return r.seconds, r.returncode == 0, started


def dbt_timings(since: float) -> dict:
    """Sum dbt's own node timings over the run_results.json files the pipeline's invocations wrote
    (dagster-dbt writes one target dir per invocation under dbt_project/target/)."""
    sums = {"models_s": 0.0, "seeds_s": 0.0, "tests_s": 0.0, "unit_tests_s": 0.0, "invocations": 0, "elapsed_s": 0.0}
    for path in (REPO / "dbt_project" / "target").glob("*/run_results.json"):
        if path.stat().st_mtime < since or not path.parent.name.startswith("warehouse_"):
            continue
        data = json.loads(path.read_text())
        sums["invocations"] += 1
        sums["elapsed_s"] += data.get("elapsed_time", 0.0)
        for result in data.get("results", []):
            kind = result["unique_id"].split(".", 1)[0]
            key = {"model": "models_s", "seed": "seeds_s", "test": "tests_s", "unit_test": "unit_tests_s"}.get(kind)
            if key:
                sums[key] += result.get("execution_time") or 0.0
    return sums


def table_counts(db: Path, schemas=("kpi",)) -> dict[str, int]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute("select table_schema || '.' || table_name from information_schema.tables "
                             f"where table_schema in ({', '.join(repr(s) for s in schemas)}) and table_type = 'BASE TABLE'").fetchall()
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for (t,) in tables}


def add_new_hour(scale: dict, sources: Path, work: Path, hour: int) -> list[Path]:
    """Today's hour ``hour`` (local) of station files, as the stations would drop it."""
    today = datetime.now(LOCAL).date()
    gen = work / "new_hours"
    if not (gen / "drop").is_dir():
        run(py("-m", "simulators.env_monitoring", "--out", str(gen), "--days", "1", "--start", today.isoformat(),
               *env_args(scale)))
    prefix = f"{today:%Y%m%d}{hour:02d}"
    drop = sources / "env_monitoring" / "drop"
    added = []
    for f in (gen / "drop").iterdir():
        if f.stem.split("_")[-1].startswith(prefix) or f"_{prefix}" in f.name:
            shutil.copy(f, drop / f.name)
            added.append(drop / f.name)
    return added


def bench_incremental(scale: dict, sources: Path, run_dir: Path, work: Path, repeat: int, peak: Peak) -> tuple[list[float], bool]:
    today = datetime.now(LOCAL).date().isoformat()
    seconds, added, ok = [], [], True
    try:
        for hour in range(repeat):
            added += add_new_hour(scale, sources, work, hour)
            r = run(py("-m", "benchmarks.workers", "refresh", today), env=run_env(run_dir, sources))
            peak.add("incremental_refresh", r)
            seconds.append(r.json()["seconds"])
            ok = ok and r.json()["success"]
            if not r.json()["success"]:
                log("incremental ioc_refresh_job did not succeed (timed anyway)")
    finally:
        for f in added:  # the cached sources stay as simulated
            f.unlink(missing_ok=True)
    return seconds, ok


def bench_pipeline(name: str, scale: dict, sources: Path, work: Path, repeat: int, peak: Peak) -> dict:
    run_dir = work / "run"
    pipe_s, ok = [], []
    started = time.time()
    for i in range(repeat):
        log(f"pipeline run {i + 1}/{repeat}")
        s, success, started = run_pipeline(scale["days"], run_dir, sources, peak)
        pipe_s.append(s)
        ok.append(success)
    build_db = run_dir / "data" / "warehouse" / "build.duckdb"
    dbt = dbt_timings(started)

    log("raw SQL: dbt compile → one DuckDB script")
    raw_dir = work / "rawsql"
    r = run(py("-m", "benchmarks.rawsql", "generate", str(run_dir / "data" / "landing"), str(build_db), str(raw_dir)),
            env=run_env(run_dir, sources))
    script = r.json()["script"]
    raw_s = []
    for _ in range(repeat):
        r = run(py("-m", "benchmarks.rawsql", "run", script, str(raw_dir / "raw" / "build.duckdb")))
        peak.add("raw_sql", r)
        raw_s.append(r.json()["seconds"])
    pipeline_counts = table_counts(build_db)
    raw_counts = table_counts(raw_dir / "raw" / "build.duckdb")
    mismatched = {t: (n, raw_counts.get(t)) for t, n in pipeline_counts.items() if raw_counts.get(t) != n}

    log("checks: GX suites on the build file (pushdown proof)")
    r = run(py("-m", "benchmarks.workers", "gx", str(build_db), str(run_dir / "data" / "gx")),
            env=run_env(run_dir, sources))
    peak.add("gx", r)
    gx = r.json()
    build_s = dbt["models_s"] + dbt["seeds_s"]
    checks_s = dbt["tests_s"] + dbt["unit_tests_s"] + gx["seconds"]
    largest = max(gx["suites"], key=lambda s: s["rows"] or 0)

    log("incremental: one new hour, ioc_refresh_job for today's partition")
    inc, inc_ok = bench_incremental(scale, sources, run_dir, work, repeat, peak)  # repeat = pipeline runs
    result = {
        "pipeline_s": median(pipe_s), "pipeline_runs_published": ok, "raw_sql_s": median(raw_s),
        "pipeline_vs_raw_sql": median(pipe_s) / median(raw_s),
        "raw_sql_kpi_rowcount_mismatches": mismatched,
        "dbt": dbt, "gx": gx,
        "checks_s": checks_s, "build_plus_checks_s": build_s + checks_s,
        "checks_share_of_build": checks_s / (build_s + checks_s) if build_s + checks_s else None,
        "gx_largest_table": largest["table"], "gx_largest_table_rows": largest["rows"],
        "gx_max_frame_rows": max(s["max_frame_rows"] for s in gx["suites"]),
        "incremental_s": median(inc), "incremental_runs_succeeded": inc_ok,
    }
    if scale["days"] <= 7:
        result["incremental_week_s"] = result["incremental_s"]
        result["incremental_year_vs_week"] = None
        result["incremental_note"] = f"{name} holds {scale['days']} days: it is the week baseline (run month/year)"
    else:
        week = {**scale, "days": 7}
        log("incremental baseline: the same fleet with one week of history")
        week_sources = work.parent / f"{name}_week" / "sources"
        simulate(f"{name}_week", week, week_sources, peak)
        run_pipeline(7, work / "run_week", week_sources, peak)
        week_runs, week_ok = bench_incremental(week, week_sources, work / "run_week", work.parent / f"{name}_week", repeat, peak)
        week_s = median(week_runs)
        result["incremental_week_runs_succeeded"] = week_ok
        result["incremental_week_s"] = week_s
        result["incremental_year_vs_week"] = result["incremental_s"] / week_s
    return result


# --- report --------------------------------------------------------------------------------------

def table(res: dict) -> str:
    m = res["measurements"]
    rows = []

    def add(label, value, target=None, fmt="{:.2f}"):
        shown = "n/a" if value is None else fmt.format(value)
        verdict = "" if target is None or value is None else ("ok" if value <= target else "MISSED")
        rows.append((label, shown, "" if target is None else f"≤ {target:g}", verdict))

    i = m["ingestion"]
    add(f"1 ingest {i['files']} files ({i['bytes'] / 1e6:.0f} MB): ingest / cat", i["ingest_vs_cat"], TARGETS["ingest_vs_cat"])
    add(f"  ingest {i['ingest_s']:.2f}s, cat {i['cat_s']:.3f}s, pandas {i['naive_pandas_s']:.2f}s: ingest / naive pandas",
        i["ingest_vs_naive_pandas"])
    if "pipeline" in m:
        p = m["pipeline"]
        add(f"2 pipeline {p['pipeline_s']:.0f}s / raw SQL {p['raw_sql_s']:.1f}s", p["pipeline_vs_raw_sql"], TARGETS["pipeline_vs_raw_sql"])
        failed = "" if p.get("incremental_runs_succeeded", True) else " (RUN FAILED)"
        add(f"3 incremental {p['incremental_s']:.1f}s / after a week {p['incremental_week_s']:.1f}s{failed}",
            p["incremental_year_vs_week"], TARGETS["incremental_year_vs_week"])
        add(f"4 checks {p['checks_s']:.1f}s / build+checks {p['build_plus_checks_s']:.1f}s", p["checks_share_of_build"],
            TARGETS["checks_share_of_build"], "{:.0%}")
        add(f"  GX largest frame rows (largest table {p['gx_largest_table']}: {p['gx_largest_table_rows']} rows)",
            p["gx_max_frame_rows"], None, "{:.0f}")
    lo = m["load"]
    add(f"5 load {lo['code_location_s']:.2f}s / bare imports {lo['bare_imports_s']:.2f}s", lo["load_vs_bare_imports"],
        TARGETS["load_vs_bare_imports"])
    add("6 peak RSS of any child (GB)", m["peak_rss"]["max_gb"], TARGETS["peak_rss_gb"])
    width = max(len(r[0]) for r in rows)
    lines = [f"scale {res['scale']} · repeat {res['repeat']} · {res['machine']['nproc']} cores · {res['machine']['cpu']}",
             f"{'measurement'.ljust(width)}  {'ratio':>8}  {'target':>7}"]
    lines += [f"{a.ljust(width)}  {b:>8}  {c:>7}  {d}" for a, b, c, d in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    scales = load_scales()
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(scales), default="small")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "latest.json")
    parser.add_argument("--work-dir", type=Path, default=Path(os.environ.get("IOC_BENCH_DIR", "/tmp/ioc-bench")),
                        help="scratch space: simulated sources (cached per scale), runs, builds")
    parser.add_argument("--pipeline-repeat", type=int, help="runs of the full pipeline (default: --repeat)")
    args = parser.parse_args(argv)
    scale = scales[args.scale]
    work = args.work_dir / args.scale
    sources = work / "sources"
    peak = Peak()
    t0 = time.perf_counter()
    res = {"scale": args.scale, "scale_definition": scale, "repeat": args.repeat,
           "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
           "targets": TARGETS, "measurements": {}}

    simulate(args.scale, scale, sources, peak)
    drop = sources / "env_monitoring" / "drop"
    log("1 ingestion vs cat vs naive pandas")
    res["measurements"]["ingestion"] = bench_ingestion(drop, work, args.repeat, peak)
    log("5 code-location load time")
    res["measurements"]["load"] = bench_load(run_env(work / "run", sources), args.repeat, peak)
    if scale["pipeline"]:
        log("2-4 pipeline, raw SQL, checks, incremental")
        res["measurements"]["pipeline"] = bench_pipeline(args.scale, scale, sources, work,
                                                         args.pipeline_repeat or args.repeat, peak)
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
