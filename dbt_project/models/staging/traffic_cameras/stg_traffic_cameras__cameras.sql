-- The camera registry as it stands now: the latest landed version of each camera.
with

source as (
    select * from {{ source('traffic_cameras', 'cameras') }}
),

renamed as (
    select
        -- ids
        cast(camera_id as varchar) as camera_id,
        cast(location_id as varchar) as location_id,

        -- dimensions
        cast(camera_name as varchar) as camera_name,
        cast(location_name as varchar) as location_name,
        cast(road_name as varchar) as road_name,
        cast(direction as varchar) as direction,
        cast(camera_type as varchar) as camera_type,
        cast(vendor as varchar) as vendor,
        cast(functions as varchar[]) as functions,
        cast(status as varchar) as camera_status,
        cast(district_code as varchar) as district_code,
        cast(commune_code_2025 as varchar) as commune_code_2025,

        -- location
        cast(longitude as double) as longitude,
        cast(latitude as double) as latitude,

        -- dates and timestamps
        cast(installed_on as date) as installed_on,
        cast(updated_at as timestamptz) as updated_at,
        make_timestamp(epoch_us(updated_at)) + interval 7 hour as updated_at_local,

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
        partition by camera_id
        order by updated_at desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_version
