with

source as (
    select * from {{ ref('ref_aqi_bands') }}
),

final as (
    select
        cast(aqi_band_code as varchar) as aqi_band_code,
        cast(sort_order as integer) as sort_order,
        cast(aqi_min as integer) as aqi_min,
        cast(aqi_max as integer) as aqi_max,
        cast(name_vi as varchar) as name_vi,
        cast(name_en as varchar) as name_en,
        cast(colour_hex as varchar) as colour_hex,
        cast(colour_rgb as varchar) as colour_rgb,
        cast(source as varchar) as source
    from source
)

select * from final
