{#- The calendar: one row per day from the first to the last day any indicator value covers
    (at least the current year), with the periods the indicator fact uses. -#}
with

indicator_values as (
    select * from {{ ref('int_indicator_values_computed') }}
),

bounds as (
    select
        least(min(period_start), cast(date_trunc('year', current_date) as date)) as first_day,
        greatest(max(period_start), cast(current_date as date)) as last_period_start
    from indicator_values
),

days as (
    select cast(unnest(generate_series(
        cast(bounds.first_day as timestamp),
        cast(date_trunc('year', bounds.last_period_start) + interval 1 year - interval 1 day as timestamp),
        interval 1 day
    )) as date) as date_day
    from bounds
),

final as (
    select
        -- ids
        date_day,

        -- calendar
        cast(year(date_day) as integer) as year,
        cast(quarter(date_day) as integer) as quarter,
        cast(month(date_day) as integer) as month,
        cast(day(date_day) as integer) as day_of_month,
        cast(isodow(date_day) as integer) as iso_day_of_week,
        cast(weekofyear(date_day) as integer) as iso_week,
        isodow(date_day) >= 6 as is_weekend,

        -- period starts
        cast(date_trunc('month', date_day) as date) as month_start,
        cast(date_trunc('quarter', date_day) as date) as quarter_start,
        cast(date_trunc('year', date_day) as date) as year_start,
        {{ school_year_start('date_day') }} as school_year_start,
        cast(year({{ school_year_start('date_day') }}) as varchar) || '-'
            || cast(year({{ school_year_start('date_day') }}) + 1 as varchar) as school_year,

        -- administrative geography in force
        case when date_day < date '2025-07-01' then 'pre_2025' else 'post_2025' end as geography_in_force
    from days
)

select * from final
