{#- Incremental by partition window: the window and a day either side of it, what a change of
    the window's station hours can reach (int_env_station_hours_aggregated recomputes the hour
    either side of the window; a day mean, a NowCast or a limit comparison covers <= 1 day). -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_partition_window('day_start', lookback='1 day', lookahead='1 day') }}",
        tags=['daily_partitioned'],
    )
}}

with

station_hours as (
    select * from {{ ref('int_env_station_hours_aggregated') }}
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

daily as (
    select
        station_code,
        param,
        cast(hour_start as date) as day_start,
        -- summed as decimals, independent of the order of the hours (see int_env_station_hours_aggregated)
        cast(avg(cast(avg_value as decimal(38, 12))) as double) as avg_value,
        min(avg_value) as min_hourly_value,
        max(avg_value) as max_hourly_value,
        count(*) as n_valid_hours,
        mode(unit) as unit,
        list_sort(list_distinct(flatten(list(batch_ids)))) as batch_ids
    from station_hours
    where is_valid_hour
    group by station_code, param, cast(hour_start as date)
),

final as (
    select
        -- ids
        station_code,
        param,
        day_start,

        -- measures
        avg_value,
        min_hourly_value,
        max_hourly_value,
        cast(n_valid_hours as integer) as n_valid_hours,
        24 as n_expected_hours,
        n_valid_hours >= {{ var('env_min_valid_hours_per_day') }} as is_valid_day,
        unit,

        -- lineage
        batch_ids
    from daily
)

select * from final
