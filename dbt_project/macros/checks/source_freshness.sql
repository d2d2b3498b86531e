{#- Freshness of every dbt source that declares one, as a test (dbt build does not run
    `dbt source freshness`). One row per source table whose newest `loaded_at_field` is older
    than its `threshold` ('warn_after' or 'error_after'), with the department's source_system.
    Compiled at execution from the graph, so a new source with a freshness block is checked
    without an edit here. -#}
{% macro ioc_source_freshness(threshold) -%}
{%- set parts = [] -%}
{%- if execute -%}
    {%- for node in graph.sources.values() | sort(attribute='unique_id') -%}
        {%- set freshness = node.freshness or {} -%}
        {%- set limit = freshness.get(threshold) if freshness else none -%}
        {%- if limit and limit.get('count') and limit.get('period') and node.loaded_at_field -%}
            {%- set hours = limit['count'] * {'minute': 1 / 60, 'hour': 1, 'day': 24}[limit['period']] -%}
            {%- do parts.append(
                "select '" ~ node.source_name ~ "' as source_system, '" ~ node.name ~ "' as source_table, "
                ~ "max(" ~ node.loaded_at_field ~ ") as last_loaded_at, "
                ~ hours ~ " as limit_hours, '" ~ limit['count'] ~ " " ~ limit['period'] ~ "' as limit_text "
                ~ "from " ~ node.relation_name
            ) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endif -%}
with

loads as (
    {% if parts -%}
    {{ parts | join('\n    union all\n    ') }}
    {%- else -%}
    select null::varchar as source_system, null::varchar as source_table, null::timestamptz as last_loaded_at,
           null::double as limit_hours, null::varchar as limit_text
    where false
    {%- endif %}
),

final as (
    select
        source_system,
        source_table,
        last_loaded_at,
        round((epoch(now()) - epoch(last_loaded_at)) / 3600, 1) as age_hours,
        limit_text as {{ threshold }},
        '{{ threshold }}' as threshold
    from loads
    where last_loaded_at is null
        or (epoch(now()) - epoch(last_loaded_at)) / 3600 > limit_hours
)

select * from final
{%- endmacro %}
