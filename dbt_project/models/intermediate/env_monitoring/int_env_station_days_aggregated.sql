with

station_hours as (
    select * from {{ ref('int_env_station_hours_aggregated') }}
),

daily as (
    select
        station_code,
        param,
        cast(hour_start as date) as day_start,
        avg(avg_value) as avg_value,
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
