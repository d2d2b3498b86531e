{#- One row per camera and local clock hour: the 5-minute intervals the camera sent, how many
    of them it counted in (online, or degraded: counts without speed), vehicles by class, speed
    and occupancy, with the camera's place in the registry (location, road, direction, areas).
    Speed is the vehicle-weighted mean of the interval speeds; occupancy the mean over the
    intervals that measured it. -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_partition_window('hour_start') }}",
        tags=['daily_partitioned'],
    )
}}

with

observations as (
    select * from {{ ref('stg_traffic_cameras__observations') }}
    where {{ in_model_window('observed_at_local') }}
    {%- if model_is_incremental() %}
        -- the same window on the UTC instant: only this form reaches the landing Parquet scan
        and {{ ioc_test_window('observed_at', instant=true) }}
    {%- endif %}
),

cameras as (
    select * from {{ ref('stg_traffic_cameras__cameras') }}
),

hours as (
    select
        camera_id,
        date_trunc('hour', observed_at_local) as hour_start,
        count(*) as n_intervals,
        count(*) filter (where camera_status in ('online', 'degraded')) as n_counting_intervals,
        sum(motorbike_count) as motorbikes,
        sum(car_count) as cars,
        sum(truck_count) as trucks,
        sum(bus_count) as buses,
        sum(coalesce(motorbike_count, 0) + coalesce(car_count, 0) + coalesce(truck_count, 0) + coalesce(bus_count, 0))
            filter (where camera_status in ('online', 'degraded')) as vehicles,
        sum(avg_speed_kmh * (coalesce(motorbike_count, 0) + coalesce(car_count, 0) + coalesce(truck_count, 0) + coalesce(bus_count, 0)))
            / nullif(sum(coalesce(motorbike_count, 0) + coalesce(car_count, 0) + coalesce(truck_count, 0) + coalesce(bus_count, 0))
                filter (where avg_speed_kmh is not null), 0) as avg_speed_kmh,
        avg(occupancy) as avg_occupancy,
        list_sort(list_distinct(list(batch_id))) as batch_ids
    from observations
    group by camera_id, date_trunc('hour', observed_at_local)
),

final as (
    select
        -- ids
        hours.camera_id,
        hours.hour_start,

        -- dimensions
        cameras.location_id,
        cameras.location_name,
        cameras.road_name,
        cameras.direction,
        cameras.camera_type,
        cameras.district_code,
        cameras.commune_code_2025,
        cameras.longitude,
        cameras.latitude,

        -- measures
        hours.n_intervals,
        hours.n_counting_intervals,
        hours.motorbikes,
        hours.cars,
        hours.trucks,
        hours.buses,
        hours.vehicles,
        hours.avg_speed_kmh,
        hours.avg_occupancy,
        -- congested: slow traffic, or the detector occupied most of the time
        case
            when hours.n_counting_intervals = 0 then null
            when (hours.vehicles > 0 and hours.avg_speed_kmh < {{ var('traffic_congested_speed_kmh') }})
                or hours.avg_occupancy > {{ var('traffic_congested_occupancy') }} then true
            else false
        end as is_congested,

        -- lineage
        hours.batch_ids
    from hours
    inner join cameras
        on hours.camera_id = cameras.camera_id
)

select * from final
