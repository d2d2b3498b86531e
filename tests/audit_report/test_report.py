"""The per-publication audit report: what was published, checks, withheld, quarantine, lineage."""

from __future__ import annotations

import re

import pytest

from orchestration.audit_report import build_report, load_report_data, resolve_publication_id
from orchestration.audit_report.__main__ import main
from orchestration.publishing.snapshot import read_latest


def test_ids_resolve(history):
    assert resolve_publication_id("latest", audit_dir=history.audit) == history.blocked.publication_id
    assert resolve_publication_id("current", audit_dir=history.audit, published_dir=history.published) \
        == history.withheld.publication_id == read_latest(history.published)
    prefix = history.clean.publication_id[:-3]
    assert resolve_publication_id(prefix, audit_dir=history.audit) == history.clean.publication_id
    with pytest.raises(LookupError):
        resolve_publication_id("nope", audit_dir=history.audit)


def test_report_data_of_a_publication_with_a_withheld_department(history):
    data = load_report_data(history.withheld.publication_id, **history.kwargs)
    assert data.is_current and data.snapshot_dir is not None
    # what was withheld, and why
    assert {r["scope"] for r in data.withheld} == {"health"}
    assert {r["table_name"] for r in data.withheld} == {"kpi.indicator_values", "kpi.facility_monthly", "kpi.complaints"}
    # each check and what it did
    verdicts = {c["check_name"]: data.check_verdict(c) for c in data.checks}
    assert verdicts["not_null_stg_health_beds"] == "withheld"
    assert verdicts["advisory_env_gaps"] == "warning"
    assert verdicts["unique_dim_indicator"] == "passed"
    assert {c["check_name"]: c["scope"] for c in data.checks}["unique_dim_indicator"] == "shared"
    # what was published: stale rows counted per table
    tables = {t["name"]: t for t in data.tables}
    assert tables["kpi.indicator_values"]["stale_rows"] == 12 and tables["kpi.indicator_values"]["rows"] == 24
    assert tables["kpi.station_hourly"]["stale_rows"] == 0
    # quarantine by source, from the snapshot
    assert {(q["source_system"], q["reason_code"], q["rows"]) for q in data.quarantine_by_source} == {
        ("env_monitoring", "bad_value", 3), ("health", "bad_value", 1)}
    # lineage: each KPI to its landing batches; the other tables through the dbt lineage
    lineage = {row["indicator_code"]: row for row in data.indicator_lineage}
    assert lineage["HEALTH_BEDS"]["batch_ids"] == [history.health_batch]
    assert lineage["HEALTH_BEDS"]["sources"] == ["health.facility_reports"]
    assert lineage["HEALTH_BEDS"]["n_stale"] == 6 and lineage["ENV_PM25"]["n_stale"] == 0
    tables_lineage = {row["table"]: row for row in data.table_lineage}
    assert tables_lineage["kpi.station_hourly"]["sources"] == ["env_monitoring.readings"]
    assert tables_lineage["kpi.station_hourly"]["batches"] == 1


def test_report_page_is_self_contained_html(history, tmp_path):
    index = build_report(history.withheld.publication_id, out_dir=tmp_path / "reports", **history.kwargs)
    assert index == tmp_path / "reports" / history.withheld.publication_id / "index.html"
    html = index.read_text(encoding="utf-8")
    for expected in ("Withheld departments", "not_null_stg_health_beds", "Quarantine by source", "bad_value",
                     "Lineage", history.health_batch, history.withheld.publication_id, "<svg", "HEALTH_BEDS"):
        assert expected in html, expected
    # works offline: no script, no stylesheet, no image from the network
    assert "<script" not in html
    assert not re.search(r'(src|href)="https?://', html)


def test_report_of_a_blocked_attempt_says_nothing_was_published(history, tmp_path):
    index = build_report("latest", out_dir=tmp_path, **history.kwargs)
    html = index.read_text(encoding="utf-8")
    assert "blocked" in html and "unique_dim_indicator" in html
    assert "Nothing was published by this attempt" in html
    data = load_report_data(history.blocked.publication_id, **history.kwargs)
    assert not data.tables and data.quarantine_by_source  # quarantine of the batches it would have used
    assert {c["check_name"]: data.check_verdict(c) for c in data.checks}["unique_dim_indicator"] == "blocking"


def test_cli_writes_the_report_and_prints_its_path(history, tmp_path, capsys):
    assert main(["--publication", "current", "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed == str(tmp_path / history.withheld.publication_id / "index.html")
    assert main(["--publication", "no-such-id", "--out", str(tmp_path)]) == 2
