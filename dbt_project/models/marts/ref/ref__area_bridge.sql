with

source as (
    select * from {{ ref('ref_area_bridge') }}
),

final as (
    select
        cast(old_area_code as varchar) as old_area_code,
        cast(new_area_code as varchar) as new_area_code,
        cast(weight as double) as weight,
        cast(weight_basis as varchar) as weight_basis
    from source
)

select * from final
