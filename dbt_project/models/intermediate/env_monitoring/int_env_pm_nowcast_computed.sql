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

windows as (
    select * from {{ ref('int_env_pm_nowcast_windows') }}
    where {{ in_model_window('hour_start', lookback='1 day', lookahead='1 day') }}
),

window_stats as (
    select
        station_code,
        param,
        hour_start,
        min(concentration) as c_min,
        max(concentration) as c_max,
        count(*) as n_hours,
        count(*) filter (where hour_index <= 3) as n_recent_hours,
        mode(unit) as unit
    from windows
    group by station_code, param, hour_start
),

weights as (
    select
        *,
        -- w* = cmin / cmax, w = max(w*, 1/2); all-zero windows get w = 1 (NowCast 0)
        case
            when c_max = 0 then 1.0
            else greatest(c_min / c_max, 0.5)
        end as weight_factor
    from window_stats
    -- data sufficiency: at least 2 valid hours among c1, c2, c3
    where n_recent_hours >= {{ var('aqi_nowcast_min_recent_hours') }}
),

weighted as (
    select
        weights.station_code,
        weights.param,
        weights.hour_start,
        -- NowCast = sum(w^(i-1) * c_i) / sum(w^(i-1)) over the valid hours i of the window
        -- (summed as decimals: independent of the order of the window's rows)
        cast(sum(cast(pow(weights.weight_factor, windows.hour_index - 1) * windows.concentration as decimal(38, 12)))
            / sum(cast(pow(weights.weight_factor, windows.hour_index - 1) as decimal(38, 12))) as double) as nowcast,
        list_sort(list_distinct(flatten(list(windows.batch_ids)))) as batch_ids
    from weights
    inner join windows
        on weights.station_code = windows.station_code
        and weights.param = windows.param
        and weights.hour_start = windows.hour_start
    group by weights.station_code, weights.param, weights.hour_start
),

final as (
    select
        -- ids
        weights.station_code,
        weights.param,
        weights.hour_start,

        -- measures
        round(weighted.nowcast, 2) as nowcast,
        round(weights.weight_factor, 4) as weight_factor,
        weights.c_min,
        weights.c_max,
        cast(weights.n_hours as integer) as n_hours,
        cast(weights.n_recent_hours as integer) as n_recent_hours,
        weights.unit,

        -- lineage
        weighted.batch_ids
    from weights
    inner join weighted
        on weights.station_code = weighted.station_code
        and weights.param = weighted.param
        and weights.hour_start = weighted.hour_start
)

select * from final
