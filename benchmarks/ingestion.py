"""Measurements 1 (env file-drop ingestion vs cat vs naive pandas) and 5 (code-location load)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from benchmarks.proc import Peak, median, py, run


def bench_ingestion(drop: Path, work: Path, repeat: int, peak: Peak) -> dict:
    files = [e for e in os.scandir(drop) if e.name.endswith(".txt")]
    total_bytes = sum(e.stat().st_size for e in files)
    cat_cmd = f"find '{drop}' -maxdepth 1 -name '*.txt' -print0 | xargs -0 cat > /dev/null"
    run(cat_cmd, shell=True)  # warm the page cache: every contender reads from memory
    cat_s, ingest_s = [], []
    rows = None
    for _ in range(repeat):
        cat_s.append(run(cat_cmd, shell=True).seconds)
        seconds, rows = _ingest_once(drop, work, peak)
        ingest_s.append(seconds)
    c, i = median(cat_s), median(ingest_s)
    # The naive reference runs once (it is ~25x slower; its spread does not change the ratio's
    # meaning), on at most PANDAS_SAMPLE_FILES files: per-file pandas is linear in the file count,
    # so the ratio is taken against the connector on the very same sample.
    sample, sample_ingest_s = drop, i
    if len(files) > PANDAS_SAMPLE_FILES:
        sample = _sample_drop(files, work / "pandas_sample")
        sample_ingest_s, _ = _ingest_once(sample, work, peak)
    r = run(py("-m", "benchmarks.workers", "pandas", str(sample)))
    peak.add("naive_pandas", r)
    p = r.json()["seconds"]
    shutil.rmtree(work / "pandas_sample", ignore_errors=True)
    return {"files": len(files), "bytes": total_bytes, "lines_read": rows,
            "cat_s": c, "ingest_s": i, "ingest_vs_cat": i / c, "ingest_mb_per_s": total_bytes / 1e6 / i,
            "naive_pandas_files": min(len(files), PANDAS_SAMPLE_FILES), "naive_pandas_s": p,
            "ingest_same_files_s": sample_ingest_s, "ingest_vs_naive_pandas": sample_ingest_s / p}


PANDAS_SAMPLE_FILES = 60_000


def _ingest_once(drop: Path, work: Path, peak: Peak) -> tuple[float, int]:
    """The connector over ``drop`` into a scratch landing zone: (seconds in process, lines read)."""
    landing = work / "ingest_landing"
    shutil.rmtree(landing, ignore_errors=True)
    r = run(py("-m", "benchmarks.workers", "ingest", str(drop), str(landing)))
    peak.add("ingest", r)
    shutil.rmtree(landing, ignore_errors=True)
    return r.json()["seconds"], r.json()["rows_read"]


def _sample_drop(files: list[os.DirEntry], dest: Path) -> Path:
    """The first PANDAS_SAMPLE_FILES files by name (whole station-days), hard-linked, not copied."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for entry in sorted(files, key=lambda e: e.name)[:PANDAS_SAMPLE_FILES]:
        os.link(entry.path, dest / entry.name)
    return dest


def bench_load(env: dict, repeat: int, peak: Peak) -> dict:
    n = max(repeat, 1)
    timings: dict[str, list[float]] = {"python": [], "bare": [], "location": []}
    cpu: dict[str, list[float]] = {"python": [], "bare": [], "location": []}
    code = {"python": "pass", "bare": "import dagster, dagster_dbt", "location": "import orchestration.definitions"}
    for _ in range(n):
        for key, source in code.items():
            r = run(py("-c", source), env=env)
            peak.add(f"load_{key}", r)
            timings[key].append(r.seconds)
            cpu[key].append(r.cpu_s)
    py_s, bare, loc = (median(timings[k]) for k in ("python", "bare", "location"))
    bare_cpu, loc_cpu = median(cpu["bare"]), median(cpu["location"])
    return {"python_startup_s": py_s, "bare_imports_s": bare, "code_location_s": loc, "load_vs_bare_imports": loc / bare,
            "bare_imports_cpu_s": bare_cpu, "code_location_cpu_s": loc_cpu, "load_vs_bare_imports_cpu": loc_cpu / bare_cpu}
