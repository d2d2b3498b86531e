{%- set window_hours = var('aqi_nowcast_hours') %}
{#- Incremental by partition window: the window and a day either side of it, what a change of
    the window's station hours can reach (int_env_station_hours_aggregated recomputes the hour
    either side of the window; a day mean, a NowCast or a limit comparison covers <= 1 day). -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_partition_window('hour_start', lookback='1 day', lookahead='1 day') }}",
        tags=['daily_partitioned'],
    )
}}


with

station_hours as (
    -- the hours recomputed and the {{ window_hours }} hours before them (their NowCast windows)
    select * from {{ ref('int_env_station_hours_aggregated') }}
    where {{ in_model_window('hour_start', lookback='1 day ' ~ window_hours ~ ' hours', lookahead='1 day') }}
),

stations as (
    select * from {{ ref('int_env_stations_current') }}
),

breakpoints as (
    select * from {{ ref('ref_aqi_breakpoints') }}
),

nowcast_params as (
    select distinct param
    from breakpoints
    where averaging = 'nowcast'
),

ambient_pm_hours as (
    select station_hours.*
    from station_hours
    inner join stations
        on station_hours.station_code = stations.station_code
    inner join nowcast_params
        on station_hours.param = nowcast_params.param
    where stations.station_type = 'ambient_air'
),

-- NowCast is reported for every hour in which the station sent a valid PM reading
target_hours as (
    select station_code, param, hour_start
    from ambient_pm_hours
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

-- only valid hours (>= 75 % complete, not stuck) enter a window
valid_hours as (
    select *
    from ambient_pm_hours
    where is_valid_hour
),

final as (
    select
        -- ids
        target_hours.station_code,
        target_hours.param,
        target_hours.hour_start,
        -- 1 = the hour itself (c1), 2 = the hour before (c2), ... {{ window_hours }}
        cast(datediff('hour', valid_hours.hour_start, target_hours.hour_start) + 1 as integer) as hour_index,

        -- measures
        valid_hours.avg_value as concentration,
        valid_hours.unit,

        -- lineage
        valid_hours.batch_ids
    from target_hours
    inner join valid_hours
        on target_hours.station_code = valid_hours.station_code
        and target_hours.param = valid_hours.param
        and valid_hours.hour_start <= target_hours.hour_start
        and valid_hours.hour_start > target_hours.hour_start - interval {{ window_hours }} hour
)

select * from final
