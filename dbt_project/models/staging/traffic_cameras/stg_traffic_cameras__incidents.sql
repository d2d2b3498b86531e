-- Traffic incidents as they stand now: the latest landed version of each.
with

source as (
    select * from {{ source('traffic_cameras', 'incidents') }}
),

renamed as (
    select
        -- ids
        cast(incident_id as varchar) as incident_id,
        cast(camera_id as varchar) as camera_id,

        -- dimensions
        cast(incident_type as varchar) as incident_type,
        cast(severity as varchar) as severity,
        cast(status as varchar) as incident_status,
        cast(road_name as varchar) as road_name,
        cast(location_name as varchar) as location_name,
        cast(description as varchar) as description,
        cast(district_code as varchar) as district_code,
        cast(commune_code_2025 as varchar) as commune_code_2025,

        -- location
        cast(longitude as double) as longitude,
        cast(latitude as double) as latitude,

        -- timestamps (UTC instants, then local wall clock)
        cast(started_at as timestamptz) as started_at,
        cast(detected_at as timestamptz) as detected_at,
        cast(cleared_at as timestamptz) as cleared_at,
        cast(updated_at as timestamptz) as updated_at,
        make_timestamp(epoch_us(started_at)) + interval 7 hour as started_at_local,
        make_timestamp(epoch_us(cleared_at)) + interval 7 hour as cleared_at_local,

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
        partition by incident_id
        order by updated_at desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_version
