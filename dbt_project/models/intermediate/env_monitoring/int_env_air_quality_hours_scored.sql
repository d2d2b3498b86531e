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

sub_indices as (
    select * from {{ ref('int_env_aqi_sub_indices_computed') }}
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

bands as (
    select * from {{ ref('ref_aqi_bands') }}
),

station_hours as (
    select
        station_code,
        hour_start,

        max(sub_index) filter (where param = 'PM2.5') as aqi_pm25,
        max(sub_index) filter (where param = 'PM10') as aqi_pm10,
        max(sub_index) filter (where param = 'O3') as aqi_o3,
        max(sub_index) filter (where param = 'CO') as aqi_co,
        max(sub_index) filter (where param = 'SO2') as aqi_so2,
        max(sub_index) filter (where param = 'NO2') as aqi_no2,
        max(concentration) filter (where param = 'PM2.5') as pm25_nowcast,
        max(concentration) filter (where param = 'PM10') as pm10_nowcast,

        max(sub_index) as max_sub_index,
        -- ties go to the alphabetically first parameter, so the choice is stable
        first(param order by sub_index desc, param) as top_param,
        count(*) filter (where param in ('PM2.5', 'PM10')) as n_pm_sub_indices,
        count(*) as n_sub_indices,
        list_sort(list_distinct(flatten(list(batch_ids)))) as batch_ids
    from sub_indices
    where sub_index is not null
    group by station_code, hour_start
),

scored as (
    select
        *,
        case
            when {{ 'n_pm_sub_indices > 0' if var('aqi_requires_pm') else 'true' }} then max_sub_index
        end as aqi
    from station_hours
),

final as (
    select
        -- ids
        scored.station_code,
        scored.hour_start,

        -- measures
        scored.aqi,
        bands.aqi_band_code,
        bands.name_vi as aqi_band_vi,
        bands.name_en as aqi_band_en,
        bands.colour_hex as aqi_colour,
        case when scored.aqi is not null then scored.top_param end as dominant_param,
        scored.pm25_nowcast,
        scored.pm10_nowcast,
        scored.aqi_pm25,
        scored.aqi_pm10,
        scored.aqi_o3,
        scored.aqi_co,
        scored.aqi_so2,
        scored.aqi_no2,
        cast(scored.n_sub_indices as integer) as n_sub_indices,

        -- lineage
        scored.batch_ids
    from scored
    left join bands
        on scored.aqi between bands.aqi_min and coalesce(bands.aqi_max, 2147483647)
)

select * from final
