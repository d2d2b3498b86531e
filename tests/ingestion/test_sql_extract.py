"""The shared SQL extractor on a hand-made SQLite table: typing, duplicates, chunking, prepare hook."""

from __future__ import annotations

import json
import sqlite3

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from ingestion.common.errors import SourceUnavailableError
from ingestion.common.sql_extract import Column, TableSpec, extract_incremental

SPEC = TableSpec(
    source_system="toy_system",
    dataset="things",
    table="things",
    key=("thing_id",),
    updated_at="updated_at",
    url_env_var="IOC_TOY_DB_URL",
    columns=(
        Column("thing_id", pa.int64(), nullable=False),
        Column("label", pa.string()),
        Column("amount", pa.float64()),
        Column("updated_at", pa.timestamp("us"), nullable=False),
    ),
    checks=(("amount < 0", "negative amount"),),
    derived=(("amount_doubled", "amount * 2"),),
)

ROWS = [
    (1, "a", 1.5, "2026-01-01 08:00:00"),
    (2, "b", "lots", "2026-01-01 08:00:00"),      # not a number
    (3, "c", -4.0, "2026-01-01 09:00:00"),        # fails a check
    (4, "d", 2.0, None),                          # no timestamp
    (5, "e", 3.0, "2026-01-01 09:30:00"),
    (5, "e", 3.0, "2026-01-01 09:30:00"),         # same key and timestamp twice (no primary key)
    (6, "f", 1.0, "2026-01-01T10:00:00"),         # ISO 'T' separator
]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "toy.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("create table things (thing_id integer, label text, amount, updated_at text)")
        con.executemany("insert into things values (?, ?, ?, ?)", ROWS)
    return path


def test_every_row_is_landed_or_quarantined_with_a_reason(db, tmp_path):
    record = extract_incremental(SPEC, f"sqlite:///{db}", landing_dir=tmp_path / "landing", chunk_rows=2)
    rows = pq.read_table(record.path / "things.parquet")
    quarantine = pq.read_table(record.path / "quarantine.parquet").to_pylist()
    assert record.rows_read == len(ROWS) == rows.num_rows + len(quarantine)
    assert sorted(rows["thing_id"].to_pylist()) == [1, 5, 6]
    assert rows.schema.field("amount").type == pa.float64()
    assert pc.max(rows["amount_doubled"]).as_py() == 6.0
    reasons = {json.loads(q["raw_record"])["thing_id"]: q["reason"] for q in quarantine}
    assert reasons[2].startswith("amount: cannot read lots")
    assert reasons[3] == "negative amount"
    assert reasons[4] == "missing updated_at"
    assert reasons[5].startswith("duplicate")


def test_prepare_hook_sees_raw_rows_before_anything_is_kept(db, tmp_path):
    def hide_labels(raw: pa.Table) -> pa.Table:
        return raw.set_column(raw.column_names.index("label"), "label", pa.array(["x"] * raw.num_rows))

    spec = TableSpec(**{**SPEC.__dict__, "prepare": hide_labels})
    record = extract_incremental(spec, f"sqlite:///{db}", landing_dir=tmp_path / "landing")
    quarantine = pq.read_table(record.path / "quarantine.parquet")["raw_record"].to_pylist()
    assert set(pq.read_table(record.path / "things.parquet")["label"].to_pylist()) == {"x"}
    assert all(json.loads(r)["label"] == "x" for r in quarantine)


def test_missing_table_is_reported_as_unavailable(db, tmp_path):
    spec = TableSpec(**{**SPEC.__dict__, "table": "no_such_table"})
    with pytest.raises(SourceUnavailableError, match="toy_system.*no_such_table.*IOC_TOY_DB_URL"):
        extract_incremental(spec, f"sqlite:///{db}", landing_dir=tmp_path / "landing")
