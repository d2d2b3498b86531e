-- Why: the Statistics Office's by-area tables must add up: the districts (before 2025-07) or
-- communes (after) of a figure sum to the province row of the same report. A difference beyond
-- rounding means a row was mis-keyed or mis-parsed; the office's figures are withheld until the
-- workbook is corrected. Additive measures only (month and year-to-date values, not indices).
{{ config(**ioc_check(gate='withhold', scope='statistics_office')) }}

with

figures as (
    select * from {{ ref('stg_statistics_office__indicators') }}
    where measure in ('month_value', 'ytd_value')
        and unit <> '%'
),

areas as (
    select area_code, area_level, geography from {{ ref('ref__dim_area') }}
),

by_area as (
    select
        figures.indicator_key,
        figures.reference_month,
        figures.measure,
        figures.unit,
        areas.geography,
        max(figures.value) filter (where areas.area_level = 'province') as province_value,
        sum(figures.value) filter (where areas.area_level in ('district', 'commune')) as sum_of_areas,
        count(*) filter (where areas.area_level in ('district', 'commune')) as n_areas
    from figures
    inner join areas
        on figures.area_code = areas.area_code
    group by all
),

final as (
    select
        'statistics_office' as source_system,
        *,
        round(sum_of_areas - province_value, 3) as difference
    from by_area
    where n_areas > 0
        and (
            province_value is null
            -- rounding: each printed figure is off by at most half its last decimal (0.05)
            or abs(sum_of_areas - province_value) > 0.05 * (n_areas + 1) + 0.001 * abs(province_value)
        )
)

select * from final
