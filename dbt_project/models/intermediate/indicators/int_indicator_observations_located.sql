{#- Every observation once per area it counts for, in both geographies:
      province   the pre-2025 province (74) and the post-2025 former-Binh-Duong area (BD), weight 1
      district   its pre-2025 district; where only the new commune is known, the old district(s)
                 the commune was carved from (ref_area_bridge, split equally if several)
      commune    its post-2025 commune; where only the old district is known, the communes the
                 district was split into, weighted by ref_area_bridge
    Weights sum to 1 within every level, so additive totals agree across the two geographies.
    Incremental, like int_indicator_observations (macros/partitions/indicator_window.sql). -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_indicator_rows_in_window() }}",
    )
}}

with

observations as (
    select * from {{ ref('int_indicator_observations') }}
    where {{ indicator_rows_in_window() }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

bridge as (
    select * from {{ ref('ref_area_bridge') }}
),

-- a new commune taken from several old districts counts an equal share for each
bridge_reverse as (
    select
        new_area_code,
        old_area_code,
        1.0 / count(*) over (partition by new_area_code) as weight
    from bridge
),

provinces as (
    select unnest([
        '{{ var("province_area_code") }}',
        '{{ var("province_area_code_2025") }}'
    ]) as area_code
),

located as (
    select observations.*, provinces.area_code, 1.0 as weight
    from observations
    cross join provinces

    union all

    select observations.*, observations.district_code as area_code, 1.0 as weight
    from observations
    where observations.district_code is not null

    union all

    select observations.*, bridge_reverse.old_area_code as area_code, bridge_reverse.weight
    from observations
    inner join bridge_reverse
        on observations.commune_code_2025 = bridge_reverse.new_area_code
    where observations.district_code is null

    union all

    select observations.*, observations.commune_code_2025 as area_code, 1.0 as weight
    from observations
    where observations.commune_code_2025 is not null

    union all

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
        located.unit,
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
