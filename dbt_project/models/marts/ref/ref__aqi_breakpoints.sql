with

source as (
    select * from {{ ref('ref_aqi_breakpoints') }}
),

final as (
    select
        cast(param as varchar) as param,
        cast(averaging as varchar) as averaging,
        cast(segment as integer) as segment,
        cast(bp_lo as double) as bp_lo,
        cast(bp_hi as double) as bp_hi,
        cast(i_lo as integer) as i_lo,
        cast(i_hi as integer) as i_hi,
        cast(unit as varchar) as unit,
        cast(source as varchar) as source,
        cast(note as varchar) as note
    from source
)

select * from final
