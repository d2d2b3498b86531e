"""The business registry connector against its SQLite stand-in (a real database file)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from ingestion.business_registry import SOURCE, load_enterprises, load_status_history
from ingestion.common.errors import SchemaDriftError, SourceUnavailableError
from ingestion.landing import BatchWriter
from simulators.business_registry import faults
from simulators.business_registry.simulate import advance, simulate

END = datetime(2026, 3, 1)


@pytest.fixture
def registry(tmp_path, monkeypatch) -> Path:
    summary = simulate(tmp_path / "src", seed=7, end=END, months=3, enterprises=2_000, faults=False)
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOC_BUSINESS_REGISTRY_DB_URL", f"sqlite:///{summary.path}")
    return summary.path


def query(sql: str) -> list[tuple]:
    with duckdb.connect() as con:
        return con.execute(sql).fetchall()


def landed(dataset: str, landing: Path) -> str:
    return f"read_parquet('{landing}/business_registry/batches/*/{dataset}.parquet', union_by_name=true)"


def source_count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as con:
        return con.execute(f"select count(*) from {table}").fetchone()[0]


def batch_dirs(tmp_path: Path) -> list[Path]:
    root = tmp_path / "data/landing/business_registry/batches"
    return sorted(root.iterdir()) if root.is_dir() else []


def test_spec_declares_department_and_datasets():
    assert SOURCE.department == "planning_investment"
    assert {d.name for d in SOURCE.datasets} == {"enterprises", "status_history"}


def test_first_run_lands_every_row_once_then_nothing_new(registry, tmp_path):
    record = load_enterprises()
    history = load_status_history()
    assert record.rows_landed == source_count(registry, "enterprises") and record.rows_quarantined == 0
    assert history.rows_landed == source_count(registry, "enterprise_status_history")
    batch = pq.read_table(record.path / "batch.parquet").to_pylist()[0]
    assert batch["rows_read"] == batch["rows_landed"] + batch["rows_quarantined"]
    rows = landed("enterprises", tmp_path / "data/landing")
    columns = {name for name, *_ in query(f"describe select * from {rows}")}
    assert {"_batch_id", "_source_file", "_line_number", "_loaded_at"} <= columns
    assert query(f"select count(distinct enterprise_code) = count(*) from {rows}") == [(True,)]

    assert load_enterprises() is None and load_status_history() is None
    assert len(batch_dirs(tmp_path)) == 2


def test_incremental_run_lands_only_changes_and_landing_matches_source(registry, tmp_path):
    load_enterprises()
    changes = advance(registry, until=END + timedelta(days=20), seed=1)
    assert changes["new"] > 0 and changes["changed"] > 0
    second = load_enterprises()
    assert second.rows_landed == changes["new"] + changes["changed"]

    rows = landed("enterprises", tmp_path / "data/landing")
    latest = query(
        f"select enterprise_code, status, updated_at from {rows} "
        "qualify row_number() over (partition by enterprise_code order by updated_at desc) = 1"
    )
    with sqlite3.connect(registry) as con:
        src = con.execute("select enterprise_code, status, updated_at from enterprises").fetchall()
    assert sorted((c, s, str(u)) for c, s, u in latest) == sorted(src)


def test_rows_stamped_with_the_watermark_after_the_run_are_not_lost(registry, tmp_path):
    load_enterprises()
    with sqlite3.connect(registry) as con:
        watermark, = con.execute("select max(updated_at) from enterprises").fetchone()
        con.execute("update enterprises set status = 'suspended', updated_at = ? where enterprise_code = "
                    "(select min(enterprise_code) from enterprises where status = 'active')", (watermark,))
        late = (datetime.fromisoformat(watermark) - timedelta(minutes=10)).isoformat(sep=" ")
        con.execute("insert into enterprises select '3799999999', enterprise_name, legal_form, vsic_code, district_code, "
                    "commune_code, commune_code_2025, registered_capital_vnd, is_fdi, fdi_country, employees, "
                    "enterprise_size, registration_date, status, ? from enterprises limit 1", (late,))
    record = load_enterprises()
    assert record.rows_landed == 2  # same-timestamp update + late commit inside the overlap; nothing re-landed
    assert query(f"select count(*) from read_parquet('{record.path}/enterprises.parquet') "
                 "where enterprise_code = '3799999999'") == [(1,)]


def test_crash_before_commit_lands_nothing_and_next_run_recovers(registry, tmp_path, monkeypatch):
    def crash(self, rows_read):
        raise OSError("disk full")

    with monkeypatch.context() as m:
        m.setattr(BatchWriter, "commit", crash)
        with pytest.raises(OSError):
            load_enterprises()
    assert batch_dirs(tmp_path) == []
    assert not any((tmp_path / "data/landing/business_registry/.staging").iterdir())
    assert load_enterprises().rows_landed == source_count(registry, "enterprises")


def test_unreachable_database_names_system_and_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOC_BUSINESS_REGISTRY_DB_URL", f"sqlite:///{tmp_path}/gone/business_registry.sqlite")
    with pytest.raises(SourceUnavailableError, match="business_registry.*IOC_BUSINESS_REGISTRY_DB_URL"):
        load_enterprises()
    assert not (tmp_path / "gone").exists()  # the connector did not create an empty database

    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("IOC_BUSINESS_REGISTRY_DB_URL", f"sqlite:///{corrupt}")
    with pytest.raises(SourceUnavailableError, match="IOC_BUSINESS_REGISTRY_DB_URL"):
        load_status_history()
    assert batch_dirs(tmp_path) == []


def test_known_rename_and_added_column_are_absorbed(registry, tmp_path):
    with sqlite3.connect(registry) as con:
        capital_sum, = con.execute("select sum(registered_capital_vnd) from enterprises").fetchone()
        faults.vendor_schema_change(con)
        con.execute("update enterprises set email = 'info@' || enterprise_code || '.vn'")
    load_enterprises()
    rows = landed("enterprises", tmp_path / "data/landing")
    assert query(f"select sum(registered_capital_vnd), count(*) filter (email is null) from {rows}") == [(capital_sum, 0)]


def test_unknown_rename_fails_clearly_and_keeps_what_was_landed(registry, tmp_path):
    load_enterprises()
    before = batch_dirs(tmp_path)
    with sqlite3.connect(registry) as con:
        con.execute("alter table enterprises rename column vsic_code to nganh_kinh_te")
        con.execute("update enterprises set updated_at = '2026-03-02 08:00:00'")
    with pytest.raises(SchemaDriftError, match="vsic_code.*nganh_kinh_te"):
        load_enterprises()
    assert batch_dirs(tmp_path) == before
    rows = landed("enterprises", tmp_path / "data/landing")
    assert query(f"select count(*) from {rows}") == [(source_count(registry, "enterprises"),)]


def test_impossible_values_are_quarantined_once_with_reasons(registry, tmp_path):
    import numpy as np

    rng = np.random.default_rng(3)
    with sqlite3.connect(registry) as con:
        n_negative = faults.negative_capital(con, rng, share=0.005)
        n_unit = faults.capital_in_wrong_unit(con, rng, share=0.002)
        n_vsic = faults.unknown_vsic(con, rng, share=0.004)
    record = load_enterprises()
    quarantine = pq.read_table(record.path / "quarantine.parquet").to_pandas()
    reasons = quarantine["reason"].str.split("; ").explode().value_counts()
    assert reasons["negative registered capital"] >= n_negative - n_unit  # a row may carry two faults
    assert reasons["unknown VSIC 2018 industry code"] == n_vsic
    assert reasons.filter(like="wrong unit").sum() >= 1
    assert record.rows_read == record.rows_landed + record.rows_quarantined == source_count(registry, "enterprises")
    assert '"enterprise_code"' in quarantine["raw_record"].iloc[0]

    advance(registry, until=END + timedelta(days=5), seed=2)
    again = load_enterprises()
    assert again.rows_quarantined == 0  # the bad rows re-read in the overlap window are not quarantined twice
