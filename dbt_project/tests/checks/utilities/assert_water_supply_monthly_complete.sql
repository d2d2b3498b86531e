-- Why: each water plant exports its production and billing for every area it serves, monthly.
-- A month missing between two reports is listed (not silently absent from the dashboards), and
-- the whole feed when its latest month is older than the month due by now. A warning.
{{ config(**ioc_check(gate='warn', scope='utilities')) }}

{{ ioc_reporting_gaps(ref('stg_utilities__water_supply'), 'utilities', 'period_month', ['plant_code', 'area_code'], grain='month', lag_days=var('ioc_monthly_report_lag_days', 45)) }}
