"""Real files in tmp_path: a small dbt-like build DuckDB, a landing zone, audit and published dirs."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pyarrow as pa
import pytest

from ingestion import landing


@pytest.fixture
def dirs(tmp_path, monkeypatch) -> SimpleNamespace:
    # Point every settings default at tmp_path too, so nothing can touch the repo's data/.
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path))
    for var in ("IOC_LANDING_DIR", "IOC_BUILD_DB", "IOC_PUBLISHED_DIR", "IOC_AUDIT_DIR"):
        monkeypatch.delenv(var, raising=False)
    return SimpleNamespace(
        root=tmp_path,
        build=tmp_path / "warehouse" / "build.duckdb",
        published=tmp_path / "published",
        audit=tmp_path / "audit",
        landing=tmp_path / "landing",
    )


@pytest.fixture
def make_build_db(dirs):
    """Write a build file with staging/kpi/ref like dbt's; ``version`` changes the KPI values."""

    def make(path: Path | None = None, *, version: int = 1, rows: int = 5) -> Path:
        path = path or dirs.build
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        with duckdb.connect(str(path)) as con:
            con.execute("create schema staging; create schema kpi; create schema ref")
            con.execute("create table staging.stg_readings as select 1 as not_published")
            con.execute(
                f"""
                create table kpi.air_quality_daily as
                select 'ST' || lpad((i % 3)::varchar, 2, '0') as station_code,
                       date '2025-01-01' + (i // 3)::int as day,
                       round(i * 1.5 + {version}, 2) as pm25_avg,
                       timestamptz '2025-01-01 00:00:00+00' + to_hours(i) as computed_at
                from range({rows}) t(i)
                """
            )
            con.execute("create view kpi.v_station_days as select station_code, count(*) as days "
                        "from kpi.air_quality_daily group by all")
            con.execute("create table ref.districts as select * from (values "
                        "('001', 'Thanh pho A'), ('002', 'Huyen B')) t(district_code, district_name)")
        return path

    return make


@pytest.fixture
def land_batch(dirs):
    """Commit one env_monitoring batch: two landed readings and one quarantined record."""

    def land() -> str:
        with landing.BatchWriter("env_monitoring", dataset="readings", source_ref="drop",
                                 landing_dir=dirs.landing) as batch:
            rows = pa.table({"station_code": ["ST01", "ST02"], "value": [12.5, 30.0]})
            batch.add_rows("readings", landing.with_lineage(
                rows, batch_id=batch.batch_id, loaded_at=batch.loaded_at,
                source_file="f.txt", line_number=pa.array([1, 2])))
            batch.add_quarantine(source_file=["f.txt"], line_number=[3], raw_record=["ST03\tx"],
                                 reason=["value is not a number"])
            batch.add_file("f.txt", content_sha256="ab" * 32, size_bytes=30, lines_read=3,
                           rows_landed=2, rows_quarantined=1)
            batch.commit(rows_read=3)
        return batch.batch_id

    return land


def check(name: str, *, passed: bool = True, severity: str = "error", **extra) -> dict:
    return dict(check_name=name, check_kind="dbt_test", target="kpi.air_quality_daily",
                severity=severity, passed=passed, **extra)


@pytest.fixture
def checks():
    return check


@pytest.fixture
def publish_kwargs(dirs):
    def kwargs(**override) -> dict:
        base = dict(
            build_db=dirs.build, run_id="run-1", check_results=[check("not_null_station")],
            expected_checks={"not_null_station"}, code_version="git:test", dbt_manifest_path=None,
            published_dir=dirs.published, audit_dir=dirs.audit, landing_dir=dirs.landing,
        )
        return {**base, **override}

    return kwargs


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def file_sha256():
    return sha256
