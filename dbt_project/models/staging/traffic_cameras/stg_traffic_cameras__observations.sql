-- 5-minute camera observations, one row per camera and interval (a re-sent interval keeps its latest landing).
with

source as (
    select * from {{ source('traffic_cameras', 'observations') }}
),

renamed as (
    select
        -- ids
        cast(camera_id as varchar) || '@' || strftime(cast(observed_at as timestamptz), '%Y%m%dT%H%MZ') as observation_id,
        cast(camera_id as varchar) as camera_id,

        -- dimensions
        cast(camera_status as varchar) as camera_status,
        cast(speed_unit as varchar) as speed_unit_reported,

        -- measures
        cast(interval_s as integer) as interval_s,
        cast(motorbike_count as integer) as motorbike_count,
        cast(car_count as integer) as car_count,
        cast(truck_count as integer) as truck_count,
        cast(bus_count as integer) as bus_count,
        cast(avg_speed_kmh as double) as avg_speed_kmh,
        cast(occupancy as double) as occupancy,

        -- timestamps (interval start)
        cast(observed_at as timestamptz) as observed_at,
        make_timestamp(epoch_us(observed_at)) + interval 7 hour as observed_at_local,

        -- lineage
        cast(_batch_id as varchar) as batch_id,
        cast(_source_file as varchar) as source_file,
        cast(_line_number as bigint) as line_number,
        cast(_loaded_at as timestamptz) as loaded_at
    from source
),

latest_landing as (
    select *
    from renamed
    qualify row_number() over (
        partition by camera_id, observed_at
        order by batch_id desc, line_number desc
    ) = 1
)

select * from latest_landing
