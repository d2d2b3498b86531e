{#- The latest value of every indicator in every area, at the indicator's own (finest) grain,
    with the value of the period before, the change and its reading against the direction. -#}
with

indicator_values as (
    select * from {{ ref('kpi__indicator_values') }}
),

catalogue as (
    select * from {{ ref('ref_indicators') }}
),

own_grain as (
    select
        indicator_values.*,
        catalogue.direction
    from indicator_values
    inner join catalogue
        on indicator_values.indicator_code = catalogue.indicator_code
    where indicator_values.period_grain = {{ indicator_published_grain('(' ~ indicator_grains('catalogue.frequency') ~ ')[1]') }}
),

ranked as (
    select
        *,
        row_number() over (partition by indicator_code, area_code order by period_start desc) as recency,
        lead(period_start) over (partition by indicator_code, area_code order by period_start desc) as previous_period_start,
        lead(value) over (partition by indicator_code, area_code order by period_start desc) as previous_value
    from own_grain
),

final as (
    select
        -- ids
        cast(indicator_code as varchar) as indicator_code,
        cast(sector_code as varchar) as sector_code,
        cast(area_code as varchar) as area_code,
        cast(geography as varchar) as geography,
        cast(area_level as varchar) as area_level,
        cast(period_grain as varchar) as period_grain,

        -- latest value
        cast(period_start as date) as period_start,
        cast(value as double) as value,
        cast(unit as varchar) as unit,
        cast(target as double) as target,
        cast(status as varchar) as status,

        -- the period before
        cast(previous_period_start as date) as previous_period_start,
        cast(previous_value as double) as previous_value,
        cast(value - previous_value as double) as change,
        cast(case when previous_value <> 0 then 100.0 * (value - previous_value) / abs(previous_value) end as double)
            as change_pct,
        cast(case
            when previous_value is null then 'new'
            when abs(value - previous_value) <= 1e-9 * greatest(abs(value), abs(previous_value), 1) then 'flat'
            when value > previous_value then 'up'
            else 'down'
        end as varchar) as trend,
        cast(case
            when previous_value is null or direction not in ('higher_is_better', 'lower_is_better') then 'not_judged'
            when abs(value - previous_value) <= 1e-9 * greatest(abs(value), abs(previous_value), 1) then 'stable'
            when (value > previous_value) = (direction = 'higher_is_better') then 'improving'
            else 'worsening'
        end as varchar) as trend_assessment,

        -- lineage
        cast(source_batch_ids as varchar[]) as source_batch_ids
    from ranked
    where recency = 1
)

select * from final
