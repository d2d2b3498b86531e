{%- set window_hours = var('aqi_nowcast_hours') %}

with

station_hours as (
    select * from {{ ref('int_env_station_hours_aggregated') }}
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
