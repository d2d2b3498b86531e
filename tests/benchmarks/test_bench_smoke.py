"""Smoke test of the benchmark harness (issue 7): it runs, and its output is well formed.

Correctness of the harness only: no timing is asserted. The tiny scale is env ingestion on a few
hundred station files (vs cat, vs naive pandas) and the code-location load time; the pipeline
pieces (raw SQL generator, run_results parsing) are checked on their own without a pipeline run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.proc import run
from benchmarks.rawsql import script_from_manifest

REPO = Path(__file__).resolve().parents[2]


def test_tiny_scale_runs_and_writes_json(tmp_path):
    out = tmp_path / "latest.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--scale", "tiny", "--repeat", "1", "--out", str(out),
         "--work-dir", str(tmp_path / "work")],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "ingest / cat" in proc.stdout and "bare imports" in proc.stdout
    res = json.loads(out.read_text())
    assert res["scale"] == "tiny" and res["machine"]["nproc"] >= 1
    ing = res["measurements"]["ingestion"]
    assert ing["files"] > 100 and ing["lines_read"] > 0
    for key in ("cat_s", "ingest_s", "naive_pandas_s", "ingest_vs_cat", "ingest_vs_naive_pandas"):
        assert ing[key] > 0, key
    load = res["measurements"]["load"]
    assert load["code_location_s"] > 0 and load["bare_imports_s"] > 0
    assert res["measurements"]["peak_rss"]["max_gb"] > 0
    assert {"ingest", "naive_pandas", "load_location"} <= set(res["measurements"]["peak_rss"]["by_step_mb"])


def test_child_peak_rss_is_the_childs_own():
    # Measured from a fresh, small interpreter: Linux carries a process's peak RSS across fork and
    # exec, so children of a large pytest process would all start at the parent's peak.
    probe = (
        "import sys; from benchmarks.proc import run\n"
        "small = run([sys.executable, '-c', 'pass'])\n"
        "big = run([sys.executable, '-c', \"b = bytearray(300 * 2**20); b[::4096] = b'x' * len(b[::4096])\"])\n"
        "print(small.max_rss_mb, big.max_rss_mb)\n"
    )
    small_mb, big_mb = map(float, run([sys.executable, "-c", probe]).stdout.split())
    assert big_mb > small_mb + 200


def test_raw_sql_script_follows_dependency_order():
    manifest = {"nodes": {
        "model.ioc.b": {"resource_type": "model", "relation_name": '"build"."kpi"."b"', "schema": "kpi",
                        "alias": "b", "config": {"materialized": "table"}, "compiled_code": "select * from a;",
                        "depends_on": {"nodes": ["model.ioc.a"]}},
        "model.ioc.a": {"resource_type": "model", "relation_name": '"build"."staging"."a"', "schema": "staging",
                        "alias": "a", "config": {"materialized": "view"}, "compiled_code": "select * from s",
                        "depends_on": {"nodes": ["seed.ioc.s"]}},
        "seed.ioc.s": {"resource_type": "seed", "relation_name": '"build"."staging"."s"', "schema": "staging",
                       "alias": "s", "config": {"materialized": "seed"}, "depends_on": {"nodes": []}},
        "test.ioc.t": {"resource_type": "test", "config": {}, "depends_on": {"nodes": ["model.ioc.b"]}},
    }}
    script = script_from_manifest(manifest)
    seed, view, table = (script.index(s) for s in ('TABLE "build"."staging"."s"', 'VIEW "build"."staging"."a"',
                                                    'TABLE "build"."kpi"."b"'))
    assert seed < view < table and "test.ioc.t" not in script and "from a;" not in script
