-- Why: every KPI must be reportable in either geography with the same totals. For additive
-- indicators (sum, count) that break down to districts and communes, the pre-2025 districts and
-- the post-2025 communes must add up to the same figure (the bridge weights of an old district
-- sum to 1), and the two province codes (74 before the reform, BD after) must carry the same
-- value. Lists the (indicator, grain, period) where they differ by more than 1e-6 (relative).
{{ config(meta={'dagster': {'ref': {'name': 'kpi__indicator_values'}}}) }}

with

catalogue as (
    select * from {{ ref('ref_indicators') }}
),

indicator_values as (
    select * from {{ ref('kpi__indicator_values') }}
),

additive as (
    select indicator_code
    from catalogue
    where aggregation in ('sum', 'count')
        and breakdown like '%district%'
        and breakdown like '%commune%'
),

totals as (
    select
        indicator_values.indicator_code,
        indicator_values.period_grain,
        indicator_values.period_start,
        sum(value) filter (where area_level = 'district' and geography = 'pre_2025') as districts_total,
        sum(value) filter (where area_level = 'commune' and geography = 'post_2025') as communes_total,
        max(value) filter (where area_code = '{{ var("province_area_code") }}') as province_pre_2025,
        max(value) filter (where area_code = '{{ var("province_area_code_2025") }}') as province_post_2025
    from indicator_values
    inner join additive
        on indicator_values.indicator_code = additive.indicator_code
    group by all
),

final as (
    select *
    from totals
    where abs(coalesce(districts_total, 0) - coalesce(communes_total, 0))
            > 1e-6 * greatest(abs(coalesce(districts_total, 0)), abs(coalesce(communes_total, 0)), 1)
        or abs(coalesce(province_pre_2025, 0) - coalesce(province_post_2025, 0))
            > 1e-6 * greatest(abs(coalesce(province_pre_2025, 0)), 1)
        or (province_pre_2025 is null) <> (province_post_2025 is null)
)

select * from final
