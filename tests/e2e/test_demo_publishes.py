"""make demo, small: every department lands, the checks pass, the KPI tables are published."""

import duckdb

SOURCE_SYSTEMS = {
    "env_monitoring", "traffic_cameras", "statistics_office", "business_registry", "public_services",
    "citizen_feedback", "health", "education", "ict", "industry_trade", "utilities", "labour", "gis",
}


def _published(demo_data):
    return duckdb.connect(str(demo_data / "published" / "ioc.duckdb"), read_only=True)


def test_published_file_opens_read_only_and_holds_the_contract(demo_data):
    with _published(demo_data) as con:
        tables = {
            f"{s}.{t}"
            for s, t in con.execute("select table_schema, table_name from information_schema.tables").fetchall()
        }
        for name in (
            "kpi.indicator_values", "kpi.air_quality_hourly", "kpi.exceedance_events", "ref.dim_indicator",
            "ref.dim_sector", "ref.dim_area", "audit.check_results", "audit.publications", "audit.ingestion_batches",
        ):
            assert name in tables, name
        env_values = con.execute(
            "select count(*) from kpi.indicator_values where sector_code = 'environment'"
        ).fetchone()[0]
        aqi_hours = con.execute("select count(*) from kpi.air_quality_hourly where aqi is not null").fetchone()[0]
        outcome = con.execute("select outcome from audit.publications order by attempted_at desc limit 1").fetchone()
    assert env_values > 0 and aqi_hours > 0
    assert outcome == ("published",)


def test_every_department_is_in_the_ingestion_audit_and_every_batch_adds_up(demo_data):
    with _published(demo_data) as con:
        per_source = dict(
            con.execute(
                "select source_system, sum(rows_landed) from audit.ingestion_batches group by 1"
            ).fetchall()
        )
        mismatches = con.execute(
            "select count(*) from audit.ingestion_batches where rows_read <> rows_landed + rows_quarantined"
        ).fetchone()[0]
    assert SOURCE_SYSTEMS <= set(per_source), SOURCE_SYSTEMS - set(per_source)
    assert all(per_source[s] > 0 for s in SOURCE_SYSTEMS)
    assert mismatches == 0


def test_exceedances_in_the_published_file_match_the_hourly_averages_over_the_limit(demo_data):
    """Each published exceedance hour is backed by an hourly average over the limit in force."""
    with _published(demo_data) as con:
        unbacked = con.execute(
            """
            select count(*) from kpi.exceedance_events e
            where e.averaging = '1h' and e.limit_kind = 'max' and not exists (
                select 1 from kpi.station_hourly h
                where h.station_code = e.station_code and h.param = e.param
                  and h.hour_start between e.event_start and e.event_end
                  and h.avg_value > e.limit_value
            )
            """
        ).fetchone()[0]
    assert unbacked == 0


def test_hand_worked_domain_unit_tests_ran_and_passed_in_the_published_run(demo_data):
    """The dbt unit tests (NowCast, AQI sub-index, QCVN version by date) gate the publication."""
    with _published(demo_data) as con:
        results = dict(
            con.execute(
                """
                select check_name, bool_and(passed) from audit.check_results
                where check_kind = 'dbt_unit_test'
                  and run_id = (select run_id from audit.publications where outcome = 'published'
                                order by attempted_at desc limit 1)
                group by 1
                """
            ).fetchall()
        )
    for fragment in ("nowcast_decision_1459_hand_worked", "aqi_sub_index_piecewise_linear", "qcvn_version_chosen_by_date"):
        matching = [name for name in results if fragment in name]
        assert matching, f"unit test {fragment} did not run"
        assert all(results[name] for name in matching)
