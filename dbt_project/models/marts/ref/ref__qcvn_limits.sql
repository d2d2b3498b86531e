with

source as (
    select * from {{ ref('ref_qcvn_limits') }}
),

final as (
    select
        cast(limit_id as varchar) as limit_id,
        cast(regulation as varchar) as regulation,
        cast(version as varchar) as version,
        cast(param as varchar) as param,
        cast(station_type as varchar) as station_type,
        cast(qcvn_column as varchar) as qcvn_column,
        cast(averaging as varchar) as averaging,
        cast(limit_min as double) as limit_min,
        cast(limit_max as double) as limit_max,
        cast(unit as varchar) as unit,
        cast(valid_from as date) as valid_from,
        cast(valid_to as date) as valid_to,
        cast(note as varchar) as note
    from source
)

select * from final
