-- Why: each operator reports its base stations and subscriptions per area monthly.
-- A month missing between two reports is listed (not silently absent from the dashboards), and
-- the whole feed when its latest month is older than the month due by now. A warning.
{{ config(**ioc_check(gate='warn', scope='ict')) }}

{{ ioc_reporting_gaps(ref('stg_ict__telecom_infrastructure'), 'ict', 'reporting_period', ['area_code', 'operator'], grain='month', lag_days=var('ioc_monthly_report_lag_days', 45)) }}
