"""Measurements 2-4: full pipeline vs raw SQL, checks' share of the build, and the hourly
incremental run after the scale's history vs after a week."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

from benchmarks.proc import REPO, Peak, median, py, run
from benchmarks.scales import LOCAL, env_args, log, simulate


def run_env(run_dir: Path, sources: Path) -> dict:
    return {**os.environ, "IOC_DATA_DIR": str(run_dir / "data"), "IOC_SOURCES_DIR": str(sources),
            "DAGSTER_HOME": str(run_dir / "dagster_home"), "IOC_DEMO_LOG_LEVEL": "WARNING"}


def fresh_run_dir(run_dir: Path) -> None:
    shutil.rmtree(run_dir, ignore_errors=True)
    (run_dir / "dagster_home").mkdir(parents=True)
    shutil.copy(REPO / "orchestration" / "dagster_home" / "dagster.yaml", run_dir / "dagster_home" / "dagster.yaml")


def prepare(run_dir: Path, sources: Path) -> None:
    """``make prepare`` for this data dir (not timed, as ``make demo`` runs it first): the manifest
    and dbt's partial-parse state, whose profile names the build file of this data dir."""
    data = run_dir / "data"
    env = {**run_env(run_dir, sources), "IOC_BUILD_DB": str(data / "warehouse" / "build.duckdb"),
           "IOC_LANDING_DIR": str(data / "landing")}
    run([str(Path(sys.executable).parent / "dbt"), "parse", "--quiet"], env=env, cwd=REPO / "dbt_project")


def run_pipeline(days: int, run_dir: Path, sources: Path, peak: Peak) -> tuple[float, bool, float]:
    fresh_run_dir(run_dir)
    prepare(run_dir, sources)
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


def bench_incremental(scale: dict, sources: Path, run_dir: Path, work: Path, repeat: int,
                      peak: Peak) -> tuple[list[float], list[float], bool]:
    """Wall and CPU seconds of ``repeat`` hourly refreshes, each after a new hour of station files."""
    today = datetime.now(LOCAL).date().isoformat()
    seconds, cpu, added, ok = [], [], [], True
    try:
        for hour in range(repeat):
            added += add_new_hour(scale, sources, work, hour)
            r = run(py("-m", "benchmarks.workers", "refresh", today), env=run_env(run_dir, sources))
            peak.add("incremental_refresh", r)
            seconds.append(r.json()["seconds"])
            cpu.append(r.json()["cpu_seconds"])
            ok = ok and r.json()["success"]
            if not r.json()["success"]:
                log("incremental ioc_refresh_job did not succeed (timed anyway)")
    finally:
        for f in added:  # the cached sources stay as simulated
            f.unlink(missing_ok=True)
    return seconds, cpu, ok


def bench_raw_sql(run_dir: Path, build_db: Path, sources: Path, work: Path, repeat: int,
                  peak: Peak) -> tuple[list[float], dict]:
    """The pipeline's transformations as one raw DuckDB script: seconds per run, and the kpi
    tables whose row counts differ from the pipeline's build (should be none)."""
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
    return raw_s, {t: (n, raw_counts.get(t)) for t, n in pipeline_counts.items() if raw_counts.get(t) != n}


def bench_pipeline(name: str, scale: dict, sources: Path, work: Path, repeat: int, peak: Peak,
                   *, raw_sql: bool = True) -> dict:
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

    raw_s, mismatched = (bench_raw_sql(run_dir, build_db, sources, work, repeat, peak) if raw_sql
                         else ([], None))

    log("checks: GX suites on the build file (pushdown proof)")
    r = run(py("-m", "benchmarks.workers", "gx", str(build_db), str(run_dir / "data" / "gx")),
            env=run_env(run_dir, sources))
    peak.add("gx", r)
    gx = r.json()
    build_s = dbt["models_s"] + dbt["seeds_s"]
    checks_s = dbt["tests_s"] + dbt["unit_tests_s"] + gx["seconds"]
    largest = max(gx["suites"], key=lambda s: s["rows"] or 0)

    log("incremental: one new hour, ioc_refresh_job for today's partition")
    inc, inc_cpu, inc_ok = bench_incremental(scale, sources, run_dir, work, repeat, peak)  # repeat = pipeline runs
    result = {
        "pipeline_s": median(pipe_s), "pipeline_runs_published": ok,
        "raw_sql_s": median(raw_s) if raw_s else None,
        "pipeline_vs_raw_sql": median(pipe_s) / median(raw_s) if raw_s else None,
        "raw_sql_kpi_rowcount_mismatches": mismatched,
        "dbt": dbt, "gx": gx,
        "checks_s": checks_s, "build_plus_checks_s": build_s + checks_s,
        "checks_share_of_build": checks_s / (build_s + checks_s) if build_s + checks_s else None,
        "gx_largest_table": largest["table"], "gx_largest_table_rows": largest["rows"],
        "gx_max_frame_rows": max(s["max_frame_rows"] for s in gx["suites"]),
        "incremental_s": median(inc), "incremental_cpu_s": median(inc_cpu), "incremental_runs_succeeded": inc_ok,
    }
    if scale["days"] <= 7:
        result["incremental_week_s"] = result["incremental_s"]
        result["incremental_week_cpu_s"] = result["incremental_cpu_s"]
        result["incremental_year_vs_week"] = result["incremental_year_vs_week_cpu"] = None
        result["incremental_note"] = f"{name} holds {scale['days']} days: it is the week baseline (run month/year)"
    else:
        week = {**scale, "days": 7}
        log("incremental baseline: the same fleet with one week of history")
        week_sources = work.parent / f"{name}_week" / "sources"
        simulate(f"{name}_week", week, week_sources, peak)
        run_pipeline(7, work / "run_week", week_sources, peak)
        week_runs, week_cpu, week_ok = bench_incremental(week, week_sources, work / "run_week",
                                                         work.parent / f"{name}_week", repeat, peak)
        week_s = median(week_runs)
        result["incremental_week_cpu_s"] = median(week_cpu)
        result["incremental_year_vs_week_cpu"] = result["incremental_cpu_s"] / median(week_cpu)
        result["incremental_week_runs_succeeded"] = week_ok
        result["incremental_week_s"] = week_s
        result["incremental_year_vs_week"] = result["incremental_s"] / week_s
    return result
