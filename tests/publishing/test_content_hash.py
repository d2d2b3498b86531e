"""Content hashes ignore physical row order but see every value, duplicate and type."""

import duckdb
import pytest

from orchestration.publishing.content_hash import table_content_hash


@pytest.fixture
def con():
    con = duckdb.connect()
    con.execute("create schema kpi")
    con.execute("create table kpi.a as select i, 'x' || i as s, timestamptz '2025-01-01 00:00:00+00' + to_hours(i) as t "
                "from range(1000) r(i)")
    yield con
    con.close()


def test_row_order_does_not_matter(con):
    con.execute("create table kpi.shuffled as select * from kpi.a order by random()")
    con.execute("create table kpi.reversed as select * from kpi.a order by i desc")
    h = table_content_hash(con, "kpi.a")
    assert h == table_content_hash(con, "kpi.shuffled") == table_content_hash(con, "kpi.reversed")


def test_values_duplicates_and_types_matter(con):
    h = table_content_hash(con, "kpi.a")
    con.execute("create table kpi.changed as select * replace (case when i = 500 then 'y' else s end as s) from kpi.a")
    con.execute("create table kpi.dup as select * from kpi.a union all select * from kpi.a where i = 1")
    con.execute("create table kpi.retyped as select i::varchar as i, s, t from kpi.a")
    others = {table_content_hash(con, t) for t in ("kpi.changed", "kpi.dup", "kpi.retyped")}
    assert h not in others and len(others) == 3


def test_session_time_zone_does_not_matter_and_is_restored(con):
    h = table_content_hash(con, "kpi.a")
    con.execute("set TimeZone = 'Asia/Ho_Chi_Minh'")
    assert table_content_hash(con, "kpi.a") == h
    assert con.execute("select current_setting('TimeZone')").fetchone()[0] == "Asia/Ho_Chi_Minh"


def test_empty_table_has_a_hash(con):
    con.execute("create table kpi.empty as select * from kpi.a where false")
    assert len(table_content_hash(con, "kpi.empty")) == 64
