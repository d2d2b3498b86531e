-- Industrial park boundaries, latest published version of each.
with

source as (
    select * from {{ source('gis', 'industrial_parks') }}
),

renamed as (
    select
        -- ids
        cast(park_code as varchar) as park_code,

        -- dimensions
        cast(park_name as varchar) as park_name,
        cast(district_code as varchar) as district_code,
        cast(commune_code_2025 as varchar) as commune_code_2025,

        -- measures
        cast(area_ha as double) as area_ha,

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
        partition by park_code
        order by loaded_at desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_version
