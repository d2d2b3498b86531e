{#- Uptime of the environmental monitoring stations over the last `hours` hours of data (the
    window ends at the newest hour any station transmitted): the share of those hours in which
    the station sent at least one reading. Registered = in the latest registry snapshot.
    Opens a `with` clause ending in CTE `uptime` (one row per registered station). -#}
{% macro ioc_env_station_uptime(hours=24) -%}
with

station_hours as (
    select station_code, hour_start
    from {{ ref('int_env_station_hours_aggregated') }}
    group by all
    having sum(n_received) > 0
),

window_end as (
    select max(hour_start) as window_end from station_hours
),

stations as (
    select station_code, station_type
    from {{ ref('int_env_stations_current') }}
    where is_in_latest_registry
),

uptime as (
    select
        'env_monitoring' as source_system,
        stations.station_code,
        stations.station_type,
        any_value(window_end.window_end) as window_end,
        count(station_hours.hour_start) as hours_reporting,
        {{ hours }} as hours_expected,
        round(count(station_hours.hour_start) / {{ hours }}, 3) as uptime
    from stations
    cross join window_end
    left join station_hours
        on stations.station_code = station_hours.station_code
        and station_hours.hour_start > window_end.window_end - to_hours({{ hours }})
        and station_hours.hour_start <= window_end.window_end
    group by stations.station_code, stations.station_type
)
{%- endmacro %}


{#- Uptime of the active traffic cameras over the last `hours` hours of data: the share of their
    5-minute intervals (interval_s) reported with status online or degraded. Opens a `with`
    clause ending in CTE `uptime` (one row per active camera).
    Only the recent observations are read: the newest camera-hour (int_traffic_camera_hours_aggregated,
    Vietnam wall clock) minus two days, inlined as a literal at run time so the filter reaches the
    landing Parquet scan. The newest observation is within that hour, and its last `hours` hours
    within the two days, so the result is the same as over all history (a year: 44M rows, ~1 min
    per check). -#}
{% macro ioc_camera_uptime(hours=24) -%}
{%- set since = none -%}
{%- if execute -%}
    {%- set newest = run_query("select max(hour_start) from " ~ ref('int_traffic_camera_hours_aggregated')).columns[0].values()[0] -%}
    {%- if newest is not none -%}
        {%- set since = "timestamptz '" ~ newest ~ "+07:00' - interval '" ~ (hours + 24) ~ " hours'" -%}
    {%- endif -%}
{%- endif %}
with

observations as (
    select camera_id, observed_at, interval_s, camera_status
    from {{ ref('stg_traffic_cameras__observations') }}
    {%- if since %}
    where observed_at >= {{ since }}
    {%- endif %}
),

window_end as (
    select max(observed_at) as window_end from observations
),

cameras as (
    select camera_id, road_name
    from {{ ref('stg_traffic_cameras__cameras') }}
    where camera_status = 'active'
),

uptime as (
    select
        'traffic_cameras' as source_system,
        cameras.camera_id,
        cameras.road_name,
        any_value(window_end.window_end) as window_end,
        coalesce(sum(observations.interval_s) filter (where observations.camera_status in ('online', 'degraded')), 0) / 3600.0 as hours_up,
        {{ hours }} as hours_expected,
        round(coalesce(sum(observations.interval_s) filter (where observations.camera_status in ('online', 'degraded')), 0)
              / ({{ hours }} * 3600.0), 3) as uptime
    from cameras
    cross join window_end
    left join observations
        on cameras.camera_id = observations.camera_id
        and observations.observed_at > window_end.window_end - to_hours({{ hours }})
        and observations.observed_at <= window_end.window_end
    group by cameras.camera_id, cameras.road_name
)
{%- endmacro %}
