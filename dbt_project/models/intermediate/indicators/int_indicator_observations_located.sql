with

observations as (
    select * from {{ ref('int_indicator_observations') }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

bridge as (
    select * from {{ ref('ref_area_bridge') }}
),

located as (
    -- every observation of the province counts for the province
    select observations.*, '{{ var("province_area_code") }}' as area_code, 1.0 as weight
    from observations

    union all

    -- pre-2025 district
    select observations.*, observations.district_code as area_code, 1.0 as weight
    from observations
    where observations.district_code is not null

    union all

    -- post-2025 commune, where the observation knows it
    select observations.*, observations.commune_code_2025 as area_code, 1.0 as weight
    from observations
    where observations.commune_code_2025 is not null

    union all

    -- post-2025 commune through the bridge weights, where only the old district is known
    select observations.*, bridge.new_area_code as area_code, bridge.weight
    from observations
    inner join bridge
        on observations.district_code = bridge.old_area_code
    where observations.commune_code_2025 is null
),

final as (
    select
        -- ids
        located.metric_code,
        located.entity_code,
        located.area_code,

        -- dimensions
        located.category,
        areas.area_level,

        -- measures
        located.value,
        located.weight,

        -- timestamps
        located.observed_at,
        located.observed_date,

        -- lineage
        located.batch_ids
    from located
    left join areas
        on located.area_code = areas.area_code
)

select * from final
