with

source as (
    select * from {{ ref('ref_env_parameters') }}
),

final as (
    select
        cast(station_type as varchar) as station_type,
        cast(param as varchar) as param,
        cast(name_vi as varchar) as name_vi,
        cast(name_en as varchar) as name_en,
        cast(unit as varchar) as unit,
        cast(is_expected as boolean) as is_expected,
        cast(plausible_min as double) as plausible_min,
        cast(plausible_max as double) as plausible_max,
        cast(note as varchar) as note
    from source
)

select * from final
