"""The dbt project as one raw DuckDB SQL script, without orchestration (measurement 2's baseline).

``dbt compile`` against an empty build file (so incremental models compile to their full
select and the partition-window filters are off), then every compiled model in dependency order
as ``create table … as`` (``create view`` for views), in one DuckDB process. Seeds are inputs
(reference CSVs, a few thousand rows): they are copied from a build file that has them. Hooks and
data tests are not transformations and are left out.

    python -m benchmarks.rawsql generate LANDING_DIR SEED_DB WORK_DIR   -> WORK_DIR/transform.sql
    python -m benchmarks.rawsql run SCRIPT DB                           -> {"seconds": ...}
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from graphlib import TopologicalSorter
from pathlib import Path

DBT_PROJECT = Path(__file__).resolve().parent.parent / "dbt_project"
DB_NAME = "build"  # the compiled SQL names the catalog after the build file's stem


def compile_project(landing_dir: Path, work: Path) -> dict:
    compile_dir = work / "compile"
    shutil.rmtree(compile_dir, ignore_errors=True)
    compile_dir.mkdir(parents=True)
    env = {**os.environ, "IOC_BUILD_DB": str(compile_dir / f"{DB_NAME}.duckdb"), "IOC_LANDING_DIR": str(landing_dir),
           "DBT_LOG_PATH": str(compile_dir / "logs")}
    target = compile_dir / "target"
    subprocess.run([sys.executable, "-m", "dbt.cli.main", "compile", "--quiet", "--target-path", str(target)],
                   cwd=DBT_PROJECT, env=env, check=True, stdout=subprocess.DEVNULL)
    return json.loads((target / "manifest.json").read_text())


def script_from_manifest(manifest: dict) -> str:
    nodes = {k: n for k, n in manifest["nodes"].items() if n["resource_type"] in ("model", "seed")}
    order = TopologicalSorter(
        {k: [d for d in n.get("depends_on", {}).get("nodes", []) if d in nodes] for k, n in nodes.items()}
    ).static_order()
    schemas = sorted({n["schema"] for n in nodes.values()})
    out = ["SET TimeZone = 'UTC';", *(f'CREATE SCHEMA IF NOT EXISTS "{s}";' for s in schemas)]
    for key in order:
        n = nodes[key]
        relation = n["relation_name"]
        mat = n["config"].get("materialized")
        if n["resource_type"] == "seed":
            out.append(f'CREATE OR REPLACE TABLE {relation} AS SELECT * FROM seeds."{n["schema"]}"."{n["alias"]}";')
            continue
        if mat == "ephemeral":
            continue  # inlined as a CTE by dbt in the models that use it
        sql = (n.get("compiled_code") or "").strip().rstrip(";")
        kind = "VIEW" if mat == "view" else "TABLE"
        out.append(f"-- {key} ({mat})\nCREATE OR REPLACE {kind} {relation} AS (\n{sql}\n);")
    return "\n".join(out) + "\n"


def generate(landing_dir: str, seed_db: str, work: str) -> Path:
    work_dir = Path(work)
    manifest = compile_project(Path(landing_dir), work_dir)
    script = work_dir / "transform.sql"
    script.write_text(f"ATTACH '{seed_db}' AS seeds (READ_ONLY);\n" + script_from_manifest(manifest))
    return script


def run(script: str, db: str) -> dict:
    import duckdb

    Path(db).unlink(missing_ok=True)
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with duckdb.connect(db) as con:
        con.execute(Path(script).read_text())
    return {"seconds": time.perf_counter() - t0}


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    if kind == "generate":
        print(json.dumps({"script": str(generate(*args))}))
    else:
        print(json.dumps(run(*args)))
