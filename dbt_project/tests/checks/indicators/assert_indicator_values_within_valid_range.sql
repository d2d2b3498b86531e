-- Why: a value outside what its indicator can take (a share above 100 %, a negative count, or
-- outside the catalogue's valid_min/valid_max) is a computation or reporting error, and the
-- department's values must not be published until it is explained.
-- Ranges: the catalogue's valid_min/valid_max when it has them; else shares in [0, multiplier]
-- and counts >= 0. NaN and infinities are out of range.
{{ config(**ioc_check(gate='withhold', scope='rows')) }}

{%- set has_range = false -%}
{%- if execute -%}
    {%- set columns = adapter.get_columns_in_relation(ref('ref_indicators')) | map(attribute='name') | list -%}
    {%- set has_range = 'valid_min' in columns and 'valid_max' in columns -%}
{%- endif %}

with

indicator_values as (
    select * from {{ ref('kpi__indicator_values') }}
),

catalogue as (
    select
        dim.indicator_code,
        dim.source_system,
        dim.aggregation,
        dim.multiplier,
        {% if has_range -%}
        cast(seed.valid_min as double) as valid_min,
        cast(seed.valid_max as double) as valid_max
        {%- else -%}
        cast(null as double) as valid_min,
        cast(null as double) as valid_max
        {%- endif %}
    from {{ ref('ref__dim_indicator') }} as dim
    left join {{ ref('ref_indicators') }} as seed
        on dim.indicator_code = seed.indicator_code
),

ranges as (
    select
        indicator_code,
        source_system,
        coalesce(
            valid_min,
            case when aggregation in ('share', 'count', 'count_distinct') then 0 end
        ) as min_value,
        coalesce(
            valid_max,
            case when aggregation = 'share' then coalesce(multiplier, 100) end
        ) as max_value
    from catalogue
),

final as (
    select
        ranges.source_system,
        indicator_values.indicator_code,
        indicator_values.area_code,
        indicator_values.period_grain,
        indicator_values.period_start,
        indicator_values.value,
        ranges.min_value,
        ranges.max_value
    from indicator_values
    inner join ranges
        on indicator_values.indicator_code = ranges.indicator_code
    where indicator_values.value is not null
        and (
            isnan(indicator_values.value) or isinf(indicator_values.value)
            or indicator_values.value < ranges.min_value
            or indicator_values.value > ranges.max_value
        )
)

select * from final
