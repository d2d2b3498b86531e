-- Locations of the environmental monitoring stations, latest published version of each.
with

source as (
    select * from {{ source('gis', 'monitoring_stations') }}
),

renamed as (
    select
        -- ids
        cast(station_code as varchar) as station_code,

        -- dimensions
        cast(station_name as varchar) as station_name,
        cast(station_type as varchar) as station_type,
        cast(district_code as varchar) as district_code,
        cast(commune_code as varchar) as commune_code_2024,
        cast(commune_code_2025 as varchar) as commune_code_2025,

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
        partition by station_code
        order by loaded_at desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_version
