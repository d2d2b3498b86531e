"""Audit files are read-only and a later run never changes or removes an earlier record."""

import hashlib
import stat

from orchestration.publishing import publish


def audit_files(audit_dir):
    return {p.relative_to(audit_dir): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in audit_dir.rglob("*") if p.is_file()}


def test_second_run_only_adds_files(dirs, make_build_db, publish_kwargs, checks, land_batch):
    make_build_db()
    land_batch()
    publish(**publish_kwargs())
    before = audit_files(dirs.audit)
    assert before and all(stat.S_IMODE((dirs.audit / p).stat().st_mode) == 0o444 for p in before)

    make_build_db(version=2)
    land_batch()
    publish(**publish_kwargs(run_id="run-2"))
    publish(**publish_kwargs(run_id="run-3", check_results=[checks("not_null_station", passed=False)]))
    after = audit_files(dirs.audit)

    assert {p: after[p] for p in before} == before  # every earlier file still there, same bytes
    new = set(after) - set(before)
    assert len(new) == 4  # run-2 and run-3: one check_results file and one publications file each
    assert all(stat.S_IMODE((dirs.audit / p).stat().st_mode) == 0o444 for p in after)
