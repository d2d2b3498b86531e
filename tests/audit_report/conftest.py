"""A small history of publications: clean, one department withheld, blocked by reference data."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pyarrow as pa
import pytest

# the two-department build and manifest of the publishing tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "publishing"))

from departments import department_manifest, make_department_build, run_checks  # noqa: E402

from ingestion import landing  # noqa: E402
from orchestration.publishing import publish  # noqa: E402


def land(landing_dir: Path, source_system: str, dataset: str, n_quarantined: int) -> str:
    with landing.BatchWriter(source_system, dataset=dataset, source_ref="drop", landing_dir=landing_dir) as batch:
        rows = pa.table({"value": [1.0, 2.0]})
        batch.add_rows(dataset, landing.with_lineage(rows, batch_id=batch.batch_id, loaded_at=batch.loaded_at,
                                                     source_file="export.csv", line_number=pa.array([1, 2])))
        if n_quarantined:
            batch.add_quarantine(source_file=["export.csv"] * n_quarantined, line_number=list(range(3, 3 + n_quarantined)),
                                 raw_record=["x;y"] * n_quarantined,
                                 reason=["bad_value: not a number"] * n_quarantined)
        batch.commit(rows_read=2 + n_quarantined)
    return batch.batch_id


@pytest.fixture
def history(tmp_path, monkeypatch) -> SimpleNamespace:
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path))
    for var in ("IOC_LANDING_DIR", "IOC_BUILD_DB", "IOC_PUBLISHED_DIR", "IOC_AUDIT_DIR"):
        monkeypatch.delenv(var, raising=False)
    dirs = SimpleNamespace(root=tmp_path, build=tmp_path / "warehouse" / "build.duckdb",
                           published=tmp_path / "published", audit=tmp_path / "audit", landing=tmp_path / "landing",
                           manifest=department_manifest(tmp_path / "manifest.json"))
    dirs.env_batch = land(dirs.landing, "env_monitoring", "readings", 3)
    dirs.health_batch = land(dirs.landing, "health", "facility_reports", 1)

    def attempt(run_id, *, failed=frozenset(), version=1):
        make_department_build(dirs.build, env=version, health=version,
                              batch_ids={"env_monitoring": dirs.env_batch, "health": dirs.health_batch})
        return publish(build_db=dirs.build, run_id=run_id, check_results=run_checks(dirs.manifest, failed),
                       expected_checks=None, code_version="git:test", dbt_manifest_path=dirs.manifest,
                       published_dir=dirs.published, audit_dir=dirs.audit, landing_dir=dirs.landing)

    dirs.clean = attempt("run-clean")
    dirs.withheld = attempt("run-withheld", failed={"not_null_stg_health_beds", "advisory_env_gaps"}, version=2)
    dirs.blocked = attempt("run-blocked", failed={"unique_dim_indicator"}, version=3)
    dirs.kwargs = dict(audit_dir=dirs.audit, published_dir=dirs.published, landing_dir=dirs.landing,
                       manifest_path=dirs.manifest)
    return dirs
