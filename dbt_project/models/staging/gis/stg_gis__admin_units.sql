-- Administrative units of both geographies, latest published version of each.
with

source as (
    select * from {{ source('gis', 'admin_units') }}
),

renamed as (
    select
        -- ids
        cast(area_code as varchar) || '|' || cast(geography as varchar) as area_geography_id,
        cast(area_code as varchar) as area_code,
        cast(official_code as varchar) as official_code,
        cast(parent_code as varchar) as parent_area_code,

        -- dimensions
        cast(name_vi as varchar) as area_name_vi,
        cast(area_level as varchar) as area_level,
        cast(geography as varchar) as geography,
        cast(valid_from as date) as valid_from,
        cast(valid_to as date) as valid_to,

        -- measures
        cast(area_km2 as double) as area_km2,
        cast(population as bigint) as population,

        -- geometry (WGS84 lon/lat)
        cast(geometry_type as varchar) as geometry_type,
        cast(geometry_wkt as varchar) as geometry_wkt,
        cast(longitude as double) as longitude,
        cast(latitude as double) as latitude,

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
        partition by area_code, geography
        order by loaded_at desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_version
