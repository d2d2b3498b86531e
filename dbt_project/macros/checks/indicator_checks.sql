{#- Sudden jumps of published indicator values against their own history.

    Series: indicator x area x the indicator's finest grain, at the area levels in `area_levels`
    (commune-level monthly counts are too small to judge). A value is judged against
      * the median of its series' up to `window` previous values (at least `min_history` of them,
        median >= `min_median`), on a log scale: it jumps when it is more than `factor` times
        above or below that median AND further from it than `z` robust spreads of that history
        (interquartile range of the log values / 1.349) — a volatile series is not flagged for
        being itself;
      * for monthly and coarser grains also the same period a year earlier, which must exist and
        be `factor` times away too: a year-to-date series restarting in January, or a seasonal
        peak, is not a jump.
    A zero after a history that never was zero (median >= `min_median`) is a jump. Values are
    positive quantities; indices around 100 rarely move 5x. One row per jump, with source_system. -#}
{% macro ioc_indicator_jumps(factor=5, z=4, window=12, min_history=6, min_median=20, area_levels=('province', 'district')) -%}
with

catalogue as (
    select indicator_code, source_system, {{ ioc_frequency_grain('frequency') }} as finest_grain
    from {{ ref('ref__dim_indicator') }}
),

areas as (
    select area_code, area_level from {{ ref('ref__dim_area') }}
),

series as (
    select
        indicator_values.indicator_code,
        catalogue.source_system,
        indicator_values.area_code,
        areas.area_level,
        indicator_values.period_grain,
        indicator_values.period_start,
        indicator_values.value,
        case when indicator_values.value > 0 then ln(indicator_values.value) end as log_value
    from {{ ref('kpi__indicator_values') }} as indicator_values
    inner join catalogue
        on indicator_values.indicator_code = catalogue.indicator_code
        and indicator_values.period_grain = catalogue.finest_grain
    inner join areas
        on indicator_values.area_code = areas.area_code
    where indicator_values.value is not null
        and areas.area_level in ({% for level in area_levels %}'{{ level }}'{{ ", " if not loop.last }}{% endfor %})
),

with_history as (
    select
        *,
        quantile_cont(log_value, [0.25, 0.5, 0.75]) over history as log_quartiles,
        count(log_value) over history as n_positive,
        count(value) over history as history_count,
        min(value) over history as history_min,
        quantile_cont(value, 0.5) over history as history_median,
        lag(value, 12) over by_period as value_12_before,
        lag(period_start, 12) over by_period as start_12_before
    from series
    window
        history as (
            partition by indicator_code, area_code, period_grain order by period_start
            rows between {{ window }} preceding and 1 preceding
        ),
        by_period as (partition by indicator_code, area_code, period_grain order by period_start)
),

judged as (
    select
        *,
        log_quartiles[2] as median_log,
        greatest((log_quartiles[3] - log_quartiles[1]) / 1.349, 0) as spread_log,
        case
            when period_grain = 'month' and start_12_before = period_start - interval 1 year then value_12_before
            when period_grain in ('quarter', 'year') then (
                select any_value(earlier.value) from series as earlier
                where earlier.indicator_code = with_history.indicator_code
                    and earlier.area_code = with_history.area_code
                    and earlier.period_grain = with_history.period_grain
                    and earlier.period_start = with_history.period_start - interval 1 year
            )
        end as value_year_before
    from with_history
    where history_count >= {{ min_history }}
        and history_median >= {{ min_median }}
),

final as (
    select
        source_system,
        indicator_code,
        area_code,
        area_level,
        period_grain,
        period_start,
        value,
        round(history_median, 3) as history_median,
        value_year_before,
        round(value / nullif(history_median, 0), 2) as ratio_to_median
    from judged
    where (
            value > 0
            and n_positive >= {{ min_history }}
            and abs(log_value - median_log) > greatest(ln({{ factor }}), {{ z }} * spread_log)
            and (
                period_grain in ('day', 'week')
                or (value_year_before > 0 and abs(ln(value / value_year_before)) > ln({{ factor }}))
            )
        )
        or (
            value <= 0
            and history_min > 0
            and (period_grain in ('day', 'week') or value_year_before >= {{ min_median }})
        )
)

select * from final
{%- endmacro %}
