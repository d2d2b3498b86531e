{#- Both geographies: the pre-2025 province (74), its 9 districts and 91 communes, and the
    post-2025 former-Binh-Duong area (BD) with its 36 communes, from seed ref_areas; population,
    area and centroid from the latest GIS administrative layer where it has the unit. -#}
with

areas as (
    select * from {{ ref('ref_areas') }}
),

gis_units as (
    select * from {{ ref('stg_gis__admin_units') }}
),

final as (
    select
        -- ids
        cast(areas.area_code as varchar) as area_code,

        -- dimensions
        cast(areas.area_name_vi as varchar) as area_name_vi,
        cast(areas.area_name_en as varchar) as area_name_en,
        cast(areas.area_level as varchar) as area_level,
        cast(areas.area_type_vi as varchar) as area_type_vi,
        cast(areas.parent_area_code as varchar) as parent_area_code,
        cast(areas.geography as varchar) as geography,
        cast(coalesce(areas.official_code, gis_units.official_code) as varchar) as official_code,

        -- measures
        cast(gis_units.population as bigint) as population,
        cast(gis_units.area_km2 as double) as area_km2,
        cast(gis_units.longitude as double) as longitude,
        cast(gis_units.latitude as double) as latitude,

        -- timestamps
        cast(areas.valid_from as date) as valid_from,
        cast(areas.valid_to as date) as valid_to
    from areas
    left join gis_units
        on areas.area_code = gis_units.area_code
        and areas.geography = gis_units.geography
)

select * from final
