{#- Reported figures of the statistics office's monthly report as metric observations:
    metric_code = 'so.' || indicator_key || '.' || measure (e.g. so.cpi.giao_duc.yoy_pct), one
    observation per area and reference month, in the unit the office published. A by-area
    table also carries its province total: where an indicator has sub-province rows for a
    month, the province row is left out so that the roll-up does not count it twice. -#}
with

figures as (
    select * from {{ ref('stg_statistics_office__indicators') }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

classified as (
    select
        figures.*,
        areas.area_level,
        areas.geography,
        areas.parent_area_code
    from figures
    inner join areas
        on figures.area_code = areas.area_code
),

finest as (
    select *
    from classified
    qualify area_level <> 'province'
        or sum(case when area_level <> 'province' then 1 else 0 end)
            over (partition by indicator_key, measure, reference_month) = 0
),

final as (
    select
        -- ids
        'so.' || finest.indicator_key || '.' || finest.measure as metric_code,
        finest.area_code as entity_code,

        -- dimensions
        cast(null as varchar) as category,
        {{ observation_area_columns('finest.area_code', 'finest') }},

        -- measures
        finest.value,
        finest.unit,

        -- timestamps
        cast(finest.reference_month as timestamp) as observed_at,

        -- lineage
        [finest.batch_id] as batch_ids
    from finest
    where finest.value is not null
)

select * from final
