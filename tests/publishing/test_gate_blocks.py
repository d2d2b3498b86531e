"""A blocked publication leaves the published file byte for byte as it was, and says why."""

import duckdb

from orchestration.publishing import audit_log, publish
from orchestration.publishing.snapshot import read_latest


def test_failed_blocking_check_blocks_and_is_visible(dirs, make_build_db, publish_kwargs, checks, file_sha256):
    make_build_db(version=1)
    first = publish(**publish_kwargs())
    published = dirs.published / "ioc.duckdb"
    before = file_sha256(published)

    make_build_db(version=2)
    failing = checks("not_null_station", passed=False, unexpected_count=4, description="station_code is null")
    blocked = publish(**publish_kwargs(run_id="run-2", check_results=[failing]))

    assert blocked.outcome == "blocked" and not blocked.decision.allowed
    assert "not_null_station" in blocked.reason and "4 unexpected" in blocked.reason
    assert file_sha256(published) == before
    assert read_latest(dirs.published) == first.publication_id
    assert not (dirs.published / "snapshots" / blocked.publication_id).exists()

    logged = audit_log.read("publications", audit_dir=dirs.audit).to_pylist()
    assert [(r["publication_id"], r["outcome"]) for r in logged] == [
        (first.publication_id, "published"), (blocked.publication_id, "blocked")]
    assert logged[-1]["reason"] == blocked.reason

    # The unchanged published file shows the blocked attempt and the failed check through its views.
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select outcome, reason from audit.publications where publication_id = ?",
                           [blocked.publication_id]).fetchall() == [("blocked", blocked.reason)]
        assert con.execute("select passed, unexpected_count from audit.check_results where run_id = 'run-2'"
                           ).fetchall() == [(False, 4)]
        assert con.execute("select publication_id from audit.publication").fetchone() == (first.publication_id,)
    assert file_sha256(published) == before  # reading did not change it either


def test_warn_only_failures_publish(make_build_db, publish_kwargs, checks):
    make_build_db()
    results = [checks("not_null_station"), checks("freshness", passed=False, severity="warn")]
    result = publish(**publish_kwargs(check_results=results, expected_checks={"not_null_station", "freshness"}))
    assert result.outcome == "published"
    assert [r["check_name"] for r in result.decision.failed_warnings] == ["freshness"]
    with duckdb.connect(str(result.published_path), read_only=True) as con:
        assert con.execute("select reason from audit.publication").fetchone()[0] == result.reason
        assert "freshness" in result.reason


def test_missing_expected_check_blocks(dirs, make_build_db, publish_kwargs):
    make_build_db()
    result = publish(**publish_kwargs(expected_checks={"not_null_station", "gx_air_quality_suite"}))
    assert result.outcome == "blocked"
    assert result.reason == "check gx_air_quality_suite did not run"
    assert not (dirs.published / "ioc.duckdb").exists()  # nothing was ever published
    assert audit_log.read("publications", audit_dir=dirs.audit).column("reason").to_pylist() == [result.reason]
