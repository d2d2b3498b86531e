"""Large runs are read and written in chunks: a multi-chunk load lands exactly what one pass lands.

Real files in a drop folder and a real HTTP stand-in on loopback, with a tiny chunk size, compared
with the same load in one chunk: same rows, same quarantine, same file manifest, same batch
records, and read = landed + quarantined with quarantined records spread over several chunks.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ingestion import landing
from ingestion.env_monitoring import load_station_files
from ingestion.traffic_cameras import load_observations
from simulators.common.http_stand_in import ServerFaults
from simulators.common.local_time import local_midnight
from simulators.env_monitoring import simulate
from simulators.env_monitoring.faults import FaultRates
from simulators.traffic_cameras.generate import generate
from simulators.traffic_cameras.observation_store import read_observations, write_days
from simulators.traffic_cameras.server import start_server

SLOT = "20250301101500"
LINES = f"pH\t7.21\t-\t{SLOT}\t00\r\nCOD\t85.2\tmg/L\t{SLOT}\t00\r\nTSS\t-4\tmg/L\t{SLOT}\t01\r\n"


def query(sql: str) -> list[tuple]:
    with duckdb.connect() as con:
        return con.execute(sql).fetchall()


def landed(root: Path, file: str, exclude: str) -> list[tuple]:
    """Every row of ``file`` over the committed batches, without the batch id and load time."""
    return sorted(query(f"select * exclude ({exclude}) from read_parquet('{root}/batches/*/{file}', union_by_name=true)"),
                  key=repr)


def batch_rows(root: Path) -> list[tuple]:
    return query(f"select regexp_replace(source_ref, '^https?://[^/]+', '') as ref, rows_read, rows_landed, rows_quarantined, files_loaded, files_skipped "
                 f"from read_parquet('{root}/batches/*/batch.parquet') order by ref")


def assert_same_landing(one: Path, many: Path, dataset: str) -> None:
    assert landed(many, f"{dataset}.parquet", "_batch_id, _loaded_at") == landed(one, f"{dataset}.parquet", "_batch_id, _loaded_at")
    assert landed(many, "quarantine.parquet", "batch_id, loaded_at") == landed(one, "quarantine.parquet", "batch_id, loaded_at")
    assert landed(many, "files.parquet", "batch_id") == landed(one, "files.parquet", "batch_id")
    assert batch_rows(many) == batch_rows(one)
    for root in (one, many):
        assert not list(root.glob(".staging/*"))
        for b in query(f"select rows_read, rows_landed, rows_quarantined from read_parquet('{root}/batches/*/batch.parquet')"):
            assert b[0] == b[1] + b[2]
        # the manifest accounts for every record, file by file / page by page
        assert query(f"select count(*) from read_parquet('{root}/batches/*/files.parquet') "
                     "where lines_read != rows_landed + rows_quarantined") == [(0,)]
        # one file per dataset and batch, as every reader of the landing zone globs it
        assert {p.name for b in root.glob("batches/*") for p in b.iterdir()} == {
            f"{dataset}.parquet", "quarantine.parquet", "files.parquet", "batch.parquet"}


# --- file drop ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def drop(tmp_path_factory) -> Path:
    """A simulated day of two stations with faults, plus hand-made re-sends and bad names."""
    root = tmp_path_factory.mktemp("drop")
    rates = FaultRates(malformed_line_per_file=0.05, resend_per_file=0.03, negative_per_line=0.01)
    simulate(drop_dir=root / "drop", registry_path=root / "stations.csv", start=date(2025, 3, 1), days=1,
             n_air=1, n_wastewater=1, n_stack=0, fault_rates=rates)
    d = root / "drop"
    (d / f"BD_WW_07_{SLOT}.txt").write_text(LINES)
    (d / f"BD_WW_07_{SLOT}_resend.txt").write_text(LINES)  # same station, same bytes: a re-send
    (d / f"BD_WW_08_{SLOT}.txt").write_text(LINES)  # another station, same bytes: not a duplicate
    (d / "BD_WW_07_20250301239900.txt").write_text(LINES)  # no real time in the name: bad_file_name
    (d / "notes.txt").write_text("hello\n")
    (d / "BD_WW_09_20250301101000.txt").write_text("")  # empty
    (d / "BD_WW_09_20250301102000.txt").write_text(" \n\n")  # blank lines only
    (d / "BD_WW_10_20250301102000.txt").write_text(" \n\n")  # the same blank bytes: still no duplicate
    return d


@pytest.mark.parametrize("chunk_files", [1, 7, 100])
def test_a_drop_landed_in_chunks_equals_one_pass(drop, tmp_path, chunk_files):
    one = load_station_files(drop, tmp_path / "one", chunk_files=10**9)
    many = load_station_files(drop, tmp_path / "many", chunk_files=chunk_files)
    assert many.rows_read == one.rows_read > 0
    assert (many.rows_landed, many.rows_quarantined, many.files_loaded, many.files_skipped) == (
        one.rows_landed, one.rows_quarantined, one.files_loaded, one.files_skipped)
    assert_same_landing(tmp_path / "one" / "env_monitoring", tmp_path / "many" / "env_monitoring", "readings")
    files = tmp_path / "many" / "env_monitoring" / "batches" / many.batch_id
    n_files = pq.read_metadata(files / "files.parquet").num_rows
    if chunk_files < n_files:  # really written chunk by chunk, quarantine included
        assert pq.ParquetFile(files / "readings.parquet").num_row_groups > 1
        assert query(f"select count(distinct source_file) from '{files}/quarantine.parquet'")[0][0] > 1
    skipped = dict(query(f"select source_file, skipped_reason from '{files}/files.parquet' where skipped_reason is not null"))
    assert skipped[f"BD_WW_07_{SLOT}_resend.txt"] == f"duplicate of BD_WW_07_{SLOT}.txt"
    assert not {f"BD_WW_08_{SLOT}.txt", "BD_WW_10_20250301102000.txt"} & skipped.keys()
    assert load_station_files(drop, tmp_path / "many", chunk_files=chunk_files) is None  # each file once


def test_resends_are_caught_across_chunks_and_across_runs(tmp_path):
    d = tmp_path / "drop"
    d.mkdir()
    for minute in range(0, 30, 5):  # six files of one station, slot order = read order
        stamp = f"2025030110{minute:02d}00"
        (d / f"BD_WW_01_{stamp}.txt").write_text(LINES.replace(SLOT, stamp))
    names = sorted(p.name for p in d.iterdir())
    first = names[0]
    # a re-send of the first file arrives under a later slot's name: a later chunk
    (d / "BD_WW_01_20250301103000_resend.txt").write_bytes((d / first).read_bytes())
    record = load_station_files(d, tmp_path / "landing", chunk_files=2)
    assert record.files_skipped == 1 and record.files_loaded == 6
    # a later run: content already committed is a duplicate, whatever its chunk
    (d / "BD_WW_01_20250301110000_again.txt").write_bytes((d / names[3]).read_bytes())
    (d / "BD_WW_01_20250301110500.txt").write_text(LINES.replace(SLOT, "20250301110500"))
    second = load_station_files(d, tmp_path / "landing", chunk_files=1)
    assert (second.files_loaded, second.files_skipped, second.rows_read) == (1, 1, 3)
    root = tmp_path / "landing" / "env_monitoring" / "batches" / second.batch_id
    assert dict(query(f"select source_file, skipped_reason from '{root}/files.parquet'"))[
        "BD_WW_01_20250301110000_again.txt"] == f"duplicate of {names[3]}"


def test_a_failure_in_a_later_chunk_commits_nothing(drop, tmp_path, monkeypatch):
    real_flush = landing.BatchWriter.flush
    calls = []

    def fail_third(self):
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_flush(self)

    monkeypatch.setattr(landing.BatchWriter, "flush", fail_third)
    with pytest.raises(OSError, match="disk full"):
        load_station_files(drop, tmp_path / "landing", chunk_files=5)
    root = tmp_path / "landing" / "env_monitoring"
    assert not list(root.glob("batches/*")) and not list(root.glob(".staging/*"))
    monkeypatch.setattr(landing.BatchWriter, "flush", real_flush)
    assert load_station_files(drop, tmp_path / "landing", chunk_files=5).rows_read > 0


def test_batch_writer_merges_chunks_whose_columns_differ(tmp_path):
    """An API that adds a field mid-run: the later chunks bring a column the first lacked."""
    with landing.BatchWriter("src", dataset="d", source_ref="x", landing_dir=tmp_path) as batch:
        def rows(n: int, extra: bool) -> pa.Table:
            t = pa.table({"v": pa.array(range(n), pa.int64())})
            if extra:
                t = t.append_column("_extra", pa.array(["{}"] * n))
            return landing.with_lineage(t, batch_id=batch.batch_id, loaded_at=batch.loaded_at, source_file="p",
                                        line_number=pa.array(range(1, n + 1)))
        batch.add_rows("d", rows(3, False))
        batch.flush()
        batch.add_rows("d", rows(2, True))
        batch.flush()
        batch.add_rows("d", rows(1, False))
        record = batch.commit(6)
    table = pq.read_table(record.path / "d.parquet")
    assert table.column("v").to_pylist() == [0, 1, 2, 0, 1, 0]
    assert table.column("_extra").to_pylist() == [None, None, None, "{}", "{}", None]
    assert sorted(p.name for p in record.path.iterdir()) == ["batch.parquet", "d.parquet", "files.parquet", "quarantine.parquet"]


# --- HTTP paging --------------------------------------------------------------------------------

END_DATE = date(2026, 3, 11)
PERIOD_END = local_midnight(END_DATE + timedelta(days=1))
TOKEN = "test-token-chunks"


@pytest.fixture(scope="module")
def faulty_store(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cameras")
    generate(out, seed=7, cameras=12, days=2, end_date=END_DATE, faults=True)
    return out


def _land_observations(store: Path, data_dir: Path, monkeypatch, chunk_pages: int, page_size: int = 150) -> list:
    monkeypatch.setenv("IOC_DATA_DIR", str(data_dir))
    monkeypatch.delenv("IOC_LANDING_DIR", raising=False)
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_TOKEN", TOKEN)
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_PAGE_SIZE", str(page_size))
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_BACKFILL_DAYS", "3")
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_CHUNK_PAGES", str(chunk_pages))
    server, url = start_server(store, token=TOKEN, faults=ServerFaults(), clock=lambda: PERIOD_END + 3600)
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_URL", url)
    try:
        return load_observations()
    finally:
        server.stop()


@pytest.mark.parametrize("chunk_pages", [1, 3])
def test_observations_paged_in_chunks_equal_one_pass(faulty_store, tmp_path, monkeypatch, chunk_pages):
    one = _land_observations(faulty_store, tmp_path / "one", monkeypatch, chunk_pages=10**6)
    many = _land_observations(faulty_store, tmp_path / "many", monkeypatch, chunk_pages=chunk_pages)
    assert [b.rows_read for b in many] == [b.rows_read for b in one]
    one_root, many_root = (tmp_path / d / "landing" / "traffic_cameras" for d in ("one", "many"))
    assert_same_landing(one_root, many_root, "observations")
    reasons = [r for (r,) in query(f"select reason from read_parquet('{many_root}/batches/*/quarantine.parquet')")]
    assert any("duplicate of an earlier record" in r for r in reasons)
    # quarantined records come from several pages, i.e. several chunks of the same window
    assert query(f"select count(distinct source_file) from read_parquet('{many_root}/batches/*/quarantine.parquet')")[0][0] > 2
    # the field added by the platform upgrade arrives mid-window: its column is merged in
    assert query(f"select count(*) from read_parquet('{many_root}/batches/*/observations.parquet', union_by_name=true) "
                 "where _extra like '%firmware_version%'")[0][0] > 0
    groups = [pq.ParquetFile(p).num_row_groups for p in many_root.glob("batches/*/observations.parquet")]
    assert max(groups) > 1


def test_duplicates_across_chunks_keep_the_first_record(faulty_store, tmp_path, monkeypatch):
    """A record sent again a dozen records later (pages of 10: another page, so another chunk) is quarantined
    as a duplicate, exactly as in one pass."""
    store = tmp_path / "store"
    shutil.copytree(faulty_store, store)
    table = read_observations(store)
    epoch = table.column("observed_epoch").to_numpy()
    firsts = [int(i) for i in (epoch[1:] != epoch[:-1]).nonzero()[0][:: 97] + 1][:5]  # first record of some slots
    order = list(range(table.num_rows))
    for i in reversed(firsts):  # the copy goes after the last record of its slot
        end = i + int((epoch[i:] == epoch[i]).sum())
        order.insert(end, i)
    shutil.rmtree(store / "observations")
    write_days(table.take(pa.array(order)), store)  # each copy stays in its day: it follows its own slot

    one = _land_observations(store, tmp_path / "one", monkeypatch, chunk_pages=10**6, page_size=10)
    many = _land_observations(store, tmp_path / "many", monkeypatch, chunk_pages=1, page_size=10)
    one_root, many_root = (tmp_path / d / "landing" / "traffic_cameras" for d in ("one", "many"))
    assert_same_landing(one_root, many_root, "observations")
    assert sum(b.rows_read for b in many) == sum(b.rows_landed + b.rows_quarantined for b in many)
    assert query(f"select count(*) = count(distinct (camera_id, observed_at)) "
                 f"from read_parquet('{many_root}/batches/*/observations.parquet', union_by_name=true)") == [(True,)]
    duplicates = query(f"select source_file from read_parquet('{many_root}/batches/*/quarantine.parquet') "
                       "where reason like '%duplicate of an earlier record%'")
    assert len(duplicates) >= len(firsts)
