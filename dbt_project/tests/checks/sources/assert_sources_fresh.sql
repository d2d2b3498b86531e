-- Why: `dbt build` does not run `dbt source freshness`. A source past its warn_after has missed a
-- delivery: reported, nothing held back yet.
{{ config(**ioc_check(gate='warn', scope='rows')) }}

{{ ioc_source_freshness('warn_after') }}
