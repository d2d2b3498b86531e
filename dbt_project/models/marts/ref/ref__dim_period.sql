{#- One row per (period_grain, period_start) of kpi.indicator_values, with its end and labels.
    A 'year' starting on 1 September is a school year (frequency school_year). -#}
with

calendar as (
    select * from {{ ref('ref__dim_date') }}
),

periods as (
    select distinct 'day' as period_grain, date_day as period_start, date_day as period_end from calendar
    union all
    select distinct 'month', month_start, cast(month_start + interval 1 month - interval 1 day as date) from calendar
    union all
    select distinct 'quarter', quarter_start, cast(quarter_start + interval 3 month - interval 1 day as date) from calendar
    union all
    select distinct 'year', year_start, cast(year_start + interval 1 year - interval 1 day as date) from calendar
    union all
    select distinct 'year', school_year_start, cast(school_year_start + interval 1 year - interval 1 day as date) from calendar
),

final as (
    select
        -- ids
        cast(period_grain as varchar) as period_grain,
        cast(period_start as date) as period_start,

        -- dimensions
        cast(period_end as date) as period_end,
        month(period_start) = 9 and day(period_start) = 1 and period_grain = 'year' as is_school_year,
        cast(case
            when period_grain = 'day' then strftime(period_start, '%d/%m/%Y')
            when period_grain = 'month' then 'Tháng ' || month(period_start) || '/' || year(period_start)
            when period_grain = 'quarter' then 'Quý ' || quarter(period_start) || '/' || year(period_start)
            when month(period_start) = 9 then 'Năm học ' || year(period_start) || '-' || (year(period_start) + 1)
            else 'Năm ' || year(period_start)
        end as varchar) as period_label_vi,
        cast(case
            when period_grain = 'day' then strftime(period_start, '%Y-%m-%d')
            when period_grain = 'month' then strftime(period_start, '%Y-%m')
            when period_grain = 'quarter' then year(period_start) || '-Q' || quarter(period_start)
            when month(period_start) = 9 then 'School year ' || year(period_start) || '-' || (year(period_start) + 1)
            else cast(year(period_start) as varchar)
        end as varchar) as period_label_en
    from periods
)

select * from final
