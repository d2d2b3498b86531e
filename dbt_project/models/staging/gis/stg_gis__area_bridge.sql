-- Weighted bridge from the pre-2025 communes to the 2025 units, latest published version of each pair.
with

source as (
    select * from {{ source('gis', 'area_bridge') }}
),

renamed as (
    select
        -- ids
        cast(old_commune_code as varchar) || '|' || cast(new_area_code as varchar) as bridge_id,
        cast(old_commune_code as varchar) as old_commune_code,
        cast(old_district_code as varchar) as old_district_code,
        cast(new_area_code as varchar) as new_area_code,

        -- dimensions
        cast(old_commune_name as varchar) as old_commune_name_vi,
        cast(new_area_name as varchar) as new_area_name_vi,

        -- measures
        cast(intersection_km2 as double) as intersection_km2,
        cast(area_weight as double) as area_weight,
        cast(population_weight as double) as population_weight,

        -- lineage
        cast(_batch_id as varchar) as batch_id,
        cast(_source_file as varchar) as source_file,
        cast(_line_number as bigint) as line_number,
        cast(_loaded_at as timestamptz) as loaded_at
    from source
),

latest_version as (
    select *
    from renamed
    qualify row_number() over (
        partition by bridge_id
        order by loaded_at desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_version
