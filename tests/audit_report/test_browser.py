"""The audit report and the GX Data Docs open in a browser (headless Chromium), offline."""

from __future__ import annotations

import sys
from pathlib import Path

from browser import chromium, is_png, needs_chromium

from orchestration.audit_report import build_report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "expectations"))
from builddb import make_build_db  # noqa: E402


@needs_chromium
def test_audit_report_renders_in_chromium(history, tmp_path):
    index = build_report(history.withheld.publication_id, out_dir=tmp_path / "reports", **history.kwargs)
    shot = tmp_path / "report.png"
    dom = chromium(index.as_uri(), screenshot=shot)
    assert is_png(shot)
    assert "Withheld departments" in dom and "not_null_stg_health_beds" in dom
    assert dom.count("<svg") >= 3  # checks, tables, quarantine, history charts


@needs_chromium
def test_data_docs_of_every_run_render_offline_in_chromium(tmp_path):
    from expectations.data_docs import build_data_docs
    from expectations.data_docs_offline import external_assets
    from expectations.runner import run_suite

    gx_dir = tmp_path / "gx"
    good = make_build_db(tmp_path / "good.duckdb")
    bad = make_build_db(tmp_path / "bad.duckdb", "UPDATE ref.dim_area SET area_level = 'ward' WHERE area_code = '718'")
    assert run_suite(good, "ref.dim_area", run_id="run-good", context_dir=gx_dir).success
    assert not run_suite(bad, "ref.dim_area", run_id="run-bad", context_dir=gx_dir).success
    index = build_data_docs(gx_dir)

    pages = list(index.parent.rglob("*.html"))
    assert pages and all(external_assets(p.read_text(encoding="utf-8")) == [] for p in pages)

    shot = tmp_path / "data_docs.png"
    dom = chromium(index.as_uri(), screenshot=shot)
    assert is_png(shot)
    # the index table is drawn by bootstrap-table (vendored): its rows exist only if the scripts ran
    assert 'data-index="0"' in dom and 'data-index="1"' in dom
    assert "run-good" in dom and "run-bad" in dom

    failed_page = next(p for p in pages if "run-bad" in p.parts)
    dom = chromium(failed_page.as_uri())
    assert "ward" in dom  # the unexpected value is on the page
