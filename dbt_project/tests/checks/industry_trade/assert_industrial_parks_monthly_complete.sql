-- Why: each industrial park reports production, exports and workers monthly.
-- A month missing between two reports is listed (not silently absent from the dashboards), and
-- the whole feed when its latest month is older than the month due by now. A warning.
{{ config(**ioc_check(gate='warn', scope='industry_trade')) }}

{{ ioc_reporting_gaps(ref('stg_industry_trade__industrial_parks'), 'industry_trade', 'reporting_period', ['park_code'], grain='month', lag_days=var('ioc_monthly_report_lag_days', 45)) }}
