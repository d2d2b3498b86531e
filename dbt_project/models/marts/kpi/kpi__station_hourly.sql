{#- Incremental by partition window: the window and a day either side of it (see
    int_env_station_hours_aggregated and the models between). -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ delete_partition_window('hour_start', lookback='1 day', lookahead='1 day') }}",
        tags=['daily_partitioned'],
    )
}}

with

station_hours as (
    select * from {{ ref('int_env_station_hours_aggregated') }}
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

stations as (
    select * from {{ ref('int_env_stations_current') }}
),

final as (
    select
        -- ids
        cast(station_hours.station_code as varchar) as station_code,
        cast(station_hours.param as varchar) as param,
        cast(station_hours.hour_start as timestamp) as hour_start,

        -- dimensions
        cast(stations.station_type as varchar) as station_type,
        cast(stations.district_code as varchar) as district_code,
        cast(stations.commune_code_2025 as varchar) as commune_code_2025,

        -- measures
        cast(station_hours.avg_value as double) as avg_value,
        cast(station_hours.min_value as double) as min_value,
        cast(station_hours.max_value as double) as max_value,
        cast(station_hours.n_valid as integer) as n_valid,
        cast(station_hours.n_received as integer) as n_received,
        cast(station_hours.n_expected as integer) as n_expected,
        cast(station_hours.completeness as double) as completeness,
        cast(station_hours.is_stuck as boolean) as is_stuck,
        cast(station_hours.is_valid_hour as boolean) as is_valid_hour,
        cast(station_hours.unit as varchar) as unit
    from station_hours
    left join stations
        on station_hours.station_code = stations.station_code
)

select * from final
