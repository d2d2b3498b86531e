"""Per-publication audit report: one static HTML page with inline SVG charts.

    uv run python -m orchestration.audit_report --publication <id|latest|current> [--out DIR]

What was published (tables, rows, content hashes, stale rows), each check and its result by
department, what was withheld and why, quarantine by source, and lineage from each KPI back to
its landing batches. Read from the append-only audit log and the publication's Parquet snapshot,
so a report made later shows the publication as it was. Plain Python, no Dagster import.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from ingestion import settings
from orchestration.audit_report.data import ReportData, load_report_data, resolve_publication_id
from orchestration.audit_report.render import render

__all__ = ["ReportData", "build_report", "default_reports_dir", "load_report_data", "resolve_publication_id"]


def default_reports_dir() -> Path:
    return settings.data_dir() / "reports"


def build_report(publication: str = "latest", *, out_dir: Path | None = None, audit_dir: Path | None = None,
                 published_dir: Path | None = None, landing_dir: Path | None = None,
                 manifest_path: Path | None = None) -> Path:
    """Write ``<out_dir>/<publication_id>/index.html``; returns its path."""
    publication_id = resolve_publication_id(publication, audit_dir=audit_dir, published_dir=published_dir)
    data = load_report_data(publication_id, audit_dir=audit_dir, published_dir=published_dir,
                            landing_dir=landing_dir, manifest_path=manifest_path)
    target = Path(out_dir or default_reports_dir()) / publication_id
    target.mkdir(parents=True, exist_ok=True)
    index = target / "index.html"
    tmp = index.with_name(".index.html.tmp")
    tmp.write_text(render(data, generated_at=datetime.now(timezone.utc)), encoding="utf-8")
    tmp.replace(index)
    return index
