with

source as (
    select * from {{ ref('ref_areas') }}
),

final as (
    select
        cast(area_code as varchar) as area_code,
        cast(area_name_vi as varchar) as area_name_vi,
        cast(area_name_en as varchar) as area_name_en,
        cast(area_level as varchar) as area_level,
        cast(area_type_vi as varchar) as area_type_vi,
        cast(parent_area_code as varchar) as parent_area_code,
        cast(geography as varchar) as geography,
        cast(official_code as varchar) as official_code,
        cast(valid_from as date) as valid_from,
        cast(valid_to as date) as valid_to
    from source
)

select * from final
