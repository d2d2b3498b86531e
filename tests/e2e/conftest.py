"""One real end-to-end run of the demo (small profile) shared by the end-to-end tests.

It runs ``python -m orchestration.demo`` in a subprocess against a temporary data directory
and Dagster instance: every stand-in, every connector, dbt build, GX, the publish gate.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_demo(data_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "IOC_DATA_DIR": str(data_dir),
        "DAGSTER_HOME": str(data_dir / "dagster_home"),
        "IOC_DEMO_LOG_LEVEL": "WARNING",
    }
    (data_dir / "dagster_home").mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "orchestration.demo", "--profile", "small", "--days", "2", *extra],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("ioc_e2e")
    result = run_demo(data_dir)
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
    (data_dir / "first_run_summary.txt").write_text(result.stdout)
    return data_dir
