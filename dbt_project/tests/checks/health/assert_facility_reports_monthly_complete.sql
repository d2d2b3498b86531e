-- Why: every hospital and health station reports its activity each month (beds, occupancy, visits, vaccination).
-- A month missing between two reports is listed (not silently absent from the dashboards), and
-- the whole feed when its latest month is older than the month due by now. A warning.
{{ config(**ioc_check(gate='warn', scope='health')) }}

{{ ioc_reporting_gaps(ref('stg_health__facility_reports'), 'health', 'reporting_period', ['facility_code'], grain='month', lag_days=var('ioc_monthly_report_lag_days', 45)) }}
