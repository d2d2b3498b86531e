{#- Traffic per road segment (a camera location and direction) and local hour: flow by vehicle
    class, speed, occupancy and a congestion level, the feed shared with citizen apps. Cameras of
    one segment are pooled: counts add up, speed is vehicle-weighted. -#}
{#- Incremental by partition window, like the camera hours it pools. -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ delete_partition_window('hour_start') }}",
        tags=['daily_partitioned'],
    )
}}
with

camera_hours as (
    select * from {{ ref('int_traffic_camera_hours_aggregated') }}
    where {{ in_model_window('hour_start') }}
),

segments as (
    select
        location_id || ':' || direction as segment_code,
        hour_start,
        any_value(location_id) as location_id,
        any_value(location_name) as location_name,
        any_value(road_name) as road_name,
        any_value(direction) as direction,
        any_value(district_code) as district_code,
        any_value(commune_code_2025) as commune_code_2025,
        avg(longitude) as longitude,
        avg(latitude) as latitude,
        count(*) as n_cameras,
        sum(n_counting_intervals) as n_counting_intervals,
        sum(n_intervals) as n_intervals,
        sum(vehicles) as vehicles,
        sum(motorbikes) as motorbikes,
        sum(cars) as cars,
        sum(trucks) as trucks,
        sum(buses) as buses,
        sum(avg_speed_kmh * vehicles) / nullif(sum(vehicles) filter (where avg_speed_kmh is not null), 0) as avg_speed_kmh,
        avg(avg_occupancy) as avg_occupancy,
        bool_or(is_congested) as is_congested,
        list_sort(list_distinct(flatten(list(batch_ids)))) as batch_ids
    from camera_hours
    group by location_id || ':' || direction, hour_start
),

final as (
    select
        -- ids
        cast(segment_code as varchar) as segment_code,
        cast(hour_start as timestamp) as hour_start,

        -- dimensions
        cast(location_id as varchar) as location_id,
        cast(location_name as varchar) as location_name,
        cast(road_name as varchar) as road_name,
        cast(direction as varchar) as direction,
        cast(district_code as varchar) as district_code,
        cast(commune_code_2025 as varchar) as commune_code_2025,
        cast(longitude as double) as longitude,
        cast(latitude as double) as latitude,

        -- measures
        cast(n_cameras as bigint) as n_cameras,
        cast(vehicles as bigint) as vehicles_per_hour,
        cast(motorbikes as bigint) as motorbikes,
        cast(cars as bigint) as cars,
        cast(trucks as bigint) as trucks,
        cast(buses as bigint) as buses,
        cast(avg_speed_kmh as double) as avg_speed_kmh,
        cast(avg_occupancy as double) as avg_occupancy,
        cast(case
            when n_counting_intervals = 0 then 'no_data'
            when is_congested then 'congested'
            when avg_speed_kmh < 25 then 'heavy'
            when avg_speed_kmh < 35 then 'moderate'
            else 'free_flow'
        end as varchar) as congestion_level,
        cast(least(1.0, n_counting_intervals / (12.0 * n_cameras)) as double) as data_completeness,

        -- lineage
        cast(batch_ids as varchar[]) as source_batch_ids
    from segments
)

select * from final
