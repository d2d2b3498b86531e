"""The code location loads from the prepared manifest: no dbt run, no great_expectations import."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict:
    return {**os.environ, "IOC_DATA_DIR": str(tmp_path / "data"), "DAGSTER_HOME": str(tmp_path / "dh")}


def test_loading_definitions_neither_runs_dbt_nor_imports_great_expectations(tmp_path):
    (tmp_path / "dh").mkdir()
    probe = (
        "import sys\n"
        "from orchestration.definitions import defs\n"
        "graph = defs.resolve_asset_graph()\n"
        "print(len(graph.get_all_asset_keys()), len(list(graph.asset_check_keys)))\n"
        "assert 'great_expectations' not in sys.modules, 'GX imported at load'\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=_env(tmp_path), capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    assets, checks = map(int, out.stdout.split())
    assert assets > 20 and checks > 20
    # dbt did not run: it would have created the build DuckDB file under the temporary data dir.
    assert not (tmp_path / "data" / "warehouse" / "build.duckdb").exists()


def test_dagster_definitions_validate_passes(tmp_path):
    (tmp_path / "dh").mkdir()
    out = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-w", "workspace.yaml"],
        cwd=REPO,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, (out.stdout + out.stderr)[-3000:]
