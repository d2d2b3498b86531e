"""An error while publishing is recorded as 'failed', cleans up, and keeps the previous publication."""

import pytest

from orchestration.publishing import audit_log, publish
from orchestration.publishing.snapshot import read_latest


def test_error_records_failed_and_previous_publication_stays(dirs, make_build_db, publish_kwargs, file_sha256):
    make_build_db()
    first = publish(**publish_kwargs())
    before = file_sha256(first.published_path)

    with pytest.raises(ValueError, match="no schema marts"):
        publish(**publish_kwargs(run_id="run-2", schemas=("kpi", "marts")))

    assert file_sha256(first.published_path) == before
    assert read_latest(dirs.published) == first.publication_id
    leftovers = [p.name for d in (dirs.published, dirs.published / "snapshots") for p in d.iterdir()
                 if p.name.endswith((".tmp", ".wal"))]
    assert leftovers == []
    assert sorted(p.name for p in (dirs.published / "snapshots").iterdir()) == sorted(["LATEST", first.publication_id])
    failed = audit_log.read("publications", audit_dir=dirs.audit).to_pylist()[-1]
    assert failed["outcome"] == "failed" and "no schema marts" in failed["reason"]
    # The checks of the failed attempt are on record too.
    assert "run-2" in audit_log.read("check_results", audit_dir=dirs.audit).column("run_id").to_pylist()


def test_empty_build_is_refused(dirs, make_build_db, publish_kwargs):
    import duckdb

    dirs.build.parent.mkdir(parents=True)
    with duckdb.connect(str(dirs.build)) as con:
        con.execute("create schema kpi; create schema ref")
    with pytest.raises(ValueError, match="no table or view"):
        publish(**publish_kwargs())
    assert not (dirs.published / "ioc.duckdb").exists()


def test_invalid_check_results_fail_the_attempt(dirs, make_build_db, publish_kwargs, checks):
    make_build_db()
    with pytest.raises(ValueError, match="severity"):
        publish(**publish_kwargs(check_results=[checks("not_null_station", severity="fatal")]))
    assert audit_log.read("publications", audit_dir=dirs.audit).column("outcome").to_pylist() == ["failed"]


def test_error_after_the_swap_is_not_recorded_as_failed(dirs, make_build_db, publish_kwargs, monkeypatch):
    from orchestration.publishing import PostCommitError, publisher

    def broken_latest(*args):
        raise OSError("disk full")

    make_build_db()
    monkeypatch.setattr(publisher, "update_latest", broken_latest)
    with pytest.raises(PostCommitError, match="is live"):
        publish(**publish_kwargs())
    assert (dirs.published / "ioc.duckdb").exists()
    assert audit_log.read("publications", audit_dir=dirs.audit).column("outcome").to_pylist() == ["published"]
