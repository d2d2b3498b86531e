{#- Old -> new area allocation weights, at two levels:
      district  pre-2025 district -> post-2025 commune (seed ref_area_bridge; the weights the
                indicator mechanism uses to give a district-level figure to the new communes)
      commune   pre-2025 commune -> post-2025 commune (GIS bridge layer, population shares;
                a commune split between two new units has two rows)
    The weights of one old area sum to 1. -#}
with

district_bridge as (
    select * from {{ ref('ref_area_bridge') }}
),

gis_bridge as (
    select * from {{ ref('stg_gis__area_bridge') }}
),

unioned as (
    select
        old_area_code,
        new_area_code,
        'district' as old_area_level,
        weight,
        weight_basis
    from district_bridge

    union all

    select
        old_commune_code as old_area_code,
        new_area_code,
        'commune' as old_area_level,
        population_weight as weight,
        'population share of the old commune (GIS bridge layer)' as weight_basis
    from gis_bridge
),

final as (
    select
        cast(old_area_code as varchar) as old_area_code,
        cast(new_area_code as varchar) as new_area_code,
        cast(old_area_level as varchar) as old_area_level,
        cast(weight as double) as weight,
        cast(weight_basis as varchar) as weight_basis
    from unioned
)

select * from final
