with

sectors as (
    select * from {{ ref('ref_sectors') }}
),

catalogue as (
    select * from {{ ref('ref_indicators') }}
),

indicator_counts as (
    select
        sector_code,
        count(*) as n_indicators,
        count(*) filter (where method = 'derived') as n_derived,
        count(*) filter (where method = 'reported') as n_reported,
        count(*) filter (where target is not null or warning_threshold is not null) as n_with_target
    from catalogue
    group by sector_code
),

final as (
    select
        cast(sectors.sector_code as varchar) as sector_code,
        cast(sectors.sort_order as integer) as sort_order,
        cast(sectors.name_vi as varchar) as name_vi,
        cast(sectors.name_en as varchar) as name_en,
        cast(sectors.lead_department_vi as varchar) as lead_department_vi,
        cast(sectors.note as varchar) as note,
        cast(coalesce(indicator_counts.n_indicators, 0) as bigint) as n_indicators,
        cast(coalesce(indicator_counts.n_derived, 0) as bigint) as n_derived,
        cast(coalesce(indicator_counts.n_reported, 0) as bigint) as n_reported,
        cast(coalesce(indicator_counts.n_with_target, 0) as bigint) as n_with_target
    from sectors
    left join indicator_counts
        on sectors.sector_code = indicator_counts.sector_code
)

select * from final
