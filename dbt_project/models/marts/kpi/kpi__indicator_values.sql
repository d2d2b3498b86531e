with

indicator_values as (
    select * from {{ ref('int_indicator_values_computed') }}
),

final as (
    select
        -- ids
        cast(indicator_code as varchar) as indicator_code,
        cast(sector_code as varchar) as sector_code,
        cast(area_code as varchar) as area_code,
        cast(period_start as date) as period_start,
        cast(period_grain as varchar) as period_grain,

        -- measures
        cast(value as double) as value,
        cast(unit as varchar) as unit,
        cast(n_observations as bigint) as n_observations,

        -- lineage
        cast(source_batch_ids as varchar[]) as source_batch_ids
    from indicator_values
)

select * from final
