with

source as (
    select * from {{ ref('ref_sectors') }}
),

final as (
    select
        cast(sector_code as varchar) as sector_code,
        cast(sort_order as integer) as sort_order,
        cast(name_vi as varchar) as name_vi,
        cast(name_en as varchar) as name_en,
        cast(lead_department_vi as varchar) as lead_department_vi,
        cast(note as varchar) as note
    from source
)

select * from final
