"""Against a small warehouse built from every stand-in: the whole catalogue is published."""

from __future__ import annotations

from datetime import date, timedelta

FINEST_GRAIN = {"daily": "day", "monthly": "month", "quarterly": "quarter", "yearly": "year", "school_year": "year"}


def test_every_indicator_has_a_value_at_its_own_frequency(warehouse):
    with warehouse.connect() as con:
        catalogue = dict(con.execute("select indicator_code, frequency from ref.dim_indicator").fetchall())
        published = con.execute(
            "select indicator_code, period_grain, min(period_start), max(period_start) "
            "from kpi.indicator_values group by all"
        ).fetchall()
        sectors = con.execute("select count(*) from ref.dim_sector").fetchone()[0]
    grains = {}
    for code, grain, first, last in published:
        grains.setdefault(code, {})[grain] = (first, last)
    missing = sorted(code for code, frequency in catalogue.items() if FINEST_GRAIN[frequency] not in grains.get(code, {}))
    assert sectors == 22
    assert len(catalogue) >= 611
    assert not missing, f"{len(missing)} indicators without a value at their frequency: {missing[:20]}"
    window = (date.today() - timedelta(days=3 * 366), date.today())
    stale = sorted(code for code, frequency in catalogue.items()
                   if not window[0] <= grains[code][FINEST_GRAIN[frequency]][1] <= window[1])
    assert not stale, stale[:20]


def test_school_years_start_on_1_september(warehouse):
    with warehouse.connect() as con:
        starts = con.execute(
            "select distinct strftime(v.period_start, '%m-%d') from kpi.indicator_values v "
            "join ref.dim_indicator i using (indicator_code) where i.frequency = 'school_year'"
        ).fetchall()
    assert starts == [("09-01",)]


def test_province_totals_agree_in_both_geographies(warehouse):
    """Additive indicators: pre-2025 districts and post-2025 communes add up to the same total,
    and the province reads the same under its pre-2025 code (74) and post-2025 code (BD)."""
    with warehouse.connect() as con:
        rows = con.execute(
            """
            select v.indicator_code, v.period_grain, v.period_start,
                   sum(value) filter (where area_level = 'district') as districts,
                   sum(value) filter (where area_level = 'commune' and geography = 'post_2025') as communes,
                   max(value) filter (where area_code = '74') as province_74,
                   max(value) filter (where area_code = 'BD') as province_bd
            from kpi.indicator_values v
            join ref.dim_indicator i using (indicator_code)
            where i.aggregation in ('sum', 'count') and i.breakdown = 'province|district|commune'
            group by all
            """
        ).fetchall()
    assert len(rows) > 1000
    for code, grain, start, districts, communes, p74, pbd in rows:
        assert abs((districts or 0) - (communes or 0)) <= 1e-6 * max(abs(districts or 0), 1), (code, grain, start)
        assert (p74 is None) == (pbd is None) and abs((p74 or 0) - (pbd or 0)) <= 1e-9 * max(abs(p74 or 0), 1), (code, grain, start)
    # where every observation is located below the province, the districts also add up to it
    with warehouse.connect() as con:
        example = con.execute(
            """
            select max(value) filter (where area_code = '74'), sum(value) filter (where area_level = 'district'),
                   sum(value) filter (where area_level = 'commune' and geography = 'post_2025')
            from kpi.indicator_values
            where indicator_code = 'HLT_CASES_ALL_DISEASES' and period_grain = 'month'
              and period_start = (select max(period_start) from kpi.indicator_values
                                  where indicator_code = 'HLT_CASES_ALL_DISEASES')
            """
        ).fetchone()
    assert example[0] is not None and abs(example[0] - example[1]) < 1e-6 and abs(example[0] - example[2]) < 1e-6


def test_dashboards_marts_are_filled(warehouse):
    with warehouse.connect() as con:
        counts = {
            table: con.execute(f"select count(*) from {table}").fetchone()[0]
            for table in ("kpi.indicator_latest", "kpi.sector_scorecard", "kpi.traffic_segment_hourly",
                          "kpi.public_service_on_time", "kpi.feedback_handling", "kpi.air_quality_hourly",
                          "ref.dim_area", "ref.area_bridge", "ref.dim_date", "ref.dim_period")
        }
        scorecard = con.execute(
            "select count(*), sum(n_indicators), sum(n_missing) from kpi.sector_scorecard where area_code = 'BD'"
        ).fetchone()
        geographies = dict(con.execute("select geography, count(*) from ref.dim_area group by all").fetchall())
        statuses = {s for (s,) in con.execute("select distinct status from kpi.indicator_values").fetchall()}
    assert all(n > 0 for n in counts.values()), counts
    assert scorecard[0] == 22 and scorecard[1] > 600 and scorecard[2] == 0
    assert geographies == {"pre_2025": 101, "post_2025": 37}
    assert {"on_track", "no_target"} <= statuses
