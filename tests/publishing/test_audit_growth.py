"""Audit tables only grow: through withholding, lifting and blocking, no earlier record changes."""

from __future__ import annotations

import hashlib
import stat

import duckdb
from departments import department_manifest, make_department_build, run_checks

from orchestration.publishing import audit_log, publish

AUDIT_TABLES = ("check_results", "publications", "withheld")


def files(audit_dir):
    return {p.relative_to(audit_dir): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in audit_dir.rglob("*.parquet")}


def test_audit_log_only_grows_across_withholding_lifting_and_blocking(dirs):
    manifest = department_manifest(dirs.root / "manifest.json")
    scenario = [set(), {"not_null_stg_health_beds"}, {"not_null_stg_health_beds"}, {"unique_dim_indicator"}, set()]
    seen_files: dict = {}
    seen_rows = {t: [] for t in AUDIT_TABLES}
    for i, failed in enumerate(scenario):
        make_department_build(dirs.build, env=i + 1, health=i + 1)
        publish(build_db=dirs.build, run_id=f"run-{i}", check_results=run_checks(manifest, failed),
                expected_checks=None, code_version="git:test", dbt_manifest_path=manifest,
                published_dir=dirs.published, audit_dir=dirs.audit, landing_dir=dirs.landing)
        now = files(dirs.audit)
        assert {p: now[p] for p in seen_files} == seen_files  # every earlier file: still there, same bytes
        assert all(stat.S_IMODE((dirs.audit / p).stat().st_mode) == 0o444 for p in now)
        seen_files = now
        for table in AUDIT_TABLES:
            rows = audit_log.read(table, audit_dir=dirs.audit).to_pylist()
            assert rows[: len(seen_rows[table])] == seen_rows[table]  # earlier records unchanged, in order
            seen_rows[table] = rows

    outcomes = [r["outcome"] for r in seen_rows["publications"]]
    assert outcomes == ["published", "published", "published", "blocked", "published"]
    withheld = seen_rows["withheld"]
    assert [r["until"] is None for r in withheld if r["table_name"] == "*"] == [False]  # the lifting record
    # the published file reads the same log: the same records, nothing rewritten
    with duckdb.connect(str(dirs.published / "ioc.duckdb"), read_only=True) as con:
        for table in AUDIT_TABLES:
            (n,) = con.execute(f"select count(*) from audit.{table}").fetchall()[0]
            assert n == len(seen_rows[table])
