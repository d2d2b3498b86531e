with

source as (
    select * from {{ source('env_monitoring', 'readings') }}
),

renamed as (
    select
        -- ids
        cast(station_code as varchar) as station_code,
        cast(param as varchar) as param,
        cast(param_raw as varchar) as param_raw,

        -- measures
        cast(value as double) as value,
        cast(unit as varchar) as unit,
        cast(status as varchar) as status_code,

        -- timestamps
        cast(measured_at_local as timestamp) as measured_at_local,

        -- lineage
        cast(_batch_id as varchar) as batch_id,
        cast(_source_file as varchar) as source_file,
        cast(_line_number as bigint) as line_number,
        cast(_loaded_at as timestamptz) as loaded_at
    from source
)

select * from renamed
