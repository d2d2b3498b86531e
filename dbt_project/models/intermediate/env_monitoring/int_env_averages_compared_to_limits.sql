{#- Incremental by partition window: the window and a day either side of it, what a change of
    the window's station hours can reach (int_env_station_hours_aggregated recomputes the hour
    either side of the window; a day mean, a NowCast or a limit comparison covers <= 1 day). -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_partition_window('period_start', lookback='1 day', lookahead='1 day') }}",
        tags=['daily_partitioned'],
    )
}}

with

station_hours as (
    select * from {{ ref('int_env_station_hours_aggregated') }}
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

station_days as (
    select * from {{ ref('int_env_station_days_aggregated') }}
    where {{ in_model_window('day_start', lookback='1 day', lookahead='1 day') }}
),

stations as (
    select * from {{ ref('int_env_stations_current') }}
),

limits as (
    select * from {{ ref('ref_qcvn_limits') }}
),

unit_conversions as (
    select * from {{ ref('ref_unit_conversions') }}
),

-- wastewater and stack limits are judged on valid hourly averages (their '1h' rows); ambient
-- air on valid hourly averages ('1h') and valid calendar-day averages ('24h')
averages as (
    select
        station_code,
        param,
        '1h' as averaging,
        hour_start as period_start,
        hour_start + interval 1 hour as period_end,
        cast(hour_start as date) as period_date,
        avg_value as observed_value,
        unit as observed_unit,
        batch_ids
    from station_hours
    where is_valid_hour
    union all
    select
        station_code,
        param,
        '24h' as averaging,
        cast(day_start as timestamp) as period_start,
        cast(day_start as timestamp) + interval 1 day as period_end,
        day_start as period_date,
        avg_value as observed_value,
        unit as observed_unit,
        batch_ids
    from station_days
    where is_valid_day
),

-- the limit in force is chosen by the date of the period
matched as (
    select
        averages.*,
        stations.station_type,
        limits.limit_id,
        limits.regulation,
        limits.version as regulation_version,
        limits.limit_min,
        limits.limit_max,
        limits.unit,
        case
            when {{ normalise_unit('averages.observed_unit') }} = {{ normalise_unit('limits.unit') }} then 1.0
            else unit_conversions.factor
        end as unit_factor
    from averages
    inner join stations
        on averages.station_code = stations.station_code
    inner join limits
        on averages.param = limits.param
        and averages.averaging = limits.averaging
        and stations.station_type = limits.station_type
        and (limits.qcvn_column is null or limits.qcvn_column = stations.qcvn_column)
        and limits.valid_from <= averages.period_date
        and (limits.valid_to is null or averages.period_date <= limits.valid_to)
    left join unit_conversions
        on {{ normalise_unit('averages.observed_unit') }} = unit_conversions.from_unit
        and {{ normalise_unit('limits.unit') }} = unit_conversions.to_unit
),

judged as (
    select
        *,
        observed_value * unit_factor as value_in_limit_unit
    from matched
),

final as (
    select
        -- ids
        station_code,
        param,
        averaging,
        period_start,

        -- dimensions
        station_type,
        limit_id,
        regulation,
        regulation_version,
        case
            when value_in_limit_unit < limit_min then 'min'
            else 'max'
        end as limit_kind,

        -- measures
        value_in_limit_unit as observed_value,
        unit,
        limit_min,
        limit_max,
        case
            when value_in_limit_unit < limit_min then limit_min
            else limit_max
        end as limit_value,
        -- null when the unit could not be converted (see the warn test on unit_factor)
        coalesce(value_in_limit_unit < limit_min, false)
            or coalesce(value_in_limit_unit > limit_max, false) as is_exceeding,
        unit_factor is not null as is_unit_converted,

        -- timestamps
        period_end,

        -- lineage
        batch_ids
    from judged
)

select * from final
