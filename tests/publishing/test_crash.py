"""SIGKILL in the middle of a publication leaves the previous one complete; the next one succeeds."""

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from ingestion.settings import REPO_ROOT
from orchestration.publishing import audit_log, publish
from orchestration.publishing.snapshot import read_latest

PUBLISH_IN_SUBPROCESS = """
import json, sys
from pathlib import Path
from orchestration.publishing import publish
args = json.loads(sys.argv[1])
publish(build_db=Path(args["build"]), run_id="run-killed", check_results=[], expected_checks=None,
        code_version="git:test", dbt_manifest_path=None, published_dir=Path(args["published"]),
        audit_dir=Path(args["audit"]), landing_dir=Path(args["landing"]))
"""


def make_large_build(path, rows=2_000_000):
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute("create schema kpi; create schema ref")
        con.execute(f"create table kpi.readings_hourly as select i as id, 'ST' || (i % 500) as station_code, "
                    f"i * 0.5 as value, timestamptz '2025-01-01 00:00:00+00' + to_seconds(i) as at "
                    f"from range({rows}) r(i)")
        con.execute("create table ref.districts as select '001' as district_code")


def temp_files(published):
    return [p for d in (published, published / "snapshots") if d.is_dir() for p in d.iterdir()
            if p.name.startswith(".") and ".tmp" in p.name]


# Kill while the new file is being filled, or later, while the snapshot is being written.
STAGES = {
    "copying": lambda p: p.name.startswith(".ioc.duckdb."),
    "snapshotting": lambda p: p.parent.name == "snapshots" and p.is_dir(),
}


@pytest.mark.parametrize("stage", STAGES)
def test_sigkill_mid_publication(dirs, make_build_db, publish_kwargs, file_sha256, stage):
    make_build_db()
    first = publish(**publish_kwargs())
    published = dirs.published / "ioc.duckdb"
    before = file_sha256(published)

    large = dirs.root / "warehouse" / "large.duckdb"
    make_large_build(large)
    args = json.dumps({"build": str(large), "published": str(dirs.published),
                       "audit": str(dirs.audit), "landing": str(dirs.landing)})
    proc = subprocess.Popen([sys.executable, "-c", PUBLISH_IN_SUBPROCESS, args], cwd=REPO_ROOT,
                            env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
    try:
        deadline = time.monotonic() + 60
        while not any(STAGES[stage](p) for p in temp_files(dirs.published)):
            assert proc.poll() is None, "publisher finished before it could be killed"
            assert time.monotonic() < deadline, f"publisher never reached {stage}"
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    # The previous publication is intact, openable, and still the current one.
    assert temp_files(dirs.published), "the kill should have left the publisher's temp file behind"
    assert file_sha256(published) == before
    assert read_latest(dirs.published) == first.publication_id
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select publication_id from audit.publication").fetchone() == (first.publication_id,)
        assert con.execute("select count(*) from kpi.air_quality_daily").fetchone() == (5,)
    outcomes = audit_log.read("publications", audit_dir=dirs.audit).column("outcome").to_pylist()
    assert outcomes == ["published"]  # the killed attempt never claimed to publish

    # The next publisher takes over the lock the dead one held, removes its leftovers, publishes.
    make_build_db(version=2)
    third = publish(**publish_kwargs(run_id="run-3"))
    assert third.outcome == "published" and read_latest(dirs.published) == third.publication_id
    assert temp_files(dirs.published) == []
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select publication_id from audit.publication").fetchone() == (third.publication_id,)
