"""One small warehouse per session: every stand-in, every connector, then dbt build.

The dbt project is copied into the session's temporary directory (dbt writes target/ and logs/
next to it, and the add-an-indicator test edits its copy), so the working tree is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
DBT_PROJECT = REPO / "dbt_project"
DBT = str(Path(sys.executable).parent / "dbt")


def copy_project(destination: Path) -> Path:
    shutil.copytree(DBT_PROJECT, destination, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages", ".user.yml"))
    return destination


def run_dbt(project: Path, build_db: Path, landing: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "IOC_BUILD_DB": str(build_db), "IOC_LANDING_DIR": str(landing), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    return subprocess.run([DBT, *args], cwd=project, env=env, capture_output=True, text=True, timeout=900)


@dataclass(frozen=True)
class Warehouse:
    data_dir: Path
    project: Path
    build_db: Path

    @property
    def landing(self) -> Path:
        return self.data_dir / "landing"

    def connect(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.build_db), read_only=True)


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory) -> Warehouse:
    root = tmp_path_factory.mktemp("warehouse")
    data_dir = root / "data"
    prepared = subprocess.run([sys.executable, "-m", "tests.warehouse.prepare", str(data_dir)], cwd=REPO,
                              capture_output=True, text=True, timeout=900)
    assert prepared.returncode == 0, (prepared.stdout + prepared.stderr)[-4000:]
    project = copy_project(root / "dbt_project")
    build_db = data_dir / "warehouse" / "build.duckdb"
    build_db.parent.mkdir(parents=True, exist_ok=True)
    built = run_dbt(project, build_db, data_dir / "landing", "build")
    assert built.returncode == 0, built.stdout[-6000:]
    return Warehouse(data_dir=data_dir, project=project, build_db=build_db)
