"""The terminal table of a benchmark result."""

from __future__ import annotations

from benchmarks.scales import TARGETS


def table(res: dict) -> str:
    m = res["measurements"]
    rows = []

    def add(label, value, target=None, fmt="{:.2f}"):
        shown = "n/a" if value is None else fmt.format(value)
        verdict = "" if target is None or value is None else ("ok" if value <= target else "MISSED")
        rows.append((label, shown, "" if target is None else f"≤ {target:g}", verdict))

    i = m.get("ingestion")
    if i:
        add(f"1 ingest {i['files']} files ({i['bytes'] / 1e6:.0f} MB): ingest / cat", i["ingest_vs_cat"], TARGETS["ingest_vs_cat"])
        add(f"  ingest {i['ingest_s']:.2f}s, cat {i['cat_s']:.3f}s; on {i['naive_pandas_files']} files ingest "
            f"{i['ingest_same_files_s']:.2f}s, pandas {i['naive_pandas_s']:.2f}s: ingest / naive pandas",
            i["ingest_vs_naive_pandas"])
    if "pipeline" in m:
        p = m["pipeline"]
        raw = "skipped" if p["raw_sql_s"] is None else f"{p['raw_sql_s']:.1f}s"
        add(f"2 pipeline {p['pipeline_s']:.0f}s / raw SQL {raw}", p["pipeline_vs_raw_sql"], TARGETS["pipeline_vs_raw_sql"])
        failed = "" if p.get("incremental_runs_succeeded", True) else " (RUN FAILED)"
        add(f"3 incremental {p['incremental_s']:.1f}s / after a week {p['incremental_week_s']:.1f}s{failed}",
            p["incremental_year_vs_week"], TARGETS["incremental_year_vs_week"])
        if p.get("incremental_cpu_s") is not None:
            add(f"  CPU: incremental {p['incremental_cpu_s']:.1f}s / after a week {p['incremental_week_cpu_s']:.1f}s",
                p.get("incremental_year_vs_week_cpu"), TARGETS["incremental_year_vs_week"])
        add(f"4 checks {p['checks_s']:.1f}s / build+checks {p['build_plus_checks_s']:.1f}s", p["checks_share_of_build"],
            TARGETS["checks_share_of_build"], "{:.0%}")
        add(f"  GX largest frame rows (largest table {p['gx_largest_table']}: {p['gx_largest_table_rows']} rows)",
            p["gx_max_frame_rows"], None, "{:.0f}")
    lo = m["load"]
    add(f"5 load {lo['code_location_s']:.2f}s / bare imports {lo['bare_imports_s']:.2f}s", lo["load_vs_bare_imports"],
        TARGETS["load_vs_bare_imports"])
    add(f"  CPU: load {lo['code_location_cpu_s']:.2f}s / bare imports {lo['bare_imports_cpu_s']:.2f}s",
        lo["load_vs_bare_imports_cpu"], TARGETS["load_vs_bare_imports"])
    add("6 peak RSS of any child (GB)", m["peak_rss"]["max_gb"], TARGETS["peak_rss_gb"])
    width = max(len(r[0]) for r in rows)
    lines = [f"scale {res['scale']} · repeat {res['repeat']} · {res['machine']['nproc']} cores · {res['machine']['cpu']}",
             f"{'measurement'.ljust(width)}  {'ratio':>8}  {'target':>7}"]
    lines += [f"{a.ljust(width)}  {b:>8}  {c:>7}  {d}" for a, b, c, d in rows]
    return "\n".join(lines)
