-- Why: notifiable disease counts come each month per area and disease; a silent month reads as zero cases.
-- A month missing between two reports is listed (not silently absent from the dashboards), and
-- the whole feed when its latest month is older than the month due by now. A warning.
{{ config(**ioc_check(gate='warn', scope='health')) }}

{{ ioc_reporting_gaps(ref('stg_health__disease_cases'), 'health', 'reporting_period', ['area_code', 'disease'], grain='month', lag_days=var('ioc_monthly_report_lag_days', 45)) }}
