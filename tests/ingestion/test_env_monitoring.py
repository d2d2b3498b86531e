"""The monitoring-station connector on real files, real Parquet, queried with DuckDB."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from ingestion import parquet_parts
from ingestion.env_monitoring import load_station_files, load_station_registry
from ingestion.env_monitoring.__main__ import main as ingest_cli
from simulators.env_monitoring import simulate
from simulators.env_monitoring.faults import MALFORMED_KINDS, FaultRates

SLOT = "20250301101500"
GOOD_WASTEWATER = (
    f"pH\t7.21\t-\t{SLOT}\t00\r\n"
    f"COD\t85.2\tmg/L\t{SLOT}\t00\r\n"
    f"TSS\t40.1\tmg/L\t{SLOT}\t01\r\n"
    f"NH4\t3.10\tmg/L\t{SLOT}\t00\r\n"
    f"Temp\t30.4\t°C\t{SLOT}\t00\r\n"
    f"Flow\t455.0\tm3/h\t{SLOT}\t02\r\n"
)

# (line, expected reason code or None if it lands); blank lines are not records.
MIXED_LINES = [
    (f"PM2,5\t35.2\tµg/m3\t{SLOT}\t00", None),
    (f"PM10\t61.0\tµg/m3\t{SLOT}", "wrong_field_count"),
    (f"SO2\t12.0\tµg/m3\t{SLOT}\t00\textra", "wrong_field_count"),
    ("", "blank"),
    (f"NO2\tN/A\tµg/m3\t{SLOT}\t00", "unparsable_value"),
    (f"NO2\t12,5\tµg/m3\t{SLOT}\t00", "unparsable_value"),
    ("CO\t1100\tµg/m3\t20251301101500\t00", "unparsable_timestamp"),
    ("CO\t1100\tµg/m3\t20250230101500\t00", "unparsable_timestamp"),
    ("CO\t1100\tµg/m3\t2025-03-01 10:15\t00", "unparsable_timestamp"),
    (f"O3\t40.0\tµg/m3\t{SLOT}\t03", "unknown_status"),
    (f"PM2_5\t40.0\tµg/m3\t{SLOT}\t00", "unknown_param"),
    (f"COD\t-3.5\tmg/L\t{SLOT}\t00", "negative_value"),
    (f"Temp\t-1.5\t°C\t{SLOT}\t00", None),  # temperature may be below zero
    ("O3\t40.0\tµg/m3\t20250301121500\t00", "timestamp_outside_slot"),
    ("NO\t9.0\tµg/m3\t20250301101959\t00", None),  # still inside the 10:15 slot
    ("NO\t9.0\tµg/m3\t20250301102000\t00", "timestamp_outside_slot"),  # the next slot's time
    ("NO\t9.0\tµg/m3\t20250301101459\t00", "timestamp_outside_slot"),
    ("   \t ", "blank"),
    (f"O3\t41.0\tµg/m3\t{SLOT}\t00", None),
]


def write(drop: Path, name: str, text: str) -> Path:
    drop.mkdir(parents=True, exist_ok=True)
    path = drop / name
    path.write_bytes(text.encode("utf-8"))
    return path


def query(sql: str) -> list[tuple]:
    return duckdb.sql(sql).fetchall()


@pytest.fixture
def dirs(tmp_path):
    return tmp_path / "drop", tmp_path / "landing"


def batches(landing_dir: Path, dataset: str) -> str:
    return f"'{landing_dir}/env_monitoring/batches/*/{dataset}.parquet'"


def test_hand_made_bad_lines_are_quarantined_with_their_reason(dirs):
    drop, landing_dir = dirs
    write(drop, f"BD_AIR_01_{SLOT}.txt", "\n".join(line for line, _ in MIXED_LINES) + "\n")
    write(drop, f"BD_WW_01_{SLOT}.txt", GOOD_WASTEWATER)
    write(drop, "BD_WW_02_20250301102000.txt", "")  # empty file
    write(drop, "BD_WW_03_20250301102000.txt", "  \r\n\r\n\t\n")  # whitespace only
    write(drop, "notes from the operator.txt", f"pH\t7.0\t-\t{SLOT}\t00\n")
    write(drop, f"BD_WW_04_{SLOT}.txt.part", GOOD_WASTEWATER)  # upload in progress: ignored

    record = load_station_files(drop, landing_dir)

    records = [(line, reason) for line, reason in MIXED_LINES if reason != "blank"]
    expected_landed = sum(reason is None for _, reason in records) + 6
    assert (record.rows_read, record.rows_landed) == (len(records) + 6 + 1, expected_landed)
    assert record.rows_quarantined == record.rows_read - record.rows_landed
    assert (record.files_loaded, record.files_skipped) == (5, 0)

    # Reasons by (file, line number): line numbers are physical lines, blank ones included.
    got = dict(
        ((f, n), r.split(":")[0])
        for f, n, r in query(f"select source_file, line_number, reason from {batches(landing_dir, 'quarantine')}")
    )
    want = {
        (f"BD_AIR_01_{SLOT}.txt", n): reason
        for n, (_, reason) in enumerate(MIXED_LINES, start=1)
        if reason not in (None, "blank")
    }
    want[("notes from the operator.txt", 1)] = "bad_file_name"
    assert got == want
    raw = query(
        f"select raw_record from {batches(landing_dir, 'quarantine')} where line_number = 2 "
        f"and source_file like 'BD_AIR%'"
    )
    assert raw == [(MIXED_LINES[1][0],)]

    # Conservation per file and per batch, from the Parquet files themselves.
    assert query(f"""
        select count(*) from {batches(landing_dir, "files")} f
        where lines_read != rows_landed + rows_quarantined
           or rows_landed != (select count(*) from {batches(landing_dir, "readings")} r
                              where r._source_file = f.source_file)
           or rows_quarantined != (select count(*) from {batches(landing_dir, "quarantine")} q
                                   where q.source_file = f.source_file)
    """) == [(0,)]
    assert query(
        f"select source_file, lines_read from {batches(landing_dir, 'files')} where lines_read = 0 order by 1"
    ) == [("BD_WW_02_20250301102000.txt", 0), ("BD_WW_03_20250301102000.txt", 0)]
    assert query(f"select rows_read = rows_landed + rows_quarantined from {batches(landing_dir, 'batch')}") == [(True,)]


def test_readings_have_the_contract_columns_and_normalised_params(dirs):
    drop, landing_dir = dirs
    bom = "\ufeff"  # Windows dataloggers may write one; it must not hide the first symbol
    write(drop, f"BD_AIR_01_{SLOT}.txt", f"{bom}PM2,5\t35.2\tµg/m3\t{SLOT}\t00\nPM10\t61.0\tµg/m3\t{SLOT}\t01\n")
    load_station_files(drop, landing_dir)

    columns = query(f"select column_name, column_type from (describe select * from {batches(landing_dir, 'readings')})")
    assert columns == [
        ("station_code", "VARCHAR"),
        ("param_raw", "VARCHAR"),
        ("param", "VARCHAR"),
        ("value", "DOUBLE"),
        ("unit", "VARCHAR"),
        ("measured_at_local", "TIMESTAMP"),
        ("status", "VARCHAR"),
        ("_batch_id", "VARCHAR"),
        ("_source_file", "VARCHAR"),
        ("_line_number", "BIGINT"),
        ("_loaded_at", "TIMESTAMP WITH TIME ZONE"),
    ]
    rows = query(
        f"select station_code, param_raw, param, value, unit, measured_at_local, status, _line_number "
        f"from {batches(landing_dir, 'readings')} order by _line_number"
    )
    assert rows == [
        ("BD_AIR_01", "PM2,5", "PM2.5", 35.2, "µg/m3", datetime(2025, 3, 1, 10, 15), "00", 1),
        ("BD_AIR_01", "PM10", "PM10", 61.0, "µg/m3", datetime(2025, 3, 1, 10, 15), "01", 2),
    ]


def test_negative_values_are_quarantined_except_temperature(dirs):
    drop, landing_dir = dirs
    write(drop, f"BD_WW_01_{SLOT}.txt", GOOD_WASTEWATER.replace("85.2", "-0.4").replace("30.4", "-0.2"))
    load_station_files(drop, landing_dir)
    assert query(f"select raw_record, reason from {batches(landing_dir, 'quarantine')}") == [
        (f"COD\t-0.4\tmg/L\t{SLOT}\t00", "negative_value: -0.4 for COD, which cannot be negative")
    ]
    assert query(f"select value from {batches(landing_dir, 'readings')} where param = 'Temp'") == [(-0.2,)]


def test_a_second_run_lands_nothing(dirs):
    drop, landing_dir = dirs
    write(drop, f"BD_WW_01_{SLOT}.txt", GOOD_WASTEWATER)
    assert load_station_files(drop, landing_dir).rows_landed == 6
    assert load_station_files(drop, landing_dir) is None
    assert query(f"select count(*) from {batches(landing_dir, 'readings')}") == [(6,)]


def test_a_resent_file_is_skipped_as_a_duplicate(dirs):
    drop, landing_dir = dirs
    write(drop, f"BD_WW_01_{SLOT}.txt", GOOD_WASTEWATER)
    load_station_files(drop, landing_dir)

    write(drop, f"BD_WW_01_{SLOT}_resend.txt", GOOD_WASTEWATER)  # re-sent in a later run
    second = load_station_files(drop, landing_dir)
    assert (second.rows_read, second.files_loaded, second.files_skipped) == (0, 0, 1)
    assert query(f"select source_file, skipped_reason, lines_read from '{second.path}/files.parquet'") == [
        (f"BD_WW_01_{SLOT}_resend.txt", f"duplicate of BD_WW_01_{SLOT}.txt", 0)
    ]
    assert load_station_files(drop, landing_dir) is None  # and it is not examined again
    assert query(f"select count(*) from {batches(landing_dir, 'readings')}") == [(6,)]


def test_a_duplicate_inside_one_batch_is_skipped_but_another_station_is_not(dirs):
    drop, landing_dir = dirs
    write(drop, f"BD_WW_01_{SLOT}.txt", GOOD_WASTEWATER)
    write(drop, f"BD_WW_01_{SLOT}_resend.txt", GOOD_WASTEWATER)
    write(drop, f"BD_WW_02_{SLOT}.txt", GOOD_WASTEWATER)  # same bytes, but another station's measurement
    record = load_station_files(drop, landing_dir)
    assert (record.rows_landed, record.files_loaded, record.files_skipped) == (12, 2, 1)
    assert query(
        f"select source_file, skipped_reason from {batches(landing_dir, 'files')} where skipped_reason is not null"
    ) == [(f"BD_WW_01_{SLOT}_resend.txt", f"duplicate of BD_WW_01_{SLOT}.txt")]


def test_max_files_caps_a_batch_and_the_next_run_continues(dirs):
    drop, landing_dir = dirs
    for minute in ("00", "05", "10"):
        stamp = f"2025030110{minute}00"
        write(drop, f"BD_WW_01_{stamp}.txt", GOOD_WASTEWATER.replace(SLOT, stamp))
    first = load_station_files(drop, landing_dir, max_files=2)
    second = load_station_files(drop, landing_dir, max_files=2)
    assert (first.files_loaded, second.files_loaded) == (2, 1)
    assert query(f"select min(_source_file) from '{second.path}/readings.parquet'") == [
        ("BD_WW_01_20250301101000.txt",)
    ]
    assert load_station_files(drop, landing_dir) is None


def test_a_failure_inside_the_batch_writer_leaves_nothing_visible(dirs, monkeypatch):
    drop, landing_dir = dirs
    write(drop, f"BD_WW_01_{SLOT}.txt", GOOD_WASTEWATER)
    real_write = parquet_parts.ParquetParts.write

    def fail_on_manifest(parts, table):
        if parts.file_name == "files.parquet":  # readings and quarantine are already on disk
            raise OSError("disk full")
        return real_write(parts, table)

    monkeypatch.setattr(parquet_parts.ParquetParts, "write", fail_on_manifest)
    with pytest.raises(OSError, match="disk full"):
        load_station_files(drop, landing_dir)
    source_root = landing_dir / "env_monitoring"
    assert list(source_root.glob("batches/*")) == []
    assert list(source_root.glob(".staging/*")) == []

    monkeypatch.setattr(parquet_parts.ParquetParts, "write", real_write)
    assert load_station_files(drop, landing_dir).rows_landed == 6  # the files were not marked loaded


def test_simulated_drop_lands_everything_once_with_the_injected_faults_quarantined(tmp_path):
    rates = FaultRates(malformed_line_per_file=0.05, resend_per_file=0.03, negative_per_line=0.01)
    summary = simulate(
        drop_dir=tmp_path / "drop",
        registry_path=tmp_path / "stations.csv",
        start=date(2025, 3, 1),
        days=1,
        n_air=1,
        n_wastewater=1,
        n_stack=0,
        fault_rates=rates,
    )
    landing_dir = tmp_path / "landing"
    record = load_station_files(tmp_path / "drop", landing_dir)

    counts = summary.counts
    assert record.rows_read == counts["lines"]
    assert record.files_skipped == counts["resent_files"] > 0
    assert record.files_loaded == counts["files"]
    by_code = dict(
        query(f"select split_part(reason, ':', 1), count(*) from {batches(landing_dir, 'quarantine')} group by 1")
    )
    expected = {"negative_value": counts["negative_lines"]}
    expected.update(
        {
            {
                "wrong_field_count": "wrong_field_count",
                "non_numeric_value": "unparsable_value",
                "bad_timestamp": "unparsable_timestamp",
                "unknown_status": "unknown_status",
                "unknown_param": "unknown_param",
            }[kind]: counts[f"malformed_{kind}"]
            for kind in MALFORMED_KINDS
        }
    )
    assert by_code == {code: n for code, n in expected.items() if n}
    assert query(
        f"select count(*) from {batches(landing_dir, 'files')} where lines_read != rows_landed + rows_quarantined"
    ) == [(0,)]
    # (station, param, time) is a key of what landed
    assert query(
        f"select count(*) = count(distinct (station_code, param, measured_at_local)) "
        f"from {batches(landing_dir, 'readings')}"
    ) == [(True,)]
    assert load_station_files(tmp_path / "drop", landing_dir) is None


REGISTRY_HEADER = (
    "station_code,station_name,station_type,facility_name,longitude,latitude,"
    "district_code,commune_code_2025,qcvn_column\n"
)


def test_registry_lands_once_and_quarantines_bad_rows(tmp_path):
    registry = tmp_path / "stations.csv"
    registry.write_text(
        REGISTRY_HEADER
        + "BD_WW_01,Trạm nước thải KCN VSIP I,wastewater,Nhà máy XLNT,106.7080,10.9300,725,BD25-24,A\n"
        + 'BD_AIR_01,"Trạm không khí, Thủ Dầu Một",ambient_air,Mạng lưới,106.6780,11.0010,718,BD25-02,\n'
        + ",Không mã,wastewater,X,106.7,11.0,725,BD25-24,B\n"
        + "BD_WW_02,Tọa độ đảo,wastewater,X,10.93,106.70,725,BD25-24,B\n"
        + "BD_WW_03,Tọa độ hỏng,wastewater,X,abc,11.0,725,BD25-24,B\n"
        + "BD_WW_04,Thiếu cột,wastewater,X,106.7,11.0\n"
        + "BD_WW_01,Trùng mã,wastewater,X,106.7,11.0,725,BD25-24,B\n",
        encoding="utf-8",
    )
    landing_dir = tmp_path / "landing"
    first = load_station_registry(registry, landing_dir)
    assert (first.rows_read, first.rows_landed, first.rows_quarantined) == (7, 2, 5)
    assert query(
        f"select line_number, split_part(reason, ':', 1) from {batches(landing_dir, 'quarantine')} order by 1"
    ) == [
        (4, "missing_station_code"),
        (5, "bad_coordinates"),
        (6, "bad_coordinates"),
        (7, "wrong_field_count"),
        (8, "duplicate_station_code"),
    ]
    assert query(
        f"select station_code, station_name, longitude, qcvn_column, _line_number "
        f"from {batches(landing_dir, 'stations')} order by _line_number"
    ) == [
        ("BD_WW_01", "Trạm nước thải KCN VSIP I", 106.708, "A", 2),
        ("BD_AIR_01", "Trạm không khí, Thủ Dầu Một", 106.678, None, 3),
    ]

    again = load_station_registry(registry, landing_dir)
    assert again.batch_id == first.batch_id  # same content: nothing new landed
    assert len(list((landing_dir / "env_monitoring" / "batches").iterdir())) == 1

    original = registry.read_bytes()
    registry.write_text(REGISTRY_HEADER, encoding="utf-8")  # a changed registry is a new snapshot
    emptied = load_station_registry(registry, landing_dir)
    assert emptied.batch_id != first.batch_id and emptied.rows_read == 0
    registry.write_bytes(original)  # changed back: the latest snapshot must be this content again
    restored = load_station_registry(registry, landing_dir)
    assert restored.batch_id not in (first.batch_id, emptied.batch_id) and restored.rows_landed == 2


def test_registry_and_readings_batches_do_not_mix(tmp_path):
    """The stations batch's files.parquet must not make drop files look loaded, or vice versa."""
    summary = simulate(
        drop_dir=tmp_path / "drop",
        registry_path=tmp_path / "stations.csv",
        start=date(2025, 3, 1),
        days=1,
        n_air=1,
        n_wastewater=0,
        n_stack=0,
        fault_rates=FaultRates.none(),
    )
    landing_dir = tmp_path / "landing"
    stations = load_station_registry(tmp_path / "stations.csv", landing_dir)
    readings = load_station_files(tmp_path / "drop", landing_dir)
    assert stations.rows_landed == 1
    assert readings.rows_landed == summary.counts["lines"] == 288 * 6


def test_cli_runs_both_loaders(tmp_path, capsys):
    simulate(
        drop_dir=tmp_path / "drop",
        registry_path=tmp_path / "stations.csv",
        start=date(2025, 3, 1),
        days=1,
        n_air=1,
        n_wastewater=1,
        n_stack=1,
    )
    args = [
        "--drop-dir",
        str(tmp_path / "drop"),
        "--registry",
        str(tmp_path / "stations.csv"),
        "--landing-dir",
        str(tmp_path / "landing"),
    ]
    ingest_cli(args)
    out = capsys.readouterr().out
    assert "dataset=stations" in out and "dataset=readings" in out
    ingest_cli(args)
    assert "nothing new" in capsys.readouterr().out
