with

comparisons as (
    select * from {{ ref('int_env_averages_compared_to_limits') }}
),

exceeding as (
    select
        *,
        -- period number on a continuous scale: consecutive periods differ by exactly 1
        case averaging
            when '1h' then datediff('hour', timestamp '2000-01-01', period_start)
            when '24h' then datediff('day', timestamp '2000-01-01', period_start)
        end as period_number,
        datediff('hour', period_start, period_end) as period_hours
    from comparisons
    where is_exceeding
),

islands as (
    select
        *,
        -- gaps and islands: constant within a run of consecutive exceeding periods
        period_number - row_number() over (
            partition by station_code, param, averaging, limit_kind
            order by period_start
        ) as island
    from exceeding
),

events as (
    select
        station_code,
        param,
        averaging,
        limit_kind,
        any_value(station_type) as station_type,
        min(period_start) as event_start,
        max(period_end) as event_end,
        sum(period_hours) as hours,
        count(*) as n_periods,
        case
            when limit_kind = 'min' then min(observed_value)
            else max(observed_value)
        end as observed_max,
        -- an event is reported against the limit in force when it started
        first(limit_value order by period_start) as limit_value,
        first(unit order by period_start) as unit,
        first(regulation order by period_start) as regulation,
        first(regulation_version order by period_start) as regulation_version,
        list_sort(list_distinct(flatten(list(batch_ids)))) as batch_ids
    from islands
    group by station_code, param, averaging, limit_kind, island
),

final as (
    select
        -- ids
        md5(concat_ws('|', station_code, param, averaging, limit_kind, strftime(event_start, '%Y-%m-%dT%H:%M:%S'))) as event_id,
        station_code,

        -- dimensions
        station_type,
        param,
        averaging,
        limit_kind,
        regulation,
        regulation_version,

        -- measures
        cast(hours as integer) as hours,
        cast(n_periods as integer) as n_periods,
        observed_max,
        limit_value,
        unit,

        -- timestamps
        event_start,
        event_end,

        -- lineage
        batch_ids
    from events
)

select * from final
