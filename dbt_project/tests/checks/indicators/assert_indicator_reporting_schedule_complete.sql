-- Why: a month with no report must be visible, not silently missing from a chart's line. For
-- each reported indicator (catalogue method 'reported': a department's periodic report; for
-- indicators derived from events, no row means nothing happened) at its finest grain, and each
-- province or district (communes are too fine: var ioc_completeness_area_levels), lists the
-- periods between the area's first value and the indicator's latest one (or the area's end of
-- validity) with no value ('missing_period'), and indicators whose latest period is older than
-- the last one due by now ('late'; due = as-of date minus the frequency's reporting lag).
-- A warning: the other values of the department are right and stay published.
{{ config(**ioc_check(gate='warn', scope='rows')) }}

with

catalogue as (
    select
        indicator_code,
        source_system,
        frequency,
        {{ ioc_frequency_grain('frequency') }} as finest_grain,
        {{ ioc_reporting_lag_days('frequency') }} as lag_days
    from {{ ref('ref__dim_indicator') }}
    where method = 'reported'
),

areas as (
    select area_code, valid_to from {{ ref('ref__dim_area') }}
    where area_level in (
        {%- for level in var('ioc_completeness_area_levels', ['province', 'district']) -%}
        '{{ level }}'{{ ", " if not loop.last }}
        {%- endfor -%}
    )
),

indicator_values as (
    select indicator_values.indicator_code, indicator_values.area_code, indicator_values.period_start,
           catalogue.source_system, catalogue.finest_grain, catalogue.frequency, catalogue.lag_days
    from {{ ref('kpi__indicator_values') }} as indicator_values
    inner join catalogue
        on indicator_values.indicator_code = catalogue.indicator_code
        and indicator_values.period_grain = catalogue.finest_grain
    inner join areas
        on indicator_values.area_code = areas.area_code
    where indicator_values.value is not null
),

indicator_spans as (
    select indicator_code, max(period_start) as last_period
    from indicator_values
    group by indicator_code
),

area_spans as (
    select
        indicator_values.indicator_code,
        indicator_values.area_code,
        any_value(indicator_values.source_system) as source_system,
        any_value(indicator_values.finest_grain) as grain,
        min(indicator_values.period_start) as first_period,
        least(any_value(indicator_spans.last_period), coalesce(any_value(areas.valid_to), date '9999-12-31')) as last_expected
    from indicator_values
    inner join indicator_spans
        on indicator_values.indicator_code = indicator_spans.indicator_code
    inner join areas
        on indicator_values.area_code = areas.area_code
    group by indicator_values.indicator_code, indicator_values.area_code
),

expected as (
    select
        indicator_code,
        area_code,
        source_system,
        grain,
        cast(unnest(generate_series(first_period, last_expected, {{ ioc_grain_interval('grain') }})) as date) as period_start
    from area_spans
    where last_expected >= first_period
),

missing as (
    select expected.source_system, expected.indicator_code, expected.area_code, expected.grain as period_grain,
           expected.period_start, 'missing_period' as issue
    from expected
    left join indicator_values
        on expected.indicator_code = indicator_values.indicator_code
        and expected.area_code = indicator_values.area_code
        and expected.period_start = indicator_values.period_start
    where indicator_values.indicator_code is null
),

late as (
    select
        catalogue.source_system,
        catalogue.indicator_code,
        '*' as area_code,
        catalogue.finest_grain as period_grain,
        cast(date_trunc(catalogue.finest_grain, {{ ioc_as_of_date() }} - to_days(catalogue.lag_days)) as date) as period_start,
        'late' as issue
    from catalogue
    inner join indicator_spans
        on catalogue.indicator_code = indicator_spans.indicator_code
    where catalogue.finest_grain in ('day', 'month', 'quarter', 'year')
        and catalogue.frequency <> 'school_year'
        and indicator_spans.last_period
            < cast(date_trunc(catalogue.finest_grain, {{ ioc_as_of_date() }} - to_days(catalogue.lag_days)) as date)
),

final as (
    select * from missing
    union all
    select * from late
)

select * from final
