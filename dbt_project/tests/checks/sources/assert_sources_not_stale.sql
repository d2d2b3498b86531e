-- Why: a source past its error_after has stopped delivering. Its department's values are then
-- published as what they are — the last good values, marked stale with this reason — instead of
-- looking current.
{{ config(**ioc_check(gate='withhold', scope='rows')) }}

{{ ioc_source_freshness('error_after') }}
