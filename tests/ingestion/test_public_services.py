"""The public-service dossier connector against its SQLite stand-in (a real database file)."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ingestion.common.errors import SourceUnavailableError
from ingestion.common.pseudonymise import PseudonymisationKeyError
from ingestion.public_services import SOURCE, load_dossiers
from simulators.public_services.simulate import advance, simulate

END = datetime(2026, 5, 1)
KEY = "test-key-" + "k" * 40


@pytest.fixture
def center(tmp_path, monkeypatch) -> Path:
    summary = simulate(tmp_path / "src", seed=11, end=END, days=20, per_day=120, faults=True)
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOC_PUBLIC_SERVICES_DB_URL", f"sqlite:///{summary.path}")
    monkeypatch.setenv("IOC_PSEUDONYMISATION_KEY", KEY)
    return summary.path


def query(sql: str) -> list[tuple]:
    with duckdb.connect() as con:
        return con.execute(sql).fetchall()


def landed(tmp_path: Path) -> str:
    return f"read_parquet('{tmp_path}/data/landing/public_services/batches/*/dossiers.parquet', union_by_name=true)"


def source(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchall()


PSEUDONYM = re.compile(r"[0-9a-f]{64}")


def all_landed_text(landing: Path) -> str:
    """Every string value of every Parquet file in the landing zone, joined (bare pseudonyms left out)."""
    values = []
    for path in landing.rglob("*.parquet"):
        table = pq.read_table(path)
        for column in table.columns:
            if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
                values.extend(v for v in set(column.to_pylist()) if v and not PSEUDONYM.fullmatch(v))
    return "\n".join(values)


def test_spec_declares_department():
    assert SOURCE.department == "public_administration"
    assert [d.name for d in SOURCE.datasets] == ["dossiers"]


def test_no_clear_personal_data_reaches_the_landing_zone(center, tmp_path):
    record = load_dossiers()
    assert record.rows_quarantined > 0  # raw records of rejected rows are scanned too
    text = all_landed_text(tmp_path / "data/landing")
    people = source(center, "select applicant_name, applicant_citizen_id, applicant_phone from dossiers")
    names = {n for n, _, _ in people} | {" ".join(n.split()).lower() for n, _, _ in people}
    numbers = {x for _, c, p in people for x in (c, p)} | {re.sub(r"\D", "", x) for _, c, p in people for x in (c, p)}
    assert len(people) > 1000
    assert [n for n in names if n in text] == []
    digit_runs = set(re.findall(r"\d{9,12}", text))
    assert numbers.isdisjoint(digit_runs) and [x for x in numbers if x in text] == []


def test_pseudonyms_are_stable_and_ignore_formatting(center, tmp_path):
    load_dossiers()
    pairs = source(center, "select dossier_id, applicant_phone from dossiers")
    plus84 = next(d for d, p in pairs if p.startswith("+84"))
    digits = "0" + re.sub(r"\D", "", dict(pairs)[plus84])[2:]
    with sqlite3.connect(center) as con:  # the same person again, typed without formatting
        con.execute("update dossiers set applicant_phone = ?, updated_at = '2026-05-01 09:00:00' "
                    "where dossier_id = (select min(dossier_id) from dossiers where dossier_id <> ?)", (digits, plus84))
    load_dossiers()
    rows = query(f"select dossier_id, applicant_phone_pseudonym, applicant_phone_valid from {landed(tmp_path)} "
                 f"qualify row_number() over (partition by dossier_id order by updated_at desc) = 1")
    by_id = {d: (p, v) for d, p, v in rows}
    other = min(d for d in by_id if d != plus84)
    assert by_id[plus84][0] == by_id[other][0] and by_id[plus84][1] is True
    distinct_people = source(center, "select count(distinct applicant_citizen_id) from dossiers")[0][0]
    landed_people = query(f"select count(distinct applicant_citizen_id_pseudonym) from {landed(tmp_path)}")[0][0]
    assert 0.9 * distinct_people <= landed_people <= distinct_people


def test_without_key_nothing_is_read(center, tmp_path, monkeypatch):
    monkeypatch.delenv("IOC_PSEUDONYMISATION_KEY")
    with pytest.raises(PseudonymisationKeyError, match="IOC_PSEUDONYMISATION_KEY"):
        load_dossiers()
    assert not (tmp_path / "data/landing/public_services").exists()


def test_incremental_runs_follow_status_changes(center, tmp_path):
    first = load_dossiers()
    assert first.rows_read == source(center, "select count(*) from dossiers")[0][0]
    assert load_dossiers() is None
    changed = advance(center, until=END + timedelta(days=4))
    second = load_dossiers()
    assert second.rows_landed + second.rows_quarantined == changed
    latest = query(f"select dossier_id, status, resolved_at is null from {landed(tmp_path)} "
                   f"qualify row_number() over (partition by dossier_id order by updated_at desc) = 1")
    expected = source(center, "select dossier_id, status, resolved_at is null from dossiers")
    quarantined = {d for (d,) in query(
        f"select json_extract_string(raw_record, '$.dossier_id') from "
        f"read_parquet('{tmp_path}/data/landing/public_services/batches/*/quarantine.parquet')")}
    assert sorted(latest) == sorted((d, s, bool(r)) for d, s, r in expected if d not in quarantined)


def test_late_entry_for_a_closed_month_is_landed_flagged_with_its_period(center, tmp_path):
    load_dossiers()
    with sqlite3.connect(center) as con:
        con.execute(
            "insert into dossiers select 'H09-LATE-1', procedure_code, procedure_name, field, agency_code, agency_name, "
            "'offline', null, '2026-02-10 09:00:00', '2026-02-13 17:00:00', '2026-02-12 10:00:00', 'resolved_on_time', "
            "district_code, commune_code, commune_code_2025, applicant_name, applicant_citizen_id, applicant_phone, "
            "'2026-05-01 08:00:00', '2026-05-01 08:00:00' from dossiers limit 1")
    record = load_dossiers()
    rows = query(f"select dossier_id, reporting_period, is_late_entry from read_parquet('{record.path}/dossiers.parquet')")
    assert ("H09-LATE-1", "2026-02", True) in rows
    on_time_share = query(f"select avg(case when is_late_entry then 0 else 1 end) from {landed(tmp_path)}")[0][0]
    assert on_time_share > 0.9


def test_impossible_values_are_quarantined_with_reasons(center, tmp_path):
    record = load_dossiers()
    reasons = [r for (r,) in query(f"select reason from read_parquet('{record.path}/quarantine.parquet')")]
    flat = [part for r in reasons for part in r.split("; ")]
    for expected in ("resolved_at before received_at", "due_at before received_at", "unknown status",
                     "resolved status without resolved_at"):
        assert expected in flat
    assert record.rows_read == record.rows_landed + record.rows_quarantined


def test_new_source_column_is_not_landed(center, tmp_path):
    with sqlite3.connect(center) as con:
        con.execute("alter table dossiers add column applicant_address text")
        con.execute("update dossiers set applicant_address = 'số 12 đường Lê Lợi, ' || dossier_id")
    load_dossiers()
    columns = {name for name, *_ in query(f"describe select * from {landed(tmp_path)}")}
    assert "applicant_address" not in columns
    assert "đường Lê Lợi" not in all_landed_text(tmp_path / "data/landing")


def test_unreachable_database_names_system_and_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOC_PSEUDONYMISATION_KEY", KEY)
    monkeypatch.setenv("IOC_PUBLIC_SERVICES_DB_URL", f"sqlite:///{tmp_path}/missing.sqlite")
    with pytest.raises(SourceUnavailableError, match="public_services.*IOC_PUBLIC_SERVICES_DB_URL"):
        load_dossiers()
