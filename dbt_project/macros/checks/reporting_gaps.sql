{#- Completeness of a periodic departmental report against its schedule.

    Returns one row per missing report: an entity (facility, area, agency…) that reported before
    and after a period but not in it ('missing_period'), and the whole feed when its latest
    period is older than the last period due by now ('late'; due = the period containing
    as-of date minus `lag_days`). Columns: source_system, dataset, entity, period_start, issue,
    detail. `period_column` holds the first day of the period. -#}
{% macro ioc_reporting_gaps(relation, source_system, period_column, entity_columns, grain='month', lag_days=45) -%}
{%- set entity = "concat_ws(' | ', " ~ (entity_columns | map('string') | join(', ')) ~ ")" -%}
with

reports as (
    select distinct
        {{ entity }} as entity,
        cast(date_trunc('{{ grain }}', {{ period_column }}) as date) as period_start
    from {{ relation }}
    where {{ period_column }} is not null
),

spans as (
    select entity, min(period_start) as first_period, max(period_start) as last_period
    from reports
    group by entity
),

expected as (
    select
        entity,
        cast(unnest(generate_series(first_period, last_period, {{ ioc_grain_interval("'" ~ grain ~ "'") }})) as date) as period_start
    from spans
),

missing as (
    select expected.entity, expected.period_start
    from expected
    left join reports
        on expected.entity = reports.entity
        and expected.period_start = reports.period_start
    where reports.entity is null
),

due as (
    select cast(date_trunc('{{ grain }}', {{ ioc_as_of_date() }} - interval {{ lag_days }} day) as date) as due_period
),

late as (
    select max(reports.period_start) as latest_period, any_value(due.due_period) as due_period
    from reports, due
    having max(reports.period_start) < any_value(due.due_period) or max(reports.period_start) is null
),

final as (
    select
        '{{ source_system }}' as source_system,
        '{{ relation.identifier }}' as dataset,
        entity,
        period_start,
        'missing_period' as issue,
        'no report for this {{ grain }} between the first and the last report of ' || entity as detail
    from missing
    union all
    select
        '{{ source_system }}',
        '{{ relation.identifier }}',
        '*',
        due_period,
        'late',
        'latest {{ grain }} reported: ' || coalesce(cast(latest_period as varchar), 'none')
            || '; due by now: ' || cast(due_period as varchar)
    from late
)

select * from final
{%- endmacro %}
