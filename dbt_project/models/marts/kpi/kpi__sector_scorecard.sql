{#- Per sector and area: how many of the sector's indicators that apply to the area (its level
    is in the indicator's breakdown) are on track, in warning, critical, without a target, or
    missing (no value at all), judged on each indicator's latest value (kpi.indicator_latest).
    Areas: both provinces (74, BD), the pre-2025 districts and the post-2025 communes. -#}
with

sectors as (
    select * from {{ ref('ref_sectors') }}
),

catalogue as (
    select * from {{ ref('ref_indicators') }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

latest as (
    select * from {{ ref('kpi__indicator_latest') }}
),

scored_areas as (
    select area_code, area_level, geography
    from areas
    where not (area_level = 'commune' and geography = 'pre_2025')
),

applicable as (
    select
        catalogue.sector_code,
        catalogue.indicator_code,
        scored_areas.area_code,
        scored_areas.geography
    from catalogue
    inner join scored_areas
        on list_contains(list_transform(string_split(catalogue.breakdown, '|'), lambda l: trim(l)), scored_areas.area_level)
),

judged as (
    select
        applicable.*,
        coalesce(latest.status, 'missing') as status,
        latest.period_start
    from applicable
    left join latest
        on applicable.indicator_code = latest.indicator_code
        and applicable.area_code = latest.area_code
),

final as (
    select
        -- ids
        cast(sectors.sector_code as varchar) as sector_code,
        cast(judged.area_code as varchar) as area_code,

        -- dimensions
        cast(sectors.name_vi as varchar) as sector_name_vi,
        cast(sectors.name_en as varchar) as sector_name_en,
        cast(judged.geography as varchar) as geography,

        -- measures
        cast(count(*) as bigint) as n_indicators,
        cast(count(*) filter (where judged.status <> 'missing') as bigint) as n_with_value,
        cast(count(*) filter (where judged.status = 'on_track') as bigint) as n_on_track,
        cast(count(*) filter (where judged.status = 'warning') as bigint) as n_warning,
        cast(count(*) filter (where judged.status = 'critical') as bigint) as n_critical,
        cast(count(*) filter (where judged.status = 'no_target') as bigint) as n_no_target,
        cast(count(*) filter (where judged.status = 'missing') as bigint) as n_missing,
        cast(100.0 * count(*) filter (where judged.status = 'on_track')
            / nullif(count(*) filter (where judged.status in ('on_track', 'warning', 'critical')), 0) as double)
            as on_track_pct,

        -- timestamps
        cast(max(judged.period_start) as date) as latest_period_start
    from judged
    inner join sectors
        on judged.sector_code = sectors.sector_code
    group by sectors.sector_code, judged.area_code, sectors.name_vi, sectors.name_en, judged.geography
)

select * from final
