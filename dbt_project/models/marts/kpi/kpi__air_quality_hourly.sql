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

air_quality_hours as (
    select * from {{ ref('int_env_air_quality_hours_scored') }}
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

stations as (
    select * from {{ ref('int_env_stations_current') }}
),

final as (
    select
        -- ids
        cast(air_quality_hours.station_code as varchar) as station_code,
        cast(air_quality_hours.hour_start as timestamp) as hour_start,

        -- dimensions
        cast(stations.district_code as varchar) as district_code,
        cast(stations.commune_code_2025 as varchar) as commune_code_2025,

        -- measures
        cast(air_quality_hours.aqi as integer) as aqi,
        cast(air_quality_hours.aqi_band_code as varchar) as aqi_band_code,
        cast(air_quality_hours.aqi_band_vi as varchar) as aqi_band_vi,
        cast(air_quality_hours.aqi_band_en as varchar) as aqi_band_en,
        cast(air_quality_hours.aqi_colour as varchar) as aqi_colour,
        cast(air_quality_hours.dominant_param as varchar) as dominant_param,
        cast(air_quality_hours.pm25_nowcast as double) as pm25_nowcast,
        cast(air_quality_hours.pm10_nowcast as double) as pm10_nowcast,
        cast(air_quality_hours.aqi_pm25 as integer) as aqi_pm25,
        cast(air_quality_hours.aqi_pm10 as integer) as aqi_pm10,
        cast(air_quality_hours.aqi_o3 as integer) as aqi_o3,
        cast(air_quality_hours.aqi_co as integer) as aqi_co,
        cast(air_quality_hours.aqi_so2 as integer) as aqi_so2,
        cast(air_quality_hours.aqi_no2 as integer) as aqi_no2
    from air_quality_hours
    left join stations
        on air_quality_hours.station_code = stations.station_code
)

select * from final
