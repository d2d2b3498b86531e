-- Why: the power company exports consumption per area and sector monthly.
-- A month missing between two reports is listed (not silently absent from the dashboards), and
-- the whole feed when its latest month is older than the month due by now. A warning.
{{ config(**ioc_check(gate='warn', scope='utilities')) }}

{{ ioc_reporting_gaps(ref('stg_utilities__power_consumption'), 'utilities', 'period_month', ['area_code', 'sector'], grain='month', lag_days=var('ioc_monthly_report_lag_days', 45)) }}
