"""The shared CSV-drop pattern on hand-made files: revisions, re-sends, late flags, bad files."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import duckdb
import pytest

from ingestion.common.csv_drop import land_new_files
from ingestion.common.csv_spec import AREA_COLUMN, Column, CsvDataset, period_column
from ingestion.common.file_drop import DropLocation

DATASET = CsvDataset(
    source_system="test_drop",
    name="counts",
    description="",
    file_pattern=r"^COUNTS_\d{4}_\d{2}.*\.csv$",
    key=("reporting_period", "area_code"),
    close_after_days=30,
    columns=(period_column(), AREA_COLUMN, Column("people", "int", ("Số người",), min_value=0)),
)
HEADER = "Kỳ báo cáo,Mã địa bàn,Số người\n"


@pytest.fixture
def drop(tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    return folder


def put(folder, name: str, content: str | bytes, received: datetime):
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    os.utime(path, (received.timestamp(), received.timestamp()))
    return path


def run(drop, tmp_path):
    return land_new_files(DATASET, DropLocation("test_drop", drop, "TEST_DROP_DIR"), landing_dir=tmp_path / "landing")


def landed(tmp_path) -> list[tuple]:
    return duckdb.sql(
        f"select _source_file, area_code, people, is_late from read_parquet('{tmp_path}/landing/test_drop/batches/*/"
        "counts.parquet') order by _batch_id, _line_number"
    ).fetchall()


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_revised_file_with_the_same_name_lands_again(drop, tmp_path):
    put(drop, "COUNTS_2026_01.csv", HEADER + "01/2026,718,10\n", utc(2026, 2, 5))
    first = run(drop, tmp_path)
    put(drop, "COUNTS_2026_01.csv", HEADER + "01/2026,718,12\n", utc(2026, 2, 9))
    second = run(drop, tmp_path)
    assert (first.rows_landed, second.rows_landed) == (1, 1)
    assert [row[2] for row in landed(tmp_path)] == [10, 12]  # both versions kept; staging takes the latest
    assert run(drop, tmp_path) is None


def test_identical_content_under_two_names_lands_once_in_arrival_order(drop, tmp_path):
    put(drop, "COUNTS_2026_01_gui_lai.csv", HEADER + "01/2026,718,10\n", utc(2026, 2, 6))
    put(drop, "COUNTS_2026_01.csv", HEADER + "01/2026,718,10\n", utc(2026, 2, 5))
    batch = run(drop, tmp_path)
    files = duckdb.sql(f"select source_file, skipped_reason from read_parquet('{batch.path}/files.parquet')").fetchall()
    assert sorted(files) == [
        ("COUNTS_2026_01.csv", None),
        ("COUNTS_2026_01_gui_lai.csv", "duplicate of COUNTS_2026_01.csv"),
    ]
    assert (batch.rows_landed, batch.files_loaded, batch.files_skipped) == (1, 1, 1)


def test_a_row_is_late_when_its_file_arrives_after_the_period_closed(drop, tmp_path):
    # January closes 30 days after 1 February, at midnight in Vietnam: 2026-03-02 17:00 UTC.
    put(drop, "COUNTS_2026_01.csv", HEADER + "01/2026,718,10\n", utc(2026, 3, 2, 16, 59))
    put(drop, "COUNTS_2026_01_bosung.csv", HEADER + "01/2026,719,3\n02/2026,719,4\n", utc(2026, 3, 2, 17, 1))
    run(drop, tmp_path)
    assert landed(tmp_path) == [
        ("COUNTS_2026_01.csv", "718", 10, False),
        ("COUNTS_2026_01_bosung.csv", "719", 3, True),
        ("COUNTS_2026_01_bosung.csv", "719", 4, False),
    ]


def test_files_of_other_datasets_are_left_alone(drop, tmp_path):
    put(drop, "OTHER_2026_01.csv", HEADER + "01/2026,718,10\n", utc(2026, 2, 5))
    assert run(drop, tmp_path) is None


def test_undecodable_file_is_quarantined_line_by_line(drop, tmp_path):
    put(drop, "COUNTS_2026_01.csv", b"header\xff\xfe\n" + bytes(range(0x80, 0xC0)) + b"\n\x81\x82\x83\n",
        utc(2026, 2, 5))
    batch = run(drop, tmp_path)
    reasons = duckdb.sql(f"select line_number, reason from read_parquet('{batch.path}/quarantine.parquet')").fetchall()
    assert [line for line, _ in reasons] == [2, 3]
    assert all("re-export as UTF-8" in reason for _, reason in reasons)
    assert (batch.rows_read, batch.rows_landed, batch.rows_quarantined) == (2, 0, 2)


def test_a_file_still_being_written_waits_for_the_next_run(drop, tmp_path):
    put(drop, "COUNTS_2026_01.csv", HEADER + "01/2026,718,10\n", datetime.now(timezone.utc))
    assert run(drop, tmp_path) is None
    put(drop, "COUNTS_2026_01.csv", HEADER + "01/2026,718,10\n", utc(2026, 2, 5))
    assert run(drop, tmp_path).rows_landed == 1
