"""The run's window reaches dbt through IOC_WINDOW_START / IOC_WINDOW_END (what Dagster sets), as
well as through --vars, and a new window every run keeps dbt's partial parsing (changed --vars
make dbt re-parse the whole project: ~4 s per invocation, docs/performance.md)."""

from __future__ import annotations

import json
import os

import pytest

from orchestration.defs.dbt_assets import window_environment
from tests.warehouse.conftest import copy_project, run_dbt

READINGS_RULES = "row_rules_stg_env__readings"
FULL_REPARSE = "Unable to do partial parsing"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("window_env")
    project = copy_project(root / "dbt_project")
    (root / "landing").mkdir()
    parsed = run_dbt(project, root / "build.duckdb", root / "landing", "parse")
    assert parsed.returncode == 0, parsed.stdout[-3000:]
    return project, root


def _compile(project, root, *args, env=None):
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        result = run_dbt(project, root / "build.duckdb", root / "landing", "compile", "--select", READINGS_RULES, *args)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert result.returncode == 0, result.stdout[-3000:]
    compiled = next((project / "target" / "compiled").rglob(f"{READINGS_RULES}.sql")).read_text()
    return result.stdout, compiled


def test_window_from_the_environment_keeps_partial_parsing(project):
    project, root = project
    for day in ("2026-11-24", "2026-11-25"):
        env = {"IOC_WINDOW_START": f"{day} 00:00:00", "IOC_WINDOW_END": f"{day} 23:00:00"}
        log, compiled = _compile(project, root, env=env)
        assert f"timestamp '{day} 00:00:00'" in compiled and f"timestamp '{day} 23:00:00'" in compiled
        assert FULL_REPARSE not in log


def test_without_a_window_every_row_is_tested_and_vars_still_work(project):
    project, root = project
    _, everything = _compile(project, root)
    assert "2026-11" not in everything and "1=1" in everything
    window = {"window_start": "2026-11-20 00:00:00", "window_end": "2026-11-21 00:00:00"}
    log, by_vars = _compile(project, root, "--vars", json.dumps(window))
    assert "timestamp '2026-11-20 00:00:00'" in by_vars
    assert FULL_REPARSE in log  # what the environment route avoids


def test_window_environment_sets_and_restores(monkeypatch):
    monkeypatch.setenv("IOC_WINDOW_START", "before")
    monkeypatch.delenv("IOC_WINDOW_END", raising=False)
    with window_environment({"window_start": "2026-11-25 00:00:00", "window_end": "2026-11-26 00:00:00"}):
        assert (os.environ["IOC_WINDOW_START"], os.environ["IOC_WINDOW_END"]) == ("2026-11-25 00:00:00", "2026-11-26 00:00:00")
    assert os.environ["IOC_WINDOW_START"] == "before" and "IOC_WINDOW_END" not in os.environ
    with window_environment({}):  # no window: nothing inherited from the caller
        assert "IOC_WINDOW_START" not in os.environ
    assert os.environ["IOC_WINDOW_START"] == "before"
