{%- set per_hour = var('env_readings_per_hour') %}
{%- set stuck_readings = var('env_stuck_min_readings') %}
{#- Incremental by partition window: the window and the hour either side of it (a stuck run,
    >= 1 h of identical readings crossing the window's edge, flags the neighbouring hour too). -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_partition_window('hour_start', lookback='1 hour', lookahead='1 hour') }}",
        tags=['daily_partitioned'],
    )
}}

with

readings as (
    -- the window's readings and a day either side, so a stuck run that began before midnight, or
    -- that goes on after the window, is seen whole
    select * from {{ ref('int_env_readings_deduplicated') }}
    where {{ in_model_window('measured_at_local', lookback='1 day', lookahead='1 day') }}
),

stations as (
    select * from {{ ref('int_env_stations_current') }}
),

parameters as (
    select * from {{ ref('ref_env_parameters') }}
),

validated as (
    select
        readings.*,
        readings.status_code = '00'
            and readings.value is not null
            -- a status-00 value outside the plausible range of the parameter is a fault too;
            -- parameters not in ref_env_parameters are not range-checked
            and readings.value >= coalesce(parameters.plausible_min, readings.value)
            and readings.value <= coalesce(parameters.plausible_max, readings.value)
            as is_valid
    from readings
    left join stations
        on readings.station_code = stations.station_code
    left join parameters
        on stations.station_type = parameters.station_type
        and readings.param = parameters.param
),

-- stuck sensor: the same value in consecutive valid readings over >= 1 hour
run_starts as (
    select
        *,
        case
            when value = lag(value) over by_time then 0
            else 1
        end as starts_run
    from validated
    where is_valid
    window by_time as (partition by station_code, param order by measured_at_local)
),

runs as (
    select
        *,
        sum(starts_run) over (
            partition by station_code, param
            order by measured_at_local
            rows between unbounded preceding and current row
        ) as run_number
    from run_starts
),

run_lengths as (
    select
        station_code,
        param,
        measured_at_local,
        count(*) over by_run >= {{ stuck_readings }}
            and datediff(
                'minute',
                min(measured_at_local) over by_run,
                max(measured_at_local) over by_run
            ) >= ({{ stuck_readings }} - 1) * 60 / {{ per_hour }}
            as is_stuck_reading
    from runs
    window by_run as (partition by station_code, param, run_number)
),

flagged as (
    select
        validated.*,
        coalesce(run_lengths.is_stuck_reading, false) as is_stuck_reading
    from validated
    left join run_lengths
        on validated.station_code = run_lengths.station_code
        and validated.param = run_lengths.param
        and validated.measured_at_local = run_lengths.measured_at_local
),

hourly as (
    select
        station_code,
        param,
        date_trunc('hour', measured_at_local) as hour_start,
        -- summed as decimals: exact, so the mean does not depend on the order DuckDB's parallel
        -- aggregate adds the readings in (21.0, not 20.999999999999996, whichever rows a build
        -- holds: an incremental run and a full build give the same sub-index)
        cast(avg(cast(value as decimal(38, 12))) filter (where is_valid) as double) as avg_value,
        min(value) filter (where is_valid) as min_value,
        max(value) filter (where is_valid) as max_value,
        count(*) filter (where is_valid) as n_valid,
        count(*) as n_received,
        coalesce(bool_or(is_stuck_reading), false) as is_stuck,
        mode(unit) filter (where is_valid) as unit,
        list_sort(array_agg(distinct batch_id) filter (where is_valid)) as batch_ids
    from flagged
    group by station_code, param, date_trunc('hour', measured_at_local)
    having count(*) filter (where is_valid) > 0
),

final as (
    select
        -- ids
        station_code,
        param,
        hour_start,

        -- measures
        avg_value,
        min_value,
        max_value,
        cast(n_valid as integer) as n_valid,
        cast(n_received as integer) as n_received,
        cast({{ per_hour }} as integer) as n_expected,
        least(n_valid / {{ per_hour }}, 1.0) as completeness,
        is_stuck,
        least(n_valid / {{ per_hour }}, 1.0) >= {{ var('env_min_hour_completeness') }}
            and not is_stuck as is_valid_hour,
        unit,

        -- lineage
        batch_ids
    from hourly
    where {{ in_model_window('hour_start', lookback='1 hour', lookahead='1 hour') }}
)

select * from final
