-- Why: each agency reports its online public services and e-documents monthly.
-- A month missing between two reports is listed (not silently absent from the dashboards), and
-- the whole feed when its latest month is older than the month due by now. A warning.
{{ config(**ioc_check(gate='warn', scope='ict')) }}

{{ ioc_reporting_gaps(ref('stg_ict__digital_government'), 'ict', 'reporting_period', ['agency_code'], grain='month', lag_days=var('ioc_monthly_report_lag_days', 45)) }}
