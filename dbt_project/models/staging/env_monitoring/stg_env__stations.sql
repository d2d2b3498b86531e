with

source as (
    select * from {{ source('env_monitoring', 'stations') }}
),

renamed as (
    select
        -- ids
        cast(station_code as varchar) as station_code,

        -- dimensions
        cast(station_name as varchar) as station_name,
        cast(station_type as varchar) as station_type,
        cast(facility_name as varchar) as facility_name,
        cast(district_code as varchar) as district_code,
        cast(commune_code_2025 as varchar) as commune_code_2025,
        -- ambient stations have no QCVN column: the registry leaves it empty
        cast(nullif(trim(cast(qcvn_column as varchar)), '') as varchar) as qcvn_column,

        -- measures
        cast(longitude as double) as longitude,
        cast(latitude as double) as latitude,

        -- lineage
        cast(_batch_id as varchar) as batch_id,
        cast(_source_file as varchar) as source_file,
        cast(_line_number as bigint) as line_number,
        cast(_loaded_at as timestamptz) as loaded_at
    from source
)

select * from renamed
