-- Why: social and unemployment insurance figures are reported monthly per area.
-- A month missing between two reports is listed (not silently absent from the dashboards), and
-- the whole feed when its latest month is older than the month due by now. A warning.
{{ config(**ioc_check(gate='warn', scope='labour')) }}

{{ ioc_reporting_gaps(ref('stg_labour__social_insurance'), 'labour', 'reporting_period', ['area_code'], grain='month', lag_days=var('ioc_monthly_report_lag_days', 45)) }}
