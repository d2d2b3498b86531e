{%- set per_hour = var('env_readings_per_hour') %}
{#- Incremental by partition window: the rows observed in the window and a day either side of it
    (what a change of the window's station hours can reach), every exceedance event, and the
    completeness metrics from the last observed day before the window on
    (env_metric_observations_extra_rows). -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_partition_window('observed_at', lookback='1 day', lookahead='1 day', or_where=env_metric_observations_extra_rows()) }}",
        tags=['daily_partitioned'],
    )
}}

with

-- the days whose completeness metrics are recomputed (all of them in a full build)
readings as (
    select * from {{ ref('int_env_readings_deduplicated') }}
    where {{ env_grid_days('measured_at_local') }}
),

all_readings as (
    select * from {{ ref('int_env_readings_deduplicated') }}
),

station_hours as (
    select * from {{ ref('int_env_station_hours_aggregated') }}
    where {{ env_grid_days('hour_start') }}
),

station_days as (
    select * from {{ ref('int_env_station_days_aggregated') }}
    where {{ in_model_window('day_start', lookback='1 day', lookahead='1 day') }}
),

air_quality_hours as (
    select * from {{ ref('int_env_air_quality_hours_scored') }}
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

sub_indices as (
    select * from {{ ref('int_env_aqi_sub_indices_computed') }}
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

comparisons as (
    select * from {{ ref('int_env_averages_compared_to_limits') }}
    where {{ in_model_window('period_start', lookback='1 day', lookahead='1 day') }}
),

events as (
    select * from {{ ref('int_env_exceedance_events_merged') }}
),

stations as (
    select * from {{ ref('int_env_stations_current') }}
),

parameters as (
    select * from {{ ref('ref_env_parameters') }}
),

-- aqi_hourly: the VN_AQI of an ambient station-hour
aqi_hourly as (
    select
        'aqi_hourly' as metric_code,
        station_code,
        cast(null as varchar) as category,
        hour_start as observed_at,
        cast(aqi as double) as value,
        batch_ids
    from air_quality_hours
    where aqi is not null
),

-- pm25_daily_mean / pm10_daily_mean: valid calendar-day means at ambient stations
pm_daily_mean as (
    select
        case station_days.param
            when 'PM2.5' then 'pm25_daily_mean'
            when 'PM10' then 'pm10_daily_mean'
        end as metric_code,
        station_days.station_code,
        cast(null as varchar) as category,
        cast(station_days.day_start as timestamp) as observed_at,
        station_days.avg_value as value,
        station_days.batch_ids
    from station_days
    inner join stations
        on station_days.station_code = stations.station_code
    where stations.station_type = 'ambient_air'
        and station_days.param in ('PM2.5', 'PM10')
        and station_days.is_valid_day
),

-- pm25_daily_over_limit: 1 when a valid PM2.5 day mean is over the 24 h limit in force, else 0
pm25_daily_over_limit as (
    select
        'pm25_daily_over_limit' as metric_code,
        station_code,
        cast(null as varchar) as category,
        period_start as observed_at,
        case when is_exceeding then 1.0 else 0.0 end as value,
        batch_ids
    from comparisons
    where param = 'PM2.5'
        and averaging = '24h'
),

-- exceedance_event: 1 per event, at its start
exceedance_event as (
    select
        'exceedance_event' as metric_code,
        station_code,
        cast(null as varchar) as category,
        event_start as observed_at,
        1.0 as value,
        batch_ids
    from events
),

-- station_hour_compliance: 1 when every parameter judged in the hour is within its 1 h limit
station_hour_compliance as (
    select
        'station_hour_compliance' as metric_code,
        station_code,
        cast(null as varchar) as category,
        period_start as observed_at,
        case when bool_or(is_exceeding) then 0.0 else 1.0 end as value,
        list_sort(list_distinct(flatten(list(batch_ids)))) as batch_ids
    from comparisons
    where averaging = '1h'
    group by station_code, period_start
),

-- data completeness: valid readings received vs expected, per registered station and per day
-- on which the network sent anything (a day with no reading at all from any station is a gap
-- in loading, not a day of zero uptime); the first and last day count only their observed hours
observed_days as (
    select distinct cast(measured_at_local as date) as day_start
    from readings
),

observed_bounds as (
    select
        date_trunc('hour', min(measured_at_local)) as first_hour,
        date_trunc('hour', max(measured_at_local)) as last_hour
    from all_readings
),

window_days as (
    select
        observed_days.day_start,
        datediff(
            'hour',
            greatest(cast(observed_days.day_start as timestamp), observed_bounds.first_hour),
            least(cast(observed_days.day_start as timestamp) + interval 1 day, observed_bounds.last_hour + interval 1 hour)
        ) as hours_observed
    from observed_days
    cross join observed_bounds
),

expected_params as (
    select station_type, param
    from parameters
    where is_expected
),

expected_param_counts as (
    select station_type, count(*) as n_expected_params
    from expected_params
    group by station_type
),

valid_readings_by_day as (
    select
        station_hours.station_code,
        cast(station_hours.hour_start as date) as day_start,
        sum(station_hours.n_valid) filter (where expected_params.param is not null) as n_valid_expected_params,
        sum(station_hours.n_valid) as n_valid_all_params,
        list_sort(list_distinct(flatten(list(station_hours.batch_ids)))) as batch_ids
    from station_hours
    inner join stations
        on station_hours.station_code = stations.station_code
    left join expected_params
        on stations.station_type = expected_params.station_type
        and station_hours.param = expected_params.param
    group by station_hours.station_code, cast(station_hours.hour_start as date)
),

station_day_grid as (
    select
        stations.station_code,
        stations.station_type,
        stations.registry_batch_id,
        window_days.day_start,
        window_days.hours_observed,
        coalesce(expected_param_counts.n_expected_params, 0) as n_expected_params
    from stations
    cross join window_days
    left join expected_param_counts
        on stations.station_type = expected_param_counts.station_type
),

station_day_readings as (
    select
        station_day_grid.*,
        coalesce(valid_readings_by_day.n_valid_expected_params, 0) as n_valid_expected_params,
        coalesce(valid_readings_by_day.n_valid_all_params, 0) as n_valid_all_params,
        coalesce(valid_readings_by_day.batch_ids, []) as batch_ids
    from station_day_grid
    left join valid_readings_by_day
        on station_day_grid.station_code = valid_readings_by_day.station_code
        and station_day_grid.day_start = valid_readings_by_day.day_start
),

readings_valid as (
    select
        'readings_valid' as metric_code,
        station_code,
        cast(null as varchar) as category,
        cast(day_start as timestamp) as observed_at,
        cast(n_valid_expected_params as double) as value,
        batch_ids
    from station_day_readings
),

readings_expected as (
    select
        'readings_expected' as metric_code,
        station_code,
        cast(null as varchar) as category,
        cast(day_start as timestamp) as observed_at,
        cast(n_expected_params * hours_observed * {{ per_hour }} as double) as value,
        -- the registry snapshot that says the station should be reporting
        [registry_batch_id] as batch_ids
    from station_day_readings
),

-- station_day_reporting: 1 when the station sent at least one valid reading that day, else 0
station_day_reporting as (
    select
        'station_day_reporting' as metric_code,
        station_code,
        cast(null as varchar) as category,
        cast(day_start as timestamp) as observed_at,
        case when n_valid_all_params > 0 then 1.0 else 0.0 end as value,
        case when n_valid_all_params > 0 then batch_ids else [registry_batch_id] end as batch_ids
    from station_day_readings
),

-- aqi_sub_index_hourly: the VN_AQI sub-index of one pollutant at an ambient station-hour
aqi_sub_index_hourly as (
    select
        'aqi_sub_index_hourly' as metric_code,
        station_code,
        param as category,
        hour_start as observed_at,
        cast(sub_index as double) as value,
        batch_ids
    from sub_indices
    where sub_index is not null
),

-- env_<type>_daily_mean: valid calendar-day mean of every parameter, by station type
param_daily_mean as (
    select
        case stations.station_type
            when 'ambient_air' then 'env_ambient_daily_mean'
            when 'wastewater' then 'env_wastewater_daily_mean'
            when 'stack_emission' then 'env_stack_daily_mean'
        end as metric_code,
        station_days.station_code,
        station_days.param as category,
        cast(station_days.day_start as timestamp) as observed_at,
        station_days.avg_value as value,
        station_days.batch_ids
    from station_days
    inner join stations
        on station_days.station_code = stations.station_code
    where station_days.is_valid_day
),

-- env_param_hour_within_limit: 1 when a judged 1-hour average is within its limit, else 0
param_hour_within_limit as (
    select
        'env_param_hour_within_limit' as metric_code,
        station_code,
        station_type || ':' || param as category,
        period_start as observed_at,
        case when is_exceeding then 0.0 else 1.0 end as value,
        batch_ids
    from comparisons
    where averaging = '1h'
),

unioned as (
    select * from aqi_hourly
    union all select * from aqi_sub_index_hourly
    union all select * from param_daily_mean
    union all select * from param_hour_within_limit
    union all select * from pm_daily_mean
    union all select * from pm25_daily_over_limit
    union all select * from exceedance_event
    union all select * from station_hour_compliance
    union all select * from readings_valid
    union all select * from readings_expected
    union all select * from station_day_reporting
),

final as (
    select
        -- ids
        unioned.metric_code,
        unioned.station_code as entity_code,

        -- dimensions
        coalesce(unioned.category, stations.station_type) as category,
        stations.district_code,
        stations.commune_code_2025,

        -- measures
        unioned.value,
        cast(null as varchar) as unit,

        -- timestamps
        unioned.observed_at,

        -- lineage
        unioned.batch_ids
    from unioned
    inner join stations
        on unioned.station_code = stations.station_code
)

select * from final
