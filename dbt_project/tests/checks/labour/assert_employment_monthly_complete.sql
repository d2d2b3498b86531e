-- Why: employment is reported monthly per area and sector.
-- A month missing between two reports is listed (not silently absent from the dashboards), and
-- the whole feed when its latest month is older than the month due by now. A warning.
{{ config(**ioc_check(gate='warn', scope='labour')) }}

{{ ioc_reporting_gaps(ref('stg_labour__employment'), 'labour', 'reporting_period', ['area_code', 'sector'], grain='month', lag_days=var('ioc_monthly_report_lag_days', 45)) }}
