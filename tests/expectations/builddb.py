"""Small DuckDB build files for the GX tests, made with plain duckdb SQL."""

from __future__ import annotations

from pathlib import Path

import duckdb

SCHEMA_SQL = """
CREATE SCHEMA IF NOT EXISTS kpi;
CREATE SCHEMA IF NOT EXISTS ref;

CREATE TABLE ref.dim_area AS
SELECT * FROM (VALUES
    ('74', 'Tỉnh Bình Dương', 'province', NULL, 'pre_2025', DATE '1997-01-01', DATE '2025-06-30'),
    ('718', 'Thành phố Thủ Dầu Một', 'district', '74', 'pre_2025', DATE '1997-01-01', DATE '2025-06-30'),
    ('725', 'Thành phố Thuận An', 'district', '74', 'pre_2025', DATE '1997-01-01', DATE '2025-06-30'),
    ('BD', 'Khu vực Bình Dương cũ', 'province', NULL, 'post_2025', DATE '2025-07-01', NULL),
    ('BD25-01', 'Phường Thủ Dầu Một', 'commune', 'BD', 'post_2025', DATE '2025-07-01', NULL),
    ('BD25-02', 'Phường Phú Lợi', 'commune', 'BD', 'post_2025', DATE '2025-07-01', NULL)
) AS t(area_code, area_name_vi, area_level, parent_area_code, geography, valid_from, valid_to);

CREATE TABLE kpi.air_quality_hourly AS
WITH hours AS (
    SELECT s.station_code, s.district_code, s.commune_code_2025,
           TIMESTAMP '2025-07-01 00:00:00' + to_hours(h.range) AS hour_start,
           ((h.range * 37 + s.k * 11) % 300)::INTEGER AS aqi
    FROM (VALUES ('BD_KK01', '718', 'BD25-01', 0), ('BD_KK02', '725', 'BD25-02', 1)) AS s(station_code, district_code, commune_code_2025, k)
    CROSS JOIN range(48) AS h
)
SELECT station_code, district_code, commune_code_2025, hour_start, aqi,
       CASE WHEN aqi <= 50 THEN 'good' WHEN aqi <= 100 THEN 'moderate' WHEN aqi <= 150 THEN 'poor'
            WHEN aqi <= 200 THEN 'bad' WHEN aqi <= 300 THEN 'very_bad' ELSE 'hazardous' END AS aqi_band_code,
       CASE WHEN aqi <= 50 THEN 'Tốt' WHEN aqi <= 100 THEN 'Trung bình' WHEN aqi <= 150 THEN 'Kém'
            WHEN aqi <= 200 THEN 'Xấu' WHEN aqi <= 300 THEN 'Rất xấu' ELSE 'Nguy hại' END AS aqi_band_vi,
       CASE WHEN aqi % 2 = 0 THEN 'PM2.5' ELSE 'PM10' END AS dominant_param,
       round(aqi / 3.0, 1)::DOUBLE AS pm25_nowcast,
       round(aqi / 2.0, 1)::DOUBLE AS pm10_nowcast
FROM hours;

CREATE TABLE kpi.indicator_values AS
SELECT 'ENV_AQI_MEAN' AS indicator_code, 'environment' AS sector_code, district_code AS area_code,
       date_trunc('day', hour_start) AS period_start, 'day' AS period_grain,
       avg(aqi)::DOUBLE AS value, 'AQI' AS unit, count(*)::INTEGER AS n_observations,
       ['20250701T000000000000Z-0000abcd'] AS source_batch_ids
FROM kpi.air_quality_hourly GROUP BY ALL;

CREATE TABLE kpi.exceedance_events AS
SELECT * FROM (VALUES
    ('ev1', 'BD_NT01', 'wastewater', 'COD', '1h', 'max', TIMESTAMP '2025-07-01 03:00', TIMESTAMP '2025-07-01 06:00',
     3, 180.0, 150.0, 'mg/L', 'QCVN 40'),
    ('ev2', 'BD_NT01', 'wastewater', 'pH', '1h', 'min', TIMESTAMP '2025-07-01 08:00', TIMESTAMP '2025-07-01 09:00',
     1, 5.1, 5.5, '-', 'QCVN 40'),
    ('ev3', 'BD_KK01', 'ambient_air', 'PM2.5', '24h', 'max', TIMESTAMP '2025-07-02 00:00', TIMESTAMP '2025-07-03 00:00',
     24, 61.5, 50.0, 'µg/m³', 'QCVN 05')
) AS t(event_id, station_code, station_type, param, averaging, limit_kind, event_start, event_end,
       hours, observed_max, limit_value, unit, regulation);

CREATE TABLE kpi.station_hourly AS
SELECT station_code, 'PM2.5' AS param, hour_start, 'ambient_air' AS station_type, district_code, commune_code_2025,
       pm25_nowcast AS avg_value, pm25_nowcast - 1 AS min_value, pm25_nowcast + 1 AS max_value,
       11 AS n_valid, 12 AS n_received, 12 AS n_expected, 11 / 12 AS completeness, false AS is_stuck,
       true AS is_valid_hour, 'µg/m³' AS unit
FROM kpi.air_quality_hourly;

CREATE TABLE ref.dim_indicator AS
SELECT * FROM (VALUES
    ('ENV_AQI_MEAN', 'VN_AQI giờ trung bình', 'Mean hourly VN_AQI', 'environment', 'index', 'daily', 'lower_is_better',
     'Sở Nông nghiệp và Môi trường', 'env_monitoring', 'avg', DATE '2019-11-12', NULL::DATE),
    ('SO_CPI_GENERAL_YOY', 'CPI so với cùng kỳ', 'CPI vs same month last year', 'macro_economy', 'index', 'monthly',
     'lower_is_better', 'Cục Thống kê', 'statistics_office', 'avg', DATE '2019-01-01', NULL::DATE)
) AS t(indicator_code, name_vi, name_en, sector_code, unit, frequency, direction, owner_department, source_system,
       aggregation, valid_from, valid_to);
"""


def make_build_db(path: Path, *extra_sql: str) -> Path:
    """A valid build file; ``extra_sql`` statements then break it on purpose."""
    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA_SQL)
        for sql in extra_sql:
            con.execute(sql)
    finally:
        con.close()
    return path
