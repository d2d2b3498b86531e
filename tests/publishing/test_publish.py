"""A publication copies kpi/ref into a new file whose audit views read the live audit log."""

import json

import duckdb

from orchestration.publishing import audit_log, publish, table_content_hash
from orchestration.publishing.snapshot import read_latest


def test_publish_copies_published_schemas_only(dirs, make_build_db, land_batch, publish_kwargs):
    make_build_db()
    batch_id = land_batch()
    result = publish(**publish_kwargs())

    assert result.outcome == "published" and result.published_path == dirs.published / "ioc.duckdb"
    assert result.input_batch_ids == [batch_id]
    with duckdb.connect(str(result.published_path), read_only=True) as con:
        tables = con.execute("select schema_name, table_name from duckdb_tables() order by all").fetchall()
        assert tables == [("audit", "publication"), ("kpi", "air_quality_daily"),
                          ("kpi", "v_station_days"), ("ref", "districts")]  # views became tables
        assert con.execute("select count(*) from kpi.air_quality_daily").fetchone() == (5,)
        assert con.execute("select sum(days) from kpi.v_station_days").fetchone() == (5,)
    assert result.row_counts == {"kpi.air_quality_daily": 5, "kpi.v_station_days": 3, "ref.districts": 2}


def test_audit_views_read_the_log_and_landing_zone(dirs, make_build_db, land_batch, publish_kwargs, checks):
    make_build_db()
    batch_id = land_batch()
    result = publish(**publish_kwargs(check_results=[checks("not_null_station", observed_value=0)]))

    with duckdb.connect(str(result.published_path), read_only=True) as con:
        assert con.execute("select check_name, run_id, passed from audit.check_results").fetchall() == [
            ("not_null_station", "run-1", True)]
        # The 'published' row is appended after the swap, yet the view of the new file shows it.
        assert con.execute("select publication_id, outcome from audit.publications").fetchall() == [
            (result.publication_id, "published")]
        assert con.execute("select batch_id, rows_read, rows_quarantined from audit.ingestion_batches").fetchall() == [
            (batch_id, 3, 1)]
        assert con.execute("select reason from audit.quarantine").fetchall() == [("value is not a number",)]
        assert con.execute("select count(*) from audit.withheld").fetchone() == (0,)  # no record yet: still works
        pub = con.execute("select publication_id, outcome, code_version, input_batch_ids, row_counts "
                          "from audit.publication").fetchall()
        assert pub == [(result.publication_id, "published", "git:test", [batch_id], json.dumps(result.row_counts))]


def test_landing_views_work_before_anything_landed(make_build_db, publish_kwargs):
    make_build_db()
    result = publish(**publish_kwargs())
    with duckdb.connect(str(result.published_path), read_only=True) as con:
        assert con.execute("select count(*) from audit.ingestion_batches").fetchone() == (0,)
        assert "rows_quarantined" in [c[0] for c in con.execute("describe audit.ingestion_batches").fetchall()]
        assert con.execute("select count(*) from audit.quarantine").fetchone() == (0,)


def test_manifest_hashes_match_the_published_file(dirs, make_build_db, publish_kwargs):
    make_build_db(rows=500)
    result = publish(**publish_kwargs())

    assert read_latest(dirs.published) == result.publication_id
    manifest = json.loads((result.snapshot_path / "manifest.json").read_text())
    assert manifest["publication_id"] == result.publication_id
    with duckdb.connect(str(result.published_path), read_only=True) as con:
        for table, entry in manifest["tables"].items():
            assert entry["content_sha256"] == table_content_hash(con, table) == result.table_hashes[table]
            assert entry["rows"] == con.execute(f"select count(*) from {table}").fetchone()[0]
            snapshot = result.snapshot_path / entry["file"]
            assert con.execute(f"select count(*) from read_parquet('{snapshot}')").fetchone()[0] == entry["rows"]
    for audit_table in ("check_results", "publications", "withheld", "ingestion_batches", "quarantine", "publication"):
        assert (result.snapshot_path / f"audit.{audit_table}.parquet").exists()
    recorded = audit_log.read("publications", audit_dir=dirs.audit).to_pylist()[-1]
    assert json.loads(recorded["table_hashes"]) == result.table_hashes


def test_hash_is_the_same_when_the_build_has_rows_in_another_order(dirs, make_build_db, publish_kwargs):
    make_build_db(rows=500)
    first = publish(**publish_kwargs())
    with duckdb.connect(str(dirs.build)) as con:  # same content, physically reversed
        con.execute("create or replace table kpi.air_quality_daily as "
                    "select * from kpi.air_quality_daily order by computed_at desc")
    second = publish(**publish_kwargs(run_id="run-2"))
    assert second.table_hashes == first.table_hashes
    assert second.publication_id > first.publication_id  # ids sort by time


def test_reader_of_the_old_file_keeps_reading_it(dirs, make_build_db, publish_kwargs):
    make_build_db(version=1)
    publish(**publish_kwargs())
    reader = duckdb.connect(str(dirs.published / "ioc.duckdb"), read_only=True)
    before = reader.execute("select sum(pm25_avg) from kpi.air_quality_daily").fetchone()

    make_build_db(version=2)  # every value +1
    second = publish(**publish_kwargs(run_id="run-2"))  # no lock conflict with the open reader

    assert reader.execute("select sum(pm25_avg) from kpi.air_quality_daily").fetchone() == before  # old inode
    reader.close()
    with duckdb.connect(str(dirs.published / "ioc.duckdb"), read_only=True) as fresh:
        assert fresh.execute("select sum(pm25_avg) from kpi.air_quality_daily").fetchone()[0] == before[0] + 5
        assert fresh.execute("select publication_id from audit.publication").fetchone() == (second.publication_id,)


def test_dbt_manifest_hash_is_recorded(dirs, make_build_db, publish_kwargs, file_sha256):
    make_build_db()
    manifest = dirs.root / "manifest.json"
    manifest.write_text('{"nodes": {}}')
    result = publish(**publish_kwargs(dbt_manifest_path=manifest))
    row = audit_log.read("publications", audit_dir=dirs.audit).to_pylist()[-1]
    assert row["publication_id"] == result.publication_id
    assert row["dbt_manifest_sha256"] == file_sha256(manifest)
