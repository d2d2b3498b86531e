{#- The traffic camera platform as metric observations.
    Per camera and local day (entity = camera), summed over the camera's hours:
      tr_vehicles_by_class         vehicles counted (category = motorbike | car | truck | bus)
      tr_vehicles_by_road          all vehicles counted (category = road slug)
      tr_speed_hours_by_road / tr_speed_sum_by_road
                                   hours with traffic and a speed, and the sum of their
                                   vehicle-weighted mean speeds (km/h): mean = sum / hours
      tr_judged_hours_by_road / tr_congested_hours_by_road
                                   hours the camera counted, and those congested (mean speed below
                                   var('traffic_congested_speed_kmh') with traffic, or occupancy
                                   above var('traffic_congested_occupancy'))
      tr_intervals_expected_by_type / tr_intervals_counted_by_type
                                   12 per hour the camera sent anything, and the 5-minute
                                   intervals it counted (category = camera type)
    Per incident (entity = incident, at its start):
      tr_incident_by_type / tr_incident_by_severity        1
      tr_incident_clearance_minutes_by_type                 start -> cleared, cleared incidents -#}
{#- Incremental by partition window: the camera-days of the window (camera hours are
    recomputed by window, without lookback), and every incident (an unpartitioned source,
    small) recomputed each run. -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_partition_window('observed_at', or_where=traffic_metric_observations_extra_rows()) }}",
        tags=['daily_partitioned'],
    )
}}

with

camera_hours as (
    select * from {{ ref('int_traffic_camera_hours_aggregated') }}
    where {{ in_model_window('hour_start') }}
),

incidents as (
    select * from {{ ref('stg_traffic_cameras__incidents') }}
),

hours as (
    select
        *,
        {{ slug('road_name') }} as road_slug
    from camera_hours
),

-- one row per camera-hour and metric, then summed per camera and day (all measures additive)
hour_metrics as (
    select
        camera_id, district_code, commune_code_2025, cast(hour_start as date) as observed_on, batch_ids,
        unnest([
            'tr_vehicles_by_class', 'tr_vehicles_by_class', 'tr_vehicles_by_class', 'tr_vehicles_by_class',
            'tr_vehicles_by_road', 'tr_speed_hours_by_road', 'tr_speed_sum_by_road',
            'tr_judged_hours_by_road', 'tr_congested_hours_by_road',
            'tr_intervals_expected_by_type', 'tr_intervals_counted_by_type'
        ]) as metric_code,
        unnest([
            'motorbike', 'car', 'truck', 'bus', road_slug, road_slug, road_slug, road_slug, road_slug,
            camera_type, camera_type
        ]) as category,
        unnest([
            cast(motorbikes as double), cast(cars as double), cast(trucks as double), cast(buses as double),
            cast(vehicles as double),
            case when vehicles > 0 and avg_speed_kmh is not null then 1.0 end,
            case when vehicles > 0 then avg_speed_kmh end,
            case when n_counting_intervals > 0 then 1.0 end,
            case when is_congested then 1.0 when not is_congested then 0.0 end,
            12.0,
            cast(least(n_counting_intervals, 12) as double)
        ]) as value
    from hours
),

camera_days as (
    select
        metric_code,
        camera_id as entity_code,
        category,
        district_code,
        commune_code_2025,
        sum(value) as value,
        cast(observed_on as timestamp) as observed_at,
        list_sort(list_distinct(flatten(list(batch_ids)))) as batch_ids
    from hour_metrics
    where value is not null
    group by metric_code, camera_id, category, district_code, commune_code_2025, observed_on
),

incident_metrics as (
    select
        incident_id as entity_code, district_code, commune_code_2025, started_at_local as observed_at, [batch_id] as batch_ids,
        unnest(['tr_incident_by_type', 'tr_incident_by_severity', 'tr_incident_clearance_minutes_by_type']) as metric_code,
        unnest([incident_type, severity, incident_type]) as category,
        unnest([1.0, 1.0, epoch(cleared_at - started_at) / 60.0]) as value
    from incidents
),

unioned as (
    select metric_code, entity_code, category, district_code, commune_code_2025, value, observed_at, batch_ids
    from camera_days
    union all
    select metric_code, entity_code, category, district_code, commune_code_2025, value, observed_at, batch_ids
    from incident_metrics
),

final as (
    select
        -- ids
        metric_code,
        entity_code,

        -- dimensions
        category,
        district_code,
        commune_code_2025,

        -- measures
        value,
        cast(null as varchar) as unit,

        -- timestamps
        observed_at,

        -- lineage
        batch_ids
    from unioned
    where value is not null
        and category is not null
)

select * from final
