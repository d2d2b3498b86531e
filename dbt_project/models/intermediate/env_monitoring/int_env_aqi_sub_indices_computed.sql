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

nowcast as (
    select * from {{ ref('int_env_pm_nowcast_computed') }}
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

station_hours as (
    select * from {{ ref('int_env_station_hours_aggregated') }}
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

stations as (
    select * from {{ ref('int_env_stations_current') }}
),

breakpoints as (
    select * from {{ ref('ref_aqi_breakpoints') }}
),

unit_conversions as (
    select * from {{ ref('ref_unit_conversions') }}
),

-- PM is indexed on its NowCast, the gases on their valid 1-hour averages
concentrations as (
    select station_code, hour_start, param, 'nowcast' as averaging, nowcast as concentration, unit, batch_ids
    from nowcast
    union all
    select station_code, hour_start, param, '1h' as averaging, avg_value as concentration, unit, batch_ids
    from station_hours
    where is_valid_hour
),

indexed_series as (
    select distinct param, averaging, unit as index_unit
    from breakpoints
),

segments as (
    select
        *,
        segment = max(segment) over (partition by param, averaging) as is_last_segment
    from breakpoints
),

ambient_concentrations as (
    select
        concentrations.station_code,
        concentrations.hour_start,
        concentrations.param,
        concentrations.averaging,
        indexed_series.index_unit as unit,
        concentrations.concentration
            * case
                when {{ normalise_unit('concentrations.unit') }} = {{ normalise_unit('indexed_series.index_unit') }} then 1.0
                else unit_conversions.factor
            end as concentration,
        concentrations.batch_ids
    from concentrations
    inner join stations
        on concentrations.station_code = stations.station_code
    inner join indexed_series
        on concentrations.param = indexed_series.param
        and concentrations.averaging = indexed_series.averaging
    left join unit_conversions
        on {{ normalise_unit('concentrations.unit') }} = unit_conversions.from_unit
        and {{ normalise_unit('indexed_series.index_unit') }} = unit_conversions.to_unit
    where stations.station_type = 'ambient_air'
),

sub_indices as (
    select
        ambient_concentrations.*,
        -- I = (I_hi - I_lo) / (BP_hi - BP_lo) * (C - BP_lo) + I_lo, rounded to an integer;
        -- above the last breakpoint the last segment is extended
        cast(round(
            (segments.i_hi - segments.i_lo) / (segments.bp_hi - segments.bp_lo)
            * (ambient_concentrations.concentration - segments.bp_lo)
            + segments.i_lo
        ) as integer) as sub_index
    from ambient_concentrations
    left join segments
        on ambient_concentrations.param = segments.param
        and ambient_concentrations.averaging = segments.averaging
        and ambient_concentrations.concentration >= segments.bp_lo
        and (ambient_concentrations.concentration < segments.bp_hi or segments.is_last_segment)
),

final as (
    select
        -- ids
        station_code,
        hour_start,
        param,

        -- dimensions
        averaging,

        -- measures
        concentration,
        unit,
        sub_index,

        -- lineage
        batch_ids
    from sub_indices
)

select * from final
